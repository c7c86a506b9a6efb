"""Classes of problem found on round 21 of real public registers (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_rank_the_office_cannot_work_out_again_is_kept_in_the_notes(sqlite_store, tmp_path):
    """"Rank" (low / moderate / high) beside a probability and an "Impact" written as text: no impact level, so
    the office cannot rate the risk itself and the sheet's own rating must not be dropped as "calculated"."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Sheet1": [
        ["No.", "Rank", "Risk", "Risk Owner", "Probability", "Impact", "Status"],
        [1, "moderate", "Insufficient QA time", "project manager", 0.45, "no configuration testing", "potential"],
        [2, "high", "Backup needs a third-party tool", "team manager", 0.2, "data loss not restored", "monitoring"],
        [3, "low", "Late feedback on the layout", "project manager", 0.1, "no acceptance", "potential"]]})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert "Rank: moderate" in got["Insufficient QA time"]["notes"]
    assert "Rank: high" in got["Backup needs a third-party tool"]["notes"]
    # with a probability and an impact the office rates the risk itself: a "Risk Score" stays out of the notes
    path = write_xlsx(tmp_path / "Risk Log.xlsx", {"Sheet1": [
        ["ID", "Risk", "Probability", "Impact", "Risk Score"],
        ["R1", "Supplier late", 3, 4, 12], ["R2", "Key person leaves", 2, 5, 10], ["R3", "Scope creep", 4, 3, 12]]})
    import_all(sqlite_store, path)
    assert "Risk Score" not in (by_code(sqlite_store, "risks")["R1"]["notes"] or "")


def test_an_owner_wrapped_onto_two_lines_of_its_cell_is_the_same_person(sqlite_store, tmp_path):
    """"Marketing⏎Team" in one row and "Marketing Team" in the next name one team, not two people."""
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Sheet1": [
        ["No", "Risk", "Risk Owner", "Probability", "Impact"],
        [1, "Competitor loses market share", "Marketing\nTeam", 4, 3],
        [2, "Positive reviews", "Marketing Team", 4, 4],
        [3, "Supplier disruption", "Operations Team", 3, 4],
        [4, "Late delivery", "Paul &\nChris", 2, 4],
        [5, "Rework of the design", "Programadores\nJefe de Proyecto", 2, 3]]})  # two people, one a line
    import_all(sqlite_store, path)
    owners = {r["owner"] for r in rows_of(sqlite_store, "risks")}
    assert owners == {"Marketing Team", "Operations Team", "Paul & Chris", "Programadores\nJefe de Proyecto"}


