"""Walkthrough leftover (gui43): in a register of 50,000 records or more (the windowed table, its ids read a page
at a time and listed on a worker), the second Esc after a search was to give the whole register back as it does
in a small one (walkthrough 30): every row, the keyboard still on the record found, that cell alone selected,
the status bar saying so. Here the windowed table from one record, its first rows two and its pages two rows, so
that the record found lies past the rows read first. Real key presses on the main window."""

from __future__ import annotations

import pytest
from focused_keys import type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough18b import keys_to

from pmo_desktop.views.register_table import windowed

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def windowed_from_one_record(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "LIST_FIRST_FROM", 1)  # a search's first rows shown, the rest listed after
    monkeypatch.setattr(windowed, "FIRST_ROWS", 2)
    monkeypatch.setattr(windowed, "PAGE", 2)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 1)


@pytest.mark.parametrize("sorted_by", [None, "raised_on"])
def test_the_second_esc_gives_a_windowed_register_back_whole_on_the_record_found(windowed_from_one_record,
                                                                                 demo_window, qtbot, sorted_by):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    assert isinstance(view.model, windowed.WindowedRegisterModel)
    qtbot.waitUntil(view.table.hasFocus)
    if sorted_by:
        view.table.sortByColumn(view.model.column_of(sorted_by), Qt.SortOrder.DescendingOrder)
    every = view.proxy.rowCount()
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, "certification")  # the last risk of the demo: past the rows read first
    qtbot.waitUntil(lambda: 0 < view.proxy.rowCount() < every)
    keys_to(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table and view.search.text() == "certification"
    found = view.current_record_id()
    column = view.table.currentIndex().column()
    keys_to(qtbot, Qt.Key.Key_Escape)
    assert view.search.text() == "" and view.proxy.rowCount() == every
    assert QApplication.focusWidget() is view.table and view.current_record_id() == found
    assert view.table.currentIndex().column() == column and len(view.table.selectionModel().selectedIndexes()) == 1
    assert window.statusBar().currentMessage() == "Search cleared: every row shown."
    row = view.table.currentIndex().row()
    assert sorted_by or row > 1  # past the first rows
    top, height = view.table.rowViewportPosition(row), view.table.rowHeight(row)
    assert 0 <= top and top + height <= view.table.viewport().height()  # in view, whole
