"""Issue 12, classes87b: the miss classes of unseen set 87 as general rules — of two owner columns the one naming the
register's own noun is the owner ("responsable_control" beside "responsable_riesgo"), an "action required" is the
risk's action; a yes/no column saying an assumption was validated or a risk occurred gives the status; Russian
effect and measure columns; captions alone in the first column between the rows as the category. Each test writes
a workbook of the shape (never a fetched file) and failed on the code before (main 033faf75), unless its docstring
says it guards a reading that must not change."""

from __future__ import annotations

from datetime import date

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


@pytest.mark.parametrize(("other", "own", "action"), [
    ("responsable_control", "responsable_riesgo", "accion_requerida"),
    ("responsable_mitigacion_tecnica", "responsable_del_riesgo", "acciones_requeridas"),
    ("Responsável controle", "Responsável risco", "Ação requerida"),
])
def test_the_owner_named_with_the_registers_noun_wins_and_the_required_action_is_the_action(
        sqlite_store, tmp_path, other, own, action):
    """A risk matrix written by a program: "id | descripcion_riesgo | responsable_control | responsable_riesgo |
    accion_requerida". The first "responsable…" column (a control's owner) was taken as the risk's owner and the
    risk's own owner kept in the notes, the required action too. The owner qualified by the register's noun is
    the owner; the other is kept in the notes; the required action is the risk's action."""
    rows: list[list[object]] = [
        ["id", "descripcion_riesgo", "probabilidad", "impacto", other, own, action],
        ["R-01", "Los proveedores entregan tarde el equipo de red", 3, 4, "Compras", "Jefe de Proyecto",
         "Firmar acuerdo de penalidades con el proveedor"],
        ["R-02", "La base de datos no soporta la carga del piloto", 2, 5, "Sistemas", "Arquitecta Datos",
         "Ejecutar prueba de carga antes del piloto"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "matriz_riesgos.csv", rows))
    risks = named(sqlite_store, "risks")
    assert len(risks) == 2
    by_title = {t: r["owner"] for t, r in risks.items()}
    assert by_title["Los proveedores entregan tarde el equipo de red"] == "Jefe de Proyecto"
    assert by_title["La base de datos no soporta la carga del piloto"] == "Arquitecta Datos"
    assert "Compras" in (risks["Los proveedores entregan tarde el equipo de red"]["notes"] or "")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Firmar acuerdo de penalidades con el proveedor", "Ejecutar prueba de carga antes del piloto"}


def test_one_owner_column_qualified_by_another_thing_stays_the_owner(sqlite_store, tmp_path):
    """Guard: a sheet with only "responsable_control" keeps it as the owner (nothing better names the owner)."""
    rows: list[list[object]] = [
        ["id", "descripcion_riesgo", "probabilidad", "impacto", "responsable_control"],
        ["R-01", "Los proveedores entregan tarde el equipo de red", 3, 4, "Compras"],
        ["R-02", "La base de datos no soporta la carga del piloto", 2, 5, "Sistemas"],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "matriz_riesgos.csv", rows))
    assert {r["owner"] for r in named(sqlite_store, "risks").values()} == {"Compras", "Sistemas"}


@pytest.mark.parametrize(("due", "done", "yes"), [("Validation Due", "Validated", "Yes"),
                                                  ("Validation due date", "Is validated", "Y")])
def test_an_assumption_answered_validated_yes_is_validated_and_its_validation_due_is_validate_by(
        sqlite_store, tmp_path, due, done, yes):
    """An assumption log "Sr. No | Description | Owner | Date Raised | Validation Due | Date Validated | Validated":
    rows answered "Yes" were left Open and "Validation Due" was read as the notes. A yes (or a date) under
    "Validated" gives Validated, a "No" leaves it open; "Validation Due" is the day to validate by."""
    rows: list[list[object]] = [
        ["Sr. No", "Description", "Owner", "Date Raised", due, "Date Validated", done],
        [1, "The vendor delivers the pilot kit before the launch", "Mia Stone", date(2025, 1, 10), date(2025, 2, 1),
         date(2025, 1, 30), yes],
        [2, "Users are trained in the first week of March", "Omar Haddad", date(2025, 1, 10), date(2025, 3, 1),
         None, "No"],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "RAID.xlsx", {"Assumptions": rows}))
    got = named(sqlite_store, "assumptions")
    assert got["The vendor delivers the pilot kit before the launch"]["status"] == "Validated"
    assert got["Users are trained in the first week of March"]["status"] == "Open"
    assert str(got["Users are trained in the first week of March"]["validate_by"])[:10] == "2025-03-01"
    assert "answers yes on 1 assumption" in " ".join(s.note for s in plan.sheets)


