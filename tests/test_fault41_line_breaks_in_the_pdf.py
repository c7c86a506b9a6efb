"""Fault round 41, line breaks typed in a cell, on the board's paper.

Fault injected: a project's asks of the program typed on lines of their own ("1. Approve the budget" ⏎ "2. Name a
sponsor") and a risk's title over two lines — the PDF pack printed each as one run-on line (a paragraph takes a
line break for a space), where the workbook pack and the window keep the lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)


def test_a_line_break_in_a_cell_is_one_in_the_pdf(store, tmp_path: Path) -> None:
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Payments"})
        records.create_record(s, REGISTERS["status_reports"], {
            "period": "2026-11", "project": "Payments", "overall": "Amber",
            "asks": "1. Approve the budget\n2. Name a sponsor"})
        records.create_record(s, REGISTERS["risks"], {"title": "Supplier late\nand over budget", "probability": 5,
                                                      "impact": 5})
    pages = [p.extract_text() for p in PdfReader(write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)).pages]
    lines = [line.strip() for text in pages for line in text.splitlines()]
    assert "1. Approve the budget" in lines and "2. Name a sponsor" in lines, lines
    assert any(line.endswith("Supplier late") for line in lines) and "and over budget" in " ".join(lines)
