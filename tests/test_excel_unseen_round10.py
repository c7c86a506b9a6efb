"""Classes of problem found on round 10 of real public registers: each test writes a workbook of that
shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, named
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store


def test_a_header_ending_in_responsible_names_the_owner(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Risk Response Matrix": [
        ["Risk Number", "Risk Description", "Probability (Occurrence)", "Severity (Impact)", "Trigger",
         "Stakeholder(s) Responsible"],
        [1, "Live streaming fails under load", 5, 5, "Test failures", "Tech/Dev Team"],
        [2, "Users do not adopt the feature", 4, 5, "Low engagement", "Marketing/Product Teams"],
        [3, "Licensing blocks some countries", 4, 4, "Legal notice", "Legal Team"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["owner"] for t in ("Live streaming fails under load", "Licensing blocks some countries")] == \
        ["Tech/Dev Team", "Legal Team"]
    assert got["Users do not adopt the feature"]["trigger"] == "Low engagement"


def test_spanish_risk_named_before_its_description_and_consequences(sqlite_store, tmp_path):
    """"Riesgo identificado" / "Identificación de riesgos" name the risk; the "Descripción" after it is kept
    on the record, "Descripción de consecuencias" is its effect; "Grave" is an impact level."""
    path = write_xlsx(tmp_path / "m.xlsx", {
        "Matriz de riesgos": [
            ["ID", "Tipo de riesgo", "Riesgo identificado", "Descripción", "Probabilidad", "Impacto", "Responsable"],
            ["R01", "Producto", "Fallos en gestión de usuarios", "Roles incorrectos otorgan accesos", "Alta", "Alto",
             "QA / Dev"],
            ["R02", "Proyecto", "Recursos limitados del equipo QA", "Poca disponibilidad de testers", "Media",
             "Medio", "Líder QA"]],
        "Ejercicio": [
            ["#", "IDENTIFICACIÓN DE RIESGOS", "DESCRIPCIÓN DE \nCONSECUENCIAS", "IMPACTO", "ACCIONES",
             "RESPONSABLES"],
            [1, "se altera el cronograma", "atraso en la fecha de entrega", "Grave", "Modificar cronograma",
             "Jefe de Proyecto"],
            [2, "cambio de prioridad del proyecto", "tiempo, costo", "Crítico", "Cambio de funcionalidades",
             "Programadores"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"Fallos en gestión de usuarios", "Recursos limitados del equipo QA",
                        "se altera el cronograma", "cambio de prioridad del proyecto"}
    assert "Roles incorrectos otorgan accesos" in got["Fallos en gestión de usuarios"]["notes"]
    assert got["se altera el cronograma"]["effect"] == "atraso en la fecha de entrega"
    assert (got["se altera el cronograma"]["impact"], got["cambio de prioridad del proyecto"]["impact"]) == (4, 5)


def test_spanish_and_russian_attitudes(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", {
        "Matriz Stakeholders": [
            ["Interesado", "Rol / Relación", "Influencia", "Interés", "Actitud actual"],
            ["Instituto Tecnológico", "Patrocinador", "Alta", "Muy Alta", "A favor"],
            ["Project Manager", "Líder del proyecto", "Alta", "Alta", "Comprometido"],
            ["Data Engineer", "Calidad de datos", "Media", "Alta", "Neutral"]],
        "Лист1": [
            ["ID", "Имя", "Должность", "Влияние на проект (1-10)", "Отношение к проекту"],
            [1, "Иван Петров", "Руководитель проектов", 8, "Сторонник"],
            [2, "Анна Смирнова", "Аналитик", 6, "Противник"],
            [3, "Олег Иванов", "Разработчик", 5, "Сторонник"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "stakeholders")
    assert [got[n]["attitude"] for n in ("Instituto Tecnológico", "Project Manager", "Data Engineer")] == \
        ["Supporter", "Champion", "Neutral"]
    assert [got[n]["attitude"] for n in ("Иван Петров", "Анна Смирнова")] == ["Supporter", "Opponent"]


def test_german_risk_analysis_with_a_misspelt_likelihood_and_its_own_level_words(sqlite_store, tmp_path):
    """"Eintrittswarscheinlichkeit" (an h missing) holding "Vorstellbar", "Gelegentlich", "Häufig";
    "Auswirkungsgrad" holding "Geringfügig", "Katastrophal"."""
    path = write_xlsx(tmp_path / "d.xlsx", {"Tabelle1": [
        ["Risikokatalog"],
        [None, "Nr.", "Risiko", "Ursache", "Eintrittswarscheinlichkeit", "Auswirkungsgrad", "Massnahmen"],
        ["Personell", 1, "Falscher Projektleiter", "Falsche Vorstellungen", "Vorstellbar", "Geringfügig",
         "Erfolg nicht vom Projektleiter abhängig machen"],
        [None, 2, "Team verstreitet sich", "Unterschiedliche Ansichten", "Gelegentlich", "Katastrophal",
         "Offene Kommunikation"],
        [None, 3, "Datenverlust", "Diebstahl", "Häufig", "Unwesentlich", "Backups"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [(got[t]["probability"], got[t]["impact"]) for t in
            ("Falscher Projektleiter", "Team verstreitet sich", "Datenverlust")] == [(2, 2), (3, 5), (5, 1)]


def test_german_overall_impact_under_a_two_row_header(sqlite_store, tmp_path):
    """"Gesamt" under "Auswirkungen (1-5)" is the impact; "RNr", "Cluster", "Erstelldatum" are the ID,
    category and date raised; numbered rows holding nothing but zeros are the empty template."""
    path = write_xlsx(tmp_path / "d.xlsx", {"Risiken": [
        ["Risikoanalyse", None, None, None, "Auswirkungen (1-5)", None, None, None, "Wahrscheinlichkeit in %"],
        ["RNr", "Cluster", "Titel", "Erstelldatum", "Zeit", "Budget", "Qualität", "Gesamt", None],
        [1, "Backend", "Fehlende Erfahrung mit Spring Boot", "2025-04-23", 4, 3, 5, 4, 0.4],
        [2, "Allgemein", "Datenschutzverstöße", "2025-04-23", 2, 2, 3, 2.33, 0.3],
        [3, "Management", "Unklare Anforderungen", "2025-04-24", 3, 3, 4, 3.33, 0.1],
        [4, None, None, None, None, None, None, 0, None],   # numbered template rows, their formulas at 0
        [5, None, None, None, None, None, None, 0, None]]},
        merges={"Risiken": ["E1:H1"]})
    plan = plan_workbook_import(sqlite_store, path)
    assert not plan.errors and plan.valid_count == 3
    apply_import(sqlite_store, plan)
    got = named(sqlite_store, "risks")
    first = got["Fehlende Erfahrung mit Spring Boot"]
    assert (first["code"], first["category"], str(first["raised_on"]), first["impact"], first["probability"]) == \
        ("1", "Backend", "2025-04-23", 4, 2)
    assert got["Datenschutzverstöße"]["impact"] == 2


def test_norwegian_risk_analysis(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "n.xlsx", {"Ark1": [
        ["Risikoplan for", "Hjemmenettside for Bibliotek"],
        [],
        ["Risiko", "Konsekvens (K)", "Sannsynlighet (S)", "Risikopoeng(R)", "Forebyggende tiltak",
         "Tiltak hvis problem oppstår"],
        ["Databaselekkasje", 9, 0.35, 3.15, "Backup", "Kjøre backup"],
        ["Sykdom", 4, 0.2, 0.8, "Skylagring", "Paracet"],
        ["PC-problemer", 5, 0.1, 0.5, "Skylagring", "Flere PC-er"],
        ["Intern uenighet", 2, 0.4, 0.8, "God planlegging", "Demokratisk avstemning"],
        ["Uferdig produkt", 9, 0.1, 0.9, "God planlegging", "Prioritere det viktigste"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"Databaselekkasje", "Sykdom", "PC-problemer", "Intern uenighet", "Uferdig produkt"}
    assert (got["Databaselekkasje"]["impact"], got["Databaselekkasje"]["probability"]) == (5, 2)
    assert got["Intern uenighet"]["impact"] == 1


def test_a_title_wrapped_onto_the_next_row_stays_one_record(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "i.xlsx", {"Sheet1": [
        ["Project", "Module", "Functionality", "Issue Type", "Query", "Issue Status"],
        ["Retail", "User", "Login", "requirement", "If a customer forgets the password, there", "Open"],
        [None, None, None, None, "should be an option to change it.", None],
        ["Retail", "User", "Registration", "requirement", "All state names should be in the dropdown.", "Open"],
        ["Retail", "User", "Registration", "requirement", "Email address without @ symbol should", "Open"],
        [None, None, None, None, "not be allowed.", None],
        ["Retail", "User", "Registration", "requirement", "Telephone field takes 32 characters", "Open"],
        [None, None, None, None, "Phone numbers abroad are longer", None]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "issues")
    assert "If a customer forgets the password, there should be an option to change it." in got
    assert "Email address without @ symbol should not be allowed." in got
    # a capitalised line under a finished title is not the same sentence: kept apart, as before
    assert "Telephone field takes 32 characters" in got
    assert len(got) == 5


def test_a_budget_control_plan_numbered_with_descriptions_adds_nothing(sqlite_store, tmp_path):
    rows = [
        ["Budget Control Plan"],
        ["S.No", "Description", "Time Estimation Metrics", "Frequency"],
        [1, "SPI measures the efficiency of time scheduling", "Schedule Performance Index", "Weekly"],
        [2, "SV is the difference between earned and planned value", "Schedule Variance", "Weekly"],
        [3, "PV is the budgeted value of the work scheduled", "Planned Value", "Monthly"]]
    path = write_xlsx(tmp_path / "b.xlsx", {"Budget Control Plan": rows})
    with pytest.raises(WorkbookError):
        plan_workbook_import(sqlite_store, path, create_missing=True)
    assert not named(sqlite_store, "risks")
    # the same two columns on a sheet named as a register, or headed by the register's noun, are its records
    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": rows[1:]})
    import_all(sqlite_store, path)
    assert len(named(sqlite_store, "risks")) == 3
    path = write_xlsx(tmp_path / "s.xlsx", {"Sheet1": [["Risk ID", "Risk Description"],
                                                       ["R-7", "Supplier goes bust"], ["R-8", "Key engineer leaves"]]})
    import_all(sqlite_store, path)
    assert {"Supplier goes bust", "Key engineer leaves"} <= set(named(sqlite_store, "risks"))


def test_headers_and_values_named_differently(sqlite_store, tmp_path):
    """"Stakeholder Role" is the role, "BiMonthly" a monthly meeting, "Action items" the response plan and
    "residual_L_1to5" the residual likelihood."""
    path = write_xlsx(tmp_path / "w.xlsx", {
        "Stakeholder Analysis Data": [
            ["Stakeholder", "Stakeholder Role", "Power", "Interest"],
            ["Program Manager", "Oversees the programme", 10, 10],
            ["Marketing Team", "Runs the campaigns", 6, 6]],
        "Communication plan": [
            ["What Information", "Target Audience", "When?", "Method of Communication", "Provider"],
            ["Milestone Report", "Senior Management", "BiMonthly", "E-mail", "Department Heads"],
            ["Status Report", "Sponsor", "Weekly", "E-mail", "Project Manager"]],
        "Risk list": [
            ["No.", "Risk", "Probability", "Impact", "Action items", "residual_L_1to5", "residual_I_1to5"],
            [1, "Inflation raises prices", "High", "High", "Price adjustment clause", 2, 3],
            [2, "Supplier delays", "Low", "High", "Buffer stock", 1, 2]]})
    import_all(sqlite_store, path)
    assert named(sqlite_store, "stakeholders")["Program Manager"]["role"] == "Oversees the programme"
    comms = {r["message"]: r for r in named_comms(sqlite_store)}
    assert comms["Milestone Report"]["frequency"] == "Monthly"
    risk = named(sqlite_store, "risks")["Inflation raises prices"]
    assert (risk["residual_probability"], risk["residual_impact"]) == (2, 3)
    with sqlite_store.session() as s:
        from pmo_desktop.models.risks import RiskAction
        assert "Price adjustment clause" in [a.description for a in s.query(RiskAction)]


def named_comms(store: Store) -> list[dict]:
    reg = REGISTERS["communications"]
    with store.session() as s:
        return [dict(zip(["id", "version", *reg.field_names], r)) for r in records.fetch_rows(s, reg)]


def test_a_category_written_once_above_its_group_of_rows_is_each_rows(sqlite_store, tmp_path):
    """"Financial" on the first of three risks, blank below, no merged cells: each risk of the group is
    financial. A category left blank here and there, its labels repeating, is not carried down."""
    path = write_xlsx(tmp_path / "g.xlsx", {"Sheet1": [
        ["Risk Register"],
        [],
        ["Risk Categories", None, "Risk SubTitles", "Risk Probability", "Risk Impact"],
        ["Resources", None, "Human resources not available in time", 6, 7],
        [None, None, "Facilities are not provided", 7, 8],
        [None, None, "Equipment arrives late", 5, 8],
        ["Financial", None, "Budget overrun", 8, 9],
        [None, None, "Late payments from the client", 4, 8],
        ["Hosting", None, "Server outage", 4, 7],
        [None, None, "Data loss", 2, 8],
        [None, None, "Server capacity too small", 5, 5]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["Facilities are not provided"]["category"] == got["Human resources not available in time"]["category"]
    assert got["Late payments from the client"]["category"] == "Financial"
    assert got["Server capacity too small"]["category"] == got["Server outage"]["category"] == "Hosting"

    path = write_xlsx(tmp_path / "h.xlsx", {"Sheet1": [
        ["Risk ID", "Risk", "Category", "Probability", "Impact"],
        ["R1", "Vendor fails", "Technical", "High", "High"],
        ["R2", "Budget cut", None, "Low", "High"],
        ["R3", "Key engineer leaves", "Technical", "Medium", "High"],
        ["R4", "Scope creep", None, "High", "Medium"],
        ["R5", "Server outage", None, "Low", "Low"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert not got["Budget cut"]["category"] and not got["Server outage"]["category"]


def test_a_header_split_by_a_blank_row_under_a_form_label(sqlite_store, tmp_path):
    """"Project:" labels a form field above the table, not a column; "Assumption" two rows above "ID", a
    blank row between, is one header: the assumption log's rows are its records."""
    path = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": [
        [None, None, None, None, None],
        [None, None, None, None, "Assumption Log"],
        ["Project:", None, "Assumption", None, None],
        [None, None, None, None, None],
        ["ID", None, None, None, None],
        [1, None, "Employees will be paid after two weeks", None, None],
        [2, None, "Travel expenses are paid with the salary", None, None],
        [3, None, "Payments will be received in US dollars", None, None]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "assumptions")
    assert set(got) == {"Employees will be paid after two weeks", "Travel expenses are paid with the salary",
                        "Payments will be received in US dollars"}
    assert got["Employees will be paid after two weeks"]["code"] == "1"


