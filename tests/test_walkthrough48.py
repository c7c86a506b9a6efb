"""Walkthrough 48: what walk 47 saw and left — a record typed along its ✱ line read in its history as changed cell
by cell, a paste that added records said only "Saved", the import preview cut at 1280×720, the board pack's
"Planned today" to two decimals. Each fixed, by real key presses on the real window."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row
from test_walkthrough47 import three_risks

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def history_lines(qtbot, window) -> list[list[str]]:
    """Ctrl+Shift+H on the row the keyboard is on: the record's history as its dialog lists it (When, By, Change,
    Field, Before, After; here without When and By), newest first; Esc closes it."""
    from pmo_desktop.views.record_history_dialog import RecordHistoryDialog

    press(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(RecordHistoryDialog)))
    dialog = next(d for d in window.findChildren(RecordHistoryDialog) if d.isVisible())
    table = dialog.table
    lines = [[table.item(r, c).text() for c in range(2, table.columnCount())] for r in range(table.rowCount())]
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.active_register_view().table)  # the keyboard back
    return lines


def test_a_record_typed_along_its_row_is_added_once_in_its_history(empty_window, qtbot):
    """Three risks typed along the ✱ line — Title, Tab, Threat, Tab, Category… The record is added when its title is
    left, the other cells saved one by one as they are left; its history read "Added … Level Project" and, the same
    minute, "Changed Level Project → Program", "Changed Category — → Supplier", a line a cell: a reader asked who had
    changed it. While the keyboard stays on the row it was added from, the cells typed are part of its making: one
    "Added" entry with the values as they end. Each cell is still saved as typed and undone on its own, and a change
    made once the keyboard has left the row and come back is a change."""
    window = empty_window
    view = three_risks(qtbot, window)
    model = view.model
    press(qtbot, Qt.Key.Key_Up)  # on "Union dispute", typed along its row
    lines = history_lines(qtbot, window)
    assert [line[0] for line in lines if line[0]] == ["Added"], lines
    moved = {field: after for _what, field, _before, after in lines}
    assert (moved["Title"], moved["Category"], moved["Level"], moved["Owner"]) == (
        "Union dispute", "Supplier", "Program", "Ann Lee"), lines
    assert moved["Probability"].startswith("4") and moved["Impact"].startswith("3"), lines
    # Back on the row later: Impact typed over is a change, on top of the record as it was added.
    impact = model.column_of("impact")
    press(qtbot, Qt.Key.Key_Home)
    while view.table.currentIndex().column() != impact:
        press(qtbot, Qt.Key.Key_Right)
    type_as_a_person(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: model.record(2)["impact"] == 5)
    lines = history_lines(qtbot, window)
    assert [line[:2] for line in lines if line[0]] == [["Changed", "Impact"], ["Added", lines[1][1]]], lines
    # A fourth typed along its row, its last cell undone on the way (Ctrl+Z): that cell back as it was, the one before
    # it kept (a cell a step), the record still added once, as it stands.
    view.focus_new_line()
    along_the_row(qtbot, ["Scaffold permit refused", "t", "sup", "prog"], last=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: model.rowCount() == 4 and model.record(3)["level"] == "Program")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: model.record(3)["level"] == "Project")
    assert model.record(3)["category"] == "Supplier"
    assert view.current_record_id() == model.record_id(3)
    lines = history_lines(qtbot, window)
    assert [line[0] for line in lines if line[0]] == ["Added"], lines
    moved = {field: after for _what, field, _before, after in lines}
    assert (moved["Category"], moved["Level"]) == ("Supplier", "Project"), lines


def test_a_record_being_made_keeps_one_history_row_on_either_backend(store):
    """The office core's side of the above, on SQLite and PostgreSQL (the history is written in the change's own
    transaction): cells written as part of a record's making rewrite the row that added it; once anyone's change
    follows that row, a cell written so is a change of its own again, and a deletion is never folded."""
    import json

    from sqlalchemy import select

    from pmo_desktop.models import records
    from pmo_desktop.models.history_tables import RecordHistory
    from pmo_desktop.models.office import Office
    from pmo_desktop.models.registers import REGISTERS

    risks = REGISTERS["risks"]
    office = Office(store)
    rid = office.write(records.create_many, risks, [{"title": "Crane delivery slips"}], None)[0][0]

    def written() -> list[dict | None]:
        return office.read(lambda s: [json.loads(d) if d else None for d in s.scalars(
            select(RecordHistory.data).where(RecordHistory.register == "risks", RecordHistory.record_id == rid).order_by(RecordHistory.id))])

    def cell(version: int, being_made: bool, **values) -> int:
        base = {name: None for name in values}
        return office.write(records.update_many, risks, {rid: values}, None, {rid: version}, {rid: base},
                            being_made=[rid] if being_made else [])[0][rid]

    version = office.read(lambda s: s.get(risks.entity, rid).version)
    version = cell(version, True, category="Supplier")
    version = cell(version, True, level="Program")
    rows = written()
    assert len(rows) == 1 and (rows[0]["title"], rows[0]["category"], rows[0]["level"]) == (
        "Crane delivery slips", "Supplier", "Program")
    version = cell(version, False, probability=4)  # a change: a row of its own
    version = cell(version, True, impact=3)  # no longer the one row: a row of its own too
    assert [r["impact"] for r in written()] == [None, None, 3]
    office.write(records.delete_records, risks, [rid])
    assert written()[-1] is None


def test_a_paste_that_adds_records_says_how_many(empty_window, qtbot):
    """Two decisions copied from Excel, Ctrl+V into the empty Decisions tab: the status bar said "Saved" and Edit ▸
    Undo "Paste 22 cells" — the user counted rows to know what had come in. Now it says "2 decisions added", and the
    undo step is "Paste 2 decisions", said again by Ctrl+Z. A block pasted over rows and past the end says both."""
    from datetime import date, timedelta

    from focused_keys import tab_named
    from test_walkthrough43 import people_typed
    from test_walkthrough47 import decisions_from_excel

    window = empty_window
    people_typed(qtbot, window, "Ann Lee", "Bo Chan")
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    qtbot.waitUntil(view.table.hasFocus)
    due, decided = date.today() + timedelta(days=40), date.today() - timedelta(days=20)
    due, decided = (d if d.day > 12 else d + timedelta(days=13 - d.day) for d in (due, decided))
    QApplication.clipboard().setText(decisions_from_excel(due, decided, day_first=True))
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    stack = window.document.undo_stack
    assert stack.undoText() == "Paste 2 decisions"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "2 decisions added")
    # The same two again from the last row's title: one row pasted over, one added.
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Down)
    while view.table.currentIndex().column() != view.model.column_of("title"):
        press(qtbot, Qt.Key.Key_Right)
    assert view.table.currentIndex().row() == 1
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)
    assert window.statusBar().currentMessage().endswith("cells changed, 1 decision added")
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    assert window.statusBar().currentMessage() == "Undone: Paste 2 decisions"


def test_the_import_previews_columns_are_listed_under_their_sheet(demo_window, qtbot, tmp_path):
    """The demo exported and read back by the import dialog at 1280×720: its column list said the sheet before every
    column — "Program: Program", "Program: Sponsor" — and cut the names it was there to show ("Progra…anager"). Each
    sheet's name now heads its columns once, each line its workbook column's letter, and a column's name is whole."""
    from pmo_desktop.views.exchange.actions import export_registers
    from pmo_desktop.views.exchange.import_dialog import ImportDialog, _ColumnName

    window = demo_window
    book = tmp_path / "office.xlsx"
    assert export_registers(window, window.document, str(book))
    assert window.create_file(str(tmp_path / "new.pmo"))
    dialog = ImportDialog(window.document, book, window)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 672)  # as the dialog opens on a 1280×720 screen
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: "to insert" in dialog.summary.text(), timeout=60000)
    qtbot.wait(100)
    table = dialog.mapping_table
    names = [table.cellWidget(r, 0).text() for r in range(table.rowCount())]
    assert names[:3] == ["<b>Program</b>", "Program", "Sponsor"], names[:6]
    assert not any(": " in name for name in names), [n for n in names if ": " in n][:3]
    assert [table.verticalHeaderItem(r).text() for r in range(4)] == ["", "A", "B", "C"]
    manager = next(w for r in range(table.rowCount()) if isinstance(w := table.cellWidget(r, 0), _ColumnName)
                   and w.text() == "Program manager")
    assert manager.fontMetrics().horizontalAdvance("Program manager") <= manager.contentsRect().width()
    headings = [n for n in names if n.startswith("<b>")]
    assert len(headings) == len(set(headings)) > 10  # each sheet once


