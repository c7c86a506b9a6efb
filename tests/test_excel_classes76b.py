"""Issue 12, classes76b: unseen set 76's miss classes as general rules — a bug list whose header names a bug's
steps to reproduce ("Priority | Description | Repro Steps | Solution", a numbered priority, titles opening with
verbs) is the issue log, not refused nor read as risks planned by their solution; one defect written as a
label/value form, the workbook's only sheet, is one record. Each test writes a workbook of the shape (never a
fetched file) and failed on main 0e262e98."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx

_TASKS = ["Implement a cache for the search results", "Add ability to export the list", "Store the window layout",
          "Prevent the dialog from being resized", "Change the default font", "Crashes when the list is empty"]


def _bug_list(first: str, second: str, steps: str, fix: str, firsts: list[object]) -> list[list[object]]:
    rows: list[list[object]] = [[first, second, steps, fix]]
    for n, (title, level) in enumerate(zip(_TASKS, firsts)):
        rows.append([level, title, "Open the list, press Delete" if n == 5 else None,
                     "Guard the empty case" if n == 5 else None])
    return rows


def test_a_bug_list_naming_its_steps_to_reproduce_is_the_issue_log(sqlite_store, tmp_path):
    """"Priority | Description | Repro Steps | Solution" on "Sheet1", the priority 1–3, most titles opening with
    a verb: refused whole as having no header row. The steps-to-reproduce column says the rows are bugs: the issue
    log, each row's number its priority (1 the most urgent), the steps and the solution kept, the reading said."""
    rows = _bug_list("Priority", "Description", "Repro Steps", "Solution", [1, 1, 2, 2, 3, 3])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "app.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert sorted(issues) == sorted(_TASKS)
    assert not rows_of(sqlite_store, "risks")
    assert [issues[t]["priority"] for t in _TASKS[::2]] == ["Critical", "High", "Medium"]
    assert "Open the list, press Delete" in issues[_TASKS[5]]["description"]
    assert "Guard the empty case" in issues[_TASKS[5]]["description"]
    notes = " ".join(s.note or "" for s in plan.sheets)
    assert "Repro Steps" in notes and "steps to reproduce" in notes


def test_a_bug_list_rated_by_a_severity_and_a_title_is_no_risk_register(sqlite_store, tmp_path):
    """With "Severity" (words) over the first column and "Title" over the second it became risks planned by
    their "Solution"; steps to reproduce (here in Spanish) say bugs."""
    rows = _bug_list("Severidad", "Título", "Pasos para reproducir", "Solución",
                     ["Alta", "Alta", "Media", "Media", "Baja", "Baja"])
    import_all(sqlite_store, write_xlsx(tmp_path / "aplicacion.xlsx", {"Hoja1": rows}))
    assert not rows_of(sqlite_store, "risks")
    assert sorted(r["title"] for r in rows_of(sqlite_store, "issues")) == sorted(_TASKS)
