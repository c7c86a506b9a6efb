"""Memory of reading a tall sheet for an import: the reader streams rows from python-calamine instead of
holding the sheet as Python lists.

    /work/main/.venv/bin/python benchmarks/bench_import_memory.py [--rows 100000]

Peak Python allocations (tracemalloc) of finding the header and going once down every data row, against
the floor of the same run: the same sheet loaded whole as lists (``to_python``, what the reader did
before). Each measurement runs in a fresh process, which also reports its peak resident size.
Target: streaming at most 20 % of the floor.

Then the peak resident size of the whole import preview of the same sheet (``plan_import``: the header
found and every row planned, as the import dialog shows it), in a fresh process of its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, tracemalloc
sys.path.insert(0, sys.argv[3])
from python_calamine import CalamineWorkbook
from pmo_desktop.excel.workbook_reader import SafeWorkbook
mode, path = sys.argv[1], sys.argv[2]
tracemalloc.start()
if mode == "preview":  # the whole preview an import shows: header found, every row planned, nothing written
    import tempfile
    from pathlib import Path
    from pmo_desktop.excel.importer import plan_import
    from pmo_desktop.models.store import Store
    store = Store.create(Path(tempfile.mkdtemp(prefix="preview-")) / "office.pmo")
    tracemalloc.stop()  # resident size only: tracing every allocation of the plan would double its cost
    plan = plan_import(store, path, create_missing=True)
    n = sum(1 for r in plan.sheets[0].rows if r.report.action.value != "skip")
    print(json.dumps({"rows": n, "peak": 0, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
    sys.exit(0)
elif mode == "stream":
    with SafeWorkbook(path) as book:
        reader = book.sheet(book.sheet_names[0])
        reader.top_rows()
        n = sum(1 for _ in reader.data_rows(2, 10))
else:
    rows = CalamineWorkbook.from_path(path).get_sheet_by_name("Risks").to_python(skip_empty_area=False)
    n = len(rows) - 1
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"rows": n, "peak": peak, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def make(path: Path, rows: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Risks")
    ws.append(["Risk ID", "Title", "Category", "Likelihood", "Impact", "Owner", "Status", "Date raised", "Mitigation",
               "Comments"])
    for i in range(1, rows + 1):
        ws.append([f"R-{i:06}", f"Risk number {i} about the supplier and the schedule", "Technical", 1 + i % 5,
                   1 + (i * 7) % 5, f"Owner {i % 40}", "Open", "2025-03-01", f"Mitigation plan for risk {i}",
                   f"comment {i}"])
    wb.save(path)


def measure(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path), str(ROOT)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--no-preview", dest="preview", action="store_false",
                    help="skip the peak resident memory of a whole import preview of the sheet")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tall.xlsx"
        make(path, args.rows)
        floor, stream = measure("lists", path), measure("stream", path)
        preview = measure("preview", path) if args.preview else None
    assert floor["rows"] == stream["rows"] == args.rows, (floor, stream)
    ratio = stream["peak"] / floor["peak"]
    print(f"{args.rows:,} rows × 10 columns")
    print(f"  whole sheet as lists (floor): peak {floor['peak'] / 2**20:6.1f} MiB Python, {floor['rss'] / 1024:6.0f} MiB resident")
    print(f"  streamed by the reader:       peak {stream['peak'] / 2**20:6.1f} MiB Python, {stream['rss'] / 1024:6.0f} MiB resident")
    print(f"  ratio {ratio:.2f} (target ≤ 0.20)")
    if preview is not None:
        assert preview["rows"] == args.rows, preview
        print(f"  the whole import preview (every row planned): {preview['rss'] / 1024:6.0f} MiB resident at its peak")
    return 0 if ratio <= 0.20 else 1


if __name__ == "__main__":
    sys.exit(main())
