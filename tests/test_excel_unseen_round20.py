"""Classes of problem found on round 20 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

from imported import by_code, import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx


def test_a_spanish_identificador_column_gives_the_risks_their_own_ids(sqlite_store, tmp_path):
    """"Identificador" is the ID in Spanish (and Portuguese): the risks keep RG_1 …, not generated codes."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {"Riesgos": [
        ["Lista de Riesgos Genéricos"],
        [],
        ["Identificador", "Categoría", "Riesgo"],
        ["RG_1", "Proyecto", "El proyecto no es viable."],
        ["RG_2", "Alcance", "Faltan actividades en la definición del alcance."],
        ["RG_3", "Autoridad", "Falta de autoridad en el equipo."]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert set(got) == {"RG_1", "RG_2", "RG_3"}
    assert got["RG_2"]["title"] == "Faltan actividades en la definición del alcance."


def test_a_raid_logs_raid_id_column_is_each_records_id(sqlite_store, tmp_path):
    """"raid_id" (the log's own name and "id", snake_case) is the ID of every row, whatever its type."""
    path = write_csv(tmp_path / "raid_log.csv", [
        ["raid_id", "type", "date_raised", "title", "owner", "probability", "impact", "status"],
        ["R001", "Risk", "2024-05-15", "Scanners may not arrive before UAT", "Procurement Lead", "Medium", "High",
         "Open"],
        ["I001", "Issue", "2024-05-15", "No access to the Berlin test database", "IT Support", "", "High", "Open"],
        ["R002", "Risk", "2024-05-15", "API credentials expiring", "Security Team", "High", "High", "Open"],
        ["A001", "Assumption", "2024-05-15", "Private cloud ready by June 1st", "Cloud Team", "", "", "Open"]])
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"R001", "R002"}
    assert set(by_code(sqlite_store, "issues")) == {"I001"}
    assert set(by_code(sqlite_store, "assumptions")) == {"A001"}


