"""Issue 12, fault74: faults injected into the rules stop 60 added — ordinary registers that look like their shapes,
and near variants they should take. Each test writes a workbook of the shape (never a fetched file), imports it
through the real code and failed on main 801e7af2 unless its docstring says it guards a reading that must not
change."""

from __future__ import annotations

import pytest
from imported import by_code, import_all, named, rows_of
from real_world_factory import write_xlsx

_FORM_TOP: list[list[object]] = [["Field", "Details"], ["Bug ID", "BUG-001"], ["Title", "Login button does nothing"],
                                 ["Severity", "High"], ["Status", "Open"], ["Reported by", "Ann Lee"]]


def test_a_bug_forms_value_that_reads_as_a_label_is_kept(sqlite_store, tmp_path):
    """A lone bug form whose expected result is "Logged in" ("logged" heads a raised-on date): the value was taken
    for a label with no value beside it and the pair dropped without a word. The last cell of a row after a label
    no field reads is that label's value."""
    rows = [*_FORM_TOP, ["Steps", "1. Open the page 2. Click Login"], ["Expected result", "Logged in"],
            ["Actual result", "Nothing happens"], ["Environment", "Chrome 120"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bug report.xlsx", {"Sheet1": rows}))
    (got,) = rows_of(sqlite_store, "issues")
    assert got["code"] == "BUG-001" and got["title"] == "Login button does nothing"
    assert "Expected result: Logged in" in got["description"]
    assert "Environment: Chrome 120" in got["description"]


def test_a_german_bug_form_keeps_its_id(sqlite_store, tmp_path):
    """"Fehler-ID | BUG-001": no German word of an issue's ID, and "BUG-001" (its letters naming the register) read
    as a label — the ID lost without a word and the issue numbered I-001. "Fehler-ID", "Fehler-Nr.",
    "Fehlernummer" are the issue's ID."""
    rows = [["Feld", "Angaben"], ["Fehler-ID", "BUG-001"], ["Titel", "Anmeldeknopf reagiert nicht"],
            ["Schweregrad", "Hoch"], ["Status", "Offen"], ["Gemeldet von", "Anna Lehmann"],
            ["Schritte", "1. Seite öffnen 2. Anmelden klicken"], ["Erwartetes Ergebnis", "Anmeldung"],
            ["Tatsächliches Ergebnis", "Nichts passiert"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "fehlerbericht.xlsx", {"Tabelle1": rows}))
    (got,) = rows_of(sqlite_store, "issues")
    assert (got["code"], got["title"], got["priority"]) == ("BUG-001", "Anmeldeknopf reagiert nicht", "High")


def test_a_coded_risk_whose_description_is_empty_keeps_its_code_as_title(sqlite_store, tmp_path):
    """"No. | Risk | Description" with "Risk" R1 … R4 (classes90's codes as titles) and two descriptions not yet
    written: the two rows were refused "Title cannot be empty" — on main before that rule they were risks titled
    "R2", "R4". A row whose description is empty is titled by its code, said once."""
    rows = [["No.", "Risk", "Description", "Owner", "Status"],
            [1, "R1", "Vendor delivers the interface late", "Ann Lee", "Open"],
            [2, "R2", None, "Bob Ray", "Open"],
            [3, "R3", "Budget is cut in the third quarter", "Cy Dee", "Open"],
            [4, "R4", None, "Dan Fox", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    got = by_code(sqlite_store, "risks")
    assert {c: r["title"] for c, r in got.items()} == {
        "R1": "Vendor delivers the interface late", "R2": "R2", "R3": "Budget is cut in the third quarter",
        "R4": "R4"}
    assert got["R4"]["owner"] == "Dan Fox"
    assert "2 rows leave “Description” empty: titled by their “Risk” (R2, R4)" in plan.sheets[0].note


def test_merged_group_labels_beside_a_category_column_make_no_project(sqlite_store, tmp_path):
    """"Proyecto" merged A1:A3 and "Producto" A5:A7 down two stacked tables that have a "Categoría" of their own:
    classes87a's rule left the sheet alone where a category column was read, so "Proyecto" headed the project column
    again — a project "Producto" made, the first table's risks with none. The labels group the rows all the same:
    kept in each row's notes, the category the column's."""
    head = [None, "ID", "Riesgo", "Categoría", "Responsable"]
    rows: list[list[object]] = [
        ["Proyecto", *head[1:]], [None, "R1", "Proveedor entrega tarde", "Comercial", "Ana Ruiz"],
        [None, "R2", "Alcance sin cerrar", "Alcance", "Bea Gil"], [None] * 5,
        ["Producto", *head[1:]], [None, "R3", "Errores en la versión 2", "Calidad", "Ciro Paz"],
        [None, "R4", "Pantallas poco claras", "Calidad", "Dora Sanz"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "riesgos.xlsx", {"Riesgos": rows},
                                        merges={"Riesgos": ["A1:A3", "A5:A7"]}))
    assert rows_of(sqlite_store, "projects") == []
    got = by_code(sqlite_store, "risks")
    assert set(got) == {"R1", "R2", "R3", "R4"}
    assert [got[c]["project"] for c in sorted(got)] == [None] * 4
    assert "Proyecto" in got["R1"]["notes"] and "Producto" in got["R4"]["notes"]
    assert (got["R1"]["category"], got["R3"]["category"]) == ("Commercial", "Calidad")


@pytest.mark.parametrize(("register", "sheet", "head", "tick", "status"), [
    ("risks", "Risks", "Occurred?", "✓", "Occurred"),
    ("assumptions", "Assumptions", "Validated", "✔", "Validated"),
    ("assumptions", "Assumptions", "Validated", "✔️", "Validated"),
])
def test_a_tick_answers_a_yes_no_question_of_the_status(sqlite_store, tmp_path, register, sheet, head, tick, status):
    """"Occurred?" / "Validated" ticked "✓" on a sheet with no status column (classes87b's yes/no questions): a
    "Yes" or an "x" gave the status, a tick had no word and left the record open (the tick only in its notes)."""
    rows = [["ID", "Title", "Owner", head], ["X1", "Vendor delivers the interface late", "Ann Lee", tick],
            ["X2", "Budget is cut in the third quarter", "Bob Ray", None],
            ["X3", "Key staff leave the project", "Cy Dee", None]]
    import_all(sqlite_store, write_xlsx(tmp_path / f"{sheet}.xlsx", {sheet: rows}))
    got = by_code(sqlite_store, register)
    assert got["X1"]["status"] == status
    assert got["X2"]["status"] != status and got["X3"]["status"] != status


_RISKS: list[list[object]] = [["Risk ID", "Risk Description", "Owner", "Status"],
                              ["R-01", "The vendor's interface is late", "Ann Lee", "Open"],
                              ["R-02", "Users keep the paper forms", "Bob Ray", "Open"],
                              ["R-03", "Old records are not migrated", "Ann Lee", "Open"]]


def test_a_count_after_the_word_risk_names_no_risk(sqlite_store, tmp_path):
    """An action list whose comments say "closes the risk 2 weeks early", "Issue 3 days late", "Risk 1 of 3
    covered": left60's rule read "2", "1" as risks' numbers and "3" as an issue's, and every action was refused
    "There is no record “2” in the risk register" (a row blanked as a spacer). A number before a unit or "of" is a
    count: the sheet is refused as an action list with no Risk ID column, as before the rule."""
    actions = [["Action ID", "Action Description", "Comments", "Owner", "Due Date"],
               ["A-01", "Ask the vendor for the specification", "Closes risk 2 weeks early", "Ann Lee", None],
               ["A-02", "Build the bulk import tool", "Issue 3 days late", "Dan Fox", None],
               ["A-03", "Plan the training programme", "Risk 1 of 3 covered", "Bob Ray", None],
               ["A-04", "Run the load test", "on track", "Bob Ray", None]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Risks": _RISKS, "Actions": actions}))
    assert len(rows_of(sqlite_store, "risks")) == 3
    assert not any(s.sheet == "Actions" for s in plan.sheets)
    assert any(t == "Actions" and "no Risk ID column ties them" in why for t, why in plan.skipped_sheets)


def test_a_risk_named_by_a_bare_number_in_a_free_text_still_ties_its_action(sqlite_store, tmp_path):
    """Guard: "Riesgo 1", "riesgo 2 (proveedor)" in an "Origen" column of numbered risks still name them."""
    risks = [["ID", "Riesgo", "Responsable", "Estado"], ["1", "Proveedor entrega tarde", "Ana Ruiz", "Abierto"],
             ["2", "Papel sin migrar", "Bea Gil", "Abierto"], ["3", "Migración incompleta", "Ana Ruiz", "Abierto"]]
    actions = [["ID", "Acción", "Origen", "Responsable"], ["A-01", "Pedir la especificación", "Riesgo 1", "Ana Ruiz"],
               ["A-02", "Construir la herramienta", "Riesgo 3", "Dan Fox"],
               ["A-03", "Formar al personal", "riesgo 2 (proveedor)", "Bea Gil"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "raid.xlsx", {"Riesgos": risks, "Acciones": actions}))
    from test_excel_left60 import _actions
    assert [a["description"] for a in _actions(sqlite_store, "risks", "3")] == ["Construir la herramienta"]
    assert [a["description"] for a in _actions(sqlite_store, "risks", "2")] == [
        "Formar al personal (Origen: riesgo 2 (proveedor))"]


def test_a_title_blocks_project_over_a_project_column_is_said_not_given(sqlite_store, tmp_path):
    """"Project: | Apollo Programme | PM: | Jane Doe" over a register with a "Project" column of its own: the rows'
    project is the column's (the block names the programme; a row leaving it empty stays without one), and the
    block was dropped without a word — classes87b says a block's pairs only where it gives its project. Said as
    not imported."""
    rows = [["Risk Register"], ["Project:", "Apollo Programme", "PM:", "Jane Doe"], [None],
            ["ID", "Risk", "Project", "Owner", "Status"], ["R1", "Vendor delivers late", "Portal", "Ann Lee", "Open"],
            ["R2", "Budget is cut", "Billing", "Bob Ray", "Open"], ["R3", "Key staff leave", None, "Cy Dee", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    got = by_code(sqlite_store, "risks")
    assert got["R3"]["project"] is None and got["R1"]["project"] is not None
    assert "Not imported, above the header: “Project: Apollo Programme”; “PM: Jane Doe”." in plan.sheets[0].note


_BUG_LIST: list[list[object]] = [["Bug ID", "Title", "Severity", "Status", "Reported by"],
                                 ["BUG-002", "Search returns nothing", "Medium", "Open", "Bob Ray"],
                                 ["BUG-003", "Logo is blurred on the home page", "Low", "Closed", "Cy Dee"],
                                 ["BUG-004", "Crash when saving a draft", "High", "Open", "Dan Fox"]]


def test_a_bug_form_above_a_bug_list_is_one_issue(sqlite_store, tmp_path):
    """A bug form ("Field | Details", "Bug ID | BUG-001", "Title | …" down the side) over a gap and a bug list on
    one sheet: the rows above the list were read as a second table under "Bug ID | BUG-001" — four issues titled by
    the form's values, coded "Title", "Severity", "Status", "Reported by". The form is one issue."""
    rows = [*_FORM_TOP, [None, None], *_BUG_LIST]
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Sheet1": rows}))
    got = by_code(sqlite_store, "issues")
    assert set(got) == {"BUG-001", "BUG-002", "BUG-003", "BUG-004"}
    assert (got["BUG-001"]["title"], got["BUG-001"]["priority"]) == ("Login button does nothing", "High")


def test_a_bug_form_on_a_sheet_beside_a_bug_list_is_one_issue(sqlite_store, tmp_path):
    """The form on a sheet of its own beside the list's sheet: classes90 read a lone form only as the file's only
    sheet, so beside the list it stayed a two-column table — each label an issue coded by it."""
    form = [*_FORM_TOP, ["Steps", "1. Open the page 2. Click Login"], ["Actual result", "Nothing happens"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "bugs.xlsx", {"Form": form, "Bugs": _BUG_LIST}))
    got = by_code(sqlite_store, "issues")
    assert set(got) == {"BUG-001", "BUG-002", "BUG-003", "BUG-004"}
    assert "Actual result: Nothing happens" in got["BUG-001"]["description"]


def test_a_cover_sheet_beside_a_register_stays_skipped(sqlite_store, tmp_path):
    """Guard: a cover sheet of labels and values ("Project name | Portal", "Prepared by | …") beside a risk register
    is no record."""
    cover = [["Project name", "Portal"], ["Prepared by", "Ann Lee"], ["Version", "1.2"], ["Date", "2027-03-01"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Cover": cover, "Risks": _RISKS}))
    assert set(by_code(sqlite_store, "risks")) == {"R-01", "R-02", "R-03"}


@pytest.mark.parametrize("line", ["Prepared by: J. Smith", "Last updated: 12/03/2027", "Erstellt von: Anna Lehmann"])
def test_a_line_signing_the_sheet_between_blank_rows_is_no_record(sqlite_store, tmp_path, line):
    """"Prepared by: J. Smith" alone in the title column between two blank rows, more risks below: classes88 keeps
    a lone title between blank rows as a record when one follows — a risk titled "Prepared by: J. Smith" was made.
    A signature's label (``sheet_signatures``) with a name or a day is the table's note."""
    rows = [["ID", "Risk", "Owner", "Status"], ["R1", "Vendor delivers late", "Ann Lee", "Open"],
            ["R2", "Budget is cut", "Bob Ray", "Open"], [None] * 4, [None, line, None, None], [None] * 4,
            ["R3", "Key staff leave", "Cy Dee", "Open"]]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert set(by_code(sqlite_store, "risks")) == {"R1", "R2", "R3"}
    (said,) = [r.report.reason for r in plan.sheets[0].rows if r.report.row == 5]
    assert "a legend or notes" in said


def test_a_lone_title_between_blank_rows_is_still_a_record(sqlite_store, tmp_path):
    """Guard (classes88): "Budget: overspend in Q3" alone between blank rows, a record after it, is a risk."""
    rows = [["ID", "Risk", "Owner", "Status"], ["R1", "Vendor delivers late", "Ann Lee", "Open"],
            ["R2", "Budget is cut", "Bob Ray", "Open"], [None] * 4, [None, "Budget: overspend in Q3", None, None],
            [None] * 4, ["R3", "Key staff leave", "Cy Dee", "Open"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risks": rows}))
    assert "Budget: overspend in Q3" in named(sqlite_store, "risks")
