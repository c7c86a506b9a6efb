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
    assert all("unfilled placeholders" in skipped[n] for n in (2, 3, 4)) and "as row 2" in skipped[4]
    assert sheet.note.count("unfilled placeholders") == 1
    assert {r["status"] for r in rows_of(sqlite_store, "issues")} == {"Open"}
    assert sheet.mapping[4] == "status"  # read as the status, not only kept in the notes


_DECISION_HEAD = ["ID", "Decision", "Description of decision and impact", "Owner", "Status", "Due Date"]


def test_a_decision_log_on_two_sheets_numbered_from_1_keeps_both_sheets_decisions(sqlite_store, tmp_path):
    """A team's decision log kept a sheet a semester, nearly the same columns on both, IDs from 1 on each: the
    older sheet's decisions 1 and 2 were merged into the newer sheet's 1 and 2 (their short titles alike by "the"
    and "create"), two decisions lost. Another version of the same table whose titles disagree holds other
    records: each keeps its own, under a new ID; a status "3-Complete", "Completed" or "Done" on a decision log is a
    decision taken (Decided), not Pending."""
    newer = [[*_DECISION_HEAD, "Decision Date"],
             [1, "Rename the team", "We decided to rename the team.", "Ann Lee", "Decided", "2025-03-14", "2025-03-14"],
             [2, "Create the repository", "We decided to create a repository.", "Ann Lee", "Decided", "2025-03-21",
              "2025-03-14"],
             [3, "Choose the web framework", "We decided on a framework.", "Ben Cole", "Decided", "2025-03-28",
              "2025-03-14"]]
    older = [_DECISION_HEAD,
             [1, "Create and finish the team charter", "We decided what the charter holds.", "Ann Lee", "3-Complete",
              "2024-08-02"],
             [2, "Create and finish the statement of work", "We decided how to split the work.", "Ann Lee",
              "Completed", "2024-08-02"],
             [3, "Plan the engine training", "We decided on a course.", "Ben Cole", "Done", "2024-09-01"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "DecisionLog.xlsx", {"2025": newer, "2024 (old)": older}))
    decisions = named(sqlite_store, "decisions")
    assert len(decisions) == 6
    assert decisions["Rename the team"]["code"] == "1"
    older_ones = ["Create and finish the team charter", "Create and finish the statement of work",
                  "Plan the engine training"]
    assert [decisions[t]["status"] for t in older_ones] == ["Decided"] * 3
    assert "ID in the workbook: 1" in decisions["Create and finish the team charter"]["rationale"]


def test_a_change_calendars_cr_number_and_description_name_its_change_requests(sqlite_store, tmp_path):
    """A team's change calendar ("Planned Date | Actual Implementation date | CR Number | CR description | Downtime
    Required (Y/N) | Remarks"), its later planned slots holding a date alone, was refused: "no header row naming
    register columns". "CR" is a change request's abbreviation: "CR description" (or title, summary) titles it as
    "CR Number" already coded it; the slots with a date alone are no records."""
    import datetime as dt

    rows: list[list[object]] = [["Planned Date", "Actual Implementation date", "CR Number", "CR description",
                                 "Downtime Required (Y/N)", "Remarks"],
                                [dt.date(2023, 2, 10), dt.date(2023, 2, 18), "CR-01", "Clean up the database", "N", None],
                                [dt.date(2023, 2, 24), dt.date(2023, 2, 25), "CR-02", "Speed up the lookup service", "Y",
                                 None],
                                [dt.date(2023, 3, 4), "Postponed", "CR-03", "Harden the web servers", "Y", "Next month"]]
    rows += [[dt.date(2023, m, 12)] for m in range(4, 10)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Change Management.xlsx", {"Change Calendar": rows}))
    decisions = {r["code"]: r["title"] for r in rows_of(sqlite_store, "decisions")}
    assert decisions == {"CR-01": "Clean up the database", "CR-02": "Speed up the lookup service",
                         "CR-03": "Harden the web servers"}


def test_a_status_coded_by_a_legend_under_the_header_reads_through_it(sqlite_store, tmp_path):
    """"Status" written 1, 2 or 3, said once under the header ("Status of item: 1-Not started, 2-In progress,
    3-Complete"): the numbers were no status words, the column went to the notes and the decisions stayed
    Pending. The legend's words are the status: 3 is complete (Decided, on the due date where no day decided is
    given), and a decision with its day and decider whose work is "In progress" is taken all the same; one "Not
    started" with no day decided stays Pending. The code stays in the notes beside its word."""
    legend = [None, None, None, None, "Status of item: 1-Not started, 2-In progress, 3-Complete", None]
    rows = [_DECISION_HEAD, legend,
            [1, "Adopt the charter", "Signed by all.", "Ann Lee", 3, "2024-08-02"],
            [2, "Split the report", "Each writes a part.", "Ann Lee", 1, "2024-08-20"]]
    dated = [[*_DECISION_HEAD, "Decision Date"], [*legend, "The date the decision is made"],
             ["D-1", "Pick the hosting", "We chose a host.", "Ben Cole", 2, "2025-03-28", "2025-03-14"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "DecisionLog.xlsx", {"Log": rows, "Dated": dated}))
    decisions = named(sqlite_store, "decisions")
    assert (decisions["Adopt the charter"]["status"], str(decisions["Adopt the charter"]["decided_on"])) == \
        ("Decided", "2024-08-02")
    assert decisions["Split the report"]["status"] == "Pending"
    assert decisions["Pick the hosting"]["status"] == "Decided"
    assert "Status: 3 (Complete)" in decisions["Adopt the charter"]["rationale"]
