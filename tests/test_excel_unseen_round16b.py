"""Classes of problem left by round 16 of real public registers: each test writes a workbook of that shape
and checks what a user gets."""

from __future__ import annotations

from imported import import_all, named
from real_world_factory import write_xlsx


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
