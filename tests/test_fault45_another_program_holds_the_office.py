"""Fault round 45: a second program holds the open office busy — a database tool (the sqlite3 shell, DB Browser
for SQLite) with a write transaction of its own not yet committed. The window's edit waits for it (5 s, SQLite's
busy timeout), then says the file is busy, and the change is kept, as one the full disk refused: Edit ▸ Retry
Unsaved Changes saves it once the other program has let go, one undo step. Before, the message said "not saved.
Try again." and the change was gone wherever no cell editor held it: a risk's cause pasted in the details and
another risk chosen (the details then showed that risk), a block pasted, a row deleted.

The holder is a real second process on the real file; nothing of ours is stood in for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from processes import read_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_edit_on_a_full_disk_is_kept import CAUSE, store_id, values, warnings

from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]

# A second program with a write transaction open on the file: it holds the write lock until told to commit.
HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE setting SET value = value WHERE key = 'office_id'")
print("holding", flush=True)
sys.stdin.readline()
con.execute("COMMIT")
con.close()
print("let go", flush=True)
"""


@pytest.fixture
def holder() -> Iterator[list[subprocess.Popen]]:
    started: list[subprocess.Popen] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def hold(started: list[subprocess.Popen], office: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(office)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    started.append(proc)
    assert read_line(proc).strip() == "holding"
    return proc


def let_go(proc: subprocess.Popen) -> None:
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert read_line(proc).strip() == "let go"
    proc.wait(30)


def test_a_cause_typed_while_another_program_holds_the_file_is_kept_and_saved_once_it_lets_go(
        qtbot, main_window, tmp_path: Path, holder) -> None:
    window = main_window
    office = tmp_path / "office.pmo"
    create_demo(office).close()
    assert window.open_path(str(office))
    window.nav.setCurrentRow(3)  # Risks
    page = window.stack.currentWidget()
    view, detail = page.register_view, page.detail
    store = window.document.store
    view.select_record(store_id(store, "R-001"))
    before = values(store, RISKS, "cause")["R-001"]
    shell = hold(holder, office)
    editor = detail.editors["cause"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QApplication.clipboard().setText(CAUSE)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    second = view.proxy.mapFromSource(view.model.index(view.model.row_of(store_id(store, "R-002")), 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(second).center())
    qtbot.waitUntil(lambda: bool(warnings(window)), timeout=15000)  # after SQLite's 5 s wait
    assert detail.header.text().startswith("R-002")  # the details show the risk chosen
    shown = warnings(window)
    assert shown and all("busy in another window or program" in t and "Your change is kept" in t
                         and "once the other program" in t for t in shown), shown
    assert "(1)" in window.retry_action.text()
    assert values(store, RISKS, "cause")["R-001"] == before  # nothing half-saved
    for box in warnings_boxes(window):
        box.close()
    let_go(shell)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.document.pending and not window.retry_action.isEnabled()
    assert values(store, RISKS, "cause")["R-001"] == CAUSE
    window.document.undo_stack.undo()  # one undo step
    assert values(store, RISKS, "cause")["R-001"] == before


def test_a_row_deleted_while_another_program_holds_the_file_is_kept(qtbot, main_window, tmp_path: Path,
                                                                     holder) -> None:
    window = main_window
    office = tmp_path / "office.pmo"
    create_demo(office).close()
    assert window.open_path(str(office))
    window.nav.setCurrentRow(3)  # Risks
    view = window.stack.currentWidget().register_view
    store = window.document.store
    rid = store_id(store, "R-003")
    view.select_record(rid)
    shell = hold(holder, office)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(window.document.pending), timeout=15000)
    assert "R-003" in values(store, RISKS, "title")  # not deleted, not lost: kept
    for box in warnings_boxes(window):
        box.close()
    let_go(shell)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.document.pending
    assert "R-003" not in values(store, RISKS, "title")


def warnings_boxes(window) -> list:
    from PySide6.QtWidgets import QMessageBox

    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]
