"""A failure of the office met where no code waits for one (a page drawn from a record whose text is not
UTF-8: damage the open's check does not see) is said in one message box, not left as a blank page and
a traceback on a console. Qt hands such an exception to ``sys.excepthook``, which the application sets
(``views/failure_message.install``, called by ``run_gui``)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views import failure_message


def damaged_office(folder: Path) -> Path:
    path = folder / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Supplier slips", "probability": 4, "impact": 4})
    store.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE risk SET title = CAST(X'43616684E9' AS TEXT)")  # bytes another program wrote: not UTF-8
    con.commit()
    con.close()
    return path


def warnings(window) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    return [b.text() for b in window.findChildren(QMessageBox) if b.objectName() == "warning"]


@pytest.mark.qt_no_exception_capture
def test_a_page_that_cannot_be_read_says_why_once(qtbot, main_window, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    failure_message.install(lambda: main_window)
    assert main_window.open_path(str(damaged_office(tmp_path)))
    from PySide6.QtCore import Qt

    for key in (Qt.Key.Key_4, Qt.Key.Key_1, Qt.Key.Key_4):  # Risks (Ctrl+4), the overview, Risks again
        qtbot.keyClick(main_window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: bool(warnings(main_window)), timeout=3000)
    texts = warnings(main_window)
    assert len(set(texts)) == len(texts)  # each sentence once, however often a page tried again
    assert any(t.startswith("“office.pmo” is damaged (Could not decode") for t in texts), texts
    assert "Traceback" in capsys.readouterr().err  # still logged as before


def test_other_errors_are_not_dressed_as_storage_failures() -> None:
    assert failure_message.failure_text(ValueError("a bug")) is None
