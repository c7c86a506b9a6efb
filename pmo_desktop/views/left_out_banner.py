"""The strip over the pages after an import that left rows out (Import the valid rows, leave the rest): how many,
and the workbook they were written to with their reasons, with a button to open it and one to open its folder, until
it is closed, another import is made or the office closed. It was said in the status bar alone, for 30 seconds — the
next "Saved" of a cell typed took its place — and a new user who looked up after the import found no word of the rows
to fix nor where they were (walk57)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ..models.fields import count_of
from .note_strip import NoteStrip


class LeftOutBanner(NoteStrip):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("left-out-banner", parent)
        self.open_button = self.add_button(
            "Open It", "Open the workbook of the rows left out, to correct them and import it again")
        self.open_button.clicked.connect(self.open_workbook)
        self.folder_button = self.add_button("Open Its Folder", "Open the folder that holds that workbook")
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = self.add_button("Close", "Put this note away (the workbook stays where it is)")
        self.close_button.clicked.connect(self.hide_note)
        self.path: Path | None = None

    def show_left_out(self, count: int, source: Path | None, written: Path | None, why: str = "") -> None:
        """Says ``count`` rows of ``source`` were left out and written to ``written`` (None: they could not be,
        for ``why``: "the disk is full")."""
        of = f" of “{source.name}”" if source is not None else ""
        self.path = written
        one = count == 1
        they, are, them = ("it", "is", "it") if one else ("they", "are", "them")
        if written is None and why:  # a full disk said as such (fault70b)
            where = (f"{they} could not be written to a workbook, beside it or in your Documents folder: {why}; "
                     f"nothing of {them} is lost: the import's report lists {them}")
        elif written is None:
            where = (f"{they} could not be written to a workbook (neither beside the workbook nor in your Documents "
                     "folder can be written)")
        elif source is not None and written.parent == source.parent:
            where = f"{they} {are} in “{written.name}” beside it, with the {'reason' if one else 'reasons'}"
        else:
            where = f"{they} {are} in “{written}”, with the {'reason' if one else 'reasons'}"
        text = (f"Rows left out — {count_of(count, 'row')}{of} {'was' if one else 'were'} not imported: "
                f"{where}. Correct {them} there and import that workbook.")
        self.label.setText(f"<b>Rows left out</b>{text.removeprefix('Rows left out')}")
        self.label.setToolTip(str(written) if written is not None else "")
        self.setAccessibleName(text)
        self.open_button.setVisible(written is not None)
        self.folder_button.setVisible(written is not None)
        self.setVisible(True)

    def hide_note(self) -> None:
        self.path = None
        self.setVisible(False)

    def open_workbook(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
