"""Issue 12, unseen set 71 (non-English registers, measured once on main bc6ca4f6): a tester's bugs named in a
column of their own, Chinese defect names, a timesheet. Each test writes a workbook of the shape (never a fetched file) and
failed on that main."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_bug_named_in_its_own_column_is_titled_by_its_name_not_its_actual_result(sqlite_store, tmp_path):
    """A tester's bug report with an expected and an actual result was titled by what each bug showed ("A white
    page is shown"), the bug's own name under "Название:" kept in the notes. The name titles the bug, the actual
    result is kept labelled in its description; with no name column the actual result still titles it."""
    named = [[None, "Название:", "Шаги воспроизведения:", "Ожидаемый результат:", "Фактический результат:",
              "Серьезность дефекта:"],
             ["E-1", "Сайт не открывается", "1. Открыть сайт", "Главная страница", "Отображается белая страница",
              "Blocker"],
             ["E-2", "Слайд на русском языке", "1. Выбрать Eng", "Слайд на английском языке",
              "Слайд на русском языке при английской раскладке", "Trivial"],
             ["E-3", "Нет кнопки Career", "1. Выбрать Eng", "Кнопка Career видна", "Кнопки Career нет на странице",
              "Major"]]
    unnamed = [["Bug ID", "Steps", "Expected Result", "Actual Result"],
               ["B-1", "Open the login page", "The form is shown", "A blank page is shown instead"],
               ["B-2", "Press Save", "The record is saved", "An error box says the record is locked"],
               ["B-3", "Print the report", "Two pages print", "Only the first page prints out"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Баг-репорт.xlsx", {"eastmining": named}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug report.xlsx", {"Defects": unnamed}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert issues["E-1"]["title"] == "Сайт не открывается"
    assert "Фактический результат: Отображается белая страница" in issues["E-1"]["description"]
    assert issues["E-1"]["priority"] == "Critical"
    assert issues["B-2"]["title"] == "An error box says the record is locked"


def test_a_chinese_defect_name_titles_the_defect(sqlite_store, tmp_path):
    """A student's defect report headed "缺陷编号 | 缺陷名称 | 缺陷描述 | 优先级" under two caption lines was refused:
    "缺陷名称" (the defect's name) was no title word. It titles the defect, the description is kept."""
    rows = [["项目名称：", "软件特性测试", None, None, None],
            ["任务名称：", "浏览器特性测试", None, None, None],
            ["缺陷编号", "缺陷名称", "缺陷描述", "优先级", "实际结果"],
            ["TB00001", "网页无法打开", "b站网页无法打开", "低", "无法加载"],
            ["TB00002", "桌面分辨率不同", "两个版本的桌面分辨率不同，最新版的有点模糊", "低", "有点模糊"],
            ["TB00003", "VLC黑屏", "VLC在播放视频时会出现有声音没画面", "中", "有声音没画面"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "缺陷报告.xlsx", {"缺陷报告": rows}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"TB00001", "TB00002", "TB00003"}
    assert issues["TB00003"]["title"] == "VLC黑屏"
    assert "VLC在播放视频时会出现有声音没画面" in issues["TB00003"]["description"]
    assert issues["TB00003"]["priority"] == "Medium"


def test_a_timesheet_of_hours_begun_and_ended_is_refused_saying_so(sqlite_store, tmp_path):
    """Two students' hours log ("Beschrijving | Stan | Tino | Datum | Aanvang | Eind | TOTAAL": what was done, the
    day, the hour begun and ended, a running total's formula on a hundred rows) was read as 6 risks. A sheet timing
    its entries by hours of the day, keeping nothing else a register keeps, is a timesheet: refused, saying so, its
    hours stored as times or written as text; an outage log timing its incidents beside their impact and owner is
    still imported."""
    rows = [["Projectwerk Logboek", None, None, None, None, None, None], [None] * 7, [None] * 7,
            ["Beschrijving", "Stan", "Tino", "Datum", "Aanvang", "Eind", "TOTAAL"]]
    for i, what in enumerate(["Project voorstelling", "Github research", "Klassen diagram aanmaken",
                              "Driver klasse invullen", "Valideer methodes uitwerken"]):
        rows.append([what, None, None, dt.date(2021, 10, 1 + i), dt.time(10 + i, 0), dt.time(11 + i, 30),
                     dt.time(1, 30)])
    rows += [[None] * 6 + [dt.time(0, 0)] for _ in range(20)]
    with pytest.raises(WorkbookError, match="timesheet's entries: “Aanvang” and “Eind”"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Logboek.xlsx", {"Blad1": rows}))
    written = [[r[0], None, None, r[3], f"{r[4]:%H:%M}", f"{r[5]:%H:%M}", None] for r in rows[4:9]]
    with pytest.raises(WorkbookError, match="timesheet's entries"):  # hours written as text ("10:00")
        import_all(sqlite_store, write_xlsx(tmp_path / "Uren.xlsx", {"Blad1": [rows[3], *written]}))
    outages = [["Incident", "Start", "End", "Impact", "Owner"],
               ["Payroll server down", dt.time(9, 0), dt.time(11, 30), "High", "Ann Lee"],
               ["VPN unreachable", dt.time(13, 0), dt.time(13, 45), "Medium", "Raj Mehta"],
               ["Mail delayed", dt.time(8, 15), dt.time(9, 0), "Low", "Ann Lee"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Incident log.xlsx", {"Incidents": outages}))
    assert {r["title"] for r in rows_of(sqlite_store, "issues")} == {
        "Payroll server down", "VPN unreachable", "Mail delayed"}
