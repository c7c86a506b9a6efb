"""The merged cells of an OpenDocument spreadsheet (.ods), which python-calamine does not report for that
format (it gives them for .xlsx and .xls): without them a title merged down over a block of rows, or a group's
label merged over its records, was read once and its other rows left blank, so an .ods saved from the same
workbook imported fewer records than the .xlsx.

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


def _count(element: ET.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def merged_ranges(path: str | Path, sheet: str, limit: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """((first row, first column), (last row, last column)), 0-based, of each merged range of ``sheet``, as
    calamine gives them for .xlsx; at most ``limit`` + 1 of them (the caller refuses more); [] when the part
    cannot be read (the values calamine read stand either way)."""
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
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
                            return out  # the sheet is read: the rest of the file need not be
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
                            return out
                    col += _count(el, _COLS_REPEATED)
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError, ValueError):
        return []
    return out
