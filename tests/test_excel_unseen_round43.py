"""Classes of problem found on round 43 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_csv, write_xlsx


def _risk_sheet() -> list[list[object]]:
    return [["RISK REGISTER"], [],
            ["ID", "Risk Name", "Date Raised", "Likelihood", "Consequences", "Proposed Mitigation", "Owner", "Status"],
            [1, "Level 4 lockdown", dt.datetime(2021, 9, 24), "Possible", "Major", "Work online", "Jorge", "open"]]


def test_an_issues_register_beside_a_risk_register_keeps_its_issues(sqlite_store, tmp_path):
    """A course project's workbook: a "Risk Register" sheet and an "Issues Register" sheet laid out like it (ID,
    Date Raised, Project, Issue Title, … Likelihood, Consequences, … Issue Owner, Target Date to Resolve, Open /
    Closed). "Issues Register" — the noun in the plural before "Register" — named no register, so the risk
    register's reading of its columns (dates, likelihood, owner, status) won; it names no risk, and the whole sheet
    was skipped with its issues. A sheet's name is read with each word in the singular."""
    path = write_xlsx(tmp_path / "Project Risks.xlsx", {
        "Risk Register": _risk_sheet(),
        "Issues Register": [
            ["ISSUES REGISTER"], [],
            ["ID", "Date Raised", "Project", "Issue Title", "Issue Description", "Specific Deliverable affected",
             "Likelihood", "Consequences", "Overall Issue Rating", "Proposed Resolution / Mitigating Action",
             "Issue Owner", "Target Date to Resolve", "Progress Status / Commentary", "Open / Closed"],
            [1, dt.datetime(2021, 10, 1), "Capstone", "Laptop broken", "The screen cracked", "Prototype", "Likely",
             "Major", "High", "Borrow a laptop from the library", "Jorge", dt.datetime(2021, 10, 5), "Asked IT",
             "Open"],
            [2, dt.datetime(2021, 10, 3), "Capstone", "Client unreachable", "No reply for two weeks", "Interviews",
             "Possible", "Moderate", "Moderate", "Ask the tutor to call", "Jorge", dt.datetime(2021, 10, 20),
             "Tutor called", "Closed"]]})
    import_all(sqlite_store, path)
    issues = {i["title"]: i for i in by_code(sqlite_store, "issues").values()}
    assert set(issues) == {"Laptop broken", "Client unreachable"}
    assert issues["Client unreachable"]["status"] == "Closed"
    assert "The screen cracked" in (issues["Laptop broken"]["description"] or "")
    assert [r["title"] for r in rows_of(sqlite_store, "risks")] == ["Level 4 lockdown"]


def test_an_issue_register_named_by_its_description_is_no_risk_register(sqlite_store, tmp_path):
    """A RAID workbook's "Issue Register" (ID, Current Status, Type, Priority, Description, Assigned to Owner, …
    Category, Date Identified): its issues are named by their "Description", the issue log's stand-in for a title,
    and the risk register's reading of the same columns (a status, a type, a description, an owner, a category, a
    date) fitted one field more, so the sheet's issues went to the risk register. A sheet named as a register whose
    columns name that register's records — by its title or the column standing in for it — and three of its fields
    is that register."""
    path = write_xlsx(tmp_path / "raid_log.xlsx", {
        "Issue Register": [
            ["Issues"], [], [],
            ["ID", "Current Status", "Type", "Priority", "Description", "Assigned to Owner",
             "Expected Resolution Date", "Escalation Required (Y/N)?", "Impact Summary", "Action Steps", "Category",
             "Date Identified"],
            [1, "Open", "Technical", "High", "Test server unavailable for UAT", "Ann Lee", dt.datetime(2024, 3, 1),
             "N", "Testing delayed a week", "Rebuild the server", "Infrastructure", dt.datetime(2024, 2, 1)],
            [2, "Closed", "Resource", "Medium", "Key developer on sick leave", "Bob Smith", dt.datetime(2024, 3, 5),
             "Y", "Sprint capacity down", "Bring in a contractor", "People", dt.datetime(2024, 2, 3)]]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    issues = {i["title"]: i for i in by_code(sqlite_store, "issues").values()}
    assert set(issues) == {"Test server unavailable for UAT", "Key developer on sick leave"}
    assert issues["Key developer on sick leave"]["status"] == "Closed"
    assert issues["Test server unavailable for UAT"]["priority"] == "High"


def test_a_change_request_export_is_titled_by_its_short_description(sqlite_store, tmp_path):
    """A ServiceNow change request export read as decisions: "Change Request Number | Description | Short
    Description | State | … | Approval". "Short Description" (the request's title) was no word the decision log
    knew, and "Description" — a sentence — titled every request. A short or brief description is a record's
    title in every register whose title a description names, and beside a column headed as the description
    (before or after it) it names the records; the description is kept labelled."""
    path = write_csv(tmp_path / "change_requests.csv", [
        ["Change Request Number", "Description", "Short Description", "State", "Priority", "Assigned To",
         "Reason", "Approval"],
        ["CHG0001", "Patch database to improve performance and reliability.", "Upgrade server", "Authorize", "High",
         "Alex Wilson", "Critical issue reported by user.", "Pending"],
        ["CHG0002", "Configure server to improve performance and reliability.", "Patch network switch", "Review",
         "Low", "Emily Wilson", "Security vulnerability detected.", "Pending"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "decisions")
    assert got["CHG0001"]["title"] == "Upgrade server"
    assert got["CHG0002"]["title"] == "Patch network switch"
    assert "Description: Configure server to improve performance and reliability." in \
        (got["CHG0002"]["rationale"] or "")


def test_a_dutch_issue_list_is_named_by_its_description_and_fixed_true_is_resolved(sqlite_store, tmp_path):
    """A student team's build issues ("Issues.xlsx", sheet "Blad1"): "ID | Fixed | Build | Buildnr | commit naam |
    omschrijving | omschrijving oplossing | datum". The issue log knew no Dutch header, so the commit's name titled
    each issue and its description ("omschrijving") went to the notes; and "Fixed", an issue log's status
    written yes or no, held True and False, which were no status: every fixed issue was left Open. "omschrijving"
    names an issue as it names a risk (Dutch words); True is done and False is not, as yes and no are."""
    path = write_xlsx(tmp_path / "Issues.xlsx", {"Blad1": [
        ["ID", "Fixed", "Build", "Buildnr", "commit naam", "omschrijving", "omschrijving oplossing", "datum"],
        [1, "True", "planner.Build", 28, "Unit test written", "TemperatureService unit tests not working.",
         "Mock voor de HTTP service geschreven.", dt.datetime(2016, 12, 20)],
        [2, "False", "backend.Build", 18, "Add hotel limit", "Can't alter database with designer.", "Not Fixed.",
         dt.datetime(2016, 12, 24)],
        [3, "True", "planner.Build", 9, "Added Booking component", "Error on ng serve",
         "Imported component correctly.", dt.datetime(2016, 11, 30)],
        [4, "False", "backend.Build", 21, "Json serialization bug", "Serialization of json not working as expected.",
         "Not Fixed.", dt.datetime(2016, 12, 31)]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert got["1"]["title"] == "TemperatureService unit tests not working."
    assert got["1"]["status"] == "Resolved"
    assert got["2"]["title"] == "Can't alter database with designer."
    assert got["2"]["status"] == "Open"
    assert "commit naam: Unit test written" in (got["1"]["description"] or "")
