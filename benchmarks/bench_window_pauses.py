"""The window's longest pause during a many-record change of a register held in memory (under 50,000 records, so
not windowed) — issue 16's "the window never blocked": a 20 ms timer ticks on the GUI thread while each change runs,
and the longest gap between two ticks is how long the window could not paint or take a key. The floor beside it
is the same timer's longest gap over an idle second in the same run.

- Replace All of a word in every title (Ctrl+H, "supplier" → "vendor"), and its Ctrl+Z;
- Delete of 10,000 rows (every other one of the first 20,000), and its Ctrl+Z;
- a paste of 4,000 new rows past the end (Title, Cause).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_window_pauses.py [FILE] [ROWS]   # FILE built at the first run

Before stop 41: Replace All over 45,000 risks paused the window 5–8 s, deleting 10,000 of them 177 s and their
undo 262 s, a paste of 4,000 rows 40 s.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_big_register as big  # noqa: E402
from bench_replace import opened_risks  # noqa: E402


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.register_table.commands import DeleteRecordsCommand

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

    def longest(action) -> tuple[float, float]:
        """(the action's wall time, the longest gap between the timer's ticks meanwhile), in seconds."""
        ticks.clear()
        start = time.perf_counter()
        ticks.append(start)
        action()
        app.processEvents()
        ticks.append(time.perf_counter())
        return ticks[-1] - start, max(b - a for a, b in zip(ticks, ticks[1:]))

    def idle() -> None:
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    _took, floor = longest(idle)
    print(f"{rows:,} risks in memory; the timer's longest gap when idle (floor): {floor * 1000:.0f} ms", flush=True)

    def report(label: str, figures: tuple[float, float]) -> None:
        took, gap = figures
        print(f"  {label}: {took:.2f} s, longest pause {gap * 1000:.0f} ms ({gap / floor:.0f}× the floor)", flush=True)

    document, view = opened_risks(path, "bench-pauses-copy.pmo")
    dialog = view.open_replace()
    dialog.find_edit.setText("supplier")
    dialog.replace_edit.setText("vendor")
    report("Replace All of every title", longest(dialog.replace_all))
    report("its undo", longest(document.undo_stack.undo))
    dialog.close()

    ids = [view.model.record_id(r) for r in range(0, min(20_000, rows), 2)]
    report(f"Delete of {len(ids):,} rows", longest(lambda: view._delete_now(
        DeleteRecordsCommand(document, REGISTERS["risks"], ids))))
    report("its undo", longest(document.undo_stack.undo))

    view.focus_new_line(view.model.column_of("title"))
    block = "\n".join(f"Pasted risk {i}\tA cause {i}" for i in range(4_000))
    report("a paste of 4,000 new rows (the ✱ line)", longest(lambda: view.paste_text(block, at_end=True)))
    view.close()
    document.close()
    os._exit(0)


if __name__ == "__main__":
    main()
