"""Issue 12, classes88: the miss classes of unseen set 88 as general rules — an issue list whose comments column is
empty on the whole sheet is titled by its one column of sentences; a record filling only its title between blank
rows, more records after it, is a record and no legend; a decision register naming the option chosen (and the ones
rejected); an issue's status written "<state>: <how it was solved>". Each test writes a workbook of the shape (never
a fetched file) and failed on the code before (main d9ccd20b), unless its docstring says it guards a reading that
must not change."""

from __future__ import annotations

from datetime import datetime

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import ImportRefused

_LATER = ["Sort the monthly report by its newest start date", "Add a scroll bar to the expense dialog on small screens",
          "Let people pick names from earlier reports with a tick box", "Raise the version number in the app manifest",
          "Swap the drop down for tick boxes in the sharing dialog", "Warn before leaving a half finished screen"]


def _spaced(first: list[object], rest: list[list[object]]) -> list[list[object]]:
    rows = [first]
    for row in rest:
        rows += [[None] * len(row), row]
    return rows


def test_an_issue_sheet_whose_comments_are_empty_is_titled_by_its_sentences(sqlite_store, tmp_path):
    """"Date | Item | comments | Status" on a later sheet of an issue tracker where only the items are written yet
    (one date on the first row, a blank row between records): the comments column, empty on the whole sheet, had
    stopped the items from titling the records — kept in the notes, every row was skipped "no values in the
    imported columns". The items are the issues' titles, as on the sheet whose comments are filled."""
    header = ["Date", "Item", "comments", "Status"]
    first = [header,
             [datetime(2023, 9, 1), "Center the error message when no report is found", "Only on small screens", "Done"],
             [None, "Add an action to the expense table for each row", "Or a long press on the row", None],
             [None, "The reset button on the add report screen does nothing", None, "Done"]]
    later = _spaced(header, [[datetime(2024, 3, 3), _LATER[0], None, None]] + [[None, t, None, None] for t in _LATER[1:]])
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue tracker.xlsx", {"v1": first, "v2": later}))
    titles = set(named(sqlite_store, "issues"))
    assert set(_LATER) <= titles
    assert len(titles) == 9


def test_an_empty_notes_column_beside_file_paths_still_names_nothing(sqlite_store, tmp_path):
    """Guards round 40's reading (must not change): a filing log's file paths beside an empty "notes" column are no
    issues' names, however many words the paths hold."""
    rows = [["timestamp", "file", "reviewer", "notes", "action"],
            ["2025-08-09T16:47:53", "/home/me/projects/filing/input/01-05-2025 - DL - Working With Leads.eml", "Hady",
             None, "Filed (Move)"],
            ["2025-08-09T16:49:10", "/home/me/projects/filing/input/12-12-2024 - GB Monthly Review Notes.eml", "Hady",
             None, "Filed (Move)"]]
    import_all(sqlite_store, write_csv(tmp_path / "issues.csv", rows))
    assert rows_of(sqlite_store, "issues") == []


def test_a_record_with_only_its_title_between_blank_rows_is_a_record_when_records_follow(sqlite_store, tmp_path):
    """An issue tracker's records one to a block between blank rows, most filling the item and a comment or a
    status, two filling only the item: those two were skipped "below the table: a legend or notes" though more
    records came after them. A sparse block with records of the table after it is a record; under the last record
    a lone note is still a legend (tested: the last row)."""
    rows = _spaced(["Date", "Item", "comments", "Status"], [
        [datetime(2024, 8, 31), "Sync the app across several devices", "Maybe a cloud store", None],
        [None, "Export reports to PDF and Word", None, None],
        [None, "Import expenses from a bank statement", "Read the file the bank gives", None],
        [None, "Link one expense report with another", "Define the rules first", None],
        [None, "Keep a master list of members to pick from", None, None],
        [None, "Split costs by each member's share", "Ask each member for a ratio", None],
        [None, "Items in bold are for the next release", None, None],
    ])
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue tracker.xlsx", {"Features": rows}))
    titles = set(named(sqlite_store, "issues"))
    assert {"Export reports to PDF and Word", "Keep a master list of members to pick from"} <= titles
    assert len(titles) == 6 and "Items in bold are for the next release" not in titles


