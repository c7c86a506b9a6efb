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
    """``names`` next to ``after``, in that order; where they run past the table's right edge when it is first
    shown, the last of them, a long text, ends at the edge (down to ``LEAST_CHARS``)."""

    def __init__(self, view: RegisterView, after: str, names: tuple[str, ...]):
        super().__init__(view)
        self.view, self.after, self.names = view, after, names
        self._fitted = False
        header = view.table.horizontalHeader()
        if all(header.visualIndex(c) == c for c in range(header.count())):
            # The register's order, restored or not: a layout is kept whenever a column is given a width, its order
            # as it was, so only an order of another kind is the user's own.
            self.move()
        else:
            self._fitted = True  # the user's columns: left as they are
        view.table.viewport().installEventFilter(self)

    def move(self) -> None:
        """The columns put next to ``after`` (again, after Reset columns), and fitted once the table is shown."""
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
        self._fitted = False
        if view.table.viewport().width() > 0 and view.isVisible():
            self.fit()

    def eventFilter(self, watched, event) -> bool:
        if not self._fitted and event.type() == QEvent.Type.Resize and watched.width() > 0:
            QTimer.singleShot(0, self, self.fit)  # once the table's width is settled
        return False

    def fit(self) -> None:
        if self._fitted or not self.view.isVisible():
            return
        self._fitted = True
        view = self.view
        table, header = view.table, view.table.horizontalHeader()
        last = view.register.field_names.index(self.names[-1])
        if view.register.fields[last].kind is not Kind.LONGTEXT:
            return
        over = header.sectionPosition(last) + header.sectionSize(last) - table.viewport().width()
        if over <= 0:
            return
        metrics = QFontMetrics(table.font())
        least = LEAST_CHARS * metrics.averageCharWidth() + round(16 * zoom().factor)
        width = max(least, header.sectionSize(last) - over)
        if width < header.sectionSize(last):
            view._programmatic = True
            try:
                table.setColumnWidth(last, width)
            finally:
                view._programmatic = False
            view._sync_columns()
