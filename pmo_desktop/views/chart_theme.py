"""pyqtgraph charts in the current theme: background, axes, tick text, axis labels, title and legend,
restyled at once when the theme changes. What a chart draws itself (cells, points, labels) it redraws
from ``colours()`` on ``theme().changed``."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject

from .theme import colours, rgba, theme


def theme_plot(plot: pg.PlotWidget) -> None:
    c = colours()
    plot.setBackground(c.background)
    item = plot.getPlotItem()
    for entry in item.axes.values():
        axis = entry["item"]
        axis.setPen(pg.mkPen(c.text, width=1))
        axis.setTextPen(pg.mkPen(c.text))  # also the axis label's colour
    title = item.titleLabel
    if title.text:
        title.setText(title.text, color=c.text)
    legend = item.legend
    if legend is not None:
        legend.setBrush(pg.mkBrush(rgba(c.panel)))
        legend.setPen(pg.mkPen(c.border))
        legend.setLabelTextColor(c.text)
        for _sample, label in legend.items:
            label.setText(label.text)  # setLabelTextColor only takes effect at the next text


class _ThemeFollower(QObject):
    """A child of the chart: its connection ends with the chart."""

    def __init__(self, plot: pg.PlotWidget):
        super().__init__(plot)
        self.plot = plot
        theme().changed.connect(self.apply)
        self.apply()

    def apply(self, *_args) -> None:
        theme_plot(self.plot)


def follow_theme(plot: pg.PlotWidget) -> None:
    """Style the chart in the current theme now and whenever the theme changes."""
    if getattr(plot, "theme_follower", None) is None:
        plot.theme_follower = _ThemeFollower(plot)
