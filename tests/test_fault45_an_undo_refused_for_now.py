"""Fault round 45: an undo (or redo) that the office refuses for now — the file held busy by another program (a
database tool with a write transaction open), the disk full, the shared server stopped (test_fault45_server_stops)
— changed nothing, and the step stays on the stack to be done again once the cause is gone: Ctrl+Z then puts the
rows back. Before, the failed step was dropped from the stack (as one whose records someone else changed is): the
undo of a delete of 6,000 risks refused for five seconds could never be done again, and the rows were gone for
good. The message said "Could not delete 6000 rows" — of an undo — and the status bar "Undone". A real second
program on the real file, real key presses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from test_edit_on_a_full_disk_is_kept import values, warnings
from test_fault45_another_program_holds_the_office import hold, holder, let_go  # noqa: F401  (the fixture)

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
CTRL = Qt.KeyboardModifier.ControlModifier


def count(store: Store) -> int:
    with store.session() as s:
        return len(records.fetch_rows(s, RISKS))


def press(qtbot, window, key: Qt.Key) -> None:
    """Ctrl+``key`` to the window, once it is active again (a message box was closed): its shortcuts need it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, CTRL)


def close_boxes(window) -> None:
    for box in warnings_boxes(window):
        box.close()


def warnings_boxes(window) -> list:
    from PySide6.QtWidgets import QMessageBox

    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_the_undo_of_a_big_delete_refused_while_another_program_holds_the_file_is_done_once_it_lets_go(
        qtbot, main_window, tmp_path: Path, holder) -> None:  # noqa: F811
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

    office = tmp_path / "office.pmo"
    store = Store.create(office)
    with store.transaction() as s:
        records.create_records(s, RISKS, [{"title": f"Risk {i}", "probability": 2, "impact": 3} for i in range(6000)])
    store.close()
    window = main_window
    assert window.open_path(str(office))
    document = window.document
    with document.store.session() as s:
        ids = [r[0] for r in records.fetch_rows(s, RISKS)]
    assert document.execute(DeleteRecordsCommand(document, RISKS, ids))  # behind a progress dialog, as Shift+Del
    assert count(document.store) == 0
    shell = hold(holder, office)
    press(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=30000)
    shown = warnings(window)
    assert any(t.startswith("Could not undo “Delete 6000 rows”") and "busy in another window or program" in t
               and "the step is kept" in t for t in shown), shown
    qtbot.waitUntil(document.undo_stack.canUndo)  # the step is back, to undo again
    assert document.undo_stack.undoText() == "Delete 6000 rows"
    assert window.statusBar().currentMessage().startswith("Not undone (kept to try again)")
    assert count(document.store) == 0  # nothing half put back
    close_boxes(window)
    let_go(shell)
    press(qtbot, window, Qt.Key.Key_Z)
    assert count(document.store) == 6000
    assert window.statusBar().currentMessage() == "Undone: Delete 6000 rows"


def test_an_undo_and_a_redo_while_another_program_holds_the_file_are_done_once_it_lets_go(
        qtbot, main_window, tmp_path: Path, holder) -> None:  # noqa: F811
    office = tmp_path / "office.pmo"
    create_demo(office).close()
    window = main_window
    assert window.open_path(str(office))
    window.nav.setCurrentRow(3)  # Risks
    view = window.stack.currentWidget().register_view
    store = window.document.store
    stack = window.document.undo_stack
    before = sorted(values(store, RISKS, "title").values())
    view.select_record(view.model.record_id(0))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    deleted = sorted(values(store, RISKS, "title").values())
    assert len(deleted) == len(before) - 1
    shell = hold(holder, office)
    press(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=15000)
    assert any(t.startswith("Could not undo “Delete 1 row”") and "busy in another window or program" in t
               for t in warnings(window)), warnings(window)
    qtbot.waitUntil(stack.canUndo)
    assert sorted(values(store, RISKS, "title").values()) == deleted
    close_boxes(window)
    let_go(shell)
    press(qtbot, window, Qt.Key.Key_Z)
    assert sorted(values(store, RISKS, "title").values()) == before
    shell = hold(holder, office)
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=15000)
    qtbot.waitUntil(stack.canRedo)
    assert not stack.canUndo() and sorted(values(store, RISKS, "title").values()) == before
    close_boxes(window)
    let_go(shell)
    press(qtbot, window, Qt.Key.Key_Y)
    assert sorted(values(store, RISKS, "title").values()) == deleted
