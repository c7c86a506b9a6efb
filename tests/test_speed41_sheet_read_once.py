"""Round speed41 (issue 16): a sheet that gives no dimension (openpyxl's and other streamed writers') is read whole
by the checks before calamine reads it — its rows counted, its error cells found, its cells past column ZZ looked
for. Each was a decompression of the whole sheet of its own; the count and the look past ZZ are now one pass, with
the same findings: a sheet too wide refused with the same sentence, whatever the length of its rows."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from test_fault40_huge_workbooks import risks
from xlsx_factory import rewrite_part

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits

SHEET = "xl/worksheets/sheet1.xml"
# big enough to be counted whole (over 40 bytes a row of max_rows, and 64 KB), few enough rows to be accepted
LIMITS = Limits(max_rows=5_000, max_cells=1_000_000)


def undimensioned(path: Path, rows: int, tail: str = "", long_row: int = 0) -> Path:
    """A risk register of ``rows`` rows whose sheet gives no dimension; ``tail``: rows added at its end;
    ``long_row``: letters of an inline text added to the header's row, beside it (a row longer than the checks
    read at a time)."""
    risks(path, rows)  # fault40's register, its dimension then taken out below

    def edit(xml: str) -> str:
        start = xml.index("<dimension ")
        xml = xml[:start] + xml[xml.index("/>", start) + 2:]
        if long_row:
            xml = xml.replace('</c></row><row r="2"', f'</c><c r="G1" t="inlineStr"><is><t>{"x" * long_row}</t></is>'
                                                     '</c></row><row r="2"', 1)
        return xml.replace("</sheetData>", tail + "</sheetData>")
    return rewrite_part(path, SHEET, edit)


def opened(monkeypatch) -> list[str]:
    """The parts of a workbook opened through zipfile from now on, each time."""
    names: list[str] = []
    real = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        names.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real(self, name, *args, **kwargs)
    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return names


def far_rows(first: int, count: int) -> str:
    return "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(first, first + count))


@pytest.mark.parametrize("long_row", [0, 1_200_000])
def test_a_sheet_without_its_dimension_is_read_once_by_the_checks_and_too_wide_refused_as_before(
        sqlite_store, tmp_path: Path, monkeypatch, long_row: int) -> None:
    plain = undimensioned(tmp_path / "plain.xlsx", 3_000, long_row=long_row)
    assert zipfile.ZipFile(plain).getinfo(SHEET).file_size > 200_000
    parts = opened(monkeypatch)
    plan = plan_import(sqlite_store, plain, register="risks", limits=LIMITS)
    assert plan.count("insert") == 3_000
    # its head (the dimension looked for) and one pass, a row longer than a read at a time too (fault43: the cells
    # looked at part by part, each part ending after a row's end, never again whole)
    assert parts.count(SHEET) == 2
    # past ZZ down to row 3,100: 16,384 × 3,100 cells from A1, over the limit: refused, nothing written
    wide = undimensioned(tmp_path / "wide.xlsx", 3_000, far_rows(3_002, 99), long_row=long_row)
    with pytest.raises(WorkbookError, match="reaches column XFD down to row 3,100: 51 million cells from A1, "
                                            "more than the 1 million an import can hold"):
        plan_import(sqlite_store, wide, register="risks", limits=LIMITS)
    # formatted empty cells past ZZ hold nothing: the sheet is read
    formatted = undimensioned(tmp_path / "formatted.xlsx", 3_000, '<row r="3002"><c r="XFD3002" s="0"/></row>',
                              long_row=long_row)
    assert plan_import(sqlite_store, formatted, register="risks", limits=LIMITS).count("insert") == 3_000
