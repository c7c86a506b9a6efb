"""Fault round 68: the export of an office holding a number no spreadsheet cell can hold — infinity, which SQLite
keeps for a hand-edited 9e999 and which a benefit's plan works out from a baseline of 1e308 — failed whole:
"Unexpected error (TypeError: NAN/INF not supported in write_number() …)", nothing written. Such a value is written
as the table shows it, as text; every other number stays a number."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from cli_runner import run_cli

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Benefits"
    ws.append(["ID", "Title", "Baseline value", "Baseline date", "Target value", "Target date", "Category"])
    ws.append(["B-001", "Faster checkout", 95.5, "2026-01-01", 60, "2027-12-31", "Non-financial"])
    ws.append(["B-002", "Lower running cost", 100, "2026-01-01", 50, "2027-12-31", "Financial - cashable"])
    ws.append(["B-003", "Fewer site visits", 30, "2026-01-01", 10, "2027-12-31", "Non-financial"])
    wb.save(tmp_path / "benefits.xlsx")
    store = Store.open(office)
    try:
        apply_import(store, plan_workbook_import(store, tmp_path / "benefits.xlsx"))
    finally:
        store.close()
    con = sqlite3.connect(office)
    with con:
        con.execute("UPDATE benefit SET baseline_value = 9e999 WHERE code = 'B-001'")
        con.execute("UPDATE benefit SET baseline_value = 1e308, target_value = -1e308 WHERE code = 'B-002'")
    con.close()
    return office


def test_the_export_is_written_with_infinity_as_text(tmp_path: Path) -> None:
    office = _office(tmp_path)
    proc = run_cli("export", office, tmp_path / "out.xlsx", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["Benefits plan"]
    rows = {row[0]: row for row in ws.iter_rows(values_only=True)}
    header = rows["ID"]
    baseline = header.index("Baseline")
    assert rows["B-001"][baseline] == "inf"
    assert rows["B-002"][baseline] == 1e308
    assert rows["B-003"][baseline] == 30
