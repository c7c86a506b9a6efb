"""CPU time of the benefit status in SQL (``models/benefit_status_sql.py``) over a large benefits plan: a filter on
it and a sort by it, the best of three, on the plan ``bench_benefits.build`` makes (6 plan points and 12 measurements
a benefit). ``PMO_BENCH_BENEFITS`` sets the size (20,000 here by default); the file given is made once and reused.

    PYTHONPATH=. python benchmarks/bench_benefit_status_sql.py /tmp/b20k.pmo
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("PMO_BENCH_BENEFITS", "20000")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_benefits  # noqa: E402
from sqlalchemy import select  # noqa: E402

from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.benefit_status_sql import BENEFIT_STATUS_SQL  # noqa: E402
from pmo_desktop.models.benefits import Benefit  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402


def main() -> None:
    path = Path(sys.argv[1])
    if not path.exists():
        bench_benefits.build(path).close()
    store = Store.open(path)
    with store.session() as s:
        ctx = records.load_context(s)
        status = BENEFIT_STATUS_SQL(Benefit, ctx)
        for label, query in (("filter", select(Benefit.id).where(status == "At risk")),
                             ("sort", select(Benefit.id).order_by(status, Benefit.id))):
            best = None
            for _ in range(3):
                started = time.process_time()
                rows = len(s.execute(query).all())
                spent = time.process_time() - started
                best = spent if best is None else min(best, spent)
            print(f"{label}: {rows} rows, {best:.2f} s of CPU")
    store.close()


if __name__ == "__main__":
    main()
