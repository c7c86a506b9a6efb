"""Issue 12, classes68a: two miss classes of unseen set 67 as general rules — a register written one record a
column (its field names down a column, read turned, said in the sheet notes), and a form a sheet titled by its own
code (the code read as the ID, the record titled by the sentence that says what it is). Each test writes a workbook
of the shape (never a fetched file) and failed on the code before (main bd415b9c)."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

_BUGS = [["Section", "Field", "Bug 1", "Bug 2", "Bug 3"],
         ["Bug ID", "ID number", 1, 2, 3],
         [None, "Name", "Checkout accepts an empty card number", "Search returns no results for plurals",
          "Logo links to the birds page"],
         [None, "Reporter", "Ann Lee", "Ann Lee", "Bo Chan"],
         ["Bug details", "Steps to reproduce", "1. Open the cart; 2. Pay with no card", "1. Search 'dogs'",
          "1. Click the logo"],
         [None, "Expected result", "The card is asked for", "Dogs are listed", "The home page opens"],
         [None, "Actual result", "The order is placed", "Nothing is listed", "The birds page opens"],
         [None, "Description", "A registered user can place an order by clicking Confirm with the card number "
          "left empty; the order is stored and shipped.", "Searching for a plural word (dogs, birds) lists no "
          "product although the singular lists several.", "Clicking the logo in the top left corner opens the "
          "birds page instead of the home page of the shop."],
         ["Bug tracking", "Severity", "Critical", "High", "Low"],
         [None, "Assigned to", "dev team", "dev team", "web team"],
         [None, "Priority", "High", "Medium", "Low"]]


def test_a_bug_report_written_one_bug_a_column_is_read_turned(sqlite_store, tmp_path):
    """A tester's bugs, one a column: field names down column B, sections in A. No row names the register's
    columns, so the file was refused whole; its column of field names is the header, read turned by the same
    header detection, and the sheet notes (the preview's) say so."""
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Bug Report.xlsx", {"Sheet1": _BUGS}))
    issues = {r["title"]: r for r in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"Checkout accepts an empty card number", "Search returns no results for plurals",
                           "Logo links to the birds page"}
    assert issues["Search returns no results for plurals"]["priority"] == "Medium"
    assert "Actual result: The order is placed" in issues["Checkout accepts an empty card number"]["description"]
    (sheet,) = plan.sheets
    assert "Read one record a column: the field names are in column B" in sheet.note


def test_a_risk_register_written_one_risk_a_column_in_french(sqlite_store, tmp_path):
    """The same rule for any register and words file: a French risk register, its field names down column A."""
    rows = [["Identifiant", "R1", "R2", "R3"],
            ["Risque", "Retard du fournisseur de serveurs", "Départ du chef de projet", "Budget dépassé au T3"],
            ["Responsable", "Marie Dupont", "Jean Martin", "Marie Dupont"],
            ["Probabilité", "Élevée", "Faible", "Moyenne"],
            ["Impact", "Élevé", "Élevé", "Moyen"],
            ["Statut", "Ouvert", "Ouvert", "Clos"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "registre.xlsx", {"Feuil1": rows}))
    risks = by_code(sqlite_store, "risks")
    assert set(risks) == {"R1", "R2", "R3"}
    assert risks["R2"]["title"] == "Départ du chef de projet"
    assert (risks["R1"]["probability"], risks["R2"]["probability"], risks["R3"]["status"]) == (4, 2, "Closed")
    (sheet,) = plan.sheets
    assert "the field names are in column A" in sheet.note


def test_a_design_sheet_of_lists_side_by_side_is_not_read_turned(sqlite_store, tmp_path):
    """The rule's guard (it failed on the rule's first commit, b06407a0): a design sheet whose column B happens to
    read "ID | Name | Description | Type", beside lists of words one a column and notes on rows no name is on, is
    no register written one record a column — most of its cells stand on rows with no field name."""
    rows = [["Purpose", "Project", "Goals", "Tasks", "Kind of project", "Objective"],
            ["How work gets done", "ID", None, "Group by", "To do", "Problem", "Increment"],
            [None, "Name", None, "Deliver by", "Agile project", None, "Sprint"],
            [None, "Description", None, None, "Waterfall"],
            [None, "Type", None, None, "Hybrid"],
            [None, None, None, None, "Factory"],
            [None, None, None, None, None, "Opportunity"],
            [None, None, None, None, None, "Business driver"],
            [None, None, None, None, None, "Do I care what this is called?"],
            [None, None, None, None, None, "Does each kind need its own steps?"],
            [None, None, None, None, None, None, "When is the way of working chosen?"],
            [None, None, None, None, None, None, "… in the backlog, or when a task is picked?"]]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "Planner.xlsx", {"Design": rows}))
    assert rows_of(sqlite_store, "stakeholders") == [] and rows_of(sqlite_store, "issues") == []


