"""The room the pages are shown in: a page never makes the window bigger than the screen.

A QStackedWidget (and a QTabWidget, which holds one) asks for the largest minimum size of all its pages,
shown or not, and the window grows to it: at 150 % on a 1280×720 screen the Risks page (its filters, its
table, its detail, its charts' tabs) asked for more than the screen, so the window ran off it and every page
was cut. Here only the page or tab shown counts, and a page whose minimum is still larger than the room
left scrolls inside it instead."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStackedWidget, QWidget

# A page not shown asks for no room: QStackedLayout leaves an Ignored widget's minimum out.
HIDDEN = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)


class ShownPageSizes(QObject):
    """Keeps a stack's minimum that of the page shown: the others' size policies are Ignored while hidden
    (their own given back when shown)."""

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self.stack = stack
        self._own: dict[QWidget, QSizePolicy] = {}
        stack.currentChanged.connect(self.follow)
        self.follow(stack.currentIndex())

    def follow(self, current: int) -> None:
        pages = [page for i in range(self.stack.count()) if (page := self.stack.widget(i)) is not None]
        self._own = {page: policy for page, policy in self._own.items() if page in pages}  # closed files' go
        for i, page in enumerate(pages):
            if i == current:
                if page in self._own:
                    page.setSizePolicy(self._own.pop(page))
            elif page not in self._own:
                self._own[page] = page.sizePolicy()
                page.setSizePolicy(HIDDEN)
        self.stack.updateGeometry()


class _RefitsOnLayoutRequest(QObject):
    """Fits the page area again when the page shown asks for another size (another page, a panel shown). A watcher
    of its own, not the area's ``eventFilter``: a scroll area is the event filter of its own scroll bars, so a
    Python ``eventFilter`` on it was called for each of their events too (and had PySide make their Python types,
    before the first paint)."""

    def __init__(self, stack: QStackedWidget, refit: Callable[[], None], parent: QObject):
        super().__init__(parent)
        self.refit = refit
        stack.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.refit()
        return False


def size_tabs_by_the_shown_tab(page: QWidget) -> None:
    """Every tab widget of a page asks for the room of the tab it shows, not of its largest tab."""
    # Named here, not with the module: PySide makes a class's Python type (and its enums) at the first use of
    # its name, and the first screen, which has no tabs, is painted before any page is built
    from PySide6.QtWidgets import QTabWidget

    for tabs in page.findChildren(QTabWidget):
        stack = tabs.findChild(QStackedWidget)
        if stack is not None and stack.findChild(ShownPageSizes) is None:
            ShownPageSizes(stack)
            stack.currentChanged.connect(lambda _i, tabs=tabs: tabs.updateGeometry())


class PageArea(QScrollArea):
    """The page fills the room, and scrolls only when the room is below the page's minimum size.

    Sized here rather than by ``widgetResizable``: that gives a page whose layout has a height for its
    width (a bar of filters that wraps) its preferred height, not its minimum, and so a scroll bar on an
    ordinary screen."""

    def __init__(self, stack: QStackedWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.stack = stack
        self.setWidget(stack)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own: Tab from the page list landed here once, with nothing drawn to say so, before
        # the page's first control. A page that scrolls still follows the keyboard (Qt shows the control it
        # reaches), and Ctrl+F, the tables and the charts take the keys as they do without it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ShownPageSizes(stack)
        stack.currentChanged.connect(lambda _i: self._fit())
        _RefitsOnLayoutRequest(stack, self._fit, self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.maximumViewportSize()  # the room without scroll bars
        least = self.stack.minimumSizeHint().expandedTo(self.stack.minimumSize())
        width = max(least.width(), room.width())
        height = max(least.height(), room.height())
        # A scroll bar one way takes room from the other.
        if width > room.width():
            height = max(least.height(), room.height() - self.horizontalScrollBar().sizeHint().height())
        if height > room.height():
            width = max(least.width(), room.width() - self.verticalScrollBar().sizeHint().width())
        if (width, height) != (self.stack.width(), self.stack.height()):
            self.stack.resize(width, height)
