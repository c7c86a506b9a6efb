"""The conflict dialog in the main window: a colleague saved the same project first (another program
on the same file); the user sees both values and keeps theirs, overwrites, or re-applies."""

import pytest
from PySide6.QtWidgets import QLabel

from pmo_desktop.models import records
from pmo_desktop.models.conflicts import Resolution
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.conflict_dialog import ConflictDialog

PROJECTS = REGISTERS["projects"]


@pytest.fixture
def window(main_window, tmp_path):
    w = main_window
    path = tmp_path / "office.pmo"
    assert w.create_file(str(path))
    with w.document.store.transaction() as s:
        for name, budget in (("Tills", 300), ("Stock", 100)):
            records.create_record(s, PROJECTS, {"name": name, "budget": budget, "manager": "Ann"})
    w.document.notify("projects", None)
    w.nav.setCurrentRow(1)  # Projects
    yield w
    w.close()


@pytest.fixture
def colleague(window):
    """Another PMO Desktop on the same file."""
    other = Store.open(window.document.store.target)
    yield other
    other.close()


def db(store, name="Tills"):
    with store.session() as s:
        rows = [dict(zip(["id", "version", *PROJECTS.field_names], r)) for r in records.fetch_rows(s, PROJECTS)]
    return next(r for r in rows if r["code"] == "P-01")


def colleague_saves(colleague, **values):
    rid = db(colleague)["id"]
    with colleague.transaction() as s:
        records.update_record(s, PROJECTS, rid, values)


def edit_cell(window, field, value):
    view = window.active_register_view()
    row = view.model.row_of(db(window.document.store)["id"])
    return view.model.setData(view.model.index(row, view.model.column_of(field)), value)


def the_dialog(window) -> ConflictDialog:
    dialogs = [d for d in window.findChildren(ConflictDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def table_text(dialog):
    t = dialog.table
    return [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]


def test_conflict_shows_yours_and_theirs_and_keep_theirs_writes_nothing(qtbot, window, colleague):
    colleague_saves(colleague, name="Tills (theirs)")
    assert not edit_cell(window, "name", "Tills (mine)")
    dialog = the_dialog(window)
    assert table_text(dialog) == [["Project", "“Tills (mine)”", "“Tills (theirs)”"]]
    assert "P-01 Tills (theirs)" in dialog.findChild(QLabel).text()
    dialog.buttons[Resolution.KEEP_THEIRS].click()
    assert db(window.document.store)["name"] == "Tills (theirs)"
    assert window.document.undo_stack.count() == 0
    view = window.active_register_view()
    row = view.model.row_of(db(window.document.store)["id"])
    assert view.model.index(row, view.model.column_of("name")).data() == "Tills (theirs)"  # refreshed


def test_overwrite_then_undo_goes_back_to_theirs(qtbot, window, colleague):
    colleague_saves(colleague, name="Tills (theirs)")
    edit_cell(window, "name", "Tills (mine)")
    the_dialog(window).buttons[Resolution.OVERWRITE].click()
    assert db(colleague)["name"] == "Tills (mine)"
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert db(colleague)["name"] == "Tills (theirs)"  # not the stale “Tills” this window had
    window.document.undo_stack.redo()
    assert db(colleague)["name"] == "Tills (mine)"


def test_reapply_keeps_their_other_changes(qtbot, window, colleague):
    colleague_saves(colleague, budget=999, name="Tills (theirs)")
    edit_cell(window, "name", "Tills (mine)")
    dialog = the_dialog(window)
    dialog.buttons[Resolution.REAPPLY].click()
    final = db(colleague)
    assert (final["name"], final["budget"]) == ("Tills (mine)", 999.0)


def test_escape_keeps_theirs(qtbot, window, colleague):
    colleague_saves(colleague, name="Tills (theirs)")
    edit_cell(window, "name", "Tills (mine)")
    the_dialog(window).reject()
    assert db(colleague)["name"] == "Tills (theirs)"
    assert window.document.undo_stack.count() == 0


def test_pasted_block_over_two_records_resolves_record_by_record(qtbot, window, colleague):
    """One paste edits both projects; only P-01 was changed by the colleague. Keep theirs for P-01
    still writes the paste's cells of P-02, as one undo step."""
    colleague_saves(colleague, budget=999)
    view = window.active_register_view()
    col = view.model.column_of("budget")
    cells = [(view.model.row_of(r[0]), col, 500 + i) for i, r in enumerate(sorted(view.model.rows))]
    assert not view.model.set_cells(cells)
    dialog = the_dialog(window)
    assert table_text(dialog) == [["Budget", "500", "999"]]
    dialog.buttons[Resolution.KEEP_THEIRS].click()
    with colleague.session() as s:
        budgets = [r[PROJECTS.field_names.index("budget") + 2] for r in records.fetch_rows(s, PROJECTS)]
    assert budgets == [999.0, 501.0]
    assert window.document.undo_stack.count() == 1
