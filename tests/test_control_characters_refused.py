"""An invisible control character in a text — an ESC or a BEL from a terminal's coloured output, a backspace —
is what an xlsx cannot carry: its XML has no way to hold one. The office kept it, its export dropped it without
a word, and re-importing that export called every such row unchanged: the office's text and its workbook's
differed and nobody was told. Now refused at every door, as a NUL already was — an edit, a paste, an import of
an .xlsx or a .csv, the command line — naming the field, the character and where it stands, so the office
holds only what its workbook gives back. A tab and line breaks stay welcome."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from cli_runner import run_cli as run
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from register_views import shown_view

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS, PROJECTS = REGISTERS["risks"], REGISTERS["projects"]
HEADERS = ["Title", "Probability", "Impact", "Status", "Cause", "Vendor ref"]
ROWS = [  # xlsxwriter writes a control character as Excel does (_x001B_), and every reader gives it back
    ["Build \x1b[31mfailed\x1b[0m", 2, 3, "Open", "market", "V-1"],
    ["Data loss", 2, 3, "Open", "backups \x07 rang", "V-2"],
    ["Key person", 2, 3, "Open", "one expert", "V\x08-3"],
    ["Tabbed\tand\nbroken lines", 2, 3, "Open", "fine\nstill", "V-4"],
]


def workbook(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, HEADERS)
    for i, row in enumerate(ROWS, start=1):
        ws.write_row(i, 0, row)
    wb.close()
    return path


def stored_texts(store: Store) -> list[str]:
    with store.session() as s:
        # a Windows line break is kept as typed; a workbook's XML reads it as one LF (the export's known rule)
        return sorted(t.replace("\r\n", "\n") for r in s.query(RISKS.entity) for t in (r.title, r.cause, r.notes) if t)


def exported_texts(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Risk register"]
    header = [c.value for c in ws[1]]
    cols = [header.index(h) for h in ("Title", "Cause", "Notes")]
    return sorted(str(row[c]) for row in ws.iter_rows(min_row=2, values_only=True)
                  for c in cols if row[c])


def test_an_import_refuses_each_control_character_and_the_office_is_its_export(store, tmp_path: Path) -> None:
    plan = plan_import(store, workbook(tmp_path / "risks.xlsx"), register="risks")
    reasons = {r.report.row: r.report.reason for r in plan.sheets[0].rows}
    assert reasons[2].startswith("Title holds an invisible ESC character (code 27) after “Build”")
    assert reasons[3].startswith("Cause holds an invisible BEL character (code 7) after “backups”")
    assert "BS character (code 8)" in reasons[4] and "“Vendor ref: V”" in reasons[4]  # kept in the notes
    assert [r.report.action.name for r in plan.sheets[0].rows] == ["ERROR", "ERROR", "ERROR", "INSERT"]
    assert apply_import(store, plan, partial=True).inserted == 1

    # the round trip: what the office holds is what its workbook says, and a re-import changes nothing
    out = export_workbook(store, tmp_path / "export.xlsx", "risks")
    assert stored_texts(store) == exported_texts(out)
    assert not any(c in t for t in stored_texts(store) for c in "\x1b\x07\x08")
    again = plan_import(store, out, register="risks")
    assert [r.report.reason for r in again.sheets[0].rows] == ["no changes."]


@pytest.mark.parametrize("field, value, said", [
    ("title", "\x1b[1mBold\x1b[0m", "Title holds an invisible ESC character (code 27) at its start"),
    ("cause", "ring \x07 twice", "Cause holds an invisible BEL character (code 7) after “ring”"),
    ("cause", "form\x0cfeed", "Cause holds an invisible FF character (code 12) after “form”"),
])
def test_an_edit_with_a_control_character_is_refused(store, field: str, value: str, said: str) -> None:
    with store.transaction() as s:
        risk = records.create_record(s, RISKS, {"title": "Kept", "status": "Open"})
    with pytest.raises(ValidationError) as refused:
        with store.transaction() as s:
            records.update_record(s, RISKS, risk.id, {field: value}, expected_version=risk.version)
    assert str(refused.value).startswith(said) and refused.value.field == field
    with store.transaction() as s:  # a tab and a line break are text
        records.update_record(s, RISKS, risk.id, {"cause": "one\ttwo\nthree"}, expected_version=risk.version)
        assert s.get(RISKS.entity, risk.id).cause == "one\ttwo\nthree"


def paste_over_a_project(qtbot, document, text: str) -> tuple[list[str], list[str]]:
    """Ctrl+V of ``text`` on the name of the one project "Tills": what was said, and the projects' names after."""
    with document.store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Tills"})
    document.notify("projects", None)
    view = shown_view(qtbot, document, PROJECTS)
    messages: list[str] = []
    document.error.connect(messages.append)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("name")))
    QGuiApplication.clipboard().setText(text)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with document.store.session() as s:
        return messages, [p.name for p in s.query(PROJECTS.entity)]