def test_a_templates_guidance_row_under_the_header_is_no_record(sqlite_store, tmp_path):
    """A change-log template whose first row tells what to write in each column ("Assign sequential number
    here", "From Change Request Form", "Enter the priority …"): nothing to import, and a real change under
    such a row still is one."""
    header = ["Change #", "Date Submitted", "Change Title", "Requested by", "Requestor's priority",
              "Summary Description", "Status"]
    guidance = ["Assign sequential number here", "From Change Request Form", "From Change Request Form",
                "From Change Request Form", "Enter the priority indicated by the requestor",
                "From Change Request Form (optional)", "Enter status code"]
    path = write_xlsx(tmp_path / "empty.xlsx", {"Log": [header, guidance]})
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    assert [r.report.reason for sp in plan.sheets for r in sp.rows] == \
        ["guidance on filling in the template (“Enter …”, “From … Form”), not a record."]
    apply_import(sqlite_store, plan, partial=True)
    assert named(sqlite_store, "decisions") == {}
    path = write_xlsx(tmp_path / "used.xlsx", {"Log": [
        header, guidance,
        ["CR-1", "2026-03-02", "Move the go-live to June", "Sponsor", "High", "Supplier late", "Approved"]]})
    import_all(sqlite_store, path)
    assert list(named(sqlite_store, "decisions")) == ["Move the go-live to June"]


