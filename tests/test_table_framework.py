"""The register-table framework on the Projects table, driven like a user: keys, undo, sort, filter, paste."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from register_views import shown_view

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.register_table import RegisterView

PROJECTS = REGISTERS["projects"]


def db_projects(store):
    with store.session() as s:
        return [dict(zip(["id", "version", *PROJECTS.field_names], r)) for r in records.fetch_rows(s, PROJECTS)]


@pytest.fixture
def view(qtbot, document):
    with document.store.transaction() as s:
        for name, budget in (("Tills", 300), ("Stock", 100), ("Loyalty", 200)):
            records.create_record(s, PROJECTS, {"name": name, "budget": budget})
    document.notify("projects", None)
    v = shown_view(qtbot, document, PROJECTS)
    v.table.setFocus()
    return v


def cell(view, row, field):
    return view.proxy.index(row, view.model.column_of(field))


def test_edit_cell_with_keyboard_then_undo_redo(qtbot, view, document):
    index = cell(view, 0, "name")
    view.table.setFocus()
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Point of salX")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # editing keys go to the editor, not the table's shortcuts
    qtbot.keyClicks(editor, "e")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)  # Qt commits on a queued call
    assert [p["name"] for p in db_projects(document.store)][0] == "Point of sale"
    assert index.data() == "Point of sale"

    document.undo_stack.undo()
    assert db_projects(document.store)[0]["name"] == "Tills"
    assert cell(view, 0, "name").data() == "Tills"
    document.undo_stack.redo()
    assert db_projects(document.store)[0]["name"] == "Point of sale"


def test_typing_starts_editing_like_a_spreadsheet(qtbot, view, document):
    view.table.setFocus()
    view.table.setCurrentIndex(cell(view, 1, "budget"))
    qtbot.keyClick(view.table, "2")  # the first key opens the editor, which then has the focus
    qtbot.keyClicks(view.table.focusWidget(), "50")
    qtbot.keyClick(view.table.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert db_projects(document.store)[1]["budget"] == 250.0


def test_invalid_value_is_refused_with_a_message(qtbot, view, document):
    messages = []
    document.error.connect(messages.append)
    assert not view.model.setData(view.proxy.mapToSource(cell(view, 0, "budget")), "lots")
    assert messages and "not a number" in messages[0]
    assert db_projects(document.store)[0]["budget"] == 300.0
    assert document.undo_stack.count() == 0


def test_sort_by_clicking_header_and_filter(qtbot, view):
    col = view.model.column_of("budget")
    view.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(r, col).data() for r in range(3)] == ["100", "200", "300"]
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert [view.proxy.index(r, col).data() for r in range(3)] == ["300", "200", "100"]

    qtbot.keyClicks(view.search, "loy")
    assert view.proxy.rowCount() == 1 and cell(view, 0, "name").data() == "Loyalty"
    assert view.count_label.text() == "1 of 3 rows"
    view.clear_filters()
    view.set_column_filter("name", {"Tills", "Stock"})
    assert sorted(cell(view, r, "name").data() for r in range(view.proxy.rowCount())) == ["Stock", "Tills"]


def test_paste_3x4_block_from_excel_survives_reopening(qtbot, view, document, tmp_path):
    # Rows 2-3 update existing projects, row 3 beyond the end becomes a new project.
    block = ("Alpha\tAnn Lee\tBob Ray\tActive\r\n"
             "Beta\tCid Moe\t\tOn hold\r\n"
             "Gamma\tDee Fox\tAnn Lee\tProposed\r\n")
    view.table.setCurrentIndex(cell(view, 1, "name"))
    QGuiApplication.clipboard().setText(block)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert document.undo_stack.count() == 1

    path = document.store.path
    document.store.close()
    reopened = Store.open(path)
    rows = db_projects(reopened)
    reopened.close()
    got = [(r["name"], r["manager"], r["sponsor"], r["status"]) for r in rows]
    assert got == [("Tills", None, None, "Active"), ("Alpha", "Ann Lee", "Bob Ray", "Active"),
                   ("Beta", "Cid Moe", None, "On hold"), ("Gamma", "Dee Fox", "Ann Lee", "Proposed")]


def test_paste_is_all_or_nothing_and_undoable(qtbot, view, document):
    view.table.setCurrentIndex(cell(view, 0, "status"))
    messages = []
    document.error.connect(messages.append)
    assert not view.paste_text("Closed\r\nSleeping\r\n")
    assert messages and "Row 2" in messages[0] and "Sleeping" in messages[0]
    assert [p["status"] for p in db_projects(document.store)] == ["Active"] * 3

    assert view.paste_text("Closed\r\nOn hold\r\nProposed\r\nActive\r\n")
    assert [p["status"] for p in db_projects(document.store)] == ["Closed", "On hold", "Proposed", "Active"]
    document.undo_stack.undo()
    assert [p["status"] for p in db_projects(document.store)] == ["Active"] * 3


def test_copy_gives_tab_separated_text(qtbot, view):
    view.table.selectionModel().clearSelection()
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    sel = QItemSelection(cell(view, 0, "name"), cell(view, 1, "status"))
    view.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.Select)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Tills\t\t\tActive\r\nStock\t\t\tActive\r\n"


def test_add_duplicate_delete_rows_with_undo(qtbot, view, document):
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(db_projects(document.store)) == 4
    new_code = db_projects(document.store)[-1]["code"]
    assert new_code == "P-04"

    view.select_record(db_projects(document.store)[0]["id"])
    qtbot.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    projects = db_projects(document.store)
    assert len(projects) == 5 and projects[-1]["budget"] == 300.0 and projects[-1]["code"] == "P-05"
    assert projects[-1]["name"] == "Tills (copy)"  # project names are unique

    view.select_record(projects[0]["id"])
    view.delete_rows()
    assert len(db_projects(document.store)) == 4
    document.undo_stack.undo()
    restored = db_projects(document.store)
    assert len(restored) == 5 and restored[0]["name"] == "Tills" and restored[0]["code"] == "P-01"
    assert view.model.rowCount() == 5


def test_date_delegate_edits_a_real_date(qtbot, view, document):
    from pmo_desktop.views.register_table.date_entry import DateLineEdit

    index = cell(view, 0, "start_date")
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = view.table.focusWidget()
    assert isinstance(editor, DateLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2026-03-31")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert db_projects(document.store)[0]["start_date"] == date(2026, 3, 31)


def test_two_views_of_one_register_stay_in_step(qtbot, view, document):
    other = RegisterView(document, PROJECTS)
    qtbot.addWidget(other)
    view.model.setData(view.proxy.mapToSource(cell(view, 2, "name")), "Loyalty 2")
    assert other.proxy.index(2, other.model.column_of("name")).data() == "Loyalty 2"


def test_a_search_of_several_words_finds_rows_holding_each_of_them(qtbot, view):
    """"200 loyalty", which no cell holds side by side, finds the Loyalty project with its budget of 200:
    each word somewhere in the row, in any order."""
    qtbot.keyClicks(view.search, "200 loyalty")
    assert view.proxy.rowCount() == 1 and cell(view, 0, "name").data() == "Loyalty"
    view.search.clear()
    qtbot.keyClicks(view.search, "loyalty 300")
    assert view.proxy.rowCount() == 0
