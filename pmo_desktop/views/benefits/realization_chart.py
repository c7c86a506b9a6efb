"""Realization chart of one benefit: planned trajectory vs measured actuals over time, with baseline
and target lines and a today marker."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...models.benefit_rollup import BenefitSeries
from ...models.values import number_text
from ..theme import colours, theme
from . import chart_style as st


class RealizationChart(QWidget):
    """``show_series(series)`` draws one benefit; the plot items are attributes so tests can read them."""

    def __init__(self, parent=None, today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.today = today
        self.series: BenefitSeries | None = None
        self.plot = st.make_plot(self)
        self.plot.installEventFilter(self)  # its title is shortened to its width whenever that changes
        self.plot.setAccessibleName("Benefit realization chart")
        self.legend = st.add_legend(self.plot)
        item = self.plot.getPlotItem()
        self.planned_curve = item.plot([], [], name="Plan", symbol="s", symbolSize=9, symbolPen=None)
        self.actual_curve = item.plot([], [], name="Actual", symbol="o", symbolSize=13)
        label_opts = {"movable": False, "anchors": [(1, 1), (1, 1)]}  # right-aligned, just above the line
        self.baseline_line = pg.InfiniteLine(angle=0, label="", labelOpts={**label_opts, "position": 0.99})
        # Target labelled at the left end, baseline at the right: readable even when they coincide.
        self.target_line = pg.InfiniteLine(angle=0, label="",
                                           labelOpts={**label_opts, "position": 0.01, "anchors": [(0, 1), (0, 1)]})
        # "Today" right of its line in the chart's left half, left of it in the right half (pyqtgraph's own flip,
        # by which half of the view the line is in): always on its right, it was cut at the plot's edge ("To")
        # when today is at the chart's end — a benefit whose window is over, or ends this month.
        self.today_line = pg.InfiniteLine(angle=90, label="Today",
                                          labelOpts={**label_opts, "position": 0.80, "anchors": [(0, 0.5), (1, 0.5)]})
        for line in (self.baseline_line, self.target_line, self.today_line):
            line.label.setFont(st.font(st.FONT_PT - 2))
            item.addItem(line, ignoreBounds=True)
        self._colour_items()
        # The reference lines in the legend too, drawn as their pens.
        self._reference_samples: dict[pg.PlotDataItem, pg.InfiniteLine] = {}
        for line, name in ((self.baseline_line, "Baseline"), (self.target_line, "Target"), (self.today_line, "Today")):
            sample = pg.PlotDataItem(pen=line.pen)
            self._reference_samples[sample] = line
            self.legend.addItem(sample, name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.show_series(None)
        theme().changed.connect(self._on_theme)
        item.getViewBox().sigResized.connect(self._refit)

    def _colour_items(self) -> None:
        """Lines, points and line labels in the theme's colours (the pens' objects stay, so the legend's
        samples, drawn with the same pens, follow)."""
        c = colours()
        dash = Qt.PenStyle.DashLine if self.series is not None and self.series.plan_is_implied else Qt.PenStyle.SolidLine
        self.planned_curve.setPen(pg.mkPen(c.strong(st.PLANNED), width=3, style=dash))
        self.planned_curve.setSymbolBrush(c.strong(st.PLANNED))
        self.actual_curve.setPen(pg.mkPen(c.strong(st.ACTUAL), width=1.5, style=Qt.PenStyle.DotLine))
        self.actual_curve.setSymbolBrush(c.strong(st.ACTUAL))
        self.actual_curve.setSymbolPen(pg.mkPen(c.background, width=1.5))
        fill = pg.mkBrush(*c.panel[:3], 200)
        for line, colour, style, label_colour in (
                (self.baseline_line, st.BASELINE, Qt.PenStyle.DashLine, c.text),
                (self.target_line, st.TARGET, Qt.PenStyle.DashLine, c.text),
                (self.today_line, st.TODAY, Qt.PenStyle.DashDotLine, c.strong(st.TODAY))):
            pen = pg.mkPen(c.strong(colour), width=2, style=style)
            line.setPen(pen)
            line.label.fill = fill
            line.label.setColor(label_colour)
        for sample, line in getattr(self, "_reference_samples", {}).items():
            sample.setPen(line.pen)

    def _on_theme(self, *_args) -> None:
        self._colour_items()
        self.plot.update()

    def show_series(self, series: BenefitSeries | None) -> None:
        self.series = series
        item = self.plot.getPlotItem()
        # a benefit with no baseline, target, plan or measurement yet has nothing to draw either: its legend and an
        # axis of 0.2 … 0.8 covered an empty plot (walkthrough 21, a benefit just typed)
        empty = series is None or not (series.effective_plan or series.actuals or series.baseline_value is not None
                                       or series.target_value is not None)
        # Nothing to show: no numbers on the axes (not 0.2 … 0.8), no grid, no legend, just the hint.
        item.showAxis("left", not empty)
        item.showAxis("bottom", not empty)
        item.getAxis("bottom").enabled = not empty
        item.showGrid(x=not empty, y=not empty, alpha=0.15)
        self.legend.setVisible(not empty)
        if series is None or empty:
            # No benefit: said once, by the profile's heading beside the chart ("Select a benefit in the table…"), not
            # again here in other words (walk45).
            st.set_title(self.plot, "" if series is None else f"{series.code}: nothing to chart yet")
            item.setLabel("left", "")
            item.showAxis("left", False)  # setLabel shows the axis again
            for curve in (self.planned_curve, self.actual_curve):
                curve.setData([], [])
            for line in (self.baseline_line, self.target_line, self.today_line):
                line.setVisible(False)
            return
        title = f"{series.code}  {series.title}"
        st.set_title(self.plot, title if len(title) < 60 else title[:57] + "…")
        st.set_left_label(self.plot, series.axis_title, series.unit)  # the unit alone on a short axis
        plan = series.effective_plan
        self.planned_curve.setData([st.to_x(d) for d, _ in plan], [v for _, v in plan])
        self._colour_items()
        if series.plan_is_implied:
            st.set_title(self.plot, f"{series.code}: no trajectory yet, plan drawn baseline → target",
                         f"{series.code}: plan drawn baseline → target", f"{series.code}: baseline → target")
        self.actual_curve.setData([st.to_x(d) for d, _ in series.actuals], [v for _, v in series.actuals])
        for line, value, name in ((self.baseline_line, series.baseline_value, "Baseline"),
                                  (self.target_line, series.target_value, "Target")):
            line.setVisible(value is not None)
            if value is not None:
                line.setValue(value)
                line.label.setFormat(f"{name} {number_text(value)}")
        today = self.today()
        self.today_line.setValue(st.to_x(today))
        self.today_line.setVisible(True)
        self._fit(series, today)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            st.fit_title(self.plot)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        """The legend in as few rows as fit the plot's width (measured as drawn, at any scale or zoom);
        the y range leaves room for it."""
        super().resizeEvent(event)
        self._fit_legend()
        self._refit()

    def _fit_legend(self) -> None:
        room = self.plot.getPlotItem().getViewBox().width() - 20
        for columns in (5, 3, 2, 1):
            if columns != self.legend.columnCount:
                self.legend.setColumnCount(columns)
            if self.legend.boundingRect().width() <= room:
                return

    def _refit(self, *_args) -> None:
        if self.series is not None:  # the legend's share of the height changes with the plot's height
            self._fit(self.series, self.today())

    def _fit(self, s: BenefitSeries, today: date) -> None:
        """Show the whole story: plan, actuals, reference lines and today."""
        self._fit_legend()
        xs = [st.to_x(d) for d, _ in s.effective_plan + s.actuals] + [st.to_x(today)]
        xs += [st.to_x(d) for d in (s.window_start, s.window_end, s.baseline_date, s.target_date) if d]
        ys = [v for _, v in s.effective_plan + s.actuals] + [v for v in (s.baseline_value, s.target_value) if v is not None]
        item = self.plot.getPlotItem()
        if len(set(xs)) > 1:
            item.setXRange(min(xs), max(xs), padding=0.04)
        if ys:
            low, high = min(ys), max(ys)
            if low == high:
                low, high = low - 1, high + 1
            span = high - low
            # Headroom at the top for the legend's rows, so it never hides the data: the share of the
            # plot's height the legend takes (more on a short chart), plus a margin.
            share = self.legend_share()
            bottom = low - span * 0.08
            top = bottom + (high - bottom) / (1 - share)
            item.setYRange(bottom, top, padding=0)
            self._place_today_label(s, today, bottom, top)

    def legend_share(self) -> float:
        """The share of the plot's height kept free above the data for the legend: its height as drawn,
        its offset and a gap for the reference lines' labels (just above their lines). A chart too short
        to spare it (under half its height) draws no legend rather than one over the data: the lines keep
        their own labels."""
        view_px = self.plot.getPlotItem().getViewBox().height() or 300
        if self.series is None:
            return 0.1
        legend_px = self.legend.boundingRect().height() + 5 + st.FONT_PT * 2.2
        share = legend_px / max(view_px, 1)
        self.legend.setVisible(share <= 0.5)
        return max(0.1, share) if share <= 0.5 else 0.1

    def _place_today_label(self, s: BenefitSeries, today: date, bottom: float, top: float) -> None:
        """The "Today" label up the today line where no other label or line is: away from the baseline
        and target lines (whose labels sit at the chart's ends) and from the plan and actuals near today."""
        avoid = [v for v in (s.baseline_value, s.target_value) if v is not None]
        avoid += [v for d, v in s.effective_plan + s.actuals if abs((d - today).days) < 120]
        fractions = [(v - bottom) / (top - bottom) for v in avoid]
        ceiling = 0.95 - self.legend_share()  # below the legend's rows
        candidates = [ceiling - k * 0.05 for k in range(int((ceiling - 0.1) / 0.05) + 1)]
        best = max(candidates, key=lambda c: min((abs(c - f) for f in fractions), default=1.0))
        self.today_line.label.setPosition(best)

    def planned_points(self) -> list[tuple[float, float]]:
        x, y = self.planned_curve.getData()
        return list(zip(x if x is not None else [], y if y is not None else []))

    def actual_points(self) -> list[tuple[float, float]]:
        x, y = self.actual_curve.getData()
        return list(zip(x if x is not None else [], y if y is not None else []))
