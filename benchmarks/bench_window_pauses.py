"""The window's longest pause during a many-record change of a register — held in memory under 50,000 records,
windowed from there (``ROWS`` 100000: ``views/register_table/windowed.py``) — issue 16's "the window never blocked": a 20 ms timer ticks on the GUI thread while each change runs,
and the longest gap between two ticks is how long the window could not paint or take a key. The floor beside it
is the same timer's longest gap over an idle second in the same run.

- Replace All of a word in every title (Ctrl+H, "supplier" → "vendor"), and its Ctrl+Z;
- Delete of 10,000 rows (every other one of the first 20,000), and its Ctrl+Z;
- a paste of 4,000 new rows past the end (Title, Cause);
- Ctrl+D filling the whole Category column from its top cell (Ctrl+Space selects the column), and its Ctrl+Z;
- the whole Category column selected, then scrolling down a page at a time (20 pages);
- and, since round speed44, what a user does first: opening the register (a copy of FILE, shown), a sort by title,
  a filter on the status (and taken off), a search (the first builds the search index) and the same again, the
  table unsorted and scrolled to its end. Each line gives the CPU time of this process beside the wall time, and
  the resident memory after opening and at the end (its peak).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_window_pauses.py [FILE] [ROWS]   # FILE built at the first run

``PMO_BENCH_ONLY=open,sort,filter,search,end,replace,delete,paste,fill,scroll`` runs only those (opening always
runs; at 1,000,000 rows Replace All and the fill take minutes).

Before stop 41: Replace All over 45,000 risks paused the window 5–8 s, deleting 10,000 of them 177 s and their
undo 262 s, a paste of 4,000 rows 40 s. Windowed, 100,000 risks, before round speed43 (docs/speed.md): the fill of
a whole column 5.9–29 s, its undo 3.7–12.6 s (the machine loaded 7–14).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_window_pauses.py /tmp/pmo-bench-100k.pmo 100000
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_big_register as big  # noqa: E402

# The last action's CPU time: this process's (every thread), and the GUI thread's own — the window's own work, which
# the machine's load does not stretch as it stretches the pauses (a thread waiting for the lock, or for a core)
CPU = [0.0, 0.0]


def main() -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand
    from pmo_desktop.views.register_table.windowed import WindowedRegisterModel

    windowed.SEARCH_PAUSE_MS = 0  # the search itself (in use it starts when typing pauses: a timer, no pause)
    only = set(filter(None, os.environ.get("PMO_BENCH_ONLY", "").split(",")))

    def wanted(key: str) -> bool:
        return not only or key in only

    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 45_000
    path = Path(sys.argv[1] if len(sys.argv) > 1 else f"/tmp/pmo-bench-{rows // 1000}k.pmo")
    if not path.exists():
        big.build(path, rows)
    app = QApplication.instance() or QApplication([])
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()

    def settled() -> bool:
        """No part of the action left on a worker: the ids read after a change, a search's or filter's rest
        listed, a sort index built ahead."""
        model = getattr(opened.get("view"), "model", None)
        ahead = getattr(model, "indexes_ahead", None)
        return (getattr(model, "_reloading", None) is None and not getattr(model, "listing", False)
                and (ahead is None or not ahead.is_alive()))

    opened: dict = {}

    def longest(action) -> tuple[float, float]:
        """(the action's wall time, the longest gap between the timer's ticks meanwhile), in seconds."""
        ticks.clear()
        cpu, gui = time.process_time(), time.thread_time()
        start = time.perf_counter()
        ticks.append(start)
        action()
        app.processEvents()
        while not settled():  # the ids still being read on a worker after the change: part of it
            app.processEvents()
            time.sleep(0.002)
        ticks.append(time.perf_counter())
        CPU[0], CPU[1] = time.process_time() - cpu, time.thread_time() - gui
        return ticks[-1] - start, max(b - a for a, b in zip(ticks, ticks[1:]))

    def idle() -> None:
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    _took, floor = longest(idle)
    how = "windowed" if rows >= 50_000 else "in memory"
    print(f"{rows:,} risks {how}; the timer's longest gap when idle (floor): {floor * 1000:.0f} ms", flush=True)

    def report(label: str, figures: tuple[float, float]) -> None:
        took, gap = figures
        print(f"  {label}: {took:.2f} s [CPU {CPU[0]:.2f} s, GUI thread {CPU[1]:.2f} s], longest pause {gap * 1000:.0f} ms "
              f"({gap / floor:.0f}× the floor)", flush=True)

    copy = path.with_name(f"bench-pauses-copy-{os.getpid()}.pmo")
    shutil.copy(path, copy)  # beforehand: the copy is no part of opening

    def open_copy() -> None:
        document = Document(Store.open(copy))
        view = RegisterView(document, REGISTERS["risks"])
        view.resize(1280, 720)
        view.show()
        opened.update(document=document, view=view)

    report("open the register and show it", longest(open_copy))
    document, view = opened["document"], opened["view"]
    print(f"  resident memory after opening: {big.rss_mib()[0]:.0f} MiB", flush=True)
    assert isinstance(view.model, WindowedRegisterModel) == (rows >= 50_000)
    table, column = view.table, view.model.column_of
    if wanted("sort"):
        report("sort by title", longest(lambda: table.sortByColumn(column("title"), Qt.SortOrder.AscendingOrder)))
    if wanted("filter"):
        report("filter the status on Closed", longest(lambda: view.set_column_filter("status", {"Closed"})))
        report("its filter off", longest(lambda: view.set_column_filter("status", None)))
    if wanted("search"):
        report("search 'supplier 996' (the first)", longest(lambda: view.search.setText("supplier 996")))
        view.search.clear()
        app.processEvents()
        report("search 'supplier 995' (again)", longest(lambda: view.search.setText("supplier 995")))
        report("its search cleared", longest(view.search.clear))
    report("unsorted", longest(lambda: table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)))
    if wanted("end"):
        report("scrolled to the end (Ctrl+End)", longest(lambda: (table.setFocus(), QTest.keyClick(
            table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier))))
        QTest.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    if wanted("replace"):
        dialog = view.open_replace()
        dialog.find_edit.setText("supplier")
        dialog.replace_edit.setText("vendor")
        report("Replace All of every title", longest(dialog.replace_all))
        report("its undo", longest(document.undo_stack.undo))
        dialog.close()

    if wanted("delete"):
        ids = [view.model.record_id(r) for r in range(0, min(20_000, rows), 2)]
        report(f"Delete of {len(ids):,} rows", longest(lambda: view._delete_now(
            DeleteRecordsCommand(document, REGISTERS["risks"], ids))))
        report("its undo", longest(document.undo_stack.undo))

    if wanted("paste"):
        view.focus_new_line(view.model.column_of("title"))
        block = "\n".join(f"Pasted risk {i}\tA cause {i}" for i in range(4_000))
        report("a paste of 4,000 new rows (the ✱ line)", longest(lambda: view.paste_text(block, at_end=True)))

    category = column("category")

    def whole_column() -> None:
        table.setFocus()
        table.setCurrentIndex(view.proxy.index(0, category))
        QTest.keyClick(table, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)

    if wanted("fill"):
        whole_column()
        app.processEvents()
        report("Ctrl+D filling the whole Category column", longest(view.duplicate_rows))
        report("its undo", longest(document.undo_stack.undo))
    if wanted("scroll"):
        whole_column()
        app.processEvents()
        bar = table.verticalScrollBar()

        def scroll() -> None:
            for _ in range(20):
                bar.setValue(bar.value() + bar.pageStep())
                app.processEvents()

        report("the whole column selected, 20 pages scrolled", longest(scroll))
    current, peak = big.rss_mib()
    print(f"  resident memory at the end: {current:.0f} MiB (peak {peak:.0f} MiB)", flush=True)
    view.close()
    document.close()
    copy.unlink()
    os._exit(0)


if __name__ == "__main__":
    main()
