"""Walkthrough 39: a newcomer's first hour on the registers other than risks — the stakeholder map, the benefits
plan, the RAID logs and the dependency map, the dashboard — at 1280×720 and on a projector, and once by the
keyboard alone. What they tripped on, each fixed, by real key presses on the real window."""

from __future__ import annotations

from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar

from pmo_desktop.views.page_list import PageList

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_ctrl_tab_goes_from_a_risks_cause_on_to_its_event_effect_trigger_and_notes(demo_window, qtbot):
    """Ctrl+Tab out of the risk register, its ✱ line, into the selected risk's Cause — and the next Ctrl+Tab showed
    the Heat map, then the Trend, the Program view, the Issue log and the register again, round and round: the
    page's tabs took the key the text box left, so Event, Effect, Trigger and Notes were never reached and the
    keyboard never got out. Ctrl+Tab now goes on as Tab does; Ctrl+PgDown is the key for the page's tabs."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    page = window.stack.currentWidget()
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the ✱ line
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    editors = page.detail.editors
    assert QApplication.focusWidget() is editors["cause"]
    for name in ("event", "effect", "trigger", "notes"):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
        assert QApplication.focusWidget() is editors[name], (name, QApplication.focusWidget())
        assert page.tabs.currentIndex() == 0  # still the register, not its heat map
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is editors["trigger"]


def test_ctrl_tab_leaves_a_benefits_profile_parts_for_the_chart_not_round_them(demo_window, qtbot):
    """On the Benefits page at 1280×720 the profile's parts are tabs; Ctrl+Tab from the register's ✱ line reached
    them and then only showed Measurements, Plan, Description, Method, Facts, Measurements … for ever: the chart
    beside it, the page list, every other control was out of reach by Ctrl+Tab. It now goes on into the part shown
    and out of the profile to the realization chart, as Tab does; Ctrl+PgDown moves the parts."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # View ▸ Benefits
    page = window.stack.currentWidget()
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    assert page.profile.in_tabs
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the ✱ line
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is page.profile.tabs.tabBar()
    shown = page.profile.tabs.currentIndex()
    seen = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
        seen.append(QApplication.focusWidget())
        assert page.profile.tabs.currentIndex() == shown  # the part stays
    assert any(w is page.chart or page.chart.isAncestorOf(w) for w in seen), seen
    assert any(isinstance(w, PageList) for w in seen), seen  # and on round the window


def test_ctrl_tab_from_the_raid_pages_rules_button_goes_on_into_the_page(demo_window, qtbot):
    """Ctrl+Tab from the assumptions' ✱ line went to the page list, then to the page's Rules… button at its top
    right — and from Rules… back to the page list, then to Rules… again: the window moved the keyboard by Qt's
    order of making the widgets, not through the page as it reads, as Tab does. From Rules… Ctrl+Tab now goes to
    the page's tabs, its search, its table."""
    window = demo_window
    press(qtbot, Qt.Key.Key_7, CTRL)  # View ▸ RAID
    page = window.stack.currentWidget()
    page.rules_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.rules_button.hasFocus)
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert isinstance(QApplication.focusWidget(), QTabBar), QApplication.focusWidget()
    assert page.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is page.rules_button
