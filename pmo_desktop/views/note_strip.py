"""A strip across the top of the window that says one thing until it no longer holds, with its buttons at the
right: the read-only, server-away and rows-left-out notes are each one (one look, one place for their layout)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoteStrip(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 4, 8, 4)
        self._row.addWidget(self.label, 1)
        self.setVisible(False)

    def add_button(self, text: str, tip: str) -> QPushButton:
        """A button at the strip's right, after those added before it."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        self._row.addWidget(button)
        return button
