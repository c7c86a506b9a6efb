"""Export speed and memory for a large office, beside a bare openpyxl write-only pass in the same run.

    python benchmarks/bench_export.py [--risks 10000] [--repeat 3]

Builds a fresh office with N risks (one action each, owners, projects, links) by bulk inserts, then
times, best of --repeat:
  fetch      records.fetch_rows of the risks and actions (what any export must read)
  read       the export's own snapshot read (rows, parent IDs, dropdown names)
  bare       openpyxl write-only workbook appending the same rows as plain values, then save
  export     export_workbook(registers=["risks"]): styled sheets, dropdowns, colours, Lists sheet
  boardpack  write_board_pack: aggregates + top risks, heat maps, charts
and reports export / (fetch + bare), the writing part alone against bare, and peak Python memory
(tracemalloc, measured in separate runs so it does not distort the timings). Target: within 1.5×.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from pmo_desktop.excel.boardpack import write_board_pack  # noqa: E402
from pmo_desktop.excel.export import export_workbook, read_export  # noqa: E402
from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.links import risk_project  # noqa: E402
from pmo_desktop.models.program import Person, Project  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.registers.risks import CATEGORIES, IMPACT_AREAS, RESPONSES  # noqa: E402
from pmo_desktop.models.risks import Risk, RiskAction  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402


def build_office(path: Path, n: int, seed: int = 7) -> Store:
    rnd = random.Random(seed)
    store = Store.create(path, program_name="Benchmark program")
    start = date(2025, 1, 1)
    with store.transaction() as s:
        s.execute(insert(Person.__table__), [{"name": f"Person {i:03d}", "version": 1} for i in range(200)])
        s.execute(insert(Project.__table__), [{"code": f"P-{i:02d}", "name": f"Project {i:02d}", "status": "Active",
                                               "version": 1} for i in range(30)])
        risks = []
        for i in range(1, n + 1):
            p, im = rnd.randint(1, 5), rnd.randint(1, 5)
            risks.append({
                "id": i, "code": f"R-{i:05d}", "title": f"Risk {i}: supplier or capacity problem {rnd.random():.6f}",
                "kind": "Threat", "category": rnd.choice(CATEGORIES), "level": rnd.choice(("Project", "Program")),
                "project_id": rnd.randint(1, 30), "owner_id": rnd.randint(1, 200),
                "raised_on": start + timedelta(days=rnd.randint(0, 600)),
                "proximity": start + timedelta(days=rnd.randint(300, 900)),
                "probability": p, "impact": im,
                "residual_probability": max(1, p - rnd.randint(0, 2)), "residual_impact": max(1, im - rnd.randint(0, 1)),
                "impact_areas": "; ".join(rnd.sample(IMPACT_AREAS, 2)), "response": rnd.choice(RESPONSES[:4]),
                "status": rnd.choice(("Open", "Open", "Open", "Closed")),
                "cause": "Because the market is volatile and lead times are long." * rnd.randint(1, 3),
                "event": "The supplier fails to deliver on time.", "effect": "Go-live slips by a month.",
                "trigger": "", "notes": "=1+1" if i % 1000 == 0 else "Reviewed at the monthly board.",
                "escalated": i % 7 == 0, "escalation_reason": "", "version": 1,
            })
        s.execute(insert(Risk.__table__), risks)
        s.execute(insert(risk_project), [{"risk_id": i, "project_id": 1 + i % 30} for i in range(1, n + 1)])
        s.execute(insert(RiskAction.__table__), [
            {"risk_id": i, "description": f"Mitigate risk {i}", "actionee_id": 1 + i % 200,
             "due": start + timedelta(days=i % 700), "status": "In progress", "version": 1} for i in range(1, n + 1)])
    return store


def fetch(store: Store):
    with store.session() as s:
        return records.fetch_rows(s, REGISTERS["risks"]), records.fetch_rows(s, REGISTERS["risk_actions"])


def bare_write(rows, out: Path) -> None:
    risks, actions = rows
    wb = Workbook(write_only=True)
    for title, data in (("Risk register", risks), ("Risk actions", actions)):
        ws = wb.create_sheet(title)
        for r in data:
            ws.append(r[2:])
    wb.save(out)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--risks", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        store = build_office(tmp / "bench.pmo", args.risks)
        print(f"built an office of {args.risks:,} risks and {args.risks:,} actions in {time.perf_counter() - t:.2f}s")
        rows = fetch(store)

        t_fetch = best(lambda: fetch(store), args.repeat)
        t_bare = best(lambda: bare_write(rows, tmp / "bare.xlsx"), args.repeat)
        t_read = best(lambda: read_export(store, ["risks"]), args.repeat)
        t_export = best(lambda: export_workbook(store, tmp / "export.xlsx", registers=["risks"]), args.repeat)
        t_pack = best(lambda: write_board_pack(store, tmp / "pack.xlsx"), args.repeat)

        m_bare = peak_mib(lambda: bare_write(rows, tmp / "bare.xlsx"))
        m_fetch = peak_mib(lambda: fetch(store))
        m_export = peak_mib(lambda: export_workbook(store, tmp / "export.xlsx", registers=["risks"]))
        m_pack = peak_mib(lambda: write_board_pack(store, tmp / "pack.xlsx"))
        store.close()

        baseline = t_fetch + t_bare
        print(f"fetch rows (risks + actions)       {t_fetch:7.3f}s  peak {m_fetch:6.1f} MiB")
        print(f"bare openpyxl write-only pass      {t_bare:7.3f}s  peak {m_bare:6.1f} MiB")
        print(f"fetch + bare                       {baseline:7.3f}s")
        print(f"export_workbook (risks)            {t_export:7.3f}s  peak {m_export:6.1f} MiB"
              f"   ratio to fetch + bare {t_export / baseline:.2f}x")
        print(f"  of which reading (snapshot)      {t_read:7.3f}s")
        print(f"  of which writing, vs bare        {t_export - t_read:7.3f}s"
              f"   ratio {(t_export - t_read) / t_bare:.2f}x")
        print(f"write_board_pack                   {t_pack:7.3f}s  peak {m_pack:6.1f} MiB"
              f"   ratio to fetch + bare {t_pack / baseline:.2f}x")
        print(f"file sizes: bare {(tmp / 'bare.xlsx').stat().st_size / 1e6:.1f} MB, export "
              f"{(tmp / 'export.xlsx').stat().st_size / 1e6:.1f} MB, board pack {(tmp / 'pack.xlsx').stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
