"""What the checks of a workbook cost before its rows are read: a register of N rows × 20 columns (default
200,000, the most an import accepts), opened and its sheet made ready to read, best of three, CPU time.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sheet_checks.py [rows]

Run it with PYTHONPATH set to another tree to compare two versions on one machine. The file is written once
into the system's temporary folder and reused.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pmo_desktop.excel.workbook_reader import SafeWorkbook  # noqa: E402


def register(rows: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"pmo_bench_sheet_checks_{rows}.xlsx"
    if not path.exists():
        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        ws = wb.add_worksheet("Risks")
        ws.write_row(0, 0, ["ID", "Title", "Owner", "Status", *[f"Measure {c}" for c in range(16)]])
        for r in range(1, rows + 1):
            ws.write_row(r, 0, [f"R-{r}", f"Risk {r}", "Ann", "Open", *[r * c for c in range(16)]])
        wb.close()
    return path


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    path = register(rows)
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        with SafeWorkbook(path) as book:
            book.sheet("Risks")
        best = min(best, time.process_time() - started)
    print(f"{rows:,} rows × 20 columns: checks and the sheet ready in {best:.2f} s of CPU (best of 3)")


if __name__ == "__main__":
    main()
