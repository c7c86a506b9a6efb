"""Classes of problem found on round 45 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError


def test_an_issue_logs_progress_status_and_person_in_charge_are_read(sqlite_store, tmp_path):
    """A mine site's weekly issue log ("issue_log.csv"): "week_date | block | issue_category | issue_detail |
    impact_area | severity | status | pic", its status "Open", "Progress" or "Closed" and its owner the PIC
    (person in charge, as Indonesian and Malaysian offices write it). "Progress" was no status the import
    knew, so 50 of the 118 issues were left out, and the PIC stayed in the notes: no issue had its owner.
    "Progress" and "On progress" say in progress, as "in progress" does, and a PIC owns the issue."""
    path = write_csv(tmp_path / "issue_log.csv", [
        ["week_date", "block", "issue_category", "issue_detail", "impact_area", "severity", "status", "pic"],
        ["2025-10-11", "Zebra", "Weather", "Rain hours above the weekly plan", "Production", "High", "Progress",
         "Mine Ops"],
        ["2025-10-11", "Zebra", "Pumping", "Dewatering capacity short in the active pit", "Pit Access", "Medium",
         "Open", "Engineering"],
        ["2025-10-18", "Yankee", "Haul Road", "Haul road slippery after rain", "Hauling", "Low", "On progress",
         "Dispatcher"],
        ["2025-10-18", "Yankee", "Coal Exposure", "Coal exposure late after slow overburden recovery",
         "Coal Getting", "Medium", "Closed", "Mine Ops"]])
    import_all(sqlite_store, path)
    issues = {i["title"]: i for i in rows_of(sqlite_store, "issues")}
    assert len(issues) == 4
    rain = issues["Rain hours above the weekly plan"]
    assert (rain["status"], rain["owner"], rain["priority"]) == ("Open", "Mine Ops", "High")
    assert issues["Haul road slippery after rain"]["status"] == "Open"
    assert issues["Haul road slippery after rain"]["owner"] == "Dispatcher"
    assert issues["Coal exposure late after slow overburden recovery"]["status"] == "Closed"
    assert "block: Zebra" in (rain.get("notes") or "") + (rain.get("description") or "")


def test_a_meetings_action_items_named_as_a_decision_log_add_nothing(sqlite_store, tmp_path):
    """A programme team's weekly meeting actions saved as "decisions.csv": "meeting | id | owner | item |
    deadline | priority | status", each row a thing to do by a date ("Send the venue contract to legal", open
    or done). No column names a decision, so the import titled 32 "decisions" by their meeting ("Weekly W15 |
    2026/04/10" on thirteen of them), the action in the notes: junk in the decision log. A sheet whose columns
    name things to do and by when, and none the register's records, is an action list even when its name says
    the register: refused, with why; a decision log with a deadline column is read as before."""
    path = write_csv(tmp_path / "decisions.csv", [
        ["meeting", "id", "owner", "item", "deadline", "priority", "status"],
        ["Weekly W15 | 2026/04/10", "d11", "SA team", "Send the event plan as a PDF to Max", "4/14", "high", "open"],
        ["Weekly W15 | 2026/04/10", "d12", "Edick", "Reply on the venue fee with the university", "4/17", "mid",
         "open"],
        ["Weekly W15 | 2026/04/10", "d13", "Brandi", "Add a registered count column to the tracker", "4/10", "low",
         "done"],
        ["Weekly W14 | 2026/04/02", "d06", "Lynn", "Update the roadshow slides with the fund's details", "4/5",
         "mid", "done"]])
    with pytest.raises(WorkbookError, match="action list"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    kept = write_csv(tmp_path / "decision_log.csv", [
        ["id", "decision", "owner", "deadline", "status"],
        ["D1", "Hold the launch until the audit closes", "Steering Committee", "2026-05-01", "approved"],
        ["D2", "Move the roadshow to the spring term", "Programme Board", "2026-05-15", "pending"]])
    import_all(sqlite_store, kept)
    assert sorted(d["title"] for d in rows_of(sqlite_store, "decisions")) == [
        "Hold the launch until the audit closes", "Move the roadshow to the spring term"]


def test_two_fields_in_one_column_are_each_read(sqlite_store, tmp_path):
    """A course project's stakeholder register: "Stakeholder | Role | Internal / External | Position/Interest |
    What do we need from them?", each "Position/Interest" cell a stance and a level ("For/High",
    "Against/Medium", "Impartial/High"). The column was kept in the notes whole, so every stakeholder showed
    Neutral, the sheet's "Against" too, and no interest. A column whose header joins two fields with a slash,
    its cells likewise, has each part read as its field: the level where its header names it, the stance as
    the one choice of the register that reads it; the cell stays in the notes as written. The same of
    "Power/Interest" ("High/Low"), both parts named."""
    path = write_csv(tmp_path / "Stakeholder Register.csv", [
        ["Stakeholder", "Role", "Internal / External", "Position/Interest", "What do we need from them?"],
        ["League Commission", "Governing Body", "External", "For/High", "Approve the new club"],
        ["Local clubs", "Competition", "External", "Against/Medium", "Fan base, players"],
        ["Media", "Public update medium", "External", "Impartial/High", "News coverage"]])
    import_all(sqlite_store, path)
    got = {s["name"]: s for s in rows_of(sqlite_store, "stakeholders")}
    assert (got["League Commission"]["attitude"], got["League Commission"]["interest"]) == ("Supporter", 4)
    assert (got["Local clubs"]["attitude"], got["Local clubs"]["interest"]) == ("Opponent", 3)
    assert (got["Media"]["attitude"], got["Media"]["interest"]) == ("Neutral", 4)
    assert "Position/Interest: Against/Medium" in (got["Local clubs"]["notes"] or "")

    grid = write_csv(tmp_path / "stakeholders.csv", [
        ["Name", "Organisation", "Power/Interest"],
        ["Finance Director", "Head office", "High/Low"],
        ["Site staff", "Operations", "Low/High"]])
    import_all(sqlite_store, grid)
    got = {s["name"]: s for s in rows_of(sqlite_store, "stakeholders")}
    assert (got["Finance Director"]["power"], got["Finance Director"]["interest"]) == (4, 2)
    assert (got["Site staff"]["power"], got["Site staff"]["interest"]) == (2, 4)
