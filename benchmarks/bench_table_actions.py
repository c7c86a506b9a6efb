"""Sorts and filters of 100,000 risks through the table, as a user makes them (header, filter menu's
pick), until their rows are painted and every id is listed: CPU time of the process (its workers
included), the median of PMO_BENCH_REPS runs, windowed — and with PMO_BENCH_MEMORY=1 also through the
in-memory table of the issue's first version (the "before" of the 100,000-row goal), with the ratio.
The runs repeat the same actions, so a windowed table that keeps the windows it showed answers them from
those; the first round (each action the first time in the process, the table just opened) is printed
too, beside the in-memory table's median (which keeps nothing).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_table_actions.py [FILE]   # FILE kept between runs
                                                                            # (built at the first)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_big_register as big  # noqa: E402


def measure(path: Path, in_memory: bool, reps: int) -> tuple[dict[str, float], dict[str, float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    app = QApplication.instance() or QApplication([])
    windowed.SEARCH_PAUSE_MS = 0
    windowed.WINDOWED_FROM = 10**12 if in_memory else 50_000
    document = Document(Store.open(path))
    view = RegisterView(document, REGISTERS["risks"])
    view.resize(1400, 800)
    view.show()
    app.processEvents()
    ahead = getattr(view.model, "indexes_ahead", None)
    if ahead is not None:
        ahead.join()
    # numpy imported on a worker a moment after the first rows are painted (``import_numpy_ahead``): the
    # user looks at the table just opened, as for the indexes built ahead; the timed actions start after it
    waited = time.perf_counter()
    while "numpy" not in sys.modules and time.perf_counter() - waited < 2:  # (a checkout without it: 2 s)
        app.processEvents()
        time.sleep(0.01)
    numpy_ahead = getattr(windowed, "numpy_ahead", lambda: None)()
    if numpy_ahead is not None:
        numpy_ahead.join()
    # the columns ranked on a worker a moment after the first paint (``rank_columns_ahead``), as numpy: waited
    # for (2 s at most for it to start: a checkout without it), its CPU printed apart
    ranked_cpu = time.process_time()
    while (not in_memory and getattr(view.model, "ranks_ahead", False) is None
           and time.perf_counter() - waited < 2):
        app.processEvents()
        time.sleep(0.01)
    ranks_ahead = getattr(view.model, "ranks_ahead", None)
    if ranks_ahead is not None:
        ranks_ahead.join()
        app.processEvents()
        print(f"columns ranked ahead: {(time.process_time() - ranked_cpu) * 1000:.0f} ms of CPU", flush=True)
    column = view.model.column_of
    actions = [
        ("sort title", lambda: view.table.sortByColumn(column("title"), Qt.SortOrder.AscendingOrder)),
        ("sort score desc", lambda: view.table.sortByColumn(column("inherent_score"), Qt.SortOrder.DescendingOrder)),
        ("sort category", lambda: view.table.sortByColumn(column("category"), Qt.SortOrder.AscendingOrder)),
        ("filter status", lambda: view.set_column_filter("status", {"Closed"})),
        ("filter off", lambda: view.set_column_filter("status", None)),
        ("filter rating", lambda: view.set_column_filter("inherent_rating", {"Critical"})),
        ("its filter off", lambda: view.set_column_filter("inherent_rating", None)),
        ("unsorted", lambda: view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)),
    ]
    took: dict[str, list[float]] = {}
    first: dict[str, float] = {}
    for rep in range(reps + 1):  # the first round warms up (first compiles, first pages): printed apart
        for name, action in actions:
            cpu = time.process_time()
            action()
            app.processEvents()
            big.listed(view, app)
            if rep:
                took.setdefault(name, []).append(time.process_time() - cpu)
            else:
                first[name] = time.process_time() - cpu
    view.close()
    view.deleteLater()
    app.processEvents()
    document.close()
    return {name: statistics.median(times) for name, times in took.items()}, first


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pmo-bench-100k.pmo")
    if not path.exists():
        big.build(path, 100_000)
    reps = int(os.environ.get("PMO_BENCH_REPS", "3"))
    windowed, first = measure(path, False, reps)
    print("windowed, CPU ms:  " + "  ".join(f"{k} {v * 1000:.0f}" for k, v in windowed.items()), flush=True)
    print("  the first time:  " + "  ".join(f"{k} {v * 1000:.0f}" for k, v in first.items()), flush=True)
    if os.environ.get("PMO_BENCH_MEMORY"):
        memory, _ = measure(path, True, 1)
        print("in memory, CPU ms: " + "  ".join(f"{k} {v * 1000:.0f}" for k, v in memory.items()))
        print("ratio:             " + "  ".join(f"{k} {memory[k] / windowed[k]:.1f}×" for k in windowed))
        print("  the first time:  " + "  ".join(f"{k} {memory[k] / first[k]:.1f}×" for k in first))
    os._exit(0)  # the Qt objects' teardown at exit is not measured


if __name__ == "__main__":
    main()
