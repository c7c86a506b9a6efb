"""The planned and the realized line in one colour each wherever benefits are charted: the board pack's PDF drew the
realized line green where the Benefits page draws it orange, so the pack's lines read otherwise than the page's
in the workshop; the workbook pack's chart took Excel's own colours."""
from __future__ import annotations

from datetime import date

import openpyxl
from reportlab.graphics.charts.lineplots import LinePlot

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_data import read_board_pack
from pmo_desktop.excel.boardpack_pdf import _rollup_chart
from pmo_desktop.models.benefit_rules import PLANNED_COLOUR, REALIZED_COLOUR
from pmo_desktop.models.demo import create_demo
from pmo_desktop.views.benefits import chart_style

TODAY = date(2026, 3, 18)


def test_every_benefits_chart_draws_planned_and_realized_in_the_pages_colours(tmp_path):
    assert (chart_style.PLANNED, chart_style.ACTUAL) == (PLANNED_COLOUR, REALIZED_COLOUR)
    store = create_demo(tmp_path / "demo.pmo", today=TODAY)
    try:
        drawing = _rollup_chart(read_board_pack(store, TODAY).rollups[0])
        plot = next(c for c in drawing.contents if isinstance(c, LinePlot))
        assert [plot.lines[i].strokeColor.hexval().lower() for i in (0, 1)] == \
            ["0x" + PLANNED_COLOUR[1:], "0x" + REALIZED_COLOUR[1:]]
        path = write_board_pack(store, tmp_path / "pack.xlsx", today=TODAY)
    finally:
        store.close()
    charts = [c for ws in openpyxl.load_workbook(path).worksheets for c in ws._charts
              if "planned vs realized" in str(c.title.tx.rich.p[0].r[0].t if c.title and c.title.tx.rich else "")]
    assert charts
    for chart in charts:
        fills = [s.graphicalProperties.line.solidFill.srgbClr for s in chart.series]
        assert [str(getattr(f, "val", f)) for f in fills] == \
            [PLANNED_COLOUR[1:].upper(), REALIZED_COLOUR[1:].upper()]
