"""Fault round 39: where an office's data meets a spreadsheet's limits. Each value an office can hold either
goes through its export and comes back unchanged ("no changes" on re-import), or is refused with what to do.

Faults injected: a date at the very end of Excel's calendar (31/12/9999, a sheet's "no date yet") on a risk and
on a communication — the next review or next due date a day past the calendar's end stopped every export and
board pack with "Unexpected error (OverflowError)"; a date before 1900, which Excel has no date number for —
exported as 0 or a negative number (##### in Excel), re-imported as "no date"."""

from __future__ import annotations

import html
import re
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from program_name import name_program

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.export_errors import ExportError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)


def _reasons(store, path: Path) -> list[str]:
    plan = plan_import(store, path)
    return [r.report.reason for sheet in plan.sheets for r in sheet.rows if r.report.reason != "no changes."]


def test_the_last_day_of_excels_calendar_exports_and_comes_back(store, tmp_path: Path) -> None:
    last = date(9999, 12, 31)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Someday", "raised_on": last, "probability": 3,
                                                      "impact": 3})
        records.create_record(s, REGISTERS["communications"], {"message": "Someday", "frequency": "Monthly",
                                                               "last_held": last})
        records.create_record(s, REGISTERS["communications"], {"message": "Weekly", "frequency": "Weekly",
                                                               "last_held": date(9999, 12, 30)})
    out = export_workbook(store, tmp_path / "office.xlsx")
    risk = openpyxl.load_workbook(out)["Risk register"]
    header = [c.value for c in risk[1]]
    assert risk.cell(2, header.index("Raised") + 1).value.date() == last
    assert risk.cell(2, header.index("Next review") + 1).value is None  # no day follows the calendar's last
    assert _reasons(store, out) == []
    pack = write_board_pack(store, tmp_path / "pack.xlsx", TODAY)
    assert pack.exists()


def test_a_date_before_1900_is_written_as_text_and_reads_back_the_same(store, tmp_path: Path) -> None:
    days = [date(1, 1, 1), date(1850, 3, 1), date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1),
            date(1900, 2, 28), date(1900, 3, 1)]
    with store.transaction() as s:
        for i, day in enumerate(days):
            records.create_record(s, REGISTERS["risks"], {"title": f"Risk {i}", "raised_on": day, "status": "Closed"})
        records.create_record(s, REGISTERS["decisions"], {"title": "Charter", "due": date(1850, 3, 1)})
    out = export_workbook(store, tmp_path / "office.xlsx")
    ws = openpyxl.load_workbook(out)["Risk register"]
    col = [c.value for c in ws[1]].index("Raised") + 1
    shown = [ws.cell(2 + i, col).value for i in range(len(days))]
    assert shown[:4] == ["0001-01-01", "1850-03-01", "1899-12-30", "1899-12-31"]  # text, never 0 or -18202
    assert [d.date() for d in shown[4:]] == days[4:]  # Excel's own dates stay date cells
    assert _reasons(store, out) == []
    pack = openpyxl.load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", TODAY))
    texts = [c.value for ws in pack for row in ws.iter_rows() for c in row if c.value is not None]
    assert "1 Mar 1850" in texts
    assert not any(isinstance(t, (int, float)) and t < 0 for t in texts)


