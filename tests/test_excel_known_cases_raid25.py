"""Round 24's held-out classes (issue 12): a one-sheet RAID log whose columns every type shares, and a risk
register's proposed controls. Each test writes a workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.models.store import Store


def _actions(store: Store, register: str) -> dict[str, dict]:
    return {a["description"]: a for a in rows_of(store, register)}


def test_a_raid_logs_shared_mitigation_and_target_date_go_where_each_register_keeps_them(sqlite_store, tmp_path):
    """One sheet, a Category column naming each row's type, one "Mitigation Plan" and one "Target Date" for
    all: a risk's plan is its response action; an issue's is its action, due on the target date; an
    assumption's target date is when to validate it, a dependency's when it is needed, a decision's when it
    is due — none left as labelled lines of the notes."""
    path = write_xlsx(tmp_path / "RAID log.xlsx", {"RAID": [
        ["Ref", "Category", "Description", "Owner", "Status", "Mitigation Plan", "Target Date"],
        ["L-1", "Risk", "Vendor may slip the API", "Ana", "Open", "Weekly vendor call", dt.date(2027, 3, 6)],
        ["L-2", "Issue", "Test server down", "Ben", "Open", "Rebuild the server", dt.date(2027, 4, 11)],
        ["L-3", "Assumption", "Budget holds for the year", "Cleo", "Open", "Confirm with finance",
         dt.date(2027, 5, 1)],
        ["L-4", "Dependency", "Identity service from team B", "Dan", "On track", "Track in the weekly sync",
         dt.date(2027, 6, 2)],
        ["L-5", "Decision", "Choose the cloud region", "Eve", "Pending", "Brief the board", dt.date(2027, 7, 3)],
        ["L-6", "Issue", "Licence expired", "Ben", "Open", "Renew the licence", dt.date(2027, 4, 20)]]})
    import_all(sqlite_store, path)
    issue = named(sqlite_store, "issues")["Test server down"]
    assert "Mitigation" not in (issue["description"] or "") and "Target" not in (issue["description"] or "")
    actions = _actions(sqlite_store, "issue_actions")
    rebuild = actions["Rebuild the server"]
    assert (rebuild["due"], rebuild["status"]) == (dt.date(2027, 4, 11), "Not started")
    assert actions["Renew the licence"]["due"] == dt.date(2027, 4, 20)
    assumption = named(sqlite_store, "assumptions")["Budget holds for the year"]
    assert assumption["validate_by"] == dt.date(2027, 5, 1)
    assert "Target Date" not in (assumption["notes"] or "")
    assert "Confirm with finance" in assumption["notes"]  # no field for it: kept, labelled
    assert named(sqlite_store, "dependencies")["Identity service from team B"]["needed_by"] == dt.date(2027, 6, 2)
    assert named(sqlite_store, "decisions")["Choose the cloud region"]["due"] == dt.date(2027, 7, 3)
    assert "Weekly vendor call" in _actions(sqlite_store, "risk_actions")


def test_a_raid_csv_with_an_action_and_due_date_shared_by_types_reads_them_per_type(sqlite_store, tmp_path):
    """Another layout, as a CSV: the type in the second column, the shared plan headed "Mitigation" and the
    date "TargetDate" (a name in code), after the ratings: the issue's mitigation is its action due on that
    date; the assumption's date is its validate-by date, its mitigation kept in its notes."""
    path = write_csv(tmp_path / "raid_log.csv", [
        ["ID", "Type", "Description", "Owner", "Status", "Impact", "Probability", "Mitigation", "TargetDate"],
        ["RAID-1", "Risk", "Scope creep on the API", "Sponsor", "Open", "High", "Medium", "Freeze the scope",
         "2027-03-06"],
        ["RAID-2", "Issue", "API keys leaked", "Charlie", "Open", "High", "High", "Rotate the keys", "2027-05-29"],
        ["RAID-3", "Assumption", "Partner API stays free", "Fiona", "Open", "High", "Medium", "Ask the partner",
         "2027-04-13"],
        ["RAID-4", "Issue", "Build is flaky", "Bob", "Open", "Low", "Low", "Pin the versions", "2027-04-11"]])
    import_all(sqlite_store, path)
    actions = _actions(sqlite_store, "issue_actions")
    assert (actions["Rotate the keys"]["due"], actions["Pin the versions"]["due"]) == (dt.date(2027, 5, 29),
                                                                                       dt.date(2027, 4, 11))
    assert "TargetDate" not in named(sqlite_store, "issues")["API keys leaked"]["description"]
    assumption = named(sqlite_store, "assumptions")["Partner API stays free"]
    assert assumption["validate_by"] == dt.date(2027, 4, 13)
    assert "Ask the partner" in assumption["notes"]


