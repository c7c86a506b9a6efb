"""Risk charts on a large register: heat map counts, trend from history, and the whole Risks page."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from pmo_desktop.models.program import Person, Project  # noqa: E402
from pmo_desktop.models.risks import Risk, RiskHistory  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

N = int(os.environ.get("PMO_BENCH_ROWS", "20000"))
TODAY = date(2026, 11, 25)


def build(path: Path) -> None:
    store = Store.create(path)
    with store.transaction() as s:
        s.execute(insert(Person), [{"name": f"Owner {i}", "version": 1} for i in range(100)])
        s.execute(insert(Project), [{"code": f"P-{i:03d}", "name": f"Project {i}", "version": 1} for i in range(40)])
        s.execute(insert(Risk), [
            {"code": f"R-{i + 1:06d}", "title": f"Risk {i}", "level": "Program" if i % 10 == 0 else "Project",
             "project_id": i % 40 + 1, "owner_id": i % 100 + 1, "probability": i % 5 + 1, "impact": (i * 3) % 5 + 1,
             "residual_probability": max(1, i % 5), "residual_impact": max(1, (i * 3) % 5),
             "status": ("Open", "Open", "Open", "Closed", "Occurred")[i % 5], "version": 1}
            for i in range(N)])
        # Two history rows per risk over the past year: raised, then rescored or closed.
        start = datetime(2025, 12, 1)
        s.execute(insert(RiskHistory), [
            {"risk_id": i + 1, "recorded_at": start + timedelta(hours=(i * 7) % 8000 + k * 500),
             "probability": i % 5 + 1, "impact": (i * 3) % 5 + 1 - k * ((i * 3) % 5 > 0),
             "status": "Open" if k == 0 else ("Open", "Open", "Open", "Closed", "Occurred")[i % 5],
             "level": "Project", "note": ""}
            for i in range(N) for k in (0, 1)])
    store.close()


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from pmo_desktop.models.risk_heatmap import RiskFilter, heat_map
    from pmo_desktop.models.risk_rules import RiskScale
    from pmo_desktop.models.risk_trend import open_risk_trend
    from pmo_desktop.views.document import Document

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "risks.pmo"
        build(path)
        store = Store.open(path)
        scale = RiskScale()
        with store.session() as s:
            t_heat = timed(lambda: heat_map(s, scale, flt=RiskFilter(open_only=True)))
            t_heat_f = timed(lambda: heat_map(s, scale, True, RiskFilter(open_only=True, owners=frozenset({"Owner 7"}))))
            t_trend = timed(lambda: open_risk_trend(s, scale, date(2025, 12, 1), TODAY, "month"))
            t_weeks = timed(lambda: open_risk_trend(s, scale, date(2025, 12, 1), TODAY, "week"))
        t0 = time.perf_counter()
        t_import = time.perf_counter()
        from pmo_desktop.views.risks.page import RisksPage  # pyqtgraph loads here, not at start-up
        t_import = time.perf_counter() - t_import
        document = Document(store)
        page = RisksPage(document)
        page.resize(1400, 850)
        page.show()
        app.processEvents()
        t_page = time.perf_counter() - t0
        t_click = timed(lambda: (page.heat_map.click_cell(3, 4), app.processEvents()))
        t_filter = timed(lambda: (page.filters.choose("statuses", "Open"), app.processEvents(),
                                  page.filters.choose("statuses", None), app.processEvents()), 1)
        print(f"{N:,} risks, {2 * N:,} history rows:\n"
              f"  heat map counts (open) {t_heat * 1000:.0f} ms; residual + owner filter {t_heat_f * 1000:.0f} ms\n"
              f"  trend by month {t_trend * 1000:.0f} ms; by week {t_weeks * 1000:.0f} ms\n"
              f"  Risks page built and shown {t_page:.2f} s (of which importing the page and pyqtgraph {t_import:.2f} s)\n"
              f"  heat map cell click → table filtered {t_click * 1000:.0f} ms; status quick filter on and off {t_filter * 1000:.0f} ms")
        document.close()


if __name__ == "__main__":
    main()
