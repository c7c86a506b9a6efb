"""A change the office's full disk refuses is kept, as one made while a shared server is away: the message
says so, Edit ▸ Retry Unsaved Changes (Ctrl+Shift+R) saves it once room is made, and it is one undo step
then. Before, the message said "not saved" and it was gone wherever no cell editor held it: a risk's cause
typed in the details and another risk chosen (the details then showed that risk), a block pasted, a row
deleted. A typed cell is no longer held in its editor besides (Enter again, then the retry, saved it twice).
An import the full disk refused is not kept: its dialog stays open on its plan, to import again."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from test_full_disk import fill
from tmpfs import mounted_tmpfs

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS, PROJECTS = REGISTERS["risks"], REGISTERS["projects"]
# Pasted: more than the few pages an edit's -wal already has room for.
CAUSE = ("Cause: " + "a single supplier for every till, its depot and the back office. " * 500).strip()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "3m") as mount:
        yield mount


def values(store: Store, register, field: str) -> dict[str, str]:
    with store.session() as s:
        rows = records.fetch_rows(s, register)
    code = register.field_names.index("code" if "code" in register.field_names else "name") + 2
    return {r[code]: r[register.field_names.index(field) + 2] for r in rows}


def warnings(window) -> list[str]:
    return [b.text() for b in window.findChildren(QMessageBox) if b.isVisible()]


def retry_with_room(qtbot, window, filler: Path) -> None:
    for box in window.findChildren(QMessageBox):
        box.close()
    filler.unlink()  # room made
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.document.pending and not window.retry_action.isEnabled()


def test_a_cause_typed_then_another_risk_chosen_is_kept(qtbot, main_window, disk: Path) -> None:
    window = main_window
    create_demo(disk / "office.pmo").close()
    assert window.open_path(str(disk / "office.pmo"))
    window.nav.setCurrentRow(3)  # Risks
    page = window.stack.currentWidget()
    view = page.register_view
    detail = page.detail
    store = window.document.store
    view.select_record(store_id(store, "R-001"))
    filler = fill(disk)
    editor = detail.editors["cause"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QApplication.clipboard().setText(CAUSE)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    second = view.proxy.mapFromSource(view.model.index(view.model.row_of(store_id(store, "R-002")), 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(second).center())
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=3000)
    assert detail.header.text().startswith("R-002")  # the details show the risk chosen
    shown = warnings(window)
    assert shown and all("the disk is full" in t and "Your change is kept" in t for t in shown), shown
    assert "(1)" in window.retry_action.text()
    assert values(store, RISKS, "cause")["R-001"] != CAUSE  # nothing half-saved
    retry_with_room(qtbot, window, filler)
    assert values(store, RISKS, "cause")["R-001"] == CAUSE
    window.document.undo_stack.undo()
    assert values(store, RISKS, "cause")["R-001"] != CAUSE


def store_id(store: Store, code: str) -> int:
    with store.session() as s:
        return next(r[0] for r in records.fetch_rows(s, RISKS) if r[RISKS.field_names.index("code") + 2] == code)


def test_a_typed_cell_is_kept_once_not_held_in_its_editor_too(qtbot, main_window, disk: Path) -> None:
    window = main_window
    assert window.create_file(str(disk / "office.pmo"))
    window.nav.setCurrentRow(1)  # Projects
    view = window.active_register_view()
    view.add_row()
    filler = fill(disk)
    table = view.table
    table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(0, view.model.column_of("description"))))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QApplication.clipboard().setText(CAUSE)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=3000)
    shown = warnings(window)
    assert len(shown) == 1 and "the disk is full" in shown[0] and "Your change is kept" in shown[0], shown
    assert not isinstance(QApplication.focusWidget(), QLineEdit)  # the editor let go: kept once, not twice
    retry_with_room(qtbot, window, filler)
    assert list(values(window.document.store, PROJECTS, "description").values()) == [CAUSE]
    assert window.document.undo_stack.count() == 2  # the row added, the description


def test_an_import_the_full_disk_refused_is_not_kept(qtbot, main_window, disk: Path, tmp_path: Path) -> None:
    from pmo_desktop.views.exchange.import_dialog import ImportDialog

    window = main_window
    assert window.create_file(str(disk / "office.pmo"))
    workbook = tmp_path / "risks.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact", "Cause"])
    for i in range(400):
        ws.append([f"Risk {i}", 2, 3, "x" * 400])
    wb.save(workbook)
    dialog = ImportDialog(window.document, workbook, window)
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.ok
    fill(disk)
    dialog.do_import()
    assert "the disk is full" in dialog.summary.text() and not window.document.pending


def answer_not_saved(button: str, asked: list[str]) -> None:
    """Click ``button`` of the "Not saved" question about to open (it runs its own event loop)."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        box = next((b for b in QApplication.topLevelWidgets()
                    if isinstance(b, QMessageBox) and b.isVisible() and b.windowTitle() == "Not saved"), None)
        if box is None:
            QTimer.singleShot(20, look)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, look)


def test_closing_the_window_with_a_kept_change_asks(qtbot, main_window, disk: Path) -> None:
    """Kept in the window only, it went with the window without a word. Now closing asks: Go Back keeps the
    window; Retry Now, once there is room, saves it and closes."""
    window = main_window
    assert window.create_file(str(disk / "office.pmo"))
    window.nav.setCurrentRow(1)  # Projects
    view = window.active_register_view()
    view.add_row()
    filler = fill(disk)
    assert not view.model.setData(view.model.index(0, view.model.column_of("description")), CAUSE)
    assert len(window.document.pending) == 1
    for box in window.findChildren(QMessageBox):
        box.close()
    asked: list[str] = []
    answer_not_saved("Go Back", asked)
    window.close()
    assert asked and asked[0].startswith("1 change could not be saved yet") and window.isVisible()
    filler.unlink()
    answer_not_saved("Retry Now", asked)
    window.close()
    assert len(asked) == 2 and not window.isVisible()
    store = Store.open(disk / "office.pmo")
    try:
        assert list(values(store, PROJECTS, "description").values()) == [CAUSE]
    finally:
        store.close()
