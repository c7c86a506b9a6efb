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


def _defect_form(code: str) -> list[list[object]]:
    """One defect as a "Field | Description" form set off the top-left corner, a label a row, a blank row within."""
    pairs = [("Field", "Description"), ("Bug ID", code), ("Summary", "Login button does nothing"),
             ("Description", "Pressing the login button on the start page shows no response at all"),
             ("Steps to reproduce", "1. Open the start page 2. Press Login"), (None, None),
             ("Expected Result", "The login dialog opens"), ("Actual Result", "Nothing happens"),
             ("Severity", "Major"), ("Priority", "High"), ("Reported By", "Dana Reyes"), ("Status", "New")]
    rows: list[list[object]] = [[], [], []]
    rows += [[None, None, None, None, label, value] for label, value in pairs]
    return rows


def test_one_defect_written_as_a_form_alone_in_its_workbook_is_one_issue(sqlite_store, tmp_path):
    """A tester's one defect as a label/value form (expected and actual result among its labels), the workbook's
    only sheet, its ID two words, its file named in the plural: refused as having no header row, since one form
    alone was read only when its file or sheet named the register in the singular or its ID was a code."""
    path = write_xlsx(tmp_path / "Defects.xlsx", {"Sheet1": _defect_form("Case 7")})
    plan = import_all(sqlite_store, path)
    [issue] = rows_of(sqlite_store, "issues")
    assert (issue["code"], issue["title"], issue["priority"]) == ("Case 7", "Login button does nothing", "High")
    assert "Nothing happens" in issue["description"]
    assert "form" in " ".join(s.note or "" for s in plan.sheets)
    # the same form in a workbook of a neutral name: its expected and actual result say a defect report
    import_all(sqlite_store, write_xlsx(tmp_path / "report.xlsx", {"Sheet1": _defect_form("Case 8")}))
    assert sorted(r["code"] for r in rows_of(sqlite_store, "issues")) == ["Case 7", "Case 8"]



def test_a_russian_bug_report_with_its_steps_stays_a_defect_report(sqlite_store, tmp_path):
    """The steps column counts for the issue log only beside a column naming the bugs: a tester's Russian report
    (an unheaded code column, "Название:", environment, preconditions, steps, expected and actual results, a
    severity) is read as a defect report by its results, as before — not taken as a header of a severity alone and
    refused for naming no records (the first cut of this rule did, unseen set 71's regression dump)."""
    rows: list[list[object]] = [[None, "Название:", "Окружение:", "Предварительные условия:", "Шаги воспроизведения:",
                                 "Ожидаемый результат:", "Фактический результат:", "Серьезность дефекта:"]]
    for n, title in enumerate(["Поиск ничего не находит", "Логотип размыт", "Сумма в корзине неверна"], start=1):
        rows.append([f"D-{n}", title, "Windows 11, Chrome", "Открыт сайт", f"1. Открыть страницу {n}",
                     "Всё работает", "Ошибка", "Major"])
    import_all(sqlite_store, write_xlsx(tmp_path / "bug_report.xlsx", {"site": rows}))
    assert sorted(r["code"] for r in rows_of(sqlite_store, "issues")) == ["D-1", "D-2", "D-3"]

