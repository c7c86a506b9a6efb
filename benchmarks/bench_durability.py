"""What it costs to keep every committed edit in the .pmo file itself (a checkpoint after every
transaction), per edit and per import, against the floor of the same run: WAL without that
checkpoint (committed pages left in the -wal file, the behaviour before issue 17). A rollback journal
(DELETE, the other way to get a complete file) is measured beside them for the record.

    .venv/bin/python benchmarks/bench_durability.py [edits] [import_rows]

Prints the median time of one edit (a cell edit as the GUI makes it: its own transaction, with the
version it was based on), of one refresh (a read session: its checkpoint finds nothing to do) and of
one import, for each way, and their ratio to the floor.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import PROJECTS as PROJECT_NAMES  # noqa: E402
from bench_import import write_register
from sqlalchemy import event  # noqa: E402

from pmo_desktop.excel.importer import apply_import, plan_import  # noqa: E402
from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models import store as store_module
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

PROJECTS = REGISTERS["projects"]


def open_as(path: Path, way: str) -> Store:
    """``checkpoint``: as shipped. ``wal``: WAL, no checkpoint (the floor). ``delete``: rollback journal."""
    store = Store.open(path)
    if way != "checkpoint":
        event.remove(store.engine, "checkin", store_module._checkpoint)
    if way == "delete":
        store.engine.dispose()
        # The store's polling connection holds the file in WAL mode too; SQLite leaves WAL only when no other
        # connection has the file open ("database is locked" otherwise). It opens again at the next look.
        store._close_poll()
        raw = store.engine.raw_connection()
        raw.driver_connection.execute("PRAGMA journal_mode=DELETE").fetchall()
        raw.driver_connection.execute("PRAGMA synchronous=FULL").fetchall()
        raw.close()
        event.listen(store.engine, "connect", lambda c, _r: c.execute("PRAGMA synchronous=FULL"))
    return store


def per_edit(folder: Path, way: str, edits: int, run: int) -> float:
    path = folder / f"edits-{way}-{run}.pmo"
    Store.create(path).close()
    store = open_as(path, way)
    try:
        with store.transaction() as s:
            rid = records.create_record(s, PROJECTS, {"name": "P"}).id
        version = None
        times = []
        for i in range(edits):
            t = time.perf_counter()
            with store.transaction() as s:
                version = records.update_record(s, PROJECTS, rid, {"name": f"P {i}"}, expected_version=version)
            times.append(time.perf_counter() - t)
        return statistics.median(times)
    finally:
        store.close()


def per_read(folder: Path, way: str, reads: int, run: int) -> float:
    """A window's refresh: a read session and nothing to checkpoint (the checkpoint finds no work)."""
    path = folder / f"reads-{way}-{run}.pmo"
    Store.create(path).close()
    store = open_as(path, way)
    try:
        t = time.perf_counter()
        for _ in range(reads):
            with store.session() as s:
                records.fetch_rows(s, PROJECTS)
        return (time.perf_counter() - t) / reads
    finally:
        store.close()


def per_import(folder: Path, way: str, workbook: Path, run: int) -> float:
    path = folder / f"import-{way}-{run}.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        for name in PROJECT_NAMES:
            records.create_record(s, PROJECTS, {"name": name})
    store.close()
    store = open_as(path, way)
    try:
        t = time.perf_counter()
        result = apply_import(store, plan_import(store, workbook, register="risks"))
        elapsed = time.perf_counter() - t
        assert result.inserted > 0
        return elapsed
    finally:
        store.close()


def main() -> None:
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    ways = ["wal", "checkpoint", "delete"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workbook = folder / "risks.xlsx"
        write_register(workbook, rows)
        results: dict[str, dict[str, list[float]]] = {w: {"edit": [], "read": [], "import": []} for w in ways}
        measure: dict[str, Callable[[str, int], float]] = {
            "edit": lambda way, run: per_edit(folder, way, edits, run),
            "read": lambda way, run: per_read(folder, way, 1000, run),
            "import": lambda way, run: per_import(folder, way, workbook, run),
        }
        for run in range(3):  # interleaved, so a busy moment of the machine hits every way alike
            for way in ways:
                for what, fn in measure.items():
                    results[way][what].append(fn(way, run))
    floor = {what: statistics.median(results["wal"][what]) for what in measure}
    print(f"{edits} edits (median of one), 1,000 refreshes (mean), import of {rows:,} risks; median of 3 runs")
    print(f"{'way':<40}{'per edit':>12}{'ratio':>8}{'per refresh':>14}{'ratio':>8}{'per import':>13}{'ratio':>8}")
    labels = {"wal": "WAL, no checkpoint (floor; before)", "checkpoint": "WAL + checkpoint per transaction (now)",
              "delete": "rollback journal (DELETE, sync FULL)"}
    for way in ways:
        e, r, i = (statistics.median(results[way][w]) for w in ("edit", "read", "import"))
        print(f"{labels[way]:<40}{e * 1000:>10.2f}ms{e / floor['edit']:>7.2f}×"
              f"{r * 1e6:>12.0f}µs{r / floor['read']:>7.2f}×{i:>12.2f}s{i / floor['import']:>7.2f}×")


if __name__ == "__main__":
    main()
