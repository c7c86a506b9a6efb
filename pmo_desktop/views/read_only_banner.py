"""The strip across the top of the window while an office is open read only (a file, folder or disk that
cannot be written here: ``models.read_only``): it says why, once, instead of every edit failing one by
one, and offers the way to edit — a copy somewhere writable, opened in its place."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from .note_strip import NoteStrip


class ReadOnlyBanner(NoteStrip):
    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("read-only-banner", parent)
        self.button = self.add_button("Save a Copy As…", "Save a copy somewhere you can write, and edit that copy")
        self.button.clicked.connect(self.save_copy_requested)

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
