"""Walkthrough 37: Ann and Raj on one shared office on a PostgreSQL server, as new users see it — the server going
away and coming back, the words for each way a connection fails, an empty database given to the command line, and
the close question closed without an answer. Real PostgreSQL server on loopback, real windows, real key presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _let_go_of_typing
from focused_keys import press, type_keys
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.postgres

RISKS = REGISTERS["risks"]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shared_office(request) -> str:
    from conftest import _pg_clone

    return _pg_clone(request, "demo")


def laptop(qtbot, tmp_path: Path, name: str, url: str) -> MainWindow:
    """One analyst's window on the shared office (its own settings, its own connections), on the Risks page."""
    window = MainWindow(QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=_let_go_of_typing)  # what a test leaves held is not asked about
    window.show()
    assert window.open_path(url)
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Risks
    return window


def risk_ids(store: Store) -> list[int]:
    with store.session() as s:
        return [row[0] for row in records.fetch_rows(s, RISKS)]


def field_of(store: Store, rid: int, name: str):
    with store.session() as s:
        return records.fetch_rows(s, RISKS, ids=[rid])[0][2 + RISKS.field_names.index(name)]


def warnings(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()
            and box is not QApplication.activeModalWidget()]


def close_asking(qtbot, window: MainWindow, answer) -> list[str]:
    """The window's close (its title bar's ✕), each question it asks handled by ``answer(box)``; the texts asked."""
    asked: list[str] = []

    def when_asked() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, when_asked)
            return
        asked.append(box.text())
        answer(box)

    QTimer.singleShot(50, when_asked)
    window.close()
    return asked


def test_the_close_question_closed_without_an_answer_goes_back_to_what_was_typed(qtbot, tmp_path, shared_office):
    """Raj types "someday" as a risk's proximity (refused, held in its cell) and closes the window. The question
    "Go Back to It / Close Without It" closed with no button clicked — by ``reject()``, as the stop signal that a
    session ending sends closes a dialog open when it comes — was read as "Close Without It": the window closed and
    what he typed went. Closed without an answer it is Go Back, as Esc and the ✕ of its title bar are."""
    raj = laptop(qtbot, tmp_path, "raj", shared_office)
    view = raj.active_register_view()
    rid = risk_ids(raj.document.store)[0]
    view.select_record(rid, view.model.column_of("proximity"))
    view.table.setFocus()
    type_keys(qtbot, "someday")
    press(qtbot, Qt.Key.Key_Return)  # refused: held in its cell
    assert view.unsaved_typing() is not None
    for close_it in (QMessageBox.reject, QMessageBox.close, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)):
        asked = close_asking(qtbot, raj, close_it)
        assert len(asked) == 1 and "someday" in asked[0], asked
        assert raj.isVisible() and raj.document is not None
        assert view.unsaved_typing() is not None and "someday" in view.unsaved_typing()[0]
