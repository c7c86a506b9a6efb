"""What a workbook of many data sheets that hold no register costs to be refused (issue 16, round speed57b): a
generated book of N sheets (default 40) named by month, each 400 rows of sales figures under one header —
"Units | Dollars | Comic series | Issue | Price | Publisher | Est. units", ranks, issues and prices
written as text — the shape of a
shop's monthly sales kept for years. The import refuses it ("No sheet … has a header row naming register
columns"); its planning is timed against a floor measured in the same run: python-calamine reading every cell
of every sheet. CPU time, best of two; the ratio is what to compare between two trees on one machine.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_many_sheets.py [sheets]

The workbook is written once into a temp dir (openpyxl) and removed at the end.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pmo_desktop.excel.errors import WorkbookError  # noqa: E402
from pmo_desktop.excel.importer import plan_workbook_import  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

ROWS = 400
_PARTS = ("Amazing", "Spider", "Night", "Star", "Dark", "Iron", "Green", "Silver", "Young", "Lost", "Wild",
          "Knight", "Legion", "Patrol", "Saga", "Tales", "Force", "Squad", "Hunter", "Storm")


def titles(count: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return [f"{rnd.choice(_PARTS)} {rnd.choice(_PARTS)}" + ("" if k % 3 else f" {rnd.choice(_PARTS)}")
            for k in range(count)]


def book(folder: Path, sheets: int) -> Path:
    rnd = random.Random(57)
    names = titles(600)
    wb = Workbook()
    wb.remove(wb.active)
    for s in range(sheets):
        ws = wb.create_sheet(f"{2008 + s // 12}_{s % 12 + 1:02d}")
        ws.append(["Units", "Dollars", "Comic series", "Issue", "Price", "Publisher", "Est. units"])
        for r in range(1, ROWS + 1):  # the ranks, issue and price written as text, as a pasted web table's are
            ws.append([str(r), str(rnd.randint(1, ROWS)), rnd.choice(names), str(rnd.randint(0, 900)),
                       f"${rnd.choice((1.0, 2.99, 3.99, 4.99, 5.99)):.2f}",
                       rnd.choice(("Marvel", "DC", "Image", "Dark Horse", "IDW", "Boom")),
                       float(rnd.randint(1000, 200_000))])
    path = folder / "sales.xlsx"
    wb.save(path)
    return path


def floor(path: Path) -> float:
    started = time.process_time()
    wb = CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
    return time.process_time() - started


def refused(path: Path, folder: Path, run: int) -> tuple[float, str]:
    store = Store.create(folder / f"office{run}.pmo")
    try:
        started = time.process_time()
        try:
            plan_workbook_import(store, path)
            said = "planned (not refused)"
        except WorkbookError as exc:
            said = str(exc)
        return time.process_time() - started, said
    finally:
        store.close()


def main() -> None:
    sheets = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = book(folder, sheets)
        base = min(floor(path) for _ in range(2))
        runs = [refused(path, folder, k) for k in range(2)]
        took = min(t for t, _ in runs)
    print(f"{sheets} sheets × {ROWS} rows × 7 columns: calamine reads every cell in {base:.2f} s of CPU; the import "
          f"refuses it in {took:.2f} s — {took / base:.0f}× the floor ({took / sheets * 1000:.0f} ms a sheet)")
    print(f"  said: {runs[0][1]}")


if __name__ == "__main__":
    main()
