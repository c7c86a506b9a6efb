"""Classes of problem found on round 39 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_ods

from pmo_desktop.excel.errors import WorkbookError


def test_an_action_list_adds_no_risks(sqlite_store, tmp_path):
    """A meeting tool's "action_items.csv": "title | owner | due_date | status", each row an action to take
    ("Close out stale change requests", In Progress). Nothing in it names a register, and it was read as 5
    risks. A sheet (a CSV's file) named as an action list, whose columns name no register's records, is an
    action list: the office keeps actions on the risk or issue they answer, so nothing is imported."""
    path = write_csv(tmp_path / "action_items.csv", [
        ["title", "owner", "due_date", "status"],
        ["Fix priorities and due dates for action items", "Nathan", "2026-01-21", "In Progress"],
        ["Close out stale change requests", "Engineering Team", "2026-01-22", "In Progress"],
        ["Focus on postmortem metrics", "Miguel", "2026-01-23", "In Progress"],
        ["Update runbook using details captured", "Miguel", "2026-01-25", "In Progress"]])
    with pytest.raises(WorkbookError, match="an action list"):  # said as one since rounds 65 and 66
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == []
    assert rows_of(sqlite_store, "people") == []


def test_an_action_list_whose_columns_name_issues_is_the_issue_log(sqlite_store, tmp_path):
    """The other side of that rule, and a class of its own: "action_items.csv" holding an application
    portfolio's issues, "Issue_ID | Application_Name | Issue_Type | Priority | Status | Assignee | Created_Date",
    no column naming each issue. It was refused (no column names the records) and its 150 issues lost. A
    column of IDs headed by the register's noun ("Issue_ID") names the register as a sheet's name would: rows
    told apart by those IDs are read as issues, each named by its text that varies most (the application),
    its type kept labelled. A table with no text naming its rows (a library's loans) stays refused."""
    path = write_csv(tmp_path / "action_items.csv", [
        ["Issue_ID", "Application_Name", "Issue_Type", "Priority", "Status", "Assignee", "Created_Date"],
        ["KD-100", "Anaplan Planning", "Compliance Gap", "Low", "Closed", "Julia Becker", "2024-02-05"],
        ["KD-101", "Qualys VM", "Security Audit", "Low", "Open", "Laura Zimmermann", "2024-12-28"],
        ["KD-102", "MuleSoft Anypoint", "Owner Alignment", "High", "Closed", "Laura Zimmermann", "2024-06-14"],
        ["KD-103", "Snowflake Data Cloud", "Owner Alignment", "Medium", "Resolved", "Stefan Hoffmann",
         "2024-06-21"],
        ["KD-104", "Qualys VM", "Security Audit", "Critical", "Open", "Anna Schmidt", "2024-05-23"],
        ["KD-105", "Anaplan Planning", "Owner Alignment", "Low", "Closed", "Julia Becker", "2024-03-05"],
        ["KD-106", "Teams Voice", "Security Audit", "Medium", "Open", "Maria Fischer", "2024-02-29"],
        ["KD-107", "Snowflake Data Cloud", "Compliance Gap", "High", "Closed", "Anna Schmidt", "2024-07-10"]])
    import_all(sqlite_store, path)
    got = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(got) == [f"KD-10{i}" for i in range(8)]
    assert got["KD-103"]["title"] == "Snowflake Data Cloud"
    assert got["KD-103"]["status"] == "Resolved" and got["KD-104"]["priority"] == "Critical"
    assert got["KD-104"]["owner"] == "Anna Schmidt"
    assert "Owner Alignment" in (got["KD-102"]["description"] or "")
    assert rows_of(sqlite_store, "risks") == []

    # that needs a text naming each row: a library's loans, "Issue ID | Book ID | Member ID | Issue Date |
    # Status" (books issued to members, numbers only), stay refused
    path = write_csv(tmp_path / "issues.csv", [
        ["Issue ID", "Book ID", "Member ID", "Issue Date", "Status"],
        ["1", "110", "3", "2026-08-15", "Returned"],
        ["2", "114", "5", "2026-08-16", "Issued"],
        ["3", "120", "3", "2026-08-17", "Returned"]])
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "issues")) == 8

    # nor does a data set's codings name its rows: Jira keys under "Issue ID" beside "True False False" under
    # "Types of design decisions" (3,356 junk issues when the rule was first tried)
    codings = ["True False False", "True True False", "False True True", "False False True", "True True True"]
    path = write_csv(tmp_path / "design_decisions.csv", [
        ["Issue ID", "Types of design decisions"],
        *[[f"YARN-{10650 - 7 * i}", codings[i % 5]] for i in range(20)]])
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "issues")) == 8


def test_a_completed_column_of_yes_and_no_is_the_issues_status(sqlite_store, tmp_path):
    """A game's bug and feature list ("issues.ods": "Category | Issue | Type | Completed | Phase"), the bugs
    marked "yes" or "no" under "Completed". The column was kept in the notes and every bug left Open, the
    fixed ones too. A column headed "Completed" (or "Done") whose cells say yes or no is the issue's status:
    yes resolved, no open."""
    path = write_ods(tmp_path / "issues.ods", {"Sheet1": [
        ["Category", "Issue", "Type", "Completed", "Phase"],
        ["character sheet", "chits not showing up", "bug", "yes", 1],
        ["general", "make left tabs wider", "bug", "yes", 1],
        ["general", "an extra blank activity when loading a game", "bug", "no", 2],
        ["map", "fix character chit rotation", "bug", "yes", 1],
        ["general", "the first activity is shown at the wrong place on phones", "bug", "no", 2]]})
    import_all(sqlite_store, path)
    got = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert got == {"chits not showing up": "Resolved", "make left tabs wider": "Resolved",
                   "an extra blank activity when loading a game": "Open", "fix character chit rotation": "Resolved",
                   "the first activity is shown at the wrong place on phones": "Open"}
