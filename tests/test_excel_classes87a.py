"""Issue 12, classes87a: the miss classes of unseen set 87 as general rules — a response-action sheet naming its risk
by a "<register noun> code" column beside its own row number is the risks' actions, not a second risk register (its
due the day written down plus its days); a risk "identified" (in any language the words files know) is open; a sheet
of sprints is no register; a label merged down from the header row is each row's category; a tool's sample writing
its column names with a number is refused. Each test writes a workbook of the shape (never a
fetched file) and failed on the code before (main d9ccd20b), unless its docstring says it guards a reading that must
not change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

_TITLES = ["Supplier delays the hardware delivery", "Key engineer leaves mid project",
           "Budget cut in the next quarter", "Regulator changes the reporting rules"]
_CODES = ["R-12", "R-07", "R-03", "R-21"]

_ACTION_SHEETS = {
    "es": (["N°", "Código", "Título", "Probabilidad", "Impacto", "Estado", "Responsable"],
           ["N°", "Código riesgo", "Título", "Acción", "Responsable", "Plazo (días)", "Estado", "Fecha creación"],
           ("Abierto", "Cerrado"), ("En curso", "Completada")),
    "en": (["No.", "Code", "Title", "Probability", "Impact", "Status", "Owner"],
           ["No.", "Risk code", "Title", "Action", "Responsible", "Deadline (days)", "Status", "Created"],
           ("Open", "Closed"), ("In progress", "Completed")),
    "pt": (["Nº", "Código", "Título", "Probabilidade", "Impacto", "Status", "Responsável"],
           ["Nº", "ID Risco", "Título", "Ação", "Responsável", "Prazo (dias)", "Status", "Data de criação"],
           ("Aberto", "Fechado"), ("Em andamento", "Concluída")),
}


def _register_and_actions(lang: str) -> dict[str, list[list[object]]]:
    reg_h, act_h, states, action_states = _ACTION_SHEETS[lang]
    register: list[list[object]] = [reg_h] + [[i + 1, c, t, 3, 4, states[i % 2], "Ana Ruiz"]
                                              for i, (c, t) in enumerate(zip(_CODES, _TITLES))]
    actions: list[list[object]] = [act_h] + [
        [i + 1, c, t, f"Agree a fallback plan with the team for: {t.lower()}", "Luis Gómez", 10 * (i + 1),
         action_states[i % 2], date(2026, 3, 1)] for i, (c, t) in enumerate(zip(_CODES[::-1], _TITLES[::-1]))]
    return {"Risks": register, "Response actions": actions}


def _actions_of(store, code):
    reg = REGISTERS["risk_actions"]
    with store.session() as s:
        pid = records.find_id_by_code(s, REGISTERS["risks"], code)
        return [dict(zip(reg.field_names, r[2:])) for r in records.fetch_rows(s, reg, parent_id=pid)]


@pytest.mark.parametrize("lang", sorted(_ACTION_SHEETS))
def test_an_action_sheet_naming_its_risk_by_code_beside_its_row_number_is_the_risks_actions(sqlite_store, tmp_path,
                                                                                            lang):
    """"N° | Código riesgo | Título | Acción | Responsable | Plazo (días) | Estado | Fecha creación", each "Código
    riesgo" a code of the risk sheet, "N°" the row's own number: read as a second risk register, its row numbers
    became codes and its rows new risks (or, where "Risk code" was taken as the code, merged into the risks with the
    action in the notes). Each row is its risk's action: text, actionee, status and due (the day written down plus
    the days given), said once."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risk report.xlsx", _register_and_actions(lang)))
    assert {r["code"] for r in rows_of(sqlite_store, "risks")} == set(_CODES)
    for code, title in zip(_CODES, _TITLES):
        (action,) = _actions_of(sqlite_store, code)
        assert action["description"] == f"Agree a fallback plan with the team for: {title.lower()}"
        assert action["actionee"] == "Luis Gómez"
    assert _actions_of(sqlite_store, "R-21")[0]["status"] == "In progress"  # the action sheet's first row
    assert _actions_of(sqlite_store, "R-03")[0]["status"] == "Done"
    # due = the day written down plus the days given: 1 Mar 2026 + 10 (the first row), + 20 (the second)
    assert str(_actions_of(sqlite_store, "R-21")[0]["due"])[:10] == "2026-03-11"
    assert str(_actions_of(sqlite_store, "R-03")[0]["due"])[:10] == "2026-03-21"
    sheet = next(s for s in plan.sheets if s.sheet == "Response actions")
    assert "each row names its risk" in sheet.note


