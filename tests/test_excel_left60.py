"""Issue 12, left60: what stop 59's fixes left — a RAID log's actions naming the risk or issue each answers in a
free text, its decisions naming the risk or issue they come from, stakeholders under section captions with bracketed
placeholder names, and the resolution and approval words. Each test writes a workbook of the shape (never a fetched
file) and failed on main d9ccd20b unless it says it guards."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

_TITLE = [["PROJECT RAID LOG · ACTIONS"], [None]]
_RISKS: list[list[object]] = [["Risk ID", "Risk Description", "Owner"],
                              ["R-01", "The vendor's interface is late", "Ann Lee"],
                              ["R-02", "Users keep the paper forms", "Bob Ray"],
                              ["R-03", "Old records are not migrated", "Ann Lee"]]
_ISSUES: list[list[object]] = [["Issue ID", "Issue Description", "Owner"],
                               ["ISS-01", "No workflow diagrams yet", "Cy Dee"],
                               ["ISS-02", "Budget not approved", "Cy Dee"]]


def _actions(store, register, code):
    child = "risk_actions" if register == "risks" else "issue_actions"
    reg = REGISTERS[child]
    with store.session() as s:
        pid = records.find_id_by_code(s, REGISTERS[register], code)
        return [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, parent_id=pid)]


@pytest.mark.parametrize(("sheet", "head"), [("Actions", "Source / Trigger"), ("Action items", "Linked to"),
                                             ("🟡 Actions", "Related")])
def test_actions_naming_their_risk_in_a_free_text_are_that_risks_actions(sqlite_store, tmp_path, sheet, head):
    """An actions sheet whose "Source / Trigger" names the risk each action answers ("Risk R-01 / Contract §4"):
    refused as an action list (or for want of a Risk ID column). Each row naming a risk is that risk's action (what
    else the cell names kept after the action's text); a row naming none is left out saying it belongs to no record,
    never dropped in silence; the reading is said once on the sheet."""
    actions: list[list[object]] = [
        ["Action ID", "Action Description", head, "Owner", "Due Date", "Status"],
        ["A-01", "Ask the vendor for the interface specification", "Risk R-01 / Contract §4", "Ann Lee",
         date(2027, 4, 30), None],
        ["A-02", "Build the bulk import tool", "Risk R-03", "Dan Fox", date(2027, 5, 15), None],
        ["A-03", "Write the go-live directive", "Plan §10 Risk R-02", "Bob Ray", date(2027, 6, 1), None],
        ["A-04", "Plan the training programme", "Plan §9.3 Adoption", "Bob Ray", date(2027, 6, 15), None],
        ["A-05", "Run the load test", "Spec §10 NFR-01", "Dan Fox", date(2027, 7, 1), None],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {
        "Risks": _TITLE + _RISKS, sheet: _TITLE + actions, "Issues": _TITLE + _ISSUES}))
    r1 = _actions(sqlite_store, "risks", "R-01")
    assert [a["description"] for a in r1] == [
        f"Ask the vendor for the interface specification ({head}: Risk R-01 / Contract §4)"]
    assert r1[0]["due"] == date(2027, 4, 30) and r1[0]["actionee"] == "Ann Lee"
    assert [a["description"] for a in _actions(sqlite_store, "risks", "R-03")] == ["Build the bulk import tool"]
    assert [a["description"] for a in _actions(sqlite_store, "risks", "R-02")] == [
        f"Write the go-live directive ({head}: Plan §10 Risk R-02)"]
    reasons = [r.report.reason for s in plan.sheets if s.sheet == sheet for r in s.rows if r.report.reason]
    assert len(reasons) == 2 and all("each row needs the ID of the record it belongs to" in r for r in reasons)
    assert any(s.sheet == sheet and f"An action list whose “{head}” names the risk each action answers" in s.note
               for s in plan.sheets)


def test_an_issue_logs_actions_naming_their_issue_are_the_issues_actions(sqlite_store, tmp_path):
    """The same shape naming issues ("Issue ISS-02"): the issues' actions."""
    actions: list[list[object]] = [
        ["Action ID", "Action Description", "Raised from", "Owner", "Due Date"],
        ["A-01", "Draw the four workflow diagrams", "Issue ISS-01", "Cy Dee", date(2027, 4, 30)],
        ["A-02", "Send the budget to the board", "Issue ISS-02 / Plan §14", "Cy Dee", date(2027, 4, 14)],
        ["A-03", "Agree the change process", "Plan §14", "Cy Dee", date(2027, 4, 14)],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {
        "Risks": _RISKS, "Actions": actions, "Issues": _ISSUES}))
    assert [a["description"] for a in _actions(sqlite_store, "issues", "ISS-01")] == [
        "Draw the four workflow diagrams"]
    assert [a["description"] for a in _actions(sqlite_store, "issues", "ISS-02")] == [
        "Send the budget to the board (Raised from: Issue ISS-02 / Plan §14)"]


