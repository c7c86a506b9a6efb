"""Classes of problem left open by rounds 10–12 of real public registers: each test writes a workbook of
that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx


def test_a_sheet_of_measures_keyed_by_the_risk_numbers_holds_their_actions(sqlite_store, tmp_path):
    """"Risiken" and "Maßnahmen" side by side, the second keyed by the same risk numbers (RNr) with the
    measure, who does it and by when: its rows are those risks' response actions, not the same risks
    again (which the importer refused as IDs given twice without a title)."""
    head = ["RNr", "Cluster", "Titel", "Beschreibung", "Verantwortlicher", "Wahrscheinlichkeit", "Auswirkung"]
    risks = [["1", "Backend", "Fehlende Erfahrung mit Spring Boot", "Unerfahrenheit im Team", "Anna Berg", 2, 4],
             ["2", "Backend", "Sicherheitslücken im Login", "Schwachstellen", "Tom Kranz", 2, 3],
             ["3", "Allgemein", "Unklare Anforderungen", "Fehlende Anforderungen", "Anna Berg", 1, 3]]
    measures = [["RNr", "Cluster", "Problem-Titel", "Beschreibung", "Verantwortlicher", "Maßnahme",
                 "Fertigstellungsdatum"],
                ["1", "Backend", "Fehlende Erfahrung mit Spring Boot", "Unerfahrenheit", "Anna Berg",
                 "Schulung zu Spring Boot buchen", dt.datetime(2025, 5, 30)],
                ["2", "Backend", "Sicherheitslücken im Login", "Schwachstellen", "Tom Kranz",
                 "Penetrationstest beauftragen", dt.datetime(2025, 6, 15)],
                ["3", "Allgemein", "Unklare Anforderungen", "Fehlende Anforderungen", "Anna Berg",
                 "Workshop mit dem Kunden", dt.datetime(2025, 5, 10)]]
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risiken": [head, *risks], "Maßnahmen": measures})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = by_code(sqlite_store, "risks")
    assert sorted(got) == ["1", "2", "3"]
    assert got["1"]["title"] == "Fehlende Erfahrung mit Spring Boot"
    actions = {a["description"]: a for a in rows_of(sqlite_store, "risk_actions")}
    assert sorted(actions) == ["Penetrationstest beauftragen", "Schulung zu Spring Boot buchen",
                               "Workshop mit dem Kunden"]
    assert actions["Penetrationstest beauftragen"]["actionee"] == "Tom Kranz"
    assert actions["Penetrationstest beauftragen"]["due"] == dt.date(2025, 6, 15)


def test_the_area_a_risk_would_hit_is_its_impact_area(sqlite_store, tmp_path):
    """"Area de Impacto" (Calidad, Cronograma, Costo, Alcance) or "Impact Area" (Schedule, Budget): the areas
    the risk would hit, read into Impact areas in the office's words, not left in the notes; scope is one."""
    path = write_xlsx(tmp_path / "registro.xlsx", {"Registro de Riesgos": [
        ["ID Riesgo", "Descripción del Riesgo", "Area de Impacto", "Impacto", "Probabilidad"],
        ["PRJ-R01", "Las preguntas generadas son de baja calidad", "Calidad", "Serio", "Alto"],
        ["PRJ-R02", "El proveedor entrega tarde", "Cronograma", "Moderado", "Medio"],
        ["PRJ-R03", "Suben las licencias", "Costo", "Serio", "Bajo"],
        ["PRJ-R04", "El cliente pide más funciones", "Alcance", "Moderado", "Alto"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["impact_areas"] for c in ("PRJ-R01", "PRJ-R02", "PRJ-R03", "PRJ-R04")] == \
        ["Quality", "Time", "Cost", "Scope"]
    assert all("Area de Impacto" not in (r["notes"] or "") for r in got.values())
    english = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Impact Area", "Likelihood", "Impact"],
        ["R1", "Vendor slips", "Schedule, Budget", "High", "Medium"],
        ["R2", "Defects found late", "Quality", "Low", "High"]]})
    import_all(sqlite_store, english)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["impact_areas"], got["R2"]["impact_areas"]) == ("Time; Cost", "Quality")


