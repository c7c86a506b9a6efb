"""Classes of problem found on round 18 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

import openpyxl
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx


def test_a_placeholder_with_the_templates_own_tail_is_no_value(sqlite_store, tmp_path):
    """A stakeholder list filled in from a template keeps its prompts where nobody wrote anything:
    "[email]@wfu.edu" is the template's address, not a stakeholder's contact; a real address is kept."""
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Stakeholder List": [
        ["ID", "Email", "Name", "Division", "Title", "Impact Level", "Engagement Approach"],
        ["S1", "[email]@wfu.edu", "Ann Lee", "Finance", "Senior Vice President", "High", "Monthly review"],
        ["S2", "[email]@wfu.edu", "Bo Chan", "Human Resources", "Chief HR Officer", "High", "Monthly review"],
        ["S3", "cy@wfu.edu", "Cy Diaz", "Finance", "Project Manager", "Medium", "Weekly meeting"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert set(got) == {"Ann Lee", "Bo Chan", "Cy Diaz"}
    assert not got["Ann Lee"]["contact"] and not got["Bo Chan"]["contact"]
    assert got["Cy Diaz"]["contact"] == "cy@wfu.edu"


def test_scale_definitions_side_by_side_are_a_legend_not_risks(sqlite_store, tmp_path):
    """A risk matrix's lookup sheet ("Tabla") sets its lists side by side: "Plan de Acción | Descripción |
    Tipo de Riesgo | Probabilidad | Evaluación | Definición | Impacto | Evaluación | Definición". The same
    definition columns after two different scales make it a legend: its rows are not risks, while the
    register beside it, and a register repeating its scales for the residual, are imported."""
    path = write_xlsx(tmp_path / "Matriz de Riesgos.xlsx", {
        "Matriz Riesgo": [
            ["Consecutivo", "Descripción Riesgo", "Tipo de Riesgo", "Probabilidad", "Impacto", "Responsable"],
            [1, "Un proveedor incumple la entrega", "Proyecto", 3, 4, "PO"],
            [2, "Requisitos poco claros", "Producto", 2, 5, "Scrum Master"]],
        "Tabla": [
            ["Plan de Acción", "Descripción", None, "Tipo de Riesgo", None, "Probabilidad", "Evaluación",
             "Definición", None, "Impacto", "Evaluación", "Definición"],
            ["Mitigar", "Tomar acciones para reducir el riesgo", None, "Proyecto", None, "Certeza", 5,
             "Se espera que ocurra siempre", None, "Grave", 5, "Enormes pérdidas"],
            ["Contingencia", "Tener un plan si el riesgo ocurre", None, "Producto", None, "Probable", 4,
             "Ocurrirá a menudo", None, "Mayor", 4, "Pérdidas importantes"],
            ["Asumir", "Se acepta el riesgo", None, "Release", None, "Posible", 3, "Puede ocurrir", None,
             "Moderado", 3, "Pérdidas altas"],
            ["Ignorar", "El riesgo es bajo", None, None, None, "Improbable", 2, "Rara vez", None, "Menor", 2,
             "Pérdidas medianas"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "risks")) == {"Un proveedor incumple la entrega", "Requisitos poco claros"}

    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["ID", "Risk", "Likelihood", "Impact", "Description", "Response", "Likelihood", "Impact", "Description"],
        ["R1", "Supplier fails", "High", "High", "Single source", "Second supplier", "Low", "High", "Dual source"],
        ["R2", "Scope creep", "Medium", "Medium", "Unclear asks", "Change board", "Low", "Medium", "Board"]]})
    import_all(sqlite_store, path)
    assert {"Supplier fails", "Scope creep"} <= set(named(sqlite_store, "risks"))


def test_support_levels_marked_on_a_current_and_a_desired_row(sqlite_store, tmp_path):
    """A stakeholder analysis with a column per level of support, "Strongly Against … Strongly Support", and
    two rows per stakeholder (its name merged over both), labelled "Current" and "Desired", each with "Yes"
    under one level: the stakeholder's current and desired engagement are those levels."""
    levels = ["Strongly Against", "Moderately Against", "Neutral", "Moderate Support", "Strongly Support"]
    rows = [["Stakeholder Analysis"],
            ["Stakeholder Name or Group", "Interest", "Influence", None, *levels],
            ["Highway Safety Department", "H", "H", "Current", None, None, None, None, "Yes"],
            [None, None, None, "Desired", None, None, None, None, "Yes"],
            ["Local Government", "H", "H", "Current", None, "Yes", None, None, None],
            [None, None, None, "Desired", None, None, None, None, "Yes"],
            ["Other Departments", "L", "L", "Current", None, None, "Yes", None, None],
            [None, None, None, "Desired", None, None, None, "Yes", None]]
    merges = [f"{col}{r}:{col}{r + 1}" for r in (3, 5, 7) for col in "ABC"]
    path = write_xlsx(tmp_path / "Stakeholder Analysis.xlsx", {"Stakeholder Analysis": rows},
                      merges={"Stakeholder Analysis": merges})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert set(got) == {"Highway Safety Department", "Local Government", "Other Departments"}
    assert [(got[n]["current_engagement"], got[n]["desired_engagement"]) for n in sorted(got)] == [
        ("Leading", "Leading"), ("Resistant", "Leading"), ("Neutral", "Supportive")]


