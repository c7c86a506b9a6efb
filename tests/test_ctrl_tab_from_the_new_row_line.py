"""Ctrl+Tab leaves a register's ✱ line for the next control, as it leaves the table above it (walkthrough 28):
on the line of an inner table — a risk's response actions, a benefit's measurements — and on a register's own
line, Ctrl+Tab switched the page's tabs instead (the risk register to its heat map), the keyboard taken off the
page the user was typing on."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def _risks_page(main_window, qtbot):
    main_window.open_demo()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.show_page(3)
    return main_window.pages[3]


@pytest.mark.parametrize("which", ["register", "response actions"])
def test_ctrl_tab_on_a_new_row_line_moves_on_and_keeps_the_tab(main_window, qtbot, which):
    page = _risks_page(main_window, qtbot)
    view = page.register_view
    if which == "response actions":
        view.select_record(view.model.record(0)["id"])
        view = page.detail.actions_view
    line = view.new_line
    line.setFocus()
    line.setCurrentIndex(line.model().index(0, 1))
    qtbot.waitUntil(line.hasFocus)
    before = page.tabs.currentIndex()
    qtbot.keyClick(line, Qt.Key.Key_Tab, CTRL)
    assert page.tabs.currentIndex() == before  # still the risk register, not the heat map
    assert QApplication.focusWidget() is not line and QApplication.focusWidget() is not None
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    qtbot.keyClick(line, Qt.Key.Key_Tab, CTRL | Qt.KeyboardModifier.ShiftModifier)  # back, the same way
    assert page.tabs.currentIndex() == before
    assert QApplication.focusWidget() is not line and QApplication.focusWidget() is not None
