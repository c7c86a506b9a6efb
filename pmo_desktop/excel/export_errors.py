"""Errors of the Excel export and board pack. No openpyxl here, so the CLI can catch them cheaply."""

from __future__ import annotations

CELL_TEXT_LIMIT = 32767  # characters in one Excel cell; openpyxl would silently cut the rest


class ExportError(Exception):
    """A workbook could not be written; ``str(error)`` is one sentence a PMO user can act on."""


class TextTooLong(ExportError):
    def __init__(self, length: int):
        super().__init__(f"a text of {length:,} characters is longer than an Excel cell holds ({CELL_TEXT_LIMIT:,})")
        self.length = length


class SnapshotNotKept(ExportError):
    """The pack was written (over last month's, when there was one) but its board snapshot could not be
    kept in the office: said as that, not as "the board pack was not written" — the pack is there."""

    title = "The board snapshot was not kept"

    def __init__(self, out: object, office: str, why: str):
        super().__init__(f"The board pack was written to “{out}”, but its board snapshot could not be kept in "
                         f"“{office}”: {why}. The next pack's “Since the last board” will compare with the board "
                         "before; make room and publish the pack again to keep this one.")
        self.out = out
