"""Issue 12, classes73a: the largest miss classes of unseen set 73 (non-English registers) as general rules — a
Spanish lessons-learned export read as a risk register; a Chinese bug list typed "Bug" read as risks; a generated
incident data set titled by one sentence filled with a town; a Chinese bug list headed "bug描述 | 是否解决". Each test
writes a workbook of the shape (never a fetched file) and failed on the code before (main a57a92c5)."""

from __future__ import annotations

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_LESSONS_HEAD = ["Fecha", "Estado", "Proyecto", "Código", "Titulo", "Tipo de Hallazgo", "Fase de Origen",
                 "Descripción", "Causas", "Acciones Tomadas", "Impacto Generado", "Recomendaciones Mejora"]
_LESSONS = [["2021-02-23", "Análisis", 1244, "L-2021.037", "Entregables incompletos al inicio", "POR MEJORAR",
             "Ingeniería Básica", "El listado tardó en congelarse", "Falta de alcance", "Se revisó el listado",
             "Retrasos en la planificación", "Congelar el listado en la primera semana"],
            ["2021-03-02", "Implementación", 1292, "L-2021.041", "Buena coordinación con el cliente", "POSITIVO",
             "Compras", "Las reuniones semanales ayudaron", "Compromiso del equipo", "Se mantuvo la agenda",
             "Menos reprocesos", "Repetir las reuniones semanales"],
            ["2021-04-11", "Análisis", 1314, "L-2021.050", "Horas no previstas para subcontratistas", "POR MEJORAR",
             "Oferta", "No se estimaron las horas", "Estimación incompleta", "Se asignó un recurso",
             "Sobrecosto", "Incluir el seguimiento en la oferta"]]


