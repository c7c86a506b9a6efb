"""Open risks by rating over time (pyqtgraph): one thick line per band, in the band's colour."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...models import clock, records
from ...models import values as v
from ...models.colours import seen_on
from ...models.registers import REGISTERS
from ...models.risk_trend import TrendPoint, recent_trend
from ..chart_cursor import ChartCursor, Spot
from ..document import Document
from ..empty_note import empty_note
from ..lazy_refresh import RefreshWhenShown
from ..theme import colours, rgba
from .chart_style import AXIS_PT, LABEL_PT, font, set_axis_label, set_title, style_plot

DEFAULT_MONTHS = 12
LINE_PX = 4  # the narrowest band's line (the others nested round it, NESTED_PX wider each)
SYMBOL_PX = 12
SMALL_SYMBOL_PX = 7
SYMBOL_OVER_LINE = 5  # a point this many pixels wider than its band's line
SPREAD = 1.0  # bands sharing a count are drawn this many point widths apart (side by side in time)
NESTED_PX = 2  # how much wider each band's line is than the next one's, drawn over it
LEGEND_OFFSET = (10, 5)  # the legend's place from the chart's top left corner, in pixels
# A chart shorter than this (in Qt's pixels) has no title: it only repeats the controls just above it
# ("Inherent rating") and took a sixth of the chart at 150 % on a 1280×720 screen.
TITLE_FROM_PX = 360


def side_by_side(series: list[list[int]], step: float) -> list[list[float]]:
    """For each series, how far to move each of its values so that series sharing a value at a point
    are spread evenly around it, ``step`` apart, in the order given."""
    offsets = [[0.0] * len(ys) for ys in series]
    for j in range(len(series[0]) if series else 0):
        groups: dict[int, list[int]] = {}
        for i, ys in enumerate(series):
            groups.setdefault(ys[j], []).append(i)
        for members in groups.values():
            for rank, i in enumerate(members):
                offsets[i][j] = ((len(members) - 1) / 2 - rank) * step
    return offsets


def points_shown(xs: list[float]) -> list[bool]:
    """A point per period; but a period end right before the last point (today, three days after the
    month end) gets none: the two would print over each other."""
    shown = [True] * len(xs)
    if len(xs) >= 3 and (xs[-1] - xs[-2]) < (xs[-2] - xs[-3]) / 2:
        shown[-2] = False
    return shown


def timestamp(day: date) -> float:
    return datetime.combine(day, time(12), tzinfo=timezone.utc).timestamp()


def date_ticks(points: list[TrendPoint], most: int = 13) -> list[tuple[float, str]]:
    """A readable label per point ("31 Jan"), thinned to at most ``most`` labels, the last always shown."""
    if not points:
        return []
    one_year = points[0].on.year == points[-1].on.year
    step = max(1, -(-len(points) // most))
    chosen = points[::-1][::step][::-1]
    if len(chosen) >= 3 and (chosen[-1].on - chosen[-2].on) < (chosen[-2].on - chosen[-3].on) / 2:
        del chosen[-2]  # "today" right after a period end: the two labels would print over each other
    # English month names whatever the locale, as every other date (``%b`` follows the one Qt sets)
    return [(timestamp(p.on), v.day_text(p.on, year=False) + ("" if one_year else f" {p.on:%y}")) for p in chosen]


class TrendChart(RefreshWhenShown, QWidget):
    def __init__(self, document: Document, parent=None, today: date | None = None):
        super().__init__(parent)
        self.document = document
        self.today = today  # None: the real today (tests fix it)
        self.points: list[TrendPoint] = []
        self.xs: list[float] = []
        self.series: list[tuple[pg.PlotDataItem, list[int]]] = []
        self.symbol_size = SYMBOL_PX
        self.top = 1  # the highest count drawn
        self.title = ""
        self._title_shown: str | None = None  # the title drawn ("": none), so a resize redraws only a change

        self.period = QComboBox(self)
        self.period.setAccessibleName("Trend periods")
        self.period.addItem("Month ends", "month")
        self.period.addItem("Week ends", "week")
        self.mode = QComboBox(self)
        self.mode.setAccessibleName("Trend: inherent or residual rating")
        self.mode.addItem("Inherent rating", "inherent")
        self.mode.addItem("Residual rating", "residual")
        for combo in (self.period, self.mode):
            combo.setFont(font(AXIS_PT))
            combo.currentIndexChanged.connect(self.refresh)
        self.note = QLabel(self)
        self.note.setFont(font(AXIS_PT))

        axis = pg.DateAxisItem(orientation="bottom")
        self.plot = pg.PlotWidget(self, axisItems={"bottom": axis})
        self.plot.setAccessibleName("Open risks by rating over time")
        style_plot(self.plot)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMinimumSize(360, 250)
        self.plot.getPlotItem().getViewBox().sigResized.connect(self.place_series)
        # The keyboard: Left and Right go from period to period (today's first), each named with its counts.
        self.chart_cursor = ChartCursor(self.plot, self.cursor_spots, first=lambda spots: spots[-1].key)
        # One row along the top, above the highest count (the y range leaves room), never over a line.
        self.legend = self.plot.getPlotItem().addLegend(offset=LEGEND_OFFSET, labelTextSize=f"{LABEL_PT}pt",
                                                        labelTextColor=colours().text,
                                                        brush=pg.mkBrush(rgba(colours().panel)),
                                                        pen=pg.mkPen(colours().border),
                                                        colCount=6)

        bar = QHBoxLayout()
        bar.addWidget(self.mode)
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        # Instead of a chart of zeros: a new office has no risk to count (dots at 0 read as "all clear").
        self.empty = empty_note(self)
        layout.addWidget(self.empty, 1)
        # Drawn when first shown (the page opens on the register, not here); rebuilding reads the
        # whole history, so it is redone only while the chart is on screen.
        self.watch_registers(document, {"risks"})
        self.redraw_on_theme_change()

    def refresh(self, *_args) -> None:
        self._stale = False
        scale = self.document.context.risk_scale
        end = self.today or clock.today()
        self.points = self.document.office.read(recent_trend, scale, end, DEFAULT_MONTHS, self.period.currentData(),
                                                self.mode.currentData() == "residual")
        plot = self.plot
        plot.clear()
        self.legend.clear()
        xs = [timestamp(p.on) for p in self.points]
        self.xs = xs
        self.series = []
        top = 1
        base = SYMBOL_PX if len(xs) <= 20 else SMALL_SYMBOL_PX
        bands = sorted(scale.bands, key=lambda b: b.min_score, reverse=True)
        widths = [LINE_PX + NESTED_PX * (len(bands) - 1 - n) for n in range(len(bands))]
        # Each point clearly wider than its band's line: the widest line (Critical, 11 px) ran through points of
        # 12 px, whose pale rim then read as a white ring on the line rather than a dot.
        # (The small points of 53 weeks stay small: a week is a few pixels, larger points would overlap.)
        sizes = [max(base, width + SYMBOL_OVER_LINE) if base == SYMBOL_PX else base for width in widths]
        self.symbol_size = max(sizes, default=base)  # the largest point: how far apart shared counts stand
        for band, width, size in zip(bands, widths, sizes):
            ys = [p.counts.get(band.rating, 0) for p in self.points]
            top = max(top, *ys) if ys else top
            # Each line a little narrower than the one drawn before it: where two bands have the same counts
            # their lines lie on one another, and the one beneath shows as a border round the one on top.
            # A band pale enough to tell apart in black and white (the default low) drawn darker, as a line.
            line = seen_on(band.colour, QColor(colours().background).name())
            item = plot.plot(xs, ys, name=band.rating, pen=pg.mkPen(line, width=width),
                             symbol="o", symbolSize=size, symbolBrush=line,
                             symbolPen=pg.mkPen(colours().background, width=1.5))
            self.series.append((item, ys))
        self.top = top
        if len(xs) == 1:
            plot.setXRange(xs[0] - 86400 * 20, xs[0] + 86400 * 20, padding=0)
        set_axis_label(plot, "left", "Open risks")
        years = sorted({p.on.year for p in self.points})
        axis = f"Period end ({years[0]})" if len(years) == 1 else "Period end"
        if len(self.points) == 1 and self.points[0].total:
            # one dot and nothing before it: the office's history starts that day (its risks just typed or
            # imported, whatever their dates raised) — said under the chart, where a newcomer read it as broken
            axis = f"History from {v.day_text(self.points[0].on)}"  # short: a longer label was cut at 150 %
        set_axis_label(plot, "bottom", axis)
        self.title = f"Open risks by {self.mode.currentData()} rating"
        self._title_shown = None  # the mode may have changed the title: drawn anew
        self._fit_title()
        total = self.points[-1].total if self.points else 0
        self.note.setText(f"Now: {total} open risk{'s' if total != 1 else ''} scored")
        self._show_empty()
        self.fit_to_size()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title over a chart tall enough to spare its line, none over a short one (TITLE_FROM_PX). Judged
        by the chart widget's height, which the title does not change, so it cannot flip back and forth."""
        shown = self.title if self.plot.height() >= TITLE_FROM_PX else ""
        if shown == self._title_shown:
            return
        self._title_shown = shown
        if shown:
            set_title(self.plot, shown)
        else:
            self.plot.getPlotItem().setTitle(None)

    def _show_empty(self) -> None:
        """A sentence in place of the chart while no open, scored risk falls in its months."""
        text = ""
        if not any(p.total for p in self.points):
            if not self.document.office.read(records.fetch_rows, REGISTERS["risks"]):
                text = ("<p style='font-size:large'><b>No risks yet.</b></p><p>This chart will show how many risks "
                        "are open at each month or week end, by rating. Add a risk on the <b>Register</b> tab with "
                        "its probability and impact, or import a workbook with <b>File ▸ Import from Excel</b>.</p>")
            else:
                text = ("<p style='font-size:large'><b>No open scored risk in these months.</b></p><p>A risk is "
                        "counted here while it is open and has a probability and an impact.</p>")
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.plot.setVisible(not text)

    def fit_to_size(self, place: bool = True) -> None:
        """What depends on the chart's size in pixels (it is laid out again at each resize): as many month
        labels as fit side by side, the legend on one row or two as its width allows, and room above the
        highest count for the legend's height — a fixed share of the counts left it over the lines of a
        short chart, and 13 labels printed over each other on a narrow one (150 % on a 1280×720 screen)."""
        item = self.plot.getPlotItem()
        view = item.getViewBox()
        width, height = view.width(), view.height()
        if width <= 0 or height <= 0:  # not laid out yet
            return
        axis = item.getAxis("bottom")
        metrics = QFontMetrics(axis.style.get("tickFont") or font(AXIS_PT))
        labels = date_ticks(self.points)
        widest = max((metrics.horizontalAdvance(text) for _x, text in labels), default=0) + metrics.horizontalAdvance("  ")
        ticks = date_ticks(self.points, max(2, int(width // widest)) if widest else 13)
        if len(self.xs) > 1:  # room at each end for half a label: the axis leaves out a label it would cut
            padding = min(0.15, max(0.04, (widest / 2 + 4) / width))
            self.plot.setXRange(self.xs[0], self.xs[-1], padding=padding)
            per_px = (self.xs[-1] - self.xs[0]) * (1 + 2 * padding) / width
            if len(ticks) >= 3 and ticks[-1][0] - ticks[-2][0] < widest * per_px:
                del ticks[-2]  # today, a few days after the last label kept: the two would touch
        axis.setTicks([ticks])
        entries = len(self.series)
        if entries:
            self.legend.setColumnCount(entries)
            if self.legend.boundingRect().width() + LEGEND_OFFSET[0] > width:
                self.legend.setColumnCount(-(-entries // 2))
        left = item.getAxis("left")
        text_px = QFontMetrics(left.style.get("tickFont") or font(AXIS_PT)).height()
        share = min(0.6, (self.legend.boundingRect().height() + 2 * LEGEND_OFFSET[1]) / height) if entries else 0
        low, top = -0.3, self.top
        for _ in range(2):  # the bottom leaves half a label below 0, or the axis leaves the "0" out
            high = max(top + max(1.2, top * 0.3), low + (top + 0.3 - low) / (1 - share))
            low = -max(0.3, (text_px / 2 + 2) * (high - low) / height)
        if (low, high) != tuple(view.viewRange()[1]):
            self.plot.setYRange(low, high, padding=0)
        # A count every 1, 2, 5, 10… with a quarter of a line of room between two labels.
        room = 1.25 * text_px * (high - low) / height
        left.setTickSpacing(major=next(m for m in (1, 2, 5, 10, 20, 50, 100, 200, 500, 10**9) if m >= room), minor=1)
        if place:
            self.place_series()

    def spread_px(self) -> float:
        """How far apart, in pixels, bands sharing a count are drawn: their points barely touch, and
        their lines (where the points are small) keep a gap between them."""
        return max(LINE_PX + 2, SPREAD * self.symbol_size)

    def place_series(self, *_args) -> None:
        """Each band's line and points where they can be told apart on a projector: bands with the same
        count at a period are drawn side by side, a few pixels apart, not on top of one another (the
        last one drawn hid the others); a period end just before today keeps its line but no point,
        which would print over today's. Side by side along the time axis, at their counts: moved up and
        down, 2 read as 1.95 and 2.05 on a projector, and a band with none as below zero."""
        if not self.series:
            return
        self.fit_to_size(place=False)
        per_pixel = self.plot.getPlotItem().getViewBox().viewPixelSize()[0]
        if not per_pixel or per_pixel != per_pixel:  # not laid out yet
            return
        lists = [ys for _item, ys in self.series]
        offsets = side_by_side(lists, self.spread_px() * per_pixel)
        shown = points_shown(self.xs)
        for (item, ys), moved in zip(self.series, offsets):
            item.setData([x - dx for x, dx in zip(self.xs, moved)], ys)  # the first band leftmost
            item.scatter.setPointsVisible(shown)
        self.chart_cursor.redraw()

    def cursor_spots(self) -> list[Spot]:
        """A period end each with its points drawn, oldest first: a column as tall as the chart, as wide as its bands' points side by
        side, named with its date and its counts by rating."""
        view = self.plot.getPlotItem().getViewBox()
        if not self.points or not self.plot.isVisible():
            return []
        per_pixel = view.viewPixelSize()[0]
        half = (len(self.series) * self.spread_px() / 2 + self.symbol_size) * per_pixel
        (low, high) = view.viewRange()[1]
        inset = 8 * view.viewPixelSize()[1]  # the frame whole inside the chart, not half cut at its edges
        low, high = low + inset, high - inset
        ratings = [band.rating for band in sorted(self.document.context.risk_scale.bands, key=lambda b: b.min_score,
                                                  reverse=True)]
        spots = []
        for x, point, shown in zip(self.xs, self.points, points_shown(self.xs)):
            if not shown:  # a period end just before today, drawn without its points: today's stand for it
                continue
            counts = ", ".join(f"{rating} {point.counts.get(rating, 0)}" for rating in ratings)
            text = (f"{v.day_text(point.on)}: {point.total} open risk{'s' if point.total != 1 else ''} scored"
                    f" ({counts})")
            spots.append(Spot(point.on, QRectF(x - half, low, 2 * half, high - low), text))
        return spots
