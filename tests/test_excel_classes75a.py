"""Issue 12, classes75a: unseen set 75's non-English issue and bug registers as general rules — a "created on" /
"identified on" column is the day raised, a voided state is closed, a column headed by a title word and the
register's noun ("NOMBRE DE INCIDENCIA") titles the records where filled and the description where not, an empty
title is given by the description, actual result or steps, the priority's own column wins over the severity, and
Chinese problem and bug lists ("序号 | 问题", "bug内容描述") are read. Each test writes a workbook of the shape (never
a fetched file) and failed on main c8cbaed6."""

from __future__ import annotations

from datetime import date

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_HEADER = ["PROYECTO", "CREADA EN", "CRITICIDAD", "NOMBRE DE INCIDENCIA", "DESCRIPCIÓN", "ESTADO", "RESPONSABLE"]


def _notifications() -> list[list[object]]:
    """A site supervisor's notifications: the older 22 never named (more than the rows a header is judged by),
    the newer named; dates written as dd/mm/yyyy text; two of them voided."""
    rows: list[list[object]] = [_HEADER]
    for n in range(1, 23):
        rows.append(["Alamo", f"{n:02d}/03/2019", "MENOR", None,
                     f"Se observa una fisura número {n} en el muro norte. Se adjunta foto.", "CERRADA", "Ana Ruiz"])
    rows += [["Carra", "14/02/2020", "MAYOR", "Relleno con material fino", "El macadam viene con finos. Retirarlo.",
              "ANULADA", "Luis Gil"],
             ["Carra", "16/08/2020", "INTERMEDIA", "Amarre de vigas", "Contratistas no amarran las vigas.",
              "ABIERTA", "Ana Ruiz"],
             ["Carra", "26/07/2020", "MENOR", "Tubería sin soporte", "La tubería del sótano no tiene soportes.",
              "ANULADA", "Luis Gil"]]
    return rows


def _plain_notifications() -> list[list[object]]:
    return [["INCIDENCIA", "CREADA EN", "ESTADO"],
            ["Fisura en el muro norte", "20/06/2019", "CERRADA"],
            ["Relleno con material fino", "14/02/2020", "ANULADA"],
            ["Amarre de vigas", "16/08/2020", "ABIERTA"]]


