"""A whole path typed into Qt's own Open dialog (offscreen, as on a Linux desktop without a dialog of its own),
a pause, then Enter: the file is chosen. Qt's dialog swapped the typed path for the bare file name once it had
read the file's folder (a second after typing), and Enter then looked for that name in the folder shown, went to
"/" and chose nothing — the import never started and nothing said why."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from shiboken6 import isValid

from pmo_desktop.views.exchange.actions import ask_workbook_to_open


def test_a_whole_path_typed_into_the_open_dialog_then_enter_after_a_pause_chooses_that_file(qtbot, tmp_path: Path):
    offered = tmp_path / "offered"
    offered.mkdir()
    (offered / "other.xlsx").write_bytes(b"")
    elsewhere = tmp_path / "from Jo"
    elsewhere.mkdir()
    workbook = elsewhere / "RAID log from Jo.xlsx"
    workbook.write_bytes(b"PK")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setCompleter(None)
        name.setFocus()
        qtbot.keyClicks(name, str(workbook))
        qtbot.wait(1500)  # as a user reads what was typed: the dialog has read the folder by now
        seen.append(name.text())
        qtbot.keyClick(name, Qt.Key.Key_Return)
        QTimer.singleShot(3000, lambda: isValid(dialog) and dialog.isVisible() and dialog.reject())  # never for ever

    QTimer.singleShot(50, answer)
    assert ask_workbook_to_open(parent, str(offered)) == str(workbook), seen
