"""A risk register of 1,000,000 rows in the Risks table (windowed), each figure beside a floor measured
in the same run with bare sqlite3 on the same file, as a ratio; then 100,000 rows windowed versus the
in-memory table (the model every register used before).

    .venv/bin/python benchmarks/bench_big_register.py            # 1,000,000 then 100,000 rows
    PMO_BENCH_ROWS=200000 .venv/bin/python benchmarks/bench_big_register.py

Goals (issue 16): open and show < 2 s, resident memory < 300 MiB, sort and filter < 2 s, search
< 0.5 s, the outside-changes check < 50 ms on the GUI thread.
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


def line(what: str, took: float, base: float | None = None, goal: float | None = None) -> str:
    ratio = f"  ×{took / base:5.1f} of floor {base * 1000:7.1f} ms" if base else ""
    mark = "" if goal is None else ("  (goal met)" if took < goal else f"  (goal < {goal * 1000:.0f} ms MISSED)")
    return f"  {what:<44}{took * 1000:9.1f} ms{ratio}{mark}"


def run(n: int, windowed_model: bool = True) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    app = QApplication.instance() or QApplication([])
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
        print(line("open file and show the table", t_open, f_open, 2.0))
        print(f"  {'resident memory after open':<44}{rss:9.0f} MiB  (+{rss - rss_before:.0f} MiB for the table; "
              f"process peak {peak:.0f} MiB; goal < 300 MiB {'met' if rss < 300 else 'MISSED'})")

        def timed(action) -> float:
            t = time.perf_counter()
            action()
            app.processEvents()
            return time.perf_counter() - t

        column = view.model.column_of
        t = timed(lambda: view.table.sortByColumn(column("title"), Qt.SortOrder.AscendingOrder))
        print(line("sort by title (stored)", t, floor(path, "SELECT id FROM risk ORDER BY lower(title), id"), 2.0))
        t = timed(lambda: view.table.sortByColumn(column("inherent_score"), Qt.SortOrder.DescendingOrder))
        print(line("sort by inherent score (computed)", t,
                   floor(path, "SELECT id FROM risk ORDER BY probability * impact DESC, id"), 2.0))
        t = timed(lambda: view.table.sortByColumn(column("owner"), Qt.SortOrder.AscendingOrder))
        print(line("sort by owner (a reference)", t, floor(
            path, "SELECT risk.id FROM risk LEFT JOIN person ON person.id = risk.owner_id ORDER BY person.name, risk.id"), 2.0))
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
        t = timed(lambda: view.search.setText("supplier 996"))
        print(line(f"first search 'supplier 996' ({view.proxy.rowCount():,} hits)", t,
                   floor(path, "SELECT id FROM risk WHERE lower(title) LIKE '%supplier 996%' ORDER BY id"), 0.5))
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
        print(line("scroll: one jump to an unread part, painted", per_step, f_page, 0.05))

        t_check = min(timed(document.check_outside_changes) for _ in range(5))
        con = sqlite3.connect(path)
        t = time.perf_counter()
        con.execute("PRAGMA data_version").fetchone()
        f_check = time.perf_counter() - t
        print(line("outside-changes check, nothing changed", t_check, f_check, 0.05))
        con.execute("UPDATE risk SET title = 'Changed elsewhere', version = version + 1 WHERE id = 3")
        con.commit()
        con.close()
        t_changed = timed(document.check_outside_changes)
        print(line("outside-changes check after another's save", t_changed,
                   floor(path, "SELECT count(*), max(id), sum(version) FROM risk")))
        view.close()
        view.deleteLater()
        app.processEvents()
        document.close()
        if windowed_model:
            fts5_experiment(path, risks)


def fts5_experiment(path: Path, risks) -> None:
    """What an FTS5 trigram index over the risk's text columns would cost and give (not used by the
    application yet: it would need triggers or a rebuild to follow every write, and PostgreSQL its own)."""
    text = [f.attr for f in risks.fields if f.kind.value in ("code", "text", "longtext", "enum", "multi")]
    before = path.stat().st_size
    con = sqlite3.connect(path)
    t = time.perf_counter()
    con.execute(f"CREATE VIRTUAL TABLE risk_fts USING fts5({', '.join(repr(c) for c in text)}, "
                "content='risk', content_rowid='id', tokenize='trigram')")
    con.execute("INSERT INTO risk_fts(risk_fts) VALUES ('rebuild')")
    con.commit()
    t_build = time.perf_counter() - t
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = path.stat().st_size
    t = time.perf_counter()
    hits = con.execute("SELECT rowid FROM risk_fts WHERE risk_fts MATCH ? ORDER BY rowid", ('"supplier 996"',)).fetchall()
    t_query = time.perf_counter() - t
    con.close()
    print(f"  FTS5 trigram index (experiment): built in {t_build:.1f} s, file {before / 2**20:.0f} → "
          f"{after / 2**20:.0f} MiB (+{(after - before) / before:.0%}); search 'supplier 996' "
          f"{t_query * 1000:.1f} ms ({len(hits):,} hits)")


def main() -> None:
    run(N)
    if N > 100_000:
        print()
        run(100_000)
    print()
    run(100_000, windowed_model=False)


if __name__ == "__main__":
    main()