def test_a_matrix_of_people_rated_on_skills_is_not_read_turned(sqlite_store, tmp_path):
    """The rule's second guard (it failed on 8df71cda): skills across, people named by a letter down the first
    column. Turned, "F" and "G" read as a probability and an impact in a words file; a letter alone names a row of a
    matrix, not a field, so the sheet is not a register written one record a column."""
    rows = [["Name", "Listening", "Planning", "Team work", "Curiosity", "Drive", "Honesty"],
            *[[who, *[(i + k) % 5 + 1 for k in range(6)]] for i, who in enumerate("ABCDEFGHF")]]
    with pytest.raises(WorkbookError):
        import_all(sqlite_store, write_xlsx(tmp_path / "skills.xlsx", {"skills": rows}))
    assert rows_of(sqlite_store, "risks") == []


def _form(code: str, defect: str, description: str) -> list[list[str]]:
    return [["BUG REPORT"], [], ["Title", code], ["Priority", "High"], ["Defect", defect],
            ["Operating system", "Windows 10"], ["Description", description],
            ["Steps", "1. Open the site 2. Click the logo"]]


def test_a_form_titled_by_its_own_code_is_titled_by_its_defect(sqlite_store, tmp_path):
    """One bug a sheet, each sheet named by the bug's code and the code written again under "Title": every record
    was titled "BUG-01"… and numbered afresh. The code is the ID; the defect's sentence titles the record."""
    path = write_xlsx(tmp_path / "bugs.xlsx", {
        "BUG-01": _form("BUG-01", "Clicking the logo does not open the home page", "The logo in the header is dead."),
        "BUG-02": _form("BUG-02", "The login button does nothing on the first click", "Login needs two clicks.")})
    plan = import_all(sqlite_store, path)
    issues = by_code(sqlite_store, "issues")
    assert set(issues) == {"BUG-01", "BUG-02"}
    assert issues["BUG-01"]["title"] == "Clicking the logo does not open the home page"
    assert issues["BUG-02"]["description"].startswith("Login needs two clicks.")
    assert all("holds the form's code" in s.note for s in plan.sheets)


def test_a_form_whose_code_is_its_sheets_name_is_titled_by_its_description(sqlite_store, tmp_path):
    """With no label naming the record, the description titles it and stays its description (Spanish labels)."""
    def form(code: str, description: str) -> list[list[str]]:
        return [["Título", code], ["Prioridad", "Alta"], ["Sistema operativo", "Windows 10"],
                ["Descripción", description], ["Pasos", "1. Entrar 2. Pagar"]]
    path = write_xlsx(tmp_path / "reporte.xlsx", {
        "CP-7": form("CP-7", "El pago se acepta sin número de tarjeta"),
        "CP-8": form("CP-8", "La búsqueda no devuelve resultados en plural")})
    import_all(sqlite_store, path)
    issues = by_code(sqlite_store, "issues")
    assert set(issues) == {"CP-7", "CP-8"}
    assert issues["CP-7"]["title"] == "El pago se acepta sin número de tarjeta"
    assert issues["CP-7"]["description"].startswith("El pago se acepta sin número de tarjeta")


def test_a_spanish_bug_form_with_expected_and_actual_results_stays_an_issue(sqlite_store, tmp_path):
    """One bug a sheet whose labels name an expected and an actual result: a tester's defect report. Its
    "Severidad" (a risk's impact word) and "Resultado esperado" ("Resultado" a risk's effect) had tied the risk
    register's reading with the issue log's, and each bug became a risk titled by its actual result (fix53a)."""
    def form(code: str, defect: str) -> list[list[str]]:
        return [["REPORTE DE BUGS"], [], ["Título", code], ["Prioridad", "Alta"], ["Tipo de defecto", defect],
                ["Severidad", "Alta"], ["Descripción", "Al hacer click sobre la imagen no pasa nada."],
                ["Pasos", "1. Entrar 2. Hacer click en la imagen"],
                ["Resultado esperado", "Se abre la página de registro"], ["Resultado actual", "No pasa nada"]]
    path = write_xlsx(tmp_path / "reporte.xlsx", {
        "CP-2": form("CP-2", "La imagen del encabezado no redirecciona"),
        "CP-3": form("CP-3", "El botón de ingreso no responde al primer click")})
    import_all(sqlite_store, path)
    assert not rows_of(sqlite_store, "risks")
    issues = by_code(sqlite_store, "issues")
    assert set(issues) == {"CP-2", "CP-3"}
    assert issues["CP-2"]["title"] == "La imagen del encabezado no redirecciona"
    assert issues["CP-2"]["priority"] == "High"
    assert "Resultado actual: No pasa nada" in issues["CP-2"]["description"]
