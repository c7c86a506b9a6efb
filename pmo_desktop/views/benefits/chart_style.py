"""Shared look of the benefit charts: white background, large text, dates on the x axis.

Readable on a projector: 14 pt text, thick lines, high-contrast colours.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pyqtgraph as pg
from PySide6.QtGui import QFont

from ..chart_export import install_export

PLANNED = "#1565c0"
ACTUAL = "#e65100"
BASELINE = "#616161"
TARGET = "#2e7d32"
TODAY = "#c62828"
TEXT = "#212121"
FONT_PT = 14


def to_x(d: date) -> float:
    """A date as the x coordinate DateAxisItem reads: noon UTC, so no time zone shifts a day."""
    return datetime.combine(d, time(12), tzinfo=timezone.utc).timestamp()


def font(size: float = FONT_PT, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def make_plot(parent=None) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w", axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
    plot.setAntialiasing(True)
    item = plot.getPlotItem()
    for name in ("bottom", "left"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(TEXT, width=1))
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setTickFont(font(FONT_PT - 2))
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    install_export(plot)
    return plot


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A one-row legend along the top of the plot (charts leave headroom for it)."""
    legend = plot.getPlotItem().addLegend(offset=(10, 5), labelTextColor=TEXT, labelTextSize=f"{FONT_PT - 1}pt",
                                          brush=pg.mkBrush(255, 255, 255, 230), pen=pg.mkPen("#bdbdbd"),
                                          colCount=6)
    return legend


def set_title(plot: pg.PlotWidget, text: str) -> None:
    plot.getPlotItem().setTitle(text, color=TEXT, size=f"{FONT_PT + 2}pt")


def set_left_label(plot: pg.PlotWidget, text: str) -> None:
    item = plot.getPlotItem()
    item.setLabel("left", text, color=TEXT, **{"font-size": f"{FONT_PT}pt"})
    # pyqtgraph sizes the axis for its default tick font; with projector-sized ticks the label would sit
    # on top of five-digit numbers, so reserve room for both.
    item.getAxis("left").setWidth(int(FONT_PT * 8))
