"""The window's status bar, whose line is read whole: the office's file name on its right gives way to a line
that needs the room (shortened in the middle, then left out, whole again once the line is gone), and a line
too long for the bar even then is written on two lines. Qt's bar cut a long line behind the file name: at
1280×720 the table's "Raised left as …: “32/13/2026” is not a real date … F2 there to put it right, Esc to le"
stood cut under the file name, the end of what to do lost (walk 59)."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStackedWidget, QStatusBar, QStyle, QStyleOption, QWidget

LEFT, GAP = 6, 4  # Qt's bar: the line starts 6 px in and ends 4 px before the first permanent widget
NAME_LEAST = 48  # px: a file name shortened to less than this says nothing ("o…"): left out instead


class FileNameLabel(QLabel):
    """The office's name, on the status bar's right: shortened ("Harbour…2026.pmo") or left out while the bar's
    line needs its room; whole in its tooltip, and again once the line is gone."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.whole = ""

    def setText(self, text: str) -> None:  # type: ignore[override]
        self.whole = text
        self.setToolTip(text)
        self.fit(None)

    def whole_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.whole) + 2 * self.margin()

    def fit(self, room: int | None) -> None:
        """The name in ``room`` px (None: whole), shortened in the middle; left out where it would be a stub."""
        if room is None or room >= self.whole_width():
            shown = self.whole
        elif room < NAME_LEAST:
            shown = ""
        else:
            shown = self.fontMetrics().elidedText(self.whole, Qt.TextElideMode.ElideMiddle, room - 2 * self.margin())
        if shown != super().text():
            super().setText(shown)


class StatusLine(QStatusBar):
    """A status bar whose line is never cut: the file name (``file_name``) gives way first; a line wider than the
    whole bar is wrapped on two lines (the bar grows by one line while it is shown).

    One rule for the page left (``follow_pages``, walk61b): a line belongs to the page shown when it was said, and
    goes when another page comes up — F6's "Response actions of R-002 …: F6 back to the risk" stood under the Status
    page, naming keys of a page no longer there. A line said
    as the new page comes up (Ctrl+K's "“likelihood” is the Probability column …") is that page's and stays. Two
    kinds stay across pages: a line held to be read (``hold``: a refused cell's "left as …") while its time lasts,
    and a line about the office or a file rather than a page (``stays``: a file written, a copy saved, a change
    waiting for the file, an undo's or redo's "Undone: …")."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_name = FileNameLabel(self)
        self.addPermanentWidget(self.file_name)
        self.wrapped = False  # the line shown is written on two lines
        self._held: tuple[str, float] = ("", 0.0)  # a line to be read before a control's arrival line replaces it
        self._staying = ""  # the line said by ``stays``: not the page's, kept when the page changes
        self._page_of_line: object = None  # the page shown when the line was said (``follow_pages``)
        self._current_page: Callable[[], object] = lambda: None
        self.messageChanged.connect(self._fit)
        self.messageChanged.connect(self._note_page)

    def follow_pages(self, pages: QStackedWidget) -> None:
        """Lines said on a page go when another page comes up (the class's rule); ``pages`` is the window's stack."""
        self._current_page = pages.currentWidget
        pages.currentChanged.connect(self._page_changed)

    def stays(self, message: str, ms: int = 0) -> None:
        """Says a line that is not a page's — a file written, the office waiting — kept when the page changes."""
        self.showMessage(message, ms)
        self._staying = message

    def _note_page(self, message: str) -> None:
        if message:
            self._page_of_line = self._current_page()

    def _page_changed(self, _index: int) -> None:
        message = self.currentMessage()
        if (not message or message == self._staying or self.holding()
                or self._page_of_line is self._current_page()):
            return
        self.clearMessage()

    def hold(self, ms: int = 5000) -> None:
        """The line shown now is read before a line a control says as the keyboard arrives on it (``holding``): left
        by Ctrl+PgDown, a refused cell's "Level left as …" was replaced at once by the heat map's own line (walk 59)."""
        self._held = (self.currentMessage(), time.monotonic() + ms / 1000)

    def holding(self) -> int:
        """The ms the line held (``hold``) is still to be read; 0 once it has gone or its time is over."""
        text, until = self._held
        left = int((until - time.monotonic()) * 1000)
        return left if text and left > 0 and self.currentMessage() == text else 0

    def _right(self) -> int:
        """Where the line may run to with the file name left out: the file name's right edge once it is laid out."""
        label = self.file_name
        if label.isVisible() and label.width() > 0:
            return label.x() + label.width() - GAP
        return self.width() - 12

    def room(self) -> int:
        """The px the line has now: up to the file name, as Qt's bar paints it."""
        label = self.file_name
        right = label.x() - GAP if label.isVisible() and label.text() else self._right()
        return right - LEFT

    def _fit(self, message: str) -> None:
        needs = self.fontMetrics().horizontalAdvance(message) + 2 if message else 0
        whole = self._right() - LEFT  # the line's room with the name left out
        self.file_name.fit(whole - needs - 8 if message else None)  # what the line leaves, a little apart from it
        wrapped = bool(message) and needs > whole
        if wrapped != self.wrapped:
            self.wrapped = wrapped
            self.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 6 if wrapped else 0)
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit(self.currentMessage())

    def paintEvent(self, event) -> None:
        message = self.currentMessage()
        if not (self.wrapped and message):
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        if self.file_name.isVisible():  # the frame Qt's bar draws round its permanent widget
            option.rect = self.file_name.geometry().adjusted(-2, -1, 2, 1)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        rect = QRect(LEFT, 0, self._right() - LEFT, self.height())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                         message)
