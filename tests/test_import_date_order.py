"""Dates a workbook writes month first (a US colleague's 03/25/2026) are read month first, column by column
(excel/date_order.py): day first, the row with 03/25/2026 was refused and every 03/04/2026 beside it silently
became 3 April — the user's data changed without a word."""

from __future__ import annotations

import datetime as dt

from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.date_order import column_orders, header_order
from pmo_desktop.models.values import DAY_FIRST, MONTH_FIRST


def _csv(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_us_csv_is_read_month_first_every_row(sqlite_store, tmp_path):
    path = _csv(tmp_path / "risk_register.csv", [
        "Risk ID,Risk,Likelihood,Impact,Date Raised",
        "R1,Vendor goes bust,3,4,03/25/2026",
        "R2,Key engineer leaves,2,3,03/04/2026",
        "R3,Budget cut,4,4,11/10/2026"])
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert [risks[t]["raised_on"] for t in ("Vendor goes bust", "Key engineer leaves", "Budget cut")] == [
        dt.date(2026, 3, 25), dt.date(2026, 3, 4), dt.date(2026, 11, 10)]
    assert "month first" in plan.sheets[0].note


def test_a_day_first_sheet_stays_day_first(sqlite_store, tmp_path):
    path = _csv(tmp_path / "risk_register.csv", [
        "Risk ID,Risk,Likelihood,Impact,Date Raised",
        "R1,Vendor goes bust,3,4,25/03/2026",
        "R2,Key engineer leaves,2,3,03/04/2026"])
    plan = import_all(sqlite_store, path)
    risks = named(sqlite_store, "risks")
    assert risks["Key engineer leaves"]["raised_on"] == dt.date(2026, 4, 3)
    assert "month first" not in plan.sheets[0].note


def test_a_column_that_reads_either_way_follows_its_sheet_and_the_header_decides(sqlite_store, tmp_path):
    """Proximity holds only 03/04/2027-like dates; the Raised column shows the sheet is month first. A
    "(mm/dd/yy)" header decides by itself."""
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Date Raised", "Proximity", "Last reviewed (mm/dd/yy)"],
        ["R1", "Vendor goes bust", 3, 4, "03/25/2026", "04/05/2027", "01/02/26"],
        ["R2", "Key engineer leaves", 2, 3, "01/15/2026", "06/07/2027", "02/03/26"]]})
    import_all(sqlite_store, path)
    risk = named(sqlite_store, "risks")["Vendor goes bust"]
    assert (risk["proximity"], risk["reviewed_on"]) == (dt.date(2027, 4, 5), dt.date(2026, 1, 2))


def test_dates_that_read_either_way_are_read_day_first_and_the_preview_says_so(sqlite_store, tmp_path):
    path = _csv(tmp_path / "risk_register.csv", [
        "Risk ID,Risk,Likelihood,Impact,Date Raised",
        "R1,Vendor goes bust,3,4,03/04/2026"])
    plan = import_all(sqlite_store, path)
    assert named(sqlite_store, "risks")["Vendor goes bust"]["raised_on"] == dt.date(2026, 4, 3)
    assert "03/04/2026" in plan.sheets[0].note and "day first" in plan.sheets[0].note


def test_an_action_due_date_follows_the_sheets_order(sqlite_store, tmp_path):
    path = write_xlsx(tmp_path / "Risk Register.xlsx", {"Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Date Raised", "Mitigation", "Action Owner", "Date Due"],
        ["R1", "Vendor goes bust", 3, 4, "03/25/2026", "Find a second vendor", "Buyer", "04/06/2026"]]})
    import_all(sqlite_store, path)
    due = {a["description"]: a["due"] for a in rows_of(sqlite_store, "risk_actions")}
    assert due["Find a second vendor"] == dt.date(2026, 4, 6)


def test_the_order_rules():
    assert header_order("Opened (mm/dd/yy)") == MONTH_FIRST
    assert header_order("Fecha (dd/mm/aaaa)") == DAY_FIRST
    assert header_order("Date raised") is None
    orders, sheet, unsettled = column_orders({
        1: ("Raised", ["03/25/2026", "03/04/2026"]), 2: ("Due", ["04/05/2026"]), 3: ("Seen", ["25.03.2026"])})
    # column 3 shows day first, column 1 month first: the sheet settles nothing, each column its own
    assert (orders, sheet) == ({1: MONTH_FIRST, 2: DAY_FIRST, 3: DAY_FIRST}, None)
    assert unsettled == "04/05/2026"
