"""The board pack of a large office: PDF and workbook, CPU seconds, for N risks and N stakeholders.

    python benchmarks/bench_board_pack.py [--sizes 2000 10000] [--repeat 1]

Builds a fresh office per size (N risks with an action each as ``bench_export.build_office`` makes them,
and N stakeholders by bulk insert), then times, best of --repeat in process CPU time:
  pdf       write_board_pack_pdf (ReportLab)
  workbook  write_board_pack (the Excel pack)
and the PDF's page count, so that growth faster than the records shows as seconds per 1,000 records.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import build_office  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from pmo_desktop.excel.boardpack import write_board_pack  # noqa: E402
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf  # noqa: E402
from pmo_desktop.models.stakeholders import Stakeholder  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

TODAY = date(2026, 12, 5)


def build(path: Path, n: int) -> Store:
    store = build_office(path, n)
    rnd = random.Random(11)
    with store.transaction() as s:
        s.execute(insert(Stakeholder.__table__), [
            {"code": f"S-{i:05d}", "name": f"Stakeholder {i} of the programme", "organisation": f"Org {i % 90}",
             "power": rnd.randint(1, 5), "interest": rnd.randint(1, 5), "owner_id": 1 + i % 200, "version": 1}
            for i in range(1, n + 1)])
    return store


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            store = build(Path(tmp) / "office.pmo", n)
            pdf, xlsx = Path(tmp) / "pack.pdf", Path(tmp) / "pack.xlsx"
            t_pdf = best(lambda s=store, p=pdf: write_board_pack_pdf(s, p, TODAY), args.repeat)
            t_xlsx = best(lambda s=store, p=xlsx: write_board_pack(s, p, TODAY), args.repeat)
            pages = len(re.findall(rb"/Type /Page\b", pdf.read_bytes()))
            print(f"{n:>6} risks + {n} stakeholders: pdf {t_pdf:6.1f} s ({pages} pages, "
                  f"{t_pdf / n * 1000:.2f} s per 1,000), workbook {t_xlsx:5.1f} s", flush=True)


if __name__ == "__main__":
    main()
