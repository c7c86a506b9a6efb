"""Classes of problem found by import round 65's first run (registers other than risks and issues; docs/import-
rounds.md, "Round 65"): each test writes a file of that shape (never the fetched file) and checks what a user
gets."""

from __future__ import annotations

from datetime import date, datetime

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def test_a_change_approved_by_a_person_on_a_day_written_in_one_cell(sqlite_store, tmp_path):
    """A change control log's "Approved By and Date" holds "Project Manager 12-Jun-26": who approved the change
    and the day, in one cell, Excel's day-month-year. The whole cell was taken for a person's name, so the office
    got one person "Project Manager 12-Jun-26" a day, and each approved change stayed Pending (a decision taken
    has a day decided). The person is the name before the date; the date, beside the decider, is the day
    decided when no column gives it — the change is Decided by "Project Manager" on 12 June 2026."""
    rows = [["Change Request Id", "Date submitted", "Submitted by", "Description of change",
             "Reason/Justification", "Priority", "Approval Status", "Approved By and Date"],
            [1, datetime(2026, 6, 12), "Exam Controller", "Add online exam registration", "Less paperwork",
             "High", "Approved", "Project Manager 12-Jun-26"],
            [2, datetime(2026, 6, 13), "Project Manager", "Add an admin dashboard", "Reports without IT help",
             "Medium", "Approved", "Project Manager 13-Jun-26"],
            [3, datetime(2026, 6, 15), "Security Auditor", "Two-factor login", "Password-only login is weak",
             "High", "Approved", "CTO 15-Jun-26"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Change Control Log.xlsx", {"Sheet1": rows}))
    people = {p["name"] for p in rows_of(sqlite_store, "people")}
    assert people == {"Project Manager", "CTO"}
    decisions = named(sqlite_store, "decisions")
    first = decisions["Add online exam registration"]
    assert first["status"] == "Decided"
    assert first["decided_on"] == date(2026, 6, 12)
    assert decisions["Two-factor login"]["decided_on"] == date(2026, 6, 15)
    assert "Project Manager 12-Jun-26" in first["rationale"]  # the cell as written, kept

