"""What the check of a leftover -wal (models/stale_wal.py) costs when an office opens.

    .venv/bin/python benchmarks/bench_wal_check.py [runs]

On the demo office with 3,000 more risks: the median time of ``stale_wal.verdict`` with no -wal (the usual
open), with the -wal a kill of the office itself left after one edit, with the same -wal beside an older
copy (foreign), and with the -wal of a kill in the middle of a 20,000-row import's commit held in the -wal
(thousands of frames: the longest walk); then the median of a whole ``Store.open`` + ``close`` with no
-wal, for scale, and of one edit (where the stamp is paid: one page more in the -wal and the
checkpoint). Run it with PYTHONPATH at another tree (main) to get that tree's open for comparison: the
verdict lines are skipped where there is no check.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, os.environ.get("PYTHONPATH", "").split(os.pathsep)[0] or str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models import records  # noqa: E402
from pmo_desktop.models.demo import create_demo  # noqa: E402
from pmo_desktop.models.registers import REGISTERS  # noqa: E402
from pmo_desktop.models.store import Store  # noqa: E402

try:
    from pmo_desktop.models import stale_wal
except ImportError:  # a tree without the check
    stale_wal = None  # type: ignore[assignment]

CHILD = """
import sys, time
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
store = Store.open(sys.argv[1])
rows = int(sys.argv[2])
reader = store.engine.connect(); reader.begin(); reader.exec_driver_sql("SELECT count(*) FROM risk").all()
with store.transaction() as s:
    records.create_records(s, REGISTERS["risks"], [{"title": f"Crash {i}", "probability": 2, "impact": 3} for i in range(rows)])
print("committed", flush=True)
time.sleep(600)
"""


def killed(path: Path, rows: int) -> None:
    root = sys.path[0]
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(rows)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": root})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "committed"
    proc.kill()
    proc.wait()


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = folder / "base.pmo"
        store = create_demo(base)
        with store.transaction() as s:
            records.create_records(s, REGISTERS["risks"], [
                {"title": f"Risk {i} " + "y" * 100, "probability": 2, "impact": 3} for i in range(3000)])
        store.close()
        print(f"office: {base.stat().st_size / 1e6:.1f} MB")
        if stale_wal is not None:
            one = folder / "one" / "office.pmo"
            one.parent.mkdir()
            shutil.copyfile(base, one)
            store = Store.open(one)  # a session after the copy "base" was made, so base is older
            with store.transaction() as s:
                records.create_record(s, REGISTERS["risks"], {"title": "After the copy", "probability": 1, "impact": 1})
            store.close()
            killed(one, 1)
            big = folder / "big" / "office.pmo"
            big.parent.mkdir()
            shutil.copyfile(base, big)
            killed(big, 20000)
            older = folder / "older"
            shutil.copytree(one.parent, older)
            shutil.copyfile(base, older / "office.pmo")
            for label, path in (("no -wal", base), ("its own crash -wal, one edit", one),
                                ("another file's -wal (an older copy)", older / "office.pmo"),
                                ("its own crash -wal, a 20,000-row import", big)):
                wal = Path(f"{path}-wal")
                found = stale_wal.verdict(path)
                size = f"{wal.stat().st_size / 1e6:.2f} MB -wal, {found.frames} frames" if wal.exists() else "no -wal"
                print(f"verdict, {label} ({size}): {found.verdict.value}, "
                      f"median {median_ms(lambda p=path: stale_wal.verdict(p), runs):.3f} ms")  # type: ignore[misc]

        def open_close() -> None:
            Store.open(base).close()

        print(f"Store.open + close, no -wal: median {median_ms(open_close, max(runs // 3, 5)):.1f} ms")
        store = Store.open(base)  # an edit as the window makes one: its own transaction, then the checkpoint
        try:
            with store.transaction() as s:
                rid = records.create_record(s, REGISTERS["projects"], {"name": "P"}).id
            version = [None]

            def edit() -> None:
                with store.transaction() as s:
                    version[0] = records.update_record(s, REGISTERS["projects"], rid, {"name": f"P {time.time()}"},
                                                       expected_version=version[0])

            print(f"one edit (its transaction and checkpoint): median {median_ms(edit, runs * 5):.2f} ms")
        finally:
            store.close()


if __name__ == "__main__":
    main()