def test_a_proposed_control_is_a_planned_action_keeping_its_framework(sqlite_store, tmp_path):
    """A governance register's "Proposed Control (NIST)": a control still to put in place, so a response
    action not started, as a mitigation plan is; the framework its code belongs to stays with the action."""
    path = write_csv(tmp_path / "risk_register.csv", [
        ["Risk ID", "Category", "Risk Description", "Impact", "Likelihood", "Proposed Control (NIST)"],
        ["R-01", "Integrity", "Agents reinforce false data", "High", "High", "SI-10: Information Input Validation"],
        ["R-02", "Governance", "One agent dominates the others", "Medium", "High", "AC-2: Account Management"]])
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Agents reinforce false data"]
    assert "Proposed Control" not in (risk["notes"] or "")
    action = _actions(sqlite_store, "risk_actions")["SI-10: Information Input Validation (NIST)"]
    assert action["status"] == "Not started"


def test_proposed_controls_beside_existing_ones_are_to_do_and_the_existing_done(sqlite_store, tmp_path):
    """An ISO 27001 register laid out the other way: "Existing control" (in place: done) then
    "Proposed control(s) (ISO 27001)" (to do): the framework is kept on the proposal."""
    path = write_xlsx(tmp_path / "ISMS risks.xlsx", {"Risks": [
        ["ID", "Risk", "Owner", "Likelihood", "Impact", "Existing control", "Proposed control(s) (ISO 27001)"],
        ["1", "Laptop theft", "CFO", 3, 4, "Cable locks", "A.8.24 Disk encryption"],
        ["2", "Phishing", "CEO", 4, 4, "Mail filter", "A.6.3 Awareness training"]]})
    import_all(sqlite_store, path)
    actions = _actions(sqlite_store, "risk_actions")
    assert actions["Cable locks"]["status"] == "Done"
    assert actions["A.8.24 Disk encryption (ISO 27001)"]["status"] == "Not started"
    assert "Proposed" not in (named(sqlite_store, "risks")["Laptop theft"]["notes"] or "")


def test_a_plan_cell_saying_not_applicable_with_a_reason_is_no_action_but_kept(sqlite_store, tmp_path):
    """A contingency written "N/A - no alternative, the launch waits" (or "N/A (mandatory rework)") says there
    is no such plan: no action to do is made of it, for a risk or an issue of a RAID log; the words stay in
    the notes under their header."""
    path = write_csv(tmp_path / "raid_log.csv", [
        ["raid_id", "type", "title", "owner", "mitigation_action", "contingency", "status"],
        ["1", "Risk", "Vendor slips", "Ana", "Weekly vendor call", "N/A - no alternative, the launch waits",
         "Open"],
        ["2", "Issue", "Consent module missing", "Ben", "Build the module", "N/A (mandatory for the launch)",
         "Open"],
        ["3", "Issue", "Test server down", "Ben", "Rebuild the server", "Use the staging server", "Open"]])
    import_all(sqlite_store, path)
    risk_actions, issue_actions = _actions(sqlite_store, "risk_actions"), _actions(sqlite_store, "issue_actions")
    assert set(risk_actions) == {"Weekly vendor call"}
    assert set(issue_actions) == {"Build the module", "Rebuild the server", "Use the staging server"}
    assert "N/A - no alternative" in named(sqlite_store, "risks")["Vendor slips"]["notes"]
    assert "N/A (mandatory" in named(sqlite_store, "issues")["Consent module missing"]["description"]