def test_an_action_list_naming_risks_and_issues_gives_each_its_actions(sqlite_store, tmp_path):
    """Most rows name a risk, two an issue: the issue's rows are that issue's actions (a second reading of the
    sheet), not left out for want of a risk; said in the sheet's note."""
    actions: list[list[object]] = [
        ["Action ID", "Action Description", "Source / Trigger", "Owner", "Due Date"],
        ["A-01", "Ask the vendor for the specification", "Risk R-01", "Ann Lee", date(2027, 4, 30)],
        ["A-02", "Build the bulk import tool", "Risk R-03 / Plan M-03", "Dan Fox", date(2027, 5, 15)],
        ["A-03", "Write the go-live directive", "Risk R-02", "Bob Ray", date(2027, 6, 1)],
        ["A-04", "Draw the workflow diagrams", "Issue ISS-01", "Cy Dee", date(2027, 4, 20)],
        ["A-05", "Send the budget to the board", "Plan §14 / Issue ISS-02", "Cy Dee", date(2027, 4, 14)],
        ["A-06", "Schedule the 90-day review", "Plan §9", "Bob Ray", date(2027, 9, 1)],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {
        "Risks": _RISKS, "Actions": actions, "Issues": _ISSUES}))
    assert [a["description"] for a in _actions(sqlite_store, "risks", "R-02")] == ["Write the go-live directive"]
    assert [a["description"] for a in _actions(sqlite_store, "issues", "ISS-01")] == ["Draw the workflow diagrams"]
    assert [a["description"] for a in _actions(sqlite_store, "issues", "ISS-02")] == [
        "Send the budget to the board (Source / Trigger: Plan §14 / Issue ISS-02)"]
    left = [r.report for s in plan.sheets if s.sheet == "Actions" for r in s.rows if r.report.reason and
            "each row needs the ID" in r.report.reason]
    assert [r.row for r in left] == [7]  # A-06 alone, once
    assert any("The 2 naming only an issue are that issue's actions." in s.note for s in plan.sheets)


def test_an_action_list_naming_no_record_stays_refused(sqlite_store, tmp_path):
    """Guard: an action list whose references name documents only ("Plan §9") stays an action list, refused."""
    actions: list[list[object]] = [
        ["Action ID", "Action Description", "Source", "Owner", "Due Date"],
        ["A-01", "Plan the training programme", "Plan §9.3", "Bob Ray", date(2027, 6, 15)],
        ["A-02", "Run the load test", "Spec NFR-01", "Dan Fox", date(2027, 7, 1)],
        ["A-03", "Review the metrics", "Plan §9", "Dan Fox", date(2027, 8, 1)],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {"Risks": _RISKS, "Actions": actions}))
    with sqlite_store.session() as s:
        assert records.fetch_rows(s, REGISTERS["risk_actions"]) == []
    assert any(t == "Actions" for t, _ in plan.skipped_sheets)


