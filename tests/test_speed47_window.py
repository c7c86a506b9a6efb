"""A register of a million rows: a million-cell write in bounded memory, reloads that stop a sort's query (round
speed47b, issue 16).

- A long edit (a fill of a whole column, Replace All, their undo) is written a chunk of records at a time in its one
  transaction (``records.update_in_chunks``): each chunk's rows read, checked, written and their history recorded
  before the next is read; the edits kept compactly (``CellEdits``). What the user sees is unchanged: every cell
  written, one history row a record, all at one time, one undo step that puts each old value back; Cancel after some
  chunks were written changes nothing, nor writes any history.
- Others' change read again on a worker while a sort's or a filter's query runs there stops that query, and its
  read answers it: the sort's or the filter's rows shown, never those of the order before.

SQLite and PostgreSQL (the ``store`` fixture). The thresholds are lowered so that 300 records make a windowed table
of pages of 4 rows, written in chunks of 40 records."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import numpy  # noqa: F401 — in before a worker imports it (``import_numpy_ahead``): see test_speed43_whole_column
import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from register_views import shown_view
from sqlalchemy import func, select

from pmo_desktop.models import records, windows
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views import background
from pmo_desktop.views import document as document_module
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import commands, find_replace, windowed

PROJECTS = REGISTERS["projects"]
ROWS = 300
CHUNK = 40
BUDGETS = [100 * ((i * 7) % 11) for i in range(ROWS)]
STATUSES = [("Active", "Closed", "On hold")[i % 3] for i in range(ROWS)]
STARTS = [date(2026, 1, 1) + timedelta(days=i % 5) for i in range(ROWS)]


@pytest.fixture(autouse=True)
def _windowed_small(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)
    monkeypatch.setattr(windowed, "READ_ON_WORKER_FROM", 10)
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)
    monkeypatch.setattr(windowed, "QUERY_ON_WORKER_FROM", 1)
    monkeypatch.setattr(commands, "LONG_EDIT", 10)
    monkeypatch.setattr(records, "WRITE_CHUNK", CHUNK, raising=False)


@pytest.fixture
def document(store):
    with store.transaction() as s:
        records.create_records(s, PROJECTS, [{"name": f"Project {i:03}", "budget": BUDGETS[i], "status": STATUSES[i],
                                              "start_date": STARTS[i]} for i in range(ROWS)])
    return Document(store)


class Writes:
    """Each call of ``records.update_many`` (how many records it wrote); ``hold_at``: the call, counted from 1, that
    waits (on its worker) until ``release`` — the test presses Cancel meanwhile."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.hold_at: int | None = None
        self.holding = threading.Event()
        self.open = threading.Event()
        self.open.set()

    def release(self) -> None:
        self.open.set()


@pytest.fixture
def writes(monkeypatch) -> Writes:
    watched = Writes()
    update_many = records.update_many

    def watching(session, reg, values, *args, **kwargs):
        watched.sizes.append(len(values))
        if watched.hold_at == len(watched.sizes) and threading.current_thread() is not threading.main_thread():
            watched.open.clear()
            watched.holding.set()
            watched.open.wait(20)
        return update_many(session, reg, values, *args, **kwargs)

    monkeypatch.setattr(records, "update_many", watching)
    yield watched
    watched.release()


def stored(document, name: str) -> dict[str, object]:
    """Each project's ``name`` field as stored, by the project's name... by its id."""
    rows = document.office.read(records.fetch_rows, PROJECTS)
    names = [f.name for f in PROJECTS.fields]
    return {row[0]: row[names.index(name) + 2] for row in rows}


def history(document) -> list[tuple[int, object]]:
    """(record, time) of each history row of the projects, in the order written."""
    H = RecordHistory.__table__
    return [tuple(r) for r in document.office.read(lambda s: s.execute(
        select(H.c.record_id, H.c.changed_at).where(H.c.register == PROJECTS.name).order_by(H.c.id)).all())]


def history_count(document) -> int:
    H = RecordHistory.__table__
    return document.office.read(lambda s: s.scalar(select(func.count()).select_from(H)))


def whole_column(qtbot, view, column: int, row: int) -> None:
    """The whole column selected from the cell at ``row`` (Ctrl+Space)."""
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)


def progress_dialog() -> QProgressDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    return shown[0] if shown else None


def after_each_other(times: list) -> bool:
    return len(set(times)) == 1


