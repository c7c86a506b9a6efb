"""Fault round 47: Ctrl+Z and Ctrl+Y while a change the disk refused is kept to retry — the undo stack must match
the file: never undo a step under a change that was not written, nor lose one that was.

Fault injected: a risk's title typed (saved), then the disk full and a long cause pasted into the same risk (kept,
"Your change is kept … Retry Unsaved Changes saves it"), then Ctrl+Z — the user taking back what they just pasted.
Ctrl+Z undid the title typed before it instead, and the pasted cause stayed kept: once room was made, the retry
wrote it over the office without that title, the undo the user pressed for it spent on another change. Ctrl+Y
with a change kept redid a step that change had replaced. Now Ctrl+Z takes back the newest kept change (never
written: nothing in the file changes) and Ctrl+Y is refused while one is kept, the status bar saying why; the steps
on the stack are each exactly what the file holds. A real full disk (tmpfs), real key presses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_edit_on_a_full_disk_is_kept import CAUSE, disk, values, warnings  # noqa: F401  (the fixture)
from test_fault45_an_undo_refused_for_now import close_boxes, press
from test_full_disk import fill

from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]
PASTED = CAUSE.removeprefix("Cause: ")  # one cell's text (with its label, a paste reads as a labelled form)


def open_risks(qtbot, window, office: Path):
    create_demo(office).close()
    assert window.open_path(str(office))
    window.nav.setCurrentRow(3)  # Risks
    return window.stack.currentWidget().register_view


def cell(view, code: str, field: str):
    model = view.model
    row = next(i for i in range(model.rowCount()) if model.index(i, model.column_of("code")).data() == code)
    return view.proxy.mapFromSource(model.index(row, model.column_of(field)))


def type_title(qtbot, view, text: str) -> None:
    view.table.setCurrentIndex(cell(view, "R-001", "title"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def paste_cause(qtbot, window, view) -> None:
    target = cell(view, "R-001", "cause")
    view.table.scrollTo(target)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(target).center())
    assert view.table.selectionModel().selectedIndexes() == [target]
    QApplication.clipboard().setText(PASTED)
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=5000)
    assert any("the disk is full" in t and "Your change is kept" in t for t in warnings(window)), warnings(window)
    close_boxes(window)


def test_ctrl_z_takes_back_the_change_kept_not_the_step_saved_before_it(qtbot, main_window, disk: Path) -> None:  # noqa: F811
    window = main_window
    view = open_risks(qtbot, window, disk / "office.pmo")
    document, store = window.document, window.document.store
    stack = document.undo_stack
    title_before = values(store, RISKS, "title")["R-001"]
    cause_before = values(store, RISKS, "cause")["R-001"]
    type_title(qtbot, view, "Till supplier may fail")
    assert values(store, RISKS, "title")["R-001"] == "Till supplier may fail" and stack.count() == 1
    filler = fill(disk)
    paste_cause(qtbot, window, view)
    assert len(document.pending) == 1 and values(store, RISKS, "cause")["R-001"] == cause_before
    press(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: "nothing in the file changed" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("Undone: Paste")
    assert not document.pending and not window.retry_action.isEnabled()
    assert values(store, RISKS, "title")["R-001"] == "Till supplier may fail"  # the step saved before is still done
    assert stack.index() == 1 and stack.canUndo()
    filler.unlink()  # room made: nothing is retried, the cause taken back stays as the file has it
    window.retry_pending()
    assert values(store, RISKS, "cause")["R-001"] == cause_before
    press(qtbot, window, Qt.Key.Key_Z)  # now the title typed
    assert values(store, RISKS, "title")["R-001"] == title_before
    assert window.statusBar().currentMessage().startswith("Undone: Edit Title")


def test_ctrl_y_is_refused_while_a_change_made_after_the_undo_is_kept(qtbot, main_window, disk: Path) -> None:  # noqa: F811
    window = main_window
    view = open_risks(qtbot, window, disk / "office.pmo")
    document, store = window.document, window.document.store
    stack = document.undo_stack
    title_before = values(store, RISKS, "title")["R-001"]
    type_title(qtbot, view, "Till supplier may fail")
    press(qtbot, window, Qt.Key.Key_Z)
    assert values(store, RISKS, "title")["R-001"] == title_before and stack.canRedo()
    filler = fill(disk)
    paste_cause(qtbot, window, view)  # a new change, made on the office without the title: kept
    press(qtbot, window, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Not redone: 1 change made since"))
    assert values(store, RISKS, "title")["R-001"] == title_before  # the replaced step is not written under it
    assert len(document.pending) == 1 and stack.index() == 0
    filler.unlink()
    window.retry_pending()
    assert values(store, RISKS, "cause")["R-001"] == PASTED and not document.pending
    assert stack.index() == 1 and stack.count() == 1 and stack.text(0).startswith("Paste")
