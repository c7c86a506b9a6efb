"""A windowed register after our own edit of more than a page of records that adds and deletes none (a Replace
All, a fill, their undo): the rows in view show the new values at once, the ids in their new order are read on a
worker — not on the GUI thread, where among a million records it took seconds — and the table is laid out
again only when they moved, the current cell and the selection kept on their records (stop speed43, issue 16).

The threshold is lowered so that a few records make a windowed table of pages of 4 rows."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from register_views import shown_view

from pmo_desktop.models import records, windows
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.document import Document
from pmo_desktop.views.register_table import windowed

PROJECTS = REGISTERS["projects"]


@pytest.fixture(autouse=True)
def _windowed_from_one_record(monkeypatch):
    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    monkeypatch.setattr(windowed, "PAGE", 4)  # an edit of 5 records or more is "more than a page"
    monkeypatch.setattr(windowed, "CACHE_PAGES", 3)


@pytest.fixture
def document(store):
    with store.transaction() as s:
        for i in range(6):
            records.create_record(s, PROJECTS, {"name": f"Alpha {i}", "budget": 100 * i})
            records.create_record(s, PROJECTS, {"name": f"Mid {i}", "budget": 100 * i + 50})
    return Document(store)


@pytest.fixture
def id_reads_on_gui_thread(monkeypatch):
    """Every read of a window's ordered ids made on the GUI thread, from when the test asks."""
    reads: list[str] = []
    read = windows.fetch_ids

    def recorded(*args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            reads.append("gui")
        return read(*args, **kwargs)

    monkeypatch.setattr(windows, "fetch_ids", recorded)
    return reads


def shown_names(view) -> list[str]:
    column = view.model.column_of("name")
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def replace_all(view, find: str, replace: str) -> None:
    dialog = view.open_replace()
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replace)
    dialog.replace_all_button.click()
    dialog.close()


def test_replace_all_of_many_rows_reads_their_new_order_on_a_worker(qtbot, document, id_reads_on_gui_thread):
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    assert isinstance(model, windowed.WindowedRegisterModel)
    name = model.column_of("name")
    table.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    assert shown_names(view) == [f"Alpha {i}" for i in range(6)] + [f"Mid {i}" for i in range(6)]
    # the current cell on "Alpha 2", "Alpha 4" and "Mid 1" selected
    table.setCurrentIndex(view.proxy.index(2, name))
    picked = QItemSelection()
    for row in (2, 4, 7):
        picked.select(view.proxy.index(row, 0), view.proxy.index(row, model.columnCount() - 1))
    table.selectionModel().select(picked, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    current = model.record_id(2)
    selected = {model.record_id(r) for r in (2, 4, 7)}
    id_reads_on_gui_thread.clear()

    replace_all(view, "Alpha", "Zulu")  # 6 records, more than a page: sorted by name, they move to the end

    # the rows in view show the new values at once: no "Alpha" left anywhere, every "Zulu" there
    assert sorted(shown_names(view)) == sorted([f"Mid {i}" for i in range(6)] + [f"Zulu {i}" for i in range(6)])
    # the new order is read on a worker, not on the GUI thread, and put in place when it comes
    qtbot.waitUntil(lambda: shown_names(view) == [f"Mid {i}" for i in range(6)] + [f"Zulu {i}" for i in range(6)])
    assert id_reads_on_gui_thread == []
    # the current cell and the selection went with their records
    assert view.current_record_id() == current
    assert model.record(table.currentIndex().row())["name"] == "Zulu 2"
    assert set(view.selected_ids()) == selected
    assert model.row_of(current) == 8  # asked of the ids in their new order
    assert model.total_rows() == 12

    # its undo: the old names back, in their old order, the current cell and the selection still on theirs
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: shown_names(view) == [f"Alpha {i}" for i in range(6)] + [f"Mid {i}" for i in range(6)])
    assert id_reads_on_gui_thread == []
    assert view.current_record_id() == current and set(view.selected_ids()) == selected


def test_a_record_asked_for_before_the_new_order_comes_is_found_in_it(qtbot, document, id_reads_on_gui_thread):
    """What needs every id in its order — a record's row, the next edit — waits for the worker's read: never a row
    of the order before the edit."""
    view = shown_view(qtbot, document, PROJECTS)
    model = view.model
    name = model.column_of("name")
    view.table.sortByColumn(name, Qt.SortOrder.AscendingOrder)
    alpha_0 = model.record_id(0)
    id_reads_on_gui_thread.clear()

    replace_all(view, "Alpha", "Zulu")
    assert model.row_of(alpha_0) == 6  # "Zulu 0", after the six "Mid"s: at once, without waiting by hand
    assert id_reads_on_gui_thread == []
    # an edit of one cell now goes to the record shown there in the new order
    index = view.proxy.index(0, name)
    assert index.data() == "Mid 0"
    assert view.proxy.setData(index, "Aardvark")
    qtbot.waitUntil(lambda: shown_names(view)[:2] == ["Aardvark", "Mid 1"])
    assert "Mid 0" not in shown_names(view) and model.record(model.row_of(alpha_0))["name"] == "Zulu 0"


def test_an_edit_that_moves_nothing_keeps_the_table_laid_out(qtbot, document, id_reads_on_gui_thread):
    """Unsorted, a Replace All of names moves no record: the table is not laid out again (which makes Qt keep
    every selected cell by its record: with a whole column of 100,000 selected, seconds), and a whole column
    stays selected, the current cell where it was."""
    view = shown_view(qtbot, document, PROJECTS)
    model, table = view.model, view.table
    name = model.column_of("name")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(3, name))
    qtbot.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # the whole Name column
    order = [model.record_id(r) for r in range(model.rowCount())]
    relayouts: list[int] = []
    model.layoutAboutToBeChanged.connect(lambda *_a: relayouts.append(1))
    id_reads_on_gui_thread.clear()

    replace_all(view, "Alpha", "Zulu")
    qtbot.waitUntil(lambda: getattr(model, "_reloading", None) is None)  # the worker's answer in
    assert "Zulu 0" in shown_names(view) and "Alpha 0" not in shown_names(view)
    assert [model.record_id(r) for r in range(model.rowCount())] == order
    assert relayouts == [] and id_reads_on_gui_thread == []
    assert table.currentIndex().row() == 3 and table.currentIndex().column() == name
    selection = table.selectionModel()
    assert selection.isColumnSelected(name) and len(selection.selectedIndexes()) == 12