def test_a_risk_list_of_identified_damage_and_person_in_charge_is_read(sqlite_store, tmp_path):
    """A course's risk list: "Identified" names the risk (its cells are the risks, not dates), "Prob of
    occurance" (misspelt) is a 0–1 probability, "Damage" the impact on 0–10, "Person in charge" the owner,
    "Mitigation strategy" the plan; "Risk factor" (their product) stays in the notes."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Tabelle1": [
        ["Identified", "Prob of\noccurance", "Damage", "Mitigation strategy", "Person in\ncharge", "Risk factor"],
        ["bad time management", 0.4, 8, "detailed planning", "Olga", 3.2],
        ["bad communication", 0.3, 7, "communicate", "Olga", 2.1],
        ["choosing wrong software tools", 0.05, 8, "inform well about software features", "Paul", 0.4],
        ["Illness of team member (> 1 week)", 0.05, 7, "eat apples", "all", 0.35],
        ["Unrealistic time estimates", 0.9, 2, "plan better", "Philipp", 1.8]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert set(got) == {"bad time management", "bad communication", "choosing wrong software tools",
                        "Illness of team member (> 1 week)", "Unrealistic time estimates"}
    assert got["bad time management"]["owner"] == "Olga"
    assert got["Unrealistic time estimates"]["probability"] == 5
    assert got["choosing wrong software tools"]["probability"] == 1
    assert got["bad time management"]["impact"] > got["Unrealistic time estimates"]["impact"]
    assert "Risk factor: 3.2" in got["bad time management"]["notes"]


def test_person_in_change_and_risk_minimation_are_the_owner_and_the_plan(sqlite_store, tmp_path):
    """The same template with its typos: "Person in change" is the owner, "Risk minimation" the plan,
    "Prob. occurrence" the probability and "Damage (0-10)" the impact."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Tabelle1": [
        ["No.", "Risk", "Prob. occurrence", "Damage (0-10)", "Risk factor", "Risk minimation", "Person in change"],
        [1, "Team lacks specialised skills", 0.95, 6, 5.7, "Plan time for research.", "Alex"],
        [2, "Personnel shortfalls", 0.9, 2, 1.8, "Plan without too many dependencies.", "Jennifer"],
        [3, "Server crash", 0.1, 5, 0.5, "Use a hoster with failsafe mechanisms.", "Jenny"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert got["Server crash"]["owner"] == "Jenny"
    assert got["Team lacks specialised skills"]["probability"] == 5
    assert got["Server crash"]["probability"] == 1
    assert got["Personnel shortfalls"]["impact"] < got["Team lacks specialised skills"]["impact"]
    actions = [r["description"] for r in rows_of(sqlite_store, "risk_actions")]
    assert "Use a hoster with failsafe mechanisms." in actions


def test_to_whom_it_may_concern_is_no_owner(sqlite_store, tmp_path):
    """"A quien corresponda" ("to whom it may concern") in the owner column is a template's placeholder: no
    person is made of it and the risks have no owner."""
    path = write_xlsx(tmp_path / "Matriz de Riesgo.xlsx", {"Tabla de Riesgo": [
        ["CODIGO DEL RIESGO", "DESCRIPCION DEL RIESGO", "Estado", "Responsable"],
        ["RPDT 001", "Error en la facturación", "Pendiente", "A quien corresponda"],
        ["RPDT 002", "Productos duplicados", "Pendiente", "A quien corresponda"],
        ["RPYT 001", "Retraso en la entrega", "Pendiente", "Julio Vasquez"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["RPDT 001"]["owner"] in (None, "")
    assert got["RPYT 001"]["owner"] == "Julio Vasquez"
    assert [p["name"] for p in rows_of(sqlite_store, "people")] == ["Julio Vasquez"]


def test_estimacion_probabilidad_and_impacto_are_the_scales(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Matriz de Riesgo.xlsx", {"Tabla de Riesgo": [
        ["CODIGO DEL RIESGO", "DESCRIPCION DEL RIESGO", "ESTIMACION PROBABILIDAD", "ESTIMACION IMPACTO "],
        ["RPDT 001", "Error en la facturación", 2, 5],
        ["RPDT 002", "Productos duplicados", 2, 4],
        ["RPYT 001", "Retraso en la entrega", 3, 4]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["RPDT 001"]["probability"], got["RPDT 001"]["impact"]) == (2, 5)
    assert (got["RPYT 001"]["probability"], got["RPYT 001"]["impact"]) == (3, 4)


def test_a_column_of_contingency_amounts_is_no_response_plan(sqlite_store, tmp_path):
    """"Contingency Funds" holding 200000 … (and one "Management Funds") is money set aside, not an action
    to carry out: no action is made of it, the amounts stay in the notes; the strategy column still gives
    its actions."""
    path = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Risk Analysis": [
        ["Risk ID", "Risk Description", "Owner", "Response Strategy", "Strategy ", "Contingency Funds"],
        ["R2", "Delay in approval", "Regulatory Affairs", "Mitigate", "Submit complete docs early, follow up regularly", 200000],
        ["R3", "Environmental non-compliance", "Regulatory Affairs", "Mitigate", "Regular site inspections and environmental audits",
         400000],
        ["R8", "Budget overrun", "Project Manager", "Transfer", "Track costs, review contracts and fix the rates", "Management Funds"],
        ["R10", "Extreme weather", "Construction Lead", "Mitigate", "Contingency plans for weather and a flexible schedule", 1500000]]})
    import_all(sqlite_store, path)
    actions = sorted(r["description"] for r in rows_of(sqlite_store, "risk_actions"))
    assert actions == ["Contingency plans for weather and a flexible schedule",
                       "Regular site inspections and environmental audits",
                       "Submit complete docs early, follow up regularly", "Track costs, review contracts and fix the rates"]
    assert "200000" in by_code(sqlite_store, "risks")["R2"]["notes"]


def test_mitigate_and_escalate_is_reduce_and_escalated(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", {"Risks": [
        ["Risk ID", "Risk Description", "Owner", "Response Strategy"],
        ["R1", "Public opposition", "Community Relations", "Mitigate and Escalate"],
        ["R2", "Vendor delay", "Procurement Lead", "Mitigate / Transfer"],
        ["R3", "Seismic activity", "Construction Lead", "Accept"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["response"], got["R1"]["escalated"]) == ("Reduce", True)
    assert not got["R3"]["escalated"]


def test_a_strategy_followed_by_a_dash_and_its_plan_keeps_the_plan(sqlite_store, tmp_path):
    """"Mitigate – Use test sandbox API keys …": the strategy is the response and the words after the dash
    are the plan, an action of the risk; nothing of the cell is lost."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Description", "Probability", "Impact", "Response Strategy", "Owner"],
        ["R1", "Integration issues with the APIs.", "Medium", "High",
         "Mitigate – Use test sandbox API keys and incremental tests.", "Nameer"],
        ["R3", "Version control conflicts.", "Medium", "Medium",
         "Prevent – Use branching workflow and peer review.", "Both"],
        ["R6", "Environment failure during demo.", "Medium", "High",
         "Contingency – Keep an offline demo backup.", "Both"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert got["R1"]["response"] == "Reduce"
    assert got["R3"]["response"] == "Avoid"
    actions = {r["description"] for r in rows_of(sqlite_store, "risk_actions")}
    assert {"Use test sandbox API keys and incremental tests.", "Use branching workflow and peer review.",
            "Keep an offline demo backup."} <= actions


def test_a_sheet_of_measures_beside_the_risk_list_adds_no_risks(sqlite_store, tmp_path):
    """"Medidas_Mitigacion_Contingencia": the list's mitigations and contingencies, numbered on their own
    (MMC_1 …) with no risk ID, are no risks: the sheet is skipped with the reason, the risk list imported."""
    path = write_xlsx(tmp_path / "Riesgos.xlsx", {
        "Riesgos": [["Identificador", "Categoría", "Riesgo"],
                    ["RG_1", "Proyecto", "El proyecto no es viable."],
                    ["RG_2", "Alcance", "Faltan actividades en la definición del alcance."],
                    ["RG_3", "Autoridad", "Falta de autoridad en el equipo."]],
        "Medidas_Mitigacion_Contingencia": [
            ["Lista de Medidas de Mitigacion y Contingencia"],
            [],
            ["Identificador", "Tipo", "Riesgo"],
            ["MMC_1", "Contingencia", "Si el proyecto no es viable, se reunirá el equipo."],
            ["MMC_2", "Mitigación", "Para que el proyecto no carezca de flexibilidad, se adapta a los cambios."],
            ["MMC_3", "Contingencia", "Si hay falta de autoridad, se realizará una junta."]]})
    plan = import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"RG_1", "RG_2", "RG_3"}
    assert any(t == "Medidas_Mitigacion_Contingencia" and "measures" in why for t, why in plan.skipped_sheets)


def test_a_bug_list_in_an_issue_tracker_is_its_issues_and_a_query_list_none(sqlite_store, tmp_path):
    """"Issue No | Short Description | Steps To Reproduce | Actual | Expected | Status": a tester's bug list,
    the issues of "Issue Tracker.xlsx"; a sheet of SQL statements under "Date | Query | Status" names no issue."""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {
        "Sheet1": [["Issue No", "Short Description", "Steps To Reproduce", "Actual", "Expected", "Status",
                    "Comments"],
                   [1, "Wrong member status label", "Select any customer", '"Deleted at"', 'Label should be "Status"',
                    "Open", "test"],
                   [2, "Confusing way back to the customer list", "Search a customer", "Search string cleared",
                    "Search string stays", "Closed", None],
                   [3, "Search label not clickable", "Open Customers", "Only Enter searches", "Clickable label",
                    "Closed", None]],
        "MYSQL QUERY CHANGES": [["Date", "Query", "Status"],
                                ["2026-06-01", "ALTER TABLE `accounts` CHANGE `picture` `picture` VARCHAR(45);", None],
                                ["2026-06-01", "ALTER TABLE `customers` CHANGE `picture` `picture` VARCHAR(45);", None]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert set(got) == {"1", "2", "3"}
    assert (got["1"]["title"], got["1"]["status"]) == ("Wrong member status label", "Open")
    assert got["2"]["status"] in ("Closed", "Resolved")


def test_a_range_on_a_column_rated_0_to_10_is_its_middle_rescaled_and_a_dash_no_owner(sqlite_store, tmp_path):
    """"Damage" rated 0–10 with "3-7" and "1-10" among the numbers: the middle of the range on that scale
    (5 and 5.5 of 10: the third level of five), as 8 is the fourth; a "-" where the owner goes is nobody."""
    path = write_xlsx(tmp_path / "Risks.xlsx", {"Tabelle1": [
        ["Identified", "Prob of\noccurance", "Damage", "Mitigation strategy", "Person in\ncharge"],
        ["trouble implementing feature", 0.8, "3-7", "ask for help", "Paul"],
        ["Hardware breaks", 0.4, "1-10", "replacement hardware", "Chris"],
        ["bad time management", 0.4, 8, "detailed planning", "Olga"],
        ["bad communication", 0.3, 7, "communicate", "-"],
        ["Illness of team member", 0.05, 7, "eat apples", "all"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert [got[t]["impact"] for t in ("trouble implementing feature", "Hardware breaks", "bad time management")] \
        == [3, 3, 4]
    assert got["bad communication"]["owner"] in (None, "")
    assert "-" not in [p["name"] for p in rows_of(sqlite_store, "people")]


def test_a_definitions_cell_numbering_the_levels_ranks_the_words(sqlite_store, tmp_path):
    """The template's "Definiciones" sheet numbers the impacts one a line ("1 = menor … 3 = moderado … 5 = serio
    … 7 = muy serio … 9 = crítico"): five levels, so "Serio" is the third and "Muy Serio" the fourth of the
    office's five, not the fourth and fifth they usually are."""
    legend = ("1 = menor (podría tener un efecto mínimo en el coste)\n3 = moderado (un efecto moderado)\n"
              "5 = serio (podría aumentar costos)\n7 = muy serio (podría matar el proyecto)\n9 = crítico (matará "
              "el proyecto)")
    path = write_xlsx(tmp_path / "Registro de Riesgos.xlsx", {
        "Registro de Riesgos": [["ID Riesgo", "Descripción del Riesgo", "Impacto", "Probabilidad"],
                                ["240826a", "Complejidad en los módulos de IA", "Critico", "Alto"],
                                ["240828a", "Cambios en los requisitos", "Serio", "Medio"],
                                ["240828b", "Retrasos en el cronograma", "Muy Serio", "Medio"]],
        "Definiciones": [["Definiciones"], ["Impacto\n(Riesgo)", legend]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["impact"] for c in ("240826a", "240828a", "240828b")] == [5, 3, 4]


def test_a_templates_example_risk_row_is_no_risk(sqlite_store, tmp_path):
    """A Jira risk-log template's one row "RISKMGMT-1 | Example Risk" (with a reporter and a date): the
    template's worked example, not a risk; a real risk beside it is imported."""
    head = ["Key", "Summary", "Reporter", "Status", "Impact", "Likelihood", "Raised"]
    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"RiskLog": [
        head, ["RISKMGMT-1", "Example Risk", "Horst Seehofer", "Mitigate", "Minor", "Possible", "2022-02-05"]]})
    plan = import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "risks")
    assert any("worked example" in r.reason for r in (row.report for s in plan.sheets for row in s.rows))
    path = write_xlsx(tmp_path / "Risk Log 2.xlsx", {"RiskLog": [
        head, ["RISKMGMT-1", "Example Risk", "Horst Seehofer", "Mitigate", "Minor", "Possible", "2022-02-05"],
        ["RISKMGMT-2", "Vendor delivers late", "Anna Berg", "Open", "Major", "Likely", "2022-03-01"]]})
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"RISKMGMT-2"}


def test_a_treatment_column_of_short_plans_and_new_ratings_are_the_plan_and_the_residual(sqlite_store, tmp_path):
    """"Treatment" over "Fix path & naming convention" (no strategy's name): each risk's plan, an action;
    "New Likelihood" / "New Severity" are the ratings after it, the residual scales."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Sheet1": [
        ["Risk ID", "Description", "Cause", "Consequence", "Likelihood", "Severity", "Treatment",
         "New Likelihood", "New Severity"],
        ["R1", "Loss of communication SolidWorks - CSV", "File renamed", "Automation fails", 3, 2,
         "Fix path & naming convention", 2, 1],
        ["R2", "Git sync fails", "Expired authentication", "Changes not shared", 2, 2,
         "Secure storage of credentials", 1, 2],
        ["R3", "Model file corruption", "Crash during save", "Loss of traceability", 1, 5,
         "Frequent commits to Git", 1, 2]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["R1"]["residual_probability"], got["R1"]["residual_impact"]) == (2, 1)
    actions = {r["description"] for r in rows_of(sqlite_store, "risk_actions")}
    assert actions == {"Fix path & naming convention", "Secure storage of credentials", "Frequent commits to Git"}


def test_a_raid_log_appended_twice_keeps_its_ids(sqlite_store, tmp_path):
    """A RAID log whose rows were appended a second time, cell for cell: each record once, under its own ID
    (the IDs repeat only with their rows, so they are still IDs)."""
    rows = [["raid_id", "type", "title", "owner", "probability", "impact"],
            ["2", "Risk", "Further API gaps found in testing", "Project Manager", "Medium", "High"],
            ["7", "Risk", "Go-live date at risk", "Project Manager", "High", "High"],
            ["9", "Risk", "Privacy sign-off slips again", "Project Manager", "Medium", "High"],
            ["R001", "Risk", "Scanners may not arrive before UAT", "Procurement Lead", "Medium", "High"]]
    path = write_csv(tmp_path / "raid_log.csv", rows + rows[1:4])
    import_all(sqlite_store, path)
    assert set(by_code(sqlite_store, "risks")) == {"2", "7", "9", "R001"}


def test_an_issue_raised_date_column_is_the_raised_date_and_the_details_the_title(sqlite_store, tmp_path):
    """"Issue Raised Date" begins as "Issue raised" (an issue's title) but holds dates: it is the raised date,
    and "Issue Details" names the issues. (Found on held-out set 20, after it was measured.)"""
    path = write_xlsx(tmp_path / "Issue Tracker.xlsx", {"Sheet1": [
        ["Issue ID", "Product", "Issue Raised Date", "Issue Type", "Issue Details", "Issue Severity"],
        [1, "EINV", dt.date(2025, 1, 2), "Issue", "Ack No added with decimal values", "Low"],
        [2, "EINV", dt.date(2025, 1, 3), "Issue", "Date format is incorrect in the sheet", "Medium"],
        [3, "EINV", dt.date(2025, 1, 4), "Query", "Same file name needs a _1 suffix", "Low"],
        [4, "EINV", dt.date(2025, 1, 6), "Bug", "Missing buyer details raise an exception", "High"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "issues")
    assert got["2"]["title"] == "Date format is incorrect in the sheet"
    assert got["2"]["raised_on"] == dt.date(2025, 1, 3)
    assert got["4"]["priority"] == "High"