def test_a_communication_plan_naming_its_stakeholders_stays_a_communication_plan(sqlite_store, tmp_path):
    """"Stakeholder Name | Role | Expectations | Information Needed | Frequency | Medium": the stakeholder's
    noun in the first header weighs for the stakeholder map, but the communication plan names more of the
    columns: on a tie the plan wins and links each row to the stakeholder."""
    path = write_xlsx(tmp_path / "c.xlsx", {
        "Stakeholder Analysis": [["Stakeholder", "Stakeholder Role", "Power", "Interest"],
                                 ["Program Manager", "Runs the program", 10, 10],
                                 ["Marketing Team", "Promotes the program", 6, 6]],
        "Stakeholder & Comm Log": [
            ["Stakeholder Name", "Stakeholder Organization", "Role", "Expectations of the Project?",
             "Information Needed", "Frequency", "Medium"],
            ["Program Manager", "Internal", "Runs the program", "Smooth operations", "Progress, risks", "Weekly",
             "Email, Meetings"],
            ["Marketing Team", "Internal", "Promotes the program", "High enrolment", "Campaign results", "Monthly",
             "Email"]]})
    import_all(sqlite_store, path)
    assert sorted(named(sqlite_store, "stakeholders")) == ["Marketing Team", "Program Manager"]
    reg = REGISTERS["communications"]
    with sqlite_store.session() as s:
        rows = [dict(zip(["id", "version", *reg.field_names], r)) for r in records.fetch_rows(s, reg)]
    assert sorted(r["frequency"] for r in rows) == ["Monthly", "Weekly"]
