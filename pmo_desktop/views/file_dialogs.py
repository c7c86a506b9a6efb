"""File choosers for program office files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import FILE_SUFFIX

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QFileDialog is imported when a chooser opens: the main window loads this module before it is first shown.

FILTER = f"Program office files (*{FILE_SUFFIX});;All files (*)"


def ask_open(parent: QWidget, folder: str = "") -> str | None:
    from .keyboard_back import keyboard_kept

    with keyboard_kept(parent):
        return open_file_name(parent, "Open Program Office", folder, FILTER)


def open_file_name(parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
    """The file chosen in an Open dialog, None if none. As ``QFileDialog.getOpenFileName``, with one repair of Qt's
    own dialog (the one used where the desktop offers none): a whole path typed into its name box
    ("/home/jo/Downloads/RAID log.xlsx") is replaced by the bare name once the dialog has read that file's folder
    — a second after typing — and Enter then looked for the name in the folder shown, went to "/" and chose
    nothing: the import never started, and nothing said why. The dialog now goes to the typed file's folder."""
    import os

    from PySide6.QtWidgets import QFileDialog, QLineEdit

    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    name = dialog.findChild(QLineEdit, "fileNameEdit")  # Qt's own dialog's name box (none in a desktop's dialog)
    typed = [""]

    def edited(text: str) -> None:
        typed[0] = text if os.path.isabs(text) else ""

    def changed(text: str) -> None:
        path = typed[0]
        if not path or text != os.path.basename(path) or not os.path.isfile(path):
            return
        where = os.path.dirname(path)
        if os.path.abspath(dialog.directory().absolutePath()) != os.path.abspath(where):
            dialog.setDirectory(where)
            if name is not None:
                name.setText(text)

    if name is not None:
        name.textEdited.connect(edited)
        name.textChanged.connect(changed)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else None
    finally:
        dialog.deleteLater()


def ask_save(parent: QWidget, title: str, folder: str = "") -> str | None:
    from PySide6.QtWidgets import QFileDialog

    from .keyboard_back import keyboard_kept

    with keyboard_kept(parent):
        path, _ = QFileDialog.getSaveFileName(parent, title, folder, FILTER)
    if path and not path.endswith(FILE_SUFFIX):
        path += FILE_SUFFIX
    return path or None
