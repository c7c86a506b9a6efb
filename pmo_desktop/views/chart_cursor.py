"""The keyboard on a chart, declared once for every chart that has things to point at: the heat map's cells,
the power/interest grid's stakeholders, the risk trend's periods, the benefits map's boxes.

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
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QLabel, QWidget

from .theme import colours, theme
from .zoom import zoom

MARK_PX = 4  # the accent frame's width at 100 % (cosmetic: pixels on screen, times the zoom)
HALO_PX = 4  # the ring of the chart's background on each side of it
CAPTION_GAP = 6  # pixels between the frame and its caption
# What the arrows mean on screen (y downwards).
DIRECTIONS = {Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Up: (0, -1)}
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


Key = Any  # what a chart names its things by: a cell (probability, impact), a record id, a date, a box's key


class Spot(NamedTuple):
    key: Key
    rect: QRectF  # where the frame goes: in the plot's data (pyqtgraph) or the view's scene
    text: str     # what the cursor says it stands on


def tell(widget: QWidget, text: str, timeout: int = 10_000) -> None:
    """A line in the window's status bar (shown when not presenting)."""
    window = widget.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, timeout)


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
        """Under the frame, or over it where the chart has no room below, kept inside the chart."""
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
        x = min(max(room.left() + 4, frame.left()), room.right() - caption.width() - 4)
        y = frame.bottom() + gap
        if y + caption.height() > room.bottom():
            y = frame.top() - gap - caption.height()
        if y < room.top():  # no room above either (a tall thing: a period's column): inside its top
            y = room.top() + 4
        caption.move(x, y)

    def _announce(self) -> None:
        spot = self.spot()
        if spot is None or not self.view.hasFocus():
            return
        tell(self.view, spot.text)
        self.view.setAccessibleDescription(spot.text)
        QAccessible.updateAccessibility(QAccessibleEvent(self.view, QAccessible.Event.DescriptionChanged))
