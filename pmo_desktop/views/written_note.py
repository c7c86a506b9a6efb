"""The strip over the pages after an export or a board pack is written: what was written and where, with a button to
open it (the computer's own program for a PDF or a workbook: ``QDesktopServices.openUrl``), one to open its folder,
and the key that opens the last board pack from anywhere (File ▸ Open the Last Board Pack, Ctrl+Shift+O). "Board
pack written to /…/pack.pdf" stood in the status bar for 15 seconds and nothing opened it: a newcomer asked to look
at the pack had to find the file (walk 59)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from .note_strip import NoteStrip

OPEN_LAST_PACK_KEY = "Ctrl+Shift+O"


def open_file(path: Path) -> bool:
    """The file opened by the computer's own program for it (a PDF viewer, the spreadsheet program)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class WrittenNote(NoteStrip):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("written-note", parent)
        self.open_button = self.add_button("Open It", "Open the file just written, in the program that opens it")
        self.open_button.clicked.connect(self.open_written)
        self.folder_button = self.add_button("Open Its Folder", "Open the folder that holds it")
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = self.add_button("Close", "Put this note away (the file stays where it is)")
        self.close_button.clicked.connect(self.hide_note)
        self.path: Path | None = None

    def show_written(self, what: str, path: Path, how: str = "") -> None:
        """Says ``what`` ("Board pack", "Export") was written to ``path``; ``how`` adds a line ("on A4 paper")."""
        self.path = path
        pack = what.lower().startswith("board pack")
        again = (f"{OPEN_LAST_PACK_KEY} opens it again later (File ▸ Open the Last Board Pack)" if pack
                 else "File ▸ Open the Last Export opens it again later")
        tail = f", {how}" if how else ""
        text = f"{what} written: “{path.name}” in {path.parent}{tail}. {again}."
        self.label.setText(f"<b>{escape(what)} written</b>{escape(text.removeprefix(f'{what} written'))}")
        self.label.setToolTip(str(path))
        self.setAccessibleName(text)
        self.open_button.setToolTip(f"Open {path.name}")
        self.setVisible(True)

    def hide_note(self) -> None:
        self.path = None
        self.setVisible(False)

    def open_written(self) -> None:
        if self.path is not None:
            open_file(self.path)

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