def test_a_lessons_learned_export_under_a_workbook_so_named_is_refused(sqlite_store, tmp_path):
    """An engineering company's lessons export ("… Lecciones Aprendidas.xlsx": a sheet "confidencial" whose
    "Titulo", "Causas" and "Acciones Tomadas" match a risk register, beside "Tipo de Hallazgo" and "Recomendaciones
    Mejora") made 656 risks, 1,287 actions and 46 projects of its project numbers. The workbook's name says lessons
    and the sheet has a lessons log's own column: refused, saying what it is; nothing is made."""
    path = write_xlsx(tmp_path / "Reporte Plano Lecciones Aprendidas.xlsx",
                      {"Conteo": [["Codigo proyecto", "Frecuencia"], [1244, 1], [1292, 1], [1314, 1]],
                       "confidencial": [_LESSONS_HEAD, *_LESSONS]})
    with pytest.raises(WorkbookError, match=r"lessons-learned log.*“Tipo de Hallazgo”"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "risks") == [] and rows_of(sqlite_store, "projects") == []
    # the name must say lessons of the sheet itself, or of a workbook whose sheet names no register: a sheet named
    # "Riesgos" with a "Recomendaciones" column is the risk register, whatever the workbook is called
    rows = [["Código", "Riesgo", "Probabilidad", "Impacto", "Recomendaciones"],
            ["R-1", "Retraso del proveedor de válvulas", "Alta", "Media", "Buscar un segundo proveedor"],
            ["R-2", "Cambio de alcance del cliente", "Media", "Alta", "Acordar el alcance por escrito"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Lecciones aprendidas y riesgos.xlsx", {"Riesgos": rows}))
    assert set(named(sqlite_store, "risks")) == {"Retraso del proveedor de válvulas", "Cambio de alcance del cliente"}


def test_a_type_column_naming_bugs_makes_the_sheet_the_issue_log(sqlite_store, tmp_path):
    """A budget system's issue tracking ("序号 | 类型 | 模块 | 描述 | 处理结果": "Bug" on most rows, "待办项" — a to-do —
    on one) was read as ten risks: a number and a description are a risk's as well as an issue's. The type column's
    values say what the rows are: the issue log, every row an issue (the untyped to-do too), said in the notes."""
    rows: list[list[object]] = [["序号", "类型", "模块", "描述", "处理结果"],
                                [1, "Bug", "合同管理", "新增合同时目的港口下拉框自动弹出", None],
                                [2, "待办项", "公共", "下拉选择窗体能否支持查找", None],
                                [3, "Bug", "合同管理", "退税率为0时错误提示位置不对", None],
                                [4, "Bug", "客户管理", "新增客户保存时报错", None],
                                [5, "Bug", "供应商管理", "合格供应商的绑定一直未选中", None]]
    rows += [[n] for n in range(6, 30)]  # numbered empty rows below, as the template left them
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "问题跟踪.xlsx", {"Sheet1": rows}))
    assert rows_of(sqlite_store, "risks") == []
    assert len(named(sqlite_store, "issues")) == 5
    assert "names issues" in plan.sheets[0].note
    # only a header with nothing of a risk's own: a risk register typing its risks ("Type": Bug, Defect) beside
    # their probability and impact stays the risk register
    rows = [["ID", "Type", "Risk", "Probability", "Impact"],
            ["R1", "Bug", "Payment defects reach production", "High", "High"],
            ["R2", "Defect", "Release slips for open defects", "Medium", "High"],
            ["R3", "Bug", "Regression in the export", "Low", "Medium"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Sheet.xlsx", {"Sheet1": rows}))
    assert len(named(sqlite_store, "risks")) == 3 and len(named(sqlite_store, "issues")) == 5


_UNITS = ["Porto Seguro", "Teixeira de Freitas", "Nanuque", "Aracruz", "Mucuri", "Eunápolis"]
_KINDS = ["Queimada não autorizada", "Derramamento de produto químico", "Vazamento de efluente"]


def test_a_title_column_of_one_sentence_filled_with_a_place_is_a_data_set(sqlite_store, tmp_path):
    """A dashboard's generated incidents ("id;data;tipo;severidade;municipio;estado;descricao;status") named each
    row by one sentence differing only by the row's town ("Ocorrência registrada na unidade de Nanuque."): 79 issues
    of nine names. A column that is the same words around another column's value names no record: refused as a
    generated data set, saying the sentence and the column filling it; nothing is made."""
    rows: list[list[object]] = [["id", "data", "tipo", "severidade", "municipio", "estado", "descricao", "status"]]
    for n in range(1, 25):
        unit = _UNITS[n % len(_UNITS)]
        rows.append([f"INC-{n:04d}", f"2022-0{n % 9 + 1}-1{n % 9}", _KINDS[n % 3], "Baixa", unit, "BA",
                     f"Ocorrência registrada na unidade de {unit}.", "Em tratamento"])
    with pytest.raises(WorkbookError, match=r"generated data set.*“Ocorrência registrada na unidade de …\.”.*"
                                            r"“municipio”"):
        import_all(sqlite_store, write_csv(tmp_path / "incidentes.csv", rows, delimiter=";"))
    assert rows_of(sqlite_store, "issues") == []
    # two words stating the problem of the thing another column names are a short title, not a sentence filled in:
    # a data-quality tool's issue log ("Customer Name is missing", round 31) is read
    columns = ["Customer Name", "Order Date", "Postal Code", "Ship Mode"]
    log = [["IssueID", "RowIndex", "OrderID", "Column", "IssueType", "Description", "Value"]]
    log += [[n, 40 + n, f"US-2024-1005{n:02d}", columns[n % 4], "missing_value", f"{columns[n % 4]} is missing", None]
            for n in range(1, 13)]
    import_all(sqlite_store, write_csv(tmp_path / "issue_log.csv", log))
    assert len(rows_of(sqlite_store, "issues")) == 12


def test_an_issue_log_naming_places_in_its_own_words_is_read_and_its_portuguese_statuses(sqlite_store, tmp_path):
    """Titles that name the row's place among words of their own are records: the issue log is read, and its
    Portuguese statuses "Em tratamento" and "Monitorando" are open, "Resolvido" resolved (they were left Open unread,
    the column only in the notes)."""
    rows: list[list[object]] = [["id", "municipio", "descricao", "status"]]
    said = ["Vazamento na estação de {}", "Queimada perto da unidade de {}", "Poeira acima do limite em {}",
            "Efluente fora do padrão na lagoa de {}", "Reclamação de odor dos vizinhos de {}"]
    statuses = ["Em tratamento", "Monitorando", "Resolvido"]
    for n in range(12):
        unit = _UNITS[n % len(_UNITS)]
        rows.append([f"INC-{n + 1:04d}", unit, said[n % len(said)].format(unit), statuses[n % 3]])
    import_all(sqlite_store, write_csv(tmp_path / "incidentes.csv", rows, delimiter=";"))
    issues = rows_of(sqlite_store, "issues")
    assert len(issues) == 12
    assert {r["status"] for r in issues} == {"Open", "Resolved"}
    assert sum(r["status"] == "Resolved" for r in issues) == 4


def test_a_chinese_bug_list_headed_bug_description_and_resolved(sqlite_store, tmp_path):
    """A student app's bugs ("bug编号 | 版本号 | bug描述 | 是否解决 | 解决时间 | 解决方案") were refused for no header row:
    "bug描述" (bug description) names the issue, "bug编号" its ID, "是否解决" (resolved? 是 / 否) its status; the
    version, the day resolved and the resolution are kept in the notes."""
    rows: list[list[object]] = [["bug编号", "版本号", "bug描述", "是否解决", "解决时间", "解决方案"],
                                [1, "1.2", "无法取消点赞", "否", None, None],
                                [2, "2.0", "登录后只能返回首页", "否", None, None],
                                [3, "2.0", "注册页面显示有问题", "是", "2017-01-06", None],
                                [4, "2.2", "个人信息页面显示错误", "否", None, "增加显示全部功能"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bug记录.xlsx", {"Sheet1": rows}))
    issues = named(sqlite_store, "issues")
    assert set(issues) == {"无法取消点赞", "登录后只能返回首页", "注册页面显示有问题", "个人信息页面显示错误"}
    assert issues["注册页面显示有问题"]["status"] == "Resolved" and issues["无法取消点赞"]["status"] == "Open"
    assert issues["注册页面显示有问题"]["code"] == "3"
    assert "增加显示全部功能" in (issues["个人信息页面显示错误"]["description"] or "")
