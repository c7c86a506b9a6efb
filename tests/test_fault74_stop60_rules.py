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
