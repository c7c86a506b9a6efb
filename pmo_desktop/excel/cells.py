"""How a value becomes a cell: text that Excel can never run as a formula, real dates and numbers.

Formula injection (OWASP "CSV injection"): text from user data that starts with = + - @ or a tab or
carriage return could be evaluated by a spreadsheet. openpyxl would even store a str starting with
"=" as a formula. Such text is written as an explicit string cell (never an <f> element) with Excel's
quote-prefix flag, which keeps it text when someone edits the cell; the text itself is unchanged, so
it imports back exactly as it was.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable

import openpyxl.cell._writer as _openpyxl_cell_writer
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell

from ..models.values import day_text
from .export_errors import CELL_TEXT_LIMIT as CELL_TEXT_LIMIT  # re-exported
from .export_errors import ExportError as ExportError
from .export_errors import TextTooLong as TextTooLong

FORMULA_TRIGGERS = frozenset("=+-@\t\r")
# Excel's first date: one before it has no date number, so it is written as text (see table_sheet too).
EXCEL_FIRST_DAY = date(1900, 1, 1)
# Anything that needs more than a plain str cell: a trigger first, a CR, or an XML-illegal control char.
_NEEDS_CARE = re.compile(r"^[=+\-@\t\r]|[\r\x00-\x08\x0b\x0c\x0e-\x1f]")


def needs_care(text: str) -> bool:
    """True when ``text`` cannot go into a cell as a plain value."""
    return bool(_NEEDS_CARE.search(text)) or text in ERROR_CODES or len(text) > CELL_TEXT_LIMIT


def clean_text(text: str) -> str:
    """The text as an xlsx can hold it. XML turns CR into LF on reading, so line breaks are written
    as LF. Over-long text is refused. A control character XML cannot carry (an ESC, a BEL an office from
    before they were refused may hold) is kept: xlsxwriter writes it as Excel does, ``_x001B_``, which every
    reader gives back (for openpyxl, ``put_text`` escapes it). Dropped, the export differed from the office
    and its re-import called the row unchanged, without a word."""
    if len(text) > CELL_TEXT_LIMIT:
        raise TextTooLong(len(text))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def escaped(text: str) -> str:
    """Excel's escape of a control character for a writer that does not make it (openpyxl refuses one):
    ``_x001B_``; a text that reads as such an escape already ("_x0041_") has its "_" escaped, as Excel does,
    so it is read back as written rather than as "A"."""
    if "_x" in text:
        text = _ESCAPE_LIKE.sub(r"_x005F_\1", text)
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def printable(text: str) -> str:
    """``text`` without the control characters XML cannot carry, for what is no cell — a workbook's title, a page
    header, a chart's title — where openpyxl writes them as they are, and the file was refused as damaged by
    every reader (an office from before they were refused may hold one in its program's name or a unit)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def is_formula_like(text: str) -> bool:
    return bool(text) and (text[0] in FORMULA_TRIGGERS or text in ERROR_CODES)


def put_text(cell: Cell, text: str) -> None:
    """Set ``cell`` to ``text`` as a literal string, whatever it starts with."""
    text = clean_text(text)
    cell.value = escaped(text)
    cell.data_type = "s"  # after the value: openpyxl re-types a str starting with "=" as a formula
    if is_formula_like(text):
        cell.quotePrefix = True


def put_value(cell: Cell, value: Any) -> None:
    """Any value of ours into a normal-mode cell: text safely, everything else as itself."""
    if isinstance(value, str):
        put_text(cell, value)
    elif isinstance(value, bool):
        cell.value = "Yes" if value else "No"
    elif value.__class__ is date and value < EXCEL_FIRST_DAY:
        # no date number before 1900: openpyxl writes a negative one, which Excel shows as #####
        put_text(cell, day_text(value))
    else:
        cell.value = value


# ------------------------------------------------------------------------------ exact numbers
# openpyxl writes numbers as "%.16g", which drops the 17th significant digit some doubles need
# (3268330.3504681624 would come back as 3268330.350468162). Python's repr is the shortest text that
# reads back as the very same double, and Excel reads it the same way, so an export → import round
# trip keeps every number bit for bit. Installed once, for cell values only.
# (openpyxl's stubs leave out the module's ``safe_string``, which it imports from openpyxl.compat.)
def _exact_number_text(value: object,
                       _original: Callable[[object], str] = _openpyxl_cell_writer.safe_string,  # type: ignore[attr-defined]
                       ) -> str:
    if type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        return repr(value)
    return _original(value)


_openpyxl_cell_writer.safe_string = _exact_number_text  # type: ignore[attr-defined]
