"""Fault round 66: an impact rated the RMMM way (classes67: 1 catastrophic … 4 negligible) is read inverted, and
the sheet's note says so — but only a cell holding a number was inverted. A CSV's cells are text, as are numbers
an .xlsx stores as text (a sheet pasted from a web page, a column formatted as Text): "1" was read at face value,
a catastrophic risk imported at the lowest impact, under a note saying 1 was read as 5. A rating's number
written as text is that number."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.store import Store

ROWS = [["Risk", "Category", "Probability", "Impact", "RE", "Pointer to RMMM"],
        ["Server room floods", "Technical", "60%", "1", "", "R1"],
        ["Key developer leaves", "People", "40%", "2", "", "R2"],
        ["Vendor is late", "Supplier", "30%", " 3 ", "", "R3"],
        ["Report template changes", "Process", "20%", "4", "", "R4"]]


def _write(path: Path) -> Path:
    if path.suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(ROWS)
    else:  # numbers stored as text in a workbook
        book = openpyxl.Workbook()
        for row in ROWS:
            book.active.append(row)
        book.save(path)
    return path


@pytest.mark.parametrize("name", ["rmmm.csv", "rmmm.xlsx"])
def test_an_rmmm_impact_written_as_text_is_read_inverted(tmp_path: Path, name: str) -> None:
    store = Store.create(tmp_path / "office.pmo")
    try:
        [sheet] = plan_import(store, _write(tmp_path / name)).sheets
    finally:
        store.close()
    assert "read inverted, 1 as 5" in sheet.note, sheet.note
    assert [r.values["impact"] for r in sheet.rows] == [5, 4, 3, 2]  # 1, 2, 3, 4 before: the flood the least
