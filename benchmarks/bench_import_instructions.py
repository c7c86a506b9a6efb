"""One import of 10,000 risks, or its floor, for counting instructions (which a loaded machine does not move).

    PYTHONPATH=. valgrind --tool=callgrind --collect-atstart=no --toggle-collect=builtin_sorted \\
        --callgrind-out-file=/tmp/import.cg .venv/bin/python benchmarks/bench_import_instructions.py [ours|floor|workbook] [rows]

Only what runs inside ``sorted([0], key=run)`` is collected (``builtin_sorted`` and what it calls): the
import (plan + apply) of ``bench_import.write_register``'s sheet into a fresh store, or ``floor_import`` of
it, as the first import of a fresh process; not Python's start, the imports, the workbook's writing or the
store's creation. ``workbook``: the import as the dialog makes it when no sheet is chosen
(``plan_workbook_import``: every sheet looked at, the register found by its header) and its apply. Compare
the "Collected" totals of both (``callgrind_annotate --inclusive=yes`` shows calamine's read, ``pysqlite_cursor_executemany`` and the rest). ``rows`` (10,000 unless given): counts at 200,
2,000 and 10,000 rows split what grows with the rows from what an import pays once (header detection)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_import as b  # noqa: E402


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "ours"
    folder = Path(tempfile.mkdtemp(prefix="bench-import-instructions-"))
    path = folder / "risks.xlsx"
    b.write_register(path, int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    store = b.fresh_store(folder, "office.pmo")
    if what == "floor":
        store.close()

        def run(_: int) -> int:
            b.floor_import(folder / "office.pmo", path)
            return 0
    elif what == "workbook":
        from pmo_desktop.excel.importer import plan_workbook_import

        def run(_: int) -> int:
            b.apply_import(store, plan_workbook_import(store, path))
            return 0
    else:
        def run(_: int) -> int:
            b.apply_import(store, b.plan_import(store, path))
            return 0
    sorted([0], key=run)  # collected: everything under builtin_sorted


if __name__ == "__main__":
    main()
