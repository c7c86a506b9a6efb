"""Classes of problem left by round 16 of real public registers: each test writes a workbook of that shape
and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_an_issue_with_a_fixed_date_and_no_status_is_resolved(sqlite_store, tmp_path):
    """"Page | Issue | Raise Date | Fixed Date | Notes": an issue with a date under "Fixed Date" was fixed on
    that day, so it is resolved, not open; one without stays open. A status the row gives still wins, and
    "Date closed" closes the issue. The date itself is kept in the notes (the issue log has no field for it)."""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {"Sheet1": [
        ["Page", "Issue", "Raise Date", "Fixed Date", "Notes"],
        ["Summary", "The same test ordered twice shows once", "2020-10-06", "2020-10-08", "Check MRN = TESTING"],
        ["Cumulative", "Changing the date does not refresh the grid", "2020-10-06", "2020-10-11", None],
        ["Printing", "Can we print the summary page?", "2020-10-19", None, "Waiting for confirmation"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert got["The same test ordered twice shows once"]["status"] == "Resolved"
    assert got["Changing the date does not refresh the grid"]["status"] == "Resolved"
    assert "2020-10-11" in got["Changing the date does not refresh the grid"]["description"]
    assert got["Can we print the summary page?"]["status"] == "Open"


def test_a_date_closed_closes_an_issue_whose_status_is_empty(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Issues.xlsx", {"Issue log": [
        ["ID", "Issue", "Owner", "Status", "Date closed", "Target resolution date"],
        ["I1", "Supplier late with the racks", "Ann", None, "2024-03-01", "2024-02-01"],
        ["I2", "Test lab double booked", "Bob", "Open", "2024-03-05", "2024-02-01"],
        ["I3", "No budget code for travel", "Ann", None, None, "2024-04-01"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert got["Supplier late with the racks"]["status"] == "Closed"
    assert got["Test lab double booked"]["status"] == "Open"  # the row's own status wins
    assert got["No budget code for travel"]["status"] in ("", "Open")  # a target date closes nothing


def test_a_risk_table_repeated_below_itself_and_a_status_of_levels(sqlite_store, tmp_path):
    """A risk register whose one table is copied three times below itself as filtered views, then pivots
    counting its "Status" (High / Medium / Low: a level, not a status). The header is the first copy's; the
    copies' rows repeat rows above and are skipped; the level words are no status: the workbook is not
    refused, each risk keeps its level in the notes."""
    header = ["Risk ID", "Risk Description", "Likelihood (1-5)", "Impact (1-5)", "Risk Appetite",
              "Risk Tolerance", "Status", "Risk Score"]
    data = [["R1", "Data breach in HR system", 4, 5, 12, 15, "High", 20],
            ["R2", "Vendor system outage", 3, 4, 12, 15, "Medium", 12],
            ["R3", "Insider threat", 2, 5, 12, 15, "Medium", 10],
            ["R4", "Phishing attack", 5, 3, 12, 15, "High", 15],
            ["R5", "Financial reporting error", 2, 4, 12, 15, "Low", 8],
            ["R6", "Cloud service misconfig", 4, 4, 12, 15, "High", 16]]
    rows: list[list] = [["Risk Register"], [], header, *data, [], [], ["Filtering by Status"], [], header,
                        *data, [], header, *data, [], header, *data, [], [], ["Grouping by Status"], [],
                        ["Row Labels", "Count of Risk ID"], ["High", 3], ["Low", 1], ["Medium", 2],
                        ["Grand Total", 6]]
    assert rows[29] == header  # the last copy's header on row 30, as in the workbook met
    path = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Sheet1": rows})
    plan = import_all(sqlite_store, path)
    assert plan.sheets[0].header_row == 3
    assert sum("repeats row" in r.report.reason for r in plan.sheets[0].rows) >= 18  # the copies: skipped, said
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["R1", "R2", "R3", "R4", "R5", "R6"]
    assert got["R1"]["probability"] == 4 and got["R1"]["impact"] == 5
    assert got["R1"]["status"] in ("", "Open")
    assert "High" in got["R1"]["notes"]


def test_a_todo_sheet_of_an_issues_log_workbook_is_the_issue_log(sqlite_store, tmp_path):
    """"Issues Log.xlsx" whose sheet "TODO" (a name no register has) lists "ID | PRIORITY | AREA | TITLE |
    STATUS | ALLOCATED TO | TARGET DATE | NOTES": the workbook's name says what the sheet is, as a sheet's
    name would: issues, not risks. "Idea" is an open issue, "ALLOCATED TO" its owner."""
    rows = [["ID", "PRIORITY", "AREA", "TITLE", "STATUS", "ALLOCATED TO", "TARGET DATE ", "NOTES"],
            [1, "HIGH", "Landing page", "Site marketing landing page", "Idea", None, "2026-04-17",
             "Create a landing page for the site"],
            [2, "HIGH", "Job management", "End to end process flow", "In Progress", "Matt", "2026-04-10",
             "Build in the concept of a process flow"],
            [3, "HIGH", "Bug fixing", "Initial feedback bug fixing", "In Progress", "Matt", "2026-04-10",
             "See the feedback tab"],
            [4], [5]]
    path = write_xlsx(tmp_path / "Issues Log.xlsx", {"TODO": rows})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert sorted(got) == ["End to end process flow", "Initial feedback bug fixing", "Site marketing landing page"]
    assert got["Site marketing landing page"]["status"] == "Open"
    assert got["End to end process flow"]["owner"] == "Matt"
    assert named(sqlite_store, "risks") == {}


def test_a_software_change_log_is_no_issue_log(sqlite_store, tmp_path):
    """"Date | Summary | Description" on "Sheet1" of "Change Log.xlsx": the name says a change log (the
    decision log's, by our declarations) and the columns give only dates and texts: a diary of work done,
    neither decisions nor issues. The same table in "Issue Log.xlsx" is the issue log."""
    rows = [["Date", "Summary", "Description"],
            ["2014-07-18", "Initial setup", "Created all documentation, created project solution"],
            ["2014-07-18", "Added project to github", "Pushed the solution"],
            ["2014-07-21", "Project setup", "Created all classes, database, and basic pages"],
            ["2014-07-21", "Home page", "Created index.html and backend"]]
    path = write_xlsx(tmp_path / "Change Log.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, path)
    assert named(sqlite_store, "issues") == {} and named(sqlite_store, "decisions") == {}
    path = write_xlsx(tmp_path / "Issue Log.xlsx", {"Sheet1": rows})
    import_all(sqlite_store, path)
    assert len(named(sqlite_store, "issues")) == 4