def test_a_templates_worked_example_beside_its_instructions_imports_nothing(sqlite_store, tmp_path):
    """A template handed out as "Instructions" and "Example" (a filled sample register) holds no records of the
    office: the sample people are refused with a message saying so, and nothing is added."""
    path = write_xlsx(tmp_path / "Stakeholder_Register.xlsx", {
        "Instructions": [["1. Stakeholder"], ["List the name, position or group of the stakeholder."], ["Example:"],
                         ["Jennie Rogers (Program Manager)"]],
        "Example": [["Stakeholder Register\nProject: E-Commerce Platform"],
                    ["#", "Stakeholder", "Role", "Attitude", "Level of Impact", "Level of Influence"],
                    [1, "Fred Martin", "Executive Sponsor", "Supportive", "High", "High"],
                    [2, "Sonya Plummer", "Project Manager", "Supportive", "High", "High"],
                    [3, "Peggy Francis", "IT Director", "Neutral", "Medium", "High"]]})
    with pytest.raises(WorkbookError, match="worked example"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []
    # a sheet named "Example" with no guide beside it may be the user's own list: it is imported as before
    path = write_xlsx(tmp_path / "stakeholders.xlsx", {"Example": [
        ["Stakeholder", "Role", "Attitude"], ["Fred Martin", "Sponsor", "Supportive"],
        ["Sonya Plummer", "Project Manager", "Supportive"], ["Peggy Francis", "IT Director", "Neutral"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "stakeholders")) == {"Fred Martin", "Sonya Plummer", "Peggy Francis"}


def test_the_registers_noun_over_codes_beside_a_name_column_is_the_id(sqlite_store, tmp_path):
    """"Risco" over R1, R2 … beside "Nome": the codes are the risks' own IDs and "Nome" their titles (before,
    the titles were "R1", "R2" and the names sat in the notes); "Prevenção" and "Tratamento" are plans."""
    path = write_xlsx(tmp_path / "Riscos.xlsx", {"Planilha1": [
        ["Análise de Riscos"],
        ["Risco", "Nome", "Probabilidade", "Impacto", "Prevenção", "Tratamento"],
        ["R1", "Mudanças de Requisitos", "Média", "Muito Alto", "Não aceitar grandes mudanças", "Aplicar mudanças"],
        ["R2", "Vazamento de senhas", "Média", "Muito Alto", "Implementar criptografia", "Verificar a criptografia"],
        ["R3", "Design desagradável", "Alta", "Alto", "Seguir padrões de design", "Realizar quizes"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert set(got) == {"R1", "R2", "R3"}
    assert got["R2"]["title"] == "Vazamento de senhas"
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert "Implementar criptografia" in actions
    # a treatment this short is kept, labelled, rather than taken for the response strategy
    assert "Verificar a criptografia" in actions or "Tratamento: Verificar a criptografia" in got["R2"]["notes"]


def test_group_labels_in_a_column_without_header_are_the_rows_category(sqlite_store, tmp_path):
    """"Design Risks" beside the first of five risks and "Product Risks" beside the sixth, in a column with no
    header at the table's left: each risk takes its block's label as its category."""
    path = write_xlsx(tmp_path / "Risk Matrix.xlsx", {"Sheet1": [
        [None, "Unmitigated Risk", None, None, None, None, "Actions"],
        [None, "ID", "Risk Description", "Likelihood", "Impact", "Owner", "Mitigation Actions"],
        ["Design Risks", 1, "Tasks miss their deadlines", "Possible", "Moderate", "Team", "Gantt chart reviews"],
        [None, 2, "Team member overload", "Possible", "Significant", "Team", "Two people per task"],
        [None, 3, "Miscommunications", "Unlikely", "Moderate", "Team", "Weekly mentor sessions"],
        ["Product Risks", 4, "Model inaccuracies", "Likely", "Significant", "D1", "Read the datasheets"],
        [None, 5, "Electrical failure", "Likely", "Severe", "D4", "Protect high current circuits"],
        [None, 6, "Translation failure", "Unlikely", "Significant", "D2", "Test a large sample"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert {c: got[c]["category"] for c in ("1", "3", "4", "6")} == {
        "1": "Design", "3": "Design", "4": "Product", "6": "Product"}  # the register's noun dropped (cat24)


def test_a_level_or_strategy_given_with_its_reason_keeps_the_reason(sqlite_store, tmp_path):
    """"Low, as everyone has the same vision" is the level Low and its reason, kept in the notes; "Mitigate,
    research the training courses …" the strategy and its plan, an action (before, both reasons were lost)."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Statement", "Probability", "Impact", "Risk Response"],
        [1, "If stakeholders disagree at kickoff, then more meetings are needed",
         "Low, as everyone has the same vision going into the project",
         "Moderate, as this would cause a moderate schedule delay", "Accept"],
        [2, "If the training course is late, then staff are not trained on time", "Low",
         "Low as scope and cost would only be affected slightly", "Mitigate, research and book the training course early"],
        [3, "If the supplier is not available, then the project is delayed", "Medium", "High",
         "Avoid, agree the dates with the supplier now"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert (got["1"]["probability"], got["1"]["impact"]) == (2, 3)
    assert "Low, as everyone has the same vision going into the project" in got["1"]["notes"]
    assert "Low as scope and cost would only be affected slightly" in got["2"]["notes"]
    assert (got["2"]["response"], got["3"]["response"]) == ("Reduce", "Avoid")
    actions = {a["description"] for a in rows_of(sqlite_store, "risk_actions")}
    assert {"research and book the training course early", "agree the dates with the supplier now"} <= actions


def test_a_ten_point_impact_above_numbered_unfilled_rows_and_its_rating_after_the_measures(sqlite_store, tmp_path):
    """A risk assessment template: impacts 5–10 (a 1–10 scale) over fifteen numbered rows left unfilled, whose
    formulas show 0. Those zeros say nothing of the scale: the impact is read on ten points (before, it was left
    in the notes as no impact at all), and the impact after the mitigation on the same ten points (5 is 3 of
    five, not 5)."""
    head = [["Risk Assessment Template"], [], ["Organisation: Citrenz Group"], [],
            [None, None, None, "Pre-Mitigation Risk", None, None, None, "Post-Mitigation Risk"],
            [None, "Risk Statement", None, "(Scale)", "(Scale)", None, None, "(Scale)", "(Scale)"],
            ["#", "Condition", "Consequence", "Probability", "Impact", "Exposure", "Mitigation", "Probability",
             "Impact", "Exposure", "Contingency", "Triggers"]]
    rows = [[1, "Sickness", "Miss client meetings", 0.35, 8, 2.8, "Sleep well", 0.25, 5, 1.25, "Work from home", "Stress"],
            [2, "Scope creep", "Miss deadlines", 0.15, 5, 0.75, "Talk to the client", 0.05, 2, 0.1, "Must haves first",
             "New features"],
            [3, "Poor time management", "Rushed work", 0.5, 7, 3.5, "Keep a timeline", 0.25, 5, 1.25, "Ask for time",
             "Procrastination"],
            [4, "Data loss", "Lost progress", 0.1, 10, 1.0, "Back ups", 0.05, 5, 0.25, "Restore", "Disk failure"]]
    unfilled = [[n, None, None, 0, 0, 0, None, 0, 0, 0] for n in range(5, 20)]
    path = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Risks": head + rows + unfilled})
    import_all(sqlite_store, path)
    got = named(sqlite_store, "risks")
    assert len(got) == 4
    assert (got["Sickness"]["impact"], got["Data loss"]["impact"], got["Scope creep"]["impact"]) == (4, 5, 3)
    assert (got["Sickness"]["residual_impact"], got["Scope creep"]["residual_impact"]) == (3, 1)


def test_an_owner_written_as_a_sentence_is_the_person_it_opens_with(sqlite_store, tmp_path):
    """"Oleksandra Zaiats, Project Coordinator. This would impact …" names Oleksandra Zaiats; why she was chosen
    stays in the notes (before, a person was made whose name was the whole sentence)."""
    why = "As this could have a direct impact on the schedule the manager should respond to this risk."
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risk Register": [
        ["Risk ID", "Risk Statement", "Risk Owner", "Probability", "Impact"],
        [1, "If the supplier is late, the project slips", f"Christopher Moody, Project Manager. {why}", "Low", "High"],
        [2, "If the vehicle breaks down, deliveries are late",
         "Oleksandra Zaiats, Project Coordinator. This would impact the deliveries she is in charge of.", "Low", "Low"],
        [3, "If decisions are not accepted, stakeholders disagree",
         "Project Manager as this can impact the scope and timeline of the project.", "Moderate", "Moderate"],
        [4, "If the plates run short, food is wasted", "Christopher Moody", "Low", "Low"],
        [5, "If customer data leaks, the company is fined", "CEO - acts as DPO data protection officer", "Low",
         "High"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert [got[c]["owner"] for c in "1234"] == ["Christopher Moody", "Oleksandra Zaiats", "Project Manager",
                                                  "Christopher Moody"]
    assert why in got["1"]["notes"]
    assert got["5"]["owner"] == "CEO - acts as DPO data protection officer"  # no name before a stop: kept whole


def test_codes_of_a_key_under_the_table_join_no_list(sqlite_store, tmp_path):
    """A key under the register ("Categories Key", "FF4 | Human Resources Internal", "D | Delay") in the category
    column: its codes are no categories of the office (before, "Categories Key", "D", "E" … joined the list)."""
    path = write_xlsx(tmp_path / "Risk register.xlsx", {"Sheet1": [
        ["No.", "Risk", "Description", "Category", "Root Cause", "Risk Owner", "Probability", "Impact"],
        ["Int1.1", "E prjt team", "Early formation of the team", "FF4", "We know the members", "PM Unit", "high", "low"],
        ["Int1.2", "D prjt team", "Delayed formation of the team", "FF4", "We know the members", "PM Unit", "low",
         "medium"],
        ["Dvp1.1", "F software", "Integration challenges", "Tech", "Third-party services", "D Unit", "low", "medium"],
        ["PR1.1", "I PR", "Cost of PR materials rises", "Xmen", "Prices change", "PR Unit", "low", "medium"],
        [],
        [None, None, None, "Risk Abbreviations Key"],
        [None, None, None, "D", "Delay"], [None, None, None, "E", "Early"], [None, None, None, "F", "Failure"],
        [None, None, None, "Categories Key"],
        [None, None, None, "FF4", "Human Resources Internal"], [None, None, None, "Xmen", "Human Resources External"]]})
    plan = import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "risks")) == 4
    added = plan.new_choices.get("risks.category", set())
    assert not added & {"Risk Abbreviations Key", "Categories Key", "D", "E", "F"}


def test_a_mitigation_list_under_the_table_keyed_by_the_risks_names_gives_their_plans(sqlite_store, tmp_path):
    """Under an RPN table, "2. Provide a risk mitigation strategy for each risk" over rows naming the risks
    (in another order) with their strategies: each strategy is its risk's response action (before, they were
    skipped as notes under the table)."""
    path = write_xlsx(tmp_path / "Risk Analysis.xlsx", {"Sheet1": [
        ["Project Risk Analysis"],
        ["Risk Number", "Status", "Risk Name", "Likelihood of Occurrence (1-5)", "Impact (1-5)", "Risk Owner"],
        [1, "Closed", "Scope creep", 3, 4, "Project manager"],
        [2, "Open", "Budget constraints", 2, 3, "Project sponsor"],
        [3, "Open", "Data loss", 1, 2, "Team manager"],
        [4, "Open", "Market risk", 3, 4, "Project manager"],
        [],
        ["1. Prioritize your risks according to their RPN"],
        ["Scope creep"], ["Market risk"], ["Budget constraints"],
        [],
        ["2. Provide a risk mitigation strategy for each risk"],
        ["Data loss", None, None, "Keep two backups and test a restore every month"],
        ["Scope creep,", None, None, "The manager checks the scope with the sponsor every week"],
        ["Budget constraints", None, None, "The sponsor confirms the budget before each phase"]]})
    import_all(sqlite_store, path)
    got = by_code(sqlite_store, "risks")
    assert len(got) == 4
    plans = {(a["description"]) for a in rows_of(sqlite_store, "risk_actions")}
    assert plans == {"Keep two backups and test a restore every month",
                     "The manager checks the scope with the sponsor every week",
                     "The sponsor confirms the budget before each phase"}
