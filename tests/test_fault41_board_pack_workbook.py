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
from program_name import name_program

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)
TAIL = " — board pack as at 5 Dec 2026"




@pytest.mark.parametrize("name", [("Digital Transformation and Operational Resilience Programme " * 3).strip(),
                                  "R&D " * 40])
def test_a_long_name_is_a_line_in_the_header_and_wraps_in_the_title(store, tmp_path: Path, name: str) -> None:
    name = name.strip()
    name_program(store, name)
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



def test_rows_are_as_tall_as_their_lines_and_no_taller_than_excel_takes(store, tmp_path: Path) -> None:
    """Fault injected: a risk's title of 60 Chinese letters (each as wide as two) and one typed on three short lines
    were given the height of 2 and 1 lines, their other lines cut off on paper; a project's asks of 3,000 letters a
    row of 945 points, past the 409 Excel's rows take."""
    chinese = "供应商延迟导致系统上线推迟三个月以上的风险" * 3  # 63 letters, 126 columns' width
    typed = "Supplier late\nBudget cut\nKey person leaves"
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Payments"})
        records.create_record(s, REGISTERS["status_reports"], {"period": "2026-11", "project": "Payments",
                                                               "overall": "Amber", "asks": "Decide now. " * 250})
        for title in (chinese, typed):
            records.create_record(s, REGISTERS["risks"], {"title": title, "probability": 5, "impact": 5})
    book = openpyxl.load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", TODAY))
    top = book["Top risks"]
    rows = {top.cell(r, 3).value: top.row_dimensions[r].height for r in range(1, top.max_row + 1)}
    assert rows[chinese] >= 15 * 3 and rows[typed] >= 15 * 3
    heights = [ws.row_dimensions[r].height or 0 for ws in book for r in range(1, ws.max_row + 1)]
    assert max(heights) <= 409