def test_a_fill_of_a_whole_column_is_written_a_chunk_of_records_at_a_time_one_history_row_each_undone_exactly(
        qtbot, document, writes):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    before, history_before = stored(document, "budget"), history(document)
    whole_column(qtbot, view, budget, row=0)
    top = model.record(0)["budget"]
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=20_000)
    filled = [rid for rid, value in before.items() if value != top]
    assert stored(document, "budget") == dict.fromkeys(before, top)  # every cell, none lost
    # written in chunks of at most 40 records, every record once
    assert max(writes.sizes) <= CHUNK and sum(writes.sizes) == len(filled) and len(writes.sizes) >= len(filled) // CHUNK
    added = history(document)[len(history_before):]
    assert sorted(rid for rid, _when in added) == sorted(filled)  # one history row a record changed
    assert after_each_other([when for _rid, when in added])  # one change, one time: not a time a chunk
    assert isinstance(document.undo_stack.command(0).edits, commands.CellEdits)  # kept compactly
    writes.sizes.clear()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(document, "budget") == before, timeout=20_000)
    assert max(writes.sizes) <= CHUNK and sum(writes.sizes) == len(filled)
    undone = history(document)[len(history_before) + len(added):]
    assert sorted(rid for rid, _when in undone) == sorted(filled) and after_each_other([w for _r, w in undone])
    qtbot.waitUntil(lambda: {model.record(r)["budget"] for r in range(model.rowCount())} == set(BUDGETS))
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: stored(document, "budget") == dict.fromkeys(before, top), timeout=20_000)


def test_a_fill_of_two_columns_writes_each_record_once_its_cells_together(qtbot, document, writes):
    """Two columns selected whole: the cells of a record come a column apart (every budget, then every status), but
    each record is written in one chunk with both its cells — written twice, its second write would find the
    version its first one made, and take it for someone else's save."""
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    status, start = model.column_of("status"), model.column_of("start_date")
    assert start == status + 1
    starts, statuses = stored(document, "start_date"), stored(document, "status")
    both = QItemSelection(view.proxy.index(0, status), view.proxy.index(ROWS - 1, start))
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, status))
    table.selectionModel().select(both, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert view.selection_ranges() == [(0, ROWS - 1, status, start)]
    top_start, top_status = model.record(0)["start_date"], model.record(0)["status"]
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=20_000)
    assert stored(document, "start_date") == dict.fromkeys(starts, top_start)
    assert stored(document, "status") == dict.fromkeys(statuses, top_status)
    assert max(writes.sizes) <= CHUNK
    changed = {rid for rid in starts if starts[rid] != top_start or statuses[rid] != top_status}
    assert sum(writes.sizes) == len(changed)  # each record written once, both its cells together
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(document, "start_date") == starts and stored(document, "status") == statuses,
                    timeout=20_000)


def test_cancel_after_some_chunks_were_written_changes_nothing_and_records_no_history(qtbot, document, writes):
    view = shown_view(qtbot, document, PROJECTS)
    table, budget = view.table, view.model.column_of("budget")
    before, histories = stored(document, "budget"), history_count(document)
    whole_column(qtbot, view, budget, row=0)
    writes.hold_at = 3  # two chunks written (and their history), the third waiting
    pressed: list[bool] = []

    def press_cancel() -> None:  # the write's dialog runs its own loop: pressed from a timer
        dialog = progress_dialog()
        if pressed or dialog is None or not writes.holding.is_set():
            return
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        pressed.append(True)
        writes.release()

    watch = QTimer()
    watch.timeout.connect(press_cancel)
    watch.start(20)
    try:
        qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(pressed) and progress_dialog() is None, timeout=20_000)
    finally:
        watch.stop()
        writes.release()
    assert writes.sizes[:2] == [CHUNK, CHUNK]  # two chunks were written before Cancel
    assert document.undo_stack.count() == 0  # no undo step
    assert stored(document, "budget") == before  # the chunks written before rolled back
    assert history_count(document) == histories  # and their history with them


def test_replace_all_of_every_name_in_chunks_keeps_each_value_and_its_undo_puts_each_back(
        qtbot, document, writes, monkeypatch):
    """Planned on its worker reading the rows found a step at a time (a million rows read at once held 1.7 GiB), and
    written a chunk of records at a time."""
    monkeypatch.setattr(find_replace, "PLAN_STEP", 50, raising=False)
    read: list[int] = []
    stored_rows = find_replace.stored_rows

    def watched(session, register, ctx, parent_id, ids, *only):  # only: the fields read (round speed49b)
        read.append(len(ids))
        return stored_rows(session, register, ctx, parent_id, ids, *only)

    monkeypatch.setattr(find_replace, "stored_rows", watched)
    view = shown_view(qtbot, document, PROJECTS)
    names = stored(document, "name")
    dialog = view.open_replace()
    dialog.find_edit.setText("Project")
    dialog.replace_edit.setText("Scheme")
    dialog.replace_all()
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=20_000)
    assert stored(document, "name") == {rid: name.replace("Project", "Scheme") for rid, name in names.items()}
    assert max(writes.sizes) <= CHUNK and sum(writes.sizes) == ROWS
    assert max(read) <= 50 and sum(read) == ROWS  # the rows found read 50 at a time, each once
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(document, "name") == names, timeout=20_000)
    dialog.close()


# ----------------------------------------------------------------------------- a reload stops a sort's query
class Gate:
    """``windows.fetch_ids`` on a worker held until released; ``calls``: how many were made on a worker."""

    def __init__(self) -> None:
        self.calls = 0
        self.open = threading.Event()
        self.open.set()


