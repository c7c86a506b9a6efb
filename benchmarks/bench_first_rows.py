"""A search or filter of 1,000,000 risks: the time to its first rows shown and to every id counted, the
first rows read first (a LIMIT) and the rest listed on a worker, beside the table as it was (every id
listed before anything shows), alternated in the same run, each beside a bare sqlite3 floor.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_first_rows.py
    PMO_BENCH_ROWS=200000 … ; PMO_BENCH_REPEAT=3 … ; PMO_BENCH_FILE=/tmp/big.pmo … (kept, reused: built
    once with its search index); PMO_BENCH_PG=1 … (on PostgreSQL instead, a throwaway server)

Goal (issue 16): a search or filter shows its first rows in < 0.5 s even when most rows match. Figures
are the process's CPU time (the worker's included; SQLite's work is in it), the best of the repeats,
and wall-clock time (a loaded machine can make it several times the CPU).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_big_register import build  # noqa: E402

N = int(os.environ.get("PMO_BENCH_ROWS", "1000000"))
REPEAT = int(os.environ.get("PMO_BENCH_REPEAT", "2"))
SEARCHES = (("e", "one letter, in every row"), ("7", "one digit, 3 rows in 4"), ("critical", "a rating: 1 in 5"),
            ("owner 17", "an owner's name"), ("2025-06", "a month"), ("supplier 996", "a few rows"),
            ("x", "one letter, in no row"))
FILTERS = (("status", "Closed"), ("inherent_rating", "Critical"), ("review_overdue", "Overdue"))
COLUMNS = ("title", "event", "code", "status", "raised_on")


def floors(path: Path, where: str) -> tuple[float, float]:
    """Bare sqlite3 CPU time of the first 200 ids and of every id, in id order."""
    con = sqlite3.connect(path)
    out = []
    for tail in (" ORDER BY id LIMIT 200", " ORDER BY id"):
        best = 1e9
        for _ in range(REPEAT):
            t = time.process_time()
            con.execute(f"SELECT id FROM risk WHERE {where}{tail}").fetchall()
            best = min(best, time.process_time() - t)
        out.append(best)
    con.close()
    return out[0], out[1]


EDITS = [0]


def edit(app, view) -> None:
    """Our own edit of one risk's date raised (two dates in turn), as a user's: the register changes."""
    from datetime import date

    model = view.model
    EDITS[0] += 1
    assert model.setData(model.index(0, model.column_of("raised_on")), date(2024, 1, 1 + EDITS[0] % 2))
    app.processEvents()


def measure(app, view, apply, clear, cold: bool = True) -> tuple[float, float, float, float, int]:
    """(CPU to the first rows shown, wall, CPU to every id counted, wall, rows). The first rows' CPU is
    the GUI thread's (the worker listing the rest runs beside it meanwhile); every id's is the process's.
    With ``cold`` each search here is the first after an edit of the register (one risk's date raised:
    ``edit``), whose dates' first and last a table kept for searches (the code before read them all again
    then; else they are kept, as after the table opened or after another search)."""
    clear()
    app.processEvents()
    if cold:
        edit(app, view)
    t, cpu, gui = time.perf_counter(), time.process_time(), time.thread_time()
    apply()
    app.processEvents()
    first_cpu, first_wall = time.thread_time() - gui, time.perf_counter() - t
    while getattr(view.model, "listing", False):
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    return first_cpu, first_wall, time.process_time() - cpu, time.perf_counter() - t, view.proxy.rowCount()


def compare(app, view, what: str, apply, clear, floor: tuple[float, float] | None, cold: bool = True) -> None:
    from pmo_desktop.views.register_table import windowed

    best: dict[str, list[float]] = {}
    rows = 0
    for _ in range(REPEAT):
        for how, first_from in (("before", 10**12), ("after", 50_000)):  # alternated: the same load for both
            windowed.LIST_FIRST_FROM = first_from
            figures = measure(app, view, apply, clear, cold)
            rows = figures[4]
            best[how] = [min(a, b) for a, b in zip(best.get(how, [1e9] * 4), figures[:4])]
    windowed.LIST_FIRST_FROM = 50_000
    b, a = best["before"], best["after"]
    base = f"  floor {floor[0] * 1000:5.0f} / {floor[1] * 1000:5.0f} ms" if floor else ""
    mark = "met" if (a[0] if floor else a[1]) < 0.5 else "MISSED"  # PostgreSQL: the wall time (the server's work)
    print(f"  {what:<40}{rows:>10,}  first rows {b[0] * 1000:5.0f} → {a[0] * 1000:4.0f} ms CPU "
          f"({b[1] * 1000:5.0f} → {a[1] * 1000:4.0f} wall; goal < 500 {mark}); all counted {b[2] * 1000:5.0f} → "
          f"{a[2] * 1000:5.0f} ms CPU ({b[3] * 1000:5.0f} → {a[3] * 1000:5.0f} wall){base}")


def run(target, sqlite_path: Path | None) -> None:
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
    if getattr(view.model, "indexes_ahead", None) is not None:
        view.model.indexes_ahead.join()
    if not document.office.read(search_index.is_complete, risks):
        t = time.perf_counter()
        document.office.write(search_index.ensure, risks, N)
        print(f"  search index built in {time.perf_counter() - t:.1f} s")
    print(f"  {'':<40}{'rows':>10}  CPU times, best of {REPEAT}, before (every id first) → after (first rows, "
          "then the rest on a worker)")
    for text, what in SEARCHES:
        where = " OR ".join(f"{c} LIKE '%{text}%'" for c in COLUMNS)
        compare(app, view, f"search '{text}' ({what})", lambda t=text: view.search.setText(t),
                lambda: view.search.clear(), floors(sqlite_path, where) if sqlite_path else None)
    compare(app, view, "search 'e', the dates' bounds kept", lambda: view.search.setText("e"),
            lambda: view.search.clear(), None, cold=False)
    for _ in range(REPEAT):  # a listing made moot at once: the CPU its worker spends before it ends
        view.search.clear()
        app.processEvents()
        cpu, t = time.process_time(), time.perf_counter()
        view.search.setText("e")
        older = view.model._listing
        view.search.setText("x")
        app.processEvents()
        if older is not None:
            older.done.wait(60)
        print(f"  search 'e' superseded at once by 'x': {(time.process_time() - cpu) * 1000:5.0f} ms CPU, "
              f"{(time.perf_counter() - t) * 1000:5.0f} ms wall until its listing's worker ended")
    view.search.clear()
    for name, value in FILTERS:
        where = {"status": "status = 'Closed'", "inherent_rating": "probability * impact >= 16"}.get(name)
        compare(app, view, f"filter {name} = {value}",
                lambda n=name, v=value: view.set_column_filter(n, {v}), lambda n=name: view.set_column_filter(n, None),
                floors(sqlite_path, where) if sqlite_path and where else None)
        view.set_column_filter(name, None)
    view.close()
    view.deleteLater()
    app.processEvents()
    document.close()


def main() -> None:
    if os.environ.get("PMO_BENCH_PG"):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from bench_big_register import fill_pg
        from pg_server import PgServer

        from pmo_desktop.models.store import Store

        server = PgServer.start_or_reason()
        if isinstance(server, str):
            print(f"PostgreSQL: skipped ({server})")
            return
        try:
            url = server.url(server.new_database("bench"))
            Store.create(url).close()
            fill_pg(url, N)
            print(f"{N:,} risks on PostgreSQL (CPU: this process's only, not the server's)")
            run(url, None)
        finally:
            server.cleanup()
        return
    kept = os.environ.get("PMO_BENCH_FILE")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(kept) if kept else Path(tmp) / "big.pmo"
        if not path.exists():
            print(f"file of {N:,} risks built in {build(path, N):.1f} s")
        print(f"{N:,} risks on SQLite, windowed ({path.stat().st_size / 2**20:.0f} MiB)")
        run(path, path)


if __name__ == "__main__":
    main()
