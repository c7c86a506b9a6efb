"""Ctrl+F from wherever the keyboard is in the main window: the page's table's search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def press_find(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def test_ctrl_f_from_the_page_list_searches_the_page_s_table(demo_window, qtbot):
    window = demo_window
    window.show_page(3)  # Risks, as a click in the page list leaves it: the keyboard in the list
    window.nav.setFocus()
    qtbot.waitUntil(window.nav.hasFocus)
    press_find(qtbot, window.nav)
    view = window.page("Risks").register_view
    assert view.search.hasFocus()


def test_ctrl_f_on_a_chart_tab_brings_the_register_tab_forward(demo_window, qtbot):
    window = demo_window
    page = window.page("Risks")
    page.tabs.setCurrentIndex(1)  # the heat map
    page.tabs.tabBar().setFocus()
    qtbot.waitUntil(page.tabs.tabBar().hasFocus)
    press_find(qtbot, page.tabs.tabBar())
    assert page.tabs.currentIndex() == 0 and page.register_view.search.hasFocus()


def test_ctrl_f_in_a_table_is_still_the_table_s_own(demo_window, qtbot):
    """The window's Ctrl+F stands aside while a table has the keyboard (two would be ambiguous: neither fires)."""
    window = demo_window
    page = window.page("Risks")
    page.tabs.setCurrentIndex(0)
    table = page.register_view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert not window.find_elsewhere.isEnabled()
    press_find(qtbot, table)
    assert page.register_view.search.hasFocus()
