"""A windowed register of a million rows: nothing long on the GUI thread (round speed45b, issue 16).

A sort, a filter and a search of a large windowed register run their query of every row on a worker
(``windowed.QUERY_ON_WORKER_FROM``): the table shows the rows before until the new ids are read, then swaps them
in at once, the current cell and the selection on the same records; a second sort before the first is read
makes the first moot (its query stopped, its answer never shown); an edit typed meanwhile lands on the record
shown and the new order has it. SQLite and PostgreSQL (the ``store`` fixture).

The thresholds are lowered so that 300 records make a windowed table of pages of 4 rows whose queries run on a
worker; each query of the ids is held on the worker (``gate``) until the test lets it go, so that what the table
shows meanwhile can be looked at."""

from __future__ import annotations

import threading

import numpy  # noqa: F401 — in before a worker imports it (``import_numpy_ahead``): see test_speed43_whole_column
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from register_views import shown_view

from pmo_desktop.models import records, windows
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import windowed

PROJECTS = REGISTERS["projects"]
ROWS = 300
BUDGETS = [100 * ((i * 7) % 11) for i in range(ROWS)]
STATUSES = [("Active", "Closed", "On hold")[i % 3] for i in range(ROWS)]


@pytest.fixture(autouse=True)
def _windowed_small(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)
    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)
    monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)
    monkeypatch.setattr(windowed, "QUERY_ON_WORKER_FROM", 1, raising=False)


@pytest.fixture
def document(store):
    with store.transaction() as s:
        records.create_records(s, PROJECTS, [{"name": f"Project {i:03}", "budget": BUDGETS[i], "status": STATUSES[i]}
                                             for i in range(ROWS)])
    return Document(store)


