"""Issue 12, unseen set 71 (non-English registers, measured once on main bc6ca4f6): a tester's bugs named in a
column of their own and Chinese defect names. Each test writes a workbook of the shape (never a fetched file) and
failed on that main."""

from __future__ import annotations

from imported import import_all, rows_of
from real_world_factory import write_xlsx


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
