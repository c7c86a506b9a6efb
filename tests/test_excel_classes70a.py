"""Issue 12, classes70a: the largest miss classes of unseen set 70 (English registers) as general rules — a tracker's
export of work items named as an issue log; a decision log on two sheets whose IDs restart at 1 and whose status is
coded by a legend; an automation's unfilled placeholder rows; a change calendar's "CR" columns. Each test writes a
workbook of the shape (never a fetched file) and failed on the code before (main bc6ca4f6)."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_ITEMS = [("Draft the sign-up screens", "Designer", "UI, Design", "Mobile App & Web Portal", "Design"),
          ("Plan the API endpoints", "Developer", "API, Backend", "Mobile App & Web Portal", "Build"),
          ("Write the test plan", "QA Tester", "Testing", "Field Trials & Rollout Pack", "Test"),
          ("Book the review meetings", "Project Manager", "Planning", "Field Trials & Rollout Pack", "Planning"),
          ("Prepare the user guide", "Project Manager", "Documentation", "Field Trials & Rollout Pack", "Release")]


def test_a_trackers_work_items_with_no_status_date_or_description_are_a_task_plan(sqlite_store, tmp_path):
    """A tracker's export of work items saved as "IssueLog.xlsx" ("Issue Name | Assignees | Labels | Projects |
    Milestones": verb phrases, roles as assignees) made 5 issues, the projects and "people" Designer, QA Tester …
    Nothing but a tracker's planning columns beside the title — no status, no date, no description, no priority —
    is a task plan: refused, saying why, and no project or person is made of it."""
    rows: list[list[object]] = [["Issue Name", "Assignees", "Labels", "Projects", "Milestones"]]
    rows += [list(item) for item in _ITEMS]
    with pytest.raises(WorkbookError, match=r"task plan.*“Labels”, “Milestones”"):
        import_all(sqlite_store, write_xlsx(tmp_path / "IssueLog.xlsx", {"Sheet1": rows}))
    assert rows_of(sqlite_store, "issues") == [] and rows_of(sqlite_store, "people") == []
    assert rows_of(sqlite_store, "projects") == []


def test_an_issue_log_with_labels_and_milestones_and_a_status_is_read_its_project_whole(sqlite_store, tmp_path):
    """The same columns with a status and the day raised are an issue log: read, and a project named with "&"
    ("Mobile App & Web Portal") is that one project, not cut at the "&" into "Mobile App" as two people's names are."""
    rows: list[list[object]] = [["Issue Name", "Assignees", "Labels", "Projects", "Milestones", "Status"]]
    rows += [[*item, "Open"] for item in _ITEMS]
    import_all(sqlite_store, write_xlsx(tmp_path / "IssueLog.xlsx", {"Sheet1": rows}))
    issues = named(sqlite_store, "issues")
    assert len(issues) == 5
    assert {r["name"] for r in rows_of(sqlite_store, "projects")} == {"Mobile App & Web Portal", "Field Trials & Rollout Pack"}
    assert issues["Plan the API endpoints"]["project"] is not None


def test_rows_of_an_automations_unfilled_placeholders_are_no_records(sqlite_store, tmp_path):
    """A workflow tool's incident log kept its template rows ("{{ $json.title }}" in every cell, ten times) above its
    two real incidents: the first was made an issue titled "{{ $json.title }}". A row of placeholders alone — "{{ …
    }}", "${…}", "<<…>>" — is no record: skipped with its reason, said once for the sheet; the real rows are read."""
    head = ["Incident ID", "Timestamp", "Title", "Description", "Status"]
    template = ["{{ $json.incident_id }}", "{{ $json.timestamp }}", "{{ $json.title }}", "{{ $json.description }}",
                "{{ $json.status }}"]
    rows = [head, template, template, ["${row.id}", "${row.date}", "${row.title}", "<<Description>>", "<<Status>>"],
            ["INC-7", "2024-10-21", "Disk full on the mail server", "The queue stopped", "open"],
            ["INC-8", "2024-10-24", "Database server crash", "Every service is down", "open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Incident Log.xlsx", {"Sheet1": rows}))
    assert set(named(sqlite_store, "issues")) == {"Disk full on the mail server", "Database server crash"}
    sheet = plan.sheets[0]
    skipped = {r.report.row: r.report.reason for r in sheet.rows if r.report.action.name == "SKIP"}
    assert all("unfilled placeholders" in skipped[n] for n in (2, 3, 4))
    assert sheet.note.count("unfilled placeholders") == 1