class Gate:
    """``windows.fetch_ids`` watched: the thread of each call ("gui" or "worker"); while held, a worker's call
    waits until released (the GUI thread's never: the test would hang)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.open = threading.Event()
        self.open.set()

    def hold(self) -> None:
        self.seen.clear()
        self.open.clear()

    def release(self) -> None:
        self.open.set()


@pytest.fixture
def gate(monkeypatch) -> Gate:
    watched = Gate()
    fetch_ids = windows.fetch_ids

    def held(*args, **kwargs):
        on_gui = threading.current_thread() is threading.main_thread()
        watched.seen.append("gui" if on_gui else "worker")
        if not on_gui:
            watched.open.wait(20)
        return fetch_ids(*args, **kwargs)

    monkeypatch.setattr(windows, "fetch_ids", held)
    yield watched
    watched.release()


def shown_ids(model) -> list[int]:
    return [model.record_id(r) for r in range(model.rowCount())]


def column_values(model, name: str) -> list:
    return [model.record(r)[name] for r in range(model.rowCount())]


def selected_records(view) -> set[int]:
    return {view.model.record_id(i.row()) for i in view.table.selectionModel().selectedIndexes()}


def stored(document, name: str) -> dict[str, object]:
    """Each project's ``name`` field as stored, by the project's name."""
    rows = document.office.read(records.fetch_rows, PROJECTS)
    names = [f.name for f in PROJECTS.fields]
    return {row[names.index("name") + 2]: row[names.index(name) + 2] for row in rows}


def select_rows(qtbot, view, column: int, first: int, count: int) -> None:
    """The cells of ``column`` from row ``first`` down ``count`` rows selected with Shift+Down, the current cell the last."""
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(first, column))
    for _ in range(count - 1):
        qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)


def test_a_sort_reads_its_ids_on_a_worker_then_swaps_them_in_keeping_the_current_cell_and_selection(
        qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget, name = view.model, view.table, view.model.column_of("budget"), view.model.column_of("name")
    assert isinstance(model, windowed.WindowedRegisterModel)
    select_rows(qtbot, view, budget, 5, 3)
    current, selected, before = model.record_id(7), selected_records(view), shown_ids(model)
    assert len(selected) == 3
    gate.hold()
    table.sortByColumn(budget, Qt.SortOrder.DescendingOrder)
    qtbot.wait(100)  # the window goes on meanwhile
    assert gate.seen == ["worker"]  # the query of every row: never on the GUI thread
    assert shown_ids(model) == before  # the rows before, as they were, until the new order is read
    assert view.proxy.index(0, name).data() == "Project 000"
    assert model.record_id(table.currentIndex().row()) == current and selected_records(view) == selected
    gate.release()
    qtbot.waitUntil(lambda: column_values(model, "budget") == sorted(BUDGETS, reverse=True))
    assert sorted(shown_ids(model)) == sorted(before)  # every record once
    assert model.record_id(table.currentIndex().row()) == current and table.currentIndex().column() == budget
    assert selected_records(view) == selected  # the same records selected, at their new rows


def test_a_second_sort_before_the_first_is_read_makes_the_first_moot(qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget, name = view.model, view.table, view.model.column_of("budget"), view.model.column_of("name")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(10, name))
    current = model.record_id(10)
    laid_out: list[list[int]] = []
    model.layoutChanged.connect(lambda *_: laid_out.append(shown_ids(model)))
    gate.hold()
    table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    table.sortByColumn(name, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert laid_out == [] and gate.seen and set(gate.seen) == {"worker"}
    gate.release()
    want = [f"Project {i:03}" for i in reversed(range(ROWS))]
    qtbot.waitUntil(lambda: column_values(model, "name") == want)
    qtbot.waitUntil(lambda: model._reloading is None)
    qtbot.wait(100)  # the first sort's worker ends too: its answer is never put in place
    assert len(laid_out) == 1 and column_values(model, "name") == want  # the budget order never shown
    assert model.record_id(table.currentIndex().row()) == current
    assert table.horizontalHeader().sortIndicatorSection() == name


def test_a_filter_reads_its_ids_on_a_worker_the_rows_before_shown_meanwhile(qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    table.sortByColumn(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model._reloading is None)
    before = shown_ids(model)
    gate.hold()
    view.set_column_filter("status", {"Closed"})
    qtbot.wait(100)
    assert gate.seen == ["worker"]
    assert shown_ids(model) == before and model.rowCount() == ROWS
    gate.release()
    closed = [f"Project {i:03}" for i in reversed(range(ROWS)) if STATUSES[i] == "Closed"]
    qtbot.waitUntil(lambda: column_values(model, "name") == closed)  # the filter, in the sort's order
    assert set(column_values(model, "status")) == {"Closed"}
    gate.hold()
    view.set_column_filter("status", None)  # taken off: the sorted ids kept, at once
    assert column_values(model, "name") == [f"Project {i:03}" for i in reversed(range(ROWS))]
    view.search.setText("project 01")  # a search: on the worker too
    qtbot.wait(50)
    assert model.rowCount() == ROWS and gate.seen == ["worker"]
    gate.release()
    qtbot.waitUntil(lambda: column_values(model, "name") == [f"Project {i:03}" for i in reversed(range(10, 20))])


def test_an_edit_typed_while_a_sort_is_read_lands_on_the_record_shown_and_the_new_order_has_it(
        qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(3, budget))
    edited = model.record_id(3)
    assert model.record(3)["name"] == "Project 003"
    gate.hold()
    table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert gate.seen == ["worker"] and model.record_id(table.currentIndex().row()) == edited
    # the edit waits for the new order (it needs every id in its order): let the query go a moment after it begins
    threading.Timer(0.3, gate.release).start()
    qtbot.keyClicks(table, "9")  # typing on a cell opens its editor, as in a spreadsheet
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "999")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    qtbot.waitUntil(lambda: stored(document, "budget")["Project 003"] == 9999)
    assert {k: v for k, v in stored(document, "budget").items() if k != "Project 003"} == {
        f"Project {i:03}": BUDGETS[i] for i in range(ROWS) if i != 3}  # no other record changed
    qtbot.waitUntil(lambda: model._reloading is None)
    # the new order shown, every record once, the edited one showing its new value (an edit leaves its row where it is)
    assert model.rowCount() == ROWS and len(set(shown_ids(model))) == ROWS
    row = shown_ids(model).index(edited)
    budgets = column_values(model, "budget")
    assert budgets[row] == 9999
    others = budgets[:row] + budgets[row + 1:]
    assert others == sorted(BUDGETS[:3] + BUDGETS[4:])
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(document, "budget")["Project 003"] == BUDGETS[3])


def test_a_whole_column_selected_stays_selected_through_a_sort_read_on_a_worker(qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, status = view.model, view.table, view.model.column_of("status")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(20, status))
    current = model.record_id(20)
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert view.selection_ranges() == [(0, ROWS - 1, status, status)]
    gate.hold()
    table.sortByColumn(status, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert gate.seen == ["worker"] and column_values(model, "status") == STATUSES  # the rows before meanwhile
    assert view.selection_ranges() == [(0, ROWS - 1, status, status)]
    gate.release()
    qtbot.waitUntil(lambda: column_values(model, "status") == sorted(STATUSES))
    assert view.selection_ranges() == [(0, ROWS - 1, status, status)]
    assert model.record_id(table.currentIndex().row()) == current


def test_the_current_record_stays_where_it_was_on_the_screen_when_the_sort_swaps_in(qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table, budget = view.model, view.table, view.model.column_of("budget")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(150, budget))
    table.scrollTo(table.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter)
    current = model.record_id(150)
    top = table.rowViewportPosition(150)
    assert 0 < top < table.viewport().height() - table.rowHeight(150)
    gate.hold()
    table.sortByColumn(budget, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert table.rowViewportPosition(150) == top  # meanwhile nothing moves
    gate.release()
    qtbot.waitUntil(lambda: column_values(model, "budget") == sorted(BUDGETS, reverse=True))
    row = table.currentIndex().row()
    assert model.record_id(row) == current and row != 150
    assert table.rowViewportPosition(row) == top  # the same record at the same place on the screen
    # and with the current cell scrolled out of view, the record of the top row stays at the top
    table.scrollToTop()
    first = model.record_id(table.rowAt(0))
    gate.hold()
    table.sortByColumn(budget, Qt.SortOrder.AscendingOrder)
    assert gate.seen == ["worker"]
    gate.release()
    qtbot.waitUntil(lambda: column_values(model, "budget") == sorted(BUDGETS))
    assert model.record_id(table.rowAt(0)) == first and table.rowViewportPosition(table.rowAt(0)) == 0
    assert model.record_id(table.currentIndex().row()) == current


# ---------------------------------------------------------------------------------------------- Replace All
@pytest.fixture
def signature_reads(monkeypatch) -> list[str]:
    """Each read of a register's signature (a scan of every row), by the thread it ran on."""
    reads: list[str] = []
    signature = windows.signature

    def recorded(*args, **kwargs):
        reads.append("gui" if threading.current_thread() is threading.main_thread() else "worker")
        return signature(*args, **kwargs)

    monkeypatch.setattr(windows, "signature", recorded)
    return reads


