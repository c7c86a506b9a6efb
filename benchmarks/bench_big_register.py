"""A risk register of 1,000,000 rows in the Risks table (windowed), each figure beside a floor measured
in the same run with bare sqlite3 on the same file, as a ratio; then 100,000 rows windowed versus the
in-memory table (the model every register used before).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_big_register.py   # 1,000,000 then 100,000 rows, then
                                                                     # 1,000,000 on PostgreSQL (if it can start)
    PMO_BENCH_ROWS=200000 … ; PMO_BENCH_NO_PG=1 … ; PMO_BENCH_PG_ONLY=1 … ; PMO_BENCH_FTS_OPTIONS=1 …
    PMO_BENCH_QUICK=1 …   # without sorting and filtering every column one by one (minutes at 1,000,000)
    PMO_BENCH_OUTSIDE_ONLY=1 …   # only the outside-changes check, at PMO_BENCH_ROWS on SQLite

Goals (issue 16): open and show < 2 s, resident memory < 300 MiB, sort and filter < 2 s, search
< 0.5 s, the outside-changes check < 50 ms on the GUI thread. Each timed action also prints the
process's CPU time ([CPU … ms]): on a loaded machine the wall clock can be several times it (for
SQLite the database's work is in it; for PostgreSQL only the client's). A search or filter's figure
is to every id counted (the rest of its ids are listed on a worker after its first rows show); a
search's line also prints the wall time to its first rows (``bench_first_rows.py`` weighs those).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models.store import Store  # noqa: E402

N = int(os.environ.get("PMO_BENCH_ROWS", "1000000"))
STATUSES = ("Open", "Open", "Open", "Closed", "Occurred")
CATEGORIES = ("Strategic", "Technical", "Commercial", "Financial", "Operational", "People", "Supplier")


def build(path: Path, n: int) -> float:
    """The office file with ``n`` risks, written with one executemany per table; returns seconds."""
    t = time.perf_counter()
    Store.create(path).close()
    con = sqlite3.connect(path)
    now = "2026-11-25 09:00:00"
    con.executemany("INSERT INTO person (name, role, email, created_at, updated_at, version) VALUES (?, '', '', ?, ?, 1)",
                    [(f"Owner {i}", now, now) for i in range(200)])
    con.executemany("INSERT INTO project (code, name, status, description, created_at, updated_at, version) "
                    "VALUES (?, ?, 'Active', '', ?, ?, 1)", [(f"P-{i:03d}", f"Project {i}", now, now) for i in range(40)])
    start = date(2024, 1, 1)
    columns = ("code, title, cause, event, effect, kind, category, level, project_id, owner_id, raised_on, proximity, "
               "probability, impact, residual_probability, residual_impact, impact_areas, response, trigger, status, "
               "notes, escalated, escalation_reason, created_at, updated_at, version")
    rows = ((f"R-{i + 1:07d}", f"Risk {i} of supplier {i % 997}", "", f"Event {i % 5000}", "",
             "Threat", CATEGORIES[i % 7], "Program" if i % 10 == 0 else "Project", i % 40 + 1, i % 200 + 1,
             (start + timedelta(days=i % 900)).isoformat(), None, i % 5 + 1, (i * 3) % 5 + 1,
             max(1, i % 5), max(1, (i * 3) % 5), "Cost", "Reduce", "", STATUSES[i % 5], "", 0, "", now, now, 1)
            for i in range(n))
    con.executemany(f"INSERT INTO risk ({columns}) VALUES ({', '.join('?' * 26)})", rows)
    con.commit()
    con.close()
    return time.perf_counter() - t


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MiB (psutil if installed, else /proc)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20, peak
    except ImportError:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024, peak
    return float("nan"), peak


def floor(path: Path, sql: str, params=()) -> float:
    """A bare sqlite3 query into an id array: what the database alone costs."""
    from array import array

    con = sqlite3.connect(path)
    t = time.perf_counter()
    array("q", (r[0] for r in con.execute(sql, params)))
    took = time.perf_counter() - t
    con.close()
    return took


CPU = [0.0]  # the CPU time of the last ``timed`` action (the process's: the database is in it for SQLite)
FIRST = [0.0]  # the wall time of the last ``timed`` action to its first rows shown (``bench_first_rows.py``)
BUILT: list[tuple[str, float, float]] = []  # sort indexes built on a worker after a first sort: (action, wall, CPU)


def built_after(view, what: str) -> None:
    """Until the worker building a sort index after a first sort (``WindowedRegisterModel.
    _build_sort_index_after``) is done, so that its CPU time is not counted in the next action; its
    time (after the sort's rows were listed) is kept in ``BUILT`` and printed with the sweep."""
    worker = getattr(view.model, "indexes_ahead", None)
    if worker is not None and worker.is_alive():
        t, cpu = time.perf_counter(), time.process_time()
        worker.join()
        BUILT.append((what, time.perf_counter() - t, time.process_time() - cpu))


def listed(view, app) -> None:
    """Until a search's or filter's ids after its first rows, listed on a worker, are in place: a timed
    action is to every id counted (the figures before the first rows were shown first)."""
    while getattr(view.model, "listing", False):
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def line(what: str, took: float, base: float | None = None, goal: float | None = None, cpu: bool = True) -> str:
    """One figure: wall time, the ratio to its floor, the goal; and the process's CPU time for a timed
    action (on a loaded machine the wall clock can be several times it)."""
    ratio = f"  ×{took / base:5.1f} of floor {base * 1000:7.1f} ms" if base else ""
    mark = "" if goal is None else ("  (goal met)" if took < goal else f"  (goal < {goal * 1000:.0f} ms MISSED)")
    spent = f"  [CPU {CPU[0] * 1000:.0f} ms]" if cpu and CPU[0] else ""
    return f"  {what:<44}{took * 1000:9.1f} ms{ratio}{mark}{spent}"


def run(n: int, windowed_model: bool = True) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    app = QApplication.instance() or QApplication([])
    BUILT.clear()  # this run's
    windowed.WINDOWED_FROM = 50_000 if windowed_model else 10**12
    windowed.SEARCH_PAUSE_MS = 0  # time the search itself (in use it starts when typing pauses)
    risks = REGISTERS["risks"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.pmo"
        t_build = build(path, n)
        size = path.stat().st_size / 2**20
        kind = "windowed" if windowed_model and n >= windowed.WINDOWED_FROM else "in-memory (before)"
        print(f"{n:,} risks, {kind}: file built in {t_build:.1f} s (one executemany), {size:.0f} MiB")
        f_open = floor(path, "SELECT id FROM risk ORDER BY id") + floor(
            path, "SELECT id, * FROM risk WHERE id IN (%s)" % ",".join(str(i) for i in range(1, 201)))

        rss_before, _ = rss_mib()
        t0 = time.perf_counter()
        document = Document(Store.open(path))
        view = RegisterView(document, risks)
        view.resize(1400, 800)
        view.show()
        app.processEvents()
        t_open = time.perf_counter() - t0
        rss, peak = rss_mib()
        print(line("open file and show the table", t_open, f_open, 2.0, cpu=False))
        print(f"  {'resident memory after open':<44}{rss:9.0f} MiB  (+{rss - rss_before:.0f} MiB for the table; "
              f"process peak {peak:.0f} MiB; goal < 300 MiB {'met' if rss < 300 else 'MISSED'})")

        def timed(action) -> float:
            t, cpu = time.perf_counter(), time.process_time()
            action()
            app.processEvents()
            FIRST[0] = time.perf_counter() - t  # the first rows shown (a search or filter: the rest on a worker)
            listed(view, app)
            CPU[0] = time.process_time() - cpu  # this process's CPU time: what a busy machine distorts least
            return time.perf_counter() - t

        ahead = getattr(view.model, "indexes_ahead", None)  # the next review's sort index, built on a worker
        if ahead is not None:  # as the user looks at the table just opened; the timed actions start after it
            t = timed(ahead.join)
            print(line("then sort indexes built ahead (worker thread)", t_open + t, None, None, cpu=False)
                  + f"  [CPU {CPU[0] * 1000:.0f} ms after the table showed; done {t * 1000:.0f} ms after it]")
        if os.environ.get("PMO_BENCH_OUTSIDE_ONLY"):
            outside_changes(document, app, lambda con: (
                con.execute("UPDATE risk SET title = 'Changed elsewhere', version = version + 1 WHERE id = 3"),
                con.commit()), lambda: sqlite3.connect(path),
                f_check=floor(path, "SELECT count(*), max(id), sum(version) FROM risk"),
                move_elsewhere=lambda con: (con.execute(
                    "UPDATE risk SET title = 'Zz moved elsewhere', version = version + 1 "
                    "WHERE id = (SELECT id FROM risk ORDER BY lower(title), id LIMIT 1)"), con.commit()))
            view.close()
            document.close()
            return
        column = view.model.column_of
        t = timed(lambda: view.table.sortByColumn(column("title"), Qt.SortOrder.AscendingOrder))
        print(line("sort by title (stored)", t, floor(path, "SELECT id FROM risk ORDER BY lower(title), id"), 2.0))
        t = timed(lambda: view.table.sortByColumn(column("inherent_score"), Qt.SortOrder.DescendingOrder))
        print(line("sort by inherent score (computed)", t,
                   floor(path, "SELECT id FROM risk ORDER BY probability * impact DESC, id"), 2.0))
        t = timed(lambda: view.table.sortByColumn(column("owner"), Qt.SortOrder.AscendingOrder))
        print(line("sort by owner (a reference; builds its index)", t, floor(
            path, "SELECT risk.id FROM risk LEFT JOIN person ON person.id = risk.owner_id ORDER BY person.name, risk.id"), 2.0))
        built_after(view, "owner")
        if BUILT:
            print(f"  {'':<44}then its index built on a worker: {BUILT[-1][1] * 1000:.0f} ms wall, "
                  f"{BUILT[-1][2] * 1000:.0f} ms of CPU after the rows were listed")
        t = timed(lambda: view.table.sortByColumn(column("raised_on"), Qt.SortOrder.AscendingOrder))
        print(line("sort by raised (a date; its index after)", t, floor(
            path, "SELECT id FROM risk ORDER BY raised_on, id"), 2.0))
        built_after(view, "raised_on")
        if BUILT and BUILT[-1][0] == "raised_on":
            print(f"  {'':<44}then its index built on a worker: {BUILT[-1][1] * 1000:.0f} ms wall, "
                  f"{BUILT[-1][2] * 1000:.0f} ms of CPU after the rows were listed")
        t = timed(lambda: view.table.sortByColumn(column("raised_on"), Qt.SortOrder.DescendingOrder))
        print(line("sort by raised descending (its index)", t, None, 2.0))
        t = timed(lambda: view.table.sortByColumn(column("next_review"), Qt.SortOrder.AscendingOrder))
        print(line("sort by next review (first: its index" + (" built ahead)" if ahead else " built now)"), t, None, 2.0))
        t = timed(lambda: view.table.sortByColumn(column("review_overdue"), Qt.SortOrder.AscendingOrder))
        print(line("sort by review status", t, None, 2.0))
        t = timed(lambda: view.set_column_filter("status", {"Closed"}))
        print(line(f"filter status = Closed ({view.proxy.rowCount():,} rows)", t,
                   floor(path, "SELECT id FROM risk WHERE status = 'Closed' ORDER BY id"), 2.0))
        t = timed(lambda: view.set_column_filter("status", None))
        print(line("filter off", t, floor(path, "SELECT id FROM risk ORDER BY id"), 2.0))
        t = timed(lambda: view.set_column_filter("inherent_rating", {"Critical"}))
        print(line(f"filter inherent rating = Critical ({view.proxy.rowCount():,})", t,
                   floor(path, "SELECT id FROM risk WHERE probability * impact >= 16 ORDER BY id"), 2.0))
        view.set_column_filter("inherent_rating", None)
        view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        if not os.environ.get("PMO_BENCH_QUICK"):
            every_column(view, timed, n)
        sort_indexes(path, size)
        search(view, timed, path, app)
        view.search.clear()
        app.processEvents()

        bar = view.table.verticalScrollBar()
        steps = 50
        t = time.perf_counter()
        for k in range(steps):
            bar.setValue(bar.maximum() * k // steps)
            view.table.viewport().repaint()
        per_step = (time.perf_counter() - t) / steps
        f_page = floor(path, "SELECT id, * FROM risk WHERE id IN (%s)" % ",".join(str(i) for i in range(500_000, 500_200)))
        print(line("scroll: one jump to an unread part, painted", per_step, f_page, 0.05, cpu=False))

        outside_changes(document, app, lambda con: (
            con.execute("UPDATE risk SET title = 'Changed elsewhere', version = version + 1 WHERE id = 3"), con.commit()),
            lambda: sqlite3.connect(path), f_check=floor(path, "SELECT count(*), max(id), sum(version) FROM risk"))
        view.close()
        view.deleteLater()
        app.processEvents()
        document.close()
        if windowed_model and n <= 100_000 or os.environ.get("PMO_BENCH_FTS_OPTIONS"):
            fts5_options(path, risks)


def every_column(view, timed, n: int) -> None:
    """Sort (ascending) and filter (the header menu's values, then the first of them) on each column;
    the slowest of each is the figure the goal is about (by wall time, and by CPU time)."""
    from PySide6.QtCore import Qt

    sorts, filters = [], []
    for column, f in enumerate(view.model.fields):
        t_sort = timed(lambda c=column: view.table.sortByColumn(c, Qt.SortOrder.AscendingOrder))
        sorts.append((t_sort, f.name, CPU[0]))
        built_after(view, f.name)
        values: list[str] = []
        t_menu = timed(lambda c=column, v=values: v.extend(view.distinct_values(c)))
        cpu_menu = CPU[0]
        chosen = next((v for v in values if v), "")
        t = timed(lambda n=f.name, c=chosen: view.set_column_filter(n, {c}))
        cpu_pick = CPU[0]
        shown = view.proxy.rowCount()
        t_off = timed(lambda n=f.name: view.set_column_filter(n, None))
        filters.append((t_menu + t, f.name, shown, t_off, cpu_menu + cpu_pick, CPU[0]))
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    from pmo_desktop.models import sort_index

    again = []  # the columns whose first sort built a sort index (models/sort_index.py), sorted again
    for column, f in enumerate(view.model.fields):
        if sort_index.wants_index(f):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                t = timed(lambda c=column, o=order: view.table.sortByColumn(c, o))
                again.append((t, f.name + (" desc" if order == Qt.SortOrder.DescendingOrder else ""), CPU[0]))
            view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    CPU[0] = 0.0
    for what, wall, cpu in BUILT:
        print(f"  {'sort index of ' + what + ' built after its first sort':<44}{wall * 1000:9.1f} ms  [CPU {cpu * 1000:.0f} ms, "
              "a worker, after the rows were listed]")
    if again:
        slow = max(again)
        print(line(f"sort again, with its sort index, slowest ({slow[1]})", slow[0], None, 2.0, cpu=False)
              + f"  [CPU {slow[2] * 1000:.0f} ms; " + ", ".join(f"{n} {t * 1000:.0f}" for t, n, _ in again) + "]")
    app_sorts = sorted(sorts, reverse=True)
    print(line(f"sort, each of {len(sorts)} columns: slowest ({app_sorts[0][1]})", app_sorts[0][0], None, 2.0, cpu=False)
          + f"  [CPU {app_sorts[0][2] * 1000:.0f} ms; most CPU: "
          + ", ".join(f"{s[1]} {s[2] * 1000:.0f}" for s in sorted(sorts, key=lambda x: -x[2])[:4]) + " ms]")
    print(f"  {'':<44}median {sorted(t for t, *_ in sorts)[len(sorts) // 2] * 1000:.0f} ms; next slowest: "
          + ", ".join(f"{name} {t * 1000:.0f}" for t, name, _ in app_sorts[1:4]))
    worst = sorted(filters, reverse=True)
    print(line(f"filter (menu + pick), slowest ({worst[0][1]}, {worst[0][2]:,} rows)", worst[0][0], None, 2.0, cpu=False)
          + f"  [CPU {worst[0][4] * 1000:.0f} ms; most CPU: "
          + ", ".join(f"{f[1]} {f[4] * 1000:.0f}" for f in sorted(filters, key=lambda x: -x[4])[:4]) + " ms]")
    print(f"  {'':<44}median {sorted(t for t, *_ in filters)[len(filters) // 2] * 1000:.0f} ms; next slowest: "
          + ", ".join(f"{name} {t * 1000:.0f}" for t, name, *_ in worst[1:4]))
    if os.environ.get("PMO_BENCH_EACH"):  # every column's figures, not only the slowest
        print(f"  {'each column: first sort, filter (menu + pick), wall [CPU] ms':<44}")
        for (t_sort, name, cpu_sort), (t_filter, _, shown, _, cpu_filter, _) in zip(sorts, filters):
            print(f"    {name:<24} sort {t_sort * 1000:6.0f} [{cpu_sort * 1000:5.0f}]   "
                  f"filter {t_filter * 1000:6.0f} [{cpu_filter * 1000:5.0f}]  ({shown:,} rows)")
    off = max(filters, key=lambda x: x[3])
    print(line(f"filter off, slowest ({off[1]})", off[3], None, 2.0, cpu=False)
          + f"  [CPU {off[5] * 1000:.0f} ms; most CPU: {max(filters, key=lambda x: x[5])[5] * 1000:.0f} ms]")


def sort_indexes(path: Path, size: float) -> None:
    """What the sort indexes built at the first sorts (models/sort_index.py) cost the file."""
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'sortix_%'")]
        sizes = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'sortix_%' GROUP BY name")
                     ) if con.execute("SELECT 1 FROM pragma_module_list WHERE name = 'dbstat'").fetchone() else {}
    after = path.stat().st_size / 2**20
    each = ", ".join(f"{n.removeprefix('sortix_')} {sizes[n] / 2**20:.1f}" for n in names if n in sizes)
    print(f"  {'sort indexes built at first sorts':<44}{len(names):9d}      (file {size:.0f} → {after:.0f} MiB, "
          f"+{(after - size) / size:.0%}; MiB each: {each or '?'})")


SEARCHES = (("supplier 996", "a few rows"), ("event 4999", "a few rows"), ("owner 17", "an owner's name"),
            ("r-00099", "IDs"), ("critical", "a rating: 1 in 5"), ("2024-03-1", "dates"), ("2025-06", "a month"),
            ("-03-1", "inside dates"), ("03/2026", "no date is written so"), ("ab", "two letters"),
            ("x", "one letter, in no row"), ("e", "one letter, in every row"), ("7", "one digit"))


def search(view, timed, path: Path, app) -> None:
    """The first search builds the search index when the file has none (once); then each search."""
    from pmo_desktop.views.register_table import windowed

    before = path.stat().st_size
    first = timed(lambda: view.search.setText("supplier 996"))
    indexed = view.model.document.office.read(windowed.search_index.has_index, view.model.register)
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = path.stat().st_size
    if indexed:
        print(f"  {'first search: builds the search index, once':<44}{first * 1000:9.1f} ms  (file {before / 2**20:.0f}"
              f" → {after / 2**20:.0f} MiB, +{(after - before) / before:.0%})")
    for text, what in SEARCHES:
        view.search.clear()
        app.processEvents()
        t = timed(lambda typed=text: view.search.setText(typed))
        hits = view.proxy.rowCount()
        like = " OR ".join(f"{c} LIKE '%{text}%'" for c in ("title", "event", "code", "status", "raised_on"))
        goal = 0.5
        print(line(f"search '{text}' ({what}; {hits:,} hits)", t, floor(path, f"SELECT id FROM risk WHERE {like}"), goal)
              + f"  first rows {FIRST[0] * 1000:.0f} ms")


def outside_changes(document, app, write_elsewhere, connect, f_check: float, move_elsewhere=None) -> None:
    """What the check for others' changes costs the GUI thread: the timer's poll (a worker reads the
    signatures, the GUI thread compares) when nothing changed and after another's save, beside the
    synchronous check as it ran before (every query on the GUI thread)."""
    def settled() -> bool:
        return not document._probing and not any(getattr(m, "_stale", False) for m in list(document._watched))

    longest, cpu, turns = [0.0], [0.0], [0]

    def idle_cpu(count: int) -> float:
        """The GUI thread's CPU time for as many turns of the same loop with nothing to do: the floor
        of the CPU figure (a turn of the event loop costs something even when idle)."""
        start = time.thread_time()
        for _ in range(count):
            app.processEvents()
            settled()
            time.sleep(0.01)
        return time.thread_time() - start

    def gui_time_of_poll() -> tuple[float, float]:
        """(seconds the GUI thread was busy, wall seconds until the table showed the change): the
        timer's call, then every turn of the event loop until the worker threads' answers are in place
        (comparing, reading the changed rows, putting the new ids in place, painting). ``longest``: the
        longest single turn (what the user feels as a freeze); the sum also holds each turn's wait for
        the interpreter lock while a worker runs Python."""
        spent = 0.0
        longest[0] = 0.0
        wall = time.perf_counter()
        cpu[0] = time.thread_time()  # this (the GUI) thread's own CPU time: no waiting for the lock or the CPU
        t = time.perf_counter()
        document.poll_outside_changes()
        spent += time.perf_counter() - t
        after = 3  # turns once the answer is in place: the repaint it asked for
        turns[0] = 0
        while after:
            turns[0] += 1
            t = time.perf_counter()
            app.processEvents()
            took = time.perf_counter() - t
            spent += took
            longest[0] = max(longest[0], took)
            if settled():
                after -= 1
            time.sleep(0.01)  # the GUI thread idle (a turn every 10 ms, as a busy user's events): the worker reads
        cpu[0] = time.thread_time() - cpu[0]
        return spent, time.perf_counter() - wall

    document.check_outside_changes(force=True)  # settle: the last full check is now
    quiet = min(gui_time_of_poll()[0] for _ in range(5))
    print(line("outside-changes check (timer), nothing changed", quiet, None, 0.05, cpu=False))
    con = connect()
    write_elsewhere(con)
    t = time.perf_counter()
    document.check_outside_changes()  # as the timer ran it before: every query on the GUI thread
    while not settled():
        app.processEvents()
    sync = time.perf_counter() - t
    for _ in range(3):  # the repaint that follows, so that it is not counted in the timer's figure below
        time.sleep(0.01)
        app.processEvents()
    write_elsewhere(con)
    gui, wall = gui_time_of_poll()
    con.close()
    print(line("  …after another's save, timer: GUI thread", gui, None, 0.05, cpu=False))
    print(line("    longest single turn of the event loop", longest[0], None, cpu=False))
    print(line("    CPU time of the GUI thread in those turns", cpu[0], idle_cpu(turns[0]), cpu=False))
    print(f"  {'':<44}({wall * 1000:.0f} ms until shown, {turns[0]} turns: the floor is as many idle turns)")
    print(line("  …after another's save, the check on the GUI thread", sync, f_check, cpu=False))
    if move_elsewhere is None:
        return
    # The table sorted by title, and another user's rename moves a record it shows to the far end:
    # the new order is put in place with one layoutChanged, the selection following its record.
    from PySide6.QtCore import Qt

    model = next(iter(document._watched))
    model.sort(model.column_of("title"), Qt.SortOrder.AscendingOrder)
    for _ in range(3):
        time.sleep(0.01)
        app.processEvents()
    con = connect()
    move_elsewhere(con)
    gui, wall = gui_time_of_poll()
    con.close()
    print(line("  …another's rename moves a shown record (sorted): GUI", gui, None, 0.05, cpu=False))
    print(line("    longest single turn of the event loop", longest[0], None, cpu=False))
    print(line("    CPU time of the GUI thread in those turns", cpu[0], idle_cpu(turns[0]), cpu=False))
    print(f"  {'':<44}({wall * 1000:.0f} ms until shown, {turns[0]} turns)")


def fts5_options(path: Path, risks) -> None:
    """File size and search time of the forms of an FTS5 index that were weighed (see
    models/search_index.py for the one chosen), each built on a copy of the file without an index."""
    import shutil

    from pmo_desktop.models import search_index

    text = [c for c in search_index.indexed_columns(risks)
            if risks.field(next(f.name for f in risks.fields if f.attr == c or f.name == c)).kind.value
            in ("code", "text", "longtext", "enum", "multi")]
    every = search_index.indexed_columns(risks)
    query_full = '"supplier 996"'
    query_none = search_index._fts_query("supplier 996")
    options = (("trigram, detail=full (phrase)", text, "tokenize='trigram'", query_full),
               ("trigram, detail=column", text, "tokenize='trigram', detail=column", query_none),
               ("trigram, detail=none", text, "tokenize='trigram', detail=none", query_none),
               ("trigram, detail=none, + numbers, dates (chosen)", every, "tokenize='trigram', detail=none", query_none),
               ("unicode61 words, prefix 2 3 (finds word starts)", text, "tokenize='unicode61', prefix='2 3'",
                "supplier AND 996"),
               ("unicode61 words, detail=none", text, "tokenize='unicode61', detail=none", "supplier AND 996"))
    copy = path.with_name("options.pmo")
    print("  FTS5 forms weighed (on a copy without the index; size after VACUUM):")
    for label, cols, opts, query in options:
        shutil.copy(path, copy)
        con = sqlite3.connect(copy)
        for name in [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'risk_search%' "
                                                "AND type IN ('table', 'trigger') AND sql LIKE 'CREATE%'")]:
            kind = "TRIGGER" if name.endswith(("_insert", "_delete", "_update")) else "TABLE"
            con.execute(f'DROP {kind} IF EXISTS "{name}"')
        con.execute("VACUUM")
        before = copy.stat().st_size
        t = time.perf_counter()
        con.execute(f"CREATE VIRTUAL TABLE x USING fts5({', '.join(cols)}, content='risk', content_rowid='id', {opts})")
        con.execute("INSERT INTO x(x) VALUES ('rebuild')")
        con.commit()
        t_build = time.perf_counter() - t
        con.execute("VACUUM")
        after = copy.stat().st_size
        t = time.perf_counter()
        hits = len(con.execute("SELECT rowid FROM x WHERE x MATCH ?", (query,)).fetchall())
        t_query = time.perf_counter() - t
        con.close()
        copy.unlink()
        print(f"    {label:<50} +{(after - before) / before:4.0%} file, built in {t_build:4.1f} s, "
              f"'supplier 996' {t_query * 1000:5.1f} ms ({hits:,} candidates)")


def risk_rows(n: int):
    """The same risks as ``build`` writes, for PostgreSQL's COPY."""
    start = date(2024, 1, 1)
    now = "2026-11-25 09:00:00"
    for i in range(n):
        yield (f"R-{i + 1:07d}", f"Risk {i} of supplier {i % 997}", "", f"Event {i % 5000}", "", "Threat",
               CATEGORIES[i % 7], "Program" if i % 10 == 0 else "Project", i % 40 + 1, i % 200 + 1,
               (start + timedelta(days=i % 900)).isoformat(), None, i % 5 + 1, (i * 3) % 5 + 1, max(1, i % 5),
               max(1, (i * 3) % 5), "Cost", "Reduce", "", STATUSES[i % 5], "", False, "", now, now, 1)


def fill_pg(url: str, n: int) -> None:
    """``n`` risks (``risk_rows``), 200 owners and 40 projects into a new PostgreSQL office, by COPY."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as con:
        con.execute("INSERT INTO person (name, role, email, created_at, updated_at, version) "
                    "SELECT 'Owner ' || g, '', '', now(), now(), 1 FROM generate_series(0, 199) g")
        con.execute("INSERT INTO project (code, name, status, description, created_at, updated_at, version) "
                    "SELECT 'P-' || g, 'Project ' || g, 'Active', '', now(), now(), 1 FROM generate_series(0, 39) g")
        columns = ("code, title, cause, event, effect, kind, category, level, project_id, owner_id, raised_on, "
                   "proximity, probability, impact, residual_probability, residual_impact, impact_areas, response, "
                   "trigger, status, notes, escalated, escalation_reason, created_at, updated_at, version")
        with con.cursor().copy(f"COPY risk ({columns}) FROM STDIN") as copy:
            for row in risk_rows(n):
                copy.write_row(row)
        con.commit()
        con.autocommit = True
        con.execute("VACUUM ANALYZE risk")


def run_pg(n: int) -> None:
    """The same register on PostgreSQL (a throwaway server on loopback, as the tests start): open, sort,
    filter, search (pg_trgm's GIN index, built at the first search; ILIKE without it) and the outside-changes check's cost to the GUI thread."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from pg_server import PgServer
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    kept = os.environ.get("PMO_BENCH_PG_URL")  # a database this benchmark filled before (kept between runs)
    server = None if kept else PgServer.start_or_reason()
    if isinstance(server, str):
        print(f"PostgreSQL: skipped ({server})")
        return
    app = QApplication.instance() or QApplication([])
    windowed.WINDOWED_FROM = 50_000
    try:
        import psycopg

        if kept:
            url = kept
            plain = url.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(plain, autocommit=True) as con:
                if not con.execute("SELECT to_regclass('risk')").fetchone()[0]:
                    Store.create(url).close()
                if not con.execute("SELECT count(*) FROM risk").fetchone()[0]:
                    fill_pg(url, n)
                for (name,) in con.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'sortix_%'").fetchall():
                    con.execute(f'DROP INDEX "{name}"')  # each run's first sorts are first sorts
                n = con.execute("SELECT count(*) FROM risk").fetchone()[0]
            print(f"{n:,} risks on PostgreSQL (kept: {url.rsplit('/', 1)[-1]}), windowed; its sort indexes dropped")
        else:
            url = server.url(server.new_database("bench"))
            Store.create(url).close()
            t = time.perf_counter()
            fill_pg(url, n)
            plain = url.replace("postgresql+psycopg://", "postgresql://")
            print(f"{n:,} risks on PostgreSQL, windowed: loaded by COPY in {time.perf_counter() - t:.1f} s")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        risks = REGISTERS["risks"]
        t0 = time.perf_counter()
        document = Document(Store.open(url))
        view = RegisterView(document, risks)
        view.resize(1400, 800)
        view.show()
        app.processEvents()
        t_open = time.perf_counter() - t0
        print(line("open and show the table", t_open, None, 2.0, cpu=False))

        def timed(action) -> float:
            t, cpu, server_cpu = time.perf_counter(), time.process_time(), pg_cpu(port)
            action()
            app.processEvents()
            FIRST[0] = time.perf_counter() - t  # the first rows shown (a search or filter: the rest on a worker)
            listed(view, app)
            CPU[0] = time.process_time() - cpu  # this process's CPU time: what a busy machine distorts least
            SERVER[0] = pg_cpu(port) - server_cpu  # and the server's, which does the sorting and filtering
            CPU[0] += SERVER[0]
            return time.perf_counter() - t

        ahead = getattr(view.model, "indexes_ahead", None)  # the references' (fk, id), CONCURRENTLY, on a worker
        if ahead is not None:
            t = timed(ahead.join)
            print(line("then sort indexes built ahead (worker, CONCURRENTLY)", t_open + t, None, None, cpu=False)
                  + f"  [done {t * 1000:.0f} ms after the table showed]")
        windowed.SEARCH_PAUSE_MS = 0
        for name, order in (("title", Qt.SortOrder.AscendingOrder), ("owner", Qt.SortOrder.AscendingOrder),
                            ("inherent_score", Qt.SortOrder.DescendingOrder), ("next_review", Qt.SortOrder.AscendingOrder)):
            print(line(f"sort by {name}", timed(lambda n=name, o=order: view.table.sortByColumn(view.model.column_of(n), o)),
                       None, 2.0))
        for name in ("owner",):  # again, with its sort index (built ahead, or at its first sort)
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
                t = timed(lambda n=name, o=order: view.table.sortByColumn(view.model.column_of(n), o))
                print(line(f"sort by {name} again{' desc' if order == Qt.SortOrder.DescendingOrder else ''} "
                           "(its sort index)", t, None, 2.0))
        with psycopg.connect(plain) as con:
            built = con.execute("SELECT indexname, pg_relation_size(indexname::regclass) FROM pg_indexes "
                                "WHERE indexname LIKE 'sortix_%'").fetchall()
        print(f"  {'sort indexes built (ahead or at first sorts)':<44}{len(built):9d}      (MiB each: "
              + ", ".join(f"{n.removeprefix('sortix_')} {b / 2**20:.1f}" for n, b in built) + ")")
        view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        for name, value in (("status", "Closed"), ("kind", "Threat")):
            t = timed(lambda n=name, v=value: view.set_column_filter(n, {v}))
            print(line(f"filter {name} = {value} ({view.proxy.rowCount():,} rows)", t, None, 2.0))
            view.set_column_filter(name, None)
        if not os.environ.get("PMO_BENCH_QUICK"):
            with psycopg.connect(plain, autocommit=True) as con:  # the sweep's sorts are first sorts
                for (name,) in con.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'sortix_%'").fetchall():
                    con.execute(f'DROP INDEX "{name}"')
            every_column(view, timed, n)
            CPU[0] = 0.0
        if os.environ.get("PMO_BENCH_PG_SWEEP_ONLY"):
            view.close()
            document.close()
            return
        first = timed(lambda: view.search.setText("supplier 996"))
        indexed = view.model.document.office.read(windowed.search_index.has_index, risks)
        with psycopg.connect(plain) as con:
            size = con.execute("SELECT coalesce(pg_relation_size(to_regclass('risk_search_trgm')), 0), "
                               "pg_total_relation_size('risk')").fetchone()
        print(f"  {'first search: builds the trigram index, once' if indexed else 'first search (no pg_trgm index)':<44}"
              f"{first * 1000:9.1f} ms  (index {size[0] / 2**20:.0f} MiB beside the table's {(size[1] - size[0]) / 2**20:.0f} MiB)")
        for text, what in SEARCHES:
            view.search.clear()
            app.processEvents()
            t = timed(lambda typed=text: view.search.setText(typed))
            print(line(f"search '{text}' ({what}; {view.proxy.rowCount():,} hits)", t, None, 0.5)
                  + f"  first rows {FIRST[0] * 1000:.0f} ms")
        view.search.clear()
        app.processEvents()

        def write_elsewhere(con):
            con.execute("UPDATE risk SET title = 'Changed elsewhere', version = version + 1 WHERE id = 3")
            con.commit()

        t = time.perf_counter()
        with psycopg.connect(plain) as con:
            con.execute("SELECT count(*), max(id), sum(version) FROM risk").fetchone()
        f_check = time.perf_counter() - t
        outside_changes(document, app, write_elsewhere, lambda: psycopg.connect(plain), f_check)
        view.close()
        view.deleteLater()
        app.processEvents()
        document.close()
    finally:
        if server is not None:
            server.cleanup()


SERVER = [0.0]  # PostgreSQL's CPU time in the last ``timed`` action (its backends' and its workers')


def pg_cpu(port: int) -> float:
    """The CPU seconds of the PostgreSQL server listening on ``port`` and every process it started, ended
    ones included (a backend's time is added to the postmaster's children's when it is reaped): on
    PostgreSQL the sorting and filtering is the server's work, not this process's."""
    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            stats[int(entry)] = (int(fields[1]), [int(x) for x in fields[11:15]], cmd)
    master = next((pid for pid, (_, _, cmd) in stats.items()
                   if b"postgres\0" in cmd and f"\0-p\0{port}\0".encode() in cmd), None)
    if master is None:
        return 0.0
    utime, stime, cutime, cstime = stats[master][1]
    total = utime + stime + cutime + cstime
    total += sum(u + s for pid, (ppid, (u, s, _, _), _) in stats.items() if ppid == master)
    return total / tick


def main() -> None:
    if os.environ.get("PMO_BENCH_PG_ONLY"):
        run_pg(N)
        return
    run(N)
    if os.environ.get("PMO_BENCH_OUTSIDE_ONLY"):
        return
    if N > 100_000:
        print()
        run(100_000)
    print()
    run(100_000, windowed_model=False)
    if not os.environ.get("PMO_BENCH_NO_PG"):
        print()
        run_pg(N)


if __name__ == "__main__":
    main()
