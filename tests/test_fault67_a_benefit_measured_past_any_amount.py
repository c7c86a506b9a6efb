"""Fault round 67: a benefit whose baseline is a number past any amount — 1e308 typed, a column of a hand-edited
office set to it, infinity where SQLite keeps 9e999 (and PostgreSQL "Infinity"). The board pack's PDF was refused
whole, "Unexpected error (OverflowError: cannot convert float infinity to integer)" (ValueError of NaN for
infinity): the financial roll-up's chart scales its axis from the span of its amounts, which overflows. The PDF is
written, the chart left out with a sentence saying why; the Benefits page and its roll-up chart open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store


def _office(tmp_path: Path, baseline: str) -> Path:
    """An office of one financial and one other benefit, each baseline then set to ``baseline`` by hand."""
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Benefits"
    ws.append(["ID", "Title", "Baseline value", "Baseline date", "Target value", "Target date", "Category"])
    ws.append(["B-001", "Faster checkout", 95.5, "2026-01-01", 60, "2027-12-31", "Non-financial"])
    ws.append(["B-002", "Lower running cost", 100, "2026-01-01", 50, "2027-12-31", "Financial - cashable"])
    wb.save(tmp_path / "benefits.xlsx")
    store = Store.open(office)
    try:
        apply_import(store, plan_workbook_import(store, tmp_path / "benefits.xlsx"))
    finally:
        store.close()
    con = sqlite3.connect(office)
    with con:
        con.execute(f"UPDATE benefit SET baseline_value = {baseline}")
    con.close()
    return office


@pytest.mark.parametrize("baseline", ["1e308", "9e999"])
def test_the_pdf_is_written_and_says_the_chart_is_left_out(tmp_path: Path, baseline: str) -> None:
    office = _office(tmp_path, baseline)
    proc = run_cli("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "cumulative planned vs realized: the chart is not drawn — an amount of these benefits is too large" in text
    assert "Lower running cost" in text and "Faster checkout" in text


def test_the_benefits_page_and_its_rollup_chart_open(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.benefits.rollup_chart import RollupChart
    from pmo_desktop.views.document import Document

    document = Document(Store.open(_office(tmp_path, "1e308")))
    chart = RollupChart(document)
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    qtbot.waitExposed(chart)
    chart.refresh()
    qtbot.wait(20)
    chart.grab()  # painted, whatever its amounts
    assert "The chart is not drawn — an amount of these benefits is too large to plot" in chart.not_drawn.text()
