"""Errors of the Excel export and board pack. No openpyxl here, so the CLI can catch them cheaply."""

from __future__ import annotations

CELL_TEXT_LIMIT = 32767  # characters in one Excel cell; openpyxl would silently cut the rest


class ExportError(Exception):
    """A workbook could not be written; ``str(error)`` is one sentence a PMO user can act on."""


class TextTooLong(ExportError):
    def __init__(self, length: int):
        super().__init__(f"a text of {length:,} characters is longer than an Excel cell holds ({CELL_TEXT_LIMIT:,})")
        self.length = length
