"""Issue 12, classes84: the miss classes of unseen set 84 as general rules — a plan's status column is its actions'
status, not a second plan; a challenge names an issue; an issue log's own ID column and name decide over status
words; a portfolio status report's rows are status reports. Each test writes a workbook of the shape (never a
fetched file) and failed on the code before (main fa24007c)."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


@pytest.mark.parametrize(("plan", "status"), [
    ("Mitigation Plan", "Mitigation Status"),
    ("Response", "Response Status"),
    ("Maßnahme", "Maßnahmenstatus"),
    ("Plan d'action", "Statut de l'action"),
])
def test_a_plans_status_column_is_its_actions_status_not_a_second_plan(sqlite_store, tmp_path, plan, status):
    """"Risk | Mitigation Plan | Mitigation Status": the status ("In progress", "Waiting approval") was made a second
    action of the risk beside its plan. It is the plan's status: one action a risk, its status read where it is one
    of the action's words, else kept in the risk's notes."""
    rows: list[list[object]] = [["Risk", plan, status],
                                ["The vendor may deliver late", "Find a second vendor", "In progress"],
                                ["Key people may leave", "Cross-train the team", "Waiting approval"],
                                ["The budget may be cut", "Agree the budget early", None]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"The vendor may deliver late", "Key people may leave", "The budget may be cut"}
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert set(actions) == {"Find a second vendor", "Cross-train the team", "Agree the budget early"}
    assert actions["Find a second vendor"]["status"] == "In progress"
    assert "Waiting approval" in (risks["Key people may leave"]["notes"] or "")
