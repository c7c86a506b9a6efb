"""What the check that an office file has room for a change before it commits (store._room_for_the_commit) costs.

    .venv/bin/python benchmarks/bench_room_check.py [calls]

On the demo office, inside an open write transaction that added a risk (so its pages are counted): the mean time
of the check over ``calls`` calls (2,000 by default), and the median of a whole edit for scale (a risk's title
changed and committed, its checkpoint included).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.demo import create_demo  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store, _room_for_the_commit  # noqa: E402

RISKS = REGISTERS["risks"]


def main(calls: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        office = Path(folder) / "demo.pmo"
        create_demo(office).close()
        store = Store.open(office)
        try:
            with store.transaction() as s:
                records.create_record(s, RISKS, {"title": "Counted"})
                driver = s.connection().connection.driver_connection
                start = time.perf_counter()
                for _ in range(calls):
                    _room_for_the_commit(driver, office)
                check = (time.perf_counter() - start) / calls
            with store.session() as s:
                rid = records.fetch_rows(s, RISKS)[0][0]
            edits = []
            for i in range(30):
                start = time.perf_counter()
                with store.transaction() as s:
                    records.update_record(s, RISKS, rid, {"title": f"Edited {i}"})
                edits.append(time.perf_counter() - start)
        finally:
            store.close()
    print(f"room check: {check * 1000:.3f} ms a commit ({calls:,} calls)")
    print(f"whole edit: {statistics.median(edits) * 1000:.1f} ms (median of 30)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
