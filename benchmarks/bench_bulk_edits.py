"""The many-cell edits a spreadsheet user makes on a register of 100,000 risks, through the register view as a
user makes them (issue 16, round replace40), each beside a floor measured in the same run — the bare
``executemany`` of the same values (``UPDATE … WHERE id = ?``, ``DELETE … WHERE id = ?``) through the driver:

- Replace All of a word in every title ("supplier" → "vendor": 100,000 cells), and its Ctrl+Z;
- a paste of a 10,000 × 3 block from Excel (Title, Cause, Effect, with its header row), and its Ctrl+Z;
- Ctrl+D (Fill Down) of 100,000 cells of a column (Trigger), and its Ctrl+Z;
- Delete of 10,000 whole rows, and its Ctrl+Z.

Each on a fresh copy of the file (SQLite) or a fresh database (PostgreSQL, a throwaway server on loopback, as the
tests start); wall time from the action to its end (the progress dialog's worker included), the process's CPU
time beside it.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_bulk_edits.py [FILE]   # FILE kept between runs (built at the first)
    PMO_BENCH_PG=1 …        # on PostgreSQL as well (PMO_BENCH_PG_ONLY=1: only);  PMO_BENCH_ONLY=replace,paste,fill,delete
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_big_register as big  # noqa: E402

N = 100_000
ONLY = set(filter(None, os.environ.get("PMO_BENCH_ONLY", "replace,paste,fill,delete").split(",")))


def timed(app, action) -> tuple[float, float]:
    t, cpu = time.perf_counter(), time.process_time()
    action()
    app.processEvents()
    return time.perf_counter() - t, time.process_time() - cpu


def open_view(target):
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView

    app = QApplication.instance() or QApplication([])
    document = Document(Store.open(target))
    document.error.connect(lambda message: print("  error:", message.splitlines()[0], flush=True))
    view = RegisterView(document, REGISTERS["risks"])
    view.resize(1280, 720)
    view.show()
    app.processEvents()
    view.model._finish_listing()
    return app, document, view


def select_block(view, top: int, bottom: int, left: int, right: int, rows: bool = False) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    proxy = view.proxy
    selection = QItemSelection(proxy.index(top, left), proxy.index(bottom, right))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if rows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    view.table.setCurrentIndex(proxy.index(top, left))
    view.table.selectionModel().select(selection, flags)


def actions(view):
    """(name, what it does, the floor's statement and rows as (sql, params) from the ids shown)."""
    model = view.model
    ids = model.ids.tolist()
    title, trigger = model.column_of("title"), model.column_of("trigger")

    def replace():
        dialog = view.open_replace()
        dialog.find_edit.setText("supplier")
        dialog.replace_edit.setText("vendor")
        dialog.replace_all()
        dialog.close()
        return dialog.message.text()

    def paste():
        select_block(view, 0, 0, title, title)
        lines = ["Title\tCause\tEffect"] + [f"Pasted risk {i}\tCause {i}\tEffect {i}" for i in range(10_000)]
        view.paste_text("\n".join(lines) + "\n")

    def fill():
        model.set_cells([(0, trigger, "Supplier misses a weekly call")])  # the top cell, before the clock
        select_block(view, 0, N - 1, trigger, trigger)
        t = time.perf_counter()
        view.fill_down()
        return f"(selection and top cell set before; fill_down {time.perf_counter() - t:.2f} s)"

    def delete():
        select_block(view, 0, 9_999, 0, len(model.fields) - 1, rows=True)
        box = view.delete_rows()  # more than 20 rows: asked first, naming them (gui49); its Delete pressed
        if box is not None:
            next(b for b in box.buttons() if b.text().startswith("Delete")).click()

    return [
        ("replace", "Replace All “supplier” → “vendor” (100,000 titles)", replace,
         ("UPDATE risk SET title = ? WHERE id = ?", [(f"Risk {i} of vendor {i % 997}", rid) for i, rid in enumerate(ids)])),
        ("paste", "Paste 10,000 × 3 (Title, Cause, Effect, with their header)", paste,
         ("UPDATE risk SET title = ?, cause = ?, effect = ? WHERE id = ?",
          [(f"Pasted risk {i}", f"Cause {i}", f"Effect {i}", rid) for i, rid in enumerate(ids[:10_000])])),
        ("fill", "Ctrl+D fill of 100,000 cells (Trigger)", fill,
         ("UPDATE risk SET trigger = ? WHERE id = ?", [("Supplier misses a weekly call", rid) for rid in ids])),
        ("delete", "Delete 10,000 rows", delete,
         ("DELETE FROM risk WHERE id = ?", [(rid,) for rid in ids[:10_000]])),
    ]


def floor_sqlite(path: Path, sql: str, params: list) -> float:
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    t = time.perf_counter()
    con.executemany(sql, params)
    con.commit()
    took = time.perf_counter() - t
    con.close()
    return took


def floor_pg(url: str, sql: str, params: list) -> float:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as con:
        t = time.perf_counter()
        with con.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), params)
        con.commit()
        return time.perf_counter() - t


def run(name: str, fresh, floor) -> None:
    """Each action on a fresh office (``fresh()`` → what ``Store.open`` takes), then its undo; the floor on
    another fresh one."""
    print(name, flush=True)
    for key in ("replace", "paste", "fill", "delete"):
        if key not in ONLY:
            continue
        target = fresh()
        app, document, view = open_view(target)
        entry = next(a for a in actions(view) if a[0] == key)
        _key, label, action, (sql, params) = entry
        said: list = []
        took, cpu = timed(app, lambda said=said, action=action: said.append(action()))
        steps = document.undo_stack.count()
        undo, undo_cpu = timed(app, document.undo_stack.undo) if steps else (float("nan"), float("nan"))
        view.close()
        document.close()
        bare = floor(fresh(), sql, params)
        note = f" — {said[0]}" if said and said[0] else ""
        print(f"  {label}: {took:.2f} s wall ({cpu:.2f} s CPU), undo {undo:.2f} s ({undo_cpu:.2f} s CPU); "
              f"floor {bare:.2f} s, {took / bare:.1f}×{note}", flush=True)


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pmo-bench-100k.pmo")
    if not path.exists():
        big.build(path, N)
    from pmo_desktop.models import search_index
    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store

    store = Store.open(path)  # the search index a searched office has (built at the first write otherwise)
    with store.transaction() as session:
        search_index.ensure(session, REGISTERS["risks"])
    store.close()
    copy = path.with_name("bench-bulk-copy.pmo")

    def fresh_file() -> Path:
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
        shutil.copy(path, copy)
        return copy

    if not os.environ.get("PMO_BENCH_PG_ONLY"):
        run(f"SQLite, {N:,} risks ({path})", fresh_file, floor_sqlite)
    if os.environ.get("PMO_BENCH_PG") or os.environ.get("PMO_BENCH_PG_ONLY"):
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from pg_server import PgServer

        from pmo_desktop.models.store import Store

        server = PgServer.start_or_reason()
        if isinstance(server, str):
            print(f"PostgreSQL: skipped ({server})")
        else:
            made = iter(range(1, 100))

            def fresh_db() -> str:
                url = server.url(server.new_database(f"bulk{next(made)}"))
                Store.create(url).close()
                big.fill_pg(url, N)
                return url

            try:
                run(f"PostgreSQL, {N:,} risks", fresh_db, floor_pg)
            finally:
                server.cleanup()
    os._exit(0)


if __name__ == "__main__":
    main()
