"""File choosers for program office files."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from .. import FILE_SUFFIX

FILTER = f"Program office files (*{FILE_SUFFIX});;All files (*)"


def ask_open(parent: QWidget, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open Program Office", folder, FILTER)
    return path or None


def ask_save(parent: QWidget, title: str, folder: str = "") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, folder, FILTER)
    if path and not path.endswith(FILE_SUFFIX):
        path += FILE_SUFFIX
    return path or None