def test_a_second_risk_sheet_with_its_own_codes_stays_risks(sqlite_store, tmp_path):
    """Guards a reading that must not change (passes on main too): a second risk sheet whose "Related risk" column
    names risks of the first sheet, but whose own codes are not row numbers and whose rows hold no action, keeps its
    rows as risks."""
    sheets = _register_and_actions("en")
    sheets["Risks 2"] = [["Risk ID", "Title", "Related risk", "Probability", "Impact", "Owner"],
                         ["R-40", "Vendor lock-in on the data platform", "R-12", 2, 3, "Ana Ruiz"],
                         ["R-41", "Licence costs rise after the first year", "R-07", 3, 3, "Ana Ruiz"]]
    del sheets["Response actions"]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", sheets))
    assert {r["code"] for r in rows_of(sqlite_store, "risks")} == {*_CODES, "R-40", "R-41"}


@pytest.mark.parametrize(("header", "word", "closed"), [
    ("Estado", "Identificado", "Cerrado"), ("Estado", "Identificada", "Cerrada"), ("Status", "Identificado", "Fechado"),
    ("Status", "Geïdentificeerd", "Gesloten"), ("Stato", "Identificato", "Chiuso"), ("Status", "Identifiziert", "Geschlossen"),
    ("Статус", "Выявлен", "Закрыт")])
