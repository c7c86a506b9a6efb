"""Which number cells of a sheet are shown as percentages (fault72) — what python-calamine does not give: a cell
typed "80%" in Excel or LibreOffice holds 0.8 and shows 80 %, and calamine reads 0.8. A benefit measured in per
cent ("%": its baseline 55, its target 75) edited so by a colleague came back as a target of 0.8, in silence.

An .xlsx cell is a percentage when its style's number format is Excel's 0% / 0.00% or a format of its own with a
% sign outside quotes; an .ods cell when LibreOffice marks its value ``office:value-type="percentage"``. Only the
few sheets that need it are read (a register with a number measured in per cent), and an .xlsx only when its
styles hold such a format at all: the office's own export has none, so a workbook nobody formatted so costs the
read of its styles alone. A part that cannot be read gives no cell (the values stand as calamine reads them).
Nothing here knows Qt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PERCENT_BUILT_IN = {9, 10}  # 0% and 0.00%
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')  # literal text, colours and conditions, escaped characters
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)/?>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_TYPE = re.compile(rb'\bt="(\w+)"')

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


_PER_CENT_UNITS = frozenset({"%", "percent", "per cent", "percentage", "pct", "% points", "percentage points"})


def per_cent_unit(unit: Any) -> bool:
    """Whether a benefit's unit says its numbers are per cent ("%", "percent", "% of stores" aside)."""
    return isinstance(unit, str) and unit.strip().casefold() in _PER_CENT_UNITS


def percent_format(code: str) -> bool:
    """Whether a number format shows its number as a percentage: a % sign outside quoted text."""
    return "%" in _QUOTED.sub("", code)


def percent_cells(path: str | Path, sheet: str) -> set[tuple[int, int]]:
    """(row, column), 0-based, of the number cells of ``sheet`` shown as percentages; empty for a format that has
    none (a CSV, an .xls) or a part that cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "content.xml" in names:
                return _ods(zf, sheet)
            if "xl/styles.xml" in names and "xl/workbook.xml" in names:
                return _xlsx(zf, sheet)
    except (KeyError, zipfile.BadZipFile, OSError, ET.ParseError, ValueError):
        pass
    return set()


def _xlsx(zf: zipfile.ZipFile, sheet: str) -> set[tuple[int, int]]:
    styles = ET.fromstring(zf.read("xl/styles.xml"))  # check_file refused DTDs and entities in every part
    formats = {int(n.get("numFmtId", "0")): n.get("formatCode", "") for n in styles.iter(_MAIN + "numFmt")}
    shown = _PERCENT_BUILT_IN | {i for i, code in formats.items() if percent_format(code)}
    xfs = styles.find(_MAIN + "cellXfs")
    styled = {str(i).encode() for i, xf in enumerate(xfs if xfs is not None else [])
              if int(xf.get("numFmtId", "0")) in shown}
    if not styled:
        return set()
    part = _sheet_part(zf, sheet)
    if part is None:
        return set()
    out: set[tuple[int, int]] = set()
    for m in _CELL.finditer(zf.read(part)):
        attrs = m.group(1)
        style, ref, kind = _STYLE.search(attrs), _REF.search(attrs), _TYPE.search(attrs)
        if style is None or ref is None or style.group(1) not in styled or (kind is not None and kind.group(1) != b"n"):
            continue
        column = 0
        for letter in ref.group(1):
            column = column * 26 + letter - 64
        out.add((int(ref.group(2)) - 1, column - 1))
    return out


def _sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The part name of the worksheet called ``sheet`` (through the workbook's relationships)."""
    book = ET.fromstring(zf.read("xl/workbook.xml"))
    rid = next((s.get(_REL) for s in book.iter(_MAIN + "sheet") if s.get("name") == sheet), None)
    if rid is None:
        return None
    rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target", "") for r in rels if r.get("Id") == rid), "")
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _count(element: ET.Element, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def _ods(zf: zipfile.ZipFile, sheet: str) -> set[tuple[int, int]]:
    """Positions counted as ``ods_cells`` counts them: repeated rows and cells never expanded but for the few
    percentage cells themselves."""
    out: set[tuple[int, int]] = set()
    with zf.open("content.xml") as fh:
        inside, depth, row, col = False, 0, 0, 0
        for event, el in ET.iterparse(fh, events=("start", "end")):
            tag = el.tag
            if tag == _TABLE + "table":
                if event == "start":
                    depth += 1
                    if depth == 1:
                        inside, row = el.get(_TABLE + "name") == sheet, 0
                else:
                    depth -= 1
                    if inside and depth == 0:
                        return out
                    el.clear()
                continue
            if not inside or depth != 1:
                continue
            if tag == _TABLE + "table-row":
                if event == "start":
                    col = 0
                else:
                    row += _count(el, _TABLE + "number-rows-repeated")
                    el.clear()
            elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell") and event == "start":
                repeated = _count(el, _TABLE + "number-columns-repeated")
                if el.get(_OFFICE + "value-type") == "percentage":
                    out.update((row, c) for c in range(col, col + min(repeated, 1024)))
                col += repeated
    return out