@pytest.mark.parametrize("day", [date(1850, 3, 1), date(9999, 12, 31)])
def test_the_edges_of_the_calendar_through_the_command_line(tmp_path: Path, day: date) -> None:
    from cli_runner import run_cli as run

    from pmo_desktop.models.store import Store

    office = tmp_path / "office.pmo"
    store = Store.create(str(office))
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Edge", "raised_on": day})
    store.close()
    assert run("export", office, tmp_path / "out.xlsx", cwd=tmp_path).returncode == 0
    again = run("import", office, tmp_path / "out.xlsx", "--dry-run", cwd=tmp_path)
    assert again.returncode == 0 and ": error" not in again.stdout, again.stdout + again.stderr
    assert run("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path).returncode == 0


# ------------------------------------------------------------------------------------------------ formulas
def _risk_formulas(path: Path) -> Path:
    """A workbook as a script writes it (openpyxl): formulas with no value saved — no program calculated them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["ID", "Title", "Raised", "Cause", "Notes", "Score"])
    ws.append(["R-1", '=CONCAT("Supplier ","late")', date(2026, 3, 1), "=1+1", "plain", "=2*3"])
    ws.append(["R-2", "Second", "=TODAY()", "typed", "=NA()", None])
    ws.append(["R-3", "Third", date(2026, 3, 2), "typed", "fine", None])
    for r in range(5, 40):  # a template's unfilled rows: an ID and a score by formula, nothing typed
        ws.append(["=\"R-\"&ROW()-1", None, None, None, None, f"=C{r}*D{r}"])
    wb.save(path)
    return path


def test_a_formula_no_program_calculated_is_said_never_taken_as_empty_or_as_its_text(store, tmp_path: Path) -> None:
    plan = plan_import(store, _risk_formulas(tmp_path / "scripted.xlsx"), register="risks")
    rows = {r.report.row: r.report for sheet in plan.sheets for r in sheet.rows}
    assert rows[2].action.name == "ERROR" and rows[3].action.name == "ERROR"
    assert rows[2].reason.startswith('Title holds a formula, =CONCAT("Supplier ","late"), with no value saved in '
                                     "the workbook: the program that wrote it did not calculate it; open the "
                                     "workbook in Excel or LibreOffice and save it there")
    assert "Cause holds a formula, =1+1, with no value saved in the workbook either." in rows[2].reason
    assert "cannot be empty" not in rows[2].reason
    assert rows[3].reason.startswith("Raised holds a formula, =TODAY(), with no value saved")  # was: no date, silently
    assert "Notes holds a formula, =NA()" in rows[3].reason
    assert rows[4].action.name == "INSERT"
    assert sorted(rows) == [2, 3, 4]  # the template's unfilled rows stay blank, as before

    # formulas a spreadsheet program calculated give their values, an empty text too; text like a formula is text
    path = tmp_path / "calculated.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["ID", "Title", "Cause", "Notes"])
    ws.write_row(1, 0, ["R-1"])
    ws.write_formula(1, 1, '=CONCAT("Supplier ","late")', None, "Supplier late")
    ws.write_formula(1, 2, '=IF(A2="x","y","")', None, "")  # a formula whose value is an empty text
    ws.write_string(1, 3, "=1+1 kept as text")  # text that looks like a formula is text
    wb.close()
    plan = plan_import(store, path, register="risks")
    (row,) = [r for sheet in plan.sheets for r in sheet.rows]
    assert row.report.action.name == "INSERT", row.report.reason
    assert row.values["title"] == "Supplier late" and not row.values.get("cause")
    assert row.values["notes"] == "=1+1 kept as text"


# ------------------------------------------------------------------------------------- the board pack's header
@pytest.mark.parametrize("name", ["R&D &P Programme &12", "&" * 200, "Research & Development " * 9])
def test_the_programs_name_prints_as_it_is_in_the_board_packs_page_header(store, tmp_path: Path, name: str) -> None:

    name = name.strip()[:200]
    name_program(store, name)
    path = write_board_pack(store, tmp_path / "pack.xlsx", TODAY)
    with zipfile.ZipFile(path) as z:  # as Excel reads it (openpyxl's own reading takes "&&12" for a font size)
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    whole = html.unescape(re.search(r"<oddHeader>([^<]*)</oddHeader>", xml)[1])
    assert whole.startswith("&L") and whole.endswith("&R&A")
    header = whole[2:-4]
    # Excel reads "&D" as the date, "&P" as the page number and "&12" as a font size: an "&" is written "&&"
    shown = header.replace("&&", "\0")
    assert "&" not in shown
    shown = shown.replace("\0", "&")
    assert len("&L" + header + "&R&A") <= 255  # Excel's limit for a page header
    tail = " — board pack as at 5 Dec 2026"  # the pack's dates as everywhere else (walkthrough 25)
    if len(name + tail) <= 100:  # a line of the page (fault round 41), within Excel's 255 codes
        assert shown == name + tail
    else:  # shortened where it is too long for a header, whole on the sheet
        head = shown.removesuffix(tail)
        assert head.endswith("…") and name.startswith(head[:-1])
        assert openpyxl.load_workbook(path).worksheets[0]["A1"].value == name


# ------------------------------------------------------------------------------------------ a sheet's rows
def test_a_register_longer_than_a_sheet_is_refused_before_anything_is_written(sqlite_store, tmp_path: Path) -> None:
    """xlsxwriter leaves out every row past Excel's 1,048,576th without a word: the export had the first
    1,048,575 people and said "Wrote"."""
    from sqlalchemy import text

    with sqlite_store.transaction() as s:
        s.execute(text("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048576) "
                       "INSERT INTO person (name, role, email, created_at, updated_at, version) "
                       "SELECT 'Person ' || i, '', '', '2026-12-05', '2026-12-05', 1 FROM n"))
    out = tmp_path / "office.xlsx"
    with pytest.raises(ExportError) as refused:
        export_workbook(sqlite_store, out, registers=["people"])
    assert str(refused.value) == ("“People” holds 1,048,576 records, more than an Excel sheet holds (1,048,575 below "
                                  "its header); nothing was written. Move older closed records into an archive "
                                  "office (File ▸ Save a Copy As, then delete them here) and export again.")
    assert not out.exists()


def test_the_rows_left_out_keep_such_a_formula_a_formula_never_its_text(store, tmp_path: Path) -> None:
    """Written back as text ("=CONCAT(…)" quote-prefixed), the rows-left-out copy's re-import, once its other cells
    were fixed, took the formula's text for the risk's title."""
    from pmo_desktop.excel.importer import apply_import

    source = tmp_path / "scripted.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["ID", "Title", "Cause"])
    ws.append(["R-1", '=CONCAT("Supplier ","late")', "market"])
    ws.append(["R-2", "Typed", "market"])
    wb.save(source)
    result = apply_import(store, plan_import(store, source, register="risks"), partial=True)
    copy = openpyxl.load_workbook(result.left_out_path)["Risks"]
    title = copy.cell(2, [c.value for c in copy[1]].index("Title") + 1)
    assert title.data_type == "f" and title.value == '=CONCAT("Supplier ","late")'
    again = plan_import(store, result.left_out_path, register="risks")
    (row,) = [r for sheet in again.sheets for r in sheet.rows]
    assert row.report.action.name == "ERROR" and row.report.reason.startswith(
        'Title holds a formula, =CONCAT("Supplier ","late"), with no value saved in the workbook')