def test_one_mark_a_row_under_engagement_levels_is_the_current_one(sqlite_store, tmp_path):
    """"Against | Passive | Neutral | Help" with one letter ("R") a row under the stakeholder's level: a plain
    mark, saying nothing of current or desired, gives the current engagement."""
    path = write_xlsx(tmp_path / "Stakeholder Analysis.xlsx", {"Stakeholder": [
        ["Stakeholder", "Title", "Email", "Influence", "Against", "Passive", "Neutral", "Help", "Notes"],
        ["Julie Thompson", "Project Sponsor", "jt@example.org", "High", None, None, None, "R", "Approves goals"],
        ["Jenny Lock", "Secretary", "jl@example.org", "Low", None, "R", None, None, "Takes minutes"],
        ["Sam Vole", "Union rep", "sv@example.org", "Medium", "R", None, None, None, "Wary of change"],
        ["Review Group", "Students", None, "Medium", None, None, "R", None, "Gives feedback"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert {n: got[n]["current_engagement"] for n in got} == {
        "Julie Thompson": "Supportive", "Jenny Lock": "Neutral", "Sam Vole": "Resistant", "Review Group": "Neutral"}


def test_a_stakeholder_known_by_position_only_is_named_by_it(sqlite_store, tmp_path):
    """A stakeholder register lists some people by position, the name left blank ("Director of CRM projects"):
    the stakeholder is named by that role, and the report says so, instead of the row being left out."""
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Register": [
        ["ID", "Name", "Category", "Position", "Department", "Phone", "Influence (1-10)"],
        [1, "Maria Skorodenko", "Vendor", "Project manager", "Projects", "+380982790409", 8],
        [2, None, "Bank", "Director of CRM projects", None, None, 9],
        [3, "Olga Karlova", "Bank", "HR manager", "HR", "+380982790417", 5],
        [4, None, "Bank", "Deputy head of IT security", None, "+380982790424", None]]})
    plan = import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert set(got) == {"Maria Skorodenko", "Director of CRM projects", "Olga Karlova", "Deputy head of IT security"}
    assert got["Deputy head of IT security"]["contact"] == "+380982790424"
    assert any("named by its role" in r.reason for r in plan.reports)


def test_a_scale_ranked_by_the_workbooks_own_dropdown_list(sqlite_store, tmp_path):
    """A risk log whose hidden "Drop Downs" sheet lists the probabilities "Rare, Unlikely, Probable, Likely,
    Very Likely": "Probable" is the third level of five there (usually it ranks as likely), so a probable risk
    is less likely than a likely one; the impacts keep the ranks the list gives them too."""
    wb = openpyxl.Workbook()
    log = wb.active
    log.title = "Risk Log"
    for row in [["Risk #", "Risk Statement", "Risk Owner", "Probability", "Impact", "Residual Probability",
                 "Status"],
                [1, "Participants drop out", "Programme Manager", "Likely", "Moderate", "Probable", "Open"],
                [2, "Budget overruns", "Project Manager", "Probable", "Major", "Unlikely", "Open"],
                [3, "Venue setup delayed", "Event Coordinator", "Unlikely", "Major", "Rare", "Closed"]]:
        log.append(row)
    lists = wb.create_sheet("Drop Downs")
    for row in [["Probability", "Impact", "Status"], ["Rare", "Trivial", "Open"], ["Unlikely", "Minor", "Closed"],
                ["Probable", "Moderate"], ["Likely", "Major"], ["Very Likely", "Extreme"]]:
        lists.append(row)
    lists.sheet_state = "hidden"
    path = tmp_path / "Risk Log.xlsx"
    wb.save(path)
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["probability"] for t in ("Participants drop out", "Budget overruns", "Venue setup delayed")] \
        == [4, 3, 2]
    assert got["Participants drop out"]["residual_probability"] == 3
    assert (got["Participants drop out"]["impact"], got["Budget overruns"]["impact"]) == (3, 4)


