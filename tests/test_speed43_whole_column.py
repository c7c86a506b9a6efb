"""A whole column selected (Ctrl+Space) in a register of many rows: the column headers, a fill (Ctrl+D), a clear
(Del) and the whole-rows question read the selection's ranges, never asking the model about every selected
cell — Qt's way (``isColumnSelected``, ``selectedIndexes``, ``selectedRows``) called the model's ``flags`` once a
row, 100,000 calls into Python a header paint with a column of 100,000 risks selected (stop speed43, issue 16).
In memory and windowed alike."""

from __future__ import annotations

import sys
import threading
from contextlib import contextmanager

import numpy  # noqa: F401 — in before any worker imports it: the profiler below slows this thread, and an import
import pytest  # of numpy by the GUI thread racing the worker's found it half made (a race of the app's own, not these tests')
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QStyleOptionHeader
from register_views import shown_view

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import windowed
from pmo_desktop.views.register_table.table_model import RegisterTableModel

PROJECTS = REGISTERS["projects"]
ROWS = 300  # the view shows about 15 of them
OUT_OF_VIEW = 100  # no row from here is painted
WHERE = QStyleOptionHeader.SelectedPosition


def with_projects(store) -> Document:
    with store.transaction() as s:
        records.create_records(s, PROJECTS, [{"name": f"Project {i}", "budget": 100 * (i % 7)} for i in range(ROWS)])
    return Document(store)


@pytest.fixture(params=["in memory", "windowed"])
def document(request, store, monkeypatch):
    if request.param == "windowed":
        monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    return with_projects(store)


@pytest.fixture
def windowed_document(store, monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    return with_projects(store)


@contextmanager
def rows_asked():
    """The rows the models' ``flags`` is asked about meanwhile, on this thread (whoever asks: Qt or us)."""
    asked: list[int] = []
    code = RegisterTableModel.flags.__code__

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code is code:
            index = frame.f_locals.get("index")
            if index is not None and index.isValid():
                asked.append(index.row())

    sys.setprofile(profile)
    try:
        yield asked
    finally:
        sys.setprofile(None)


def whole_column(qtbot, view, column: int, row: int = 0) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.keyClick(view.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)


def position(header, logical: int):
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, logical)
    return option.selectedPosition


def test_the_headers_are_told_a_whole_column_is_selected_by_its_ranges(qtbot, document):
    view = shown_view(qtbot, document, PROJECTS)
    table, budget = view.table, view.model.column_of("budget")
    whole_column(qtbot, view, budget)
    header = table.horizontalHeader()
    with rows_asked() as asked:
        header.viewport().repaint()
        assert view.frozen is not None
        view.frozen.horizontalHeader().viewport().repaint()
    assert [row for row in asked if row >= OUT_OF_VIEW] == []  # Qt asked about each of the 300 rows
    # the sections beside the column are drawn as beside a selected one, as Qt drew them
    visual = header.visualIndex(budget)
    after, before = header.logicalIndex(visual + 1), header.logicalIndex(visual - 1)
    assert position(header, after) == WHERE.PreviousIsSelected
    assert position(header, before) == WHERE.NextIsSelected
    assert position(header, budget) == WHERE.NotAdjacent
    # a column less one cell is not wholly selected; a column selected in two blocks is
    selection = table.selectionModel()
    selection.select(view.proxy.index(ROWS - 1, budget), QItemSelectionModel.SelectionFlag.Deselect)
    assert position(header, after) == WHERE.NotAdjacent
    selection.select(view.proxy.index(ROWS - 1, budget), QItemSelectionModel.SelectionFlag.Select)
    assert position(header, after) == WHERE.PreviousIsSelected
    selection.clearSelection()
    assert position(header, after) == WHERE.NotAdjacent


def test_ctrl_d_fills_a_whole_column_from_the_selection_ranges(qtbot, document):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    whole_column(qtbot, view, budget, row=3)
    assert not view.whole_rows_selected()
    with rows_asked() as asked:
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [row for row in asked if row >= OUT_OF_VIEW] == []  # Qt's selectedIndexes and selectedRows did
    qtbot.waitUntil(lambda: {model.record(r)["budget"] for r in range(ROWS)} == {0})  # the top cell's, 0
    assert model.rowCount() == ROWS  # filled, not duplicated
    assert table.currentIndex().row() == 3 and table.selectionModel().isColumnSelected(budget)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: [model.record(r)["budget"] for r in range(ROWS)] == [100 * (i % 7) for i in range(ROWS)])

    # Del clears the cells of a block (its budgets: none), read off the ranges too
    block = QItemSelection(view.proxy.index(10, budget), view.proxy.index(ROWS - 1, budget))
    table.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    with rows_asked() as asked:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [row for row in asked if row >= OUT_OF_VIEW] == []
    qtbot.waitUntil(lambda: all(model.record(r)["budget"] is None for r in range(10, ROWS)))
    assert [model.record(r)["budget"] for r in range(10)] == [100 * (i % 7) for i in range(10)]


def test_whole_rows_are_told_by_the_ranges_across_them(qtbot, document):
    """Rows picked whole (Shift+Space) are duplicated by Ctrl+D; rows whose cells two blocks side by side select
    are whole rows too; a row short of one cell is not."""
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    last = model.columnCount() - 1
    selection = table.selectionModel()

    def pick(*blocks) -> None:
        chosen = QItemSelection()
        for top, bottom, left, right in blocks:
            chosen.select(view.proxy.index(top, left), view.proxy.index(bottom, right))
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    pick((2, 3, 0, 4), (2, 3, 5, last))
    assert view.whole_rows_selected()
    pick((2, 3, 0, 4), (2, 2, 5, last))
    assert not view.whole_rows_selected()
    pick((2, 3, 0, 4), (2, 3, 6, last))
    assert not view.whole_rows_selected()
    pick((0, ROWS - 1, 0, last))
    with rows_asked() as asked:
        assert view.whole_rows_selected()
    assert [row for row in asked if row >= OUT_OF_VIEW] == []

    selection.clearSelection()
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(5, 1))
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert view.whole_rows_selected()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.rowCount() == ROWS + 1)


def test_a_fill_of_many_cells_reads_their_rows_on_a_worker(qtbot, windowed_document, monkeypatch):
    """The rows a fill changes — their old values and versions — read on a worker behind a progress dialog, not
    on the GUI thread (100,000 risks' rows: seconds before the edit's own progress showed); the fill the same."""
    monkeypatch.setattr(windowed, "READ_ON_WORKER_FROM", 10, raising=False)
    readers: list[bool] = []
    read = windowed.stored_rows

    def recorded(*args, **kwargs):
        readers.append(threading.current_thread() is threading.main_thread())
        return read(*args, **kwargs)

    monkeypatch.setattr(windowed, "stored_rows", recorded)
    document = windowed_document
    view = shown_view(qtbot, document, PROJECTS)
    model, budget = view.model, view.model.column_of("budget")
    assert isinstance(model, windowed.WindowedRegisterModel)
    whole_column(qtbot, view, budget)
    qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: {model.record(r)["budget"] for r in range(ROWS)} == {0})
    assert readers and not any(readers)
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: [model.record(r)["budget"] for r in range(ROWS)] == [100 * (i % 7) for i in range(ROWS)])
