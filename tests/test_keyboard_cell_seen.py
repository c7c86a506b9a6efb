"""The cell the keyboard is on is seen from the back of a room (walkthrough 36): after Ctrl+4 — or any page
reached by its shortcut — the register's table has the keyboard on a cell that Fusion marked with a dotted line in
a pale tint, not seen on a projector. It is framed in the theme's strong highlight (yellow in high contrast) while
the table has the keyboard, by painting alone: the selection is left as it was, so Ctrl+C still copies the one
cell (selecting it on arrival made Ctrl+C copy two). Real window, real key presses, the demo office's file."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

CTRL = Qt.KeyboardModifier.ControlModifier


def framed_share(table) -> float:
    """The share of the current cell's edge (a band 2 pixels wide, just inside it) drawn in the highlight."""
    index = table.currentIndex()
    frozen = table.frozen
    view = frozen if frozen is not None and frozen.isVisible() and index.column() in frozen.columns else table
    rect = view.visualRect(index).translated(view.viewport().mapTo(table, QPoint(0, 0)))
    picture = table.grab().toImage()  # with the frozen columns laid over the table, where they show
    ratio = picture.width() / max(table.width(), 1)
    want = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    edge = [(x, y) for x in range(rect.left() + 3, rect.right() - 3) for y in (rect.top() + 1, rect.bottom() - 1)]
    edge += [(x, y) for y in range(rect.top() + 3, rect.bottom() - 3) for x in (rect.left() + 1, rect.right() - 1)]
    near = 0
    for x, y in edge:
        c = QColor(picture.pixel(round(x * ratio), round(y * ratio)))
        if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 60:
            near += 1
    return near / len(edge)


@pytest.mark.parametrize("key, high_contrast, scrolled", [
    (Qt.Key.Key_4, False, False), (Qt.Key.Key_2, False, False), (Qt.Key.Key_3, False, False),
    (Qt.Key.Key_5, False, False), (Qt.Key.Key_4, True, False), (Qt.Key.Key_4, False, True)])
def test_the_cell_with_the_keyboard_is_framed_in_the_strong_highlight(demo_window, qtbot, key, high_contrast,
                                                                      scrolled):
    from pmo_desktop.views.theme import theme

    window = demo_window
    if high_contrast:
        theme().set_choice("high-contrast")
    qtbot.keyClick(window, key, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    qtbot.waitUntil(lambda: table.hasFocus() and table.currentIndex().isValid())
    if scrolled:  # the table scrolled sideways: the ID the keyboard is on is drawn by the frozen columns
        for _ in range(3):
            table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
            qtbot.wait(30)
        assert table.frozen.isVisible() and table.currentIndex().column() in table.frozen.columns
    qtbot.wait(30)
    assert framed_share(table) > 0.9
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the frame goes with the keyboard
    qtbot.wait(30)
    assert table.currentIndex().row() == 1 and framed_share(table) > 0.9
    selected = table.selectionModel().selectedIndexes()
    assert len(selected) <= 1  # painted, not selected: one cell, or none
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    copied = QGuiApplication.clipboard().text()
    assert "\t" not in copied.strip("\n") and "\n" not in copied.strip("\n")
    table.clearFocus()  # the frame marks the keyboard: none where it is not
    qtbot.wait(30)
    assert framed_share(table) < 0.5
