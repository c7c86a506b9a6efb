"""File choosers for program office files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import FILE_SUFFIX

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QFileDialog is imported when a chooser opens: the main window loads this module before it is first shown.

FILTER = f"Program office files (*{FILE_SUFFIX});;All files (*)"


def ask_open(parent: QWidget, folder: str = "") -> str | None:
    from PySide6.QtWidgets import QFileDialog

    from .keyboard_back import keyboard_kept

    with keyboard_kept(parent):
        path, _ = QFileDialog.getOpenFileName(parent, "Open Program Office", folder, FILTER)
    return path or None


def ask_save(parent: QWidget, title: str, folder: str = "") -> str | None:
    from PySide6.QtWidgets import QFileDialog

    from .keyboard_back import keyboard_kept

    with keyboard_kept(parent):
        path, _ = QFileDialog.getSaveFileName(parent, title, folder, FILTER)
    if path and not path.endswith(FILE_SUFFIX):
        path += FILE_SUFFIX
    return path or None
