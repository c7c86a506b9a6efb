"""Shared look of the benefit charts: the theme's background, large text, dates on the x axis.

Readable on a projector: 14 pt text, thick lines, high-contrast colours.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone
from functools import partial

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

from ...models.benefit_rules import PLANNED_COLOUR, REALIZED_COLOUR
from ..chart_export import install_export
from ..chart_theme import follow_theme
from ..theme import colours, rgba

PLANNED = PLANNED_COLOUR
ACTUAL = REALIZED_COLOUR
BASELINE = "#616161"
TARGET = "#2e7d32"
TODAY = "#c62828"
FONT_PT = 14
LEFT_AXIS_PX = FONT_PT * 8  # room for a projector-sized label beside five-digit tick numbers


def to_x(d: date) -> float:
    """A date as the x coordinate DateAxisItem reads: noon UTC, so no time zone shifts a day."""
    return datetime.combine(d, time(12), tzinfo=timezone.utc).timestamp()


def font(size: float = FONT_PT, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def from_x(x: float) -> date:
    return datetime.fromtimestamp(x, tz=timezone.utc).date()


class MonthAxis(pg.AxisItem):
    """Dates on the x axis as months (“Jan 2027”, “Apr”, “Jul” …), every 1, 2, 3, 6 or 12 months so
    the labels never crowd; the year is written on January and on the first tick. With no dates
    (nothing selected) it shows no ticks at all rather than meaningless numbers."""

    def __init__(self, **kwargs):
        super().__init__("bottom", **kwargs)
        self.enabled = True

    def month_ticks(self, low: float, high: float, width_px: float) -> list[date]:
        if not self.enabled or high <= low or low < 0:
            return []
        start, end = from_x(low), from_x(high)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        label_px = QFontMetricsF(self.style.get("tickFont") or QFont()).horizontalAdvance("Mar 2027") * 1.4
        fit = max(1, int(width_px // max(label_px, 1)))
        step = next((s for s in MONTH_STEPS if months / s <= fit), MONTH_STEPS[-1])
        ticks, y, m = [], start.year, start.month
        while (y, m) <= (end.year, end.month):
            first = date(y, m, 1)
            if (y * 12 + m - 1) % step == 0 and low <= to_x(first) <= high:
                ticks.append(first)
            m += 1
            if m > 12:
                y, m = y + 1, 1
        return ticks

    def tickValues(self, minVal, maxVal, size):
        ticks = self.month_ticks(minVal, maxVal, size)
        return [(1.0, [to_x(d) for d in ticks])] if ticks else []

    def tickStrings(self, values, scale, spacing):
        out, previous_year = [], None
        for n, x in enumerate(values):
            d = from_x(x)
            show_year = n == 0 or d.month == 1 or d.year != previous_year
            out.append(f"{_MONTHS[d.month - 1]} {d.year}" if show_year else _MONTHS[d.month - 1])
            previous_year = d.year
        return out


_LONG_WHOLE = re.compile(r"^([-−]?)(\d{4,})")


class AmountAxis(pg.AxisItem):
    """Amounts on the y axis grouped by thousands ("10,000"), as the figures beside the chart write them: a
    projector's audience read "10000" beside "8,532" as another number."""

    def __init__(self, **kwargs):
        super().__init__("left", **kwargs)

    def tickStrings(self, values, scale, spacing):
        return [text if "e" in text else _LONG_WHOLE.sub(lambda m: m[1] + f"{int(m[2]):,}", text)
                for text in super().tickStrings(values, scale, spacing)]


def make_plot(parent=None) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, axisItems={"bottom": MonthAxis(), "left": AmountAxis()})
    plot.setAntialiasing(True)
    item = plot.getPlotItem()
    follow_theme(plot)  # background, axes, title and legend in the theme's colours, now and when it changes
    for name in ("bottom", "left"):
        axis = item.getAxis(name)
        axis.setTickFont(font(FONT_PT - 2))
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    install_export(plot)
    return plot


def add_legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """A one-row legend along the top of the plot (charts leave headroom for it)."""
    legend = plot.getPlotItem().addLegend(offset=(10, 5), labelTextColor=colours().text,
                                          labelTextSize=f"{FONT_PT - 1}pt", brush=pg.mkBrush(rgba(colours().panel)),
                                          pen=pg.mkPen(colours().border),
                                          colCount=6)
    return legend


def fit_legend(plot: pg.PlotWidget, legend: pg.LegendItem) -> float:
    """The legend in as few rows as fit the plot's width, measured as drawn (any scale, any zoom); returns
    the share of the plot's height to keep free above the data for it. A chart too short to spare it (more
    than half its height) draws no legend rather than one over its data, and keeps no room."""
    vb = plot.getPlotItem().getViewBox()
    for columns in (6, 5, 3, 2, 1):
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
        if legend.boundingRect().width() <= vb.width() - 20:
            break
    share = (legend.boundingRect().height() + 5 + FONT_PT * 2.2) / max(vb.height(), 1)
    legend.setVisible(share <= 0.5)
    return share if share <= 0.5 else 0.0


