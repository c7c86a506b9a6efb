"""A page's order for its table's columns, where the register's own leaves what the table is read for out of sight.

A decision log is read for who decided what, when and why: in the register's order a decision's options, level,
projects and cost came first, and at 1280×720 its Status and Rationale were off to the right (walk43). The page
shows them next to the decision; the register's own order — its workbook's, its import's — stays as declared, and
a user's own order of the columns is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetrics

from ...models.fields import Kind
from ..zoom import zoom

if TYPE_CHECKING:
    from .register_view import RegisterView

LEAST_CHARS = 12  # a long text cut to the table's edge keeps this much of its start (its cells' tooltips hold it all)


class ReadFirst(QObject):
    """``names`` next to ``after``, in that order; where they run past the table's right edge, the last of them, a
    long text, ends at the edge (down to ``LEAST_CHARS``, up to its own width) — as the table is widened or narrowed
    too, until the user gives that column a width of their own."""

    def __init__(self, view: RegisterView, after: str, names: tuple[str, ...]):
        super().__init__(view)
        self.view, self.after, self.names = view, after, names
        self._given: int | None = None  # the width fitted to the last column: another is the user's (or the zoom's)
        header = view.table.horizontalHeader()
        shown = [header.logicalIndex(v) for v in range(header.count())]
        self._following = shown in (list(range(header.count())), self.page_order())
        if self._following:
            # The register's order or this page's, restored or not: a layout is kept whenever a column is given a
            # width, its order as it was, so only an order of another kind is the user's own — left as it is.
            self.move()
        view.table.viewport().installEventFilter(self)

    def page_order(self) -> list[int]:
        """The columns in the page's order: the register's, ``names`` moved to follow ``after``."""
        columns = self.view.register.field_names
        rest = [c for c in columns if c not in self.names]
        at = rest.index(self.after) + 1
        return [columns.index(c) for c in (*rest[:at], *self.names, *rest[at:])]

    @property
    def last(self) -> int:
        return self.view.register.field_names.index(self.names[-1])

    def move(self) -> None:
        """The columns put next to ``after`` (again, after Reset columns), fitted to the table's width."""
        view = self.view
        header, columns = view.table.horizontalHeader(), view.register.field_names
        view._programmatic = True  # the page's order, not the user's: not kept as their layout
        try:
            for offset, name in enumerate(self.names):
                header.moveSection(header.visualIndex(columns.index(name)),
                                   header.visualIndex(columns.index(self.after)) + 1 + offset)
        finally:
            view._programmatic = False
        view._sync_columns()
        self._following = view.register.fields[self.last].kind is Kind.LONGTEXT
        self._given = None
        if view.table.viewport().width() > 0:
            self.fit()

    def eventFilter(self, watched, event) -> bool:
        if self._following and event.type() == QEvent.Type.Resize and watched.width() > 0:
            QTimer.singleShot(0, self, self.fit)  # once the table's width is settled
        return False

    def fit(self) -> None:
        view = self.view
        table, header, last = view.table, view.table.horizontalHeader(), self.last
        if not self._following or table.viewport().width() <= 0:
            return
        now = header.sectionSize(last)
        if self._given is not None and now != self._given:
            self._following = False  # widened or narrowed by the user (or the zoom): theirs from now on
            return
        # Its own width is the register's (as ``RegisterView._apply_zoom`` gives it), not the one found: a layout
        # kept the narrowed width, and the next session's wider window left the column narrow.
        metrics = QFontMetrics(table.font())
        margin = round(16 * zoom().factor)
        own = view.register.fields[last].width * metrics.averageCharWidth() + margin
        least = LEAST_CHARS * metrics.averageCharWidth() + margin
        room = table.viewport().width() - header.sectionPosition(last)
        width = min(own, max(least, room))
        self._given = width
        if width != now:
            view._programmatic = True
            try:
                table.setColumnWidth(last, width)
            finally:
                view._programmatic = False
            view._sync_columns()
