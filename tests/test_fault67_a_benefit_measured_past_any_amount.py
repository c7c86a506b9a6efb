"""Fault round 67: a benefit whose baseline is a number past any amount — 1e308 typed, a column of a hand-edited
office set to it, infinity where SQLite keeps 9e999 (and PostgreSQL "Infinity"). The board pack's PDF was refused
whole, "Unexpected error (OverflowError: cannot convert float infinity to integer)" (ValueError of NaN for
infinity): the financial roll-up's chart scales its axis from the span of its amounts, which overflows. The PDF is
written, the chart left out with a sentence saying why; the Benefits page and its roll-up chart open."""

from __future__ import annotations

from pathlib import Path

import pytest
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.models.store import Store


def _office(tmp_path: Path, baseline: str) -> Path:
    """An office of one financial and one other benefit, each baseline then set to ``baseline`` by hand."""
    return benefits_office(tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST], f"UPDATE benefit SET baseline_value = {baseline}")


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
