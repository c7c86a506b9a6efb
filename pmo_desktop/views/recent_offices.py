"""The offices opened before, newest first: on the start screen and in File ▸ Open Recent.

The window kept them (``recent_files`` in its settings) but showed them only as bare paths in the menu, and the
start screen listed none: a user who opened an office yesterday had to find its file again in a chooser. Each is
shown by its name with its folder under it; one whose file is no longer there (moved, deleted, a network drive
not connected today) is shown as missing — not opened, since opening it could only fail — and can be removed from
the list (Delete, or "Remove from List"). A shared office (a server's address) is shown by its database and
server, never checked: whether a server answers is known only by connecting."""

from __future__ import annotations

import os
from pathlib import PurePath
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

PATH_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1


class RecentOffice(NamedTuple):  # not a dataclass: the start screen shows these, and start-up leaves dataclasses out
    path: str      # what the settings keep: a file's path, or a server's URL without its password
    name: str      # the file's name, or the shared office's database
    folder: str    # where it is: the file's folder, or "shared office on SERVER"
    missing: bool  # a file no longer at its path (never said of a server)

    @property
    def one_line(self) -> str:
        """The office in one line, as a menu shows it."""
        return f"{self.name} — {self.folder}" + (" (missing)" if self.missing else "")


def describe(path: str) -> RecentOffice:
    if "://" in path:
        server, _slash, database = path.split("://", 1)[1].rpartition("/")
        return RecentOffice(path, database or path, f"shared office on {server.rpartition('@')[2] or server}", False)
    return RecentOffice(path, PurePath(path).name, str(PurePath(path).parent), not os.path.isfile(path))


class RecentOfficesList(QListWidget):
    """The start screen's list: Enter or a double click opens the office chosen, Delete removes it from the list.
    A missing office is greyed and marked so, and Enter on it says why it is not opened."""

    open_requested = Signal(str)
    remove_requested = Signal(str)
    missing_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recent_offices")
        self.setAccessibleName("Recent offices")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(2)  # the offices apart, each its name over its folder
        self.itemActivated.connect(self._choose)  # Enter, Return, a double click (as the platform activates)

    def fill(self, offices: list[RecentOffice], newest: bool = False) -> None:
        """``newest``: the first office current (an office just opened, the start); else the row it was on, so
        that after a Delete the next office is current."""
        row = 0 if newest else max(self.currentRow(), 0)
        self.clear()
        for office in offices:
            marker = "   — missing: not found in its folder" if office.missing else ""
            item = QListWidgetItem(f"{office.name}{marker}\n{office.folder}", self)
            item.setData(PATH_ROLE, office.path)
            item.setData(MISSING_ROLE, office.missing)
            item.setToolTip(office.path + ("\nNo longer there: Delete removes it from the list." if office.missing
                                           else ""))
            if office.missing:
                item.setForeground(QColor(self.palette().color(self.palette().ColorGroup.Disabled,
                                                              self.palette().ColorRole.Text)))
        self.setCurrentRow(min(row, self.count() - 1))

    def sizeHint(self) -> QSize:
        """As tall as its offices (``WelcomePage.show_recent`` sets that as its greatest height): Qt's 192 pixels
        showed six of eight and scrolled, the window's room unused under it."""
        return QSize(super().sizeHint().width(), self.maximumHeight())

    def current_path(self) -> str | None:
        item = self.currentItem()
        return item.data(PATH_ROLE) if item is not None else None

    def _choose(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        (self.missing_chosen if item.data(MISSING_ROLE) else self.open_requested).emit(path)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.current_path() is not None:
            self.remove_requested.emit(self.current_path())
            return
        super().keyPressEvent(event)
