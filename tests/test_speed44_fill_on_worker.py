"""Ctrl+D filling a whole column of a windowed register: the cells listed, their rows read, each value parsed and
compared and the edits made on a worker behind a progress dialog that Cancel stops — a million cells held the
GUI thread 10-25 s for it — and each column's text parsed once, not once a cell (round speed44, issue 16: the
window never blocked). What the user sees after is as before: every cell filled, the current cell and the
selection on their records, one undo step that puts each old value back; Cancel changes nothing at all.
SQLite and PostgreSQL (the ``store`` fixture).

The thresholds are lowered so that 300 records make a windowed table of pages of 4 rows, most never read."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy  # noqa: F401 — in before a worker imports it (``import_numpy_ahead``): see test_speed43_whole_column
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from register_views import shown_view

from pmo_desktop.models import bulk, fields, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import windowed

PROJECTS = REGISTERS["projects"]
ROWS = 300
BUDGETS = [100 * (i % 7) for i in range(ROWS)]


@pytest.fixture(autouse=True)
def _windowed_small(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)
    monkeypatch.setattr(windowed, "READ_ON_WORKER_FROM", 10)
    monkeypatch.setattr(bulk, "CONVERT_CHUNK", 7, raising=False)  # the write's rows converted in chunks (a million: the lock let go)


@pytest.fixture
def document(store):
    with store.transaction() as s:
        records.create_records(s, PROJECTS, [{"name": f"Project {i}", "budget": BUDGETS[i]} for i in range(ROWS)])
    return Document(store)


@pytest.fixture
def parses(monkeypatch):
    """Each parse of a budget by the table (the edit worked out, not the office's write, which parses again), by the
    thread it ran on; ``hold`` (cleared by a test) keeps a worker's parse waiting until released, so that the test
    can press Cancel meanwhile."""
    seen: list[str] = []
    hold = threading.Event()
    hold.set()
    parse = fields.Field.parse

    def recorded(self, raw, ctx):
        if self.name == "budget" and "views" in Path(sys._getframe(1).f_code.co_filename).parts:
            on_gui = threading.current_thread() is threading.main_thread()
            seen.append("gui" if on_gui else "worker")
            if not on_gui:
                hold.wait(10)
        return parse(self, raw, ctx)

    monkeypatch.setattr(fields.Field, "parse", recorded)
    return seen, hold


def budgets_by_name(document) -> dict[str, float]:
    """Each project's budget as stored."""
    names = [f.name for f in PROJECTS.fields]
    name, budget = names.index("name") + 2, names.index("budget") + 2  # rows are (id, version, *values)
    rows = document.office.read(records.fetch_rows, PROJECTS)
    return {row[name]: row[budget] for row in rows}


def selected_blocks(view) -> list[tuple[int, int, int, int]]:
    return view.selection_ranges()


def whole_column(qtbot, view, column: int, row: int) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.keyClick(view.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)


def progress_dialog() -> QProgressDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    return shown[0] if shown else None


def test_a_fill_of_a_whole_column_is_worked_out_on_a_worker_each_text_parsed_once(qtbot, document, parses):
    seen, _hold = parses
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget, name = view.model, view.table, view.model.column_of("budget"), view.model.column_of("name")
    assert isinstance(model, windowed.WindowedRegisterModel)
    table.sortByColumn(budget, Qt.SortOrder.DescendingOrder)  # the 600s first
    assert model.record(0)["budget"] == 600
    # the column selected from the current cell, five rows down (a record whose budget is 600 too)
    whole_column(qtbot, view, budget, row=5)
    current = model.record_id(5)
    seen.clear()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: set(budgets_by_name(document).values()) == {600})
    assert seen == ["worker"]  # the one text parsed once, on the worker: never on the GUI thread
    qtbot.waitUntil(lambda: {model.record(r)["budget"] for r in range(model.rowCount())} == {600})
    assert model.rowCount() == ROWS
    assert model.record_id(table.currentIndex().row()) == current and table.currentIndex().column() == budget
    assert selected_blocks(view) == [(0, ROWS - 1, budget, budget)]  # the whole column still
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == f"Fill down {ROWS - 1:,} cells in the projects"
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: budgets_by_name(document) == {f"Project {i}": BUDGETS[i] for i in range(ROWS)})
    qtbot.waitUntil(lambda: [model.record(r)["budget"] for r in range(model.rowCount())]
                    == sorted(BUDGETS, reverse=True))
    assert model.record_id(table.currentIndex().row()) == current
    assert {model.record(r)["name"] for r in range(ROWS)} == {f"Project {i}" for i in range(ROWS)}
    assert model.index(0, name).data() is not None


