"""Excel's row entry: a record typed along its row with Tab and ended with Enter leaves the keyboard at
the start of the next row — the column where the run of Tabs began — not under the row's last cell. Real
key presses, each to the widget that has the focus."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier
PROJECTS = REGISTERS["projects"]


def test_the_next_record_typed_after_enter_starts_in_the_first_column(empty_window, qtbot):
    """A project typed from the ✱ line across its row with Tab, Enter on its last cell: the keyboard went
    to the ✱ line under that last cell (the budget), so the next project's name was typed into the budget
    and lost. Now it goes to the name, and the next project is made."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.stack.currentWidget().register_view
    fields = PROJECTS.field_names

    type_keys(qtbot, "Store refit")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    for _ in range(3):  # manager, sponsor, status
        press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "2026-12-01")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.new_line)
    assert view.new_line.currentIndex().column() == fields.index("name")

    type_keys(qtbot, "Warehouse move")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    names = sorted(view.model.record(r)["name"] for r in range(2))
    assert names == ["Store refit", "Warehouse move"]


def test_enter_after_tabs_along_a_row_goes_down_to_where_they_began(demo_window, qtbot):
    """Within the table: Tab twice from a row's title, then Enter, lands on the next row's title."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    start = view.proxy.index(0, PROJECTS.field_names.index("name"))
    table.setFocus()
    table.setCurrentIndex(start)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert table.currentIndex().column() > start.column()
    press(qtbot, Qt.Key.Key_Return)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, start.column())
    press(qtbot, Qt.Key.Key_Return)  # no Tabs since: straight down, as before
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, start.column())
