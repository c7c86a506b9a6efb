"""Issue 16's search leftovers on a register of 1,000,000 risks, through the table as a user has it:
a search's CPU to its first rows shown (GUI thread) and until every id is counted ("N of 1,000,000":
the worker's too, and the wall time), and another user's change with the CPU the process spends
because of it (the timer's check and what it starts on workers) until all is quiet again.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_search_leftovers.py /tmp/big.pmo   # a file of bench_big_register's build
    PYTHONPATH=. .venv/bin/python benchmarks/bench_search_leftovers.py postgresql+psycopg://…/big  # a filled database

To compare two checkouts, run it from each with its own PYTHONPATH on the same file, one after the
other (``uptime`` beside). Each search is cleared before and typed whole; best of ``PMO_BENCH_REPEAT``.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPEAT = int(os.environ.get("PMO_BENCH_REPEAT", "3"))
SEARCHES = ("x", "e", "7", "2025-06", "mar 2025")


def wait(app, until, timeout: float = 120) -> None:
    end = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() > end:
            raise TimeoutError
    app.processEvents()


def quiet(app) -> None:
    """Until no worker thread of the table is left running (date bounds, listings, probes)."""
    wait(app, lambda: not [t for t in threading.enumerate() if t.name.startswith("pmo-") and t.is_alive()])


def search(app, view, text: str) -> tuple[float, float, float, int, float]:
    """(GUI-thread CPU to the first rows, process CPU until counted, wall until counted, rows, wall to the
    first rows)."""
    view.search.clear()
    app.processEvents()
    quiet(app)
    cpu, gui, t = time.process_time(), time.thread_time(), time.perf_counter()
    view.search.setText(text)
    app.processEvents()
    first, first_wall = time.thread_time() - gui, time.perf_counter() - t
    wait(app, lambda: not view.model.listing)
    return first, time.process_time() - cpu, time.perf_counter() - t, view.proxy.rowCount(), first_wall


def outside(app, view, target: str, n: int) -> tuple[float, float]:
    """Another user's edit of one risk, then the timer's check: (process CPU, wall) until quiet."""
    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store

    view.search.clear()
    app.processEvents()
    quiet(app)
    theirs = Store.open(target)
    with theirs.transaction() as s:
        records.update_record(s, REGISTERS["risks"], 1 + n % 1000, {"title": f"Edited elsewhere {n} at {time.time()}"})
    theirs.close()
    document = view.model.document
    before = view.model._signature
    cpu, t = time.process_time(), time.perf_counter()
    assert document.poll_outside_changes()
    wait(app, lambda: view.model._signature != before and not document._probing)
    quiet(app)
    return time.process_time() - cpu, time.perf_counter() - t


def main() -> None:
    target = sys.argv[1]
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models import search_index
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    app = QApplication.instance() or QApplication([])
    windowed.SEARCH_PAUSE_MS = 0
    risks = REGISTERS["risks"]
    document = Document(Store.open(target))
    view = RegisterView(document, risks)
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    quiet(app)
    if not document.office.read(search_index.is_complete, risks):
        t = time.perf_counter()
        view.search.setText("ab")  # the first search builds what is missing
        wait(app, lambda: not view.model.listing)
        print(f"  search index (and summary) built at the first search: {time.perf_counter() - t:.1f} s wall")
    import pmo_desktop

    print(f"  code: {Path(pmo_desktop.__file__).parent}")
    print(f"  {view.model.total_rows():,} risks, {'SQLite' if document.office.store.is_sqlite else 'PostgreSQL'}; "
          f"best of {REPEAT}; CPU in ms")
    for text in SEARCHES:
        runs = [search(app, view, text) for _ in range(REPEAT)]
        rows = runs[-1][3]
        print(f"  search {text!r:<11}{rows:>10,} rows  first rows {min(r[0] for r in runs) * 1000:6.0f} CPU (GUI), "
              f"{min(r[4] for r in runs) * 1000:6.0f} wall   "
              f"counted {min(r[1] for r in runs) * 1000:6.0f} CPU, {min(r[2] for r in runs) * 1000:6.0f} wall", flush=True)
    runs = [outside(app, view, target, i) for i in range(REPEAT)]
    print(f"  another user's edit, the check and what it starts: {min(r[0] for r in runs) * 1000:6.0f} CPU, "
          f"{min(r[1] for r in runs) * 1000:6.0f} wall (until no worker is left)")
    for text in ("mar 2025", "e"):  # the first search after another user's change (the dates' bounds kept or not)
        outside(app, view, target, REPEAT + len(text))
        view.search.clear()
        app.processEvents()
        windowed.SEARCH_PAUSE_MS = 300  # typed as a user does: the search runs when typing pauses
        gui, t = time.thread_time(), time.perf_counter()
        view.search.setText(text)
        wait(app, lambda typed=text: view.model.search == typed)
        first, wall = time.thread_time() - gui, time.perf_counter() - t - windowed.SEARCH_PAUSE_MS / 1000
        windowed.SEARCH_PAUSE_MS = 0
        print(f"  {text!r} typed just after another user's edit: first rows {first * 1000:6.0f} CPU (GUI), "
              f"{wall * 1000:6.0f} wall after the pause")
    view.close()
    view.deleteLater()
    app.processEvents()
    document.close()


if __name__ == "__main__":
    main()
