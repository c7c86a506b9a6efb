"""The sentence a view shows in place of its content while it has nothing to show (a new office)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def empty_note(parent: QWidget) -> QLabel:
    """A hidden, word-wrapped label centred near the top, for what the view is for and how to fill it."""
    note = QLabel(parent)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    note.setContentsMargins(40, 40, 40, 0)
    note.hide()
    return note
