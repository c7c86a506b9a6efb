"""Round speed47 (issue 16): the per-row cost of an import of 10,000 risks.

The check of a sheet's extent (the last row and column holding something, which the reader would hold as one
block) searched each megabyte of the sheet's XML seven times for longer references and listed every row's
reference for its ``max``: 0.1 s of CPU for 10,000 risks. Each part is now searched once for a cell the extent
does not cover yet, and a row is worked out exactly only where it could decide (``workbook_reader._Extent``).
These tests hold that the decision and the figures it names stay those of every cell looked at, part by part:
rows growing a digit late, a column far right only in a late part (the rows of the earlier parts are then read
again), cells that are formatted but empty, and the extent of one sheet never carried into another's."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import xlsxwriter

from pmo_desktop.excel import workbook_reader
from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits, _col_index, _Extent, _scan_sheet

_FILLED = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>')


def brute_extent(xml: bytes) -> tuple[int, int]:
    """The last row and column holding something, from every cell at once: what the extent must say."""
    cells = _FILLED.findall(xml)
    return (max((int(r) for _c, r in cells), default=0), max((_col_index(c) + 1 for c, _r in cells), default=0))


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_scan_sheet`` reads a sheet a megabyte at a time: here 64 KiB, so that a few thousand rows make many parts."""
    monkeypatch.setattr(workbook_reader, "MiB", 1 << 16)


def sheet_xml(rows: list[tuple[int, list[str]]]) -> bytes:
    """Sheet XML of ``rows`` (row number, the column letters holding a value)."""
    pad = "x"
    out = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, letters in rows:
        cells = "".join(f'<c r="{c}{number}" t="inlineStr"><is><t>{pad}</t></is></c>' for c in letters)
        out.append(f'<row r="{number}">{cells}<c r="ZZZ{number}" s="1"/></row>')  # formatted, empty: not counted
    out.append("</sheetData></worksheet>")
    return "".join(out).encode()


def scanned(xml: bytes, max_cells: int) -> tuple[int, int, bool]:
    """(last row, last column, whether they may pass ``max_cells``) as the check works them out."""
    extent = _Extent(max_cells)
    _scan_sheet(io.BytesIO(xml), None, extent)
    exceeds = extent.may_exceed()
    return (extent.exact_row(lambda: io.BytesIO(xml)) if exceeds else -1), extent.col, exceeds


LONG = [(n, list("ABCDEFGHIJ")) for n in range(8_801, 10_801)]  # 2,000 rows, 10 columns, 4 then 5 digits: 13 parts


CASES = {
    "a register of 2,000 rows": LONG,
    "a row of six digits in the last part": [*LONG, (123_456, ["C"])],
    "a column far right in the last part": [*LONG, (10_801, ["AB"])],
    "a column far right, and its row the last, in a late part": [*LONG[:1_500], (10_799, ["CV"]), *LONG[1_500:]],
    "three letters late, the row short": [*LONG, (10_802, ["ABC"])],
    "the next column late": [*LONG, (10_803, ["K"])],
    "the last row first": [(10_900, ["A"]), *LONG, (9_000, ["CV"])],
    "one cell": [(7, ["B"])],
}


@pytest.mark.parametrize("case", CASES)
def test_the_extent_decides_as_every_cell_read_at_once(case: str) -> None:
    xml = sheet_xml(CASES[case])
    row, col = brute_extent(xml)
    for max_cells in (1 << 24, 1_000_000, 120_000, 0):  # over none, over the widest ones, over most, over every one
        got_row, got_col, exceeds = scanned(xml, max_cells)
        assert got_col == col, max_cells
        if row * col > max_cells:  # refused: the figures named must be the exact ones
            assert exceeds and got_row == row, max_cells
        elif exceeds:  # not sure from the digits alone: worked out exactly
            assert got_row == row, max_cells


def test_a_late_wide_column_makes_the_rows_bounded_before_it_read_again() -> None:
    """10,000-odd rows in A–J (bounded by their five digits: 99,999 × 10 is under the limit), then a value in
    column ZZ: 99,999 × 702 passes it, so the last row is needed, and the parts before only bounded it."""
    rows = [(11_999, ["A"]), *[(n, list("ABCDEFGHIJ")) for n in range(10_000, 11_500)], (11_000, ["ZZ"])]
    xml = sheet_xml(rows)  # the last row in the first part, the wide column in the last
    assert brute_extent(xml) == (11_999, 702)
    assert scanned(xml, 5_000_000) == (11_999, 702, True)  # 11,999 × 702 = 8.4 million: refused, exactly said


def test_a_register_s_later_parts_are_searched_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cost this round took: no list of every row's reference, no search per length of reference, in a part
    holding nothing the extent does not cover already."""
    asked: list[str] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[bytes], name: str):
            self.pattern, self.name = pattern, name

        def findall(self, *args: object) -> list[bytes]:
            asked.append(f"findall {self.name}")
            return self.pattern.findall(*args)  # type: ignore[arg-type]

        def search(self, *args: object) -> re.Match[bytes] | None:
            asked.append(f"search {self.name}")
            return self.pattern.search(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook_reader, "_FILLED_ROW_RE",
                        {d: Counted(p, f"row {d}") for d, p in workbook_reader._FILLED_ROW_RE.items()})
    xml = sheet_xml([(n, list("ABCDEFGHIJ")) for n in range(1_000, 3_000)])  # four digits throughout
    assert len(xml) > 4 << 16  # several parts
    assert scanned(xml, 1 << 24)[1:] == (10, False)
    assert not [a for a in asked if a.startswith("findall")]  # the rows bounded by their four digits
    assert len(asked) <= 4  # the first part's one search per length of reference, from seven digits down


def risks_book(path: Path, rows: int, far: tuple[int, int] | None = None) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Owner", "Status"])
    for n in range(1, rows + 1):
        ws.write_row(n, 0, [f"R-{n}", f"Risk {n}", "Ann", "Open"])
    if far is not None:
        ws.write(far[0], far[1], "stray")
    wb.close()
    return path


def test_each_sheet_and_each_import_has_its_own_extent(sqlite_store, tmp_path: Path) -> None:
    """A wide sheet refused, then a narrow one imported under the same limit: nothing of the first kept."""
    limits = Limits(max_cells=20_000)
    wide = risks_book(tmp_path / "wide.xlsx", 150, far=(140, 200))  # column GS (201) down to row 151
    with pytest.raises(WorkbookError, match="reaches column GS down to row 151: "):
        plan_import(sqlite_store, wide, register="risks", limits=limits)
    narrow = risks_book(tmp_path / "narrow.xlsx", 150)
    assert plan_import(sqlite_store, narrow, register="risks", limits=limits).count("insert") == 150
