"""The journal of edits kept while a shared office's server is away (models/kept_journal.py): what one kept edit
costs as it is written — an atomic, fsynced rewrite of the office's journal — for 1, 100 and 10,000 cells held,
and the file's size. Run: ``python benchmarks/bench_kept_journal.py`` (best of 5 each)."""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pmo_desktop.models.kept_journal import KeptEdit, KeptJournal, journal_path  # noqa: E402


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="pmo-bench-journal-"))
    url = "postgresql+psycopg://ann:secret@db.example.org/pmo"
    for cells in (1, 100, 10_000):
        journal = KeptJournal(journal_path(folder, f"{url}_{cells}"), url)
        edits = [KeptEdit("risks", i, "title", f"Typed {i}", f"Was {i}", 3, datetime.now().astimezone())
                 for i in range(cells)]
        kept = []
        for owner in range(1, 6):
            start = time.perf_counter()
            journal.keep(owner, edits)
            kept.append(time.perf_counter() - start)
        size = journal.path.stat().st_size
        start = time.perf_counter()
        journal.forget(5)
        forgotten = time.perf_counter() - start
        print(f"{cells:>6,} cells held: kept in {min(kept) * 1000:.1f} ms (median {sorted(kept)[2] * 1000:.1f}), "
              f"journal {size / 1024:,.1f} KiB, saved (entries out, file removed) in {forgotten * 1000:.1f} ms")


if __name__ == "__main__":
    main()