def replace_all(qtbot, view, find: str, replace: str):
    """Ctrl+H, the two texts typed, Replace All pressed: the dialog once it says what it did."""
    dialog = view.open_replace()
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replace)
    dialog.replace_all_button.click()
    qtbot.waitUntil(lambda: dialog.message.text().startswith(("Replaced", "Nothing")), timeout=60_000)
    return dialog


def test_replace_all_reads_the_signature_with_the_new_order_on_a_worker_and_the_check_takes_it_for_ours(
        qtbot, document, signature_reads):
    """Sorted by budget, "Project 0" → "Item 0" in 100 names: the register's signature (a scan of a million rows) is
    read on the worker with the new order, not on the GUI thread; the outside-changes check meanwhile and after
    flashes nothing of ours."""
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    table.sortByColumn(model.column_of("budget"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model._reloading is None)
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(4, model.column_of("name")))
    current = model.record_id(4)
    flashed: list[set[int]] = []
    document.outside_changes.connect(lambda _name, ids: flashed.append(set(ids)))
    signature_reads.clear()
    dialog = replace_all(qtbot, view, "Project 0", "Item 0")
    assert dialog.message.text() == "Replaced 100 in 100 projects."
    document.poll_outside_changes()  # the check at once: our edit is not someone else's
    qtbot.waitUntil(lambda: model._reloading is None and not document._probing)
    assert "gui" not in signature_reads and "worker" in signature_reads
    names = stored(document, "budget")
    assert sum(1 for n in names if n.startswith("Item 0")) == 100 and len(names) == ROWS
    assert model.record_id(table.currentIndex().row()) == current
    document.poll_outside_changes()
    qtbot.waitUntil(lambda: not document._probing)
    assert flashed == []
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: sum(1 for n in stored(document, "budget") if n.startswith("Project 0")) == 100)


