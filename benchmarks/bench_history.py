"""What the record history, the board snapshots and "as at" cost, as ratios against floors in the same run.

    python benchmarks/bench_history.py [rows]

1. Inserting ``rows`` risks in one transaction (the import's bulk writer) with the history written, against
   the same insert with the history writer switched off.
2. Publishing the PDF board pack (pack + snapshot kept) against writing the same pack alone.
3. Opening the office as at a past date (rebuilt from the history into memory) and reading the risk
   register there, against reading the risk register of the live office.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf  # noqa: E402
from pmo_desktop.excel.boardpack_publish import publish_board_pack  # noqa: E402
from pmo_desktop.models import clock, history, records, snapshots  # noqa: E402
from pmo_desktop.models.office import Office  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

RISKS = REGISTERS["risks"]


def rows(n: int, tag: str) -> list[dict]:
    return [{"title": f"{tag} risk {i}", "probability": 1 + i % 5, "impact": 1 + (i * 7) % 5,
             "status": "Open" if i % 4 else "Closed", "cause": "Because the supplier is stretched."}
            for i in range(n)]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(n: int) -> None:
    folder = Path(tempfile.mkdtemp())
    store = Store.create(folder / "office.pmo")
    office = Office(store)
    real_record = history.record
    history.record = lambda *a, **k: 0  # type: ignore[assignment]  # the floor: the same insert, no history
    try:
        bare = timed(lambda: office.write(records.create_records, RISKS, rows(n, "Floor")))
    finally:
        history.record = real_record  # type: ignore[assignment]
    with clock.frozen(date(2026, 10, 1)):
        kept = timed(lambda: office.write(records.create_records, RISKS, rows(n, "Kept")))
    print(f"insert {n:,} risks          : {kept:6.2f} s with history, {bare:6.2f} s without  "
          f"→ {kept / bare:.2f}×")

    pack = timed(lambda: write_board_pack_pdf(store, folder / "pack.pdf"))
    published = timed(lambda: publish_board_pack(store, folder / "published.pdf"))
    size = office.read(snapshots.latest)
    print(f"board pack PDF              : {published:6.2f} s published (snapshot {size.size / 1e6:.1f} MB kept), "
          f"{pack:6.2f} s written alone → {published / pack:.2f}×")

    live = timed(lambda: office.read(records.fetch_rows, RISKS))
    as_at = timed(lambda: snapshots.open_as_at(office, date(2026, 10, 1)).office.read(records.fetch_rows, RISKS))
    print(f"risk register as at a date : {as_at:6.2f} s, read live {live:6.2f} s → {as_at / live:.1f}×")
    store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
