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
    assert "(SHOP-10, SHOP-11) typed “Task” kept as issues" in (plan.sheets[0].note or "")
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


def test_an_impact_beside_its_product_column_is_one_rating_not_products(sqlite_store, tmp_path):
    """"Impacto" of 3, 4, 5 with a few 10s and a 20 (past the 1–5 scale) was read as products of two ratings,
    3–5 → 2; "Riesgo" beside it is Probabilidad × Impacto on every row, so "Impacto" is the factor: its numbers
    are levels, the ones past the scale left empty and kept in the notes, said. "Corregir inmediatamente" in the
    column of response types is Reduce."""
    rows: list[list[object]] = [["ID", "Descripción Riesgo", "Probabilidad", "Impacto", "Riesgo", "Acción",
                                 "Plan de Acción"]]
    cells = [(1, 3), (1, 5), (1, 4), (2, 10), (1, 20), (2, 5), (2, 10), (2, 10)]
    for i, (p, impact) in enumerate(cells, start=1):
        rows.append([i, f"El servicio número {i} falla durante la entrega", p, impact, p * impact,
                     "Corregir inmediatamente" if impact >= 10 else "Mitigar", f"Revisar el servicio {i} cada semana"])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "matriz.xlsx", {"Matriz": rows}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 8
    assert [risks[c]["impact"] for c in ("1", "2", "3", "6")] == [3, 5, 4, 5]
    assert risks["4"]["impact"] is None and "Impacto: 10" in (risks["4"]["notes"] or "")
    assert {r["response"] for r in risks.values()} == {"Reduce"}
    assert "not a product of two" in (plan.sheets[0].note or "")


def test_a_product_column_alone_still_reads_as_products(sqlite_store, tmp_path):
    """Guard: a "Risk Score" of products (12, 16, 20) with no column of which it is the product is read as
    before, each the level nearest its square root."""
    rows: list[list[object]] = [["ID", "Risk", "Likelihood", "Impact"]]
    for i, impact in enumerate([12, 16, 20, 4], start=1):
        rows.append([i, f"Supplier number {i} delivers late", 2, impact])
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    impacts = sorted(r["impact"] for r in rows_of(sqlite_store, "risks"))
    assert impacts == [2, 3, 4, 4]


def test_a_trackers_type_column_is_not_said_to_be_kept_when_it_is_dropped(sqlite_store, tmp_path):
    """The type column that sorts a tracker's rows is not stored on the records; the report said "kept on each
    record" of it all the same. It now says what the column did, and no record's notes claim it."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"issues": _tracker_rows(["Plain task"])}))
    said = plan.sheets[0].ignored[_TRACKER.index("Type")]
    assert "kept on each record" not in said
    assert "gives each row's kind" in said
    assert all("Type:" not in (r.get("notes") or "") for r in rows_of(sqlite_store, "issues"))