def test_a_risk_identified_is_open(sqlite_store, tmp_path, header, word, closed):
    """"Identificado" (and its kin in other languages) was no risk status word — only a benefit's stage: beside
    closed risks the rows were left out, "not one of Open, Closed, Occurred" (or, where the word was no word of any
    list, imported as Open as "no state the office knows", to translate). A risk identified is open: a word of the
    list."""
    rows: list[list[object]] = [["ID", "Title", header, "Owner"],
                                ["R1", "Supplier delays the hardware delivery", word, "Ana Ruiz"],
                                ["R2", "Key engineer leaves mid project", closed, "Ana Ruiz"],
                                ["R3", "Budget cut in the next quarter", word, "Ana Ruiz"],
                                ["R4", "Regulator changes the reporting rules", closed, "Ana Ruiz"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    status = {r["code"]: r["status"] for r in rows_of(sqlite_store, "risks")}
    assert status == {"R1": "Open", "R2": "Closed", "R3": "Open", "R4": "Closed"}
    assert not plan.sheets[0].unplaced.get("status")


_SPRINT_SHEETS = {
    "es": ("Sprints", ["N°", "Nombre", "Objetivo", "Fecha inicio", "Fecha fin", "Estado", "Notas revisión"],
           ["Fundación", "Diagnóstico", "Arquitectura"]),
    "en": ("Plan", ["No.", "Name", "Goal", "Start", "End", "Status", "Review notes"],
           ["Foundation", "Discovery", "Architecture"]),
    "it": ("Iterazioni", ["N.", "Nome", "Obiettivo", "Data di inizio", "Data di fine", "Stato", "Note"],
           ["Fondazione", "Analisi", "Architettura"]),
}


@pytest.mark.parametrize("lang", sorted(_SPRINT_SHEETS))
def test_a_sheet_of_sprints_beside_the_risks_is_no_register(sqlite_store, tmp_path, lang):
    """"N° | Nombre | Objetivo | Fecha inicio | Fecha fin | Estado …", its rows "Sprint 1 — Fundación", "Sprint 2 —
    Diagnóstico": a plan of sprints (a start and an end, rows named as sprints counted) was read as risks, each
    sprint a risk. Skipped saying what it is; the risk sheet beside it is read."""
    title, header, names = _SPRINT_SHEETS[lang]
    sprints: list[list[object]] = [header] + [
        [i + 1, f"Sprint {i + 1} — {name}", f"Deliver the {name.lower()} work", date(2026, 1 + i, 1),
         date(2026, 1 + i, 28), None, None] for i, name in enumerate(names)]
    sheets = _register_and_actions("en")
    del sheets["Response actions"]
    sheets[title] = sprints
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Project.xlsx", sheets))
    assert {r["code"] for r in rows_of(sqlite_store, "risks")} == set(_CODES)
    assert any(t == title for t, _ in plan.skipped_sheets)


@pytest.mark.parametrize(("header", "labels"), [
    (["Proyecto", None, "Riesgo", "Descripción", "Impacto", "Probabilidad", "Plan de Acción"], ("Proyecto", "Producto")),
    (["Project", None, "Risk", "Description", "Impact", "Probability", "Mitigation"], ("Project", "Product")),
])
def test_a_label_merged_down_from_the_header_row_is_each_rows_category(sqlite_store, tmp_path, header, labels):
    """Two tables stacked on one sheet under the same header, column A a label merged from the header row down over
    its table's rows ("Proyecto" A2:B6, "Producto" A9:B13): the merged header cell was read as the project column —
    the first table's rows got no project, the second's a project "Producto" made of the label. Each row's category
    is the label of the range it lies in; no project is made."""
    def table(label: str, first: int) -> list[list[object]]:
        return [[label, *header[1:]]] + [
            [None, None, f"Risk {first + i}: {t}", f"What could happen: {t.lower()}", 3, 2, f"Plan for {t.lower()}"]
            for i, t in enumerate(_TITLES)]
    rows: list[list[object]] = [[None] * 7, *table(labels[0], 1), [None] * 7, [None] * 7, *table(labels[1], 5)]
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Sheet1": rows}, merges={"Sheet1": ["A2:B6", "A9:B13"]})
    plan = import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 8
    assert {r["title"][:7]: r["category"] for r in risks} == {
        **{f"Risk {i}:": labels[0] for i in range(1, 5)}, **{f"Risk {i}:": labels[1] for i in range(5, 9)}}
    assert not rows_of(sqlite_store, "projects")
    assert "merged down column A" in plan.sheets[0].note


def test_a_two_row_header_merged_down_one_row_stays_a_header(sqlite_store, tmp_path):
    """Guards a reading that must not change (passes on main too): a header cell merged over the header's two rows
    ("ID" over A1:A2 beside "Rating" over "Probability | Impact") is that column's header, not a group label."""
    rows: list[list[object]] = [["ID", "Risk", "Rating", None, "Owner"],
                                [None, None, "Probability", "Impact", None],
                                ["R1", "Supplier delays the hardware delivery", 3, 4, "Ana Ruiz"],
                                ["R2", "Key engineer leaves mid project", 2, 5, "Ana Ruiz"],
                                ["R3", "Budget cut in the next quarter", 4, 4, "Ana Ruiz"]]
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}, merges={"Risks": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]})
    import_all(sqlite_store, path)
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert set(risks) == {"R1", "R2", "R3"}
    assert risks["R2"]["impact"] == 5


_SAMPLE_NAMES = {
    "en": ["Detailed description of the", "XY_Generic Risk", "Business Unit", "Treatment Type", "Failure Type", "Control Owner", "Comment"],
    "es": ["Descripción detallada del", "XY_Riesgo Genérico", "Unidad de negocio", "Tipo de tratamiento", "Falla Genérica", "Responsable del control",
           "Comentario"],
}


