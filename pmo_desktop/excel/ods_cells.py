"""What python-calamine does not give of an OpenDocument spreadsheet (.ods) as it does for .xlsx and .xls: its
merged cells (without them a title merged down over a block of rows, or a group's label merged over its
records, was read once and its other rows left blank, so an .ods saved from the same workbook imported fewer
records than the .xlsx), and the TRUE / FALSE cells of a workbook LibreOffice opened from Excel, which it
saves as the formulas =TRUE() and =FALSE() with the numbers 1 and 0 as their values — what calamine reads (an
"Escalated" column of ticks became notes saying "Escalated: 1"). A boolean LibreOffice's own user typed is
saved as one, which calamine reads. And the cells showing an error (#DIV/0!, #N/A, LibreOffice's own "Err:507"):
LibreOffice saves each as a text cell whose value is empty, marked ``calcext:value-type="error"``, with the error
shown as its text; calamine reads the empty value, so a score of #DIV/0! was a blank cell in an .ods where the
.xlsx (and the .xls) name it ("Score: #DIV/0!"), and a column of errors went unsaid (round 53's Dmitry-Kochin:
four columns of a 341-row FMEA whose formulas LibreOffice could not read dropped from 29 records' notes).

A merged cell in content.xml is a ``table:table-cell`` with ``table:number-rows-spanned`` /
``table:number-columns-spanned``; the cells it covers are ``table:covered-table-cell``. Rows and cells may be
repeated (``…-repeated``: LibreOffice writes a million empty rows as one element), so positions are counted,
never expanded. The part is read as a stream and each row let go once counted; ``check_file`` has already
refused DTDs and entity declarations in it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_T = "{%s}" % _TABLE
_SHEET, _ROW, _CELL, _COVERED = _T + "table", _T + "table-row", _T + "table-cell", _T + "covered-table-cell"
_ROWS_SPANNED, _COLS_SPANNED = _T + "number-rows-spanned", _T + "number-columns-spanned"
_ROWS_REPEATED, _COLS_REPEATED, _NAME = _T + "number-rows-repeated", _T + "number-columns-repeated", _T + "name"
_FORMULA = _T + "formula"
_CONSTANTS = {"of:=true()": True, "of:=false()": False}  # Excel's TRUE / FALSE as LibreOffice saves them
_CALC_VALUE_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"


_MAX_BOOLEANS = 1_000_000  # a sheet ticking more cells keeps calamine's 1 / 0 for the rest
_MAX_ERRORS = 1_000_000  # past as many error cells, the rest read as calamine reads them, empty
_LONGEST_ERROR = 64  # an error's text is a short code ("#DIV/0!", "Err:507"); a longer one is no error shown


def _count(element: ET.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


Range = tuple[tuple[int, int], tuple[int, int]]


Extras = tuple[list[Range], dict[tuple[int, int], bool], dict[tuple[int, int], str]]


def sheet_extras(path: str | Path, sheet: str, limit: int) -> Extras:
    """Of ``sheet``: ((first row, first column), (last row, last column)), 0-based, of each merged range, as
    calamine gives them for .xlsx — at most ``limit`` + 1 of them (the caller refuses more) —, (row, column) →
    True / False of each boolean cell, and (row, column) → the error each error cell shows ("#DIV/0!"); nothing
    when the part cannot be read (calamine's values stand)."""
    out: list[Range] = []
    booleans: dict[tuple[int, int], bool] = {}
    errors: dict[tuple[int, int], str] = {}
    error_at: tuple[int, int, int] | None = None  # (row, column, repeated) of the error cell being read
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            inside, depth, row, col = False, 0, 0, 0
            for event, el in ET.iterparse(fh, events=("start", "end")):
                tag = el.tag
                if tag == _SHEET:
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            inside, row = el.get(_NAME) == sheet, 0
                    else:
                        depth -= 1
                        if inside and depth == 0:
                            return out, booleans, errors  # the sheet is read: the rest of the file need not be
                        el.clear()
                    continue
                if not inside or depth != 1:
                    continue
                if tag == _ROW:
                    if event == "start":
                        col = 0
                    else:
                        row += _count(el, _ROWS_REPEATED)
                        el.clear()
                elif tag in (_CELL, _COVERED) and event == "start":
                    rows, cols = _count(el, _ROWS_SPANNED), _count(el, _COLS_SPANNED)
                    if tag == _CELL and (rows > 1 or cols > 1):
                        out.append(((row, col), (row + rows - 1, col + cols - 1)))
                        if len(out) > limit:
                            return out, booleans, errors
                    repeated = _count(el, _COLS_REPEATED)
                    value = _CONSTANTS.get(el.get(_FORMULA, "").replace(" ", "").lower())
                    if value is not None and len(booleans) < _MAX_BOOLEANS:
                        booleans.update(((row, c), value) for c in range(col, col + min(repeated, 1024)))
                    if el.get(_CALC_VALUE_TYPE) == "error" and len(errors) < _MAX_ERRORS:
                        error_at = (row, col, min(repeated, 1024))  # its text follows, read at the cell's end
                    col += repeated
                elif tag == _CELL and error_at is not None:  # the error cell's end: its text is complete
                    shown = "".join(el.itertext()).strip()
                    if shown and len(shown) <= _LONGEST_ERROR:
                        r, c, n = error_at
                        errors.update(((r, c + i), shown) for i in range(n))
                    error_at = None
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError, ValueError):
        return [], {}, {}
    return out, booleans, errors


_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_VALUE_TYPE = _OFFICE + "value-type"


def sheet_sizes(path: str | Path) -> list[tuple[int, int, int, int]]:
    """What each sheet holds once read, as the reader gives it — a repeated row or cell (``…-repeated``) once for
    each row and column it stands for: (last row, last column holding something, 1-based; the bytes of text its
    cells hold; the longest text). LibreOffice writes a row of blank cells, or a million blank rows, as one element,
    and so may a file made to harm write one cell of 32,767 letters standing for 20,000 rows: 963 bytes that the
    reader gave 3.9 GB, and the program aborted. One streamed pass; each row let go once counted."""
    sizes: list[tuple[int, int, int, int]] = []
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
        depth, row, col, rows_here = 0, 0, 0, 1
        last_row = last_col = text = longest = 0
        for event, el in ET.iterparse(fh, events=("start", "end")):
            tag = el.tag
            if tag == _SHEET:
                depth += 1 if event == "start" else -1
                if event == "start" and depth == 1:
                    row = last_row = last_col = text = longest = 0
                elif event == "end" and depth == 0:
                    sizes.append((last_row, last_col, text, longest))
                    el.clear()
                continue
            if depth != 1:
                continue
            if tag == _ROW:
                if event == "start":
                    col, rows_here = 0, _count(el, _ROWS_REPEATED)
                else:
                    row += rows_here
                    el.clear()
            elif tag in (_CELL, _COVERED) and event == "end":
                repeated = _count(el, _COLS_REPEATED)
                if tag == _CELL and (el.get(_VALUE_TYPE) is not None or len(el)):
                    size = len("".join(el.itertext()).encode())
                    text += size * repeated * rows_here
                    longest = max(longest, size)
                    last_row, last_col = max(last_row, row + rows_here), max(last_col, col + repeated)
                col += repeated
                el.clear()
    return sizes