def test_a_fine_kinney_analysis_is_read_on_the_office_scale(sqlite_store, tmp_path):
    """A Dutch safety risk analysis by the Kinney method: hazards ("gevaren") rated W (likelihood 0.1–10),
    B (exposure) and E (effect 1–100), R their product, then the measure and the same letters again. W and
    E are the probability and impact on the office's scale, the second triple the residual rating."""
    head = ["topics", "gevaren", "omgevingsfactoren", "E", "B", "W", "R", "beheersmaatregel", "E", "B", "W", "R"]
    rows = [["Voorbereiding", "letsel door splinter", "onvoorzichtigheid", 3, 3, 1, 9, None],
            [None, "geknelde vingers", "geen aandacht", 1, 10, 3, 30, None],
            [None, "snijwonde door scherp uiteinde", "geen aandacht", 3, 10, 6, 180,
             "uiteinde bedekken", 3, 10, 0.5, 15],
            ["Uitvoering", "brandgevaar", "opwarming elektromagneet", 7, 6, 0.2, 8.4, None],
            [None, "dood door slinger", "in het pad van de slinger staan", 40, 6, 3, 720,
             "achter de constructie staan", 15, 2, 1, 30],
            [None, "terugbotsing golfbal", "geen afstand", 15, 6, 10, 900, "afstand houden", 3, 3, 3, 27]]
    path = write_xlsx(tmp_path / "Risicoanalyse.xlsx", {"Blad1": [["Risico van student"], head, *rows]})
    import_all(sqlite_store, path)
    got = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(got) == 6
    assert (got["geknelde vingers"]["probability"], got["geknelde vingers"]["impact"]) == (3, 1)
    assert (got["brandgevaar"]["probability"], got["brandgevaar"]["impact"]) == (1, 3)
    slinger = got["dood door slinger"]
    assert (slinger["probability"], slinger["impact"]) == (3, 5)
    assert (slinger["residual_probability"], slinger["residual_impact"]) == (2, 4)
    assert (got["terugbotsing golfbal"]["probability"], got["terugbotsing golfbal"]["impact"]) == (5, 4)
    assert got["geknelde vingers"]["cause"] == "geen aandacht"


def test_rows_under_one_merged_title_each_rated_are_records_of_their_own(sqlite_store, tmp_path):
    """A hazard merged down over three rows, each row a cause with its own likelihood and impact: three risks
    of that title, each keeping its rating (merged continuation rows adding only text stay one record)."""
    path = write_xlsx(tmp_path / "hazards.xlsx", {"Risks": [
        ["Hazard", "Cause", "Likelihood", "Impact", "Owner"],
        ["Injury by the pendulum", "Hammer head comes loose", 1, 2, "Lab lead"],
        [None, "Standing near the pendulum", 4, 2, "Lab lead"],
        [None, "Standing in its path", 3, 4, "Lab lead"],
        ["Fire", "Magnet overheats", 2, 3, "Lab lead"]]}, merges={"Risks": ["A2:A4"]})
    import_all(sqlite_store, path)
    got = sorted((r["title"], r["cause"], r["probability"], r["impact"]) for r in rows_of(sqlite_store, "risks"))
    assert got == [("Fire", "Magnet overheats", 2, 3),
                   ("Injury by the pendulum", "Hammer head comes loose", 1, 2),
                   ("Injury by the pendulum", "Standing in its path", 3, 4),
                   ("Injury by the pendulum", "Standing near the pendulum", 4, 2)]


