"""Edit ▸ Replace All over 100,000 risks through the register view's dialog, as a user makes it: the
wall time from the button to "Replaced …" (the matching on the rows read in one query, the values read as
typed, the one transaction of the write), and Ctrl+Z's. A word in every title ("supplier") and one in
about a hundred ("supplier 996") and in 801 ("supplier 99"); a word no cell holds. Each on a fresh copy
of the file. PMO_BENCH_QUICK=1 leaves out the word in every title.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_replace.py [FILE]   # FILE kept between runs (built at the first)
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_big_register as big  # noqa: E402


def opened_risks(path: Path, copy_name: str) -> tuple[Any, Any]:
    """A fresh copy of ``path`` beside it, open on its Risks register view (1280×720, shown): (document, view)."""
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.models.store import Store
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView

    copy = path.with_name(copy_name)
    shutil.copy(path, copy)
    document = Document(Store.open(copy))
    view = RegisterView(document, REGISTERS["risks"])
    view.resize(1280, 720)
    view.show()
    QApplication.processEvents()
    return document, view


def measure(path: Path, find: str, replace: str) -> None:
    from PySide6.QtWidgets import QApplication


    app = QApplication.instance() or QApplication([])
    document, view = opened_risks(path, "bench-replace-copy.pmo")
    dialog = view.open_replace()
    dialog.find_edit.setText(find)
    dialog.replace_edit.setText(replace)
    t, cpu = time.perf_counter(), time.process_time()
    dialog.replace_all()
    app.processEvents()
    took, took_cpu = time.perf_counter() - t, time.process_time() - cpu
    said = dialog.message.text()
    t = time.perf_counter()
    document.undo_stack.undo()
    app.processEvents()
    undo = time.perf_counter() - t
    print(f"“{find}” → “{replace}”: {took:.2f} s wall ({took_cpu:.2f} s CPU), undo {undo:.2f} s — {said}", flush=True)
    dialog.close()
    view.close()
    document.close()


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pmo-bench-100k.pmo")
    if not path.exists():
        big.build(path, 100_000)
    words = [("xyz", "abc"), ("supplier 996", "vendor 996"), ("supplier 99", "vendor 99")]
    if not os.environ.get("PMO_BENCH_QUICK"):  # every title: 135 s before round replace40, 9 s of CPU after
        words.append(("supplier", "vendor"))
    for find, replace in words:
        measure(path, find, replace)
    os._exit(0)


if __name__ == "__main__":
    main()
