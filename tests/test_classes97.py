"""Unseen set 97's miss classes as general rules (classes97)."""

from __future__ import annotations

from datetime import date

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def _template_rows(example: list[object], real: int) -> list[list[object]]:
    rows: list[list[object]] = [["Issue log for <Name of the programme>"], [],
                                ["Issue No", "Area", "Summary", "Score", "Raised by", "Lead", "Evidence"],
                                example]
    rows += [[f"IS-{i}", "Supply", f"Vendor delivery number {i} arrives late", 4, "Mira Holt", "Omar Reyes",
              f"Mail of week {i}"] for i in range(1, real + 1)]
    return rows


_EXAMPLE: list[object] = ["IS-###", "<Area>", "<Short summary:>", "<1–5>", "<Name>", "<Name>", "<Link>"]


def test_an_empty_templates_example_row_of_placeholders_and_an_id_mask_is_skipped(sqlite_store, tmp_path):
    """Every filled cell an angle-bracketed label ("<Area>", a scale "<1–5>") or the ID's mask ("IS-###"): the
    template's example row, skipped and said; no record and no person from it."""
    outcome = import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Log": _template_rows(_EXAMPLE, 0)}))
    assert rows_of(sqlite_store, "issues") == []
    assert rows_of(sqlite_store, "people") == []
    said = [r.reason for s in outcome.sheets for r in s.reports]
    assert any("placeholders of a template" in r for r in said)


def test_the_example_row_is_skipped_and_the_records_under_it_are_kept(sqlite_store, tmp_path):
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Log": _template_rows(_EXAMPLE, 3)}))
    titles = sorted(r["title"] for r in rows_of(sqlite_store, "issues"))
    assert titles == [f"Vendor delivery number {i} arrives late" for i in range(1, 4)]
    assert "<Name>" not in {p["name"] for p in rows_of(sqlite_store, "people")}


def test_a_mask_beside_a_real_value_is_a_record(sqlite_store, tmp_path):
    """The mask and placeholders beside one real text: someone's record, as before."""
    row: list[object] = ["IS-###", "<Area>", "Badge readers fail at the north gate", "<1–5>", None, None, None]
    import_all(sqlite_store, write_xlsx(tmp_path / "issues.xlsx", {"Log": _template_rows(row, 0)}))
    assert [r["title"] for r in rows_of(sqlite_store, "issues")] == ["Badge readers fail at the north gate"]


def _plan_sheet(header: list[str]) -> dict[str, list[list[object]]]:
    people = ["Nadia Brook", "Tomas Ek", "Ines Duarte"]
    rows: list[list[object]] = [header]
    for i in range(1, 5):
        cells = {"Ref": f"R-{i:02d}", "Risk": f"Supplier {i} misses the data-centre move window",
                 "Mitigation": f"Book a second install slot with supplier {i}", "Owner": people[i % 3],
                 "Target date": date(2026, 3, i), "Status": "Open"}
        rows.append([cells[h] for h in header])
    return {"Register": rows}


def _actions(store) -> dict[str, dict]:
    return {a["description"]: a for a in rows_of(store, "risk_actions")}


def test_the_owner_between_the_plan_and_its_date_does_the_plan_by_that_date(sqlite_store, tmp_path):
    """"plan | owner | date | status": the date stays the risk's proximity and is the plan's due date, the owner
    the risk's and the action's actionee — said once for the sheet."""
    header = ["Ref", "Risk", "Mitigation", "Owner", "Target date", "Status"]
    outcome = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", _plan_sheet(header)))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert risks["R-02"]["proximity"] == date(2026, 3, 2) and risks["R-02"]["owner"] == "Ines Duarte"
    action = _actions(sqlite_store)["Book a second install slot with supplier 2"]
    assert (action["actionee"], action["due"]) == ("Ines Duarte", date(2026, 3, 2))
    notes = " ".join(s.note or "" for s in outcome.sheets)
    assert "actionee and due date as well" in notes


def test_the_date_right_after_the_plan_reads_as_before(sqlite_store, tmp_path):
    """"plan | date | owner": the date is the plan's due date as before; the owner after it is the risk's only."""
    header = ["Ref", "Risk", "Mitigation", "Target date", "Owner", "Status"]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", _plan_sheet(header)))
    action = _actions(sqlite_store)["Book a second install slot with supplier 3"]
    assert (action["actionee"], action["due"]) == (None, date(2026, 3, 3))
    assert {r["code"]: r for r in rows_of(sqlite_store, "risks")}["R-03"]["proximity"] == date(2026, 3, 3)
