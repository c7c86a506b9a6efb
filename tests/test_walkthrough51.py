"""Walkthrough 51: a PMO analyst preparing the month's board meeting — the RAID logs and the Benefits plan by keyboard
alone, Find and a record's history, the board pack read on paper. Each by real key presses on the real window."""

from __future__ import annotations

from focused_keys import press, tab_named, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough43 import along_the_row, people_typed
from test_walkthrough48 import history_lines

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_a_record_history_writes_a_number_as_the_table_shows_it(empty_window, qtbot):
    """A decision typed along its row, its cost impact 1,234,567 typed after: the table shows "1,234,567", and its
    history (Ctrl+Shift+H) read "Cost impact — → 1.23457e+06" — another notation, and its last digits gone, in the
    record of what the file keeps. It reads as the table does; a change reads "1,234,567 → 1,250,000.5"."""
    window = empty_window
    people_typed(qtbot, window, "Ann Lee")
    tab_named(qtbot, window, Qt.Key.Key_7, "Decisions")
    view = window.active_register_view()
    # Decision, Decided by, Status, Due, Decided on (the log's reading order)
    along_the_row(qtbot, ["Buy the tills", "Ann Lee", "d", "", "1/12/2026"])
    cost = view.model.column_of("cost_impact")
    qtbot.waitUntil(view.new_line.hasFocus)
    press(qtbot, Qt.Key.Key_Up)  # from the ✱ line back to the decision
    press(qtbot, Qt.Key.Key_Home)
    while view.table.currentIndex().column() != cost:
        press(qtbot, Qt.Key.Key_Right)
    type_as_a_person(qtbot, "1234567")
    press(qtbot, Qt.Key.Key_Tab)
    assert view.proxy.index(0, cost).data() == "1,234,567"
    lines = history_lines(qtbot, window)
    assert ["Cost impact", "—", "1,234,567"] in [line[1:] for line in lines], lines
    press(qtbot, Qt.Key.Key_Left)
    type_as_a_person(qtbot, "1250000.5")
    press(qtbot, Qt.Key.Key_Tab)
    lines = history_lines(qtbot, window)
    assert ["Changed", "Cost impact", "1,234,567", "1,250,000.5"] in lines, lines


def test_a_line_about_a_name_typed_goes_once_the_keyboard_leaves_the_table(empty_window, qtbot):
    """An assumption typed along its row, its owner typed "Bob": the status bar says "“Bob” is Bob Stone, the one person
    named so …" — and it stayed while Ctrl+Tab walked on out of the table (walk 49's leftover 6: under the
    stakeholder grid it read as the grid's). It stands while the keyboard is in the table, and goes once it leaves."""
    window = empty_window
    people_typed(qtbot, window, "Ann Lee", "Bob Stone")
    tab_named(qtbot, window, Qt.Key.Key_7, "Assumptions")
    view = window.active_register_view()
    along_the_row(qtbot, ["Stores close tills", "Bob"])  # Assumption, Owner (the log's reading order), Enter
    said = "“Bob” is Bob Stone, the one person named so"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(said))
    assert view.model.record(0)["owner"] == "Bob Stone"
    qtbot.waitUntil(view.new_line.hasFocus)
    press(qtbot, Qt.Key.Key_Up)  # along the table: the line still stands
    assert window.statusBar().currentMessage().startswith(said)
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # to the ✱ line: still the table's
    assert view.new_line.hasFocus()
    assert window.statusBar().currentMessage().startswith(said)
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # out of the table, to the page's next control
    assert QApplication.focusWidget() not in (view.table, view.new_line)
    assert not window.statusBar().currentMessage().startswith(said), window.statusBar().currentMessage()


