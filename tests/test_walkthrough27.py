"""Walkthrough 27: a newcomer's first hour from the README — a fresh office and the demo, by the keyboard alone, at
1280×720 and 1920×1080, a colleague's workbook imported and the board pack shown on a projector. What they tripped
on, each fixed, by real key presses on the real window."""

import os

from file_dialogs import answer_file_dialog
from focused_keys import press
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.exchange.import_dialog import ImportDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def documents_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.realpath(documents if os.path.isdir(documents) else os.path.expanduser("~"))


def test_the_first_new_office_and_import_open_in_documents_then_where_the_last_went(main_window, qtbot, tmp_path):
    """Ctrl+N, the first thing the README says to do: the chooser opened in the folder the app was started from
    (`bash scripts/run-app.sh` in the download: the office was saved among the program's own files), and Ctrl+I
    after it opened there again, not where the office had just been made. The first chooser offers Documents (or
    home); then New…, Open… and Import offer the folder last used, and Import the one the last workbook came from."""
    window = main_window
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    office = tmp_path / "offices" / "Harbour.pmo"
    office.parent.mkdir()
    first = answer_file_dialog(qtbot, str(office))
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: window.document is not None)
    offered = os.path.realpath(os.path.dirname(first.offered[0]))
    assert offered == documents_folder() != os.path.realpath(os.getcwd()), first.offered

    colleague = tmp_path / "from Jo" / "risks.csv"
    colleague.parent.mkdir()
    colleague.write_text("Title,Probability,Impact\nConcrete prices rise,4,4\n", encoding="utf-8")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    second = answer_file_dialog(qtbot, str(colleague))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(second.titles) == 1)
    assert os.path.dirname(second.offered[0]) == str(office.parent)  # where the office was just made
    qtbot.waitUntil(lambda: any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    opened = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    opened.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    third = answer_file_dialog(qtbot, str(colleague))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(third.titles) == 1)
    assert os.path.dirname(third.offered[0]) == str(colleague.parent)  # where the last workbook came from
