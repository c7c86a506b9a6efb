"""The strip across the top of the window while an office is open read only (a file, folder or disk that
cannot be written here: ``models.read_only``): it says why, once, instead of every edit failing one by
one, and offers the way to edit — a copy somewhere writable, opened in its place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ReadOnlyBanner(QFrame):
    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read-only-banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton("Save a Copy As…", self)
        self.button.setToolTip("Save a copy somewhere you can write, and edit that copy")
        self.button.clicked.connect(self.save_copy_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setVisible(False)

    def show_reason(self, name: str, reason: str | None) -> None:
        """Shown with ``reason`` (why the office cannot be written); hidden when it is None."""
        if reason is None:
            self.setVisible(False)
            return
        text = f"Read only — “{name}” cannot be changed here: {reason}. Save a Copy As… to edit."
        self.label.setText(f"<b>Read only</b> — “{name}” cannot be changed here: {reason}. "
                           "Save a Copy As… to edit a copy.")
        self.setAccessibleName(text)
        self.setVisible(True)
