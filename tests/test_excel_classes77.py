"""Issue 12, unseen set 77's miss classes (Russian, Vietnamese and Chinese bug lists, measured once on main 0e262e98):
each test writes a workbook of the shape (never a fetched file) and failed on that main."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_REPORTS = [
    ("BUG-1", "Кнопка «Оплатить» не реагирует на нажатие", "Высокий приоритет", "1. Открыть корзину\n2. Нажать «Оплатить»",
     "Открывается форма оплаты", "Ничего не происходит"),
    ("BUG-2", "Поиск возвращает пустой список для латиницы", "Низкий приоритет", "1. Ввести «abc» в поиск",
     "Показаны найденные товары", "Показан пустой список"),
    ("BUG-3", "Дата доставки показана в прошлом", "Критический", "1. Оформить заказ\n2. Открыть «Мои заказы»",
     "Дата доставки не раньше сегодняшней", "Дата доставки вчерашняя"),
    ("BUG-4", "Логотип ведёт на чужой сайт", "Средний приоритет", "1. Нажать на логотип",
     "Открывается главная страница", "Открывается сторонний сайт"),
]


def test_bug_reports_with_steps_and_results_are_issues_though_a_title_word_says_risk(sqlite_store, tmp_path):
    """A sheet of bug reports ("ID | Название | Приоритет | Шаги воспроизведения | Ожидаемый результат | Фактический
    результат") on a sheet whose name says no register was read as risks ("Название" is a risk's title word), its
    priorities kept in the notes. The actual and expected results side by side say bug reports: the issue log, the
    priority read, said in the sheet notes."""
    rows: list[list[object]] = [["ID", "Название", "Приоритет", "Шаги воспроизведения", "Ожидаемый результат",
                                 "Фактический результат", "Окружение"]]
    rows += [[code, title, prio, steps, exp, act, "Windows 11, Chrome"] for code, title, prio, steps, exp, act in _REPORTS]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Проверка сайта.xlsx", {"Отчёт по спецификации": rows}))
    assert rows_of(sqlite_store, "risks") == []
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert {c: r["title"] for c, r in issues.items()} == {r[0]: r[1] for r in _REPORTS}
    assert [issues[f"BUG-{n}"]["priority"] for n in (1, 2, 3, 4)] == ["High", "Low", "Critical", "Medium"]
    assert "Фактический результат: Ничего не происходит" in issues["BUG-1"]["description"]
    assert "a bug a tester reported" in plan.sheets[0].note


def test_severity_words_under_a_status_header_are_the_priority(sqlite_store, tmp_path):
    """A tester wrote each bug's severity under "Status" ("Major", "Minor", "Trivial" on every filled row, no status
    word): kept in the notes, no priority. A column whose every value is a priority or severity word and none a status
    is the priority (read by its values), the status left open, said in the sheet notes."""
    bugs = [(1, "Saved filter forgets its sort order", "Major"), (2, "Tooltip overlaps the close button", "Trivial"),
            (3, "Export drops the last column", "Major"), (4, "Typo on the sign-up page", "Minor"),
            (5, "Avatar upload accepts a 0-byte file", "Minor")]
    rows: list[list[object]] = [["No.", "Bug", "Steps", "Status"]]
    rows += [[n, title, "1. Open the page\n2. Look", sev] for n, title, sev in bugs]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Bugs": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert {t: (r["priority"], r["status"]) for t, r in issues.items()} == {
        t: ({"Major": "High", "Minor": "Low", "Trivial": "Low"}[sev], "Open") for _n, t, sev in bugs}
    assert "“Status” read as the priority" in plan.sheets[0].note


def test_a_status_column_of_statuses_stays_the_status(sqlite_store, tmp_path):
    """The same sheet whose "Status" holds statuses reads them as before (no priority made up)."""
    rows: list[list[object]] = [["No.", "Bug", "Status"], [1, "Saved filter forgets its sort order", "Open"],
                                [2, "Tooltip overlaps the close button", "Closed"], [3, "Export drops a column", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Bugs": rows}))
    issues = rows_of(sqlite_store, "issues")
    assert sorted(r["status"] for r in issues) == ["Closed", "Open", "Open"]
    assert not any(r["priority"] for r in issues)
    assert "read as the priority" not in plan.sheets[0].note


def test_a_vietnamese_bug_and_note_table_is_the_issue_log(sqlite_store, tmp_path):
    """"Lỗi | Ghi chú" (bug | note), a few rows: neither header was known, the file refused. "Lỗi" titles an issue and
    "Ghi chú" describes it (the Vietnamese words file)."""
    rows: list[list[object]] = [["Lỗi", "Ghi chú"],
                                ["Nút lưu không hoạt động", "Bấm nút lưu ở trang hồ sơ thì không có gì xảy ra"],
                                ["Ảnh đại diện bị méo", "Ảnh tải lên bị kéo giãn theo chiều ngang"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bugs.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"Nút lưu không hoạt động", "Ảnh đại diện bị méo"}
    assert issues["Ảnh đại diện bị méo"]["description"] == "Ảnh tải lên bị kéo giãn theo chiều ngang"


def test_a_chinese_problem_record_is_the_issue_log(sqlite_store, tmp_path):
    """"记录时间 | 问题描述 | 原因及分析 | 解决办法" (recorded on | problem | cause and analysis | solution) in a workbook
    named "问题记录" (problem records): two fields and a name the Chinese words file did not know, refused. The time
    recorded is the day raised, "问题记录" names the issue log; the cause and the solution kept in the notes."""
    rows: list[list[object]] = [["记录时间", "问题描述", "原因及分析", "解决办法"],
                                [20230105, "部署后登录页面空白", "前端资源路径配置错误", "修改静态资源路径后重新部署"],
                                [20230112, "导出报表时中文乱码", "文件编码不是UTF-8", "导出时指定UTF-8编码"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "问题记录.xlsx", {"Sheet1": rows}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"部署后登录页面空白", "导出报表时中文乱码"}
    assert str(issues["部署后登录页面空白"]["raised_on"]) == "2023-01-05"
    assert "解决办法: 导出时指定UTF-8编码" in issues["导出报表时中文乱码"]["description"]


_SECTIONED = [["ADMIN", None, None],
              ["1. Cannot delete a course that has no classes", None, None],
              ["2. Saving a teacher twice makes two teachers", "https://example.org/shot/a1", None],
              ["3.The fee shown differs from the invoice", "https://example.org/shot/a2", "https://example.org/shot/a3"],
              [None, None, None],
              ["CLIENT", None, None],
              ["1. Attendance ticks a pupil in another class", "https://example.org/shot/c1", None],
              ["2. Timetable lists each class twice", None, None],
              ["3. Registration accepts two classes at the same hour", None, None]]


def test_a_bug_list_of_sentences_under_section_words_is_read_as_issues(sqlite_store, tmp_path):
    """A bug list with no header row: one sentence a line in column A, section words alone on a row ("ADMIN",
    "CLIENT"), items numbered "1. …" under each, screenshot links beside some. Refused for want of a header; in a
    workbook named for bugs each item is an issue titled by its sentence (its number taken off), the section and the
    number and the links kept in the notes, said in the sheet notes."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug.xlsx", {"Sheet1": _SECTIONED}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {x[0].split(".", 1)[1].strip() for x in _SECTIONED if x[0] and "." in x[0]}
    shown = issues["The fee shown differs from the invoice"]["description"]
    assert "Section: ADMIN" in shown and "https://example.org/shot/a3" in shown
    assert "Section: CLIENT" in issues["Timetable lists each class twice"]["description"]
    assert "(“ADMIN”, “CLIENT”)" in plan.sheets[0].note


