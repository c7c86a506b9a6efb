"""Fault round 43, the PDF board pack with a cell taller than a page: a project's asks of the program pasted from a
paper (32,000 letters), a commentary of a thousand short lines. ReportLab stopped the whole pack with "Flowable …
too large on page" — no pack for the board, "Unexpected error (LayoutError)" in the window and on the command line.
Now such a row goes on over the next page, every word of it printed.

Sized to be taller than a page, not to fill 41: asks of 1,000 words (6,900 letters, three pages' height) and a
commentary of 200 lines (four) each stopped the pack before (without ``splitInRow``, LayoutError at page 3), in
a seventh of the time (32,000 letters and 1,000 lines: 13.4 s of CPU for the three tests)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

TODAY = date(2026, 12, 5)
ASKS = " ".join(f"ask{i}" for i in range(1_000))  # whole words, 6,889 letters
LINES = "\n".join(f"line{i}" for i in range(200))


def reported(store) -> None:
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Payments"})
        records.create_record(s, REGISTERS["projects"], {"name": "Ledger"})
        records.create_record(s, REGISTERS["status_reports"], {
            "period": "2026-11", "project": "Payments", "overall": "Amber", "asks": ASKS})
        records.create_record(s, REGISTERS["status_reports"], {
            "period": "2026-11", "project": "Ledger", "overall": "Red", "asks": LINES})


def test_a_cell_taller_than_a_page_goes_on_over_the_next_every_word_printed(store, tmp_path: Path) -> None:
    reported(store)
    pdf = write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    printed = re.findall(r"ask\d+", text)
    assert printed == ASKS.split(), (len(printed), len(ASKS.split()))
    assert re.findall(r"line\d+", text) == LINES.split()


def test_the_command_line_writes_the_pack(tmp_path: Path) -> None:
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    store = Store.open(tmp_path / "office.pmo")
    try:
        reported(store)
    finally:
        store.close()
    done = run_cli("boardpack", "office.pmo", "pack.pdf", "--no-snapshot", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(tmp_path / "pack.pdf").pages) > 8  # 11: the rows go on over the pages they need
