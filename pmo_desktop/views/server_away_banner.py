"""The strip across the top of the window while the shared office's database server cannot be reached
(``Document.server_state``). Before it, each read that met the server away said so in its own box — the details of
every row the user moved to with the arrow keys, a box per key — and each change typed in another. Now it is said
here once, with how many changes this window keeps to save, until the server answers again; then the status bar
says it is back and what was saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..models.fields import count_of
from .note_strip import NoteStrip


class ServerAwayBanner(NoteStrip):
    try_now_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("server-away-banner", parent)
        self.button = self.add_button("Try Now", "Ask the server again now (the window asks by itself every few seconds)")
        self.button.clicked.connect(self.try_now_requested)
        self.server = ""

    def show_away(self, server: str | None, kept: int) -> None:
        """Shown while ``server`` (its name, no password) cannot be reached, with the changes kept; hidden on None."""
        if server is None:
            self.setVisible(False)
            return
        kept_now = (f"{count_of(kept, 'change')} you made since {'is' if kept == 1 else 'are'} kept in this window"
                    if kept else "what you change is kept in this window")
        text = (f"Server away — the database server {server} cannot be reached. Nothing you type is lost: "
                f"{kept_now} and saved when it is back (looked for every few seconds).")
        self.label.setText(f"<b>Server away</b>{text.removeprefix('Server away')}")
        self.setAccessibleName(text)
        self.setVisible(True)
