"""The power/interest grid (pyqtgraph): stakeholders as labelled points on four tinted quadrants.

Drag a point to a new cell and release: it snaps to whole levels and power and interest change in
one undoable edit. Click a point to select its row. Stakeholders not yet rated wait in a list beside the grid
(``not_rated``), from which they can be dragged in or rated by Ctrl+arrows.

The mouse handlers take scene coordinates (``press_at``, ``drag_to``, ``release_at``, ``click_at``),
so tests drive exactly the code the mouse does.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QBoxLayout, QComboBox, QGraphicsRectItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...models import stakeholder_queries as queries
from ...models.registers.stakeholders import STAKEHOLDERS
from ...models.snapshots import Source
from ...models.stakeholder_rules import (
    ATTITUDES,
    DIVIDER,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    NOT_ASSESSED_YET,
    SCALE_NAMES,
    engagement_gap,
    gap_band,
    quadrant,
    snap_level,
)
from ..as_at import AsAtBar
from ..chart_cursor import HALO_PX, MARK_PX, ChartCursor, Spot
from ..chart_export import install_export
from ..chart_theme import follow_theme
from ..document import Document
from ..register_table.commands import CellEdit, EditCellsCommand
from ..theme import colours, theme
from ..zoom import sizes_itself, zoom
from .colours import ATTITUDE_COLOURS, GAP_BANDS_ASSESSED, GAP_COLOURS, QUADRANT_TINTS
from .layout import Placed, place
from .not_rated import MIME_TYPE, NotRatedList

LOW, HIGH = 0.5, 5.5          # the grid's extent: levels 1..5 are cell centres
# Ctrl+arrows on the grid: (power, interest) steps of the stakeholder the keyboard's cursor is on
STEPS = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Left: (0, -1)}
POINT_SIZE = 20               # pixels
HIT_RADIUS = POINT_SIZE / 2 + 5
RING_SIZE = POINT_SIZE + 14     # the ring round the stakeholder selected, in pixels across
# A label's box this far from its point's centre, its text 4 pixels (the box's margin) further: on the left clear of
# the disc (``LABEL_GAP_PX``), on the right a fixed part of a cell (``RIGHT_GAP_CELLS``), and for the stakeholder
# selected at least clear of the ring it wears (``RINGED_GAP_PX``). The right's 0.07 of a cell (7 pixels at
# 1280×720) began under the ring of the stakeholder just typed — "Internal audit" read "nternal audit" (walk41).
# Only the ringed one stands further off: the others keep the places every name is fitted round (walkthroughs 16
# and 19 hold them), which show every demo name whole at 150 % on 1280×720.
LABEL_GAP_PX = POINT_SIZE / 2 - 2
RIGHT_GAP_CELLS = 0.07
RINGED_GAP_PX = RING_SIZE / 2 - 2
LABEL_PT = 14
LEGEND_LEAST_PT = 10  # the legend's type shrinks to this to stay on one line
QUADRANT_PT = 17
QUADRANT_LEAST_PT = 10
TITLE_BAND = 0.34             # grid units above and below the grid for the quadrant titles, at least
TITLE_GAP_PX = 3              # between a quadrant's title and the grid's edge
AXIS_PT = 14
AWAY_AT_MOST = 5  # names with no room beside their point drawn whole elsewhere, a line to it (``_place_away``)
LEFT_AXIS_PX = 150            # the power axis with its levels' words ("5 Very high") and title
NOT_RATED_WIDTH = 220         # the not-rated list beside the grid
HINT_FROM_HEIGHT = 400        # the grid's height from which its hint has a line of its own (``_show_hint``)
NOT_RATED_BESIDE_FROM = 900   # the grid's width from which that list stands beside it (a projector), not under it
COLOUR_MODES = (("attitude", "Colour by attitude"), ("gap", "Colour by engagement gap"))


DROP_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def _on_the_grid(at: QPointF) -> bool:
    """Whether a drop at this point (in grid units) rates the stakeholder: anywhere but under the grid's lowest
    row, where nothing is (a point dropped beside or over the grid takes the nearest level, as ``snap_level``)."""
    return at.y() >= LOW - 0.1


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _two_lines(text: str, metrics: QFontMetrics, width: int, lines: int = 2) -> str:
    """Break a name at spaces onto at most ``lines`` lines of this pixel width; the rest is shortened."""
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one word wider than the space: a single shortened line
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    rest = " ".join(words)
    if not rest:
        return first
    if lines > 2:
        return first + "\n" + _two_lines(rest, metrics, width, lines - 1)
    return first + "\n" + metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


def _readable_cut(name: str, text: str, metrics: QFontMetrics, room: int) -> str:
    """A name cut to a few letters ("Sv…", "El…": two columns of stakeholders in one cell at 1280×720) reads as
    nothing from the back of the room: its initials are drawn instead ("SS" for Svetlana Svensson) where they fit
    the room beside the point, else no name at all — the point's tooltip, the table and the keyboard's caption name
    it. A name cut after five letters or more, or whole, stays as it is."""
    if not text.endswith("…") or len(text[:-1].replace(" ", "").replace("\n", "")) >= 5:
        return text
    initials = "".join(word[0] for word in name.split() if word[0].isalpha()).upper()[:3]
    return initials if initials and metrics.horizontalAdvance(initials) + 8 <= room else ""


def _nearest(box: QRectF, point: QPointF) -> QPointF:
    return QPointF(min(max(point.x(), box.left()), box.right()), min(max(point.y(), box.top()), box.bottom()))


def _crosses(start: QPointF, end: QPointF, boxes: list[QRectF]) -> bool:
    """Whether the line from ``start`` to ``end`` passes through any of ``boxes`` (tested every 2 pixels)."""
    steps = max(1, int(max(abs(end.x() - start.x()), abs(end.y() - start.y())) / 2))
    for i in range(steps + 1):
        t = i / steps
        at = QPointF(start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t)
        if any(box.contains(at) for box in boxes):
            return True
    return False


class _PointsItem(pg.ScatterPlotItem):
    """The stakeholder points; hands mouse drags and clicks to the grid in scene coordinates."""

    def __init__(self, grid: "PowerInterestGrid"):
        super().__init__(pxMode=True, hoverable=True, tip=grid._tip)
        self._grid = grid

    def mouseDragEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            if self._grid.press_at(ev.buttonDownScenePos()) is None:
                ev.ignore()
                return
        elif self._grid.dragging is None:
            ev.ignore()
            return
        ev.accept()
        if ev.isFinish():
            self._grid.release_at(ev.scenePos())
        else:
            self._grid.drag_to(ev.scenePos())

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton and self._grid.click_at(ev.scenePos()) is not None:
            ev.accept()
        else:
            ev.ignore()


class PowerInterestGrid(QWidget):
    record_clicked = Signal(int)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.scope: queries.Scope = None
        self.colour_mode = "attitude"
        self.points: list[queries.GridPoint] = []
        self.positions: dict[int, tuple[float, float]] = {}
        self.dragging: int | None = None
        self._label_left: set[int] = set()  # points whose label is drawn to their left, where it is whole
        self._label_down: dict[int, float] = {}  # pixels a whole name is moved down (up: < 0) to clear another
        # Names with no room beside their point, drawn whole where the grid has room, a line to their point:
        # the label's left middle, in pixels from the view's origin (y downwards) (``_place_away``).
        self._label_away: dict[int, QPointF] = {}
        self._leader_end: dict[int, QPointF] = {}  # where its line meets an away label, from the label's top left
        self.selected: int | None = None
        self._labels: dict[int, pg.TextItem] = {}
        self._placed: dict[int, Placed] = {}
        self.not_rated: list[queries.GridPoint] = []  # no power or no interest: listed beside the grid, not on it
        self._band = TITLE_BAND  # grid units above and below the grid for the quadrants' titles (``_titles_fit``)
        self._quadrant_pt = QUADRANT_PT
        sizes_itself(self)  # its names and legend take the largest type their room lets them, at any zoom

        self.colour_combo = QComboBox(self)
        self.colour_combo.setAccessibleName("Colour the stakeholders by")
        for key, text in COLOUR_MODES:
            self.colour_combo.addItem(text, key)
        self.colour_combo.currentIndexChanged.connect(lambda _i: self.set_colour_mode(self.colour_combo.currentData()))
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setFont(_font(LABEL_PT))
        self.hint = QLabel(self.HINT, self)
        self.hint.setWordWrap(True)  # (never wider than the grid: at 150 % a longer hint widened the whole page)
        # A past state (a date or a board snapshot) shown read only; None: today, the live office.
        self.source: Source | None = None
        self.as_at = AsAtBar(document, self)
        self.as_at.source_changed.connect(self.set_source)

        self.plot = pg.PlotWidget()
        # Beside the table at 150 % on a 1280×720 screen, and as short as that screen leaves it below the
        # controls and legend (about 190 of Qt's pixels): at 360 the tab was taller than the screen and the
        # grid's lower half — "Monitor" and "Keep informed" — was only seen by scrolling the whole page.
        self.plot.setMinimumSize(360, 180)
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        # Not zoomed: its names already size themselves to the cells, and bigger text would only cut them.
        install_export(self.plot, "Power interest grid", follow_zoom=False)
        self.view = item.getViewBox()
        self.view.setMouseEnabled(False, False)
        self.view.disableAutoRange()
        follow_theme(self.plot)
        self._style_axes(item)
        self._draw_quadrants()
        self.points_item = _PointsItem(self)
        self.points_item.setZValue(10)
        self.plot.addItem(self.points_item)
        self.ring = pg.ScatterPlotItem(pxMode=True, size=RING_SIZE, symbol="o", brush=None,
                                       pen=pg.mkPen(colours().text, width=3))
        self.ring.setZValue(9)
        self.plot.addItem(self.ring)
        self.leaders = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(colours().text, width=1))
        self.leaders.setZValue(7)
        self.plot.addItem(self.leaders)
        self.view.sigResized.connect(self._on_resized)
        self.plot.scene().sigMouseMoved.connect(self._show_hand_over_points)
        # The keyboard: arrows go from stakeholder to stakeholder, Enter selects one's row as a click does.
        self.chart_cursor = ChartCursor(self.plot, self.cursor_spots, self._open_spot,
                                  lambda _spots: self.selected if self.selected in self.positions else None)
        # Ctrl+arrows move the stakeholder the cursor is on a level, as a drag does: the grid had no keyboard way
        # to re-rate one, only the Power and Interest cells of the table beside it.
        self.plot.installEventFilter(self)
        # Those not rated yet, in a list beside the grid (below it on a narrow one): dragged onto the grid they
        # are rated where dropped, as a point dragged there is.
        self.not_rated_list = NotRatedList(self)
        self.not_rated_list.chosen.connect(self._open_spot)
        self.not_rated_list.stepped.connect(self._step_not_rated)
        self.plot.viewport().setAcceptDrops(True)
        self.plot.viewport().installEventFilter(self)

        # The colour choice beside the date, the legend under both across the whole width: beside the
        # combo box the legend had half the width and wrapped to one entry a line (five lines, 128 px).
        top = QHBoxLayout()
        top.addWidget(self.as_at)
        top.addWidget(self.colour_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        self.grid_and_list = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.grid_and_list.addWidget(self.plot, 1)
        self.grid_and_list.addWidget(self.not_rated_list)
        layout.addLayout(self.grid_and_list, 1)
        layout.addWidget(self.hint)
        document.records_changed.connect(self._on_records_changed)
        theme().changed.connect(self._on_theme)
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def _style_axes(self, item) -> None:
        for name, title in (("bottom", "Interest"), ("left", "Power / influence")):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=_font(AXIS_PT), tickLength=0)
            axis.setLabel(title, **{"font-size": f"{AXIS_PT + 2}pt", "font-weight": "bold", "color": colours().text})
        item.getAxis("left").setWidth(LEFT_AXIS_PX)
        item.getAxis("bottom").setHeight(70)

    def _set_ticks(self) -> None:
        names = [(i, f"{i} {name}") for i, name in enumerate(SCALE_NAMES, start=1)]
        # Interest's levels each under its cell: where a cell is narrower than "3 Medium" (the grid beside
        # the table at 150 %) the number goes above the word, else the labels ran into one another.
        bottom = self.plot.getPlotItem().getAxis("bottom")
        metrics = QFontMetrics(_font(AXIS_PT))
        cell = 1 / max(self.view.viewPixelSize()[0], 1e-9)
        words = [(i, text.replace(" ", "\n", 1)) for i, text in names]
        lines = 1
        numbers = [(i, str(i)) for i, _text in names]
        # Numbers or words is decided on the cells' width with the power axis in words (150 pixels): the power
        # axis's width, which that choice sets, gives or takes the cells' width, and deciding on the cells as
        # they were after it flipped the choice at every layout — the window hung, redrawing the grid for
        # ever (presentation mode on an 800-pixel screen).
        left = self.plot.getPlotItem().getAxis("left")
        with_words = cell + ((left.fixedWidth or left.width()) - LEFT_AXIS_PX) / (HIGH - LOW)
        longest_word = max(metrics.horizontalAdvance(word) for name in SCALE_NAMES for word in name.split())
        narrow = longest_word + 8 > with_words
        if narrow:  # the numbers, and the power axis beside them the same (see below)
            bottom.setTicks([numbers])
        elif max(metrics.horizontalAdvance(text) for _i, text in names) + 8 <= cell:
            bottom.setTicks([names])
        else:
            bottom.setTicks([words])
            lines = 2
        # As tall as its labels' lines and its title: a fixed height for two lines left a blank band over
        # "Interest" under one line of numbers, taken from a grid already short at 150 %.
        height = lines * metrics.lineSpacing() + QFontMetrics(_font(AXIS_PT + 2, bold=True)).height() + 12
        if bottom.height() != height:
            bottom.setHeight(height)
        # Where the levels are numbers, the interest axis's title says what they stand for, as its words did
        # ("1 Very low" … "5 Very high"; power's numbers are the same scale): at 150 % on 1280×720 only the
        # numbers were left, on both axes.
        interest = "Interest"
        if narrow:
            interest += (f"<span style='font-weight:normal; font-size:{LABEL_PT - 2}pt'>: 1 "
                         f"{SCALE_NAMES[0].lower()} … 5 {SCALE_NAMES[-1].lower()}</span>")
        if bottom.labelText != interest:
            bottom.setLabel(interest, **{"font-size": f"{AXIS_PT + 2}pt", "font-weight": "bold",
                                         "color": colours().text})
            if bottom.label.boundingRect().width() > self.view.width():  # no room for the scale: the title alone
                bottom.setLabel("Interest", **{"font-size": f"{AXIS_PT + 2}pt", "font-weight": "bold",
                                               "color": colours().text})
            bottom.resizeEvent()  # pyqtgraph centres its label only as the axis resizes: centred for its length
        # "Power / influence" up the side of a grid shorter than it (cut to "Power / influe"): "Power".
        title = "Power / influence"
        if QFontMetrics(_font(AXIS_PT + 2, bold=True)).horizontalAdvance(title) > self.view.height():
            title = "Power"
        if left.labelText != title:
            left.setLabel(title, **{"font-size": f"{AXIS_PT + 2}pt", "font-weight": "bold", "color": colours().text})
        # Where interest's levels are numbers, power's are too: "5 Very high" kept the power axis 150 pixels
        # wide, two fifths of a grid beside the table at 150 % on 1280×720, and the cells so narrow that the
        # names in them were cut ("Heler Broo…"). The words are in each point's tooltip and the table's columns.
        levels = numbers if narrow else names
        ticks = list(reversed(levels))
        left.setTicks([ticks])
        # The power levels' labels no taller than a level's row: on a short grid they ran into one another.
        row = 1 / max(self.view.viewPixelSize()[1], 1e-9)
        size = AXIS_PT if metrics.height() <= row else max(8, int(AXIS_PT * row / metrics.height()))
        if left.style["tickFont"] is None or left.style["tickFont"].pointSize() != size:
            left.setStyle(tickFont=_font(size))
        # As wide as its widest label and its title's line (with pyqtgraph's gaps), the words' 150 else.
        width = LEFT_AXIS_PX
        if narrow:
            widest = max(QFontMetrics(_font(size)).horizontalAdvance(text) for _y, text in ticks)
            width = widest + QFontMetrics(_font(AXIS_PT + 2, bold=True)).height() + 20
        if left.width() != width:
            left.setWidth(width)

    def _draw_quadrants(self) -> None:
        # Quadrant titles sit in bands just outside the grid (above the top quadrants, below the bottom
        # ones), so they never collide with the stakeholders in the corner cells.
        corners = {  # quadrant: (x0, y0, x1, y1, label x, label y, anchor)
            MANAGE_CLOSELY: (DIVIDER, DIVIDER, HIGH, HIGH, HIGH - 0.04, HIGH, (1, 1)),
            KEEP_SATISFIED: (LOW, DIVIDER, DIVIDER, HIGH, LOW + 0.04, HIGH, (0, 1)),
            KEEP_INFORMED: (DIVIDER, LOW, HIGH, DIVIDER, HIGH - 0.04, LOW, (1, 0)),
            MONITOR: (LOW, LOW, DIVIDER, DIVIDER, LOW + 0.04, LOW, (0, 0)),
        }
        self.quadrant_labels: dict[str, pg.TextItem] = {}
        self.quadrant_rects: dict[str, QGraphicsRectItem] = {}
        self._title_edges: dict[str, tuple[float, float]] = {}  # where each title meets the grid's edge
        for name, (x0, y0, x1, y1, lx, ly, anchor) in corners.items():
            rect = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
            rect.setPen(pg.mkPen(None))
            rect.setZValue(-20)
            self.plot.addItem(rect)
            self.quadrant_rects[name] = rect
            label = pg.TextItem(name, anchor=anchor)
            # No margin round the title's line: its band is as tall as the line and a gap (``_titles_fit``), not
            # 8 pixels more — pixels a short grid's cells need for their names (150 % on 1280×720).
            label.textItem.document().setDocumentMargin(0)
            label.setFont(_font(QUADRANT_PT, bold=True))
            label.setPos(lx, ly)
            label.setZValue(-5)
            self.plot.addItem(label)
            self.quadrant_labels[name] = label
            self._title_edges[name] = (lx, ly)
        self.cell_lines: list[pg.InfiniteLine] = []
        for edge in (1.5, 3.5, 4.5):  # cell edges, so a point reads as "in" a level
            for angle in (0, 90):
                line = pg.InfiniteLine(edge, angle=angle)
                line.setZValue(-15)
                self.plot.addItem(line)
                self.cell_lines.append(line)
        self.dividers = [pg.InfiniteLine(DIVIDER, angle=90), pg.InfiniteLine(DIVIDER, angle=0)]
        for line in self.dividers:
            line.setZValue(-10)
            self.plot.addItem(line)
        self._colour_grid()

    def _colour_grid(self) -> None:
        """The quadrants, lines and titles in the theme's colours."""
        c = colours()
        for name, rect in self.quadrant_rects.items():
            rect.setBrush(QColor(c.tint(QUADRANT_TINTS[name])))
        for label in self.quadrant_labels.values():
            label.setColor(c.muted if c.dark else "#37474f")
        for line in self.cell_lines:
            line.setPen(pg.mkPen(c.faint, width=1))
        for line in self.dividers:
            line.setPen(pg.mkPen(c.divider, width=2))

    def _on_theme(self, *_args) -> None:
        self._style_axes(self.plot.getPlotItem())
        self._colour_grid()
        self.ring.setPen(pg.mkPen(colours().text, width=3))
        self.leaders.setPen(pg.mkPen(colours().text, width=1))
        self.refresh()

    def band_of(self, p: queries.GridPoint) -> str | None:
        """The legend entry ``p`` is drawn as — its attitude, or its engagement gap's band — or None when nobody
        assessed what the grid is coloured by."""
        if self.colour_mode == "gap":
            band = gap_band(engagement_gap(p.current_engagement, p.desired_engagement))
            return None if band == NOT_ASSESSED_YET else band
        return p.attitude or None

    def colour_of(self, p: queries.GridPoint) -> str | None:
        """The colour of ``p``'s disc; None for a stakeholder nobody assessed, drawn hollow (``_spot``)."""
        band = self.band_of(p)
        return None if band is None else (GAP_COLOURS if self.colour_mode == "gap" else ATTITUDE_COLOURS).get(band)

    def legend_entries(self) -> list[tuple[str, str | None]]:
        """Each colour with what it means; those nobody assessed last, counted, as a hollow ring (colour None) —
        never a grey that reads as a level."""
        named = ([(band, GAP_COLOURS[band]) for band in GAP_BANDS_ASSESSED] if self.colour_mode == "gap"
                 else [(a, ATTITUDE_COLOURS[a]) for a in ATTITUDES])
        unassessed = sum(1 for p in self.points if self.colour_of(p) is None)
        return named + ([(f"{NOT_ASSESSED_YET} ({unassessed})", None)] if unassessed else [])

    def _legend_html(self, points: int) -> str:
        return "&nbsp;&nbsp; ".join(
            f'<span style="color:{colour or colours().text}; font-size:{points + 6}pt">{"●" if colour else "◌"}</span>'
            f"&nbsp;{text}" for text, colour in self.legend_entries())

    def _draw_legend(self) -> None:
        """The legend on one line in the largest type that lets it (LABEL_PT down to LEGEND_LEAST_PT), wrapped
        only below that: at 150 % on a 1280×720 screen it took two lines of 14 pt, a quarter of the grid's
        height, and the names in the cells were cut to "Heler Broo..". """
        room = self.width() - 2 * self.legend.margin() - 4
        document = QTextDocument()
        points = LABEL_PT
        for points in range(LABEL_PT, LEGEND_LEAST_PT - 1, -1):
            document.setDefaultFont(_font(points))
            document.setHtml(self._legend_html(points))
            if document.idealWidth() <= room:
                break
        self.legend.setFont(_font(points))
        self.legend.setText(self._legend_html(points))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the legend's type follows the width alone
            self._draw_legend()
            self._place_not_rated_list(event.size().width())
        elif event.size().height() != event.oldSize().height():
            self._show_hint()

    def _place_not_rated_list(self, width: int) -> None:
        """Beside the grid where that leaves the grid its width (1920×1080), else on one line under it: at 1280×720
        the grid beside the table has about 700 of Qt's pixels, at 150 % about 390, and a list beside it took the
        width the levels' words and the names need."""
        beside = width >= NOT_RATED_BESIDE_FROM
        self.grid_and_list.setDirection(QBoxLayout.Direction.LeftToRight if beside
                                        else QBoxLayout.Direction.TopToBottom)
        self.not_rated_list.set_beside(beside, NOT_RATED_WIDTH)
        self._show_hint()

    def _show_hint(self) -> None:
        """The hint's line under the grid, or — where the grid needs its room — the same words in the legend's
        tooltip. Under the grid, the not-rated list's line takes the hint's place (its tooltip says how to rate
        from it): both were taller than a grid at 150 % on 1280×720 left them, and the grid was drawn over the
        list. On a short page (150 % on 1280×720) the grid takes the hint's line too: with the quadrants' titles
        in bands above and below the cells, the cells were 21 pixels high and "Union representatives" and "Store
        managers forum" were cut; with that line they are 25 and every name is whole. A past state keeps its
        line: it says the grid is read only."""
        beside = self.width() >= NOT_RATED_BESIDE_FROM
        room = self.height() >= HINT_FROM_HEIGHT
        self.hint.setVisible(self.source is not None or (room and (beside or not self.not_rated)))
        self.legend.setToolTip("" if self.hint.isVisible() else self.hint.text())

    HINT = "Drag, or Ctrl+arrows, to re-rate a stakeholder; click to select."
    HINT_WITH_LIST = "Drag, or Ctrl+arrows, to rate a stakeholder, on the grid or from the list beside it."

    def _say_hint(self) -> None:
        self.hint.setText("A past state: read only. Esc or “Back to today” returns to today." if self.source
                          else self.HINT_WITH_LIST if self.not_rated else self.HINT)
        self._show_hint()

    def set_source(self, source: Source | None) -> None:
        """Show a past state, read only (nothing to drag, nothing selected in today's table), or today."""
        self.source = source
        self.dragging = None
        self._say_hint()
        self.refresh()

    def refresh(self) -> None:
        office = self.source.office if self.source is not None else self.document.office
        every = office.read(queries.grid_points, self.scope)
        self.points = [p for p in every if p.power is not None and p.interest is not None]
        self.not_rated = [p for p in every if p.power is None or p.interest is None]
        self._layout()
        for label in self._labels.values():
            self.plot.removeItem(label)
        self._labels = {}
        for p in self.points:
            label = pg.TextItem(p.name, color=colours().text, anchor=(0, 0.5), fill=pg.mkBrush(*colours().panel[:3], 200))
            label.setFont(_font(LABEL_PT))
            label.setZValue(8)
            label.setToolTip(self._tip_text(p))
            self.plot.addItem(label)
            self._labels[p.id] = label
        self._fit_labels()
        self._draw_points()
        self._draw_legend()
        # The list last, the grid whole by then: showing or hiding it resizes the grid (which lays its points out
        # again) and may move the keyboard (whose cursor reads them).
        self.not_rated_list.fill([(p.id, p.name, self._tip_text(p)) for p in self.not_rated])
        self._place_not_rated_list(self.width())
        self._say_hint()

    def _titles_fit(self) -> tuple[float, int]:
        """For the grid's height now: the bands above and below the grid that hold the quadrants' titles, in grid
        units, and the titles' size. The titles shrink with the cells (from QUADRANT_PT down to QUADRANT_LEAST_PT)
        and each band is as tall as its title's line as drawn: a band of a fixed share of a cell cut the titles in
        half at 1280×720 with the stakeholders not rated yet listed under the grid. On any grid, however short, the
        titles keep their bands, outside the cells: inside their quadrants (150 % on 1280×720) "Raj Mehta" lay over
        "Manage closely" and "Store managers forum" over "Keep informed", and a quadrant full of names has no
        corner free. The cells give up the bands' few pixels; the names keep to the cells (``_fit_labels``)."""
        height = self.view.height()
        if height <= 0:
            return TITLE_BAND, QUADRANT_PT
        usual_cell = height / (HIGH - LOW + 2 * TITLE_BAND)
        points = max(QUADRANT_LEAST_PT, min(QUADRANT_PT, round(usual_cell * TITLE_BAND / 1.9)))
        label = next(iter(self.quadrant_labels.values()))
        label.setFont(_font(points, bold=True))
        line = label.textItem.boundingRect().height() + TITLE_GAP_PX
        cell = max(1.0, (height - 2 * line) / (HIGH - LOW))
        return max(TITLE_BAND, line / cell), points

    def _layout(self) -> None:
        """Where every point goes at this size, and the range shown."""
        self._band, self._quadrant_pt = self._titles_fit()
        # How far apart two points' centres must be, in grid units, at this size: a crowded cell's points are
        # spread so that none stands on another (``layout._fan``).
        width, height = self.view.width(), self.view.height()
        apart = ((POINT_SIZE + 1) * (HIGH - LOW) / width,
                 (POINT_SIZE + 1) * (HIGH - LOW + 2 * self._band) / height) if width > 0 and height > 0 else (0.0, 0.0)
        self._placed = place(self.points, apart)
        self.positions = {rid: (p.x, p.y) for rid, p in self._placed.items()}
        self.view.setRange(xRange=(LOW, HIGH), yRange=(LOW - self._band, HIGH + self._band), padding=0)
        self._set_ticks()

    def _on_resized(self, *_args) -> None:
        if self.dragging is None:  # a point being dragged keeps where the mouse has it
            self._layout()
            self._fit_labels()
            self._draw_points()
        else:
            self._set_ticks()
            self._fit_labels()

    def _fit_labels(self, *_args) -> None:
        """Fit each label into its share of the cell at the current size: wrap a lone point's label
        onto two lines, shorten crowded ones (the tooltip has the full name). The axes' ticks are set first by
        the caller (``_layout`` does)."""
        pixel_w, pixel_h = self.view.viewPixelSize()
        unit_px, unit_py = 1 / max(pixel_w, 1e-9), 1 / max(pixel_h, 1e-9)
        for name, label in getattr(self, "quadrant_labels", {}).items():
            label.setFont(_font(self._quadrant_pt, bold=True))
            x, y = self._title_edges[name]  # a few pixels off the grid's edge, into its band
            label.setPos(x, y + (TITLE_GAP_PX if y > DIVIDER else -TITLE_GAP_PX) * pixel_h)
        if not self._labels:
            return
        label_font = _font(max(9, min(LABEL_PT, round(unit_px / 10))))
        metrics = QFontMetrics(label_font)
        lines = 3 if 3 * metrics.height() < 0.8 * unit_py else 2  # a lone name may take three lines when they fit
        # A row shorter than two lines (150 % beside the table): a name with a neighbour in the row above or
        # under it takes one line, else the two were drawn over each other ("Linda Osei" and "Union
        # representatives"); a name with no neighbour there keeps its two lines, whole.
        short_rows = 2 * metrics.height() > unit_py

        def crowded(rid: int) -> bool:
            x, y = self.positions[rid]
            return any(other != rid and abs(ox - x) < 0.5 and 0 < abs(oy - y) < 1.5
                       for other, (ox, oy) in self.positions.items())
        self._label_left = set()
        self._label_down = {}
        self._label_away = {}
        disc = POINT_SIZE / 2 + 2  # every point's disc, in pixels from the view's origin (y downwards)
        discs = {rid: QRectF(x * unit_px - disc, -y * unit_py - disc, 2 * disc, 2 * disc)
                 for rid, (x, y) in self.positions.items()}
        grid_area = QRectF(LOW * unit_px, -HIGH * unit_py, (HIGH - LOW) * unit_px, (HIGH - LOW) * unit_py)
        rooms: dict[int, int] = {}
        for p in self.points:
            placed, label = self._placed[p.id], self._labels[p.id]
            x, y = self.positions[p.id]
            gap = self._label_gap(p.id, False, unit_px) / unit_px  # the label's start right of its point, in cells
            room = HIGH - (x + gap) - 0.03  # never past the grid's right edge
            # … nor onto the next point to its right on its line: a crowded cell's first column stands 0.1 of a cell
            # into the one before it, and a name there ran under its points, cut by them with no "…" ("Elena Nak").
            ahead = [ox for other, (ox, oy) in self.positions.items()
                     if other != p.id and ox > x and abs(oy - y) * unit_py < POINT_SIZE]
            if ahead:
                room = min(room, min(ahead) - x - gap - (POINT_SIZE / 2 + 4) / unit_px)
            rooms[p.id] = int(min(placed.label_width, room) * unit_px)
            # At least a few letters' room — but never past the next point on the line (150 % at 1280×720: "Bila…"
            # ran under its neighbour's disc); there the room is what it is, and a name too long for it is said
            # by its initials or not at all (below).
            width = rooms[p.id] if ahead else max(40, rooms[p.id])
            label.setFont(label_font)
            one_line = metrics.elidedText(p.name, Qt.TextElideMode.ElideRight, width)
            text = (_two_lines(p.name, metrics, width, lines) if placed.wrap and not (short_rows and crowded(p.id))
                    else one_line)
            label.setText(text)
            # The names keep to the cells, the bands above and below being the quadrants' titles': a name of two
            # lines in the top or bottom row of a short grid (150 % on 1280×720) reached into its band, over a
            # title. It takes one line there and looks for room to be whole below (``_place_whole_names``).
            if text != one_line and not grid_area.contains(self._label_rect(p.id, label, unit_px, unit_py)):
                label.setText(one_line)
        # Then each shortened name looks for room to be whole, clear of every point and every other label.
        self._place_whole_names(metrics, unit_px, unit_py, discs)
        for p in self.points:  # what is still cut to a few letters is said by its initials, or not at all
            label = self._labels[p.id]
            if p.id not in self._label_away:
                label.setText(_readable_cut(p.name, label.textItem.toPlainText(), metrics, rooms[p.id]))
        self._leave_out_covered_names(unit_px, unit_py)

    def _leave_out_covered_names(self, unit_px: float, unit_py: float) -> None:
        """A name whose text would stand on another's is left out, its point kept (its tooltip, the keyboard's
        caption and the table name it): 60 stakeholders with 13 in one cell, presented at 1280×720, stacked their
        names 8 pixels apart in 16-pixel lines, each name's box over the one above — "Sv", "Ch", "Za", none
        readable. Taken in the table's order (a cell's stack top to bottom), every name drawn is read whole as
        it is given: its lines' box (the label's, less the text document's 4-pixel margin) on no other's by more than
        30 % of a line — the room under a line's letters and over its capitals, where a neighbour was always read
        whole ("Raj Mehta" over "Ximena F…", 17 pixels apart in 22-pixel lines)."""
        drawn: list[QRectF] = []
        for p in self.points:
            label = self._labels[p.id]
            slack = 4 + QFontMetrics(label.textItem.font()).height() * 0.15
            box = self._label_rect(p.id, label, unit_px, unit_py).adjusted(4, slack, -4, -slack)
            clear = bool(label.textItem.toPlainText()) and not any(box.intersects(other) for other in drawn)
            label.setVisible(clear)
            if clear:
                drawn.append(box)

    def _place_whole_names(self, metrics: QFontMetrics, unit_px: float, unit_py: float,
                           discs: dict[int, QRectF]) -> None:
        """Each shortened name drawn whole where the grid has room for it, as many as fit. Taken one after the
        other in the table's order, the first name to move aside could take the only room of another (150 % on
        1280×720: "Union representatives" to the left of its point took the room "Data protection officer"
        needed, and "Linda Osei" stayed cut under a neighbour's name 1 pixel too low): a few orders are tried
        — every order of up to five shortened names — and the one that leaves the most names whole is kept."""
        shortened = [p for p in self.points if p.power is not None and p.interest is not None
                     and self._labels[p.id].textItem.toPlainText().replace("\n", " ") != p.name]
        if not shortened:
            return
        rects = {p.id: self._label_rect(p.id, self._labels[p.id], unit_px, unit_py) for p in self.points}
        cut = {p.id: self._labels[p.id].textItem.toPlainText() for p in shortened}
        # Each label's box is its text and a 4-pixel margin; a box may reach into another's margin but never
        # onto its text: boxes are compared taken in by 2 pixels, so two names keep 4 clear pixels between them.
        fixed = [*discs.items(), *((rid, r.adjusted(2, 2, -2, -2)) for rid, r in rects.items() if rid not in cut)]
        places = {p.id: self._whole_name_places(p, self._labels[p.id], metrics, unit_px, unit_py,
                                                [r for rid, r in fixed if rid != p.id]) for p in shortened}
        kept = {rid: r.adjusted(2, 2, -2, -2) for rid, r in rects.items() if rid in cut}

        def settle(order) -> dict[int, tuple[str, bool, float, QRectF]]:
            chosen: dict[int, tuple[str, bool, float, QRectF]] = {}
            for p in order:
                # Clear of the names already moved, and of those still cut where they are now.
                taken = [c[-1] for c in chosen.values()] + [r for rid, r in kept.items()
                                                            if rid != p.id and rid not in chosen]
                place = next((c for c in places[p.id] if not any(c[-1].intersects(t) for t in taken)), None)
                if place is not None:
                    chosen[p.id] = place
            return chosen

        from itertools import permutations

        orders = (permutations(shortened) if len(shortened) <= 4
                  else [shortened, sorted(shortened, key=lambda p: len(places[p.id]))])
        best: dict[int, tuple[str, bool, float, QRectF]] = {}
        for order in orders:
            chosen = settle(order)
            if len(chosen) > len(best):
                best = chosen
                if len(best) == len(shortened):
                    break
        for p in shortened:
            label = self._labels[p.id]
            text, left, down, _rect = best.get(p.id, (cut[p.id], False, 0.0, QRectF()))
            label.setText(text)
            self._label_down[p.id] = down
            if left:
                self._label_left.add(p.id)
            else:
                self._label_left.discard(p.id)
        still_cut = [p for p in shortened if p.id not in best]
        if 0 < len(still_cut) <= AWAY_AT_MOST:  # a few: each looks over the whole grid for its room
            self._place_away(still_cut, unit_px, unit_py, discs)

    def _place_away(self, names, unit_px: float, unit_py: float, discs: dict[int, QRectF]) -> None:
        """A name with no room beside its point (150 % on 1280×720: "Store managers forum", its neighbours'
        points a cell away on both sides) drawn whole on one line where the grid has room for it — nearest its
        point first — with a thin line to its point: the label clear of every point and name, the line crossing
        none. Where the grid has no such room the name stays shortened (its tooltip whole)."""
        inside = QRectF(LOW * unit_px, -HIGH * unit_py, (HIGH - LOW) * unit_px, (HIGH - LOW) * unit_py)
        # A moved name's box and another's share at most 2 of their 4-pixel margins (each compared taken in by 1):
        # taken in by 2, "Store managers forum" moved at 853×480 stood 2.7 pixels into "Payments provider"'s box.
        boxes = {rid: self._label_rect(rid, label, unit_px, unit_py).adjusted(1, 1, -1, -1)
                 for rid, label in self._labels.items() if rid in self.positions}
        for p in names:
            label = self._labels[p.id]
            cut = label.textItem.toPlainText()
            label.setText(p.name)
            size = label.textItem.boundingRect()
            x, y = self.positions[p.id]
            centre = QPointF(x * unit_px, -y * unit_py)
            others = [r for rid, r in boxes.items() if rid != p.id] + [r for rid, r in discs.items() if rid != p.id]
            own = discs[p.id]
            best: tuple[float, QRectF, QPointF] | None = None
            step = max(4.0, size.height() / 4)
            top = inside.top()
            while top + size.height() <= inside.bottom() + 0.5:
                left = inside.left()
                while left + size.width() <= inside.right() + 0.5:
                    box = QRectF(left, top, size.width(), size.height()).adjusted(1, 1, -1, -1)
                    left += step
                    if box.intersects(own) or any(box.intersects(o) for o in others):
                        continue
                    # the line ends at the box's nearest point, or at a corner when that crosses another
                    for end in (_nearest(box, centre), box.topLeft(), box.topRight(), box.bottomLeft(),
                                box.bottomRight()):
                        distance = (end.x() - centre.x()) ** 2 + (end.y() - centre.y()) ** 2
                        if best is not None and distance >= best[0]:
                            continue
                        if not _crosses(centre, end, others):
                            best = (distance, box, end)
                top += step
            if best is None:
                label.setText(cut)
                continue
            box = best[1].adjusted(-1, -1, 1, 1)
            self._label_away[p.id] = QPointF(box.left(), box.center().y())
            self._leader_end[p.id] = best[2] - box.topLeft()  # from the label's top left
            self._label_left.discard(p.id)
            self._label_down.pop(p.id, None)
            boxes[p.id] = best[1]

    def _label_rect(self, rid: int, label: pg.TextItem, unit_px: float, unit_py: float) -> QRectF:
        """Where a label falls, in pixels from the view's origin (y downwards), beside its point."""
        x, y = self.positions[rid]
        size = label.textItem.boundingRect()
        away = self._label_away.get(rid)
        if away is not None:
            return QRectF(away.x(), away.y() - size.height() / 2, size.width(), size.height())
        left = rid in self._label_left
        gap = self._label_gap(rid, left, unit_px)
        x0 = x * unit_px - gap - size.width() if left else x * unit_px + gap
        down = self._label_down.get(rid, 0.0)
        return QRectF(x0, -y * unit_py - size.height() / 2 + down, size.width(), size.height())

    def _whole_name_places(self, p, label: pg.TextItem, metrics: QFontMetrics, unit_px: float, unit_py: float,
                           taken: list[QRectF]) -> list[tuple[str, bool, float, QRectF]]:
        """Where a name its share of the cell cuts ("Heler Broo…" at 150 %, the full name only in the tooltip)
        could be drawn whole, best first: on one line to the right of its point, over an empty cell; else to its
        left; else on two lines, right then left; else a word a line. Each place is inside the grid and clear of
        ``taken`` (the points, the names not cut); a taller label only where the rows above and under leave it
        room. A label may also sit a few pixels lower or higher than its point — up to half a line, its middle
        still level with the point's disc — where that clears a neighbour's name. Each as (text, left of the point,
        pixels down, its box taken in by 2 pixels)."""
        inside = QRectF(LOW * unit_px, -HIGH * unit_py, (HIGH - LOW) * unit_px, (HIGH - LOW) * unit_py)
        words = p.name.split()
        tries = [p.name]
        if len(words) > 1:  # two lines, broken where the longer line is shortest
            tries.append(min(("\n".join((" ".join(words[:k]), " ".join(words[k:]))) for k in range(1, len(words))),
                             key=lambda t: max(metrics.horizontalAdvance(line) for line in t.split("\n"))))
        if len(words) > 2:
            tries.append("\n".join(words))
        was_left, was_text = p.id in self._label_left, label.textItem.toPlainText()
        places = []
        for text in tries:
            label.setText(text)
            for left in (False, True):
                if left:
                    self._label_left.add(p.id)
                else:
                    self._label_left.discard(p.id)
                rect = self._label_rect(p.id, label, unit_px, unit_py).adjusted(2, 2, -2, -2)
                most = metrics.height() // 2  # the text's middle stays within its point's disc
                for down in (0.0, *(float(sign * d) for d in range(1, most + 1) for sign in (1, -1))):
                    moved = rect.translated(0, down)
                    if inside.contains(moved) and not any(moved.intersects(other) for other in taken):
                        places.append((text, left, down, moved))
        label.setText(was_text)
        if was_left:
            self._label_left.add(p.id)
        else:
            self._label_left.discard(p.id)
        return places

    def _draw_points(self) -> None:
        spots = []
        lines: list[float] = []
        pixel_w, pixel_h = self.view.viewPixelSize()
        for p in self.points:
            x, y = self.positions[p.id]
            spots.append({"pos": (x, y), "data": p.id, "size": POINT_SIZE, "symbol": "o", **self._spot(p)})
            label = self._labels[p.id]
            away = self._label_away.get(p.id)
            if away is not None:  # drawn where the grid has room, a line to its point (``_place_away``)
                label.setAnchor((0, 0.5))
                label.setPos(away.x() * pixel_w, -away.y() * pixel_h)
                box = self._label_rect(p.id, label, 1 / max(pixel_w, 1e-9), 1 / max(pixel_h, 1e-9))
                end = box.topLeft() + self._leader_end.get(p.id, QPointF())
                lines += [x, y, end.x() * pixel_w, -end.y() * pixel_h]
                continue
            down = self._label_down.get(p.id, 0.0) * self.view.viewPixelSize()[1]  # in grid units
            px_w = max(self.view.viewPixelSize()[0], 1e-9)  # grid units a pixel across
            if p.id in self._label_left:  # drawn to the left of its point (``_place_whole_names``)
                label.setAnchor((1, 0.5))
                label.setPos(x - self._label_gap(p.id, True, 1 / px_w) * px_w, y - down)
            else:
                label.setAnchor((0, 0.5))
                label.setPos(x + self._label_gap(p.id, False, 1 / px_w) * px_w, y - down)
        self.points_item.setData(spots)
        self.leaders.setData(lines[0::2], lines[1::2])
        self._draw_ring()
        self.chart_cursor.redraw()

    def _spot(self, p: queries.GridPoint) -> dict[str, object]:
        """A disc of its colour, or — nobody assessed it — a hollow ring, dashed, in the text's colour: told apart
        from every level by its shape, on a projector and in greyscale print."""
        colour = self.colour_of(p)
        if colour is not None:
            return {"brush": pg.mkBrush(colour), "pen": pg.mkPen(colours().background, width=2)}
        ring = pg.mkPen(colours().text, width=2.5)
        ring.setDashPattern([2.0, 2.0])  # in pen widths: 5-pixel dashes, 5-pixel gaps
        return {"brush": pg.mkBrush(colours().background), "pen": ring}

    def _draw_ring(self) -> None:
        pos = self.positions.get(self.selected) if self.selected is not None else None
        self.ring.setData([{"pos": pos}] if pos else [])

    def _tip_text(self, p: queries.GridPoint) -> str:
        where = quadrant(p.power, p.interest) or "Not rated yet"
        return (f"{p.code} {p.name}\nPower {p.power or '–'}, interest {p.interest or '–'}: {where}\n"
                f"Attitude {_shown('attitude', p.attitude)}; engagement {_engagement(p)}")

    def cursor_spots(self) -> list[Spot]:
        """Every stakeholder on the grid, the highest power first, each row from the left (the least interest)."""
        pixel_w, pixel_h = self.view.viewPixelSize()
        half = POINT_SIZE / 2 + 2 + (MARK_PX + HALO_PX) * zoom().factor  # the frame's ring clear of the disc
        half_w, half_h = half * pixel_w, half * pixel_h
        spots = []
        for p in sorted(self.points, key=lambda p: (-self.positions[p.id][1], self.positions[p.id][0])):
            x, y = self.positions[p.id]
            where = quadrant(p.power, p.interest) or "not rated yet"
            text = (f"{p.code} {p.name}: power {p.power or '–'}, interest {p.interest or '–'} ({where}); "
                    f"attitude {_shown('attitude', p.attitude)}" + (" — Enter selects its row" if self.source is None else ""))
            spots.append(Spot(p.id, QRectF(x - half_w, y - half_h, 2 * half_w, 2 * half_h), text))
        return spots

    def _open_spot(self, record_id) -> None:
        if self.source is None:  # a past state: nothing of today's table to select
            self.select(record_id)
            self.record_clicked.emit(record_id)

    def _tip(self, x, y, data):
        point = self.point(data)
        return self._tip_text(point) if point else ""

    # ------------------------------------------------------------------ state from outside
    def point(self, record_id: int) -> queries.GridPoint | None:
        return next((p for p in self.points + self.not_rated if p.id == record_id), None)

    def set_scope(self, scope: queries.Scope) -> None:
        self.scope = scope
        self.refresh()

    def set_colour_mode(self, mode: str) -> None:
        self.colour_mode = mode
        i = self.colour_combo.findData(mode)
        if i != self.colour_combo.currentIndex():
            self.colour_combo.setCurrentIndex(i)
        self._draw_points()
        self._draw_legend()

    def _label_gap(self, rid: int, left: bool, unit_px: float) -> float:
        """Pixels between a point's centre and its label's box: a label on the left under the disc's edge (its
        text's margin clears it), one on the right a fixed part of a cell off — the places every name of the grid
        is fitted round (walkthroughs 15b, 16, 19) — and the selected one's at least past the ring it wears."""
        gap = LABEL_GAP_PX if left else RIGHT_GAP_CELLS * unit_px
        return max(gap, RINGED_GAP_PX) if rid == self.selected else gap

    def select(self, record_id: int | None) -> None:
        was, self.selected = self.selected, record_id
        if was != record_id and self._labels and self.dragging is None:
            self._fit_labels()  # the ringed name stands further off: the names placed again round it
            self._draw_points()
        self._draw_ring()

    def _on_records_changed(self, register: str, _ids) -> None:
        if register == STAKEHOLDERS.name and self.dragging is None:
            self.refresh()

    # ------------------------------------------------------------------ mouse (scene coordinates)
    def view_to_scene(self, x: float, y: float) -> QPointF:
        return self.view.mapViewToScene(QPointF(x, y))

    def scene_pos_of(self, record_id: int) -> QPointF:
        return self.view_to_scene(*self.positions[record_id])

    def hit(self, scene_pos: QPointF) -> int | None:
        """The point under a scene position (the nearest within a few pixels), if any."""
        best, best_d = None, HIT_RADIUS
        for rid in self.positions:
            d = (self.scene_pos_of(rid) - QPointF(scene_pos)).manhattanLength() / 1.4
            if d <= best_d:
                best, best_d = rid, d
        return best

    def _show_hand_over_points(self, scene_pos) -> None:
        if self.dragging is None:
            over = self.hit(scene_pos) is not None
            self.plot.viewport().setCursor(Qt.CursorShape.OpenHandCursor if over else Qt.CursorShape.ArrowCursor)

    def click_at(self, scene_pos: QPointF) -> int | None:
        if self.source is not None:
            return None
        rid = self.hit(scene_pos)
        if rid is not None:
            self.select(rid)
            self.record_clicked.emit(rid)
        return rid

    def press_at(self, scene_pos: QPointF) -> int | None:
        self.dragging = self.hit(scene_pos) if self.source is None else None
        return self.dragging

    def drag_to(self, scene_pos: QPointF) -> None:
        if self.dragging is None:
            return
        pos = self.view.mapSceneToView(QPointF(scene_pos))
        self.positions[self.dragging] = (pos.x(), pos.y())
        self._draw_points()

    def release_at(self, scene_pos: QPointF) -> bool:
        """Drop the dragged point: snap to whole levels and save. False when nothing changed."""
        rid, self.dragging = self.dragging, None
        if rid is None:
            return False
        pos = self.view.mapSceneToView(QPointF(scene_pos))
        changed = _on_the_grid(pos) and self.move_record(rid, snap_level(pos.y()), snap_level(pos.x()))
        if not changed:
            self.refresh()  # snap back to where it was
        self.select(rid)
        self.record_clicked.emit(rid)
        return changed

    def eventFilter(self, watched, event) -> bool:
        if watched is self.plot.viewport() and event.type() in DROP_EVENTS:
            return self._take_drop(event)
        if (watched is self.plot and event.type() == QEvent.Type.KeyPress and event.key() in STEPS
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier):
            self.step_by_keyboard(*STEPS[Qt.Key(event.key())])
            return True
        return super().eventFilter(watched, event)

    def _take_drop(self, event) -> bool:
        """A name dragged from the not-rated list onto the grid: rated at the cell it is dropped on."""
        data = event.mimeData()
        if not data.hasFormat(MIME_TYPE) or self.source is not None:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            record_id = int(bytes(data.data(MIME_TYPE).data()).decode())
            at = self.view.mapSceneToView(self.plot.mapToScene(event.position().toPoint()))
            if _on_the_grid(at):
                self.move_record(record_id, snap_level(at.y()), snap_level(at.x()))
                self.select(record_id)
                self.record_clicked.emit(record_id)
        return True

    def _step_not_rated(self, record_id: int, d_power: int, d_interest: int) -> None:
        """Ctrl+arrows on a name of the not-rated list: the grid's own step (from the middle), and the keyboard on
        the grid with it, so that the next Ctrl+arrows move it on."""
        self.chart_cursor.key = record_id
        if self.step_by_keyboard(d_power, d_interest) and record_id in self.positions:
            self.plot.setFocus(Qt.FocusReason.OtherFocusReason)
            self.chart_cursor.move_to(record_id)

    def step_by_keyboard(self, d_power: int, d_interest: int) -> bool:
        """The stakeholder the keyboard's cursor is on, a level up or down in power or interest (one undo step);
        one not rated yet starts from the middle (3, 3). Said in the status bar, as the drag's step is."""
        rid = self.chart_cursor.key
        p = self.point(rid) if isinstance(rid, int) else None
        if p is None or self.source is not None:
            return False
        power = min(5, max(1, (p.power or 3) + d_power))
        interest = min(5, max(1, (p.interest or 3) + d_interest))
        moved = self.move_record(p.id, power, interest)
        self.select(p.id)
        self.chart_cursor.move_to(p.id)  # the frame and caption follow it to its new place
        return moved

    def move_record(self, record_id: int, power: int, interest: int) -> bool:
        """Set a stakeholder's power and interest as one undoable step."""
        if self.source is not None:
            return False  # a past state is read only
        p = self.point(record_id)
        if p is None:
            return False
        edits = [CellEdit(p.id, name, old, new) for name, old, new in
                 (("power", p.power, power), ("interest", p.interest, interest)) if old != new]
        if not edits:
            return False
        text = move_text(p.name, (p.power, p.interest), (power, interest))
        return self.document.execute(EditCellsCommand(self.document, STAKEHOLDERS, edits, {p.id: p.version}, text))


def move_text(name: str, before: tuple[int | None, int | None], after: tuple[int, int]) -> str:
    """A re-rating as Edit ▸ Undo and the status bar say it: what moved, and the quadrant only where it changes —
    a step within "Manage closely" read "Move Helen Brooks to Manage closely", where she already was, and its undo
    "Undone: Move Helen Brooks to Manage closely" as if she had left it (walk 49)."""
    moved = ", ".join(f"{what} {old if old is not None else '—'} → {new}"
                      for what, old, new in zip(("power", "interest"), before, after) if old != new)
    if quadrant(*after) != quadrant(*before):
        return f"Move {name} to {quadrant(*after)} ({moved})"
    return f"Re-rate {name}: {moved}"


def _shown(name: str, value: str) -> str:
    """A stakeholder's attitude or engagement level as the register says it: "not assessed yet" when empty."""
    return STAKEHOLDERS.field(name).shown(value).lower() if not value else value


def _engagement(p: queries.GridPoint) -> str:
    """Current → desired engagement, or that neither is assessed yet (said once)."""
    if not p.current_engagement and not p.desired_engagement:
        return "not assessed yet"
    return f"{_shown('current_engagement', p.current_engagement)} → {_shown('desired_engagement', p.desired_engagement)}"
