"""Search box, Excel-like column filters and record filters (e.g. a heat map cell) over a register."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from .table_model import RegisterTableModel


class RegisterFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self._terms: list[str] = []
        self._column_filters: dict[int, set[str]] = {}
        self._record_ids: set[int] | None = None
        self.record_filter_label = ""

    def source(self) -> RegisterTableModel:
        model = self.sourceModel()
        assert isinstance(model, RegisterTableModel)  # the only model this proxy is given
        return model

    # Sorting is done by the source model on its row list: far faster than comparing in Python
    # per pair, and the proxy then keeps the source order.
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def _refilter(self) -> None:
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
        return bool(self._search or self._column_filters or self._record_ids is not None)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
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
                value = row[column + 2]
                f = model.fields[column]
                # A list cell ("A; B") passes when any of its items is allowed.
                items = f.kind.items(value)
                if not any(item in allowed for item in items):
                    return False
        return True
