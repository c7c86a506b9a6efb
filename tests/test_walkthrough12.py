"""Walkthrough 12: what the last walkthrough left — a newcomer who lives in Excel, driving real widgets with real
key presses and clicks (each key to the widget that has the focus)."""

from pathlib import Path

import pytest
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def risk_cell(view, row: int, field: str):
    return view.proxy.mapFromSource(view.model.index(row, RISKS.field_names.index(field)))


def not_ours(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "does not belong to this view" in r.message]


def test_typing_in_cells_logs_no_editor_that_does_not_belong_to_this_view(demo_window, qtbot, qtlog):
    """The table and its frozen columns (ID and title kept in view) share one delegate, so every cell stored
    (Enter, Tab, a click elsewhere, a drop-down, the ✱ line) made Qt log "commitData called with an editor that
    does not belong to this view" from the view that had not opened the editor — a log full of warnings that
    hid real ones. Each view now handles only its own editors; Enter still moves down, Tab along."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "title"))
    type_keys(qtbot, "Edited title")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(0)["title"] == "Edited title"
    assert table.currentIndex() == risk_cell(view, 1, "title")
    type_keys(qtbot, "Tabbed title")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(1)["title"] == "Tabbed title"
    assert table.currentIndex().column() == risk_cell(view, 1, "title").column() + 1
    table.setCurrentIndex(risk_cell(view, 2, "probability"))
    type_keys(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.currentIndex() == risk_cell(view, 3, "probability"))
    assert view.model.record(2)["probability"] == 4
    # scrolled sideways: the title is edited in the frozen columns laid over the table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.waitUntil(lambda: table.frozen is not None and table.frozen.active())
    table.setCurrentIndex(risk_cell(view, 3, "title"))
    type_keys(qtbot, "Frozen title")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(3)["title"] == "Frozen title"
    assert table.currentIndex() == risk_cell(view, 4, "title")
    view.focus_new_line(RISKS.field_names.index("title"))
    type_keys(qtbot, "Typed in the line")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None
    assert not_ours(qtlog) == []


@pytest.fixture
def empty_window(main_window, qtbot, tmp_path: Path):
    """The main window on a new office with nothing in it, 1280×720 and active."""
    assert main_window.create_file(str(tmp_path / "office.pmo"))
    main_window.resize(1280, 720)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


def test_the_program_view_of_a_new_office_says_what_it_lists_and_how_to_fill_it(empty_window, qtbot):
    """The Program view of a new office was an empty table under "0 program risks … touching 0 projects":
    now it says what a program risk is and how one gets there; once a risk is made a program risk (its Level
    typed in the register), the table shows it and the sentence goes."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.program_view)
    program = page.program_view
    qtbot.waitUntil(program.empty.isVisible)
    assert not program.table.isVisible()
    assert "No program risks yet" in program.empty.text() and "Escalate" in program.empty.text()
    page.tabs.setCurrentWidget(page.register_tab)
    view = page.register_view
    view.focus_new_line(RISKS.field_names.index("title"))
    type_keys(qtbot, "Funding cut at the spending review")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.setFocus()
    view.table.setCurrentIndex(risk_cell(view, 0, "level"))
    type_keys(qtbot, "prog")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(0)["level"] == "Program")
    page.tabs.setCurrentWidget(page.program_view)
    qtbot.waitUntil(program.table.isVisible)
    assert not program.empty.isVisible() and program.table.rowCount() == 1
