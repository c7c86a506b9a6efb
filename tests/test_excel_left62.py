"""What stop 61's fixes left, as general rules (left62)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_TRACKER = ["Issue Id", "Project", "Summary", "Reporter", "Created", "Priority", "Type", "State", "Assignee",
            "Description"]


def _tracker_rows(task_texts: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [_TRACKER]
    for i in range(1, 5):
        rows.append([f"SHOP-{i}", "Shop", f"Basket total wrong after removing item {i}", "qa", "2025-03-0%d" % i,
                     "High", "Bug", "Open", "Unassigned",
                     f"### Steps to reproduce\n1. Add item {i}\n2. Remove it\n\n### Actual result\nTotal unchanged"])
    for j, text in enumerate(task_texts, start=10):
        rows.append([f"SHOP-{j}", "Shop", f"Checkout page item {j}", "qa", "2025-03-10", "Low", "Task", "Open",
                     "Unassigned", text])
    return rows


def test_a_task_row_written_as_a_defect_report_is_kept_as_an_issue(sqlite_store, tmp_path):
    """A tracker's rows typed "Task" are planned work, left out; one whose description carries a defect report's
    labelled lines (steps to reproduce, an actual result — here in Russian and markdown) is a bug typed Task:
    kept as an issue, said. A task with neither stays out."""
    texts = ["**Шаги:**\n1. Открыть корзину\n**Ожидаемый результат:**\nСообщение\n**Фактический результат:**\n"
             "Пустая страница",
             "### Steps to reproduce\n* Step 1: open checkout\n\n### Actual result\nError 500",
             "Write the checkout page's copy for the spring sale\nAgree it with marketing"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"issues": _tracker_rows(texts)}))
    codes = sorted(r["code"] for r in rows_of(sqlite_store, "issues"))
    assert codes == ["SHOP-1", "SHOP-10", "SHOP-11", "SHOP-2", "SHOP-3", "SHOP-4"]
    assert "kept as issues" in (plan.sheets[0].note or "")
    skipped = " ".join(r.report.reason or "" for r in plan.sheets[0].rows if r.report.reason)
    assert "planned work" in skipped  # the plain task, SHOP-12


def test_a_task_row_with_its_steps_to_reproduce_column_filled_is_kept(sqlite_store, tmp_path):
    """The same told by a column: a tracker exporting "Steps to Reproduce" as its own column, filled on a Task
    row, keeps that row as an issue; a Task row leaving it empty stays out."""
    rows = [["Key", "Summary", "Issue Type", "Status", "Steps to Reproduce"],
            ["APP-1", "Login button does nothing on tablets", "Bug", "Open", "Open app; tap Login"],
            ["APP-2", "Crash when the photo is rotated", "Bug", "Open", "Rotate a photo twice"],
            ["APP-3", "Upload stalls at ninety percent", "Task", "Open", "Upload a 2 GB file"],
            ["APP-4", "Prepare the release notes for 2.1", "Task", "Open", None],
            ["APP-5", "Search ignores accented letters", "Bug", "Open", "Search for café"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "export.xlsx", {"Jira": rows}))
    codes = sorted(r["code"] for r in rows_of(sqlite_store, "issues"))
    assert codes == ["APP-1", "APP-2", "APP-3", "APP-5"]


def _problem_rows() -> list[list[object]]:
    return [["Document", "Process", "Action Item", "Problem Description", "Solution"],
            ["Supplier contract", "Invoice intake", "The mail body names no fee type",
             "The bot reads the fee name from the wrong cell", "Read the fee from the table"],
            ["Land search", "Archive step", "The file name is never the same", "The file is renamed on every run",
             None],
            ["Payoff figures", "Closing", "The total moves on the page", "The redemption amount is not found", None]]


def test_a_problem_description_titles_an_issue_log_with_no_title_column(sqlite_store, tmp_path):
    """"Problem Description" (the register's noun and a description word) is the one column an issue log knows,
    and no column is headed as the title: in a workbook named as the register it titles each issue, said — the
    sheet was refused whole for want of a title word; the other columns stay in the notes."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"Sheet1": _problem_rows()}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"The bot reads the fee name from the wrong cell", "The file is renamed on every run",
                           "The redemption amount is not found"}
    assert "Read the fee from the table" in (issues["The bot reads the fee name from the wrong cell"]["description"]
                                             or "")
    assert "titles each issue" in (plan.sheets[0].note or "")


def test_a_problem_description_in_a_workbook_named_otherwise_is_still_refused(sqlite_store, tmp_path):
    """Guard: the same table in a workbook whose name says no register is no issue log by one header alone."""
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "bot_notes.xlsx", {"Sheet1": _problem_rows()}))
    assert rows_of(sqlite_store, "issues") == []
