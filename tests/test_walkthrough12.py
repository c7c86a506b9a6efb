"""Walkthrough 12: what the last walkthrough left — a newcomer who lives in Excel, driving real widgets with real
key presses and clicks (each key to the widget that has the focus)."""

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
