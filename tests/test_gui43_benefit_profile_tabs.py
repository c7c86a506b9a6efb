"""Walkthrough leftover (gui43): the benefit profile, in tabs at 1280×720, did not move between its tabs the way the
rest of the app does. Ctrl+PgDown in it left the Benefits tab for the program roll-up; Ctrl+Tab in its description
showed the next part with the keyboard left in the hidden box, so what was typed went nowhere seen. Now
Ctrl+PgDown / Ctrl+PgUp move the tabs the keyboard is in — the profile's —, the keyboard always in the part shown;
Ctrl+Tab goes on to the next control, as everywhere in the window (it went round the parts for ever,
walkthrough 39). Real key presses on the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.register_table import RegisterView

CTRL = Qt.KeyboardModifier.ControlModifier


def _press(qtbot, key, modifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_the_benefit_profiles_tabs_move_by_ctrl_pgdown_with_the_keyboard_in_the_part_shown(
        demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    assert QApplication.focusWidget() is view.table
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    profile = page.profile
    _press(qtbot, Qt.Key.Key_Tab, CTRL)  # out of the table to its ✱ line, then Tab to the profile's tabs
    _press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    assert profile.in_tabs and QApplication.focusWidget() is profile.tabs.tabBar()
    part = profile.tabs.tabText

    def at() -> tuple[str, str]:
        focus = QApplication.focusWidget()
        assert focus is not None and focus.isVisible() and profile.tabs.currentWidget().isAncestorOf(focus) \
            or focus is profile.tabs.currentWidget(), (type(focus).__name__, part(profile.tabs.currentIndex()))
        assert page.tabs.currentWidget() is page.benefits_tab  # the page's own tab stays
        return part(profile.tabs.currentIndex()), type(focus).__name__

    _press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert at() == ("Plan", "RegisterTable")
    _press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert at() == ("Description", "CommitTextEdit") and QApplication.focusWidget() is profile.description
    _press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert at() == ("Method", "CommitTextEdit")
    method = QApplication.focusWidget()
    before = method.toPlainText()
    qtbot.keyClicks(method, "z")  # typed where it is seen
    assert method.toPlainText() != before and method.isVisible()
    qtbot.keyClick(method, Qt.Key.Key_Backspace)
    _press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert at() == ("Description", "CommitTextEdit")
    _press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert at() == ("Plan", "RegisterTable")
    _press(qtbot, Qt.Key.Key_PageUp, CTRL)
    _press(qtbot, Qt.Key.Key_PageUp, CTRL)  # round the start to the last part
    assert part(profile.tabs.currentIndex()) == "Facts" and page.tabs.currentWidget() is page.benefits_tab

    # From the register's table, outside the profile, Ctrl+PgDown is the page's next tab, as on every page.
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    _press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert page.tabs.currentWidget() is page.rollup
    assert not isinstance(QApplication.focusWidget(), RegisterView)
