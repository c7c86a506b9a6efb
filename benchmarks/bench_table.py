"""Open a Projects table of 100,000 rows: fetch the rows and show them in the register view."""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from pmo_desktop.models.program import Person, Project  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

N = int(os.environ.get("PMO_BENCH_ROWS", "100000"))


def build(path: Path) -> None:
    store = Store.create(path)
    start = date(2026, 1, 1)
    with store.transaction() as s:
        s.execute(insert(Person), [{"name": f"Manager {i}"} for i in range(200)])
        s.execute(insert(Project), [
            {"code": f"P-{i:06d}", "name": f"Project {i}", "manager_id": i % 200 + 1, "sponsor_id": (i * 7) % 200 + 1,
             "status": ("Proposed", "Active", "On hold", "Closed")[i % 4], "start_date": start + timedelta(days=i % 365),
             "end_date": start + timedelta(days=365 + i % 365), "budget": float(i * 10), "description": "",
             "version": 1}
            for i in range(N)])
    store.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.registers import REGISTERS
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.pmo"
        build(path)
        t0 = time.perf_counter()
        document = Document(Store.open(path))
        view = RegisterView(document, REGISTERS["projects"])
        view.resize(1400, 800)
        view.show()
        app.processEvents()
        t_open = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # whole process, Qt included
        t1 = time.perf_counter()
        view.table.sortByColumn(view.model.column_of("budget"), __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
        app.processEvents()
        t_sort = time.perf_counter() - t1
        t2 = time.perf_counter()
        view.search.setText("project 9999")
        app.processEvents()
        t_search = time.perf_counter() - t2
        t3 = time.perf_counter()
        view.model.setData(view.proxy.mapToSource(view.proxy.index(0, view.model.column_of("status"))), "Closed")
        app.processEvents()
        t_edit = time.perf_counter() - t3
        t4 = time.perf_counter()
        document.check_outside_changes()
        t_poll = time.perf_counter() - t4
        print(f"{N:,} projects: open file + show table {t_open:.2f} s (process peak RSS {peak / 2**20:.0f} MiB); "
              f"sort {t_sort:.2f} s; search {t_search:.2f} s ({view.proxy.rowCount()} hits); edit one cell {t_edit * 1000:.0f} ms; "
              f"poll for others' changes (none) {t_poll * 1000:.0f} ms")
        document.close()


if __name__ == "__main__":
    main()
