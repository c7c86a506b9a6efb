"""Actions read from a record's own columns (an issue log's "Action", a risk register's "Mitigation") have no
status of their own: a closed record's are finished with it, stored Done and said once a sheet (closed53)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS


def _actions(store, register: str, actions: str) -> dict[str, list[dict]]:
    """Each stored record's actions (description and status), by the record's code."""
    reg = REGISTERS[actions]
    out: dict[str, list[dict]] = {}
    with store.session() as s:
        for code in by_code(store, register):
            pid = records.find_id_by_code(s, REGISTERS[register], code)
            out[code] = [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, parent_id=pid)]
    return {code: [(a["description"], a["status"]) for a in acts] for code, acts in out.items()}


# per language: the issue log's sheet, its header (ID, issue, status, the action) and its statuses closed, resolved
# and open as the sheet writes them
ISSUE_LOGS = {
    "en": ("Issue log", ["ID", "Issue", "Status", "Action"], "Closed", "Resolved", "Open"),
    "de": ("Offene Punkte", ["Nr", "Problem", "Status", "Maßnahme"], "Erledigt", "Gelöst", "Offen"),
}


@pytest.mark.parametrize("language", sorted(ISSUE_LOGS))
def test_a_closed_issues_action_is_done(sqlite_store, tmp_path, language):
    """Round 37's German issue log gives each issue's measure in "Maßnahme" and every issue "Erledigt": its 90
    actions came in "Not started", 90 open actions in the action log under closed issues. An action the sheet
    gives no status of its own is finished with its issue when the issue is closed or resolved, said once; an
    open issue's action stays as it was, not started."""
    sheet, header, closed, resolved, open_ = ISSUE_LOGS[language]
    path = write_xlsx(tmp_path / f"issues_{language}.xlsx", {sheet: [header,
        ["I-1", "Supplier contract not signed", closed, "Escalate to the sponsor"],
        ["I-2", "Test server not delivered", resolved, "Borrow the training server"],
        ["I-3", "Two testers on leave in May", open_, "Hire a contractor"]]})
    plan = import_all(sqlite_store, path)
    assert _actions(sqlite_store, "issues", "issue_actions") == {
        "I-1": [("Escalate to the sponsor", "Done")],
        "I-2": [("Borrow the training server", "Done")],
        "I-3": [("Hire a contractor", "Not started")]}
    assert {c: r["status"] for c, r in by_code(sqlite_store, "issues").items()} == \
        {"I-1": "Closed", "I-2": "Resolved", "I-3": "Open"}
    assert "".join(s.note for s in plan.sheets).count("2 actions of closed or resolved issues stored as Done: the sheet gives no status of "
                           "their own") == 1


def test_a_closed_risks_mitigation_is_done(sqlite_store, tmp_path):
    """A risk register's "Mitigation" column: a closed risk's plan, with no status of its own, is done with
    the risk; an open risk's and an occurred one's (now an issue, its plan maybe still under way) are not."""
    path = write_xlsx(tmp_path / "risks.xlsx", {"Risk register": [
        ["ID", "Risk", "Probability", "Impact", "Status", "Mitigation"],
        ["R-1", "Supplier may miss the rack delivery", 3, 4, "Closed", "Second supplier on standby"],
        ["R-2", "Key developer may leave", 2, 4, "Open", "Pair the new developers with seniors"],
        ["R-3", "Data centre may flood", 1, 5, "Occurred", "Move the racks upstairs"]]})
    plan = import_all(sqlite_store, path)
    assert _actions(sqlite_store, "risks", "risk_actions") == {
        "R-1": [("Second supplier on standby", "Done")],
        "R-2": [("Pair the new developers with seniors", "Not started")],
        "R-3": [("Move the racks upstairs", "Not started")]}
    assert "".join(s.note for s in plan.sheets).count("1 action of a closed risk stored as Done: the sheet gives no status of its own") == 1


def test_an_action_with_a_status_of_its_own_is_untouched(sqlite_store, tmp_path):
    """Actions on a sheet of their own, with their own status column, keep it under a closed issue: the sheet
    says how far each is. The closed issue's action read from its "Action" column beside them is done."""
    path = write_xlsx(tmp_path / "issues.xlsx", {
        "Issues": [["ID", "Issue", "Owner", "Status", "Action"],
                   ["I-1", "Supplier contract not signed", "Ana Ruiz", "Closed", "Write the lessons learned"],
                   ["I-2", "Test server not delivered", "Ana Ruiz", "Open", None]],
        "Actions": [["Issue ID", "Action", "Owner", "Due date", "Status"],
                    ["I-1", "Escalate to the sponsor", "Luis Gómez", date(2026, 3, 20), "In progress"],
                    ["I-2", "Borrow the training server", "Marta Díaz", date(2026, 3, 27), "Not started"]]})
    plan = import_all(sqlite_store, path)
    actions = _actions(sqlite_store, "issues", "issue_actions")
    assert sorted(actions["I-1"]) == [("Escalate to the sponsor", "In progress"), ("Write the lessons learned", "Done")]
    assert actions["I-2"] == [("Borrow the training server", "Not started")]
    assert "".join(s.note for s in plan.sheets).count("1 action of a closed issue stored as Done") == 1
