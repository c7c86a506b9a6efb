"""Classes of problem found on round 13 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.models.store import Store


def test_a_level_number_glued_to_its_word_is_that_level(sqlite_store, tmp_path):
    """"4-Alta", "2-Baixa", "5-Muito Alto": the level's number written before its name without spaces (a
    dropdown of the template's own parameters sheet) is that level; a range "1-3" stays a range."""
    path = write_xlsx(tmp_path / "Registro de riscos.xlsx", {"Riscos": [
        ["ID", "Descrição do risco", "Probabilidade", "Impacto", "Responsável"],
        ["R1", "Hospedagem de dados do software", "2-Baixa", "5-Muito Alto", "Saleasy"],
        ["R2", "Servidor e estrutura", "4-Alta", "2-Baixo", "Saleasy"],
        ["R3", "Suporte ao cliente", "1-Muito Baixa", "4-Alto", "Cliente"]]})
    plan = import_all(sqlite_store, path)
    assert not [r for s in plan.sheets for r in s.rows if r.report.action.value == "error"]
    got = by_code(sqlite_store, "risks")
    assert [(got[c]["probability"], got[c]["impact"]) for c in ("R1", "R2", "R3")] == [(2, 5), (4, 2), (1, 4)]


def test_a_category_column_of_threats_and_opportunities_is_the_kind(sqlite_store, tmp_path):
    """"Tipo de Risco" beside "Categoria": its header says category, but every value is Ameaça or
    Oportunidade, so it says threat or opportunity; the category stays the category. "Cód." is the ID and
    "Descrição do Impacto" the effect."""
    path = write_xlsx(tmp_path / "riscos.xlsx", {"Riscos": [
        ["Cód.", "Descrição do risco", "Probabilidade", "Impacto", "Descrição do Impacto", "Categoria",
         "Tipo de Risco", "Proprietário do risco"],
        ["1", "Hospedagem de dados do software", "Baixa", "Alto", "Perda de dados de clientes", "Técnico",
         "Ameaça", "Saleasy"],
        ["2", "Servidor e estrutura", "Alta", "Baixo", "Upgrades na estrutura", "Organizacional",
         "Oportunidade", "Saleasy"],
        ["3", "Entrega de recursos", "Baixa", "Médio", "Alteração no cronograma", "Externo", "Ameaça", "Cliente"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["kind"] for c in ("1", "2", "3")] == ["Threat", "Opportunity", "Threat"]
    assert got["1"]["category"] == "Technical"
    assert got["1"]["effect"] == "Perda de dados de clientes"


def test_a_spanish_communication_plan_is_read(sqlite_store, tmp_path):
    """"Stakeholder | Tipo de Información | Frecuencia | Medio | Formato | Responsable | Objetivo": the kind of
    information is what is communicated; Semanal / Quincenal / Mensual / Diario / Ad-hoc / Por hito are its
    frequencies (daily counts as weekly, at each milestone as ad hoc)."""
    path = write_xlsx(tmp_path / "Plan de comunicaciones.xlsx", {"Plan de Comunicaciones": [
        [],
        [],
        [None, "Stakeholder", "Tipo de Información", "Frecuencia", "Medio", "Formato", "Responsable", "Objetivo"],
        [None, "Cliente", "Avance del proyecto", "Semanal", "Reunión", "Presentación", "PM", "Validar progreso"],
        [None, "Sponsor", "Estado ejecutivo", "Quincenal", "Email", "Reporte PDF", "PM", "Toma de decisiones"],
        [None, "CFO", "Estado financiero", "Mensual", "Dashboard", "Reporte financiero", "PM", "Control de costos"],
        [None, "Equipo Cloud", "Tareas técnicas", "Diario", "Teams", "Standup", "Líder Cloud", "Ejecución"],
        [None, "Usuarios clave", "Validación funcional", "Por hito", "Reunión", "Demo", "PM", "Aceptación"]]})
    import_all(sqlite_store, path)
    got = {r["message"]: r for r in rows_of(sqlite_store, "communications")}
    assert list(got) == ["Avance del proyecto", "Estado ejecutivo", "Estado financiero", "Tareas técnicas",
                         "Validación funcional"]
    assert [r["frequency"] for r in got.values()] == ["Weekly", "Fortnightly", "Monthly", "Weekly", "Ad hoc"]
    assert got["Estado ejecutivo"]["channel"] == "Email"


def test_a_copyright_line_under_an_empty_template_is_no_record(sqlite_store, tmp_path):
    """A change request log template, its table empty, and "© 2018 … All Rights Reserved" at the foot of
    the last column: nothing to import, no decision titled with the copyright."""
    path = write_xlsx(tmp_path / "Change Request Log.xlsx", {"Change Request Log": [
        ["Change Request Log"],
        ["Project Name:", None, None, None, "Date:"],
        ["ID #", "Group", "Description", "Requester", "Date", "Status", "Decision"],
        *[[] for _ in range(15)],
        [None, None, None, None, None, None, "© 2018 PMPMasterPrep - All Rights Reserved"]]})
    try:
        import_all(sqlite_store, path)
    except Exception:  # noqa: BLE001 - refusing the empty template is as good as importing nothing
        pass
    assert rows_of(sqlite_store, "decisions") == []
    assert rows_of(sqlite_store, "risks") == []


def test_header_abbreviations_spelled_out_in_the_sheets_legend(sqlite_store, tmp_path):
    """"Si | Pi | R" before the measures and "Si' | Pi' | R'" after them, a legend beside the table spelling
    them out (Schadensausmass / Eintrittswahrscheinlichkeit ohne / mit Gegenmassnahme): impact and
    likelihood, then their residual values; "Wer" (who) owns the risk. A header known as it is ("Nr.") keeps
    its meaning whatever the legend says of it."""
    legend = [["Nr.", "Laufende Nummer des Risikos"], ["Si", "Schadensausmass ohne Gegenmassnahme"], ["Pi", "Eintrittswahrscheinlichkeit ohne Gegenmassnahme"],
              ["R", "Risikofaktor ohne Gegenmassnahme [Si*Pi]"], ["Si'", "Schadensausmass mit Gegenmassnahme"],
              ["Pi'", "Eintrittswahrscheinlichkeit mit Gegenmassnahme"],
              ["R'", "Risikofaktor mit Gegenmassnahme [Si'*Pi']"]]
    rows = [["Nr.", "Beschreibung", "Ursache", "Si", "Pi", "R", "Si'", "Pi'", "R'", "Wer"],
            ["A", "Auftrag ist unklar definiert", "Lastenheft unvollständig", 3, 2, 6, 3, 1, 3, "PL"],
            ["B", "Mitarbeiter fällt aus", "Krankheit", 3, 1, 3, 1, 1, 1, "PM"],
            ["C", "Datenverlust", "Datenträger defekt", 2, 2, 4, 1, 1, 1, "Alle"],
            [], []]
    rows += [[None] * 11 + pair for pair in [["Legende", None], *legend]]
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risikoliste": rows})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert set(got) == {"A", "B", "C"}
    a = got["A"]
    assert (a["impact"], a["probability"], a["residual_impact"], a["residual_probability"], a["owner"]) == \
        (3, 2, 3, 1, "PL")
    assert got["C"]["owner"] == "Alle"


def test_a_second_description_under_a_measures_caption_is_the_response(sqlite_store, tmp_path):
    """"Risiko" over "Nr. | Beschreibung | Ursache", "Prävention" over a second "Beschreibung": the second
    description is the preventive measure, the risk's response plan, not a repeat of its title."""
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risikoliste": [
        ["Risiko", None, None, None, "Prävention", None],
        ["Nr.", "Beschreibung", "Ursache", "Auswirkung", "Beschreibung", "Wer"],
        ["A", "Auftrag ist unklar definiert", "Lastenheft falsch", "Auftrag scheitert",
         "Frühzeitig abklären & nachfragen", "PL"],
        ["B", "Datenverlust", "Datenträger defekt", "Daten neu sammeln", "Mehrere Datenträger / Cloud", "Alle"],
        ["C", "Ziele ändern sich", "Auftraggeber will Neues", "Projekt wächst", "Ziele früh klar definieren", "PL"]]},
        merges={"Risikoliste": ["A1:D1", "E1:F1"]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["A"]["title"] == "Auftrag ist unklar definiert"
    actions = rows_of(sqlite_store, "risk_actions")
    assert "Frühzeitig abklären & nachfragen" in [a["description"] for a in actions]
    assert "Frühzeitig" not in (got["A"]["notes"] or "")


def test_a_residual_caption_over_the_first_column_of_its_block(sqlite_store, tmp_path):
    """"Residual Risk" written over the first of "Likelihood | Prob | Impact/ Concequence" repeated after the
    controls (the caption not merged over its block): the repeated likelihood and impact are the residual
    ones, not repeats of the inherent ones kept in the notes."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        [None] * 8 + ["Residual Risk"],
        ["Risk ID", "Risk Description", "Likelihood", "Prob", "Impact/ Concequence", "Current Controls",
         "Strategy", "Future Controls", "Likelihood", "Prob", "Impact/ Concequence", "Responsibility"],
        [1, "Key resources are not available", "Almost Certain", 0.85, "Major", "None", "Mitigate",
         "Weekly briefing", "Unlikely", 0.3, "Moderate", "Tom Brown"],
        [2, "Equipment cannot be acquired", "Possible", 0.41, "Major", "None", "Avoidance",
         "Early purchase", "Rare", 0.1, "Minor", "Peter Watson"],
        [3, "Requirements change late", "Possible", 0.45, "Catastrophic", "None", "Mitigate",
         "Change control", "Unlikely", 0.2, "Major", "Ben Man"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    first = got["1"]
    assert (first["probability"], first["impact"]) == (5, 4)
    assert (first["residual_probability"], first["residual_impact"]) == (2, 3)
    assert got["3"]["residual_impact"] == 4


def test_numbers_on_the_three_levels_a_legend_of_the_workbook_spells_out(sqlite_store, tmp_path):
    """Likelihood and impact given as 1, 2, 3, a matrix sheet beside the list spelling the levels out
    ("Gering (1) | Mässig (2) | Hoch (3)"): the numbers are on that three-level scale (low, medium, high),
    not the first three of five. Without such a legend the numbers stay as written."""
    risks = [["Nr.", "Beschreibung", "Ursache", "Schadensausmass", "Eintrittswahrscheinlichkeit", "Verantwortlich"],
             ["A", "Auftrag ist unklar definiert", "Lastenheft unvollständig", 3, 2, "PL"],
             ["B", "Mitarbeiter fällt aus", "Krankheit", 3, 1, "PM"],
             ["C", "Datenverlust", "Datenträger defekt", 2, 2, "Alle"]]
    matrix = [[None, None, "Schaden"],
              [None, "Projektziele", "Gering (1)", "Mässig (2)", "Hoch (3)"],
              [None, "Terminverzug", "< 10%", "10% - 25%", "> 25%"],
              [],
              [None, None, "Eintrittswahrscheinlichkeit"],
              [None, None, "Gering (1)", "Mässig (2)", "Hoch (3)"],
              [None, "Eintritt des Risikos", "Kaum < 30%", "Halb-halb 30% - 70%", "(fast) sicher > 70%"]]
    path = write_xlsx(tmp_path / "Risikoanalyse.xlsx", {"Risikoliste": risks, "Risikomatrix": matrix})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [(got[c]["impact"], got[c]["probability"]) for c in "ABC"] == [(4, 3), (4, 2), (3, 3)]
    plain = Store.create(tmp_path / "plain.pmo")
    try:
        import_all(plain, write_xlsx(tmp_path / "Risiken.xlsx", {"Risikoliste": risks}))
        assert by_code(plain, "risks")["A"]["impact"] == 3
    finally:
        plain.close()


def test_a_repeated_response_written_out_is_the_plan_and_a_bare_type_of_threats_the_kind(sqlite_store, tmp_path):
    """"Ação" (Mitigar / Prevenir) then "Resposta ao Risco" written out in sentences: the first is the
    response, the second repeats it in words, so it is the response plan, not a note; a bare "Tipo" of
    Ameaça / Oportunidade says threat or opportunity."""
    path = write_xlsx(tmp_path / "Matriz de riscos.xlsx", {"Planilha de Riscos": [
        ["MATRIZ DE RISCOS"],
        ["Nome do Projeto:", None, "Inversia"],
        [],
        ["Nº", "Categoria", "Tipo", "Descrição do Risco", "Probabilidade", "Impacto", "Ação", "Resposta ao Risco",
         "Responsável"],
        [1, "Mercado", "Ameaça", "Baixa adesão inicial de fornecedores", "Alta", "Alto", "Mitigar",
         "Programa de onboarding ativo com período gratuito de três meses", "Produto"],
        [2, "Mercado", "Oportunidade", "Parceria com síndicos e gestores", "Média", "Alto", "Melhorar",
         "Campanha de lançamento com cases demonstrativos e parcerias locais", "Marketing"],
        [3, "Tecnológico", "Ameaça", "Problemas de escalabilidade da plataforma", "Baixa", "Médio", "Prevenir",
         "Arquitetura cloud-native com auto-scaling desde o início do projeto", "Tech"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [(got[c]["kind"], got[c]["response"]) for c in ("1", "2", "3")] == \
        [("Threat", "Reduce"), ("Opportunity", "Enhance"), ("Threat", "Avoid")]
    plans = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert "Programa de onboarding ativo com período gratuito de três meses" in plans
    assert "Programa de onboarding" not in (got["1"]["notes"] or "")


def test_a_row_whose_title_says_none_is_no_record(sqlite_store, tmp_path):
    """An audit checklist: the control whose "Findings" cell says "None" found nothing, so it is no finding
    to import; the other findings are."""
    path = write_xlsx(tmp_path / "Internal_Audit_Checklist.xlsx", {"Audit Checklist": [
        ["Control", "Evidence Reviewed", "Findings", "Severity (Low/Med/High)", "Recommendation", "Status"],
        ["Information Security Policy", "Policy doc v1.2", "None", "Low", "Review annually", "Compliant"],
        ["Access Control (MFA)", "MFA logs", "3 accounts without MFA", "Medium", "Enforce MFA by policy", "Partial"],
        ["Incident Response Plan", "IRP v1.0", "No annual test in 2024", "Medium", "Schedule a tabletop exercise",
         "Not Compliant"],
        ["Vendor Risk Management", "Vendor list", "2 without current due diligence", "High",
         "Complete risk assessments", "Not Compliant"]]})
    import_all(sqlite_store, path)
    titles = [r["title"] for r in rows_of(sqlite_store, "risks")]
    assert titles == ["3 accounts without MFA", "No annual test in 2024", "2 without current due diligence"]


def test_a_treatment_column_of_strategies_is_the_response(sqlite_store, tmp_path):
    """"Existing Controls" written out, then "Risk Treatment" holding only Mitigate / Accept / Transfer: the
    treatment is the response (the strategy), the controls the plan."""
    path = write_xlsx(tmp_path / "Risk_Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Description", "Inherent Likelihood", "Inherent Impact", "Existing Controls",
         "Risk Owner", "Risk Treatment"],
        ["R01", "GDPR data breach", 4, 5, "Data protection policy, role based access", "Head of Compliance", "Mitigate"],
        ["R02", "Loss of competitive position", 3, 3, "Market analysis, product innovation", "CEO", "Accept"],
        ["R03", "Payment processor outage", 3, 4, "Contract with a second processor", "COO", "Transfer"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["response"] for c in ("R01", "R02", "R03")] == ["Reduce", "Accept", "Transfer"]
    plans = [a["description"] for a in rows_of(sqlite_store, "risk_actions")]
    assert "Data protection policy, role based access" in plans and "Mitigate" not in plans