def test_a_russian_risk_analysis_places_event_severity_and_contingency_plan(sqlite_store, tmp_path):
    """"Событие | Вероятность | Степень серьезности | Риск | План на непредвиденный случай" (event,
    probability, degree of severity, risk, contingency plan): the event, the impact and the plan are placed,
    not left in the notes."""
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": [
        ["Событие", "Вероятность", "Степень серьезности", "Риск", "План на непредвиденный случай"],
        ["Система не удовлетворяет требованиям заказчика", "средняя", "высокая",
         "Заказчик некорректно сформулировал требования", "Дополнительное соглашение"],
        ["Вендор закрыл продукт", "низкая", "высокая", "Прекращение поддержки программных средств",
         "Перепроектирование"],
        ["Получается плохой код", "низкая", "средняя", "Недостаточная квалификация программистов",
         "Найти других программистов"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    first = got["Заказчик некорректно сформулировал требования"]
    assert first["event"] == "Система не удовлетворяет требованиям заказчика"
    assert first["impact"] > got["Недостаточная квалификация программистов"]["impact"]
    assert first["probability"] > got["Недостаточная квалификация программистов"]["probability"]
    assert "Дополнительное соглашение" not in (first["notes"] or "")


def test_mitigations_in_the_offices_own_words_are_the_response_plan(sqlite_store, tmp_path):
    """"Current Mitigation | Proposed Mitigation" and "What are we already doing about it? | What more can we do
    about it?" hold the response plan: each becomes a response action of its risk, and "NONE" written where
    nothing is done yet is no action."""
    path = write_xlsx(tmp_path / "Risk Assessment.xlsx", {"Sheet1": [
        ["Threat", "Likelihood Level", "Impact Level", "Responsibility", "Current Mitigation", "Proposed Mitigation"],
        ["Console inaccessible", "Low", "Medium", "Alessia", "MySQL access kept as comments", "Document the access"],
        ["VM becomes inaccessible", "Medium", "High", "GCP", "NONE", "Backup VM with another provider"]]})
    import_all(sqlite_store, path)
    actions = sorted(a["description"] for a in rows_of(sqlite_store, "risk_actions"))
    assert actions == ["Backup VM with another provider", "Document the access", "MySQL access kept as comments"]

    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Assessment": [
        ["Risk ID#", "List of Possible Risks", "Likelihood (H/M/L)", "Impact (H/M/L)",
         "What are we already doing about it? (Mitigating factors)", "What more can we do about it?",
         "Person responsible"],
        [1, "Identity theft", "H", "H", "Two factor authentication", "Authenticator app", "CISO"],
        [2, "Denial of service", "H", "M", "Backup servers", "Web application firewall", "CISO"]]})
    import_all(sqlite_store, path)
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"Two factor authentication", "Authenticator app", "Backup servers", "Web application firewall"} <= actions