@pytest.mark.parametrize("lang", sorted(_SAMPLE_NAMES))
def test_a_tools_sample_writing_its_column_names_with_a_number_is_refused(sqlite_store, tmp_path, lang):
    """A GRC tool's sample workbook: under its column names, every row writes each column's name and a number
    ("XY_Tipo de tratamiento 1" under "Tipo de tratamiento", "Detailed description of the XY_Generic Risk 2"), the
    block written again under the names repeated. Its rows were read as risks titled by the sample's text (the header
    taken at the first sample row). Refused as a template's sample, saying so."""
    described, *names = _SAMPLE_NAMES[lang]

    def block() -> list[list[object]]:
        return [[f"{described} {names[0]} {n}", f"XY_{names[1]} {n}", f"XY_{names[2]} {n}",
                 f"XY_{names[3]} {n}", "XY_Administrator", "COMMENT"] for n in range(1, 6)]
    rows: list[list[object]] = [names, [None] * 6, *block(), names, *block()]
    with pytest.raises(WorkbookError, match="sample"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"RISKS": rows}))
    assert not rows_of(sqlite_store, "risks")


def test_a_register_counting_its_phases_is_read(sqlite_store, tmp_path):
    """Guards a reading that must not change (passes on main too): a risk register whose "Phase" column counts
    ("Phase 1", "Phase 2") beside titles of their own is read, each row a risk."""
    rows: list[list[object]] = [["ID", "Risk", "Phase", "Owner", "Probability", "Impact"]] + [
        [f"R{i + 1}", t, f"Phase {i + 1}", "Ana Ruiz", 3, 4] for i, t in enumerate(_TITLES)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    assert {r["code"] for r in rows_of(sqlite_store, "risks")} == {"R1", "R2", "R3", "R4"}


def test_an_action_sheet_naming_risks_past_the_first_rows_is_the_risks_actions(sqlite_store, tmp_path):
    """The same shape with 40 risks, the action sheet listing them from the last: its codes are checked against every
    risk of the register, not only those of its first rows."""
    register: list[list[object]] = [["N°", "Código", "Título", "Estado", "Responsable"]] + [
        [i, f"R{i}", f"Riesgo número {i} del proyecto de migración", "Abierto", "Ana Ruiz"] for i in range(1, 41)]
    actions: list[list[object]] = [["N°", "Código riesgo", "Título", "Acción", "Responsable", "Estado"]] + [
        [n, f"R{i}", f"Riesgo número {i} del proyecto de migración", f"Revisar el plan de respaldo del riesgo {i}",
         "Luis Gómez", "En curso"] for n, i in enumerate(range(40, 0, -1), start=1)]
    import_all(sqlite_store, write_xlsx(tmp_path / "Riesgos.xlsx", {"Registro": register, "Acciones": actions}))
    assert len(rows_of(sqlite_store, "risks")) == 40
    assert [a["description"] for a in _actions_of(sqlite_store, "R3")] == ["Revisar el plan de respaldo del riesgo 3"]
    assert len(rows_of(sqlite_store, "risk_actions")) == 40


def test_a_heat_maps_axis_merged_down_beside_the_list_is_no_group_label(sqlite_store, tmp_path):
    """Guards a reading that must not change (passes on main too): a heat map left of the risk list, its axis label
    "Likelihood" merged down A2:A6 from the row the list's header is on, is the map's, not a label of the list's
    rows — no category is made of it."""
    titles = [*_TITLES, "Project files are lost with the laptop", "Strain injuries from long days"]
    rows: list[list[object]] = [
        [None, "Impact", None, None, None, None, None, None, None, None, None, None, None],
        ["Likelihood", None, "Negligible", "Acceptable", "Major", "Problematic", "Catastrophic", None, "Risks",
         "Description", "Response", "Objective", "Risk Code"]]
    bands = ["75% - 100%", "50% - 74%", "25% - 49%", "0% - 24%", None, None]
    for i, (band, t, code) in enumerate(zip(bands, titles, ["D4", "C4", "B2", "E4", "D2", "D3"]), start=1):
        cells = [f"{c}{i}" for c in "ABCDE"] if band else [None] * 5
        rows.append([None, band, *cells, None, t, f"What could happen: {t.lower()}", "Keep a backup of the work",
                     "Make sure nothing is lost", code])
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Sheet1": rows}, merges={"Sheet1": ["A2:A6", "B1:G1"]})
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert {r["title"] for r in risks} == set(titles)
    assert not {r["category"] for r in risks} & {"Likelihood"}
