"""Classes of problem found on round 12 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx


def test_a_name_under_the_asset_caption_is_the_assets_not_the_risks(sqlite_store, tmp_path):
    """An ISO 27001 register: "Asset" over "Name | Value | Owner", "Vulnerability" and "Threat" over
    "Description | Scale", "Inherent" / "Residual risk" over "Likelihood | Impact". The asset's name is no
    risk's title: the threat names the risk, the vulnerability is its cause."""
    top = ["Risk ID", "Date Added", "ASSET", None, None, "VULNERABILITY", None, "THREAT", None,
           "INHERENT RISK", None, "RESIDUAL RISK", None]
    sub = [None, None, "NAME", "VALUE", "Owner", "DESCRIPTION", "SCALE", "DESCRIPTION", "SCALE",
           "LIKELIHOOD", "IMPACT", "LIKELIHOOD", "IMPACT"]
    data = [["R1", "2024-11-20", "Employees", 5, "HR Department", "No security training", 4, "Phishing", 5, 4, 4, 2, 1],
            ["R2", "2024-11-20", "Employees", 5, "HR Department", "No security training", 4, "Social engineering", 4,
             3, 4, 2, 2],
            ["R3", "2024-11-21", "Mail server", 4, "IT Department", "Missed updates", 4, "Known exploit", 5, 4, 5, 1, 3]]
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [top, sub, *data]},
                      merges={"Risks": ["C1:E1", "F1:G1", "H1:I1", "J1:K1", "L1:M1"]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["title"] for c in ("R1", "R2", "R3")] == ["Phishing", "Social engineering", "Known exploit"]
    first = got["R1"]
    assert (first["cause"], first["owner"], first["probability"], first["impact"]) == \
        ("No security training", "HR Department", 4, 4)
    assert (first["residual_probability"], first["residual_impact"]) == (2, 1)
    assert "Employees" in first["notes"]


def test_a_consequence_given_as_a_level_is_the_impact(sqlite_store, tmp_path):
    """"Consecuencia" (or "Consequence") over Mínima / Menor / Moderada / Mayor / Máxima, with no impact
    column: the consequence is rated, so it is the impact, not the effect's text; a consequence written out
    stays the effect."""
    path = write_xlsx(tmp_path / "matriz.xlsx", {"Matriz de riesgo": [
        [None, "MATRIZ DE RIESGOS"],
        [None, "Código", "Tipo de riesgo", "Descripción", "Probabilidad", "Consecuencia", "Responsable"],
        [None, "R01", "Proyecto", "Bloqueo de IP por los captcha", "Muy alta", "Máxima", "QA Manager"],
        [None, "R02", "Proyecto", "Inexperiencia con la herramienta", "Media", "Mayor", "QA Manager"],
        [None, "R03", "Producto", "Caídas del sistema", "Baja", "Moderada", "QA Tester"],
        [None, "R04", "Producto", "Datos de prueba incompletos", "Media", "Mínima", "QA Tester"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["impact"] for c in ("R01", "R02", "R03", "R04")] == [5, 4, 3, 1]
    assert all(not r["effect"] for r in got.values())
    told = write_xlsx(tmp_path / "told.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Consequence"],
        ["R1", "Supplier late", "High", "The launch slips by a month"],
        ["R2", "Key person leaves", "Low", "Knowledge of the pipeline is lost"],
        ["R3", "Budget cut", "Medium", "Scope is reduced to the core"]]})
    import_all(sqlite_store, told)
    assert by_code(sqlite_store, "risks")["R1"]["effect"] == "The launch slips by a month"


def test_spanish_risk_words_pending_and_the_date_identified(sqlite_store, tmp_path):
    """A Spanish matrix: "Pendiente" (still to act on) is an open risk, "Fecha identificación del riesgo"
    is the date raised, "Consecutivo" numbers the risks (their IDs), the team responsible ("Frente responsable")
    owns a risk when the column for the responsible's name is left empty."""
    path = write_xlsx(tmp_path / "riesgos.xlsx", {"Descripcion": [
        ["Consecutivo", "Fecha identificación del riesgo", "Descripción del riesgo", "Frente responsable",
         "Nombre del responsable", "Impacto (1-5)", "Probabilidad (1 -5)", "Estado"],
        ["R1", "2024-03-19", "Retraso por falta de acceso a entornos", "Soporte Técnico", None, 3, 1, "Pendiente"],
        ["R2", "2024-03-20", "Cambios de requisitos tardíos", "Todo el Equipo", None, 3, 4, "Pendiente"],
        ["R3", "2024-03-21", "Alta rotación del personal", "Todo el Equipo", None, 4, 2, "Cerrado"]]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert [r["status"] for r in got.values()] == ["Open", "Open", "Closed"]
    assert str(got["Alta rotación del personal"]["raised_on"]) == "2024-03-21"
    assert [r["code"] for r in got.values()] == ["R1", "R2", "R3"]  # "Consecutivo" holds the IDs
    assert got["Retraso por falta de acceso a entornos"]["owner"] == "Soporte Técnico"  # the team, no name given


def test_a_sheet_left_as_sheet1_is_named_by_the_workbook_on_a_tie(sqlite_store, tmp_path):
    """"Name | Position | Organization | Role | Comments | Date" reads as well as a stakeholder register as a
    risk list titled by "Name": the workbook "Stakeholder_Register.xlsx" says which, so no person becomes a
    risk; the same sheet in a workbook named otherwise is read as before."""
    rows = [["Project Name", "Name", "Position", "Organization", "Role", "Comments", "Date"],
            ["Fitness app", "Ana Lima", "Project Manager", "Tech Innovators", "Lead", "Oversees all", "2024-07-20"],
            ["Fitness app", "Raj Kashyap", "Lead Developer", "Tech Innovators", "Dev lead", "Builds the app",
             "2024-07-20"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholder_Register.xlsx", {"Sheet1": rows}))
    assert not rows_of(sqlite_store, "risks")
    people = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert (people["Ana Lima"]["role"], people["Ana Lima"]["organisation"]) == ("Project Manager", "Tech Innovators")
