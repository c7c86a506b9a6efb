"""Fault round 65: a CSV of one line of 50 MB and no delimiter — a log, a minified export, a binary's text saved as
.csv. It was refused in words ("No sheet … has a header row naming register columns"), but only after its one cell
had been looked through whole for header words, every register's words in turn: 18 s of CPU on the command line
(`/usr/bin/time pmo-desktop import office.pmo line.csv`), 10 s for 5 MB. A cell longer than Excel lets one be is
now cut past that limit as a workbook's is (its row is refused all the same, "at most 32,767"): 3 s, most of it
reading the file."""

from __future__ import annotations

import resource
from pathlib import Path

from cli_runner import run_cli
from xlsx_factory import snapshot

from pmo_desktop.excel.workbook_reader import DEFAULT_LIMITS, LONGEST_CELL, _read_csv
from pmo_desktop.models.store import Store


def _one_line(path: Path, size: int) -> Path:
    path.write_bytes(b"x" * size)
    return path


def test_a_cell_longer_than_excel_allows_is_cut_past_that_limit_as_a_workbooks(tmp_path: Path) -> None:
    [[cell]] = _read_csv(_one_line(tmp_path / "line.csv", 1_000_000), DEFAULT_LIMITS)
    assert cell == "x" * (LONGEST_CELL + 1)


def test_a_line_of_fifty_megabytes_is_refused_in_words_in_bounded_time(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    store = Store.open(office)
    before = snapshot(store)
    store.close()
    line = _one_line(tmp_path / "line.csv", 50_000_000)
    spent = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = run_cli("import", office, line, cwd=tmp_path, ok=False, process=True)  # killed past 120 s
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - spent.ru_utime + after.ru_stime - spent.ru_stime
    assert "has a header row naming register columns" in proc.stderr, proc.stderr
    assert cpu < 10, f"{cpu:.1f} s of CPU"  # 18 s before; CPU time, which other work on the machine leaves alone
    store = Store.open(office)
    try:
        assert snapshot(store) == before
    finally:
        store.close()
