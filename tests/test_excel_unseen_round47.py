"""Classes of problem found on round 47 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_spanish_risk_analysis_named_by_nombre_is_the_risk_register_not_stakeholders(sqlite_store, tmp_path):
    """A risk analysis in Spanish ("NOMBRE | CATEGORÍA | IMPACTO | PROBABILIDAD | MITIGACIÓN | DISPARADOR" on a
    sheet "Análisis de Riesgos", a caption band above) was read as ten stakeholders named by their risks, the
    impact as their power: "Nombre" named a stakeholder only. A
    risk's name is its title in any language, as "Name" was (by the German words)."""
    path = write_xlsx(tmp_path / "proyecto.xlsx", {"Análisis de Riesgos": [
        ["CATEGORIZACIÓN", None, None, None, "RESPUESTA", None],
        ["NOMBRE", "CATEGORÍA", "IMPACTO", "PROBABILIDAD", "MITIGACIÓN", "DISPARADOR"],
        ["Demorar entregas a clientes", "Clientes", "Alto", "Media", "Optimizar el trabajo", "Entrega tardía"],
        ["Competencia en precio", "Empresa", "Alto", "Alta", "Controlar los precios", "Pocos pedidos"],
        ["Poca mano de obra", "Empresa", "Medio", "Baja", "Ampliar plantilla", "Falta de programadores"]]},
        merges={"Análisis de Riesgos": ["A1:D1", "E1:F1"]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []
    got = named(sqlite_store, "risks")
    assert sorted(got) == ["Competencia en precio", "Demorar entregas a clientes", "Poca mano de obra"]
    first = got["Demorar entregas a clientes"]
    assert (first["impact"], first["probability"], first["trigger"]) == (4, 3, "Entrega tardía")


def test_a_probability_in_whole_per_cent_without_the_sign_is_read_as_per_cent(sqlite_store, tmp_path):
    """"PROBABILIDAD" of 15, 30, 20, 40 (per cent, the sign unwritten) was no level: the column was kept in the
    notes and no risk had a probability. Whole numbers up to 100 in a probability column, some above any
    level scale, are per cent: 15 → 1, 30 → 2, 40 → 2 on five levels (0–20 % is 1). An impact so written is
    not read so."""
    path = write_csv(tmp_path / "risks.csv", [
        ["ID", "Risk", "Probability", "Impact"],
        ["R1", "Deliveries to clients slip", "15", "4"],
        ["R2", "A competitor undercuts the price", "30", "4"],
        ["R3", "Too few programmers", "20", "3"],
        ["R4", "Too few clients", "40", "5"],
        ["R5", "The company runs out of money", "90", "5"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: r["probability"] for c, r in got.items()} == {"R1": 1, "R2": 2, "R3": 1, "R4": 2, "R5": 5}
    assert {c: r["impact"] for c, r in got.items()} == {"R1": 4, "R2": 4, "R3": 3, "R4": 5, "R5": 5}


def test_portuguese_inherent_levels_are_the_risks_probability_and_impact(sqlite_store, tmp_path):
    """An ISMS register in Portuguese rates each risk before and after its controls: "prob_inerente |
    impacto_inerente | … | prob_residual | impacto_residual". The residual pair was read, the inherent one
    ("inerente") kept in the notes, so no risk had a probability or an impact. "Inerente", as "inherent" and
    "inherente", is the risk's first assessment."""
    path = write_csv(tmp_path / "riscos.csv", [
        ["risco_id", "ameaca", "prob_inerente", "impacto_inerente", "prob_residual", "impacto_residual",
         "responsavel"],
        ["R01", "Atacante externo", "4", "5", "2", "4", "Equipe TI"],
        ["R02", "Credential stuffing", "4", "4", "1", "4", "Equipe TI"],
        ["R03", "Ransomware", "3", "5", "2", "3", "Resp. SGSI"]])
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"])
            for c, r in got.items()} == {"R01": (4, 5, 2, 4), "R02": (4, 4, 1, 4), "R03": (3, 5, 2, 3)}


def test_german_risk_statuses_behoben_and_nicht_kritisch(sqlite_store, tmp_path):
    """A student team's "Risikoanalyse" writes each risk's state as "offen", "Behoben" (fixed), "Minimiert"
    (mitigated) or "nicht kritisch": two of the four were no status word, so the column was kept in the notes
    and the fixed risks showed Open. "Behoben" and "Minimiert" close a risk (as "Resolved" and "Mitigated"
    do); "nicht kritisch" leaves it open."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Tabelle1": [
        ["Risiko", "Wahrscheinlichkeit", "Schadenshöhe", "Status", "verantwortliche"],
        ["Unterschiedliche Programmierumgebungen", "Hoch", "Mittel", "Behoben", "Max"],
        ["Raspberry Pi fällt aus", "Sehr Niedrig", "Mittel", "nicht kritisch", "Pascal"],
        ["Unerfahrenes Team", "Hoch", "Mittel", "offen", "Max"],
        ["Backend/Frontend-Kommunikation bricht", "Hoch", "Hoch", "Minimiert", "Pascal"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert {t: r["status"] for t, r in got.items()} == {
        "Unterschiedliche Programmierumgebungen": "Closed", "Raspberry Pi fällt aus": "Open",
        "Unerfahrenes Team": "Open", "Backend/Frontend-Kommunikation bricht": "Closed"}


def test_a_category_word_qualified_by_another_word_stays_the_sheets_own(sqlite_store, tmp_path):
    """"AI-Technical" was stored as the office's Technical: nine letters of eleven make the closeness of a
    one-letter slip, and the sheet's word was kept nowhere. A category word written whole beside another word
    is a category of the sheet's own ("AI-Technical"), as "Equity" and "Ethical" beside it are; a slip inside
    one word ("Tecnical") is still the office's."""
    path = write_csv(tmp_path / "risk-register.csv", [
        ["Risk Name", "Category", "Likelihood", "Impact"],
        ["Data leakage from variables", "AI-Technical", "Medium", "High"],
        ["Overfitting to one site's data", "AI-Technical", "High", "High"],
        ["Consent gap with patients", "Ethical", "Medium", "Low"],
        ["Tablets fail in the ward", "Tecnical", "Low", "Medium"]])
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["Data leakage from variables"]["category"] == "AI-Technical"
    assert got["Overfitting to one site's data"]["category"] == "AI-Technical"
    assert got["Consent gap with patients"]["category"] == "Ethical"
    assert got["Tablets fail in the ward"]["category"] == "Technical"


def test_a_second_table_over_the_same_risks_under_the_first_is_joined_to_it(sqlite_store, tmp_path):
    """A course project's risk sheet in Portuguese: "Nº | Problema: | Impacto | Probabilidade | Fator de Risco"
    over seven risks, an empty row, then "Nº | Problema: | Contingência" over the same seven. The second table,
    judged as the first's values, made its impact and probability no levels, so the second header won: seven
    issues with their contingency, the first table's impact and probability read nowhere. The second table's
    header writes the first's ID and name again over columns of its own: its rows join the first's of the
    same ID, one risk each with its levels and its contingency as the response plan — no record from either
    header."""
    path = write_xlsx(tmp_path / "Planilha de Riscos.xlsx", {"Planilha1": [
        ["Nº", "Problema:", "Impacto", "Probabilidade", "Fator de Risco"],
        [1, "Falta de integrante", 2, 1, 2],
        [2, "Problemas no equipamento", 3, 1, 3],
        [3, "Problema nos arquivos", 3, 2, 6],
        [None, None, None, None, None],
        ["Nº", "Problema:", "Contingência", None, None],
        [1, "Falta de integrante", "Dividimos em duplas os assuntos do projeto", None, None],
        [2, "Problemas no equipamento", "Backup da apresentação em pendrives", None, None],
        [3, "Problema nos arquivos", "Todos os arquivos no git", None, None]]},
        merges={"Planilha1": ["C6:E6", "C7:E7", "C8:E8", "C9:E9"]})
    import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "issues") == []
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3"]
    assert {c: (r["title"], r["impact"], r["probability"]) for c, r in got.items()} == {
        "1": ("Falta de integrante", 2, 1), "2": ("Problemas no equipamento", 3, 1),
        "3": ("Problema nos arquivos", 3, 2)}
    plans = {r["description"] for r in rows_of(sqlite_store, "risk_actions")}
    assert plans == {"Dividimos em duplas os assuntos do projeto", "Backup da apresentação em pendrives",
                     "Todos os arquivos no git"}