def test_a_resolved_yes_no_column_is_the_issues_status(sqlite_store, tmp_path):
    """"Resolved?" answered Y / N in an issue log: Y is resolved, N still open."""
    path = write_xlsx(tmp_path / "Issue_Log.xlsx", {"Issues": [
        ["Issue ID", "Issue", "Owner", "Resolved?"],
        ["I1", "Nonsensical values in USD_Price", "Data team", "N"],
        ["I2", "Inconsistent formatting of User_ID", "Data team", "Y"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert (got["I1"]["status"], got["I2"]["status"]) == ("Open", "Resolved")


def test_an_action_log_tied_to_no_risk_is_skipped_not_the_whole_workbook_refused(sqlite_store, tmp_path):
    """A risk sheet beside an action log with no Risk ID column: the risks import, the action log is
    skipped with the reason (its actions belong to no risk it names)."""
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Risks": [["ID", "Risk", "Owner", "Likelihood", "Impact"], ["R1", "Late vendor", "Ann", "High", "Low"],
                  ["R2", "Budget cut", "Bo", "Low", "High"]],
        "Action Log": [["Action", "Owner", "Target date", "Status"], ["Call the vendor", "Ann", "2026-01-10", "Open"],
                       ["Review the budget", "Bo", "2026-02-01", "Done"]]})
    plan = import_all(sqlite_store, path)
    assert sorted(by_code(sqlite_store, "risks")) == ["R1", "R2"]
    assert any(sheet == "Action Log" and "no Risk ID column" in why for sheet, why in plan.skipped_sheets)


def test_an_action_sheet_keyed_by_risk_code_beside_the_risks_holds_their_actions_once(sqlite_store, tmp_path):
    """"Riscos" with an "Ações" plan column, beside "Acoes" keyed by "Cód. Risco" with who and the status in
    Portuguese: the actions sheet holds the risks' actions (it has no ID of its own, so it was skipped as a
    list the register draws on), each action once — the plan column's text is the same action."""
    path = write_xlsx(tmp_path / "Registro_de_riscos.xlsx", {
        "Riscos": [["Cód.", "Descrição do risco", "Probabilidade", "Impacto", "Proprietário do risco", "Ações"],
                   [1, "Hospedagem de dados do software", "2-Baixa", "5-Muito alta", "Ana", "Testes rotineiros"],
                   [2, "Servidor para alocação do software", "4-Alta", "2-Baixa", "Rui", "Simulação de ritmo"],
                   [3, "Entrega de recursos necessários", "2-Baixa", "3-Média", "Ana", "Margem no cronograma"]],
        "Acoes": [["Cód. Risco", "Prior.", "Descrição do Risco", "Descrição da ação", "Responsável", "Status"],
                  [1, "3-Alta", "Hospedagem de dados do software", "Testes rotineiros", "Saleasy", "OK"],
                  [2, "2-Média", "Servidor para alocação do software", "Simulação de ritmo", "Saleasy", "Em andamento"],
                  [3, "2-Média", "Entrega de recursos necessários", "Margem no cronograma", "Cliente", "Pendente"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors and "Acoes" not in dict(plan.skipped_sheets)
    assert sorted(by_code(sqlite_store, "risks")) == ["1", "2", "3"]
    actions = sorted((a["description"], a["actionee"], a["status"]) for a in rows_of(sqlite_store, "risk_actions"))
    assert actions == [("Margem no cronograma", "Cliente", "Not started"), ("Simulação de ritmo", "Saleasy", "In progress"),
                       ("Testes rotineiros", "Saleasy", "Done")]


def test_a_header_wrapped_over_two_rows_is_read_whole(sqlite_store, tmp_path):
    """"Rol en el" over "Proyecto", "Role in the" over "Project": one header wrapped onto a second line,
    read as the whole phrase, both to place the column and to label what is kept in the notes. The lower
    word alone ("Project") would have filed a role as a project."""
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": [
        ["ID", "Stakeholder", "Role in the", "Level of", "Departamento/", "Tipo de Relación y Seguimiento"],
        [None, None, "Project", "Influence", "Empresa", "que debe darse con este stakeholder"],
        ["S1", "Ana Ruiz", "Sponsor", "High", "CESDE", "Reunión mensual"],
        ["S2", "Luis Mora", "Developer", "Low", "CESDE", "Correo semanal"],
        ["S3", "Eva Gil", "Tester", "Medium", "Acme", "Correo semanal"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = by_code(sqlite_store, "stakeholders")
    assert [got[c]["role"] for c in ("S1", "S2", "S3")] == ["Sponsor", "Developer", "Tester"]
    assert got["S1"]["organisation"] == "CESDE"
    assert not rows_of(sqlite_store, "projects") or all(p["name"] != "Sponsor" for p in rows_of(sqlite_store, "projects"))
    assert "Tipo de Relación y Seguimiento que debe darse con este stakeholder: Reunión mensual" in got["S1"]["notes"]


def test_a_definitions_block_under_the_table_explains_it_and_is_no_record(sqlite_store, tmp_path):
    """Under a gap and a "Definition" caption, rows that name the table's own columns ("Likelihood Level |
    High: the risk is likely …") explain its levels: no risk is made of them, nor a row refused."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Threat", "Description", "Likelihood Level", "Impact Level", "Responsibility", "Response"],
        ["Console down", "The console could become unreachable", "Low", "Medium", "Ann Lee", "Restart it"],
        ["VM lost", "The virtual machine could be deleted", "Medium", "High", "Bob Ray", "Rebuild it"],
        ["Port taken", "Another program could take the port", "High", "High", "Ann Lee", "Free the port"],
        [], [], ["Definition"], [],
        ["Likelihood Level", "High: the risk is likely to happen", "Medium: the risk could happen", None,
         "Low: the risk is unlikely to happen"],
        ["Impact Level", "High: the occurrence stops the site", "Medium: the occurrence slows it", None,
         "Low: the consequences can be recovered"],
        ["Risk Tolerance", "Tolerate: no further action", "Treat: action taken to reduce the risk"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    titles = sorted(r["title"] for r in rows_of(sqlite_store, "risks"))
    assert titles == ["Another program could take the port", "The console could become unreachable",
                      "The virtual machine could be deleted"]
    # the same with an ID column, whose ordinary rows are planned in one step
    keyed = write_xlsx(tmp_path / "Keyed Risk Assessment.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood Level", "Impact Level", "Risk Owner"],
        ["K1", "Quay wall cracks", "Low", "Medium", "Ann Lee"],
        ["K2", "Crane breaks down", "Medium", "High", "Bob Ray"],
        ["K3", "Tide gauge fails", "High", "High", "Ann Lee"],
        [], ["Definition"], [],
        ["Likelihood Level", "High: likely to happen", "Medium: could happen", "Low: unlikely", "x"],
        ["Impact Level", "High: the works stop", "Medium: the works slow", "Low: recovered", "x"],
        ["Risk Tolerance", "Tolerate: no further action", "Treat: act to reduce it", "Medium", "x"]]})
    plan = import_all(sqlite_store, keyed)
    assert {"K1", "K2", "K3"} <= set(by_code(sqlite_store, "risks"))
    assert not any(r["title"].startswith(("High:", "Tolerate")) for r in rows_of(sqlite_store, "risks"))


def test_uncertain_is_the_middle_likelihood(sqlite_store, tmp_path):
    """Likely / Uncertain / Unlikely: "Uncertain" is the level between, not a refused row."""
    path = write_xlsx(tmp_path / "Risk Matrix.xlsx", {"Sheet1": [
        ["RISK", "STATEMENT", "RESPONSE", "LIKELIHOOD", "SEVERITY"],
        ["Fire", "Random fire", "Turn appliances off", "Uncertain", "Severe"],
        ["Wifi disruption", "Too many devices", "Fewer devices", "Likely", "Severe"],
        ["Poor planning", "Unrealistic deadlines", "Plan first", "Unlikely", "Moderate"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = {r["title"]: r["probability"] for r in rows_of(sqlite_store, "risks")}
    assert got["Poor planning"] < got["Fire"] < got["Wifi disruption"]


def test_a_rated_consequence_beside_the_consequences_written_out_is_the_impact(sqlite_store, tmp_path):
    """"Consequences of Risk" says what would follow; "Consequence" beside it rates it (Major, Severe):
    the effect and the impact, not the rating kept in the notes as a repeat of the effect."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Risk Assessment": [
        ["ID", "Title", "Description", "Consequences of Risk", "Likelihood", "Consequence"],
        ["R01", "Cyber attack", "A deliberate attack", "Data theft and downtime", "Likely", "Major"],
        ["R02", "Natural disaster", "A flood or a fire", "Property damage", "Rare", "Severe"],
        ["R03", "Employee negligence", "Staff unaware", "Data breaches", "Possible", "Moderate"]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    got = by_code(sqlite_store, "risks")
    assert got["R01"]["effect"] == "Data theft and downtime"
    assert got["R02"]["impact"] > got["R01"]["impact"] > got["R03"]["impact"]


def test_a_key_column_apart_from_the_table_is_a_legend_not_the_ids(sqlite_store, tmp_path):
    """"KEY" over 1 … 5, past an empty column to the right of a risk template: a legend of the levels, not the
    risks' IDs (two risks were coded "2" and "3" while the others got R-00n)."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Simple Business Risk Register": [
        ["RISK REGISTER"], [],
        ["RISK DESCRIPTION", "IMPACT DESCRIPTION", "IMPACT LEVEL", "PROBABILITY LEVEL", "MITIGATION NOTES", "OWNER",
         None, "KEY"],
        ["Users enter an invalid password", "Weak passwords", 3, 2, "Validate the form", "Capstone team", None, "LEVEL"],
        ["Users enter an invalid email", "Data not uniform", 3, 2, "Validate the form", "Capstone team", None, None],
        ["Incomplete address updates", "Out of date addresses", 4, 2, "Atomic updates", "Capstone team", None, 2],
        ["Staff read personal details", "Data exposed", 5, 2, "Access roles", "Capstone team", None, 3],
        ["Server slow at peak", "Booking delays", 2, 2, "Offline message", "Capstone team", None, 4],
        [None, None, None, None, None, None, None, 5]]})
    plan = import_all(sqlite_store, path)
    assert not plan.errors
    codes = sorted(by_code(sqlite_store, "risks"))
    assert len(codes) == 5 and all(c.startswith("R-") for c in codes)
