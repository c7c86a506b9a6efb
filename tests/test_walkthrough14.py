"""Walkthrough 14: what the last walkthrough left, and what a newcomer's walk through every page at 1280×720,
1920×1080 and 150 % found — real widgets, real key presses (each key to the widget that has the focus)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def cell_colour(view, index) -> QColor:
    """The fill a cell is drawn with (a few pixels in from its top left corner, clear of its text)."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((rect.left() + 3) * ratio), int((rect.top() + 3) * ratio))


def near(a: QColor, b: QColor, within: int = 16) -> bool:
    """Two colours alike to the eye (Fusion shades a selected cell a little off its palette colour)."""
    return all(abs(x - y) <= within for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def test_after_enter_on_the_new_row_line_only_the_line_is_drawn_where_the_keyboard_is(empty_window, qtbot):
    """A title typed in the ✱ line and Enter: the record is added and selected in the table, the keyboard stays
    in the line for the next one. Both were drawn in the same selection blue — which would typing go to? The
    table's selection is now drawn pale while the keyboard is in the line, and strong again once it is back."""
    from focused_keys import press, type_keys

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "POS supplier delivers late")
    press(qtbot, Qt.Key.Key_Return)
    line, table = view.new_line, view.table
    assert QApplication.focusWidget() is line and view.model.rowCount() == 1
    strong = QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    in_line = cell_colour(line, line.currentIndex())
    in_table = cell_colour(table, table.currentIndex())
    assert near(in_line, strong)
    assert not near(in_table, strong) and in_table.lightness() > strong.lightness() + 40  # pale: not the keyboard's
    press(qtbot, Qt.Key.Key_Up)  # back in the table: its row strong, the line's cell no longer
    assert QApplication.focusWidget() is table
    assert near(cell_colour(table, table.currentIndex()), strong)
    assert not near(cell_colour(line, line.currentIndex()), strong)
    for _ in range(8):  # along the row: the table scrolls, its ID and title kept in view over it, drawn alike
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Escape)
    frozen = table.frozen
    assert frozen.isVisible() and QApplication.focusWidget() is table
    row = table.currentIndex().row()
    table.selectRow(row)
    title = table.model().index(row, view.model.column_of("title"))
    assert near(cell_colour(frozen, title), strong)