def test_a_list_of_sentences_not_named_for_issues_stays_refused(sqlite_store, tmp_path):
    """The same lines in a workbook named for something else (a to-do list, a cover sheet of an issue log) are no
    issues: refused as before."""
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "Todo.xlsx", {"Sheet1": _SECTIONED}))
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"About": _SECTIONED}))


def _bug_form(number: str, summary: str, priority: str, steps: list[tuple[str, str, str]]) -> list[list[object]]:
    rows: list[list[object]] = [["ID:", number, None, None], ["Summary:", summary, None, None],
                                ["Priority:", priority, None, None], ["Environment:", "Windows 11, Edge", None, None],
                                ["Reporter:", "Sam Lee", None, None],
                                ["No.", "Steps to reproduce", "Actual result", "Expected result"]]
    rows += [[f"{n})", step, actual, expected] for n, (step, actual, expected) in enumerate(steps, start=1)]
    return rows + [[None, "fig. 1", None, None]] + [[None] * 4] * 12  # the screenshot's gap


def test_bug_forms_each_over_a_steps_table_are_a_bug_each(sqlite_store, tmp_path):
    """Bug forms one under another ("ID: | 001", "Summary:", "Priority:" …), each over its steps table ("No. | Steps
    to reproduce | Actual result | Expected result" over "1)", "2)" …) and a screenshot's gap: the first steps table
    was read as the register (a junk issue a step), the forms' own fields lost. The forms are the records, their steps
    joined in their notes."""
    first = _bug_form("001", "The login field is not marked when left empty", "Low",
                      [("Open the site", "The site opens", "Same"), ("Click Forgot password", "The reset panel opens",
                                                                    "Same"),
                       ("Leave Login empty and send", "Login gets a thin red frame", "A message says Login is needed")])
    second = _bug_form("002", "The payment error page is blank", "High",
                       [("Book a ticket", "Booked for 15 minutes", "Same"), ("Wait for the timer", "Timer stops",
                                                                             "Timer goes on"),
                        ("Pay after the timer", "A blank page", "A message that the booking was cancelled")])
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug reports.xlsx", {"Sheet1": first + second}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"001", "002"}
    assert (issues["002"]["title"], issues["002"]["priority"]) == ("The payment error page is blank", "High")
    assert "Actual result: Booked for 15 minutes\nTimer stops\nA blank page" in issues["002"]["description"]
    assert "Read as 2 forms one under another" in plan.sheets[0].note
