"""Walkthrough 38: a newcomer's first hour from the README, by the keyboard alone — a register imported from Excel,
dates typed, a risk and a stakeholder added on the ✱ line, rated, filtered, sorted, undone, replaced, exported. What
they tripped on, each fixed, by real key presses on the real window."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.exchange.actions import open_import_dialog
from pmo_desktop.views.register_table.new_row import NewRowLine
from pmo_desktop.views.stakeholders.detail import StakeholderDetail

CTRL = Qt.KeyboardModifier.ControlModifier
CORPUS = Path(__file__).parents[2] / "shared" / "excel-corpus"


def names(view) -> list[str]:
    column = view.model.column_of("name")
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_a_stakeholder_typed_on_the_new_line_after_home_is_added_not_lost_on_its_id(demo_window, qtbot):
    """Ctrl+End, Down to the ✱ line and Home, as in Excel to column A, then the stakeholder's name typed: Home had put
    the keyboard on the line's ID, which the office numbers itself, and every key of "Regional store managers" was
    refused there one by one ("ID: given by the office"), the name lost and the next Tab out of the table. Home (and
    Left, Ctrl+Left) on the line now stop at its first column that takes typing — where "Type here to add a row"
    stands — so the name goes in and Enter adds the stakeholder."""
    window = demo_window
    press(qtbot, Qt.Key.Key_3, CTRL)  # View ▸ Stakeholders
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    before = view.proxy.rowCount()
    press(qtbot, Qt.Key.Key_End, CTRL)  # the last stakeholder
    press(qtbot, Qt.Key.Key_Down)  # the ✱ line
    assert isinstance(QApplication.focusWidget(), NewRowLine)
    for key in (Qt.Key.Key_Home, Qt.Key.Key_Left):
        press(qtbot, key)
        assert view.new_line.currentIndex().column() == view.model.column_of("name")
    press(qtbot, Qt.Key.Key_Left, CTRL)
    assert view.new_line.currentIndex().column() == view.model.column_of("name")
    type_as_a_person(qtbot, "Regional store managers")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == before + 1)
    assert "Regional store managers" in names(view)
    assert window.isAncestorOf(QApplication.focusWidget())  # the keyboard still in the window, for the next one


def test_ctrl_tab_goes_on_from_a_stakeholders_key_concerns_as_it_leaves_the_table(demo_window, qtbot):
    """Ctrl+Tab, the README's key out of a table, took the keyboard from the stakeholder map to its ✱ line and on
    into the selected stakeholder's Key concerns — and there it stayed: Ctrl+Tab and Ctrl+Shift+Tab did nothing in
    the box (a text box that takes Tab for focus leaves Ctrl+Tab to the tabs around it, and this page has none), so
    a keyboard user was stuck in it with Tab the only way on. A Ctrl+Tab nothing uses now moves on as Tab does,
    Ctrl+Shift+Tab back."""
    window = demo_window
    press(qtbot, Qt.Key.Key_3, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is view.new_line
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    concerns = QApplication.focusWidget()
    assert concerns.placeholderText() == "Key concerns…", concerns
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    notes = QApplication.focusWidget()
    assert notes is not concerns and notes.placeholderText() == "Notes…"
    press(qtbot, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is concerns


def test_a_stakeholder_imported_unrated_has_its_summary_shown_whole_at_1280_by_720(empty_window, qtbot, tmp_path):
    """A colleague's stakeholder register imported into a fresh office at 1280×720 (power given, interest, attitude
    and engagement not): the first stakeholder's panel says "not rated yet · attitude not assessed yet · engagement
    not assessed yet · no project yet", lines the layout counted as one — its first and last lines were cut
    through under the heading, the text boxes below keeping their room. The summary now keeps the height of its
    lines. (The cut came with a loaded machine — the layout run before the summary had its lines — and failed
    so twice on the code before at a load of 10; on an idle machine the code before passes too.)"""
    window = empty_window
    source = CORPUS / "fengdancui__Stakeholder_Register.xlsx"
    if not source.exists():
        pytest.skip("the shared corpus of real workbooks is not on this machine")
    wb = tmp_path / "Stakeholders.xlsx"
    shutil.copy(source, wb)
    d = open_import_dialog(window, window.document, str(wb))
    qtbot.waitUntil(lambda: d.isVisible() and d.isAncestorOf(QApplication.focusWidget()), timeout=30000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not d.isVisible(), timeout=30000)
    qtbot.wait(300)
    summary = window.findChild(StakeholderDetail).summary
    assert "not rated yet" in summary.text()
    assert summary.height() >= summary.heightForWidth(summary.width()), summary.text()
    detail = window.findChild(StakeholderDetail)
    concerns = detail.editors["concerns"]
    assert summary.geometry().bottom() < concerns.mapTo(detail, concerns.rect().topLeft()).y()  # not under the box
