"""One window's ids (``windows.fetch_ids``: a sort, a filter) on a kept office, CPU of this process and, on
PostgreSQL, of the server (its backends' and workers'), which does the sorting there; to compare two
checkouts run it from each, one after the other, on the same file or database.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_window_ids.py FILE-OR-URL FIELD [desc]
    PMO_BENCH_FILTER=review_overdue=Overdue … FILE-OR-URL ""     # a filter, in id order
    PMO_BENCH_REPS=3 …                                           # runs (the first pays the first compile)

FILE-OR-URL: a file ``bench_big_register.build`` wrote, or a database it filled (``PMO_BENCH_PG_URL``).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_big_register import pg_cpu  # noqa: E402

from pmo_desktop.models import windows  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402
from pmo_desktop.models.windows import Window  # noqa: E402


def main() -> None:
    where, field = sys.argv[1], sys.argv[2]
    descending = sys.argv[3:] == ["desc"]
    picked = os.environ.get("PMO_BENCH_FILTER")
    filters = {picked.split("=")[0]: frozenset({picked.split("=", 1)[1]})} if picked else {}
    store = Store.open(where)
    port = int(where.rsplit(":", 1)[1].split("/")[0]) if where.startswith("postgresql") else None
    for _ in range(int(os.environ.get("PMO_BENCH_REPS", "3"))):
        with store.session() as s:
            window = Window(sort_field=field or None, descending=descending, column_filters=filters)
            t, cpu, server = time.perf_counter(), time.process_time(), pg_cpu(port) if port else 0.0
            ids = windows.fetch_ids(s, REGISTERS["risks"], window)
            wall, cpu = time.perf_counter() - t, time.process_time() - cpu
            server = pg_cpu(port) - server if port else 0.0
        print(f"{field or 'id'}{' desc' if descending else ''}{' ' + picked if picked else ''}: {len(ids):,} ids, "
              f"{wall * 1000:.0f} ms wall, CPU {cpu * 1000:.0f} ms" + (f" + server {server * 1000:.0f} ms" if port else ""),
              flush=True)
    store.close()


if __name__ == "__main__":
    main()
