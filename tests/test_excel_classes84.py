"""Issue 12, classes84: the miss classes of unseen set 84 as general rules — a plan's status column is its actions'
status, not a second plan; a challenge names an issue; an issue log's own ID column and name decide over status
words; a portfolio status report's rows are status reports. Each test writes a workbook of the shape (never a
fetched file) and failed on the code before (main fa24007c)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


@pytest.mark.parametrize(("plan", "status"), [
    ("Mitigation Plan", "Mitigation Status"),
    ("Response", "Response Status"),
    ("Maßnahme", "Maßnahmenstatus"),
    ("Plan d'action", "Statut de l'action"),
])
def test_a_plans_status_column_is_its_actions_status_not_a_second_plan(sqlite_store, tmp_path, plan, status):
    """"Risk | Mitigation Plan | Mitigation Status": the status ("In progress", "Waiting approval") was made a second
    action of the risk beside its plan. It is the plan's status: one action a risk, its status read where it is one
    of the action's words ("Waiting approval" is Not started), else kept in the risk's notes."""
    rows: list[list[object]] = [["Risk", plan, status],
                                ["The vendor may deliver late", "Find a second vendor", "In progress"],
                                ["Key people may leave", "Cross-train the team", "Blocked by legal"],
                                ["The budget may be cut", "Agree the budget early", None]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Sheet1": rows}))
    risks = named(sqlite_store, "risks")
    assert set(risks) == {"The vendor may deliver late", "Key people may leave", "The budget may be cut"}
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert set(actions) == {"Find a second vendor", "Cross-train the team", "Agree the budget early"}
    assert actions["Find a second vendor"]["status"] == "In progress"
    assert "Blocked by legal" in (risks["Key people may leave"]["notes"] or "")


_GANTT: list[list[object]] = [["Task", "Start", "End", "Owner"], ["Design", date(2024, 1, 8), date(2024, 2, 2), "Ana"],
                              ["Build", date(2024, 2, 5), date(2024, 4, 26), "Tom"]]


@pytest.mark.parametrize(("word", "status"), [("Challenge", "Unresolved"), ("Key Challenges", "Unresolved"),
                                              ("Herausforderung", "offen"), ("Desafío", "abierto")])
def test_a_challenge_names_an_issue(sqlite_store, tmp_path, word, status):
    """"S No. | Challenge | Underlying Risk | Mitigating Action | Status | Conclusion" beside a Gantt chart: no column
    named the records, the sheet was left and the workbook refused for its Gantt chart alone. A challenge met is
    an issue: titled by it, its action the issue's, "Unresolved" Open, the rest in the description."""
    rows: list[list[object]] = [["S No.", word, "Underlying Risk", "Mitigating Action", "Status", "Conclusion"],
                                [1, "Parts arrive late from the vendor", "Launch slips", "Find a second vendor", status,
                                 "Still waiting"],
                                [2, "Too few testers for the release", "Quality drops", "Borrow two testers",
                                 "Resolved", "Testers came"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Tracker.xlsx", {"Gantt Chart": _GANTT, "Challenges": rows}))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"Parts arrive late from the vendor", "Too few testers for the release"}
    assert issues["Parts arrive late from the vendor"]["status"] == "Open"
    assert issues["Too few testers for the release"]["status"] == "Resolved"
    assert "Launch slips" in issues["Parts arrive late from the vendor"]["description"]
    assert {a["description"] for a in rows_of(sqlite_store, "issue_actions")} == {"Find a second vendor",
                                                                                 "Borrow two testers"}
    assert rows_of(sqlite_store, "risks") == []


def test_a_refusal_names_each_sheet_that_looked_like_a_register(sqlite_store, tmp_path):
    """A workbook refused for its Gantt chart said that sheet's reason alone, hiding the log beside it whose
    records no column names: the refusal says each such sheet's reason."""
    rows: list[list[object]] = [["S No.", "Hurdle", "Underlying Risk", "Mitigating Action", "Status"],
                                [1, "Parts arrive late from the vendor", "Launch slips", "Find a second vendor", "Open"],
                                [2, "Too few testers for the release", "Quality drops", "Borrow two testers", "Open"]]
    with pytest.raises(WorkbookError, match=r"sheet “Gantt Chart”: a schedule.*sheet “Hurdles”: no column names"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Tracker.xlsx", {"Gantt Chart": _GANTT, "Hurdles": rows}))


_FINDINGS: list[list[object]] = [
    ["F-01", "Duplicate rows after the merge", "notes/audit.md", "Counts would be inflated in every report",
     "Drop the duplicates", "Deduplicate on load", "Controlled", "Ana"],
    ["F-02", "Dates shift by one day", "notes/audit.md", "Ages would fall in the wrong band", "Fix the time zone",
     "Read dates as UTC", "Accepted", "Tom"],
    ["F-03", "Labels missing on two charts", "notes/charts.md", "Reviewers may read the charts wrong",
     "Add the labels", "Relabel", "Controlled", "Ana"],
    ["F-04", "An old extract was read", "notes/load.md", "Weak freshness: the counts are a month old",
     "Reload", "Point at the new extract", "Resolved", "Li"]]


@pytest.mark.parametrize(("file_name", "id_header"), [("issue_log_team.csv", "issue_id"),
                                                      ("Findings.xlsx", "Issue #"),
                                                      ("Audit.xlsx", "Issue ID")])
def test_an_issue_ids_column_decides_over_risk_status_words(sqlite_store, tmp_path, file_name, id_header):
    """"issue_id | finding | evidence | risk | decision | action_or_limitation | status | owner" whose statuses are
    mostly "Controlled" and "Accepted" (words only the risk register knew) was read as risks titled by their "risk"
    (the consequence), the issue IDs in the notes. The ID column headed by the issue noun names the register: the
    rows are issues under their own IDs, titled by the finding, "Controlled" Open, "Resolved" Resolved, and each
    "risk" sentence kept in the description — never a row left out as a link to a risk the office lacks."""
    header = [id_header, "finding", "evidence_path", "risk", "decision", "action_or_limitation", "status", "owner"]
    rows: list[list[object]] = [header, *[list(r) for r in _FINDINGS]]
    path = tmp_path / file_name
    if file_name.endswith(".csv"):
        write_csv(path, rows)
    else:
        write_xlsx(path, {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"F-01", "F-02", "F-03", "F-04"}
    assert issues["F-01"]["title"] == "Duplicate rows after the merge"
    assert issues["F-01"]["status"] == "Open" and issues["F-04"]["status"] == "Resolved"
    assert "Weak freshness: the counts are a month old" in issues["F-04"]["description"]
    assert "Ages would fall in the wrong band" in issues["F-02"]["description"]
    assert "names no risk of the office" in plan.sheets[0].note


@pytest.mark.parametrize("id_header", ["issue_id", "Issue #", "Issue No"])
def test_an_issue_ids_column_names_the_register_over_risk_words(sqlite_store, tmp_path, id_header):
    """The same log whose statuses are words only a risk register uses ("Being mitigated", "Under monitoring"):
    the ID headed by the issue noun still names the issue log, said in the sheet notes."""
    header = [id_header, "finding", "evidence_path", "risk", "decision", "action_or_limitation", "status", "owner"]
    statuses = ["Being mitigated", "Under monitoring", "Being mitigated", "Under monitoring"]
    rows: list[list[object]] = [header, *[[*r[:6], s, r[7]] for r, s in zip(_FINDINGS, statuses, strict=True)]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Audit.xlsx", {"Sheet1": rows}))
    assert rows_of(sqlite_store, "risks") == []
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"F-01", "F-02", "F-03", "F-04"}
    assert issues["F-02"]["title"] == "Dates shift by one day"
    assert f"its ID column “{id_header}” names the issues" in plan.sheets[0].note


@pytest.mark.parametrize(("file_name", "sheet", "caption", "header"), [
    ("Portfolio.xlsx", "Sheet1", "Status Report", ["Priority", "Project", "Status", "Notes"]),
    ("Status Report_team.xlsx", "Sheet1", None, ["Priority", "Project", "Status", "Notes"]),
    ("Portfolio.xlsx", "Projektstatus", None, ["Priorität", "Projekt", "Status", "Bemerkungen"]),
])
def test_a_portfolio_status_report_is_read_as_status_reports(sqlite_store, tmp_path, file_name, sheet, caption,
                                                              header):
    """One row a project under a status report's title and date — "Priority | Project | Status | Notes", the
    status the project's own ("Completed", "On Hold", "Not Started") — was read as issues titled by each note's
    first line, the projects all Active. It is the office's status reports: one a project, reported on the date
    above the header, its period that month, the notes its commentary, the other columns kept there; the projects
    made take their state from the status column, all said in the sheet notes."""
    states = ["On Hold", "Completed", "In Progress", "Not Started"] if sheet == "Sheet1" else \
        ["Pausiert", "Abgeschlossen", "In Bearbeitung", "Nicht begonnen"]
    rows: list[list[object]] = [[None, caption, None, None, date(2024, 3, 4)], header,
                                ["High", "Billing move", states[0], "3/1: waiting for the vendor's quote"],
                                ["Low", "Intranet refresh", states[1], "Went live on 2/20."],
                                ["Medium", "Data warehouse", states[2], "Loading the first sources"],
                                ["High", "Payroll upgrade", states[3], "Starts in April"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / file_name, {sheet: rows}))
    assert rows_of(sqlite_store, "issues") == []
    reports = {r["project"]: r for r in rows_of(sqlite_store, "status_reports")}
    assert set(reports) == {"Billing move", "Intranet refresh", "Data warehouse", "Payroll upgrade"}
    billing = reports["Billing move"]
    assert (billing["period"], billing["reported_on"]) == ("2024-03", date(2024, 3, 4))
    assert billing["commentary"].startswith("3/1: waiting for the vendor's quote")
    assert states[0] in billing["commentary"]
    projects = {p["name"]: p["status"] for p in rows_of(sqlite_store, "projects")}
    assert projects == {"Billing move": "On hold", "Intranet refresh": "Closed", "Data warehouse": "Active",
                        "Payroll upgrade": "Proposed"}
    assert "Read as status reports" in plan.sheets[0].note


def test_an_issue_log_under_a_status_reports_title_stays_the_issue_log(sqlite_store, tmp_path):
    """A column naming the issues ("Issue") beside the project and its status: the rows are issues, whatever the
    title above says."""
    rows: list[list[object]] = [["Status Report", None, None, date(2024, 3, 4)], ["Issue", "Project", "Status", "Notes"],
                                ["Vendor quote late", "Billing move", "Open", "Chased twice"],
                                ["Test data missing", "Data warehouse", "In Progress", "Asked the DBA"],
                                ["Old server down", "Intranet refresh", "Completed", "Replaced"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Portfolio.xlsx", {"Sheet1": rows}))
    assert set(named(sqlite_store, "issues")) == {"Vendor quote late", "Test data missing", "Old server down"}
    assert rows_of(sqlite_store, "status_reports") == []


@pytest.mark.parametrize(("file_name", "sheet", "header"), [
    ("Issues_site.xlsx", "Sheet1", ["Page Name", "Issues"]),
    ("Website.xlsx", "Issues", ["Area", "Issue"]),
    ("Issues_site.xlsx", "Sheet1", ["Bereich", "Problem"]),
])
def test_a_list_of_issues_under_a_group_written_once_is_read(sqlite_store, tmp_path, file_name, sheet, header):
    """"Page Name | Issues": the page written on the first row of its group and left blank below, no ID column.
    The rows left blank were no records for the rule reading a list by its noun alone, and the list was refused.
    Each text is an issue, the group written last above it kept in its description; a group with no text beside
    it is no record."""
    rows: list[list[object]] = [header,
                                ["Home page", "The banner text runs over two lines"],
                                [None, "Pictures are blurred on a phone"],
                                [None, "The followers count\nshows zero"],
                                ["Newsletter", "The sign-up button does nothing"],
                                ["Contact page", None],
                                ["Books menu", "Make the books menu a page of its own"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / file_name, {sheet: rows}))
    issues = named(sqlite_store, "issues")
    assert len(issues) == 5
    assert issues["Pictures are blurred on a phone"]["description"] == f"{header[0]}: Home page"
    assert "Home page" in next(r["description"] for t, r in issues.items() if t.startswith("The followers count"))
    assert issues["Make the books menu a page of its own"]["description"] == f"{header[0]}: Books menu"
    assert "written once over the rows it groups" in plan.sheets[0].note


def test_a_status_reports_label_value_block_and_empty_risk_table_make_no_records(sqlite_store, tmp_path):
    """A one-project status report: a label | value block ("Project Name | …", "Date | …", "Overall Status | A"), a
    RAG row ("Schedule | Scope | Budget | Quality" over "A | R | G | R"), a milestone table and an empty risk table's
    header ("Risk | Mitigation Plan | | Approval Status | | Next Steps"). Read one record a column, the risk table's
    header titled risks "Mitigation Plan" and "Next Steps" and the block made a project "Overall Status": junk. Titles
    that are the register's own column names are a table's header, not records; the risks on the next sheet are
    read."""
    report: list[list[object]] = [
        ["Project Name", "Meal planner", "Strategic Driver", "Personal menus", None, "Overall Status", "A"],
        ["Date", date(2024, 3, 4), "Costs", "120000 USD\n60% spent", None, "Accomplishments", None],
        ["Project Timeline", "01/03/2024 - 05/21/2024", None, None, None, "• Phase 1 done\n• Phase 2 begun", None],
        [None] * 7, [None] * 7,
        ["Schedule", "Scope", "Budget", "Quality"], ["A", "R", "G", "R"], [None] * 7, [None] * 7,
        ["Task/Milestone", "Target Date", "Detail", "Status", None, "Approved Changes", "Owner"],
        ["Design signed off", date(2024, 2, 6), "Algorithm and data", "Done"],
        ["Beta released", date(2024, 4, 9), "API and deployment", "On Hold"],
        ["Go live", date(2024, 5, 21), "UAT sign-off", "TODO"],
        [None] * 7,
        ["Risk", "Mitigation Plan", None, "Approval Status", None, "Next Steps", None]]
    risks: list[list[object]] = [["Risk", "Mitigation Plan", "Mitigation Status"],
                                 ["Key people may leave the team", "Cross-train the team", "Waiting Approval"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Status Report_meal.xlsx", {"Sheet1": report, "Sheet2": risks}))
    assert set(named(sqlite_store, "risks")) == {"Key people may leave the team"}
    assert "Overall Status" not in {p["name"] for p in rows_of(sqlite_store, "projects")}
    assert [(a["description"], a["status"]) for a in rows_of(sqlite_store, "risk_actions")] == \
        [("Cross-train the team", "Not started")]


def test_a_plans_status_with_no_plan_stays_in_the_notes(sqlite_store, tmp_path):
    """"control_status" beside no plan column: there is no action to give it to, so it stays in the risk's notes
    as before (the first cut of the rule dropped it)."""
    rows: list[list[object]] = [["risk_id", "risk_title", "control_status", "risk_owner"],
                                ["R-001", "Excessive access in production", "Partially Implemented", "Ana"],
                                ["R-002", "Logging incomplete for the cloud", "Not Implemented", "Tom"]]
    import_all(sqlite_store, write_csv(tmp_path / "risk_register.csv", rows))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert "Partially Implemented" in risks["R-001"]["notes"] and "Not Implemented" in risks["R-002"]["notes"]
    assert rows_of(sqlite_store, "risk_actions") == []