_CHOICES = [
    ("Host the pilot on the managed cloud", "The team has no one to run servers at night", "Run our own servers",
     "Nobody would patch them"),
    ("Publish the figures every month", "A quarter is too slow for the board", "Publish them every week",
     "Too much manual work for the analysts"),
    ("Buy the reporting tool", "Building one would take a year", "Build it in house",
     "No developers are free until spring"),
]


@pytest.mark.parametrize("header", [
    ["ID", "Opción elegida", "Motivo principal", "Alternativa descartada", "Por qué se descarta"],
    ["ID", "Chosen option", "Main reason", "Rejected alternative", "Why rejected"],
    ["ID", "Gewählte Lösung", "Hauptgrund", "Verworfene Alternative", "Warum verworfen"],
    ["ID", "Solution retenue", "Raison principale", "Alternative écartée", "Pourquoi écartée"],
])
def test_a_decision_register_naming_the_option_chosen(sqlite_store, tmp_path, header):
    """A decision register under a title row, "ID | Opción elegida | Motivo principal | Alternativa descartada | Por
    qué se descarta", each record on two merged rows: no header said "Decision", so the reason titled the records
    and the choice and the option rejected were kept in the notes. The chosen option is the decision, the main
    reason its rationale, the option rejected its options considered (why it was rejected with them since left61). No
    column says when and by whom: the decisions stay Pending, and the sheet says why."""
    rows: list[list[object]] = [["Decision register"], header]
    merges: list[str] = []
    for n, (chosen, reason, rejected, why) in enumerate(_CHOICES, start=1):
        at = len(rows) + 1
        rows += [[n, chosen, reason, rejected, why], [None] * 5]
        merges += [f"{col}{at}:{col}{at + 1}" for col in "ABCDE"]
    plan = import_all(sqlite_store, write_xlsx(tmp_path / "Decisions.xlsx", {"Sheet1": rows}, {"Sheet1": merges}))
    decisions = named(sqlite_store, "decisions")
    assert set(decisions) == {c[0] for c in _CHOICES}
    for chosen, reason, rejected, why in _CHOICES:
        d = decisions[chosen]
        assert d["options"] == f"{rejected}\n{header[4]}: {why}"  # why it was set aside: with the options (left61)
        assert d["rationale"] == reason
        assert d["status"] == "Pending"
    assert any("stay Pending" in (s.note or "") for s in plan.sheets)


