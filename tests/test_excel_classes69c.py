"""Issue 12, classes69c: the miss classes of unseen set 69 (non-English registers) as general rules — a tracker's
export with Russian headers and "no" + the column's noun for no one; a header word with a qualifier or a plural
ending; a defect report with a severity read as a risk register; cause–event–effect risks in Spanish with a date
format in the date's header; a reply column holding the status word. Each test writes a workbook of the shape
(never a fetched file) and failed on the code before (main bd415b9c)."""

from __future__ import annotations

import datetime as dt

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_russian_tracker_export_reads_its_task_id_created_date_and_no_assignee(sqlite_store, tmp_path):
    """A YouTrack export with Russian headers: "ID задачи" (the task's ID) was kept in the notes and the bugs coded
    I-001…, "Создана" (created) gave no raised date, and "Нет исполнителя" ("no assignee") became a person owning
    every bug. The ID is the code, the created day the raised date, and "no" + the column's own noun is no one — in
    any language ("No assignee" under "Assignee", "Kein Bearbeiter" under "Bearbeiter"); a name stays a person."""
    rows = [["ID задачи", "Заголовок", "Создана", "Приоритет", "Исполнитель", "Описание"],
            ["KLB-3", "Бот не отвечает", dt.datetime(2024, 1, 12, 9, 30), "Обычная", "Нет исполнителя", "Шаги: …"],
            ["KLB-2", "Кнопка не работает", dt.datetime(2024, 1, 11, 8, 0), "Обычная", "Нет исполнителя", "Шаги: …"],
            ["KLB-1", "Опечатка в меню", dt.datetime(2024, 1, 10, 7, 0), "Обычная", "Иван Петров", "Шаги: …"]]
    english = [["Issue ID", "Summary", "Assignee", "Status"], ["WEB-1", "Login fails", "No assignee", "Open"],
               ["WEB-2", "Logo blurred", "Nie Ming", "Open"]]
    german = [["ID", "Problem", "Bearbeiter", "Status"], ["APP-1", "Absturz beim Start", "Kein Bearbeiter", "Offen"],
              ["APP-2", "Falsches Datum im Bericht", "Kein Bearbeiter", "Offen"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "export.xlsx", {"Баги": rows, "Bugs": english, "Probleme": german}))
    issues = {r["code"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"KLB-1", "KLB-2", "KLB-3", "WEB-1", "WEB-2", "APP-1", "APP-2"}
    assert issues["KLB-3"]["raised_on"] == dt.date(2024, 1, 12)
    assert {p["name"] for p in rows_of(sqlite_store, "people")} == {"Иван Петров", "Nie Ming"}
