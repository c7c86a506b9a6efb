"""Classes of problem import round 65 chose to fix after its held-out set was run once (docs/import-rounds.md,
"Round 65's held-out classes"): the held-out files, like two of the set's, were refused with the message for
a table to mend. Each test writes a file of that shape (never a fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_lessons_learned_log_is_refused_as_one(sqlite_store, tmp_path):
    """An intern's "Lessons learned.xlsx": a title block (project name, manager, sponsor) over "SL. NO | DATE
    RAISED | EVENT | LESSON CATEGORY | … | OWNER | STATUS", one lesson a row. The office keeps no register of
    lessons, so nothing is imported — but the refusal said no header row naming register columns was found
    ("check the workbook"), as if the table were broken. A workbook whose one sheet is named as a lessons-learned
    log (words files: ``foreign.lessons.sheets``, English, Spanish, Portuguese, French, Italian, German) is said
    to be one."""
    rows = [["LESSONS LEARNED"], [], ["PROJECT NAME", "Web Scraping"], ["PROJECT MANAGER", "A. Manager"], [],
            ["SL. NO", "DATE RAISED", "EVENT", "LESSON CATEGORY", "EARLY WARNING SIGNS?", "RECOMMENDATIONS",
             "ACTIONS", "OWNER", "STATUS"],
            [1, "", "Problem statement misunderstood", "Risk", "None", "Clarify the inputs first",
             "Went back to the statement", "G. Rathi", "Closed"],
            [2, "", "Time management", "Resource", "Yes", "Stay ahead of deadlines", "Worked longer",
             "G. Rathi", "Closed"]]
    path = write_xlsx(tmp_path / "Lessons learned.xlsx", {"LESSONS LEARNED": rows})
    with pytest.raises(WorkbookError, match=r"“Lessons learned.xlsx” holds no register's records: its sheet "
                                            r"“LESSONS LEARNED” is named as a lessons-learned log"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "issues") == []


def test_an_action_tracker_whose_header_is_not_found_is_refused_as_an_action_list(sqlite_store, tmp_path):
    """An analytics start-up's "Action Tracker.xlsx" ("S.No | Task Category | Task Description | Owner | Status |
    Remarks") and a headerless "action_items.csv": lists of things to do, which the office keeps on the risk or
    issue they answer. Both were refused with "no header row naming register columns … check the workbook";
    a workbook whose one sheet (or a CSV whose name) is named as an action list is now said to be one."""
    rows = [["S.No", "Task Category", "Task Description", "Owner", "Status", "Remarks"],
            [1, "General", "Project folder in Github", "Thiru", "Completed", ""],
            [2, "Technology", "Architecture draft finalization", "Vasu/Thiru", "In progress", "JBoss"],
            [3, "ETL", "File transfer volume constraint analysis", "Thiru", "", ""]]
    path = write_xlsx(tmp_path / "Action Tracker.xlsx", {"Action Tracker": rows})
    with pytest.raises(WorkbookError, match=r"holds no register's records.*“Action Tracker”.*an action list"):
        import_all(sqlite_store, path)
    lines = [[1, "09/19/2019", "Review Meeting Minutes", "10/29/2019", 137],
             [2, "09/20/2019", "Review Enrollment Submittal Status", "10/30/2019", 71],
             [3, "09/24/2019", "Scholarship Candidate Selection", "11/3/2019", 77]]
    with pytest.raises(WorkbookError, match=r"holds no register's records.*an action list"):
        import_all(sqlite_store, write_csv(tmp_path / "action_items.csv", lines))
    assert rows_of(sqlite_store, "decisions") == [] and rows_of(sqlite_store, "people") == []