def test_the_board_packs_benefits_read_as_a_board_reads_them(demo_window, qtbot, tmp_path):
    """The demo's board pack by Ctrl+Shift+E, as a PDF and a workbook. "Planned today" — worked out along each plan
    to the day — read 76.13 seconds and 71.88 % beside baselines and targets typed whole (95, 60; 55, 75): noise on
    paper. The column is now read with the decimals of the measures typed beside it, decided once for it (whole here),
    in both. The realized line of the financial chart, short and thin under a plan years long, is named with its
    figure against the plan's in the legend."""
    import re
    import shutil
    import subprocess

    import openpyxl
    import pytest
    from file_dialogs import answer_file_dialog

    if shutil.which("pdftotext") is None:
        pytest.skip("needs pdftotext (poppler-utils)")
    pdf, book = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    for out in (pdf, book):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        answer_file_dialog(qtbot, str(out))
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        qtbot.waitUntil(out.exists, timeout=30000)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=120).stdout
    rows = {line.split()[0]: line.split() for line in text.splitlines() if re.match(r"\s*B-00\d\s", line)}
    faster = rows["B-002"]  # … seconds 95 60 1 May 2027 <planned today> <latest> At risk
    planned = faster[faster.index("seconds") + 6]
    assert re.fullmatch(r"\d+", planned), faster
    assert re.fullmatch(r"\d+", rows["B-005"][rows["B-005"].index("%") + 6]), rows["B-005"]
    said = " ".join(text.split())
    assert re.search(r"Planned: [\d,]+ by \w{3} \d{4}", said), said[-2000:]
    assert re.search(r"Realized: [\d,]+ to \w{3} \d{4}, [\d,]+ planned by then", said), said[-2000:]
    sheet = openpyxl.load_workbook(book)["Benefits"]
    column = next(c.column for c in sheet[2] if c.value == "Planned today")
    formats = {sheet.cell(r, 1).value: sheet.cell(r, column).number_format for r in range(3, sheet.max_row + 1)
               if sheet.cell(r, column).value is not None}
    assert formats["B-002"] == formats["B-005"] == "#,##0", formats


def test_a_block_pasted_on_the_new_lines_last_column_says_to_press_home(empty_window, qtbot):
    """Ctrl+End to the last cell, Down to the ✱ line, Ctrl+V of two risks copied from Excel — rows added at the bottom,
    as in Excel: refused, "from “Notes” to the last column there is 1 … Paste it further left", and the user was left
    to find where. The message now says the key: Home, then Ctrl+V, from the column typing starts in — which works."""
    from PySide6.QtWidgets import QMessageBox

    window = empty_window
    view = three_risks(qtbot, window)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Down)
    assert view.new_line.hasFocus()
    QApplication.clipboard().setText("Permit refused\tThreat\r\nTills late\tThreat\r\n")
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox, "warning")))
    box = next(b for b in window.findChildren(QMessageBox, "warning") if b.isVisible())
    said = box.text()
    assert "Press Home, then Ctrl+V: from “Title” it fits." in said, said
    box.accept()
    qtbot.waitUntil(lambda: not box.isVisible())
    qtbot.waitUntil(view.new_line.hasFocus)
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 5)
    assert window.statusBar().currentMessage() == "2 risks added"
