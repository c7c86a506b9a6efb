"""An office of benefits imported from a workbook the test writes, then changed by hand in SQL as another program
or a hand edit would change the file: the office the fault rounds' benefit tests start from (fault67, fault68)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store

HEADER = ["ID", "Title", "Baseline value", "Baseline date", "Target value", "Target date", "Category"]
FASTER_CHECKOUT = ["B-001", "Faster checkout", 95.5, "2026-01-01", 60, "2027-12-31", "Non-financial"]
LOWER_RUNNING_COST = ["B-002", "Lower running cost", 100, "2026-01-01", 50, "2027-12-31", "Financial - cashable"]


def benefits_office(tmp_path: Path, rows: Sequence[Sequence[Any]], *edits: str,
                    header: Sequence[str] = HEADER, measurements: Sequence[Sequence[Any]] = ()) -> Path:
    """A new office at ``tmp_path / "office.pmo"`` holding ``rows`` imported under ``header`` (and
    ``measurements``: Benefit ID, Date, Actual value, Source), then each SQL statement of ``edits`` run on the
    file by hand."""
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    import_benefits(office, tmp_path, rows, header=header, measurements=measurements)
    if edits:
        con = sqlite3.connect(office)
        with con:
            for sql in edits:
                con.execute(sql)
        con.close()
    return office


def import_benefits(office: str | Path, tmp_path: Path, rows: Sequence[Sequence[Any]], *,
                    header: Sequence[str] = HEADER, measurements: Sequence[Sequence[Any]] = ()) -> None:
    """``rows`` under ``header`` (and ``measurements``) written to ``tmp_path / "benefits.xlsx"`` and imported into
    the office at ``office`` — a file or a server's URL."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Benefits"
    for row in (header, *rows):
        ws.append(list(row))
    if measurements:
        ws = wb.create_sheet("Benefit measurements")
        for row in (["Benefit ID", "Date", "Actual value", "Source"], *measurements):
            ws.append(list(row))
    wb.save(tmp_path / "benefits.xlsx")
    store = Store.open(office)
    try:
        apply_import(store, plan_workbook_import(store, tmp_path / "benefits.xlsx"))
    finally:
        store.close()