@pytest.fixture
def gate(monkeypatch) -> Gate:
    watched = Gate()
    fetch_ids = windows.fetch_ids

    def held(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            watched.calls += 1
            watched.open.wait(20)
        return fetch_ids(*args, **kwargs)

    monkeypatch.setattr(windows, "fetch_ids", held)
    yield watched
    watched.open.set()


def someone_else_sets(store_url, record_id: int, **values) -> None:
    other = Store.open(store_url)
    try:
        with other.transaction() as s:
            records.update_record(s, PROJECTS, record_id, values)
    finally:
        other.close()


def column_values(model, name: str) -> list:
    return [model.record(r)[name] for r in range(model.rowCount())]


def test_others_change_read_while_a_sort_is_read_stops_the_sort_and_shows_the_sorted_order_with_it(
        qtbot, document, gate, store_url):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    first = model.record_id(0)
    shown_orders: list[list] = []
    model.layoutChanged.connect(lambda *_: shown_orders.append(column_values(model, "budget")[:3]))
    model.modelReset.connect(lambda: shown_orders.append(column_values(model, "budget")[:3]))
    gate.open.clear()
    table.sortByColumn(budget, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: gate.calls == 1)
    sort = model._reloading
    assert isinstance(sort, windowed._Reorder)
    someone_else_sets(store_url, first, budget=99_999)
    document.check_outside_changes()
    qtbot.waitUntil(lambda: model._reloading is not sort)  # the ids read again on a worker
    assert sort.stop.stopped  # the sort's query stopped: its answer would be thrown away
    gate.open.set()
    qtbot.waitUntil(lambda: model._reloading is None, timeout=20_000)
    expected = sorted([99_999, *[b for i, b in enumerate(BUDGETS) if i != 0]], reverse=True)
    assert column_values(model, "budget") == expected
    assert shown_orders and shown_orders[-1] == expected[:3]
    assert all(order[0] == 99_999 for order in shown_orders[1:])  # no order of the sort's older answer shown
    assert table.horizontalHeader().sortIndicatorSection() == budget


def test_others_change_read_while_a_filter_is_read_shows_the_filters_rows_by_a_reset(
        qtbot, document, gate, store_url):
    view = shown_view(qtbot, document, PROJECTS)
    model = view.model
    closed = [rid for rid, s in stored(document, "status").items() if s == "Closed"]
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    gate.open.clear()
    view.set_column_filter("status", {"Closed"})
    qtbot.waitUntil(lambda: gate.calls == 1)
    filtering = model._reloading
    assert isinstance(filtering, windowed._Reorder) and filtering.reset
    someone_else_sets(store_url, closed[0], budget=12_345)
    document.check_outside_changes()
    qtbot.waitUntil(lambda: model._reloading is not filtering)
    assert filtering.stop.stopped
    gate.open.set()
    qtbot.waitUntil(lambda: model._reloading is None, timeout=20_000)
    assert sorted(model.record_id(r) for r in range(model.rowCount())) == sorted(closed)
    assert view.proxy.rowCount() == len(closed)
    assert resets and resets[-1] == len(closed)  # the filter's rows came by a reset, as its own answer's do
    assert model.record(model.row_of(closed[0]))["budget"] == 12_345


# ----------------------------------------------------------------------------- the GUI thread's share after a write
def test_a_workers_progress_is_shown_a_few_times_a_second_and_its_end_always(qtbot):
    """A job telling its progress 20,000 times (a million records' write told it 1,500 times, a repaint of the dialog
    on the GUI thread each): the dialog is given a few of them, and the last."""
    shown: list[int] = []
    set_value = QProgressDialog.setValue

    def watched(dialog, value):
        shown.append(value)
        set_value(dialog, value)

    def job(progress, cancelled):
        for done in range(1, 20_001):
            progress(done, 20_000)
        return "done"

    QProgressDialog.setValue = watched  # type: ignore[method-assign]
    try:
        assert background.run_with_progress(None, "Counting…", job, at_once=True) == "done"
    finally:
        QProgressDialog.setValue = set_value  # type: ignore[method-assign]
    assert 1 <= len(shown) <= 100
    assert shown[-1] == 20_000


def test_a_long_edits_records_are_listed_for_the_tables_on_its_worker(qtbot, document, monkeypatch):
    """The records a long edit changed, sorted for the tables that show them, on the edit's worker (a million ids
    sorted on the GUI thread held it 0.2 s); every table is told of each, as before."""
    threads: list[bool] = []
    listing = document_module.changed_ids

    def watched(changes):
        threads.append(threading.current_thread() is threading.main_thread())
        return listing(changes)

    monkeypatch.setattr(document_module, "changed_ids", watched)
    told: list[list[int]] = []
    document.records_changed.connect(lambda name, ids: told.append(ids) if name == PROJECTS.name else None)
    view = shown_view(qtbot, document, PROJECTS)
    names = stored(document, "name")
    dialog = view.open_replace()
    dialog.find_edit.setText("Project")
    dialog.replace_edit.setText("Scheme")
    dialog.replace_all()
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=20_000)
    assert threads and not any(threads)  # listed on the worker, never on the GUI thread
    assert told[-1] == sorted(names)  # every record changed, in id order
    qtbot.waitUntil(lambda: view.model.record(0)["name"].startswith("Scheme"))
    dialog.close()