def test_a_created_on_column_of_date_text_is_the_day_raised(sqlite_store, tmp_path):
    """"CREADA EN" (created on) over 20/06/2019 written as text was kept in the notes on all 2,883 rows of a
    builder's notifications: it is the day each was raised."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Incidencias.xlsx", {"notificaciones": _plain_notifications()}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert [issues[t]["raised_on"] for t in ("Fisura en el muro norte", "Amarre de vigas")] == \
        [date(2019, 6, 20), date(2020, 8, 16)]
    assert "CREADA EN" not in (issues["Amarre de vigas"]["description"] or "")


def test_a_portuguese_date_identified_is_the_risks_day_raised(sqlite_store, tmp_path):
    """"Data Identificada" (date identified) of a student's risk list was kept in the notes: the day raised."""
    rows = [["ID", "Data Identificada", "nome", "Descrição", "Probabilidade"],
            [1, date(2014, 5, 15), "encontrar cliente", "Não encontrarmos o cliente", 0.5],
            [2, date(2014, 5, 26), "Greves", "Greves em geral, no caso de ônibus", 0.8]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Riscos.xlsx", {"Risks": rows}))
    risks = by_code(sqlite_store, "risks")
    assert [risks[c]["raised_on"] for c in "12"] == [date(2014, 5, 15), date(2014, 5, 26)]


def test_a_name_column_titles_where_filled_and_the_description_where_not(sqlite_store, tmp_path):
    """"NOMBRE DE INCIDENCIA" (the incident's name), empty on the first rows, was not read (its sample held no
    names) and the description's first sentence titled every record. The header says it is the name: it titles
    the named rows, the unnamed ones are titled by their description's first sentence, each description whole."""
    result = import_all(sqlite_store, write_xlsx(tmp_path / "Incidencias.xlsx", {"notificaciones": _notifications()}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert len(issues) == 25
    assert issues["Amarre de vigas"]["description"].startswith("Contratistas no amarran las vigas.")
    unnamed = issues["Se observa una fisura número 7 en el muro norte."]
    assert unnamed["description"].startswith("Se observa una fisura número 7 en el muro norte. Se adjunta foto.")
    assert "22 rows leave “NOMBRE DE INCIDENCIA” empty: titled by the first sentence of “DESCRIPCIÓN”" in \
        result.sheets[0].note


def test_a_voided_state_is_closed(sqlite_store, tmp_path):
    """"ANULADA" (voided) was left Open, said as no state the office knows: a voided issue is closed."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Incidencias.xlsx", {"notificaciones": _plain_notifications()}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert issues["Relleno con material fino"]["status"] == "Closed"
    assert issues["Amarre de vigas"]["status"] == "Open"
    # and where the name column titles the records, the voided ones among them are closed too
    import_all(sqlite_store, write_xlsx(tmp_path / "Notificaciones.xlsx", {"notificaciones": _notifications()}))
    assert {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}["Tubería sin soporte"] == "Closed"


def test_a_german_cancelled_risk_is_closed(sqlite_store, tmp_path):
    """The same in another language of the words files: a risk "storniert" (cancelled) is closed."""
    rows = [["Nr", "Titel", "Status"], ["1", "Lieferant fällt aus", "storniert"], ["2", "Server zu langsam", "offen"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risiken.xlsx", {"Risiken": rows}))
    risks = by_code(sqlite_store, "risks")
    assert (risks["1"]["status"], risks["2"]["status"]) == ("Closed", "Open")


def test_a_chinese_numbered_problem_list(sqlite_store, tmp_path):
    """"序号 | 问题" (No. | problem) of a site's test problems was refused: "问题" names the records and "序号" numbers
    them."""
    rows = [["序号", "问题"], [1, "前端播放的视频不变，与后台数据不符"], [2, "在所有课程页面中，搜索课程不能搜索"],
            [3, "首页轮播图无法进入相关课程"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "测试问题.xlsx", {"Sheet1": rows}))
    issues = by_code(sqlite_store, "issues")
    assert issues["2"]["title"] == "在所有课程页面中，搜索课程不能搜索"
    assert len(issues) == 3


def test_a_chinese_bug_list_with_its_content_description(sqlite_store, tmp_path):
    """"bug内容描述" (the bug's content description) with the day it was raised ("提出日期") in a workbook named a
    bug list was refused."""
    rows = [["功能点", "bug内容描述", "截图", "提出日期"],
            ["班级信息查询", "根据姓名查询时不是模糊查询", None, date(2025, 10, 3)]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bug列表.xlsx", {"Sheet1": rows}))
    (issue,) = rows_of(sqlite_store, "issues")
    assert (issue["title"], issue["raised_on"]) == ("根据姓名查询时不是模糊查询", date(2025, 10, 3))


def test_the_priority_column_wins_over_the_severity(sqlite_store, tmp_path):
    """"Серьёзность | Приоритет" (severity | priority): the severity filled the priority and the priority was
    kept in the notes. The column headed by the priority's own name takes it; the severity is kept."""
    rows = [["ID", "Название", "Описание ошибки", "Серьёзность", "Приоритет"],
            [2002, "Царапина на корпусе", "На корпусе устройства царапина", "Trivial", "Low"],
            [2003, "Устройство не включается", "Не включается при попытке включить", "Blocker", "High"],
            [2004, "Нет подключения к сети", "Не подключается к сети через LAN", "Major", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Баги.xlsx", {"Лист1": rows}))
    issues = by_code(sqlite_store, "issues")
    assert [issues[c]["priority"] for c in ("2002", "2003", "2004")] == ["Low", "High", "Medium"]
    assert "Серьёзность: Blocker" in issues["2003"]["description"]


def test_a_bug_with_no_short_description_is_titled_by_its_steps(sqlite_store, tmp_path):
    """A bug with its short description left empty, its actual result a screenshot's link: left out "Issue cannot
    be empty". Its steps say what was done: their first line titles it, the steps and the link kept."""
    rows = [["№", "Краткое описание", "Шаги", "ФР", "ОР"],
            [1, "Ссылка не активна", "1. Открыть страницу\n2. Нажать на ссылку", "Ничего не происходит",
             "Ссылка активна"],
            [2, None, " - Обновить страницу\n - Нажать на вкладки по очереди", "https://prnt.sc/abc", None]]
    result = import_all(sqlite_store, write_xlsx(tmp_path / "Баги.xlsx", {"Подсказка": rows}))
    issues = by_code(sqlite_store, "issues")
    assert issues["2"]["title"] == "Обновить страницу"
    assert "https://prnt.sc/abc" in issues["2"]["description"]
    assert "1 row leaves “Краткое описание” empty: titled by the first sentence of “Шаги”" in result.sheets[0].note
