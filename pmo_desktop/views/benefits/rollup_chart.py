"""Program roll-up of financial benefits: planned vs realized per month or quarter, and cumulative."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from ...models import values as v
from ...models.benefit_rollup import NOT_PLOTTED, Period, Rollup, next_month, program_rollup
from ...models.fields import count_of
from ..document import Document
from ..empty_note import empty_note
from ..lazy_refresh import RefreshWhenShown
from ..theme import colours, theme
from . import chart_style as st

WATCHED = {"benefits", "benefit_plan", "benefit_measurements"}
DAY = 86400.0




class RollupChart(RefreshWhenShown, QWidget):
    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.period: Period = "month"
        self.rollup: Rollup | None = None

        self.by_month = QRadioButton("By month", self)
        self.by_quarter = QRadioButton("By quarter", self)
        self.by_month.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.by_month, self.by_quarter):
            button.setFont(st.font(st.FONT_PT - 1))
            group.addButton(button)
        self.by_quarter.toggled.connect(lambda on: self.set_period("quarter" if on else "month"))
        self.summary = QLabel(self)
        self.summary.setFont(st.font(st.FONT_PT))
        self.summary.setWordWrap(True)
        # The chart's key where the chart is too short for its legend (which it then leaves out rather than draw
        # over the curves): presented at 150 % on 1280×720 the roll-up showed two lines and two sets of bars and
        # no word of which was which. Shapes as well as colours, for a print in grey.
        self.key = QLabel(self)
        self.key.setFont(st.font(st.FONT_PT - 1))
        self.key.setAccessibleName("Roll-up chart key")
        self.key.setWordWrap(True)  # in the width of the choices above it: the summary keeps its room
        self.key.setVisible(False)

        self.plot = st.make_plot(self)
        self.plot.setAccessibleName("Financial benefits roll-up chart")
        self.legend = st.add_legend(self.plot)
        item = self.plot.getPlotItem()
        self._span: tuple[float, float] | None = None  # the data's lowest and highest values drawn
        item.getViewBox().sigResized.connect(self._fit_range)
        st.set_left_label(self.plot, "Financial benefit (KPI money unit, e.g. £k)")
        self.planned_bars = pg.BarGraphItem(x=[], height=[], width=1, pen=None)
        self.realized_bars = pg.BarGraphItem(x=[], height=[], width=1, pen=None)
        item.addItem(self.planned_bars)
        item.addItem(self.realized_bars)
        self.legend.addItem(self.planned_bars, "Planned in period")
        self.legend.addItem(self.realized_bars, "Realized in period")
        self.cumulative_planned = item.plot([], [], name="Planned, cumulative", symbol="s", symbolSize=7, symbolPen=None)
        self.cumulative_realized = item.plot([], [], name="Realized, cumulative", symbol="o", symbolSize=9, symbolPen=None)
        self.zero_line = pg.InfiniteLine(angle=0, pos=0)
        item.addItem(self.zero_line, ignoreBounds=True)
        self._colour_items()
        theme().changed.connect(self._colour_items)
        st.set_title(self.plot, "Financial benefits: planned vs realized")
        self.plot.installEventFilter(self)  # the title fitted to the chart's width again as it changes

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        choices = QHBoxLayout()
        choices.addWidget(self.by_month)
        choices.addWidget(self.by_quarter)
        side = QVBoxLayout()
        side.addLayout(choices)
        side.addWidget(self.key)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        # In place of a chart it cannot draw (an amount of 1e308): the plot had stayed, an empty axis of 0 to 0.9
        # read as "nothing planned"; the sentence in the chart's own size, readable on a projector.
        self.not_drawn = empty_note(self)
        self.not_drawn.setFont(st.font(st.FONT_PT + 2))
        self.not_drawn.setAccessibleName("Financial benefits roll-up chart")
        layout.addWidget(self.not_drawn, 1)
        self.watch_registers(document, WATCHED)

    def eventFilter(self, watched, event) -> bool:
        """Made before it has its width (a tab not shown yet), the title was cut to "Finan…" for good."""
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            st.fit_title(self.plot)
        return super().eventFilter(watched, event)

    def _colour_items(self, *_args) -> None:
        """Bars, lines and the zero line in the theme's colours."""
        c = colours()
        planned, actual = QColor(c.strong(st.PLANNED)), QColor(c.strong(st.ACTUAL))
        planned.setAlpha(90 if c.dark else 70)
        actual.setAlpha(130 if c.dark else 110)
        self.planned_bars.setOpts(brush=pg.mkBrush(planned))
        self.realized_bars.setOpts(brush=pg.mkBrush(actual))
        for curve, colour in ((self.cumulative_planned, st.PLANNED), (self.cumulative_realized, st.ACTUAL)):
            curve.setPen(pg.mkPen(c.strong(colour), width=3))
            curve.setSymbolBrush(c.strong(colour))
        self.zero_line.setPen(pg.mkPen(c.muted, width=1))
        self.legend.update()
        self.key.setText(f"<span style='color:{c.strong(st.PLANNED)}'>■ Planned</span> &nbsp; "
                         f"<span style='color:{c.strong(st.ACTUAL)}'>● Realized</span><br>"
                         "bars: in the period, lines: cumulative")

    def set_period(self, period: Period) -> None:
        self.period = period
        (self.by_quarter if period == "quarter" else self.by_month).setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.rollup = r = self.document.office.read(program_rollup, self.period)
        periods = r.periods
        st.set_left_label(self.plot, f"Financial benefit ({r.unit})" if r.unit else "Financial benefit")
        # Bars centred in their period; the cumulative lines at each period's end.
        ends = [next_month(p.start) if self.period == "month" else next_month(next_month(next_month(p.start)))
                for p in periods]
        starts_x = [st.to_x(p.start) for p in periods]
        ends_x = [st.to_x(e) for e in ends]
        width = [(b - a) * 0.4 for a, b in zip(starts_x, ends_x)]
        mid = [(a + b) / 2 for a, b in zip(starts_x, ends_x)]
        self.planned_bars.setOpts(x=[m - w / 2 for m, w in zip(mid, width)], height=[p.planned for p in periods], width=width)
        done = [(m, w, p) for m, w, p in zip(mid, width, periods) if p.realized is not None]
        self.realized_bars.setOpts(x=[m + w / 2 for m, w, _ in done], height=[p.realized for _, _, p in done],
                                   width=[w for _, w, _ in done])
        self.cumulative_planned.setData(ends_x, [p.cumulative_planned for p in periods])
        realized = [(x, p.cumulative_realized) for x, p in zip(ends_x, periods) if p.cumulative_realized is not None]
        self.cumulative_realized.setData([x for x, _ in realized], [y for _, y in realized])
        unplottable = bool(periods) and not r.plottable
        self.not_drawn.setVisible(unplottable)
        self.plot.setVisible(not unplottable)
        if not periods:
            self.summary.setText("No financial benefit has a plan yet: give one a baseline and a planned trajectory.")
            self._span = None
            return
        if not r.plottable:  # a baseline of 1e308: the axis's range cannot be set, the page failed to open
            for series in (self.planned_bars, self.realized_bars):
                series.setOpts(x=[], height=[], width=[])
            self.cumulative_planned.setData([], [])
            self.cumulative_realized.setData([], [])
            self.summary.setText(f"{_benefits_counted(r.benefits)}.")
            self.not_drawn.setText(f"{NOT_PLOTTED[0].upper()}{NOT_PLOTTED[1:]}.")
            self._span = None
            return
        share = f" ({r.realized_to_date / r.planned_to_date:.0%} of plan)" if r.planned_to_date else ""
        until = f" (to the end of {v.month_text(r.measured_until)})" if r.measured_until else ""
        unit = f" in {r.unit}" if r.unit else ""
        self.summary.setText(
            f"{_benefits_counted(r.benefits)}{unit}. Realized to date <b>{v.money_text(r.realized_to_date)}</b> against "
            f"<b>{v.money_text(r.planned_to_date)}</b> planned for the same months{until}{share}; "
            f"<b>{v.money_text(r.total_planned)}</b> planned over the whole plan.")
        item = self.plot.getPlotItem()
        item.enableAutoRange(x=True, y=False)
        values = [p.cumulative_planned for p in periods] + [p.planned for p in periods]
        values += [p.realized for p in periods if p.realized is not None]
        values += [p.cumulative_realized for p in periods if p.cumulative_realized is not None]
        self._span = (min([0.0, *values]), max([0.0, *values]))
        self._fit_range()

    def _fit_range(self, *_args) -> None:
        """Headroom above the data for the legend along the top, as tall as the legend is drawn, so it never
        hides the curves — again whenever the plot's size changes."""
        if self._span is None:
            return
        low, high = self._span
        share = st.fit_legend(self.plot, self.legend)
        self.key.setMaximumWidth(self.by_month.sizeHint().width() + self.by_quarter.sizeHint().width() + 12)
        self.key.setVisible(not self.legend.isVisible())
        top = high + (high - low) * (share + 0.04) / max(1 - share - 0.04, 0.1)
        self.plot.getPlotItem().setYRange(low, top if top > low else low + 1.0, padding=0.02)

    def chart_data(self) -> dict:
        """What is drawn, for tests: x positions are period ends (cumulative) as timestamps."""
        return {"cumulative_planned": list(zip(*self.cumulative_planned.getData())) if self.rollup and self.rollup.periods else [],
                "cumulative_realized": list(zip(*self.cumulative_realized.getData())) if self.rollup and self.rollup.periods else []}


def _benefits_counted(n: int) -> str:
    """"<b>1</b> financial benefit", "<b>3</b> financial benefits": the count in bold, its noun agreeing."""
    number, noun = count_of(n, "financial benefit").split(" ", 1)
    return f"<b>{number}</b> {noun}"
