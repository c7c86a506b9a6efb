"""A read-only office in the window: every page opens, a banner says why it cannot be changed, edits and
imports are off (not failing one by one), exports stay on, and Save a Copy As… opens an editable copy.
The file and its folder are untouched throughout (tests/test_read_only_office.py has the file ways)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton

from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views import file_dialogs
from pmo_desktop.views.pages import PAGES

WRITING_BUTTONS = {"Escalate…", "De-escalate", "Raise issue", "Scale…", "Merge into…", "Rules…",
                   "Status thresholds…", "New status report", "Schedule for selected stakeholder…", "Mark held today"}


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture
def read_only_window(main_window, qtbot, tmp_path: Path):
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "colleague.pmo"
    create_demo(path).close()
    path.chmod(0o444)
    before = listing(folder)
    assert main_window.open_path(str(path))
    main_window.resize(1280, 720)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    yield main_window, folder
    main_window.close_file()
    assert listing(folder) == before


def action(window, text: str):
    menus = [window.file_menu, window.edit_menu]
    return next(a for m in menus for a in m.actions() if a.text().replace("&", "").startswith(text))


def test_the_banner_says_why_and_only_the_edits_are_off(qtbot, read_only_window) -> None:
    window, _folder = read_only_window
    banner = window.read_only_banner
    assert banner.isVisible()
    assert "Read only" in banner.label.text() and "the file is read-only" in banner.label.text()
    assert "[read only]" in window.windowTitle()
    for text in ("Import from Excel", "Program Details", "Paste", "Clear Cells", "Add Row", "Duplicate Rows",
                 "Delete Rows"):
        assert not action(window, text).isEnabled(), text
    for text in ("Save a Copy As", "Export to Excel", "Export Board Pack", "Copy", "Find\t",
                 "Board Snapshots", "What Changed"):
        assert action(window, text).isEnabled(), text
    assert not window.tool_add.isEnabled() and not window.tool_delete.isEnabled()
    for i, _page in enumerate(PAGES):  # every page opens and reads
        window.nav.setCurrentRow(i)
        assert window.stack.currentWidget() is window.pages[i]
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    # The pages' own writing controls: buttons hidden, detail texts read only (still selectable).
    pages = list(window.pages.values())
    buttons = [b for page in pages for b in page.findChildren(QPushButton)
               if b.text().replace("&", "") in WRITING_BUTTONS]  # as read, without its Alt letter's mark
    assert {b.text().replace("&", "") for b in buttons} == WRITING_BUTTONS and not [b.text() for b in buttons if not b.isHidden()]
    texts = [t for page in pages for t in page.findChildren(QPlainTextEdit)]
    assert len(texts) >= 5 and [type(t).__name__ + t.objectName() for t in texts if not t.isReadOnly()] == []


def test_typing_deleting_and_adding_rows_do_nothing(qtbot, read_only_window) -> None:
    window, _folder = read_only_window
    window.nav.setCurrentRow(3)  # Risks
    view = window.active_register_view()
    rows_before = view.model.rowCount()
    assert rows_before > 0 and not view.new_line.isVisible()
    title = view.proxy.index(0, view.model.column_of("title"))
    assert not view.proxy.flags(title) & Qt.ItemFlag.ItemIsEditable
    view.table.setFocus()
    view.table.setCurrentIndex(title)
    old = title.data()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "changed")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.proxy.index(0, view.model.column_of("title")).data() == old
    assert view.model.rowCount() == rows_before
    assert window.document.undo_stack.count() == 0
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # nothing failed: nothing tried


def test_save_a_copy_as_opens_the_copy_to_edit(qtbot, read_only_window, tmp_path: Path, monkeypatch) -> None:
    window, _folder = read_only_window
    copy = tmp_path / "mine.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save", lambda *_a, **_k: str(copy))  # the system's file chooser
    qtbot.mouseClick(window.read_only_banner.button, Qt.MouseButton.LeftButton)
    assert window.document is not None and window.document.store.path == copy
    assert not window.document.read_only and not window.read_only_banner.isVisible()
    assert action(window, "Import from Excel").isEnabled() and action(window, "Add Row").isEnabled()
    window.nav.setCurrentRow(1)
    window.active_register_view().add_row()
    with window.document.store.session() as s:
        assert len(records.fetch_rows(s, REGISTERS["projects"])) == 6
