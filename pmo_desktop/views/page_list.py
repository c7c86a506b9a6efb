"""The list of pages down the window's left side, sized to the window: large type on a wide window, the
ordinary type on a narrow one (a small screen, or a large scale: 150 % on 1280×720 leaves 853 pixels), and
never wider than its longest title — at 150 % its large type and margins took 190 of the 853 pixels from
every page beside it.

The current page is drawn in the theme's strong highlight even when the keyboard is elsewhere: the pale
selection of an unfocused view (theme.INACTIVE_SELECTION) says "the keyboard is not here" in a table, but in
this list it left the page you are on hard to pick out — and the keyboard is almost always in the page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

LARGE = 1.25         # the type on a wide window, to read across a room
NARROW_BELOW = 1100  # a window narrower than this (in Qt's pixels) gets the ordinary type
PADDING = 12         # beside the longest title, within the frame


class _CurrentPageStrong(QStyledItemDelegate):
    """Each page drawn as if its list had the keyboard, so the selected one is in the strong highlight."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.state & QStyle.StateFlag.State_Enabled:  # a closed office's greyed list stays greyed
            option.state |= QStyle.StateFlag.State_Active


class PageList(QListWidget):
    def __init__(self, titles: list[str], parent: QWidget):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName("Pages")
        self.ordinary = self.font().pointSizeF()
        self.addItems(titles)
        self.setItemDelegate(_CurrentPageStrong(self))
        self.narrow: bool | None = None
        _FitsTheWindow(self, parent)
        self.fit(parent.width())

    def fit(self, window_width: int) -> None:
        narrow = window_width < NARROW_BELOW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        font = self.font()
        font.setPointSizeF(self.ordinary if narrow else self.ordinary * LARGE)
        self.setFont(font)
        self.setFixedWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + (PADDING if narrow else 3 * PADDING))


class _FitsTheWindow(QObject):
    """Fits the list to the window at each of its resizes. A watcher of its own, not the list's ``eventFilter``: a
    list view is the event filter of its own scroll bars, so a Python ``eventFilter`` on it was called for each of
    their events too (and had PySide make their Python types, before the first paint)."""

    def __init__(self, page_list: PageList, window: QWidget):
        super().__init__(page_list)
        self.page_list = page_list
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.page_list.fit(watched.width())
        return False