@pytest.mark.parametrize("head", ["Source / Trigger", "Raised from", "Related risk/issue"])
def test_a_decisions_source_naming_a_risk_or_issue_links_the_decision(sqlite_store, tmp_path, head):
    """A decision log's "Source / Trigger" naming the issue or risk the decision comes from ("Spec §10 / Issue
    ISS-01", "Plan §12 / Risk R-02"): kept only in the notes on main. The decision is linked to them; the cell stays
    in the notes whole; a cell naming documents only links nothing."""
    decisions: list[list[object]] = [
        ["Decision ID", "Decision Required", head, "Decision Owner", "Date Required"],
        ["D-01", "Approve the phase 1 budget", "Plan §5.2", "Cy Dee", date(2027, 4, 14)],
        ["D-02", "Keep or drop the old browser", "Spec §10 / Issue ISS-01", "Bob Ray", date(2027, 4, 22)],
        ["D-03", "Big-bang or phased go-live", "Plan §12 / Risk R-02", "Bob Ray", date(2027, 5, 1)],
        ["D-04", "Who edits master records", "Issue ISS-02 / Risks R-01, R-03", "Ann Lee", date(2027, 5, 8)],
        ["D-05", "Report formats", "Spec §5.5", "Ann Lee", date(2027, 5, 15)],
        ["D-06", "Privacy review", "Spec §9", "Ann Lee", date(2027, 5, 22)],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID_Log.xlsx", {
        "Risks": _RISKS, "Issues": _ISSUES, "Decisions": decisions}))
    got = {code: {k: sorted(filter(None, (r[k] or "").split("; "))) for k in ("risks", "issues")}
           for code, r in by_code(sqlite_store, "decisions").items()}
    assert got["D-02"] == {"risks": [], "issues": ["ISS-01"]}
    assert got["D-03"] == {"risks": ["R-02"], "issues": []}
    assert got["D-04"] == {"risks": ["R-01", "R-03"], "issues": ["ISS-02"]}
    assert got["D-01"] == got["D-05"] == {"risks": [], "issues": []}
    notes = " ".join(str(v) for v in by_code(sqlite_store, "decisions")["D-02"].values())  # kept in the rationale
    assert f"{head}: Spec §10 / Issue ISS-01" in notes
    assert any(f"“{head}” names the risk or issue each decision comes from" in s.note for s in plan.sheets)
    assert len(rows_of(sqlite_store, "decisions")) == 6


@pytest.mark.parametrize(("a", "b", "c"), [("[Stakeholder A]", "[Stakeholder B]", "[Stakeholder C]"),
                                           ("<Name A>", "<Name B>", "<Name C>"),
                                           ("(name a)", "(name b)", "(name c)")])
