"""The last keyboard gaps (walkthrough 36b: a workshop run by keyboard on a projector, at 150 % on a small
laptop): the dependency map takes the keyboard as every other chart, a narrow table scrolled right still says
whose row it is, and a chart cursor's caption covers none of the chart's own labels. Real window, real key
presses, the demo office's real file."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_stakeholders_table_beside_the_grid_at_150_percent_keeps_the_id_in_view_when_scrolled_right(
        demo_window, qtbot):
    """At 150 % on 1280×720 (853×480 of Qt's pixels) the stakeholders' table beside the power/interest grid is
    175 px wide: too narrow for the ID and the name in half of it, so nothing was frozen — End took the
    keyboard to the last column and the rows read "Key concerns" and "…", no one could tell whose row it was.
    The ID stays in view (the name, which has no room, scrolls) and names the row the keyboard is on."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    view = window.active_register_view()
    table = view.table
    qtbot.waitUntil(table.isVisible)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_End)  # the row's last column: the table scrolls right
    qtbot.wait(50)
    assert table.horizontalScrollBar().value() > 0
    frozen = table.frozen
    id_column = view.model.column_of("code")
    assert frozen.isVisible() and frozen.columns == [id_column]
    row = table.currentIndex().row()
    y = table.rowViewportPosition(row) + table.rowHeight(row) // 2
    shown = frozen.indexAt(QPoint(frozen.columnViewportPosition(id_column) + 5, y))
    assert shown.column() == id_column and shown.row() == row
    assert shown.data() == view.model.record(row)["code"]
    assert frozen.width() <= table.viewport().width() // 2 + 2  # the other half left to the column edited
    window.resize(1920, 1080)  # room again for the name: both frozen
    qtbot.wait(50)
    qtbot.keyClick(table, Qt.Key.Key_End)
    qtbot.wait(50)
    if table.horizontalScrollBar().value() > 0:
        assert frozen.columns == frozen.leading
    assert QApplication.focusWidget() is table