def test_a_fill_of_two_blocks_fills_each_column_from_its_own_top_cell(qtbot, document, parses):
    """Two blocks side by side (budget rows 10-199, name's column left alone) and a block of the same column below:
    each column filled from its top cell selected, every cell once — the cells listed from the blocks on the worker."""
    seen, _hold = parses
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    picked = QItemSelection()
    picked.select(model.index(10, budget), model.index(99, budget))
    picked.select(model.index(150, budget), model.index(199, budget))
    table.setFocus()
    table.setCurrentIndex(model.index(10, budget))
    table.selectionModel().select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    seen.clear()
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    expected = {f"Project {i}": BUDGETS[10] if 10 <= i <= 99 or 150 <= i <= 199 else BUDGETS[i] for i in range(ROWS)}
    qtbot.waitUntil(lambda: budgets_by_name(document) == expected)
    assert seen == ["worker"]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: budgets_by_name(document) == {f"Project {i}": BUDGETS[i] for i in range(ROWS)})


def test_cancel_while_the_fill_is_worked_out_changes_nothing(qtbot, document, parses):
    seen, hold = parses
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    whole_column(qtbot, view, budget, row=3)
    before = budgets_by_name(document)
    hold.clear()  # the worker's parse waits until Cancel was pressed
    pressed: list[bool] = []

    def press_cancel() -> None:
        dialog = progress_dialog()
        # once the parse has begun on the worker: the dialog shows after 0.4 s whether or not the job has reported
        # (round gui47), and a Cancel before the parse stops the job before it (changing nothing either way)
        if dialog is None or pressed or not seen:
            return
        button = dialog.findChild(QPushButton)
        assert button is not None, "no Cancel button"
        button.click()
        pressed.append(True)
        hold.set()

    watch = QTimer()
    watch.timeout.connect(press_cancel)
    watch.start(20)
    try:
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(pressed) and progress_dialog() is None, timeout=15_000)
    finally:
        watch.stop()
        hold.set()
    assert seen == ["worker"]
    assert budgets_by_name(document) == before
    assert document.undo_stack.count() == 0
    assert [model.record(r)["budget"] for r in range(ROWS)] == BUDGETS
    assert table.currentIndex().row() == 3 and table.currentIndex().column() == budget
    assert selected_blocks(view) == [(0, ROWS - 1, budget, budget)]


def test_del_and_ctrl_enter_over_a_whole_column_are_worked_out_on_a_worker(qtbot, document, parses):
    """Del clears the column's cells and Ctrl+Enter puts the text typed into each: listed, compared and made edits on
    the worker as the fill is; one undo step each."""
    seen, _hold = parses
    view = shown_view(qtbot, document, PROJECTS)
    table, budget = view.table, view.model.column_of("budget")
    whole_column(qtbot, view, budget, row=2)
    seen.clear()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: set(budgets_by_name(document).values()) == {None})
    assert seen == ["worker"] and document.undo_stack.count() == 1
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: budgets_by_name(document) == {f"Project {i}": BUDGETS[i] for i in range(ROWS)})
    assert selected_blocks(view) == [(0, ROWS - 1, budget, budget)]
    seen.clear()
    view.activateWindow()  # the undo's progress dialog closed: the window active again, as the user's click makes it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)  # the current cell edited, the column still selected
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "750")
    assert selected_blocks(view) == [(0, ROWS - 1, budget, budget)]
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: set(budgets_by_name(document).values()) == {750})
    assert seen == ["worker"]
    assert document.undo_stack.undoText() == f"Fill {ROWS:,} cells in the projects"
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: budgets_by_name(document) == {f"Project {i}": BUDGETS[i] for i in range(ROWS)})
