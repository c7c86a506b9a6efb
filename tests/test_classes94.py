"""Unseen set 94's miss classes as general rules (classes94)."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def _plan_rows(header: str) -> list[list[object]]:
    rows: list[list[object]] = [["Risk Definition", None, None, "Risk Control"],
                                ["ID", "Risk Description", "Cause", header]]
    rows += [[i, f"Database server number {i} runs out of space", f"Growth of the archive {i}",
              f"* Archive old records every month.\n* Add a second disk to server {i}.\n* Alert at 80 % full."]
             for i in range(1, 5)]
    return rows


def test_a_strategy_column_of_bulleted_measures_is_the_response_plan(sqlite_store, tmp_path):
    """"Strategy" names the response type (Reduce, Accept …), but a column of sentences and bullets under it is
    the plan: decided by the column's content, said. It was kept in the notes or read as no type at all."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": _plan_rows("Strategy")},
                                        {"Sheet1": ["A1:C1"]}))
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 4
    actions = " ".join(a["description"] or "" for a in rows_of(sqlite_store, "risk_actions"))
    assert "Add a second disk to server 3" in actions


def test_a_one_letter_slip_in_the_strategy_header_is_still_the_plan(sqlite_store, tmp_path):
    """"Stragety" / "Stagery" (a letter dropped or swapped) under a group label: matched to "strategy" as the
    header word is long and no other header word is as close."""
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": _plan_rows("Stagery")},
                                        {"Sheet1": ["A1:C1"]}))
    actions = " ".join(a["description"] or "" for a in rows_of(sqlite_store, "risk_actions"))
    assert "Add a second disk to server 2" in actions
