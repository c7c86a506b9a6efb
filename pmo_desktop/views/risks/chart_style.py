"""Projector-readable chart styling shared by the risk charts: the theme's background, large fonts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from ...models.colours import ink_on
from ..chart_export import install_export
from ..chart_theme import follow_theme
from ..theme import colours

AXIS_PT = 14
LABEL_PT = 16
TITLE_PT = 18
COUNT_PT = 28


def font(points: int, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSize(points)
    f.setBold(bold)
    return f


def style_plot(plot: pg.PlotWidget) -> None:
    item = plot.getPlotItem()
    follow_theme(plot)  # background, axes and text in the theme's colours, now and when it changes
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setStyle(tickFont=font(AXIS_PT), tickTextOffset=8)
    item.hideButtons()
    item.setMenuEnabled(False)
    install_export(plot)


def set_axis_label(plot: pg.PlotWidget, side: str, text: str) -> None:
    plot.getPlotItem().setLabel(side, text, **{"color": colours().text, "font-size": f"{LABEL_PT}pt", "font-weight": "bold"})


def set_title(plot: pg.PlotWidget, text: str, points: float = TITLE_PT, colour: str | None = None) -> None:
    plot.getPlotItem().setTitle(text, color=colour or colours().text, size=f"{points:g}pt", bold=True)


def text_on(colour: str) -> str:
    return ink_on(QColor(colour).name()).lower()
