"""Fault round 43: a CSV far longer than an import takes (a system's whole table exported, 200 MB of it). It was
refused, "more than 200,000 rows", but only after every row had been read and held: the text copied at four bytes
a letter, a list of its lines made twice, 1.9 GB for a 200 MB file (`/usr/bin/time pmo-desktop import … --dry-run`).
Now the rows are read from the text itself and no more once past the limit: 476 MB. Measured here with
Python's own count of what it holds at most (tracemalloc), on 2 MB against a limit of 20,000 rows: the same
proportions as 250,000 rows against the 200,000 an import takes (20 MB, 18.5 s of CPU under tracemalloc)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from xlsx_factory import snapshot

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.workbook_reader import Limits


def test_a_csv_of_too_many_rows_is_refused_holding_little_more_than_its_text(sqlite_store, tmp_path: Path) -> None:
    path = tmp_path / "risks.csv"
    line = "Risk number {} about a supplier late with the racks,Ann,Open,lorem ipsum dolor sit amet\r\n"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("Title,Owner,Status,Description\r\n")
        fh.writelines(line.format(i) for i in range(25_000))
    size = path.stat().st_size
    before = snapshot(sqlite_store)
    tracemalloc.start()
    try:
        with pytest.raises(WorkbookError, match="has more than 20,000 rows, more than an import accepts"):
            plan_import(sqlite_store, path, register="risks", limits=Limits(max_rows=20_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # 9.1 times before; 5.1 now: its bytes, its text and the 20,000 rows read, each a list of texts
    assert peak < 7 * size, f"{peak / size:.1f} times the file's {size / 1e6:.0f} MB"
    assert snapshot(sqlite_store) == before