def test_stakeholders_under_captions_with_placeholder_names(sqlite_store, tmp_path, a, b, c):
    """A stakeholder register template filled in but for the names ("[Stakeholder A]" beside a role, a position,
    levels), under section captions alone in the name column ("INTERNAL — [DEPARTMENT]", "EXTERNAL"): on main the
    three stakeholders of one role were all named "Engineer" (or, for "<Name A>", kept that placeholder as a name),
    and the captions skipped, their grouping lost. Each is named by its role with the placeholder's words beside it
    where they differ, said on the row; each caption, its placeholder set aside, is the group of the rows under it."""
    rows: list[list[object]] = [
        ["Stakeholder Register"], [None],
        ["Stakeholder Name", "Organisation", "Role in the Project", "Position", "Power / Influence", "Expectation",
         "Contact"],
        ["INTERNAL  —  [DEPARTMENT]"],
        [a, "[COMPANY]", "Engineer", "Test Engineer", "High", "Clear test results", "a@example.com"],
        [b, "[COMPANY]", "Engineer", "Build Engineer", "Medium", "A stable build", "b@example.com"],
        [c, "[COMPANY]", "Sponsor", "Director", "High", "On-time delivery", "c@example.com"],
        ["EXTERNAL"],
        ["[Project Manager]", "Vendor Ltd", "Project Manager", "PM", "High", "A happy client", "pm@example.com"],
        ["Dana Moss", "Vendor Ltd", "Technical Lead", "CTO", "High", "Good architecture", "dm@example.com"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholder_Register.xlsx", {"Register": rows}))
    got = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    words = [w.strip("[]<>()") for w in (a, b, c)]
    assert set(got) == {f"Engineer ({words[0]})", f"Engineer ({words[1]})", f"Sponsor ({words[2]})",
                        "Project Manager", "Dana Moss"}
    assert {n: r["group"] for n, r in got.items()} == {
        f"Engineer ({words[0]})": "INTERNAL", f"Engineer ({words[1]})": "INTERNAL", f"Sponsor ({words[2]})": "INTERNAL",
        "Project Manager": "EXTERNAL", "Dana Moss": "EXTERNAL"}
    assert got["Dana Moss"]["organisation"] == "Vendor Ltd" and got[f"Engineer ({words[0]})"]["role"] == "Engineer"
    reasons = " ".join(r.report.reason for s in plan.sheets for r in s.rows)
    assert f"The name is a template's placeholder (“{a}”): named by its role." in reasons
    assert any("The captions over the rows give the group of the stakeholders" in s.note for s in plan.sheets)


def test_a_change_log_naming_who_reviewed_each_change_is_a_change_history(sqlite_store, tmp_path):
    """"Date | Component | Description | Reviewed by" on a "Change Log": "Reviewed by" shared "revie" with "review
    due", a decision's state, and so read as who approved each change — three decisions on main. Who checked a
    change approved no decision: refused as a change history, as the same sheet under "Made by" is."""
    rows: list[list[object]] = [["Date", "Component", "Description", "Reviewed by"],
                                [date(2025, 3, 1), "Symbols", "Added part X to the library", "Ann Lee"],
                                [date(2025, 3, 8), "Footprints", "Fixed the pad size of Y", "Bob Ray"],
                                [date(2025, 3, 15), "Symbols", "Renamed Z to match the datasheet", "Ann Lee"]]
    with pytest.raises(Exception, match="a change history"):
        import_all(sqlite_store, write_xlsx(tmp_path / "library.xlsx", {"Change Log": rows}))
    assert rows_of(sqlite_store, "decisions") == []


@pytest.mark.parametrize(("head", "issue", "due"), [("Proposed solution", "Issue", "Target date"),
                                                    ("Lösungsvorschlag", "Problem", "Zieltermin")])
def test_an_issue_logs_proposed_solution_of_plans_is_the_issues_action(sqlite_store, tmp_path, head, issue, due):
    """An issue log's "Proposed solution" ("Lösungsvorschlag") of plans: the issues' action, as "Resolution" of plans
    is (classes86) — on main kept in the notes. A bare "Solution" stays out of the resolution words: a bug list's
    "Solution" holds fixes made as often as plans (unseen76's "border color added")."""
    rows: list[list[object]] = [
        ["ID", issue, head, due],
        ["I-1", "The supplier's invoices arrive late", "Finance to agree a weekly invoice run with the supplier",
         date(2027, 4, 30)],
        ["I-2", "No test environment for the portal", "IT to provision a portal test environment by sprint two",
         date(2027, 5, 15)],
        ["I-3", "Training room double booked", "Facilities to book the large room for all three sessions",
         date(2027, 5, 30)],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue Log.xlsx", {"Issues": rows}))
    acts = _actions(sqlite_store, "issues", "I-2")
    assert [a["description"] for a in acts] == ["IT to provision a portal test environment by sprint two"]
    assert acts[0]["due"] == date(2027, 5, 15)