def test_undo_of_a_measurement_keeps_the_benefits_page_and_redo_elsewhere_goes_to_it(demo_window, qtbot):
    """A benefit's measurement typed along its row under the Benefits table (Ctrl+5, Ctrl+Tab to Measurements), then
    Ctrl+Z: the window went to the Status page, the keyboard in its Project box — the undo looked for a page listing
    measurements, found none and stayed on the last it had looked at — and the note undone out of sight. Now Ctrl+Z
    leaves the Benefits page as it was, the measurement's table in view; Ctrl+Y from the overview goes back to the
    benefit and the keyboard onto the measurement's row, as a risk's undone edit goes to the risk."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)
    benefits_page = window.stack.currentWidget()
    benefit = window.active_register_view().current_record_id()
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
        if QApplication.focusWidget().accessibleName() == "Measurements table":
            break
    measurements = QApplication.focusWidget().parentWidget()
    assert measurements.register.name == "benefit_measurements" and measurements.model.parent_id == benefit
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Down)  # the ✱ line
    press(qtbot, Qt.Key.Key_Home)
    along_the_row(qtbot, ["30 Nov", "350", "Stock report", "November"])  # Date, Actual value, Source, Note
    qtbot.waitUntil(lambda: any(measurements.model.record(r)["note"] == "November"
                                for r in range(measurements.model.rowCount())))
    row = next(r for r in range(measurements.model.rowCount()) if measurements.model.record(r)["note"] == "November")
    measurement = measurements.model.record(row)["id"]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Undone: Edit Note"))
    qtbot.wait(50)  # the step's place is looked for once the stack has taken the step
    assert window.stack.currentWidget() is benefits_page
    assert measurements.isVisible() and measurements.isAncestorOf(QApplication.focusWidget())
    assert measurements.model.record(measurements.model.row_of(measurement))["note"] == ""
    press(qtbot, Qt.Key.Key_1, CTRL)  # the overview: the measurements out of sight
    press(qtbot, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is benefits_page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is measurements.table)
    current = measurements.table.currentIndex()
    assert measurements.model.record(measurements.proxy.mapToSource(current).row())["id"] == measurement
    assert measurements.model.fields[current.column()].name == "note"
    assert measurements.model.record(measurements.model.row_of(measurement))["note"] == "November"
    assert window.statusBar().currentMessage().startswith("Redone: Edit Note")  # said, and not lost on the way


def test_ctrl_tab_from_a_cell_being_typed_leaves_the_table(empty_window, qtbot):
    """An assumption typed along its row with Tab — its title, its owner — leaves the next cell (Validate by) open for
    typing; Ctrl+Tab then, to go on to the page's next control as the README says it does from the table, walked on
    cell by cell along the row, each opened in turn (Status, Impact if false, Project …), never out. Now the cell is
    stored as Tab stores it and the keyboard leaves the table as from the table itself: to the ✱ line, then on."""
    window = empty_window
    people_typed(qtbot, window, "Bob Stone")
    tab_named(qtbot, window, Qt.Key.Key_7, "Assumptions")
    view = window.active_register_view()
    along_the_row(qtbot, ["Stores close tills", "Bob Stone", "31/12/2026"], last=Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.table.isAncestorOf(QApplication.focusWidget()))  # Status open, to be typed
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert view.new_line.hasFocus(), QApplication.focusWidget()
    record = view.model.record(0)
    assert (record["title"], record["owner"], str(record["validate_by"])) == ("Stores close tills", "Bob Stone",
                                                                             "2026-12-31")
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # on out, as from the table
    focus = QApplication.focusWidget()
    assert focus not in (view.table, view.new_line) and not view.table.isAncestorOf(focus), focus
    # typed into and left by Ctrl+Shift+Tab: stored, the keyboard back before the table
    press(qtbot, Qt.Key.Key_Tab, CTRL | SHIFT)
    qtbot.waitUntil(view.new_line.hasFocus)
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Right)
    type_as_a_person(qtbot, "Tills close at ten")
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert view.model.record(0)["title"] == "Tills close at ten"
    assert view.new_line.hasFocus(), QApplication.focusWidget()


def test_the_board_packs_communications_are_headed_and_worded_alike_on_paper_and_in_the_workbook(demo_window, qtbot,
                                                                                                tmp_path):
    """The demo's board pack by Ctrl+Shift+E, as a PDF and as a workbook. On paper the communications due had a last
    column with no heading, "Overdue" in some rows and nothing in the others, where the workbook headed it "Overdue"
    and said Yes or No, under a title worded "(including overdue)" where the PDF's said "(overdue included)". Both
    now read alike: "Overdue", Yes or No, under one title."""
    import subprocess

    import openpyxl
    from file_dialogs import answer_file_dialog

    pdf, book = tmp_path / "pack.pdf", tmp_path / "pack.xlsx"
    for out in (pdf, book):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)  # the keyboard back from the last export
        answer_file_dialog(qtbot, str(out))
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        qtbot.waitUntil(out.exists, timeout=30000)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                   text=True, timeout=120).stdout.split())
    heading = text.index("(overdue included) ID What Stakeholder Channel Frequency Owner Last held Next due Overdue")
    listed = text[heading:]
    sheet = openpyxl.load_workbook(book)["Communications"]
    assert sheet["A1"].value.endswith("(overdue included)"), sheet["A1"].value
    said = [(row[0].value, row[9].value) for row in sheet.iter_rows(min_row=3) if row[0].value]
    assert {overdue for _code, overdue in said} == {"Yes", "No"}, said
    for code, overdue in said:  # each row as the workbook says it, on paper too
        after = listed[listed.index(code):].split(" C-")[0].split(" Page ")[0]
        assert after.endswith(f" {overdue}"), (code, overdue, after)


def test_the_import_preview_writes_a_decisions_cost_as_the_table_will(empty_window, qtbot, tmp_path):
    """A colleague's decision log with a cost of 1234567 in File ▸ Import: the preview's row read "Cost impact:
    1.23457e+06" — another notation, its last digits gone — where the table then shows 1,234,567. It reads so now."""
    from openpyxl import Workbook

    from pmo_desktop.views.exchange.actions import open_import_dialog

    book = Workbook()
    sheet = book.active
    sheet.title = "Decision log"
    sheet.append(["Decision", "Cost impact", "Status"])
    sheet.append(["Buy the tills", 1234567, "Pending"])
    workbook = tmp_path / "Decisions.xlsx"
    book.save(workbook)
    window = empty_window
    dialog = open_import_dialog(window, window.document, str(workbook))
    qtbot.waitUntil(lambda: dialog.isVisible() and "1 to insert" in dialog.summary.text(), timeout=30000)
    rows = [" ".join(str(dialog.report_model.index(r, c).data()) for c in range(dialog.report_model.columnCount()))
            for r in range(dialog.report_model.rowCount())]
    assert any("Cost impact: 1,234,567" in row for row in rows), rows
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=30000)
    press(qtbot, Qt.Key.Key_Return)  # Import
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    view = window.active_register_view()
    assert view.proxy.index(0, view.model.column_of("cost_impact")).data() == "1,234,567"  # as the preview said
