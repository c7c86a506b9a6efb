"""Fault round 43: a CSV's cells as files carry them, and a long cell under a header.

Faults injected: a quote mark typed at the start of a cell and never closed (“"Supplier late,Ann,Open”) — the csv
module, as Excel, read the rest of the file as that one cell: the risk's title became every line after it and the
rows below were not imported, without a word; now the file is refused naming the cell and its line. A cell of 1 MB
(a log pasted into a CSV) — the whole file was refused as "damaged and cannot be read (Error)" (the csv module's
limit of 128 KB a cell); now its row is refused as any text too long for a cell, the others planned. A cell of
32,767 letters (Excel's most) in the first row under the header — 12 s of looking for an e-mail address in it
from each of its letters, per look."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from cli_runner import run_cli
from xlsx_factory import snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import

HEADER = b"ID,Title,Owner,Status\r\n"


def test_a_quote_never_closed_is_refused_naming_its_line_and_nothing_is_imported(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.csv"
    path.write_bytes(HEADER + b'R-1,"Supplier late,Ann,Open\r\nR-2,Budget cut,Bob,Open\r\nR-3,Scope creep,Cy,Open\r\n')
    before, content = snapshot(sqlite_store), path.read_bytes()
    with pytest.raises(WorkbookError) as refused:
        plan_import(sqlite_store, path, register="risks")
    said = str(refused.value)
    assert "the cell starting “\"Supplier late,Ann,Open” on line 2 opens a quote mark that is never closed" in said
    assert "close the quote mark (or delete it), save, and import again" in said
    assert snapshot(sqlite_store) == before and path.read_bytes() == content


def test_the_command_line_says_the_same_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "risks.csv").write_bytes(HEADER + b'R-1,Supplier late,Ann,Open\r\nR-2,"Budget cut,Bob,Open\r\n')
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    done = run_cli("import", "office.pmo", "risks.csv", cwd=tmp_path)
    assert done.returncode == 1
    assert "the cell starting “\"Budget cut,Bob,Open” on line 3 opens a quote mark that is never closed" in done.stderr
    assert "R-1" not in run_cli("summary", "office.pmo", "--json", cwd=tmp_path, ok=True).stdout


def test_quoted_cells_that_close_are_read_as_before(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.csv"
    path.write_bytes(HEADER + b'R-1,"Two\r\nlines, one cell",Ann,Open\r\nR-2,"A ""quoted"" word",Bob,Open\r\n'
                              b'R-3,5" screens late,Cy,Open\r\nR-4,"Last, ""over""\nlines",Di,Open')
    plan = plan_import(sqlite_store, path, register="risks")
    titles = [row.values["title"] for row in plan.sheets[0].rows]
    assert titles == ["Two\nlines, one cell", 'A "quoted" word', '5" screens late', 'Last, "over"\nlines']
    path.write_bytes(path.read_bytes()[:-len('",Di,Open')] + b",Di,Open")  # the last row's quote not closed
    with pytest.raises(WorkbookError, match="line 6 opens a quote mark"):
        plan_import(sqlite_store, path, register="risks")


def test_a_cell_of_a_megabyte_refuses_its_row_not_the_file(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.csv"
    path.write_bytes(b"ID,Title,Owner,Status,Description\r\nR-1,Supplier late,Ann,Open," + b"x" * 1_048_576
                     + b"\r\nR-2,Budget cut,Bob,Open,short\r\n")
    plan = plan_import(sqlite_store, path, register="risks")
    first, second = plan.sheets[0].rows
    assert first.report.action.value == "error" and "32,767" in first.report.reason, first.report.reason
    assert second.report.action.value == "insert"


def test_a_cell_as_long_as_excel_allows_under_the_header_is_planned(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Owner", "Status", "Description"])
    ws.write_row(1, 0, ["R-1", "Supplier late", "Ann", "Open", "x" * 32_767])
    ws.write_row(2, 0, ["R-2", "Budget cut", "Bob", "Open", "short"])
    wb.close()
    # what it costs (a hang of 11–13 s once) is measured against a floor by benchmarks/bench_long_cells.py
    plan = plan_import(sqlite_store, path)  # which register it is, found from its columns and their values
    assert plan.count("insert") == 1
