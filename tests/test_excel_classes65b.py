"""Issue 12, classes65b: unseen set 64's left miss classes as general rules — a header naming the register's
list ("Daftar Risiko", "Risk list") over short names is the title; ratings on 1–3 named by a legend beside the
table; a stakeholder list headed by the register's noun alone; a matrix's axis beside the table is no record's
rating; "improvement" in a tester's bug report is a finding; a design notebook's questions are no issues. Each
test writes a workbook of the shape (never a fetched file) and failed on the code before (main e9b1c4cd)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError


def test_a_header_naming_the_registers_list_over_short_names_is_the_title(sqlite_store, tmp_path):
    """"Daftar Risiko" (Indonesian: the list of risks) heads short names, "Justifikasi" (the reason) longer text
    beside: the reason was taken for the title and the risk's name kept in the notes. The list's header names the
    title, the text beside is kept in the notes; under "IMPACT" merged over one column per service area, each
    labelled on the line under it, the risk's impact stays its worst area's (the two lines are one header)."""
    rows = [["Daftar Risiko", "Risk ID", "Justifikasi", "IMPACT", None, None, "EFFORT", None],
            [None, None, None, "Availability", "Performance", "Security", "Time", "Cost"],
            ["Server Down", "R01", "Server down menyebabkan layanan tidak dapat digunakan", 5, 4, 5, 1, 2],
            ["Data Hilang", "R02", "Data hilang menyebabkan keresahan pengguna", 3, 2, 5, 2, 2],
            ["System Lag", "R03", "Sistem berjalan lamban karena kapasitas server penuh", 2, 4, 1, 1, 3]]
    merges = {"Risk": ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:H1"]}
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risk": rows}, merges))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == ["Data Hilang", "Server Down", "System Lag"]
    assert {t: r["impact"] for t, r in risks.items()} == {"Server Down": 5, "Data Hilang": 5, "System Lag": 4}
    assert "Justifikasi: Data hilang menyebabkan keresahan pengguna" in risks["Data Hilang"]["notes"]


def test_a_risk_list_header_in_english_names_the_title(sqlite_store, tmp_path):
    """"Risk list" over short names beside a longer "Reason" column and two ratings, in a workbook named for no
    register: no column was taken for the title and the sheet was refused. The list's header names the title."""
    rows = [["Risk list", "Reason", "Probability", "Impact"],
            ["Key supplier fails", "The only supplier of the boards has had two late deliveries this year", 3, 4],
            ["Staff turnover", "Two of the five developers have said they may leave after the release", 2, 3],
            ["Scope creep", "The sponsor keeps adding reports to the first release", 4, 2]]
    import_all(sqlite_store, write_xlsx(tmp_path / "team.xlsx", {"Sheet1": rows}))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "risks")) == [
        "Key supplier fails", "Scope creep", "Staff turnover"]
    # the list's name merged over the sheet, a blank line under it, is its caption, not the first column's header
    # over the long list of categories under it (the risks' own table further down, past the first rows read)
    captioned = [["Lista de Riscos", None, None, None], [None, None, None, None],
                 [None, None, None, "Categorias"],
                 *([None, None, None, f"Categoria {n}"] for n in range(1, 46)), [None, None, None, None],
                 ["ID", "Descrição do Risco", "Probabilidade", "Impacto"],
                 ["R9", "Atraso na entrega do fornecedor", 3, 4], ["R10", "Saída de um analista", 2, 3]]
    import_all(sqlite_store, write_xlsx(tmp_path / "riscos.xlsx", {"Riscos": captioned}, {"Riscos": ["A1:D2"]}))
    coded = {r["code"]: r["title"] for r in rows_of(sqlite_store, "risks")}
    assert coded["R9"] == "Atraso na entrega do fornecedor" and coded["R10"] == "Saída de um analista"


