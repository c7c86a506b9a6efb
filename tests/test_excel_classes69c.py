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


def test_a_field_said_of_the_risk_or_in_the_plural_is_that_field(sqlite_store, tmp_path):
    """A Polish register's "wpływ ryzyka" (impact *of the risk*, the noun after it with no "of") and "proponowane
    reakcje na ryzyko" (proposed responses) were only kept in the notes; a German sheet's "Indikatoren" (the plural
    of the trigger word "Indikator") and "Minimierungs-Strategie" (its mitigation, beside a "Notfallplan") too. The
    impact is the impact, the responses and the mitigation are actions as the contingency is, the indicators the
    trigger; "Auswirkungen", a word known in the plural, stays the effect."""
    polish = [["identyfikator ryzyka", "opis ryzyka", "wpływ ryzyka", "prawdopodobieństwo wystąpienia",
               "proponowane reakcje na ryzyko"],
              ["R/001", "Awaria serwera", "Wysoki", "Średnie", "Regularne przeglądy sprzętu."],
              ["R/002", "Brak komunikacji w zespole", "Średni", "Niskie", "Cotygodniowe spotkania zespołu."]]
    german = [["Risiko-ID", "Beschreibung", "Auswirkungen", "Minimierungs-Strategie", "Indikatoren", "Notfallplan"],
              ["R-T1", "Framework läuft nicht stabil", "Verzug", "Vorab-Tests auf Zielplattformen", "Abstürze",
               "Native Oberfläche"],
              ["R-T2", "Synchronisation fehlerhaft", "Datenverlust", "Transaktionen einführen", "Fehlende Einträge",
               "Listen abschalten"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Ryzyka.xlsx", {"Arkusz1": polish}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Sheet1": german}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert (risks["R/001"]["impact"], risks["R/002"]["impact"]) == (4, 3)
    assert (risks["R-T1"]["trigger"], risks["R-T1"]["effect"]) == ("Abstürze", "Verzug")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Regularne przeglądy sprzętu.", "Vorab-Tests auf Zielplattformen", "Native Oberfläche"} <= actions


def test_a_chinese_test_date_is_the_day_a_defect_was_raised(sqlite_store, tmp_path):
    """A QA homework's defect list dates each defect by "测试时间" (the test's date, written 2025.4.10): kept in the
    notes, the defects had no raised date. The day the test found the defect is the day it was raised."""
    rows = [["缺陷编号", "测试人员", "测试时间", "标题", "优先级"],
            ["BUG-01", "张三", "2025.4.10", "登录按钮无响应", "高"],
            ["BUG-02", "李四", "2025.4.11", "密码可以为空", "中"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "缺陷清单.xlsx", {"缺陷": rows}))
    assert {r["code"]: r["raised_on"] for r in rows_of(sqlite_store, "issues")} == {
        "BUG-01": dt.date(2025, 4, 10), "BUG-02": dt.date(2025, 4, 11)}


def test_a_spanish_defect_report_with_a_severity_is_an_issue_log(sqlite_store, tmp_path):
    """Two Spanish defect reports with no word naming the records were read as risk registers, their "Severidad"
    taken as a risk's impact: one under a caption "Reporte de Defectos" above its header, one with a test-case ID
    column and its description written as labelled parts on one line ("Resultado Obtenido: … Resultado esperado:
    …", padded apart with spaces). Each is an issue log (the severity its priority), decided from the sheet alone —
    the workbook's name says nothing here; the labelled description is titled by its obtained result. A sheet with
    the same columns and no such caption stays the risk register."""
    head = ["ID", "Descripción Detallada", "Tipo", "Severidad", "Estado", "Propuesta de solución"]
    captioned = [["Reporte de Defectos"], [None], [None, "Nombre proyecto:", "Tienda"], [None], head,
                 [None, "La lista de categorías no está instanciada", "Mantenedor", "Media", "Pendiente", "Instanciarla"],
                 [None, "El método Agregar no devuelve el producto", "Método", "Grave", "Pendiente", "Devolverlo"],
                 [None, "Los métodos Buscar son privados", "Método", "Leve", "Resuelto", "Hacerlos públicos"]]
    pad = " " * 40

    def described(obtained: str, expected: str) -> str:
        return f"Resultado Obtenido: {obtained}{pad}Resultado esperado: {expected}{pad}Condicion de Ambiente: Windows"

    by_case = [["ID", "ID Caso de Prueba", "Descripción", "Tipo", "Severidad", "Estado"],
               [1, 1, described("Error de instancia", "Agregar la categoría"), "Código", "MEDIO", "Reportado"],
               [2, 2, described("Error de parámetros", "Eliminar la categoría"), "Código", "GRAVE", "Reportado"],
               [3, 3, described("Excepción al guardar", "Guardar el libro"), "Código", "GRAVE", "Reportado"]]
    plain = [["ID", "Descripción Detallada", "Tipo", "Severidad", "Estado"],
             ["R1", "Retraso del proveedor", "Externo", "Media", "Pendiente"],
             ["R2", "Rotación del equipo", "Interno", "Grave", "Pendiente"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Proyecto.xlsx", {"Pruebas": captioned, "Hoja1": by_case}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Otro.xlsx", {"Hoja1": plain}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"La lista de categorías no está instanciada", "El método Agregar no devuelve el producto",
                           "Los métodos Buscar son privados", "Error de instancia", "Error de parámetros",
                           "Excepción al guardar"}
    assert issues["El método Agregar no devuelve el producto"]["priority"] == "High"
    assert issues["Error de parámetros"]["priority"] == "High"
    assert issues["Error de instancia"]["description"].startswith("Resultado Obtenido: Error de instancia")
    assert {r["title"] for r in rows_of(sqlite_store, "risks")} == {"Retraso del proveedor", "Rotación del equipo"}


def test_spanish_cause_event_effect_risks_and_a_date_header_with_its_format(sqlite_store, tmp_path):
    """A Spanish course project writes each risk as cause–event–effect: "Debido a" (due to) | "Puede Ocurrir" (may
    happen) | "Resultado" (result), and dates it under "Fecha  dd/mm/yyyy". The cause and the effect were only kept
    in the notes and the date too. They are the cause, the event (titling the risk) and the effect, and the date the
    raised date, read in the order its header names (04/08/2018 is 4 August). English "Due to | May happen |
    Resulting in" reads the same."""
    spanish = [["Codigo", "Fecha  dd/mm/yyyy", "Debido a", "Puede Ocurrir", "Resultado", "Probabilidad", "Impacto"],
               ["R1", "04/08/2018", "Ausencia", "Baja de personal", "Menor rendimiento", "Media", "Alto"],
               ["R2", "15/08/2018", "Motivos varios", "Pérdida de información", "Atraso en las entregas", "Baja", "Alto"]]
    english = [["Risk ID", "Due to", "May happen", "Resulting in", "Likelihood", "Impact"],
               ["E1", "Supplier insolvency", "Late delivery of parts", "A month's slip", "Low", "High"],
               ["E2", "Staff turnover", "Loss of key skills", "Slower delivery", "Medium", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Riesgos.xlsx", {"Riesgos": spanish, "Risks": english}))
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert (risks["R1"]["cause"], risks["R1"]["title"], risks["R1"]["effect"]) == (
        "Ausencia", "Baja de personal", "Menor rendimiento")
    assert risks["R1"]["raised_on"] == dt.date(2018, 8, 4)
    assert (risks["E1"]["cause"], risks["E1"]["event"], risks["E1"]["effect"]) == (
        "Supplier insolvency", "Late delivery of parts", "A month's slip")


def test_a_reply_that_is_a_closing_word_sets_the_status_of_a_sheet_without_one(sqlite_store, tmp_path):
    """A customer's list of required changes answered by the developer in "说明" (explanation): "done", "done；the
    field was already there". With no status column, those problems came in Open. A reply that is a closing status
    word, or begins with one before a semicolon, gives the status; a reply of other words (or a yes) leaves the default, and a
    sheet with its own status column keeps what that says."""
    rows = [["序号", "问题描述", "说明", "备注"],
            [1, "实体中增加“热门行业”字段", "已增加行业实体", None],
            [2, "客户拜访页面增加省份、城市", "done；客户信息中已有所属行业", None],
            [3, "增加网站字段，高级搜索", "done", None],
            [4, "列表不可编辑", None, "待确认"],
            [5, "导出为空", "Yes", None]]
    with_status = [["ID", "Issue", "Reply", "Status"], ["W-1", "Export is empty", "done", "Open"],
                   ["W-2", "Logo is blurred", "done", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "问题列表.xlsx", {"Sheet1": rows}))
    import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"Issues": with_status}))
    status = {r["title"]: r["status"] for r in rows_of(sqlite_store, "issues")}
    assert status == {"实体中增加“热门行业”字段": "Open", "客户拜访页面增加省份、城市": "Resolved",
                      "增加网站字段，高级搜索": "Resolved", "列表不可编辑": "Open", "导出为空": "Open", "Export is empty": "Open",
                      "Logo is blurred": "Open"}
