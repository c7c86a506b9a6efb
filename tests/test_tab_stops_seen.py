"""Every Tab stop shows itself (walkthrough 36, by keyboard on a projector): tabbing from the page list into a
page landed once on the room the pages are shown in (a scroll area) before its first control, with nothing drawn
to say where the keyboard was. Tab from the page list now reaches the page's first control, on every page, and
Shift+Tab goes straight back; no scroll area holding a page's controls is a stop of its own. Real window, real
key presses, the demo office's file."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("number", range(1, 9))
def test_tab_from_the_page_list_reaches_a_control_of_the_page_and_shift_tab_comes_back(demo_window, qtbot, number):
    window = demo_window
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
    page = window.stack.currentWidget()
    window.nav.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.nav.hasFocus)
    qtbot.keyClick(window.nav, Qt.Key.Key_Tab)
    landed = QApplication.focusWidget()
    assert landed is not None and page.isAncestorOf(landed), type(landed).__name__
    assert type(landed) is not QScrollArea and landed.metaObject().className() != "PageArea"
    qtbot.keyClick(landed, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.nav


def test_no_scroll_area_holding_a_pages_controls_is_a_tab_stop(demo_window, qtbot):
    """Each page's chain of Tab stops, every tab of it shown in turn: a scroll area whose controls are stops of
    their own would be one stop more that shows nothing."""
    from PySide6.QtWidgets import QTabWidget

    window = demo_window
    for number in range(1, 9):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        page = window.stack.currentWidget()
        tabs = page.findChildren(QTabWidget)
        for tab_widget in tabs or [None]:
            for i in range(tab_widget.count() if tab_widget is not None else 1):
                if tab_widget is not None:
                    tab_widget.setCurrentIndex(i)
                    qtbot.wait(10)
                for area in window.findChildren(QScrollArea):
                    if area.isVisible() and area.widget() is not None and any(
                            child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisible()
                            for child in area.widget().findChildren(QWidget)):
                        assert not area.focusPolicy() & Qt.FocusPolicy.TabFocus, (number, area.accessibleName())
