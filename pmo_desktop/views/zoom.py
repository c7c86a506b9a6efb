"""Zoom for the projector: one level for every register table (text size, row height, column widths),
kept between sessions. Ctrl+= / Ctrl++ zooms in, Ctrl+- out, Ctrl+0 back to 100 %."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QWidget

STEPS = (80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
BASE_POINT_SIZE = 11.0  # table text at 100 %: readable at a desk and from the back of a meeting room


class Zoom(QObject):
    changed = Signal(int)  # the new percentage

    def __init__(self, parent=None):
        super().__init__(parent)
        self.percent = 100

    @property
    def factor(self) -> float:
        return self.percent / 100

    def point_size(self) -> float:
        return BASE_POINT_SIZE * self.factor

    def set_percent(self, percent: int) -> None:
        percent = max(STEPS[0], min(STEPS[-1], int(percent)))
        if percent != self.percent:
            self.percent = percent
            self.changed.emit(percent)

    def zoom_in(self) -> None:
        self.set_percent(next((s for s in STEPS if s > self.percent), STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_percent(next((s for s in reversed(STEPS) if s < self.percent), STEPS[0]))

    def reset(self) -> None:
        self.set_percent(100)


_zoom: Zoom | None = None


def zoom() -> Zoom:
    """The application's one zoom level (created with the application)."""
    global _zoom
    if _zoom is None:
        _zoom = Zoom(QCoreApplication.instance())
        _zoom.destroyed.connect(_forget)
    return _zoom


class _FollowZoom(QObject):
    """Keeps a widget's text at the tables' size (``follow_zoom``); goes with the widget."""

    def __init__(self, widget: QWidget, after):
        super().__init__(widget)
        self.widget, self.after = widget, after
        self.apply()
        zoom().changed.connect(self.apply)

    def apply(self, *_args) -> None:
        font = QFont(self.widget.font())
        font.setPointSizeF(zoom().point_size())
        self.widget.setFont(font)
        if self.after is not None:
            self.after()


def follow_zoom(widget: QWidget, after=None) -> None:
    """A list beside the tables (the action log, what is due this week) at the tables' text size, at
    every zoom level as they are; ``after``: what to do once its text changed size (fit its columns)."""
    _FollowZoom(widget, after)


def _forget(*_args) -> None:
    global _zoom
    _zoom = None


class _ScaleWithZoom(QObject):
    """Keeps a widget's own text size times the zoom (``scale_with_zoom``); goes with the widget."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget
        self.base = widget.font().pointSizeF()  # its size at 100 %, taken before the zoom touches it
        self.apply()
        zoom().changed.connect(self.apply)

    def apply(self, *_args) -> None:
        font = QFont(self.widget.font())
        font.setPointSizeF(self.base * zoom().factor)
        self.widget.setFont(font)
        self._own_sizes(zoom().factor)
        # A widget under a style sheet of its own (a RAG combo's colour, a warning in red) takes its font once,
        # when the sheet is applied, and no longer follows its parent's: the sheet is applied again so that it
        # grows with the page as the others do. One given a size of its own (a chart's legend) keeps it.
        for child in self.widget.findChildren(QWidget):
            sheet = child.styleSheet()
            if sheet and not child.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                child.setStyleSheet("")
                child.setFont(QFont())  # no size of its own: the parent's, as for any other child
                child.setStyleSheet(sheet)

    def _own_sizes(self, factor: float) -> None:
        """The words inside given a size of their own — a page's title, the combos, tick boxes and captions
        above a chart (set in points to match the chart's type) — which no longer follow the page's font:
        each grown from its own size at 100 %, kept in the widget (``_BASE``); a size its owner gave it since
        (``_SET`` no longer what it has) is its new size at 100 %. Not the tables (their own zoom), the charts
        (the zoom draws them larger: ``chart_export``), what sizes itself to its room (``sizes_itself``), nor
        what follows the zoom on its own (``follow_zoom``, ``scale_with_zoom``)."""
        # Named here, not with the module: PySide makes a class's Python type, with its enums, at the first use of
        # its name, and the start screen (which imports this module for its zoom actions) has no page to scale
        from PySide6.QtWidgets import QComboBox, QGraphicsView

        stack = self._children(self.widget)
        while stack:
            w = stack.pop()
            if (isinstance(w, (QAbstractItemView, QGraphicsView)) or w.property(_SIZES_ITSELF)
                    or w.findChild(_FollowZoom, options=_DIRECT) is not None
                    or w.findChild(_ScaleWithZoom, options=_DIRECT) is not None):
                continue
            if not isinstance(w, QComboBox):  # its list's frame takes the combo's font from the combo
                stack.extend(self._children(w))
            size = w.font().pointSizeF()
            if not w.testAttribute(Qt.WidgetAttribute.WA_SetFont) or size <= 0:
                continue
            base, given = w.property(_BASE), w.property(_SET)
            if base is None or given is None or abs(size - given) > 0.01:
                base = size  # first seen (its size at 100 %), or given a new size by its owner since
            wanted = base * factor
            if abs(wanted - size) > 0.01:
                font = QFont(w.font())
                font.setPointSizeF(wanted)
                w.setFont(font)
            w.setProperty(_BASE, base)
            w.setProperty(_SET, wanted)

    @staticmethod
    def _children(widget: QWidget) -> list[QWidget]:
        return widget.findChildren(QWidget, options=_DIRECT)


_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
_BASE, _SET = "zoom_base_pt", "zoom_set_pt"  # a word's own size at 100 %, and the size the zoom gave it
_SIZES_ITSELF = "zoom_sizes_itself"


def sizes_itself(widget: QWidget) -> None:
    """A widget whose words are sized to its room by itself (the power/interest grid's names and legend, the
    engagement matrix's cells): the page's zoom leaves them, and everything in it, as they are."""
    widget.setProperty(_SIZES_ITSELF, True)


def scale_with_zoom(widget: QWidget) -> None:
    """A page's own words — filter captions and lists, buttons, search box, headings — grown by the zoom as
    its tables are, each from its own size at 100 % (a heading stays larger than a caption). Children that
    set no size of their own follow the widget; those that do (the tables, a heading) are given their own."""
    _ScaleWithZoom(widget)
