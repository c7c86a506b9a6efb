"""A page's splitter between its table and the panels beside it: the table first for room, the panels
collapsible, the sizes the user drags kept between sessions (QSettings, by the splitter's name).

At 150 % on a 1280×720 screen a register's detail panel took the room at its minimum size and left the
table four rows; the table needs the room to work in, a panel only to read one record."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

# The table's share of the splitter: panels whose minimum leaves it less collapse; proportions that leave it
# less give it room, down to the panels' minimum.
MAIN_SHARE = 0.5
# A panel opened for the keyboard (``_follow_keyboard``) gets at least this, the table its least height otherwise.
PANEL_LEAST = 80


class RememberedSplitter(QSplitter):
    def __init__(self, orientation: Qt.Orientation, name: str, parent: QWidget | None = None, main: int = 0,
                 main_share: float = MAIN_SHARE, panels_collapse: bool = True):
        super().__init__(orientation, parent)
        self.setObjectName(name)
        self.main = main  # the panel that never collapses (the table)
        self.main_share = main_share  # the table's least share before the panels collapse
        # False for panels the page is for as much as the table (what is due this week, beside the communication
        # plan): they never collapse, and the splitter asks for their least size too — Qt leaves a collapsible
        # widget's minimum out of the splitter's — so that a page too short for both scrolls (``PageArea``).
        self.panels_collapse = panels_collapse
        self._placed = False
        self._collapsed_for_room = False  # the panels were collapsed to leave the table room, not by the user
        self._proportions: list[int] = []
        self._user_sized = False  # dragged by the user (now or in an earlier session): their sizes rule
        self._opened_for_keyboard = False  # a panel collapsed for room, open while the keyboard is in it
        self.splitterMoved.connect(self._remember)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_keyboard)

    @property
    def settings_key(self) -> str:
        return f"splitters/{self.objectName()}"

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            self._place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._placed:
            self._make_room()

    def _place(self) -> None:
        """The sizes last dragged to, else the page's own proportions — then room for the table."""
        for i in range(self.count()):
            self.setCollapsible(i, i != self.main and self.panels_collapse)
        self._proportions = [max(1, size) for size in self.sizes()]  # the page's, to go back to
        saved = QSettings().value(self.settings_key)
        if isinstance(saved, (QByteArray, bytes)):
            self._user_sized = self.restoreState(QByteArray(saved))
        self._make_room()

    def _make_room(self) -> None:
        """Panels that at their minimum would leave the table less than its share collapse (a small screen,
        a large scale); those collapsed so open again, in the page's proportions, when there is room."""
        vertical = self.orientation() == Qt.Orientation.Vertical
        room = self.height() if vertical else self.width()
        if room <= 0:
            return
        spare = room * (1 - self.main_share)
        sizes = self.sizes()
        panels = [i for i in range(self.count()) if i != self.main]
        open_panels = [i for i in panels if sizes[i] > 0]
        if self.panels_collapse and open_panels and sum(self._minimum(i, vertical) for i in open_panels) > spare:
            self._collapsed_for_room = True
            self.setSizes([room if i == self.main else 0 for i in range(self.count())])
            self.updateGeometry()
        elif open_panels and not self._user_sized and sizes[self.main] < room * self.main_share:
            # The page's proportions left the table short: the panels give up room, down to their minimum.
            given = sum(sizes[i] for i in open_panels) or 1
            new = [0] * self.count()
            for i in open_panels:
                new[i] = max(self._minimum(i, vertical), int(spare * sizes[i] / given))
            new[self.main] = room - sum(new)
            self.setSizes(new)
        elif self._collapsed_for_room and sum(self._minimum(i, vertical) for i in panels) <= spare:
            self._collapsed_for_room = False
            total = sum(self._proportions)
            self.setSizes([room * p // total for p in self._proportions])
            self.updateGeometry()

    def _follow_keyboard(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Tab into a panel collapsed for room (the benefit profile, a risk's details at 150 % on 1280×720) put the
        keyboard in controls of no size, drawn nowhere: the panel opens while the keyboard is in it, the table
        keeping its least height where the panel's own least leaves it (else the splitter shares the room), and
        collapses again when the keyboard is back in the table."""
        if new is None or not self.isAncestorOf(new):
            return
        main = self.widget(self.main)
        sizes = self.sizes()
        if main is not None and (new is main or main.isAncestorOf(new)):
            if self._opened_for_keyboard:
                self._opened_for_keyboard = False
                room = sum(sizes)
                self.setSizes([room if i == self.main else 0 for i in range(self.count())])
            return
        panel = next((i for i in range(self.count()) if i != self.main and (w := self.widget(i)) is not None
                      and w.isAncestorOf(new)), None)
        if panel is None or sizes[panel] > 0 or not self._collapsed_for_room:
            return
        vertical = self.orientation() == Qt.Orientation.Vertical
        room = sum(sizes)
        kept = max(0, min(self._minimum(self.main, vertical), room - PANEL_LEAST))
        self._opened_for_keyboard = True
        self.setSizes([kept if i == self.main else (room - kept if i == panel else 0) for i in range(self.count())])

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
        if not self.panels_collapse:  # no panel collapses: the room of them all, as Qt's splitter says
            return hint
        vertical = self.orientation() == Qt.Orientation.Vertical
        main = self._minimum(self.main, vertical) + self.handleWidth() * (self.count() - 1)
        # Across: the table's and the open panels' (a collapsed panel's width asks for nothing).
        sizes = self.sizes()
        shown = [i for i in range(self.count()) if i == self.main or (i < len(sizes) and sizes[i] > 0)]
        across = max((self._minimum(i, not vertical) for i in shown), default=0)
        if vertical:
            return QSize(min(hint.width(), across), min(hint.height(), main))
        return QSize(min(hint.width(), main), min(hint.height(), across))

    def _remember(self, *_args) -> None:
        self._user_sized = True
        QSettings().setValue(self.settings_key, self.saveState())
        self.updateGeometry()  # a panel dragged shut or open: the page's minimum width follows
