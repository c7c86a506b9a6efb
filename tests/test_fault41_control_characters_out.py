"""Fault round 41, control characters on the way out: an office from before they were refused (or written by
another program) may hold a BEL or an ESC in its program's name or a benefit's unit.

Fault injected: such a name and unit — the workbook board pack wrote them as they were into its title, every
page header and a chart's title, XML no reader takes: openpyxl refused the pack as damaged, Excel offered to
repair it. Now each part of every file written is well-formed XML; in the cells the characters stay as Excel
writes them (``_x0007_``), read back as they were (tests/test_excel_export.py)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models.benefits import Benefit
from pmo_desktop.models.program import Program

TODAY = date(2026, 12, 5)


def _well_formed(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                ElementTree.fromstring(z.read(name))  # raises on a character XML cannot carry
    openpyxl.load_workbook(path)


@pytest.mark.parametrize("where", ["program", "unit"])
def test_a_control_character_in_what_is_no_cell_leaves_every_workbook_readable(demo_store, tmp_path: Path,
                                                                              where: str) -> None:
    with demo_store.transaction() as s:
        if where == "program":
            s.query(Program).one().name = "Retail\x07 Transformation\x1b Programme\x01"
        else:
            for benefit in s.query(Benefit):
                benefit.unit = f"{benefit.unit or ''}\x02"
    pack = write_board_pack(demo_store, tmp_path / "pack.xlsx", TODAY)
    _well_formed(pack)
    if where == "program":
        book = openpyxl.load_workbook(pack)
        assert book.properties.title == "Retail Transformation Programme — board pack 2026-12-05"
        assert book.worksheets[0].oddHeader.left.text.startswith("Retail Transformation Programme — board pack")
    _well_formed(export_workbook(demo_store, tmp_path / "office.xlsx"))