def test_ratings_on_one_to_three_named_by_a_matrix_beside_the_table(sqlite_store, tmp_path):
    """A student team's risks rated 1–3, a 3×3 matrix beside the table past an empty column: its side "Alto (3) |
    Médio (2) | Baixo (1)" down a column, its foot "Pouco Provável (1) | Provável (2) | Muito Provável (3)". The
    ratings were read raw on 1–5 (3, high, the office's medium); the matrix's numbered words name a 1–3 scale,
    read 2, 3, 4 as a legend under the table is. The response word ("Eliminar", "Mitigar") is the response and
    "Solução" the plan (both were kept in the notes)."""
    rows = [["ID", "Risco", "Probabilidade", "Impacto", "Fator de Risco", "Ação", "Solução"],
            [1, "Perder um integrante da equipe", 1, 3, 3, "Mitigar", "Distribuir as tarefas", None,
             "Alto (3)", 3, 6, 9],
            [2, "Falha no sensor", 2, 3, 6, "Eliminar", "Ter um sensor reserva", None, "Médio (2)", 2, 4, 6],
            [3, "Mudança de requisitos", 2, 1, 2, "Aceitar", "Se adaptar ao novo escopo", None, "Baixo (1)", 1, 2, 3],
            [4, "Atraso do fornecedor", 3, 2, 6, "Transferir", "Contrato com multa", None, None,
             "Pouco Provável (1)", "Provável (2)", "Muito Provável (3)"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "planilha.xlsx", {"Planilha1": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert {t: (r["probability"], r["impact"]) for t, r in risks.items()} == {
        "Perder um integrante da equipe": (2, 4), "Falha no sensor": (3, 4), "Mudança de requisitos": (3, 2),
        "Atraso do fornecedor": (4, 3)}
    assert {t: r["response"] for t, r in risks.items()} == {
        "Perder um integrante da equipe": "Reduce", "Falha no sensor": "Avoid", "Mudança de requisitos": "Accept",
        "Atraso do fornecedor": "Transfer"}
    plans = sorted(r["description"] for r in rows_of(sqlite_store, "risk_actions"))
    assert "Ter um sensor reserva" in plans


def test_a_stakeholder_list_headed_by_its_noun_with_responsibilities_beside(sqlite_store, tmp_path):
    """"Stakeholder | Responsibilities | Activities" over a hospital's groups, a template's hint row under the
    header: the sheet was refused. The noun over the names with their responsibilities beside is a stakeholder
    list; the hint row, each cell restating its column's header, is no stakeholder."""
    rows = [["Stakeholder", "Responsibilities", "Activities"],
            ["List Stakeholder Name", "Summary of role & responsibilities", "Point form notation of activities"],
            ["Admitting clerks", "Verify the patient's identity and collect the reason for the visit",
             "Check identification and insurance"],
            ["Triage nurses", "Assess vital signs and prioritise patients by urgency", "Take vital signs"],
            ["Surgeons", "Review test results and decide on surgery", "Pre-operative consultations"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Stakeholder List.xlsx", {"Sheet1": rows}))
    people = {r["name"]: r for r in rows_of(sqlite_store, "stakeholders")}
    assert sorted(people) == ["Admitting clerks", "Surgeons", "Triage nurses"]
    assert people["Surgeons"]["role"] == "Review test results and decide on surgery"


def test_a_risk_rated_by_the_matrix_cell_its_code_names(sqlite_store, tmp_path):
    """A 5×4 likelihood–impact matrix left of a risk list, past an empty column: its columns headed by impact
    levels ("Negligible" … "Catastrophic"), its side the likelihood bands ("75% - 100%" …) under "Impact", its cells
    labelled A1 … E4; each risk's "Risk Code" is the cell it falls in. The bands were read as the first four risks'
    impact and no risk got its cell's rating. The block headed by an axis of level words is the matrix's, none of
    its cells a risk's; each risk is rated by its cell: the column's place on the axis, the row's band."""
    rows = [[None, "Impact"],
            ["Likelihood", None, "Negligible", "Acceptable", "Major", "Problematic", "Catastrophic", None,
             "Risks", "Description", "Response", "Risk Code"],
            [None, "75% - 100%", "A1", "B1", "C1", "D1", "E1", None, "Power cut", "No power for the computer",
             "Keep a laptop charged", "D4"],
            [None, "50% - 74%", "A2", "B2", "C2", "D2", "E2", None, "Internet down", "No network", "Use a hotspot",
             "C4"],
            [None, "25% - 49%", "A3", "B3", "C3", "D3", "E3", None, "Hardware failure", "A disk fails",
             "Keep backups", "E1"],
            [None, "0% - 24%", "A4", "B4", "C4", "D4", "E4", None, "Scope underestimated", "Work takes longer",
             "Plan research time", "B2"],
            [None, None, None, None, None, None, None, None, "Strain injuries", "Long hours at the desk",
             "Take breaks", "D3"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": rows}))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert {t: (r["probability"], r["impact"]) for t, r in risks.items()} == {
        "Power cut": (1, 4), "Internet down": (1, 3), "Hardware failure": (5, 5), "Scope underestimated": (4, 2),
        "Strain injuries": (2, 4)}
    assert not any("A1" in (r["notes"] or "") for r in risks.values())


def test_a_matrix_left_of_the_risk_list_is_no_risks_rating(sqlite_store, tmp_path):
    """The same matrix beside risks coded R1, R2 …, no cell of it: its side's bands were the first risks' impact
    and its cells' labels their notes. None of the matrix is a risk's; the risks stay unrated."""
    rows = [[None, "Impact"],
            ["Likelihood", None, "Negligible", "Acceptable", "Major", "Problematic", "Catastrophic", None,
             "Risks", "Description", "Response", "Risk Code"],
            [None, "75% - 100%", "A1", "B1", "C1", "D1", "E1", None, "Power cut", "No power", "Charge", "R1"],
            [None, "50% - 74%", "A2", "B2", "C2", "D2", "E2", None, "Internet down", "No network", "Hotspot", "R2"],
            [None, "25% - 49%", "A3", "B3", "C3", "D3", "E3", None, "Hardware failure", "A disk fails", "Backups",
             "R3"],
            [None, "0% - 24%", "A4", "B4", "C4", "D4", "E4", None, "Scope creep", "More work", "Plan", "R4"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": rows}))
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 4 and all(r["impact"] is None and r["probability"] is None for r in risks)
    assert not any("75% - 100%" in (r["notes"] or "") or "A1" in (r["notes"] or "") for r in risks)


def test_an_improvement_in_a_testers_bug_report_is_a_finding(sqlite_store, tmp_path):
    """A tester's bug report (steps to reproduce, actual and expected results) types its rows "bug" or
    "improvement" under Issue Type: the improvements were skipped as a tracker's backlog work. In a report of
    what a tester found, an improvement is a finding, imported as an issue like the bugs."""
    rows = [["Issue Id", "Issue Title", "Steps to Reproduce", "Issue Type", "Priority", "Actual Result",
             "Expected Result"],
            [1, "Phone field takes 14 digits", "Open the contact page, type 14 digits", "bug", "Medium",
             "The 14 digits are saved", "At most 11 digits are accepted"],
            [2, "Experience field optional", "Add an employee without experience", "improvement", "High",
             "The employee is saved", "The field is mandatory"],
            [3, "No hint on the date format", "Open the leave form", "improvement", "Low",
             "No hint is shown", "The format is shown beside the field"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Sheet1": rows}))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "issues")) == [
        "Experience field optional", "No hint on the date format", "Phone field takes 14 digits"]


def test_a_design_notebooks_lists_are_no_issues_but_short_problems_are(sqlite_store, tmp_path):
    """A task tool's design notebook: under "ID" the fields a project will have, under "Problem" the questions
    still open, each list on rows of its own. They were read as issues titled by the notes. Columns never filled
    on one row, half their cells questions or field names, are a notebook's lists: no issue. An issue list of
    short problems, some asked as questions, with an ID beside each, stays an issue list."""
    notebook = [["Purpose", "Project", "Tasks", "Objective", "Group by"],
                ["How do we get things done", "ID", "ToDo", "Problem", "Big rock"],
                [None, "Name", "Agile project", None, "Epic"],
                [None, "Description", "Waterfall", None, None],
                [None, "Type", "Hybrid", None, None],
                [None, None, None, "Opportunity", None],
                [None, None, None, "Do I care what this is called?", None],
                [None, None, None, "Does each type need its own steps?", None]]
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Task List.xlsx", {"Projects": notebook}))
    assert rows_of(sqlite_store, "issues") == []
    issues = [["ID", "Problem"],
              ["P1", "Build breaks on Mondays"],
              ["P2", "Who approves the budget?"],
              ["P3", "Test server out of disk"],
              ["P4", "Why is the login slow?"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issues.xlsx", {"Issues": issues}))
    assert len(rows_of(sqlite_store, "issues")) == 4
