"""Fault round 41, the workbook board pack with a long program's name, as LibreOffice prints it.

Fault injected: a program's name of 180 letters — each page's header, whole up to Excel's 255 codes, wrapped to a
second line in LibreOffice over the page's first row (the title's top cut off) and ran under the sheet's name on
the right; the title on the summary ran past the print area's right edge, cut mid-word. Now the header is
shortened with "…" to a line, and the title wraps across the summary's tables, its row as tall as its lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.models import records
from pmo_desktop.models.program import Program
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)
TAIL = " — board pack as at 5 Dec 2026"


def _name(store, name: str) -> None:
    with store.transaction() as s:
        program = s.query(Program).one_or_none()
        if program is None:
            records.create_record(s, REGISTERS["program"], {"name": name})
        else:
            program.name = name


@pytest.mark.parametrize("name", [("Digital Transformation and Operational Resilience Programme " * 3).strip(),
                                  "R&D " * 40])
def test_a_long_name_is_a_line_in_the_header_and_wraps_in_the_title(store, tmp_path: Path, name: str) -> None:
    name = name.strip()
    _name(store, name)
    path = write_board_pack(store, tmp_path / "pack.xlsx", TODAY)
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        left = ws.oddHeader.left.text.replace("&&", "&")  # as printed
        assert left.endswith(TAIL) and len(left) <= 100, left
        head = left.removesuffix(TAIL)
        assert head.endswith("…") and name.startswith(head[:-1])
    summary = book["Summary"]
    assert summary["A1"].value == name  # whole on the sheet
    assert "A1:G1" in [str(r) for r in summary.merged_cells.ranges]
    assert summary["A1"].alignment.wrap_text
    assert summary.row_dimensions[1].height >= 26 * 3

