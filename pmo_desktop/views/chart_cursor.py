"""The keyboard on a chart, declared once for every chart that has things to point at: the heat map's cells,
the power/interest grid's stakeholders, the risk trend's periods, the benefits map's boxes, the dependency
map's projects and lines.

Tab reaches the chart; a cursor then stands on one of its things, drawn as a thick frame in the theme's accent
(yellow in high contrast) round a ring of the chart's background, so that it reads on any cell colour and on a
projector. The arrows move it to the nearest thing that way (on screen: a grid's neighbour, the next period),
Home and End to the first and last; Enter or Space does what a click does on it. What it stands on is named in
a caption beside it (the status bar is hidden when presenting), in the status bar, and in the chart's
accessible description, which a screen reader reads.

A chart gives its things as ``Spot``s, in reading order, in its own coordinates (a pyqtgraph plot's data, or a
QGraphicsView's scene), and calls ``redraw`` after it draws them again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QLabel

from .shown_message import ShownMessage
from .theme import colours, theme
from .zoom import zoom

MARK_PX = 4  # the accent frame's width at 100 % (cosmetic: pixels on screen, times the zoom)
HALO_PX = 4  # the ring of the chart's background on each side of it
CAPTION_GAP = 6  # pixels between the frame and its caption
CAPTION_STEP = 8  # the grid of places tried for the caption where none of the frame's sides is free
# What the arrows mean on screen (y downwards).
DIRECTIONS = {Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Up: (0, -1)}
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


Key = Any  # what a chart names its things by: a cell (probability, impact), a record id, a date, a box's key


class Spot(NamedTuple):
    key: Key
    rect: QRectF  # where the frame goes: in the plot's data (pyqtgraph) or the view's scene
    text: str     # what the cursor says it stands on


def nearest(spots: list[Spot], at: Key, dx: int, dy: int, where: Callable[[Spot], QPointF]) -> Key:
    """The key of the spot nearest ``at``'s in the direction (dx, dy) on screen, a neighbour in line before one
    off to the side (a grid's next cell, not the one diagonally past it); ``at`` where there is none."""
    here = next((s for s in spots if s.key == at), None)
    if here is None:
        return at
    origin = where(here)
    best, best_score = at, float("inf")
    for spot in spots:
        if spot.key == at:
            continue
        p = where(spot)
        along = (p.x() - origin.x()) * dx + (p.y() - origin.y()) * dy
        across = abs((p.x() - origin.x()) * dy) + abs((p.y() - origin.y()) * dx)
        if along < 1:  # behind, or beside within a pixel: not that way
            continue
        score = along + 2 * across
        if score < best_score:
            best, best_score = spot.key, score
    return best


class ChartCursor(QObject):
    """The keyboard cursor of one chart (``view``: a pyqtgraph PlotWidget or a QGraphicsView). ``spots`` gives
    the chart's things now, ``open_spot`` does what a click on one does (None: nothing opens), ``first`` the
    key the cursor starts on (by default the first spot)."""

    def __init__(self, view: QGraphicsView, spots: Callable[[], list[Spot]],
                 open_spot: Callable[[Key], None] | None = None,
                 first: Callable[[list[Spot]], Key | None] | None = None):
        super().__init__(view)
        self.view = view
        self.spots = spots
        self.open_spot = open_spot
        self.first = first
        self.key: Key | None = None
        self.marks: list[QGraphicsRectItem] = []
        self.plot_item = view.getPlotItem() if hasattr(view, "getPlotItem") else None
        self.caption = QLabel(view)
        self.caption.setObjectName("chart-cursor-caption")
        self.caption.setWordWrap(True)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caption.hide()
        view.keyboard_cursor = self  # type: ignore[attr-defined]  # (chart_export leaves the frame out)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.installEventFilter(self)
        theme().changed.connect(self.redraw)
        zoom().changed.connect(self.redraw)

    # ------------------------------------------------------------------ where things are
    def spot(self) -> Spot | None:
        return next((s for s in self.spots() if s.key == self.key), None) if self.key is not None else None

    def _on_screen(self, spot: Spot) -> QPointF:
        """A spot's centre in the view's pixels."""
        centre = spot.rect.center()
        if self.plot_item is not None:
            centre = self.plot_item.getViewBox().mapViewToScene(centre)
        return QPointF(self.view.mapFromScene(centre))

    def _screen_rect(self, spot: Spot) -> QRect:
        corners = (spot.rect.topLeft(), spot.rect.bottomRight())
        if self.plot_item is not None:
            box = self.plot_item.getViewBox()
            corners = tuple(box.mapViewToScene(corner) for corner in corners)
        a, b = (self.view.mapFromScene(corner) for corner in corners)
        return QRect(a, b).normalized()

    @contextmanager
    def left_out(self) -> Iterator[None]:
        """The frame hidden meanwhile: a chart copied or saved while the keyboard is on it (Ctrl+Shift+C) is the
        chart, not where the keyboard was."""
        from shiboken6 import isValid

        marks = [mark for mark in self.marks if isValid(mark) and mark.isVisible()]
        for mark in marks:
            mark.setVisible(False)
        try:
            yield
        finally:
            for mark in marks:
                if isValid(mark):
                    mark.setVisible(True)

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched, event) -> bool:
        if watched is not self.view:
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.redraw()
            self._announce()
        elif kind == QEvent.Type.FocusOut:
            self.redraw()
        elif kind == QEvent.Type.Resize:
            self._place_caption()
        elif kind == QEvent.Type.KeyPress and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return self.key_pressed(event.key())
        return False

    def key_pressed(self, key) -> bool:
        spots = self.spots()
        if not spots:
            return False
        if self.key not in {s.key for s in spots}:
            self.key = self._first(spots)
        if key in DIRECTIONS:
            self.move_to(nearest(spots, self.key, *DIRECTIONS[key], self._on_screen))
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.move_to(spots[0 if key == Qt.Key.Key_Home else -1].key)
            return True
        if key in OPEN_KEYS and self.open_spot is not None and self.key is not None:
            self.open_spot(self.key)
            return True
        return False

    def move_to(self, key: Key) -> None:
        self.key = key
        self.redraw()
        self._announce()

    def _first(self, spots: list[Spot]) -> Key | None:
        chosen = self.first(spots) if self.first is not None else None
        return chosen if chosen is not None else (spots[0].key if spots else None)

    # ------------------------------------------------------------------ drawing
    def redraw(self, *_args) -> None:
        """The frame and caption where the cursor stands, while the chart has the keyboard (none otherwise).
        Called by the chart after it draws its things again (a chart's clear() takes the frame with it)."""
        from shiboken6 import isValid

        for mark in self.marks:
            if isValid(mark) and mark.scene() is not None:
                if self.plot_item is not None:
                    self.plot_item.removeItem(mark)
                else:
                    mark.scene().removeItem(mark)
        self.marks = []
        self._follow_status_bar()
        spots = self.spots() if self.view.hasFocus() else []
        if spots and self.key not in {s.key for s in spots}:
            self.key = self._first(spots)
        spot = self.spot() if spots else None
        if spot is None:
            self.caption.hide()
            if self.view.hasFocus() and not spots:
                self._show_caption("Nothing to point at in this chart yet", None)
            return
        c, width = colours(), MARK_PX * zoom().factor
        for colour, pen_px, z in ((c.background, width + 2 * HALO_PX * zoom().factor, 19), (c.accent, width, 20)):
            item = QGraphicsRectItem(spot.rect)
            pen = QPen(QColor(colour), pen_px)
            pen.setCosmetic(True)  # as thick at any size of the chart
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            item.setPen(pen)
            item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            item.setZValue(z)
            if self.plot_item is not None:
                self.plot_item.addItem(item, ignoreBounds=True)
            else:
                self.view.scene().addItem(item)
            self.marks.append(item)
        if self.plot_item is None:
            self.view.ensureVisible(spot.rect, 30, 30)
        self._show_caption(spot.text, spot)

    def _show_caption(self, text: str, spot: Spot | None) -> None:
        caption = self.caption
        c = colours()
        font = caption.font()
        font.setPointSizeF(max(10.0, zoom().point_size()))
        caption.setFont(font)
        caption.setStyleSheet(f"QLabel {{ background: {c.background}; color: {c.text}; border: 2px solid {c.accent};"
                              f" padding: 3px 6px; }}")
        caption.setText(text)
        caption.setProperty("spot", spot.key if spot is not None else None)
        self._place_caption()
        caption.show()
        caption.raise_()

    def _place_caption(self) -> None:
        """Beside the frame where it covers none of the chart's own words (``_labels``): under it, over it, to
        its right, to its left, else the free place in the chart nearest it; where there is none, the place that
        covers least. Always inside the chart. Under the frame alone, it hid the next stakeholder's name, a box
        of the dependency map, an axis's numbers."""
        caption = self.caption
        if not caption.text():
            return
        room = self.view.viewport().geometry()
        caption.setMaximumWidth(max(120, min(room.width() - 8, round(480 * zoom().factor))))
        caption.adjustSize()
        spot = self.spot()
        if spot is None:
            caption.move(room.left() + 4, room.top() + 4)
            return
        frame = self._screen_rect(spot).translated(room.topLeft())
        gap = round(CAPTION_GAP + (MARK_PX + HALO_PX) * zoom().factor)
        w, h = caption.width(), caption.height()
        inside = room.adjusted(4, 4, -4, -4)

        def kept_in(x: int, y: int) -> QRect:
            return QRect(min(max(inside.left(), x), inside.right() - w), min(max(inside.top(), y), inside.bottom() - h),
                         w, h)

        sides = [kept_in(frame.left(), frame.bottom() + gap), kept_in(frame.left(), frame.top() - gap - h),
                 kept_in(frame.right() + gap, frame.top()), kept_in(frame.left() - gap - w, frame.top())]
        taken = [frame.adjusted(-gap + 1, -gap + 1, gap - 1, gap - 1)]  # the frame and its ring stay seen
        taken += [r for r in self._labels(room) if not frame.adjusted(-2, -2, 2, 2).contains(r)]  # its own: inside

        def covered(r: QRect) -> int:
            return sum((r & t).width() * (r & t).height() for t in taken if r.intersects(t))

        place = next((r for r in sides if not covered(r)), None)
        if place is None:
            place = self._least_covered(inside, w, h, taken, frame.center(), min(sides, key=covered), covered)
        caption.move(place.topLeft())

    @staticmethod
    def _least_covered(inside: QRect, w: int, h: int, taken: list[QRect], centre, best_side: QRect,
                       covered: Callable[[QRect], int]) -> QRect:
        """The place for a w×h caption in ``inside``, on a grid of ``CAPTION_STEP`` pixels, covering least of
        ``taken`` (none, where the chart has such room), the nearest ``centre`` of those; the best of the four
        sides where no place of the grid covers less. Counted for every place at once: a key held down on a
        chart moves the cursor some thirty times a second."""
        import numpy as np

        xs = np.arange(inside.left(), inside.right() - w + 2, CAPTION_STEP)
        ys = np.arange(inside.top(), inside.bottom() - h + 2, CAPTION_STEP)
        if not len(xs) or not len(ys):
            return best_side
        x, y = np.meshgrid(xs, ys)
        area = np.zeros(x.shape, dtype=np.int64)
        for t in taken:
            across = np.clip(np.minimum(x + w, t.right() + 1) - np.maximum(x, t.left()), 0, None)
            down = np.clip(np.minimum(y + h, t.bottom() + 1) - np.maximum(y, t.top()), 0, None)
            area += across * down
        least = int(area.min())
        if least >= covered(best_side):
            return best_side
        far = np.abs(x + w / 2 - centre.x()) + np.abs(y + h / 2 - centre.y())
        i = np.unravel_index(int(np.argmin(np.where(area == least, far, np.inf))), area.shape)
        return QRect(int(x[i]), int(y[i]), w, h)

    def _labels(self, room: QRect) -> list[QRect]:
        """Where the chart's own words are in the view: its texts (a stakeholder's name, a cell's count, a box
        of a map, a legend's entries), its axes with their numbers and titles, and any label laid over it."""
        from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsWidget

        kinds: tuple[type, ...] = (QGraphicsTextItem, QGraphicsSimpleTextItem)
        if self.plot_item is not None:
            import pyqtgraph as pg

            kinds += (pg.AxisItem, pg.LabelItem, pg.LegendItem, pg.TextItem)
        rects = []
        scene = self.view.scene()
        for item in scene.items() if scene is not None else ():
            if isinstance(item, kinds) and item.isVisible() and item not in self.marks:
                # An axis's own band, not its bounds: with the grid shown those span the whole plot.
                drawn = item.mapRectToScene(item.rect()) if isinstance(item, QGraphicsWidget) else item.sceneBoundingRect()
                rect = self.view.mapFromScene(drawn).boundingRect().translated(room.topLeft())
                if not rect.isEmpty() and rect.intersects(room):
                    rects.append(rect)
        rects += [label.geometry() for label in self.view.findChildren(QLabel)
                  if label is not self.caption and label.isVisible()]
        return rects

    def _follow_status_bar(self) -> None:
        """The status bar's line about the cursor's spot, still standing, says what the spot holds now: the heat
        map switched to Residual (the keyboard on the switch, the cursor's cell counted again) left "2 risks" there
        under a cell of 1 (walk43)."""
        said = ShownMessage.said_by(self.view)  # every redraw: a chart that never said a line gets no filter
        if said is not None and said.standing():
            spot = self.spot()
            said.follow(spot.text if spot is not None else None)

    def _announce(self) -> None:
        spot = self.spot()
        if spot is None or not self.view.hasFocus():
            return
        ShownMessage.of(self.view).say(spot.text, yields=True)  # after a line held to be read (``StatusLine.hold``)
        self.view.setAccessibleDescription(spot.text)
        QAccessible.updateAccessibility(QAccessibleEvent(self.view, QAccessible.Event.DescriptionChanged))
