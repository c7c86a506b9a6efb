"""Fault round 41, the board pack's lists in an order a reader follows.

Fault injected: stakeholders of one power and interest whose IDs have more digits than others (S-9, S-10, S-100 —
a register past S-999, or IDs kept from a colleague's sheet) — listed by their text in both packs, S-10, S-100, S-9,
so a 5,000-stakeholder pack read S-1340, S-1345, S-135. Now by their numbers' value; the communications due, on
one day, too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)
CODES = ["ST-100", "ST-9", "ST-1340", "ST-10", "ST-135", "ST-1345"]
IN_ORDER = ["ST-9", "ST-10", "ST-100", "ST-135", "ST-1340", "ST-1345"]


def test_stakeholders_of_one_quadrant_are_listed_by_the_value_of_their_ids(store, tmp_path: Path) -> None:
    with store.transaction() as s:
        for code in CODES:
            records.create_record(s, REGISTERS["stakeholders"], {"code": code, "name": f"Name of {code}",
                                                                 "power": 2, "interest": 2})
    pdf = "\n".join(p.extract_text() for p in PdfReader(write_board_pack_pdf(store, tmp_path / "p.pdf", TODAY)).pages)
    register = pdf[pdf.index("Stakeholder register"):]
    assert sorted(CODES, key=register.index) == IN_ORDER
    book = openpyxl.load_workbook(write_board_pack(store, tmp_path / "p.xlsx", TODAY))
    listed = [c.value for ws in book for row in ws.iter_rows() for c in row if c.value in CODES]
    assert listed == IN_ORDER
