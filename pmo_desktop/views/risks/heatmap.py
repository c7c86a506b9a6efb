"""Probability × impact heat map (pyqtgraph): a count per cell in band colours; click a cell to filter."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGraphicsRectItem,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...models.records import load_context
from ...models.risk_heatmap import HeatCell, RiskFilter, cell_label, heat_map, unscored_count
from ...models.snapshots import Source
from ..as_at import AsAtBar, not_today_words
from ..chart_cursor import ChartCursor, Spot
from ..document import Document
from ..failure_message import reported_not_raised
from ..flow_layout import FlowLayout
from ..shown_message import tell
from ..theme import colours, theme
from .chart_style import AXIS_PT, COUNT_PT, TITLE_PT, font, set_axis_label, set_title, style_plot, text_on
from .legend import BandLegend

GAP = 0.03  # gutter between cells (the chart's background), in cell units
# The map's least size with its legend under it (tall enough for its labels and counts), and with the legend
# beside it on a short screen (150 % on 1280×720 leaves the tab about 300 of Qt's pixels).
TALL_PLOT = (360, 360)
SHORT_PLOT = (300, 200)


def faded(colour: QColor, share: float = 0.7, into: QColor | None = None) -> QColor:
    """The band colour mixed with the background (white by default): still recognisably its band, clearly
    "nothing here"."""
    back = into or QColor("white")
    return QColor(*(round(c + (b - c) * share) for c, b in ((colour.red(), back.red()), (colour.green(), back.green()),
                                                           (colour.blue(), back.blue()))))


def wrapped(words: list[str], room: float, metrics: QFontMetricsF) -> list[str]:
    """Words put on as few lines as fit ``room`` pixels; a word wider than that is cut short with "…"."""
    lines: list[str] = []
    for word in words:
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, room) for line in lines]


class LevelAxis(pg.AxisItem):
    """An axis of the scale's levels ("5 Very high"). pyqtgraph drops a tick label that runs past the end
    of its axis, so on a narrow chart (or at projector zoom, which makes the scene narrower) the end
    labels went missing: here every level is labelled, on one line if it fits the cell's width, else
    wrapped onto lines (a word too long for a cell cut short with "…"); the
    axis's tooltip names every level in full.

    The impact (bottom) axis chooses one type size for both axes (``partner`` is the probability axis): at
    150 % on 1280×720 the impact labels shrank to 10 pt to fit their cells while the probability labels beside
    them stayed 14 pt, and the pair read as two different charts."""

    GAP = 6  # pixels between the labels of neighbouring cells
    SMALLEST_PT = 10  # the labels shrink to this at most to keep each level's word on one line

    names: list[str] = []  # (resizeEvent comes during pyqtgraph's __init__)
    base_font: QFont | None = None  # the tick font as styled (``style_plot``), before any shrinking
    partner: LevelAxis | None = None  # on the impact axis: the probability axis, whose type it sets
    shared_font: QFont | None = None  # on the probability axis: the type its partner chose for both

    def set_levels(self, names: list[str], what: str) -> None:
        self.names = list(names)
        self.setToolTip(f"{what}: " + ", ".join(f"{k} {name}" for k, name in enumerate(names, 1)))
        self.fit()

    def _base(self) -> QFont:
        if self.base_font is None:
            self.base_font = QFont(self.style["tickFont"] or QFont())
        return self.base_font

    def _sized(self, points: float) -> QFont:
        sized = QFont(self._base())
        sized.setPointSizeF(points)
        return sized

    def _left_width(self, tick_font: QFont) -> int:
        """The probability axis's width with its labels in ``tick_font``: its longest label, beside its title."""
        metrics = QFontMetricsF(tick_font)
        text = max(metrics.horizontalAdvance(f"{name} {k}") for k, name in enumerate(self.names, 1))
        title = self.label.boundingRect().height() if self.label is not None and self.label.isVisible() else 0
        return round(text + self.style["tickTextOffset"][0] + max(0, self.style["tickLength"]) + title + 12)

    def labels(self) -> list[str]:
        base = self._base()
        if self.orientation == "left":
            self.style["tickFont"] = self.shared_font or base
            return [f"{name} {k}" for k, name in enumerate(self.names, 1)]
        partner = self.partner if self.partner is not None and self.partner.names else None
        # Both axes share the width: what the probability axis gives up, the cells gain. Their sum does not
        # change with the type chosen, so the choice below is the same whichever axis was laid out last —
        # no back and forth between the two.
        # (The probability axis's fixed width is the one this layout pass gave it; its geometry may not be
        # set yet when this axis hears of its own.)
        shared = self.size().width() + (partner.fixedWidth or partner.size().width() if partner is not None else 0)

        def room(tick_font: QFont) -> float:
            left = partner._left_width(tick_font) if partner is not None else 0
            return max((shared - left) / max(len(self.names), 1) - self.GAP, 1.0)

        def choose(tick_font: QFont) -> None:
            self.style["tickFont"] = tick_font
            if partner is not None and partner.shared_font != tick_font:
                partner.shared_font = tick_font
                partner.fit()

        numbered = [f"{k} {name}" for k, name in enumerate(self.names, 1)]
        wide = QFontMetricsF(base).horizontalAdvance
        if all(wide(text) <= room(base) for text in numbered):
            choose(base)
            return numbered
        # The number over the level's words, the words on one line — in smaller type where need be (on a
        # narrow map, 150 % on 1280×720): wrapped a word a line, the labels took three lines, the map's rows
        # were squeezed to a third of a cell's width, and "Medium" was still cut to "Me…".
        sizes = [base.pointSizeF() - step for step in range(int(base.pointSizeF()) - self.SMALLEST_PT + 1)]
        for whole in (True, False):  # each level's words on one line; else each word whole, a word a line
            for points in sizes:
                smaller = self._sized(points)
                wide = QFontMetricsF(smaller).horizontalAdvance
                fits = room(smaller)
                if all(wide(name) <= fits if whole else all(wide(word) <= fits for word in name.split())
                       for name in self.names):
                    choose(smaller)
                    if whole:
                        return [f"{k}\n{name}" for k, name in enumerate(self.names, 1)]
                    return ["\n".join(wrapped([str(k), *name.split()], fits, QFontMetricsF(smaller)))
                            for k, name in enumerate(self.names, 1)]
        smallest = self._sized(self.SMALLEST_PT)
        choose(smallest)
        metrics = QFontMetricsF(smallest)
        fits = room(smallest)
        labels = []
        for k, name in enumerate(self.names, 1):
            one_line = f"{k} {name}"
            if metrics.horizontalAdvance(one_line) <= fits:
                labels.append(one_line)
            else:
                labels.append("\n".join(wrapped([str(k), *name.split()], fits, metrics)))
        return labels

    def fit(self) -> None:
        if not self.names:
            return
        labels = self.labels()
        self._tickLevels = [[(k, label) for k, label in enumerate(labels, 1)]]
        metrics = QFontMetricsF(self.style["tickFont"] or QFont())
        title = self.label.boundingRect().height() if self.label is not None and self.label.isVisible() else 0
        ticks = max(0, self.style["tickLength"])
        if self.orientation == "left":  # as wide as its longest label, beside the "Probability" title
            width = self._left_width(self.style["tickFont"] or QFont())
            if self.fixedWidth != width:
                self.setWidth(width)
        else:  # as tall as its wrapped labels, above the "Impact" title
            lines = max(label.count("\n") + 1 for label in labels)
            height = round(lines * metrics.lineSpacing() + self.style["tickTextOffset"][1] + ticks + title + 4)
            if self.fixedHeight != height:
                self.setHeight(height)
        self.picture = None
        self.update()

    def resizeEvent(self, ev=None) -> None:
        super().resizeEvent(ev)
        if self.names:
            self.fit()


