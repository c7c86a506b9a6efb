"""Issue 12, classes75b: the largest miss classes of unseen set 75's non-English risk registers as general rules — an
asset column read as the plan, a response sheet's strategy column read as the action. Each test writes a workbook of
the shape (never a fetched file) and failed on the code before (main c8cbaed6)."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

_RISKS = [["Riesgos"],
          ["Código", "Título", "Descripción", "Categoría", "Activos", "Amenaza"],
          ["R-001", "Servidor caído", "El servidor de pruebas deja de responder", "Recursos", "Servidor", "Avería"],
          ["R-002", "Tutor ausente", "El tutor no puede revisar las entregas", "Tutores", "Tutores", "Enfermedad"],
          ["R-003", "Pérdida de datos", "Se pierden los datos del proyecto", "Recursos", "Datos del proyecto",
           "Avería"],
          ["R-004", "Plazos cortos", "El calendario no deja margen", "Calendario", "Calendario", "Complejidad"]]


def test_an_asset_column_is_no_response_plan(sqlite_store, tmp_path):
    """A risk sheet's "Activos" (the asset each risk touches) is one letter from "actions" and was read as the
    response plan: every risk got its asset as an action. A word the files know as an asset's is no mistyped field
    name: kept in the notes, no action made."""
    import_all(sqlite_store, write_xlsx(tmp_path / "Riesgos.xlsx", {"Riesgos": _RISKS}))
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R-001", "R-002", "R-003", "R-004"}
    assert rows_of(sqlite_store, "risk_actions") == []
    assert "Activos: Datos del proyecto" in risks["R-003"]["notes"]


def test_a_response_sheets_strategy_column_is_the_response_and_its_description_the_action(sqlite_store, tmp_path):
    """A response sheet "Código | Título | Acción | Descripción" writes the strategy under "Acción" (Asumir,
    Mitigación, Plan de contingencia) and the action under "Descripción": the strategy word became each risk's
    action, the description dropped as a second description. The column of strategies is the response, the
    description beside it the action; the sheet says so."""
    responses = [["Respuesta a los Riesgos"],
                 ["Código", "Título", "Acción", "Descripción"],
                 ["R-001", "Servidor caído", "Mitigación", "Copias diarias en un segundo servidor"],
                 ["R-002", "Tutor ausente", "Asumir", "Se revisan las entregas en la reunión siguiente"],
                 ["R-004", "Plazos cortos", "Plan de contingencia", "Se recortan los módulos opcionales"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Análisis.xlsx", {"Riesgos": _RISKS, "Hoja1": responses}))
    risks = by_code(sqlite_store, "risks")
    assert (risks["R-001"]["response"], risks["R-002"]["response"], risks["R-004"]["response"]) == \
        ("Reduce", "Accept", "Accept")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Copias diarias en un segundo servidor", "Se revisan las entregas en la reunión siguiente",
                       "Se recortan los módulos opcionales"}
    assert any("holds the response strategy" in s.note for s in plan.sheets)
    # a plan column of actions written out stays the plan, whatever words it shares with the strategies
    rows = [["ID", "Risk", "Probability", "Mitigation"],
            ["R1", "Supplier late", "High", "Mitigate by ordering early from a second supplier"],
            ["R2", "Key staff leave", "Medium", "Accept"],
            ["R3", "Scope creep", "High", "Agree a change board with the client"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Register.xlsx", {"Risks": rows}))
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Agree a change board with the client" in actions
