"""Walkthrough leftover (gui43): the board pack printed a financial benefit's "Planned today" with two decimals
(325.22 £k/month) where every other amount of the pack is money whole and grouped (``values.money_text``), and
the workbook pack's roll-up read 903.8 beside the PDF's 904. Every figure of both packs, the same way."""

from __future__ import annotations

import re
from datetime import date

import openpyxl
import pytest
from pypdf import PdfReader

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_data import read_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models.benefit_rules import is_financial, planned_places, planned_text
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.values import money_text, number_text

TODAY = date(2026, 12, 5)
MEASURES = ("baseline_value", "target_value", "planned_now", "latest_actual")
MONEY_FORMAT = "#,##0"  # as ``values.money_text`` prints: whole, grouped by thousands


def measures_are_money(benefit) -> bool:  # a financial benefit's measures are money (£k/month)
    return is_financial(benefit["category"])


@pytest.fixture
def demo(tmp_path):
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    yield store
    store.close()


def test_a_financial_benefits_measures_print_whole_in_the_pdf_pack(demo, tmp_path):
    benefits = read_board_pack(demo, TODAY).benefits
    assert any(b["planned_now"] % 1 for b in benefits if measures_are_money(b))  # a planned value with pence
    text = "\n".join(p.extract_text() for p in PdfReader(write_board_pack_pdf(demo, tmp_path / "p.pdf",
                                                                             today=TODAY)).pages)
    lines = text.splitlines()
    for b in benefits:
        cells = lines[lines.index(b["code"]):lines.index(b["code"]) + 14]  # one cell a line, from its ID
        # another measure's "Planned today", worked out to the day, with the decimals typed beside it (walk 48)
        shown = [money_text(b[m]) if measures_are_money(b) else planned_text(b, b[m], planned_places(benefits))
                 if m == "planned_now" else number_text(b[m]) for m in MEASURES if b[m] is not None]
        assert all(figure in cells for figure in shown), (b["code"], shown, cells)
        if measures_are_money(b):
            assert not any(re.fullmatch(r"[\d,]+\.\d+", cell) for cell in cells), (b["code"], cells)
    assert "76.24" not in text and "76" in text  # seconds at checkout planned today: as whole as 95 and 60 typed


def test_the_workbook_packs_amounts_show_whole_and_keep_every_decimal(demo, tmp_path):
    data = read_board_pack(demo, TODAY)
    book = openpyxl.load_workbook(write_board_pack(demo, tmp_path / "p.xlsx", today=TODAY))
    sheet = book["Benefits"]
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    headers = [c.value for c in rows["ID"]]
    for b in data.benefits:
        for measure, heading in zip(MEASURES, ("Baseline", "Target", "Planned today", "Latest actual")):
            cell = rows[b["code"]][headers.index(heading)]
            if b[measure] is None:
                continue
            assert cell.value == pytest.approx(b[measure], abs=1e-9)  # the value itself, not rounded
            if measures_are_money(b):
                assert cell.number_format == MONEY_FORMAT, (b["code"], heading, cell.number_format)
            else:
                assert "." not in cell.number_format or b[measure] % 1, (b["code"], heading, cell.number_format)
    # the money to date and the roll-up month by month, as the PDF prints them
    money_cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
                   if isinstance(c.value, float) and c.number_format.startswith("#,##0")]
    assert money_cells and all(c.number_format == MONEY_FORMAT for c in money_cells
                               if c.parent.title != "Benefits" or c.row > len(data.benefits) + 2), \
        sorted({(c.parent.title, c.number_format) for c in money_cells})