class HeatMapChart(QWidget):
    """``cell_clicked(ids, label)`` when the user clicks a cell (ids of the risks in it, may be empty)."""

    cell_clicked = Signal(object, str)
    # Esc on the map: the page's answer, True when it used the key (the table's filter from a cell taken off)
    escape_used: Callable[[], bool] | None = None

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.filter = RiskFilter()
        self._cells: dict[tuple[int, int], HeatCell] = {}
        self._stale = False  # counted again when next shown or asked: see ``refresh``
        self.count_items: dict[tuple[int, int], pg.TextItem] = {}
        self.fills: dict[tuple[int, int], str] = {}  # each cell's fill as drawn
        self.levels = 5  # the scale's size, as last drawn
        self.level_names: list[str] = []  # and its levels' names
        self.title = ""
        self.unscored = 0  # risks the map leaves out for want of a score (its kind: inherent or residual)
        self.unscored_item: pg.TextItem | None = None  # what the empty map says of them
        self._title_drawn: tuple[str, float] | None = None  # the title as set, and at what size

        self.mode = QComboBox(self)
        self.mode.setAccessibleName("Heat map: inherent or residual")
        self.mode.addItem("Inherent (before responses)", "inherent")
        self.mode.addItem("Residual (after responses)", "residual")
        self.mode.setFont(font(AXIS_PT))
        self.mode.currentIndexChanged.connect(self.refresh)
        self.open_only = QCheckBox("Open risks only", self)
        self.open_only.setFont(font(AXIS_PT))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.total_label = QLabel(self)
        self.total_label.setFont(font(AXIS_PT))

        impact, probability = LevelAxis("bottom"), LevelAxis("left")
        impact.partner = probability  # one type size for both axes' labels
        self.plot = pg.PlotWidget(self, axisItems={"bottom": impact, "left": probability})
        self.plot.setAccessibleName("Risk heat map")
        style_plot(self.plot)
        self.plot.setMouseEnabled(False, False)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_click)
        self.plot.setMinimumSize(*TALL_PLOT)
        self.plot.getPlotItem().getViewBox().sigResized.connect(self._fit_counts)
        # The keyboard: arrows move a cell cursor on the focused chart, Enter or Space opens that cell.
        self.chart_cursor = ChartCursor(self.plot, self.cursor_spots, lambda key: self.click_cell(*key), self._fullest)
        self.plot.setToolTip("Click a cell, or use the arrow keys and Enter, to list its risks in the register")
        self.plot.installEventFilter(self)
        self.legend = BandLegend(self)
        # A past state (a date or a board snapshot) shown read only; None: today, the live office.
        self.source: Source | None = None
        self.as_at = AsAtBar(document, self)
        self.as_at.source_changed.connect(self.set_source)

        # The date, the choice of scores and the count on one line where they fit, else on as many as the
        # width needs: a line of their own for the date took a row of cells' height from a map already short.
        self.controls = QWidget(self)
        self.bar = FlowLayout(self.controls)
        self.bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.as_at, self.mode, self.open_only, self.total_label):
            self.bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        # The legend under the map; beside it where the tab is too short for both one above the other.
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.addWidget(self.plot, 1)
        self.body.addWidget(self.legend)
        layout.addLayout(self.body, 1)
        document.records_changed.connect(self._on_records_changed)
        theme().changed.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        """The legend under the map when the map and the legend's lines fit one above the other, else in a
        column beside the map, which then may be shorter: at 150 % on a 1280×720 screen the tab asked for
        620 pixels of the 300 there are, and its lowest row and the legend were seen only by scrolling."""
        layout = self.layout()
        if layout is None or not self.legend.labels:
            return
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        # The controls as they are with the map on top of its legend (the count among them), whichever way
        # they are now: else moving the count would change the answer, and the map flip back and forth.
        counted = [] if self.bar.indexOf(self.total_label) >= 0 else [self.total_label.sizeHint()]
        above = margins.top() + self.bar.height_with(width, counted) + layout.spacing()
        lines = self.legend.layout()
        legend_tall = lines.heightForWidth(width) if lines is not None else 0
        stacked = above + TALL_PLOT[1] + self.body.spacing() + legend_tall + margins.bottom()
        beside = self.height() < stacked
        if beside == (self.body.direction() == QBoxLayout.Direction.LeftToRight):
            return
        legend = self.legend.layout()
        if beside:
            column = max(label.sizeHint().width() for label in self.legend.labels[1:])
            self.legend.setFixedWidth(column)
            self.plot.setMinimumSize(*SHORT_PLOT)
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.body.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
            # The count goes under the legend, so the controls above the map take one line where they fit.
            self.bar.removeWidget(self.total_label)
            if legend is not None:
                legend.addWidget(self.total_label)
        else:
            self.legend.setMinimumWidth(0)
            self.legend.setMaximumWidth(16777215)
            self.plot.setMinimumSize(*TALL_PLOT)
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.body.setAlignment(self.legend, Qt.AlignmentFlag(0))
            if legend is not None:
                legend.removeWidget(self.total_label)
            self.bar.addWidget(self.total_label)
        self.total_label.show()
        if legend is not None:  # as tall as its lines with the count in or out (``BandLegend.resizeEvent``)
            self.legend.setMinimumHeight(legend.heightForWidth(self.legend.width() if not beside else column))
        self._title_drawn = None
        self._fit_title()

    @property
    def residual(self) -> bool:
        return self.mode.currentData() == "residual"

    def set_residual(self, residual: bool) -> None:
        self.mode.setCurrentIndex(1 if residual else 0)

    def set_filter(self, flt: RiskFilter) -> None:
        self.filter = flt
        self.refresh()

    def current_filter(self) -> RiskFilter:
        from dataclasses import replace

        return replace(self.filter, open_only=self.open_only.isChecked())

    def _on_records_changed(self, register: str, _ids) -> None:
        if register in ("risks", "projects", "people"):
            self.refresh()

    def set_source(self, source: Source | None) -> None:
        """Show a past state (read only: a click lists nothing in today's register), or today again."""
        self.source = source
        self.plot.setToolTip("A past state, read only" if source else
                             "Click a cell, or use the arrow keys and Enter, to list its risks in the register")
        self.refresh()

    @property
    def scale(self):
        if self.source is None:
            return self.document.context.risk_scale
        return self.source.office.read(load_context, self.source.day).risk_scale

    # ------------------------------------------------------------------ drawing
    def refresh(self, *_args) -> None:
        """Count and draw the map again — at once where it is shown, else when it is next shown or its counts
        are asked for. The register's filters change it at every pick while its tab is hidden behind the
        register: counting every risk then took 55–63 ms of CPU among 100,000, four times the table's own filter
        (round speed26)."""
        if self.isVisible():
            self._recount()
        else:
            self._stale = True

    @reported_not_raised  # a read of the office, in a Qt virtual: see ``failure_message.reported_not_raised``
    def showEvent(self, event) -> None:
        if self._stale:
            self._recount()
        super().showEvent(event)

    @property
    def cells(self) -> dict[tuple[int, int], HeatCell]:
        """The map's cells as the register's filter, the scores and the date now give them."""
        if self._stale:
            self._recount()
        return self._cells

    def _recount(self) -> None:
        self._stale = False
        scale = self.scale
        office = self.source.office if self.source is not None else self.document.office
        self._cells = office.read(heat_map, scale, self.residual, self.current_filter())
        self.unscored = office.read(unscored_count, scale, self.residual, self.current_filter())
        self._draw(scale)

    def _draw(self, scale) -> None:
        plot = self.plot
        plot.clear()
        self.count_items = {}
        self.fills = {}
        n = self.levels = scale.size
        for p in range(1, n + 1):
            for i in range(1, n + 1):
                band = scale.band(p * i)
                cell = self.cells.get((p, i))
                colour = QColor(scale.band_colour(band, cell.kind if cell else None) if band else "#9e9e9e")
                if cell is None:
                    # empty cells fade back into the background; the eye goes to the counts
                    colour = faded(colour, 0.7 if not colours().dark else 0.72, QColor(colours().background))
                rect = QGraphicsRectItem(QRectF(i - 0.5 + GAP, p - 0.5 + GAP, 1 - 2 * GAP, 1 - 2 * GAP))
                rect.setBrush(QBrush(colour))
                self.fills[(p, i)] = colour.name()
                rect.setPen(QPen(Qt.PenStyle.NoPen))
                plot.addItem(rect)
                if cell is not None:
                    text = pg.TextItem(str(cell.count), color=text_on(colour.name()), anchor=(0.5, 0.5))
                    text.setFont(font(COUNT_PT, bold=True))
                    text.setPos(i, p)
                    plot.addItem(text)
                    self.count_items[(p, i)] = text
        names = self.level_names = list(scale.level_names)
        item = plot.getPlotItem()
        plot.setXRange(0.5, n + 0.5, padding=0.0)
        plot.setYRange(0.5, n + 0.5, padding=0.0)
        set_axis_label(plot, "bottom", "Impact")
        set_axis_label(plot, "left", "Probability")
        item.getAxis("left").set_levels(list(names), "Probability")
        item.getAxis("bottom").set_levels(list(names), "Impact")  # after: it sets the type of both
        what = "Residual" if self.residual else "Inherent"
        scope = "open risks" if self.open_only.isChecked() else "all risks"
        self.title = f"{what} risk — {scope}"
        if self.source is not None:  # said on the map itself, where the eye is: else an old map reads as today's
            self.title += f" — {not_today_words(self.source)}"
        self._title_drawn = None  # set again: the theme's text colour may have changed
        self._fit_title()
        self.chart_cursor.redraw()
        self.legend.set_scale(scale, any(c.kind == "Opportunity" for c in self.cells.values() if c is not None))
        self._fit_counts()
        # a risk scored past the scale (the file edited by hand or by a newer version: a probability of 7 on five
        # levels) has no cell to be drawn in: it was counted among the risks scored, drawn nowhere, without a word
        past = sum(c.count for (p, i), c in self.cells.items() if not (1 <= p <= n and 1 <= i <= n))
        self._say_unscored(sum(c.count for c in self.cells.values()) - past, n, past)

    def _say_unscored(self, total: int, levels: int, past: int = 0) -> None:
        """The count of risks scored, and of those left out for want of a score; an empty map says in its middle
        how to place them. A new office's risks typed with inherent scores only left the Residual map empty under
        "0 risks scored", read as "no risks" (walk43)."""
        unscored, what = self.unscored, "residual " if self.residual else ""
        pair = "Residual probability and Residual impact" if self.residual else "Probability and Impact"
        said = f"{total} risk{'s' if total != 1 else ''} scored"
        if unscored:
            said += f" · {unscored} with no {what}score yet"
        if past:
            said += f" · {past} scored past the scale's {levels} levels, not drawn"
        self.total_label.setText(said)
        self.total_label.setToolTip(f"A risk is on this map once its {pair} are given: type them in the Register "
                                    "tab, in the risk's row." if unscored else
                                    f"A risk scored past the scale's {levels} levels (its file edited outside PMO "
                                    f"Desktop) is drawn once its {pair} are typed again in the Register tab, in the "
                                    "risk's row." if past else "")
        self.unscored_item = None
        if total or not unscored:
            return
        text = (f"<b>{self._unscored_words()}.</b><br>"
                f"Give {'each' if unscored != 1 else 'it'} its {pair} in the Register tab (Ctrl+PgUp), in the "
                f"risk's row, to place {'them' if unscored != 1 else 'it'} here.")
        back = QColor(colours().background)
        back.setAlpha(230)  # over the band colours, read as a note, not as a cell's text
        note = pg.TextItem(html=f"<div style='text-align:center; color:{colours().text}'>{text}</div>",
                           anchor=(0.5, 0.5), fill=QBrush(back))
        note.setFont(font(AXIS_PT))
        note.textItem.setTextWidth(max(200.0, self.plot.width() * 0.6))
        note.setPos((levels + 1) / 2, (levels + 1) / 2)
        self.plot.addItem(note)
        self.unscored_item = note

    def _unscored_words(self) -> str:
        """"2 open risks have no residual score yet": what an empty map says in its middle and its status line."""
        n, scope, what = self.unscored, ("open " if self.open_only.isChecked() else ""), \
            ("residual " if self.residual else "")
        return f"{n} {scope}risk{'s have' if n != 1 else ' has'} no {what}score yet"

    def _fit_title(self) -> None:
        """The title at TITLE_PT where the map is wide enough, else smaller to fit over it: pyqtgraph keeps a
        title whole, so a map narrowed beside its legend was drawn wider than its widget and its right-hand
        column was cut off."""
        title = self.title
        if not title:
            return
        colour = colours().error if self.source is not None else None  # a past state stands out, in any theme
        if self.body.direction() == QBoxLayout.Direction.LeftToRight and self.source is not None:
            title = not_today_words(self.source)  # beside the legend, the date is the one thing kept
        elif self.body.direction() == QBoxLayout.Direction.LeftToRight:
            # The legend beside the map: a short screen (150 % on 1280×720). The title only repeated the
            # controls just above it ("Inherent", "Open risks only") and took a row of cells' height.
            if self._title_drawn != ("", 0):
                self._title_drawn = ("", 0)
                set_title(self.plot, "", 1)  # no text left to keep the map as wide as the title was
                self.plot.getPlotItem().setTitle(None)
            return
        room = self.plot.width() - self.plot.getPlotItem().getAxis("left").width() - 16
        wide = QFontMetricsF(font(TITLE_PT, bold=True)).horizontalAdvance(title)
        points = TITLE_PT if wide <= room else max(8.0, TITLE_PT * room / wide)
        if (title, points) != self._title_drawn:
            self._title_drawn = (title, points)
            set_title(self.plot, title, points, colour)

    def _fit_counts(self, *_args) -> None:
        """The counts as large as their cells allow, up to COUNT_PT: on a short chart (projector zoom on a
        1280×720 screen) a count no longer spills over the cells above and below."""
        if not self.count_items:
            return
        view = self.plot.getPlotItem().getViewBox()
        cell = min(view.height(), view.width()) / max(self.levels, 1)
        largest = font(COUNT_PT, bold=True)
        pixels = QFontMetricsF(largest).height()
        wanted = QFont(largest)
        if cell > 0 and pixels > 0.7 * cell:
            wanted.setPointSizeF(max(8.0, largest.pointSizeF() * 0.7 * cell / pixels))
        for text in self.count_items.values():
            if text.textItem.font() != wanted:
                text.setFont(wanted)

    # ------------------------------------------------------------------ keyboard
    def eventFilter(self, watched, event) -> bool:
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self._fit_title()
        if (watched is self.plot and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.escape_used is not None and self.escape_used()):
            return True  # the page used it (a cell's filter taken off); else Esc goes on to the window
        return super().eventFilter(watched, event)

    @property
    def cell_cursor(self) -> tuple[int, int] | None:
        """The cell the keyboard's cursor is on (probability, impact)."""
        return self.chart_cursor.key

    def cursor_spots(self) -> list[Spot]:
        """Every cell, top row first (the highest probability), each row from the lowest impact."""
        n = self.levels
        return [Spot((p, i), QRectF(i - 0.5 + GAP / 2, p - 0.5 + GAP / 2, 1 - GAP, 1 - GAP), self.cell_text(p, i))
                for p in range(n, 0, -1) for i in range(1, n + 1)]

    def cell_text(self, probability: int, impact: int) -> str:
        """What a cell holds, as the cursor says it: "Probability 4 High × impact 5 Very high: 2 risks"."""
        names = self.level_names
        count = self.count(probability, impact)
        held = f"{count} risk{'s' if count != 1 else ''}" if count else "no risks"
        if self.unscored and not any(c.count for c in self.cells.values()):
            # An empty map's cells all say "no risks": its line says what the map's middle says, how many risks it
            # leaves out for want of a score, not the cell alone (walk45)
            held += f" — {self._unscored_words()} (Register tab, Ctrl+PgUp)"
        return (f"Probability {probability} {names[probability - 1]} × impact {impact} {names[impact - 1]}: "
                f"{held}" + (" — Enter lists them in the register" if count and self.source is None else ""))

    def _fullest(self, _spots) -> tuple[int, int]:
        fullest = max(self.cells.values(), key=lambda c: c.count, default=None)
        return (fullest.probability, fullest.impact) if fullest else (self.levels, self.levels)

    # ------------------------------------------------------------------ clicks
    def count(self, probability: int, impact: int) -> int:
        cell = self.cells.get((probability, impact))
        return cell.count if cell else 0

    def click_cell(self, probability: int, impact: int) -> None:
        if self.source is not None:
            return  # today's register cannot list a past state's risks
        cell = self.cells.get((probability, impact))
        if cell is None or not cell.ids:
            # A register filtered to no rows said nothing a presenter could read, and lost the view it had.
            tell(self, f"No risks in {cell_label(probability, impact, self.residual)}: the register is left as it "
                       "was.")
            return
        self.cell_clicked.emit(set(cell.ids), cell_label(probability, impact, self.residual))

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        vb = self.plot.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        point = vb.mapSceneToView(scene_pos)
        p, i = round(point.y()), round(point.x())
        n = self.document.context.risk_scale.size
        return (p, i) if 1 <= p <= n and 1 <= i <= n else None

    def _on_scene_click(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.click_cell(*cell)