def test_a_response_plan_opening_with_its_strategy_gives_the_response(sqlite_store, tmp_path):
    """"Approach" cells such as "Mitigation.\\nPair new developers with experienced ones" hold the plan and
    name its strategy first: the risk's response is that strategy, the text its response action; a plan
    opening otherwise ("Transfer the data nightly") names no strategy."""
    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"Sheet1": [
        ["Risk type", "Risks", "Probability", "Impact", "Approach"],
        ["Technical", "Requirements inflation", "High", "High", "Mitigation. \nAgree the scope with the sponsor"],
        ["Technical", "Poor code quality", "Medium", "High", "Avoidance. \nPair new developers with experienced ones"],
        ["Management", "Health issues", "Low", "Medium", "Acceptance. \nIllness cannot be avoided"],
        ["Management", "Data loss", "Low", "High", "Transfer the data nightly to a second site"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["response"] for t in ("Requirements inflation", "Poor code quality", "Health issues")] == \
        ["Reduce", "Avoid", "Accept"]
    assert not got["Data loss"]["response"]
    assert len(rows_of(sqlite_store, "risk_actions")) == 4


def test_a_group_header_naming_the_risk_over_its_source_and_consequence(sqlite_store, tmp_path):
    """"Riesgo" written over "Fuente | Consecuencia" (a two-row header, no column headed as the title), beside
    "Elemento de la EDT": the risk is named by its source, the first column under "Riesgo", not by the WBS
    element; "Síntoma" is its trigger and "Responsable de la acción de respuesta" its owner."""
    rows = [["Matriz de Riesgos"],
            ["Proyecto: ", "Estrategias de retención de clientes"],
            [],
            ["No. de Riesgo", "Elemento de la EDT", "Tipo de riesgo", "Riesgo", None, "Síntoma", "Impacto\n(A/M/B)",
             "Probabilidad\n(A/M/B)", "Respuesta", "Responsable de la acción de respuesta"],
            [None, None, None, "Fuente", "Consecuencia"],
            [1, "1.3 Revisión del Dataset", "Técnico", "El dataset presenta registros incompletos",
             "Retrabajo en limpieza", "Muchos valores nulos", "M", "A", "Mitigar: reglas de limpieza", "Data Analyst"],
            [2, "2.2 Cálculo RFM", "Técnico", "Definición incorrecta de métricas RFM", "Segmentación poco útil",
             "Segmentos no diferenciables", "A", "M", "Mitigar: revisión teórica", "Data Scientist"],
            [3, "6.5 Presentación ejecutiva", "Cronograma", "Retraso del reporte final", "Entrega fuera de tiempo",
             "Falta de avances", "M", "B", "Mitigar: entregables parciales", "PM"]]
    path = write_xlsx(tmp_path / "Matriz de Riesgos.xlsx", {"Plantilla": rows}, merges={"Plantilla": ["D4:E4"]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"El dataset presenta registros incompletos", "Definición incorrecta de métricas RFM",
                        "Retraso del reporte final"}
    first = got["El dataset presenta registros incompletos"]
    assert (first["effect"], first["trigger"], first["owner"]) == \
        ("Retrabajo en limpieza", "Muchos valores nulos", "Data Analyst")
    assert "1.3 Revisión del Dataset" in (first["notes"] or "")


def test_a_perspective_on_the_project_in_plain_words_is_the_attitude(sqlite_store, tmp_path):
    """Held-out set 19: "Perspective Regarding Project" holding Good / Bad was kept in the notes and every
    stakeholder left at the default Neutral, against the sheet. Good / Bad are a supporter and an opponent."""
    path = write_xlsx(tmp_path / "Stakeholder Register.xlsx", {"Stakeholder_Log": [
        ["ID", "Name", "Organization", "Role", "Influence", "Perspective Regarding Project", "Comments"],
        [0, "Sam Ryder", "ACH", "Sponsor", "High", "Good", "Company founder"],
        [1, "Gloria Ryder", "ACH", "CFO", "High", "Bad", ""],
        [2, "Jim Young", "ACH", "Project manager", "Medium", None, "Promoted"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert [got[n]["attitude"] for n in ("Sam Ryder", "Gloria Ryder", "Jim Young")] == \
        ["Supporter", "Opponent", ""]  # a blank says nothing: no attitude, as under an "Attitude" header