def test_replace_all_lists_its_first_refusals_and_how_many_more(qtbot, document, monkeypatch):
    """Every status "On hold" → "Held", which no project takes (100 cells refused): the dialog lists the first
    ``REFUSALS_LISTED`` with their rows, then how many more — a million risks' refusals laid out in the list held
    the window seconds; the cells are each left as they were."""
    from pmo_desktop.views.register_table import find_replace

    monkeypatch.setattr(find_replace, "REFUSALS_LISTED", 5, raising=False)
    view = shown_view(qtbot, document, PROJECTS)
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, view.model.column_of("status")))
    dialog = replace_all(qtbot, view, "On hold", "Held")
    lines = dialog.refusals.toPlainText().splitlines()
    assert len(lines) == 6 and all(line.startswith("Row ") for line in lines[:5])
    assert lines[0].startswith("Row 3") and lines[1].startswith("Row 6")  # in the order shown
    assert lines[5] == "… and 95 more cells refused, left as they were (not listed)."
    assert "100 cells left as they were, refused" in dialog.message.text()
    assert stored(document, "status") == {f"Project {i:03}": STATUSES[i] for i in range(ROWS)}


def test_a_long_replace_all_runs_without_the_cycle_collectors_passes_and_turns_it_back_on(qtbot, document, monkeypatch):
    """The matching and the write of a Replace All run on workers with Python's cycle collector off: each of its
    full passes walks every object alive holding the interpreter lock (a million records' rows: the window's longest
    pauses, 20 s and more); it is on again once the job ends, as it was."""
    import gc

    from pmo_desktop.models import records as office_records
    from pmo_desktop.views.register_table import commands, find_replace

    monkeypatch.setattr(commands, "LONG_EDIT", 10)  # the write behind its progress dialog too
    seen: list[tuple[str, bool]] = []
    plan_cells, update_many = find_replace.plan_cells, office_records.update_many

    def planned(*args, **kwargs):
        seen.append(("plan", gc.isenabled()))
        return plan_cells(*args, **kwargs)

    def written(*args, **kwargs):
        seen.append(("write", gc.isenabled()))
        return update_many(*args, **kwargs)

    monkeypatch.setattr(find_replace, "plan_cells", planned)
    monkeypatch.setattr(office_records, "update_many", written)
    view = shown_view(qtbot, document, PROJECTS)
    assert gc.isenabled()
    dialog = replace_all(qtbot, view, "Project 1", "Item 1")
    assert dialog.message.text() == "Replaced 100 in 100 projects."
    assert seen == [("plan", False), ("write", False)]
    assert gc.isenabled()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: sum(1 for n in stored(document, "budget") if n.startswith("Project 1")) == 100)
    assert seen[-1] == ("write", False) and gc.isenabled()


def test_a_filter_set_while_a_sort_is_read_then_taken_off_shows_the_sorted_order(qtbot, document, gate):
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    gate.hold()
    table.sortByColumn(model.column_of("budget"), Qt.SortOrder.DescendingOrder)
    view.set_column_filter("status", {"Closed"})  # before the sort's ids are read: the rows shown are the order before
    gate.release()
    closed = sorted((BUDGETS[i] for i in range(ROWS) if STATUSES[i] == "Closed"), reverse=True)
    qtbot.waitUntil(lambda: column_values(model, "budget") == closed and model._reloading is None)
    view.set_column_filter("status", None)  # taken off: every record, in the sort's order — never the order before
    qtbot.waitUntil(lambda: model._reloading is None and model.rowCount() == ROWS)
    assert column_values(model, "budget") == sorted(BUDGETS, reverse=True)