def set_title(plot: pg.PlotWidget, text: str, *shorter: str) -> None:
    """The title, shortened with "…" to the plot's width: pyqtgraph widens the whole plot to a title's
    length, which pushed the plot's right end (the target, the last dates) out of a narrow pane. Shorter
    wordings given are tried first, whole, before any is cut: "B-001: no trajectory yet, plan drawn…" lost the
    very words that said what the line is, where "B-001: plan drawn baseline → target" fits."""
    plot.setProperty("full_title", text)
    plot.setProperty("shorter_titles", list(shorter))
    item = plot.getPlotItem()
    room = max(80, plot.width() - LEFT_AXIS_PX - 40)  # the title sits right of the left axis

    def drawn_width(shown: str) -> float:  # measured as drawn (the label's own font and size)
        item.setTitle(shown, color=colours().text, size=f"{FONT_PT + 2}pt")
        return item.titleLabel.item.boundingRect().width()

    for wording in (text, *shorter):
        if drawn_width(wording) <= room:
            return
    text = shorter[-1] if shorter else text
    shown = text
    for _ in range(4):  # shortened until it fits
        drawn = drawn_width(shown)
        if drawn <= room or len(shown) < 8:
            return
        keep = max(4, int(len(text) * room / max(drawn, 1) * len(shown) / len(text)) - 2)
        shown = text[:keep].rstrip() + "…"


def fit_title(plot: pg.PlotWidget) -> None:
    """After a resize: the title and the left axis's label set last, shortened again to the new size."""
    text = plot.property("full_title")
    if isinstance(text, str):
        set_title(plot, text, *(plot.property("shorter_titles") or []))
    label = plot.property("full_left_label")
    if isinstance(label, str):
        set_left_label(plot, label, plot.property("left_label_unit") or "")


def _refit_left_label(plot: pg.PlotWidget, *_args) -> None:
    label = plot.property("full_left_label")
    room = plot.getPlotItem().getViewBox().height()
    if isinstance(label, str) and room != plot.property("left_label_room"):
        plot.setProperty("left_label_room", room)
        set_left_label(plot, label, plot.property("left_label_unit") or "")


def set_left_label(plot: pg.PlotWidget, text: str, unit: str = "") -> None:
    """The left axis's label, drawn up the axis: on a chart shorter than the label (a large scale, a small
    pane) the unit alone ("£k" of "Financial benefit (£k)", or ``unit`` where the text names it in words:
    "transactions" of "Transactions per till per hour"), else the text shortened with "…" — not a label cut at
    both ends ("ancial benefit (£k")."""
    plot.setProperty("full_left_label", text)
    plot.setProperty("left_label_unit", unit)
    item = plot.getPlotItem()
    if not plot.property("left_label_follows"):  # the plot's own height settles after the widget's resize
        plot.setProperty("left_label_follows", True)
        item.getViewBox().sigResized.connect(partial(_refit_left_label, plot))
        item.getViewBox().sigYRangeChanged.connect(partial(fit_left_axis, plot))
    axis = item.getAxis("left")
    room = item.getViewBox().height() or plot.height() * 0.7
    unit = text[text.rfind("(") + 1:-1] if text.endswith(")") and "(" in text else unit
    candidates = [text] + ([unit] if unit else [])
    shown = candidates[-1]
    for candidate in candidates:
        item.setLabel("left", candidate, color=colours().text, **{"font-size": f"{FONT_PT}pt"})
        if axis.label.boundingRect().width() <= room:
            shown = candidate
            break
    else:
        keep = len(shown)
        while keep > 3 and axis.label.boundingRect().width() > room:
            keep -= 1
            item.setLabel("left", shown[:keep].rstrip() + "…", color=colours().text, **{"font-size": f"{FONT_PT}pt"})
    axis.label.setToolTip(text)
    fit_left_axis(plot)
    axis.resizeEvent()  # pyqtgraph centres the label only as the axis resizes: centred for its new length


def fit_left_axis(plot: pg.PlotWidget, *_args) -> None:
    """The left axis as wide as the numbers it shows now, in their projector-sized font, and its label's line:
    pyqtgraph sizes it for its default tick font (the label then sat on five-digit numbers), and a fixed width
    for five digits left the unit of a 0–100 scale ("%", "seconds") floating a thumb's width from its numbers,
    read as no unit at all. Refitted whenever the y range changes (``set_left_label`` connects it)."""
    item = plot.getPlotItem()
    axis = item.getAxis("left")
    low, high = item.getViewBox().viewRange()[1]
    metrics = QFontMetricsF(axis.style.get("tickFont") or font(FONT_PT - 2))
    shown = [text for spacing, values in axis.tickValues(low, high, max(axis.height(), 1))
             for text in axis.tickStrings(values, axis.scale, spacing)]
    widest = max((metrics.horizontalAdvance(text) for text in shown), default=metrics.horizontalAdvance("00000"))
    label = axis.label.boundingRect().height() if axis.label.isVisible() else 0
    # pyqtgraph's own sum (``AxisItem._updateWidth``): the numbers, their offset, the ticks, the label's line
    width = int(widest + axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"]) + label + 4)
    if axis.fixedWidth != width:
        axis.setWidth(width)
