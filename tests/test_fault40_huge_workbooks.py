"""Fault round 40: workbooks pathological but real, or made to look so, must be read in seconds and bounded memory
or refused with a reason. A value in XFD of many rows made the reader hold every cell from A1 to it (a 27 KB file
took 2.6 GB and 25 s; a few more rows and the machine runs out); 1 GB of shared text compressed 137 times (7 MB) was
held whole, 1 GB; one cell of 32,767 letters (Excel's most) in a status column took 13 s, each slip of its letters
tried as a copy of it, and one of 15 MB (no spreadsheet program writes it) 21 s and 300 MB: its row is refused as
any text too long for a cell, the rest of it not looked at."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from xlsx_factory import rewrite_part, snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits


def risks(path: Path, rows: int = 20) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Status", "Probability", "Impact"])
    for row in range(1, rows + 1):
        ws.write_row(row, 0, [f"Risk {row}", "Open", 2, 3])
    wb.close()
    return path


def refused(store, path: Path, match: str, **kwargs) -> str:
    before = snapshot(store)
    with pytest.raises(WorkbookError, match=match) as err:
        plan_import(store, path, register="risks", **kwargs)
    assert snapshot(store) == before
    return str(err.value)


def test_values_far_right_down_many_rows_are_refused_and_formatting_to_the_last_cell_is_read(sqlite_store,
                                                                                             tmp_path: Path) -> None:
    far = rewrite_part(risks(tmp_path / "far.xlsx"), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        '<dimension ref="A1:D21"/>', '<dimension ref="A1:XFD120"/>').replace("</sheetData>", "".join(
            f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(22, 121)) + "</sheetData>"))
    said = refused(sqlite_store, far, "reaches column XFD down to row 120", limits=Limits(max_cells=1_000_000))
    assert "2 million cells from A1, more than the 1 million an import can hold; delete the columns" in said
    # formatting to the last cell (Excel's dimension A1:XFD1048576, formatted empty cells far right) holds no value
    formatted = rewrite_part(risks(tmp_path / "formatted.xlsx"), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        '<dimension ref="A1:D21"/>', '<dimension ref="A1:XFD1048576"/>').replace(
            '</c></row>', '</c><c r="XFD2" s="0"/></row>', 1))
    plan = plan_import(sqlite_store, formatted, register="risks", limits=Limits(max_cells=1_000_000))
    assert plan.count("insert") == 20


def test_a_gigabyte_of_shared_text_is_refused_before_it_is_read(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "text.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Status"])
    for row in range(1, 301):
        ws.write_row(row, 0, [f"Risk {row} " + "words of a long description " * 300, "Open"])
    wb.close()
    size = zipfile.ZipFile(path).getinfo("xl/sharedStrings.xml").file_size
    assert size > 2 * 1024 * 1024
    said = refused(sqlite_store, path, "of text \\(its shared strings\\), more than the 1 MB an import accepts",
                   limits=Limits(max_shared_text_bytes=1024 * 1024))
    assert said.startswith("“text.xlsx” holds 2 MB of text")


def test_a_cell_far_longer_than_excel_allows_has_its_row_refused(sqlite_store,
                                                                                 tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Status", "Probability", "Impact"])
    for row in range(1, 21):
        ws.write_row(row, 0, [f"Risk {row}" if row != 2 else "Risk LONG", "Open", 2, 3])
    wb.close()
    rewrite_part(path, "xl/sharedStrings.xml", lambda xml: xml.replace("Risk LONG", "Risk " + "x" * 8_000_000))
    # what it costs (a hang of 11–13 s once) is measured against a floor by benchmarks/bench_long_cells.py
    plan = plan_import(sqlite_store, path)  # which register it is, found from its columns and their values
    rows = plan.sheets[0].rows
    assert plan.count("insert") == 19 and rows[1].report.action.value == "error"
    assert "at most 32,767" in rows[1].report.reason or "more than it holds (32,767)" in rows[1].report.reason, \
        rows[1].report.reason


def test_a_cell_as_long_as_excel_allows_in_a_status_column_is_planned(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Status", "Probability", "Impact"])
    for row in range(1, 21):
        ws.write_row(row, 0, [f"Risk {row}", "Open" if row > 1 else "Mitigation in progress; " + "x" * 32_700, 2, 3])
    wb.close()
    # what it costs (a hang of 11–13 s once) is measured against a floor by benchmarks/bench_long_cells.py
    plan = plan_import(sqlite_store, path)  # which register it is, found from its columns and their values
    # a status no words file knows keeps its row (classes65a): imported at "Open", the long word kept whole in its notes
    first = plan.sheets[0].rows[0]
    assert plan.count("insert") == 20 and first.report.action.value == "insert", first.report.reason[:200]
    assert first.report.reason.startswith("Status “Mitigation in progress; xxx") and "left at “Open”" in first.report.reason
    assert first.values["notes"] == "Status: Mitigation in progress; " + "x" * 32_700
