"""Every format a colleague may send: .xlsx, .xlsm, .xls, .ods, .csv; early refusals; 1904 dates."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from real_world_factory import XlsError, write_csv, write_ods, write_xls, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_import, plan_workbook_import
from pmo_desktop.excel.workbook_reader import Limits, SafeWorkbook
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

CORPUS = Path(__file__).parents[2] / "shared" / "excel-corpus"
ROWS = [["Risk ID", "Title", "Likelihood", "Impact", "Raised"],
        ["R-001", "Supplier slips", 4, 3, "2025-03-01"],
        ["R-002", "Data centre move late", 2, 5, "2025-04-15"]]


def titles(store: Store, register: str = "risks") -> list[str]:
    reg = REGISTERS[register]
    with store.session() as s:
        i = reg.field_names.index("title" if "title" in reg.field_names else "name") + 2
        return [r[i] for r in records.fetch_rows(s, reg)]


def test_ods_workbook_imports(sqlite_store, tmp_path):
    path = write_ods(tmp_path / "risks.ods", {"Risks": ROWS})
    apply_import(sqlite_store, plan_import(sqlite_store, path))
    assert titles(sqlite_store) == ["Supplier slips", "Data centre move late"]


@pytest.mark.parametrize("delimiter,encoding", [(",", "utf-8-sig"), (";", "cp1252"), ("\t", "utf-8")])
def test_csv_imports_whatever_its_delimiter_and_encoding(sqlite_store, tmp_path, delimiter, encoding):
    rows = [r[:] for r in ROWS]
    rows[1][1] = "Café supplier slips"
    path = write_csv(tmp_path / "risks.csv", rows, delimiter, encoding)
    apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    assert titles(sqlite_store) == ["Café supplier slips", "Data centre move late"]


def test_xlsm_imports(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "risks.xlsm", {"Risks": ROWS})
    apply_import(sqlite_store, plan_import(sqlite_store, path))
    assert len(titles(sqlite_store)) == 2


def test_old_xls_workbook_from_the_corpus_is_read(sqlite_store):
    path = CORPUS / "truongpv85__Risk_Register_Template.xls"
    if not path.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    with SafeWorkbook(path) as book:
        reader = book.sheet(book.sheet_names[0])
        assert "Risk Category" in [str(x) for x in reader.top_rows()[2]]


@pytest.mark.parametrize("padding", [0, 150], ids=["small file (mini stream)", "larger file"])
@pytest.mark.parametrize("formula", [False, True], ids=["error value", "formula showing an error"])
def test_xls_error_cells_are_named_not_read_as_empty(sqlite_store, tmp_path, formula, padding):
    rows = [["Risk ID", "Title", "Likelihood", "Impact"],
            ["R-001", "Supplier slips", XlsError("#N/A"), 3],
            ["R-002", "Data centre move late", 2, XlsError("#REF!")],
            *[[f"R-{n:03}", f"Filler risk number {n}", 2, 2] for n in range(3, 3 + padding)]]
    path = write_xls(tmp_path / "risks.xls", {"Risks": rows, "Notes": [["a note"]]}, formula_errors=formula)
    plan = plan_import(sqlite_store, path, register="risks", sheet="Risks")
    assert [(e.row, e.reason) for e in plan.errors] == [
        (2, "Probability shows the Excel error #N/A; correct or clear that cell."),
        (3, "Impact shows the Excel error #REF!; correct or clear that cell.")]


def test_a_damaged_xls_is_refused_with_a_message_not_a_crash(sqlite_store, tmp_path):
    path = write_xls(tmp_path / "risks.xls", {"Risks": ROWS})
    data = bytearray(path.read_bytes())
    data[512:1536] = b"\xff" * 1024  # the FAT and the directory overwritten
    path.write_bytes(bytes(data))
    with pytest.raises(WorkbookError):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))


def test_1904_date_system_reads_the_dates_excel_shows(sqlite_store, tmp_path):
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["Title", "Date raised"])
    ws.append(["Mac risk", date(2024, 5, 1)])
    wb.save(tmp_path / "mac.xlsx")
    assert b'date1904="1"' in __import__("zipfile").ZipFile(tmp_path / "mac.xlsx").read("xl/workbook.xml")
    apply_import(sqlite_store, plan_import(sqlite_store, tmp_path / "mac.xlsx"))
    with sqlite_store.session() as s:
        row = records.fetch_rows(s, REGISTERS["risks"])[0]
    assert row[2 + REGISTERS["risks"].field_names.index("raised_on")] == date(2024, 5, 1)


@pytest.mark.parametrize("write_only", [False, True])
def test_a_sheet_spanning_too_many_rows_is_refused_before_it_is_read(sqlite_store, tmp_path, write_only):
    """From the sheet's <dimension> tag, or (streamed writers leave it out) by counting its rows."""
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet("Risks") if write_only else wb.active
    ws.append(["Title", "Impact"])
    for i in range(5000):
        ws.append([f"Risk number {i} with some words", 3])
    wb.save(tmp_path / "tall.xlsx")
    with pytest.raises(WorkbookError, match=r"spans \d[\d,]* rows, more than the 100 rows an import accepts"):
        SafeWorkbook(tmp_path / "tall.xlsx", Limits(max_rows=100))


def test_a_binary_file_named_xlsx_is_still_refused(sqlite_store, tmp_path):
    path = tmp_path / "risks.xlsx"  # a CSV named .xlsx is read as CSV: tests/test_import_files_that_lie.py
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(WorkbookError, match="is not an Excel workbook"):
        plan_import(sqlite_store, path)


def test_the_cli_prints_no_library_warning(tmp_path):
    """A workbook with data validation extensions (which made openpyxl warn) imports with a quiet stderr."""
    path = CORPUS / "Tarrose__Risk_Register.xlsx"
    if not path.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    root = Path(__file__).parents[1]
    run = [sys.executable, "-m", "pmo_desktop"]
    subprocess.run([*run, "new", str(tmp_path / "o.pmo")], cwd=root, check=True, capture_output=True, timeout=120)
    proc = subprocess.run([*run, "import", str(tmp_path / "o.pmo"), str(path), "--dry-run"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert "Warning" not in proc.stderr and "warn(" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 1


def test_rows_are_streamed_with_their_columns_where_excel_shows_them(sqlite_store, tmp_path):
    """The reader goes down the sheet row by row (calamine's iterator starts at the first used column):
    a table starting in C5 under a title in B2 keeps every value in its column, error cells named."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws["B2"] = "Risk log of the move"
    for r, row in enumerate([["Risk ID", "Title", "Likelihood", "Impact"],
                             ["R-001", "Supplier slips", 4, 3],
                             ["R-002", "Data centre move late", 2, "#REF!"],
                             *[[f"R-{n:03}", f"Filler risk {n}", 1, 1] for n in range(3, 60)]], start=5):
        for c, value in enumerate(row, start=3):
            ws.cell(r, c, value)
    wb.save(tmp_path / "offset.xlsx")
    with SafeWorkbook(tmp_path / "offset.xlsx") as book:
        reader = book.sheet("Risks")
        assert reader.top_rows()[1][1] == "Risk log of the move"
        rows = dict(reader.data_rows(6, 6))
    assert rows[6] == (None, None, "R-001", "Supplier slips", 4, 3)
    assert rows[7][5] == "#REF!" and len(rows) == 59
    plan = plan_import(sqlite_store, tmp_path / "offset.xlsx")
    assert [(e.row, e.reason) for e in plan.errors] == [(7, "Impact shows the Excel error #REF!; correct or clear that cell.")]
