"""Classes of problem found on round 45 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_csv


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
