"""A page's splitter between its table and the panels beside it: the table first for room, the panels
collapsible, the sizes the user drags kept between sessions (QSettings, by the splitter's name).

At 150 % on a 1280×720 screen a register's detail panel took the room at its minimum size and left the
table four rows; the table needs the room to work in, a panel only to read one record."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QSplitter, QWidget

# Below this share of the splitter for the table (the main panel), the panels start collapsed.
MAIN_SHARE = 0.55


class RememberedSplitter(QSplitter):
    def __init__(self, orientation: Qt.Orientation, name: str, parent: QWidget | None = None, main: int = 0):
        super().__init__(orientation, parent)
        self.setObjectName(name)
        self.main = main  # the panel that never collapses (the table)
        self._placed = False
        self.splitterMoved.connect(self._remember)

    @property
    def settings_key(self) -> str:
        return f"splitters/{self.objectName()}"

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            self._place()

    def _place(self) -> None:
        """The sizes last dragged to; else the panels collapsed if at their minimum they would leave the
        table less than its share (a small screen, a large scale), else the page's own proportions."""
        for i in range(self.count()):
            self.setCollapsible(i, i != self.main)
        saved = QSettings().value(self.settings_key)
        if isinstance(saved, (QByteArray, bytes)) and self.restoreState(QByteArray(saved)):
            return
        vertical = self.orientation() == Qt.Orientation.Vertical
        room = self.height() if vertical else self.width()
        panels = sum(self._minimum(i, vertical) for i in range(self.count()) if i != self.main)
        if room > 0 and panels > room * (1 - MAIN_SHARE):
            self.setSizes([room if i == self.main else 0 for i in range(self.count())])

    def _minimum(self, i: int, vertical: bool) -> int:
        widget = self.widget(i)
        if widget is None or widget.isHidden():
            return 0
        hint, least = widget.minimumSizeHint(), widget.minimumSize()
        return max(hint.height(), least.height()) if vertical else max(hint.width(), least.width())

    def minimumSizeHint(self) -> QSize:
        """As small as the table: the panels collapse, so they do not make the page (and the window) taller
        or wider than the screen."""
        hint = super().minimumSizeHint()
        vertical = self.orientation() == Qt.Orientation.Vertical
        main = self._minimum(self.main, vertical) + self.handleWidth() * (self.count() - 1)
        return QSize(hint.width(), min(hint.height(), main)) if vertical else QSize(min(hint.width(), main), hint.height())

    def _remember(self, *_args) -> None:
        QSettings().setValue(self.settings_key, self.saveState())