def test_a_register_of_choices_made_saying_when_and_by_whom_is_decided(sqlite_store, tmp_path):
    """The same register with who decided and when: each row records a decision taken, so it is Decided; a row
    missing its date stays Pending (the office records a decision as taken with both), with no refused "Decided"
    written into its rationale."""
    rows: list[list[object]] = [
        ["ID", "Chosen option", "Main reason", "Rejected option", "Decided by", "Date decided"],
        ["D1", _CHOICES[0][0], _CHOICES[0][1], _CHOICES[0][2], "Mia Stone", datetime(2025, 3, 4)],
        ["D2", _CHOICES[1][0], _CHOICES[1][1], _CHOICES[1][2], "Omar Haddad", None],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Decision log.xlsx", {"Decisions": rows}))
    decisions = named(sqlite_store, "decisions")
    assert decisions[_CHOICES[0][0]]["status"] == "Decided"
    assert decisions[_CHOICES[1][0]]["status"] == "Pending"
    assert "Decided" not in decisions[_CHOICES[1][0]]["rationale"]


def test_an_issue_status_written_as_state_then_how_and_its_risk_level(sqlite_store, tmp_path):
    """An incident log under a document-control block: "Estado del incidente" holds "Resuelto: <how it was solved>",
    "Resuelto", "Sin resolver"; the sentences sent the whole column to the notes and the resolved incidents stayed
    Open. The word before the colon is the state, the cell kept whole in the notes; "Sin resolver" is an open
    state. "Riesgo" over Alto / Medio / Bajo on the issue sheet is the issue's priority."""
    rows: list[list[object]] = [
        ["Control del documento"], ["Versión", "1.0"], [],
        ["ID", "Descripción", "Reportado por", "Riesgo", "Estado del incidente"],
        ["IN-01", "El formulario acepta dos usuarios con el mismo nombre", "Ana Ruiz", "Medio",
         "Resuelto: se añadió una validación en la base de datos"],
        ["IN-02", "El inventario admite cantidades negativas", "Luis Vega", "Alto", "Sin resolver"],
        ["IN-03", "La lista muestra productos que no están disponibles", "Ana Ruiz", "Alto", "Resuelto"],
        ["IN-04", "La página de la tienda no existe", "Luis Vega", "Bajo", "Resuelto: faltaba generar la ruta"],
        ["IN-05", "La instalación falla por permisos", "Ana Ruiz", "Alto",
         "Resuelto: se cambiaron los permisos de la carpeta para el usuario del servidor"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Incidencias.xlsx", {"Hoja 1": rows}))
    issues = {i["code"]: i for i in rows_of(sqlite_store, "issues")}
    assert {c: i["status"] for c, i in issues.items()} == {
        "IN-01": "Resolved", "IN-02": "Open", "IN-03": "Resolved", "IN-04": "Resolved", "IN-05": "Resolved"}
    assert "faltaba generar la ruta" in issues["IN-04"]["description"]
    assert {c: i["priority"] for c, i in issues.items()} == {
        "IN-01": "Medium", "IN-02": "High", "IN-03": "High", "IN-04": "Low", "IN-05": "High"}


def test_an_issues_risk_written_out_stays_in_the_notes(sqlite_store, tmp_path):
    """Guards a reading that must not change: an issue list's "Risk" column of texts (the risk each issue raises)
    is no priority."""
    rows: list[list[object]] = [
        ["Issue ID", "Issue", "Risk", "Status"],
        ["I-1", "The supplier missed the delivery", "The launch may slip by a month", "Open"],
        ["I-2", "Two testers left the team", "Testing may not finish before the release", "Open"],
        ["I-3", "The licence expired", "The build server may stop", "Closed"],
    ]
    import_all(sqlite_store, write_xlsx(tmp_path / "Issue log.xlsx", {"Issues": rows}))
    issues = {i["code"]: i for i in rows_of(sqlite_store, "issues")}
    assert set(issues) == {"I-1", "I-2", "I-3"}
    assert all(not i.get("priority") for i in issues.values())
    assert "launch may slip" in issues["I-1"]["description"]


@pytest.mark.parametrize("hours", ["Number of Hours", "Horas", "Stunden"])
def test_a_timesheet_is_refused_as_hours_by_day(sqlite_store, tmp_path, hours):
    """A weekly report of one employee's days ("S.No | Date | Employee Name | Board Name | Task Details | Number of
    Hours | Status | Comments", the comments empty) was refused with "Issue cannot be empty" of every row. It is a
    timesheet — hours worked by day — and the refusal says so; its task details (beside the employee, the board and
    the hours, none of them read) title no issues though the comments column is empty."""
    rows: list[list[object]] = [["S.No", "Date", "Employee Name", "Board Name", "Task Details", hours, "Status",
                                 "Comments"]]
    for n, task in enumerate(["Set up the build pipeline for the mobile app with the platform team",
                              "Moved the file storage to the new cloud bucket and checked the backups",
                              "Reviewed the network rules and the content delivery settings"], start=1):
        rows.append([n, datetime(2024, 7, 28 + n), "Dev Kumar", "Platform", task, 8, "In Progress", None])
    with pytest.raises(ImportRefused, match="timesheet"):
        import_all(sqlite_store, write_xlsx(tmp_path / "Weekly status report.xlsx", {"Sheet1": rows}))
    assert rows_of(sqlite_store, "issues") == []
