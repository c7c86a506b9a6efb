"""Issue 16's import goals on PostgreSQL (round speed59b): the first import of N risks (default 10,000) into a fresh
office on a PostgreSQL server, and the re-import of the same register edited (every row an update), as
``bench_import.py`` measures them on SQLite — the same generated workbooks (``bench_import.write_register``). Runs on
a throwaway server of its own on loopback (``tests/pg_server.py``, as the tests' fixtures start one).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_import_pg.py [rows] [runs]

Each run: a new database, ``Store.create``, the five projects; the first import (plan + apply), then the edited
workbook's (plan + apply). Printed per run and best: wall clock, this process's CPU and the server's CPU
(``bench_big_register.pg_cpu``: the postmaster and every backend, ended ones included), and the re-import's ratio to
the first import (target ≤ 2×) in wall clock and in CPU of both processes together.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from bench_big_register import pg_cpu  # noqa: E402
from bench_import import PROJECTS, write_register  # noqa: E402
from pg_server import PgServer  # noqa: E402

from pmo_desktop.excel.importer import apply_import, plan_import  # noqa: E402
from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402


def timed_import(store: Store, path: Path, port: int) -> tuple[float, float, float, float, float, object]:
    """(wall, this process's CPU, the server's CPU, plan wall, apply wall, the apply's result)."""
    wall, cpu, server = time.perf_counter(), time.process_time(), pg_cpu(port)
    plan = plan_import(store, path)
    planned = time.perf_counter()
    result = apply_import(store, plan)
    done = time.perf_counter()
    assert plan.ok, plan.summary()
    return (done - wall, time.process_time() - cpu, pg_cpu(port) - server, planned - wall, done - planned, result)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    folder = Path(tempfile.mkdtemp(prefix="bench-import-pg-"))
    path, edited = folder / "risks.xlsx", folder / "edited.xlsx"
    write_register(path, n)
    write_register(edited, n, seed=7)  # the same IDs, other values: nearly every row an update
    server = PgServer.start_or_reason()
    if isinstance(server, str):
        print(f"PostgreSQL: skipped ({server})")
        return
    try:
        firsts, agains = [], []
        for run in range(runs):
            url = server.url(server.new_database(f"imp{run}"))
            store = Store.create(url)
            try:
                with store.transaction() as s:
                    for project in PROJECTS:
                        records.create_record(s, REGISTERS["projects"], {"name": project})
                first = timed_import(store, path, server.port)
                assert first[5].inserted == n  # type: ignore[attr-defined]
                again = timed_import(store, edited, server.port)
                assert again[5].updated > 0.9 * n  # type: ignore[attr-defined]
            finally:
                store.close()
            firsts.append(first)
            agains.append(again)
            print(f"run {run + 1}: first import {first[0]:.2f} s wall (plan {first[3]:.2f}, apply {first[4]:.2f}; "
                  f"CPU {first[1]:.2f} s here + {first[2]:.2f} s server); re-import of "
                  f"{again[5].updated:,} updates {again[0]:.2f} s wall (plan {again[3]:.2f}, apply "  # type: ignore[attr-defined]
                  f"{again[4]:.2f}; CPU {again[1]:.2f} s here + {again[2]:.2f} s server)", flush=True)
        f = min(firsts, key=lambda t: t[0])
        a = min(agains, key=lambda t: t[0])
        print(f"best: first import {f[0]:.2f} s wall, {f[1] + f[2]:.2f} s CPU; re-import {a[0]:.2f} s wall, "
              f"{a[1] + a[2]:.2f} s CPU — ratio {a[0] / f[0]:.2f}× wall, {(a[1] + a[2]) / (f[1] + f[2]):.2f}× CPU "
              "(target ≤ 2×)")
    finally:
        server.cleanup()


if __name__ == "__main__":
    main()
