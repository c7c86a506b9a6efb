"""Search box, Excel-like column filters and record filters (e.g. a heat map cell) over a register.

A record shown when it is edited stays in view even when the filters no longer pass it (as Excel keeps
an edited row until the filter is reapplied): nothing the user just typed disappears. Such a row is
marked (italic, a mark by its number, a tooltip) and the table's bar says so with a Reapply button;
any change of the search or filters (or Reapply, Ctrl+Alt+L) hides it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from .table_model import RegisterTableModel

UNMATCHED_MARK = "✎"
UNMATCHED_TIP = ("Edited: this row no longer matches the search or filters. It stays in view until they change "
                 "or you reapply them (Ctrl+Alt+L).")


class UnmatchedMarks:
    """The marks of a row kept in view though the filters no longer pass it — italics, a tooltip, ✎ by its
    number — for a proxy over a register (the in-memory filter proxy and the windowed one) that says which
    rows they are (``_any_unmatched``, ``_is_unmatched``)."""

    _italic: QFont | None = None  # made once, at the first marked row (a QFont needs the application)

    def _any_unmatched(self) -> bool:
        raise NotImplementedError

    def _is_unmatched(self, row: int) -> bool:
        raise NotImplementedError

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole) and self._any_unmatched() \
                and index.isValid() and self._is_unmatched(index.row()):
            if role == Qt.ItemDataRole.ToolTipRole:
                return UNMATCHED_TIP
            if UnmatchedMarks._italic is None:
                UnmatchedMarks._italic = QFont()
                UnmatchedMarks._italic.setItalic(True)
            return UnmatchedMarks._italic
        return super().data(index, role)  # type: ignore[misc]

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Vertical and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
                and self._any_unmatched() and self._is_unmatched(section)):
            return f"{section + 1} {UNMATCHED_MARK}" if role == Qt.ItemDataRole.DisplayRole else UNMATCHED_TIP
        return super().headerData(section, orientation, role)  # type: ignore[misc]


class RegisterFilterProxy(UnmatchedMarks, QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._terms: list[str] = []
        self._column_filters: dict[int, set[str]] = {}
        self._record_ids: set[int] | None = None
        self.record_filter_label = ""
        self._kept: set[int] = set()  # records edited while shown: in view until the filters change
        # The records whose cell holds a refused value in its open editor (set by the view): they stay in view
        # whatever the search or filters become, as an edited row does — a search that hid one closed its
        # editor, and what was typed was lost.
        self.held: Callable[[], set[int]] = set

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        model.records_refreshing.connect(self._keep_shown)

    def _keep_shown(self, ids) -> None:
        """Records about to change: those shown now stay shown whatever they become."""
        if not self.is_filtered:
            return
        model = self.source()
        for rid in ids:
            row = model.row_of(rid)
            if row is not None and self.mapFromSource(model.index(row, 0)).isValid():
                self._kept.add(rid)

    def unmatched_kept(self) -> list[int]:
        """Records shown only because they were edited while shown: the filters no longer pass them."""
        if not self._kept:
            return []
        model = self.source()
        rows = [(rid, model.row_of(rid)) for rid in sorted(self._kept)]
        return [rid for rid, row in rows if row is not None and not self._passes(row)]

    def reapply_filters(self) -> None:
        """Apply the search and filters again, as Excel's Reapply: edited rows they do not pass go."""
        self._refilter()

    def source(self) -> RegisterTableModel:
        model = self.sourceModel()
        assert isinstance(model, RegisterTableModel)  # the only model this proxy is given
        return model

    # Sorting is done by the source model on its row list: far faster than comparing in Python
    # per pair, and the proxy then keeps the source order.
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def _refilter(self) -> None:
        self._kept = self.held()
        # Qt 6.9+ prefers begin/endFilterChange; invalidateFilter is deprecated there.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_search(self, text: str) -> None:
        """Rows holding the text; a text of several words that no row holds side by side finds the rows
        holding each word anywhere, in any order (as the windowed table's search does)."""
        self._search = text.strip().lower()
        words = self._search.split()
        model = self.source()
        self._terms = [self._search] if self._search else []
        if len(words) > 1 and not any(self._search in model.search_text(r) for r in range(model.rowCount())):
            self._terms = words
        self._refilter()

    def set_column_filter(self, column: int, allowed: set[str] | None) -> None:
        if allowed is None:
            self._column_filters.pop(column, None)
        else:
            self._column_filters[column] = set(allowed)
        self._refilter()

    def column_filter(self, column: int) -> set[str] | None:
        return self._column_filters.get(column)

    def set_record_filter(self, ids: set[int] | None, label: str = "") -> None:
        self._record_ids = None if ids is None else set(ids)
        self.record_filter_label = label if ids is not None else ""
        self._refilter()

    def clear_filters(self) -> None:
        self._search, self._terms = "", []
        self._column_filters.clear()
        self._record_ids = None
        self.record_filter_label = ""
        self._refilter()

    @property
    def is_filtered(self) -> bool:
        return self.filtered_beyond(set())

    def filtered_beyond(self, columns: set[int]) -> bool:
        """Whether a search, a record filter or a filter on a column not among ``columns`` is set."""
        return bool(self._search or set(self._column_filters) - columns or self._record_ids is not None)

    def rows_passing(self, columns: set[int]) -> int:
        """How many records the filters of these columns alone pass (a page's fixed restriction)."""
        kept = {c: self._column_filters[c] for c in columns if c in self._column_filters}
        model = self.source()
        return sum(1 for row in model.rows if all(any(item in allowed for item in model.shown_items(row, c))
                                                  for c, allowed in kept.items()))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self._kept and self.source().record_id(source_row) in self._kept:
            return True
        return self._passes(source_row)

    def _any_unmatched(self) -> bool:
        return bool(self._kept)

    def _is_unmatched(self, row: int) -> bool:
        source_row = self.mapToSource(self.index(row, 0)).row()
        return self.source().record_id(source_row) in self._kept and not self._passes(source_row)

    def _passes(self, source_row: int) -> bool:
        model = self.source()
        if self._record_ids is not None and model.record_id(source_row) not in self._record_ids:
            return False
        if self._terms:
            text = model.search_text(source_row)
            if not all(term in text for term in self._terms):
                return False
        if self._column_filters:
            row = model.rows[source_row]
            for column, allowed in self._column_filters.items():
                # A list cell ("A; B") passes when any of its items is allowed.
                if not any(item in allowed for item in model.shown_items(row, column)):
                    return False
        return True
