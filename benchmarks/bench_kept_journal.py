"""The journal of edits kept while a shared office's server is away (models/kept_journal.py): what one kept change
costs as it is written — an atomic, fsynced rewrite of the office's journal — and the file's size: a cell typed,
100 and 10,000 cells held, a block of 100,000 cells (a fill or Replace All: kept in the window only before kept53),
and a paste of 10,000 new rows of 8 values each, journaled as they are kept (rows added were kept in the window only
before kept53). Run: ``python benchmarks/bench_kept_journal.py`` (best of 5 each; the rows and the 100,000 cells,
best of 3, each written as its command's ``journal_edits`` makes it)."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models.kept_journal import ADDED, KeptEdit, KeptJournal, journal_path, new_token  # noqa: E402

URL = "postgresql+psycopg://ann:secret@db.example.org/pmo"


def measure(folder: Path, label: str, make, times: int) -> None:
    """``make()`` builds the entries of one kept change (timed with the write, as the window pays both)."""
    journal = KeptJournal(journal_path(folder, f"{URL}_{label.split()[0]}"), URL)
    took = []
    for owner in range(1, times + 1):
        if owner > 1:
            journal.forget(owner - 1)  # saved: the next change kept finds the journal empty again
        start = time.perf_counter()
        journal.keep(owner, make())
        took.append(time.perf_counter() - start)
    size = journal.path.stat().st_size
    start = time.perf_counter()
    journal.forget(times)
    forgotten = time.perf_counter() - start
    took.sort()
    print(f"{label:>32}: kept in {took[0] * 1000:,.1f} ms (median {took[len(took) // 2] * 1000:,.1f}), "
          f"journal {size / 1024:,.1f} KiB, saved (entries out, file removed) in {forgotten * 1000:,.1f} ms")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="pmo-bench-journal-"))
    for cells in (1, 100, 10_000, 100_000):
        def cells_typed(cells: int = cells) -> list[KeptEdit]:
            now = datetime.now().astimezone()
            return [KeptEdit("risks", i, "title", f"Typed {i}", f"Was {i}", 3, now) for i in range(cells)]

        measure(folder, f"{cells:,} cells held", cells_typed, 3 if cells > 10_000 else 5)

    def rows_pasted() -> list[KeptEdit]:
        now = datetime.now().astimezone()
        return [KeptEdit("risks", 0, "", {"title": f"Pasted risk {i}", "cause": f"Cause {i}", "owner": "Ann Example",
                                           "raised_on": date(2026, 12, 6), "probability": 3, "impact": 4,
                                           "status": "Open", "notes": f"Row {i} of the paste", "budget": Decimal("1.5")},
                         None, None, now, f"“Pasted risk {i}”", kind=ADDED, token=new_token()) for i in range(10_000)]

    measure(folder, "10,000 rows added (a paste)", rows_pasted, 3)


if __name__ == "__main__":
    main()
