"""Benefit charts on a large plan: status column, program roll-up and benefits map.

5,000 benefits (half financial), 6 plan points and 12 measurements each, 200 projects, 1,000 outputs
and outcomes. Measures the benefits table fetch (status computed for every row), the roll-up by month
and by quarter, and building the map graph. ``PMO_BENCH_BENEFITS`` changes the size.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.benefit_rollup import program_rollup  # noqa: E402
from pmo_desktop.models.benefits import Benefit, BenefitMeasurement, BenefitPlanPoint  # noqa: E402
from pmo_desktop.models.benefits_map import load_map  # noqa: E402
from pmo_desktop.models.links import benefit_outcome, benefit_project, output_outcome  # noqa: E402
from pmo_desktop.models.program import Outcome, Output, Project  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.stakeholder_rules import add_months  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

N = int(os.environ.get("PMO_BENCH_BENEFITS", "5000"))
START = date(2026, 1, 1)


def build(path: Path) -> Store:
    store = Store.create(path)
    with store.transaction() as s:
        s.execute(insert(Project), [{"code": f"P-{i:04d}", "name": f"Project {i}", "version": 1} for i in range(200)])
        s.execute(insert(Outcome), [{"code": f"OC-{i:04d}", "name": f"Outcome {i}", "version": 1} for i in range(1000)])
        s.execute(insert(Output), [{"code": f"OP-{i:04d}", "name": f"Output {i}", "project_id": i % 200 + 1, "version": 1}
                                   for i in range(1000)])
        s.execute(insert(output_outcome), [{"output_id": i + 1, "outcome_id": i + 1} for i in range(1000)])
        s.execute(insert(Benefit), [
            {"code": f"B-{i:05d}", "title": f"Benefit {i}", "category": ("Financial cashable", "Non-financial")[i % 2],
             "unit": "£k/month", "baseline_value": 100.0, "baseline_date": START, "window_start": START,
             "window_end": add_months(START, 36), "version": 1} for i in range(N)])
        s.execute(insert(benefit_outcome), [{"benefit_id": i + 1, "outcome_id": i % 1000 + 1} for i in range(N)])
        s.execute(insert(benefit_project), [{"benefit_id": i + 1, "project_id": i % 200 + 1} for i in range(0, N, 3)])
        s.execute(insert(BenefitPlanPoint), [{"benefit_id": b + 1, "on": add_months(START, 6 * k), "value": 100.0 - 10 * k,
                                              "version": 1} for b in range(N) for k in range(6)])
        s.execute(insert(BenefitMeasurement), [{"benefit_id": b + 1, "on": add_months(START, k), "value": 100.0 - 1.5 * k,
                                                "source": "", "note": "", "version": 1} for b in range(N) for k in range(12)])
    return store


def timed(label: str, fn):
    t = time.perf_counter()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - t:7.3f} s")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = timed(f"build {N:,} benefits", lambda: build(Path(tmp) / "bench.pmo"))
        with store.session() as s:
            rows = timed("benefits table rows (status for every row)", lambda: records.fetch_rows(s, REGISTERS["benefits"]))
            month = timed("program roll-up by month", lambda: program_rollup(s, "month"))
            timed("program roll-up by quarter", lambda: program_rollup(s, "quarter"))
            graph = timed("benefits map graph (nodes, edges, ordering)", lambda: load_map(s))
        print(f"{len(rows):,} rows, {len(month.periods)} months, {len(graph.nodes):,} map nodes, "
              f"{len(graph.edges):,} edges, {len(graph.orphans):,} orphans")
        store.close()


if __name__ == "__main__":
    main()