@pytest.mark.parametrize(("header", "yes", "no"), [("Случился ли риск?", "да", "нет"), ("Occurred?", "Yes", "No"),
                                                   ("¿Ocurrió el riesgo?", "Sí", "No"), ("Eingetreten", "ja", "nein")])
def test_a_risk_answered_yes_to_has_it_occurred_is_occurred(sqlite_store, tmp_path, header, yes, no):
    """A risk register with no status column asks in its last column whether each risk happened ("Случился ли
    риск?": да / нет); the answer was kept in the notes and every risk left Open. A yes is Occurred, a no Open."""
    rows: list[list[object]] = [
        ["№", "Risk", "Owner", "Probability", "Impact", header],
        [1, "Key supplier goes out of business", "Mia Stone", "High", "High", yes],
        [2, "Test environment is not ready in time", "Omar Haddad", "Medium", "Low", no],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert got["Key supplier goes out of business"]["status"] == "Occurred"
    assert got["Test environment is not ready in time"]["status"] == "Open"


def test_russian_effect_and_two_measure_columns_and_captions_in_the_first_column(sqlite_store, tmp_path):
    """A Russian risk register: "№ | Название риска | Потенциальное воздействие | Меры по исключению (снижению)
    события | Меры по устранению последствий события в случае наступления | Ответственный | …", captions alone in
    column A between the risks. The effect and both measures were kept in the notes, the captions skipped as
    notes. The effect is the effect, each measure an action, each caption the category of the risks under it."""
    rows: list[list[object]] = [
        ["№", "Название риска", "Потенциальное воздействие", "Меры по исключению (снижению) события",
         "Меры по устранению последствий события в случае наступления", "Ответственный"],
        ["Технические риски", None, None, None, None, None],
        [1, "Сервер не выдержит нагрузку", "Срыв сроков запуска", "Нагрузочное тестирование",
         "Аренда резервных мощностей", "Иванов И.И."],
        [2, "Нет доступа к данным заказчика", "Задержка анализа", "Подписать соглашение о доступе",
         "Работать на тестовых данных", "Петров П.П."],
        ["Кадровые риски", None, None, None, None, None],
        [3, "Уход ключевого разработчика", "Потеря знаний", "Документировать решения",
         "Привлечь подрядчика", "Иванов И.И."],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Реестр рисков.xlsx", {"Реестр рисков": rows}))
    got = named(sqlite_store, "risks")
    assert len(got) == 3
    risk = got["Сервер не выдержит нагрузку"]
    assert risk["effect"] == "Срыв сроков запуска"
    assert got["Сервер не выдержит нагрузку"]["category"] == got["Нет доступа к данным заказчика"]["category"]
    assert "Технические риски" in str(risk["category"]) or risk["category"] == "Technical"
    assert got["Уход ключевого разработчика"]["category"] != risk["category"]
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Нагрузочное тестирование", "Аренда резервных мощностей", "Привлечь подрядчика"} <= actions
    assert "category" in " ".join(s.note for s in plan.sheets)


def test_a_single_note_in_the_first_column_names_no_category(sqlite_store, tmp_path):
    """Guard: one note alone in the first column under the risks is still a note, and gives no category."""
    rows: list[list[object]] = [
        ["№", "Risk", "Owner", "Probability", "Impact"],
        [1, "Key supplier goes out of business", "Mia Stone", "High", "High"],
        [2, "Test environment is not ready in time", "Omar Haddad", "Medium", "Low"],
        ["Reviewed at the March board", None, None, None, None],
        [3, "Budget is cut in the second half", "Mia Stone", "Low", "High"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    assert not any(r["category"] for r in named(sqlite_store, "risks").values())


@pytest.mark.parametrize(("label", "noun"), [("Проект", "Реестр рисков"), ("Project:", "Risk Register"),
                                             ("Proyecto", "Registro de riesgos"), ("Project name", "Risk log")])
def test_the_project_a_title_block_names_is_each_records_project(sqlite_store, tmp_path, label, noun):
    """A register under a title block: "<register> / <Project> | <name> / PM | <name>" (label in A, value in B, the
    block written again further right), then the header, no project column. The project was dropped without a
    word; each risk is given it, said once, and the PM line is said as not imported."""
    rows: list[list[object]] = [
        [noun, None, None, None, None, None, noun, None],
        [label, "Платформа мониторинга поставок", None, None, None, None, label, "Платформа мониторинга поставок"],
        ["PM", "Орлова Анна", None, None, None, None, "PM", "Орлова Анна"],
        ["ID", "Risk", "Owner", "Probability", "Impact", "Status", None, None],
        ["R-1", "Key supplier goes out of business", "Mia Stone", "High", "High", "Open", None, None],
        ["R-2", "Test environment is not ready in time", "Omar Haddad", "Medium", "Low", "Open", None, None],
    ]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    got = named(sqlite_store, "risks")
    assert len(got) == 2
    assert {r["project"] for r in got.values()} == {"Платформа мониторинга поставок"}
    note = " ".join(s.note for s in plan.sheets)
    assert "names the project" in note and "PM: Орлова Анна" in note


def test_two_projects_in_a_title_block_name_none(sqlite_store, tmp_path):
    """Guard: a block naming two different projects gives the rows neither."""
    rows: list[list[object]] = [
        ["Project", "Harbour Data Platform", None, "Project", "Customer Portal"],
        ["ID", "Risk", "Owner", "Probability", "Impact"],
        ["R-1", "Key supplier goes out of business", "Mia Stone", "High", "High"],
        ["R-2", "Test environment is not ready in time", "Omar Haddad", "Medium", "Low"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Risks.xlsx", {"Risks": rows}))
    assert not any(r["project"] for r in named(sqlite_store, "risks").values())


@pytest.mark.parametrize(("band", "inherent", "residual", "p", "i"), [
    ("IDENTIFICACIÓN DEL RIESGO", "NIVEL DE RIESGO INHERENTE", "NIVEL DE RIESGO RESIDUAL", "PROBABILIDAD", "IMPACTO"),
    ("Risk identification", "Inherent risk level", "Residual risk level", "Likelihood", "Impact"),
])
def test_pairs_told_apart_by_their_captions_initials_are_the_inherent_and_residual_ratings(
        sqlite_store, tmp_path, band, inherent, residual, p, i):
    """A two-row header: "IDENTIFICACIÓN DEL RIESGO | NIVEL DE RIESGO INHERENTE | NIVEL DE RIESGO RESIDUAL" merged
    over "ID RIESGO | RIESGO | PROBABILIDAD NRI | IMPACTO NRI | PROBABILIDAD NRR | IMPACTO NRR" — each pair told
    apart by the initials of its caption. Only the first probability was read; the inherent impact and the residual
    pair went to the notes. They are the impact and the residual probability and impact."""
    ini = "".join(w[0] for w in inherent.split() if len(w) > 2).upper()
    res = "".join(w[0] for w in residual.split() if len(w) > 2).upper()
    rows: list[list[object]] = [
        [band, None, inherent, None, residual, None],
        ["ID", "RIESGO", f"{p} {ini}", f"{i} {ini}", f"{p} {res}", f"{i} {res}"],
        [1, "Robo de equipos en la obra", 4, 5, 2, 3],
        [2, "Corte prolongado de energía", 3, 4, 1, 2],
        [3, "Retraso en los permisos municipales", 5, 3, 3, 3],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Matriz.xlsx", {"Calificación": rows},
                                        merges={"Calificación": ["A1:B1", "C1:D1", "E1:F1"]}))
    got = named(sqlite_store, "risks")
    theft = got["Robo de equipos en la obra"]
    assert (theft["probability"], theft["impact"], theft["residual_probability"], theft["residual_impact"]) == \
        (4, 5, 2, 3)
