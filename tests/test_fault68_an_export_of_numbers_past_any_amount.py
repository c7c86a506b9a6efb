"""Fault round 68: the export of an office holding a number no spreadsheet cell can hold — infinity, which SQLite
keeps for a hand-edited 9e999 and which a benefit's plan works out from a baseline of 1e308 — failed whole:
"Unexpected error (TypeError: NAN/INF not supported in write_number() …)", nothing written. Such a value is written
as the table shows it, as text; every other number stays a number."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli


def _office(tmp_path: Path) -> Path:
    return benefits_office(
        tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST,
                   ["B-003", "Fewer site visits", 30, "2026-01-01", 10, "2027-12-31", "Non-financial"]],
        "UPDATE benefit SET baseline_value = 9e999 WHERE code = 'B-001'",
        "UPDATE benefit SET baseline_value = 1e308, target_value = -1e308 WHERE code = 'B-002'")


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