def test_a_paste_from_a_terminal_is_refused_and_said(qtbot, document) -> None:
    messages, names = paste_over_a_project(qtbot, document, "\x1b[32mPoint of sale\x1b[0m\r\n")
    assert messages and "ESC character (code 27)" in messages[0]
    assert names == ["Tills"]


def test_a_csv_with_a_bell_is_refused_on_the_command_line(tmp_path: Path) -> None:
    run("new", tmp_path / "o.pmo", cwd=tmp_path, ok=True)
    (tmp_path / "in.csv").write_text("Title,Probability,Impact,Status,Cause\n"
                                     "Bell,2,3,Open,ring \x07 here\nClean,2,3,Open,fine\n", encoding="utf-8")
    proc = run("import", tmp_path / "o.pmo", tmp_path / "in.csv", "--register", "risks", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Cause holds an invisible BEL character (code 7) after “ring”" in proc.stderr
    store = Store.open(tmp_path / "o.pmo")
    try:
        assert stored_texts(store) == []
    finally:
        store.close()


# An office from before they were refused may hold them (another program may have written them): its export
# carries each one as Excel does (_x001B_) — it dropped them — and an untouched re-import finds nothing changed,
# truly. A text that reads like such an escape is written so it comes back as typed.
HELD = {"escape": "Build \x1b[31mfailed\x1b[0m", "bell": "x\x07y", "NUL": "A\x00B", "unit separator": "a\x1fb",
        "looks escaped": "code _x0041_ and _x001B_ as typed"}


def test_an_office_from_before_exports_them_and_gets_them_back(sqlite_store, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook
    from sqlalchemy import text as sql

    from pmo_desktop.excel.boardpack import write_board_pack
    from pmo_desktop.excel.importer import plan_workbook_import

    with sqlite_store.transaction() as s:
        for name, held in HELD.items():
            risk = records.create_record(s, RISKS, {"title": name, "status": "Open", "probability": 5, "impact": 5})
            s.execute(sql("UPDATE risk SET cause = :t, title = :n WHERE id = :i"),
                      {"t": held, "n": f"{name}: {held}", "i": risk.id})
    out = export_workbook(sqlite_store, tmp_path / "office.xlsx")
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Risk register").to_python()
    cause = rows[0].index("Cause")
    title = rows[0].index("Title")
    assert sorted(r[cause] for r in rows[1:]) == sorted(HELD.values())  # the very text: the office is its export
    assert sorted(r[title] for r in rows[1:]) == sorted(f"{n}: {h}" for n, h in HELD.items())

    plan = plan_workbook_import(sqlite_store, out)
    assert [(r.report.row, r.report.reason) for sh in plan.sheets for r in sh.rows
            if r.report.action.name in ("ERROR", "UPDATE", "INSERT")] == []
    assert apply_import(sqlite_store, plan).updated == 0
    with sqlite_store.session() as s:
        assert sorted(r.cause for r in s.query(RISKS.entity)) == sorted(HELD.values())
        assert all(r.version == 1 for r in s.query(RISKS.entity))

    pack = write_board_pack(sqlite_store, tmp_path / "board.xlsx")  # the board pack's workbook carries them too
    book = CalamineWorkbook.from_path(str(pack))
    texts = {str(v) for sheet in book.sheet_names for row in book.get_sheet_by_name(sheet).to_python() for v in row}
    assert {f"{n}: {h}" for n, h in HELD.items()} <= texts


def test_an_update_from_a_colleagues_sheet_with_a_bell_is_refused(sqlite_store, tmp_path: Path) -> None:
    """The quick way an ordinary row of a known record is planned checks it too."""
    with sqlite_store.transaction() as s:
        for title in ("Data loss", "Key person", "Supplier"):
            records.create_record(s, RISKS, {"title": title, "status": "Open", "cause": "fine", "probability": 2,
                                             "impact": 3})
    path = tmp_path / "theirs.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Probability", "Impact", "Status", "Cause"])
    ws.write_row(1, 0, ["R-001", "Data loss", 2, 3, "Open", "backups \x07 rang"])
    ws.write_row(2, 0, ["R-002", "Key person", 2, 3, "Open", "one expert"])
    ws.write_row(3, 0, ["R-003", "Supplier", 2, 3, "Open", "fine"])
    wb.close()
    plan = plan_import(sqlite_store, path, register="risks")
    assert [(r.report.action.name, r.report.reason.split(",")[0]) for r in plan.sheets[0].rows] == [
        ("ERROR", "Cause holds an invisible BEL character (code 7) after “backups”"),
        ("UPDATE", "changes Cause."), ("UPDATE", "no changes.")]


def test_a_line_break_pasted_from_word_is_a_line_break(qtbot, document) -> None:
    """Word copies a line break made with Shift+Enter as a vertical tab (code 11): a paragraph pasted from a
    report was refused as holding an invisible character; it is the line break the user sees in Word."""
    assert paste_over_a_project(qtbot, document, "Point of sale\x0breplacement") == (
        [], ["Point of sale\nreplacement"])
