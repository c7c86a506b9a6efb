"""A date cell holding a negative number or one past Excel's last day (9999-12-31, serial 2958465) — a
formula's bad subtraction, a value pasted into the wrong column — shows as ##### in Excel. The import read a
negative one as a time (-1 as 00:00:00, -5.5 as 12:00:00, as calamine gives it) and said "“00:00:00” is not a
date", a value the cell never held; one too large was "2958466.0 is not a date", with nothing to do. Now the
cell's real number is named, with Excel's range of dates and what to type."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from pmo_desktop.excel.importer import plan_import

SERIALS = {-1: "-1", -5.5: "-5.5", -40000: "-40000", 2958466: "2958466", 1e9: "1000000000"}


def workbook(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    dated = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Status", "Raised"])
    row = 1
    for serial in [*SERIALS, *range(46000, 46010)]:  # ten real dates make the column a date column
        ws.write_row(row, 0, [f"Risk {row}", 2, 3, "Open"])
        ws.write_number(row, 4, serial, dated)
        row += 1
    ws.write_row(row, 0, ["Formula", 2, 3, "Open"])
    ws.write_formula(row, 4, "=E12-E13-E14", dated, -1)  # a formula's result, as the file last showed it
    wb.close()
    return path


def test_a_negative_or_too_large_date_serial_is_named_with_what_to_do(sqlite_store, tmp_path: Path) -> None:
    plan = plan_import(sqlite_store, workbook(tmp_path / "dates.xlsx"), register="risks")
    reasons = {r.report.row: r.report.reason for r in plan.sheets[0].rows}
    for row, shown in enumerate([*SERIALS.values(), *[""] * 10, "-1"], start=2):
        if not shown:
            assert not reasons[row].startswith("Raised"), reasons[row]
            continue
        assert reasons[row].startswith(f"Raised: the cell holds the number {shown}, which is no date (Excel's dates "
                                       "run from 1, 1 Jan 1900, to 2958465, 31 Dec 9999"), (row, reasons[row])
        assert "type the date in the cell, e.g. 2026-03-31" in reasons[row]
        assert "00:00:00" not in reasons[row] and "12:00:00" not in reasons[row]


def test_a_time_with_no_date_in_a_date_cell_says_so(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "times.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    dated = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Status", "Raised"])
    for row, serial in enumerate([0.5, *range(46000, 46010)], start=1):
        ws.write_row(row, 0, [f"Risk {row}", 2, 3, "Open"])
        ws.write_number(row, 4, serial, dated)
    wb.close()
    plan = plan_import(sqlite_store, path, register="risks")
    assert plan.sheets[0].rows[0].report.reason.startswith(
        "Raised: the cell holds the time 12:00:00 with no date (a number below 1 in a date cell); type the date")
