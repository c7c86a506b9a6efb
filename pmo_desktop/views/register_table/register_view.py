"""The register table as a user works in it: search, Excel-like filters, keyboard editing,
copy/paste of rectangular blocks with Excel, add/duplicate/delete rows, all undoable."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...models.errors import ValidationError
from ...models.fields import Kind, Register
from ...models.records import is_unique, snapshot_fields
from ..document import Document
from .clipboard import parse_tsv, to_tsv
from .commands import CompositeCommand, CreateRecordsCommand, DeleteRecordsCommand
from .date_entry import DateLineEdit
from .delegates import FieldDelegate
from .proxy import RegisterFilterProxy
from .table_model import RegisterTableModel, format_value, typed_value

MAX_FILTER_VALUES = 300


class RegisterTable(QTableView):
    """A QTableView that moves down after Enter, like a spreadsheet."""

    def keyPressEvent(self, event):
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (alt_down or event.key() == Qt.Key.Key_F4) and self.state() != QAbstractItemView.State.EditingState:
            if self.open_picker(self.currentIndex()):
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                below = current.siblingAtRow(current.row() + 1)
                if below.isValid():
                    self.setCurrentIndex(below)
                    return
        super().keyPressEvent(event)


    def open_picker(self, index) -> bool:
        """Alt+Down / F4 on a cell: edit it with its list or calendar open, as in Excel."""
        if not index.isValid() or not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            return False
        self.edit(index)
        editor = self.focusWidget()
        if isinstance(editor, DateLineEdit):
            editor.show_calendar()
            return True
        if isinstance(editor, QComboBox):
            editor.showPopup()
            return True
        return False


class RegisterView(QWidget):
    current_record_changed = Signal(object)  # record id or None

    def __init__(self, document: Document, register: Register, parent_id: int | None = None,
                 hidden_fields: tuple[str, ...] = (), parent=None, compact: bool = False):
        super().__init__(parent)
        self.document = document
        self.register = register
        self.model = RegisterTableModel(document, register, parent_id, self)
        self.proxy = RegisterFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel(self)
        self.filter_chip = QPushButton(self)
        self.filter_chip.setVisible(False)
        self.filter_chip.setToolTip("Remove this filter")
        self.filter_chip.clicked.connect(lambda: self.set_record_filter(None))
        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setText("Clear filters")
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.table = RegisterTable(self)
        self.table.setModel(self.proxy)
        self.table.setItemDelegate(FieldDelegate(self.proxy, self.table))
        # No sort until the user asks: rows stay in the order they were entered (the IDs' order).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        char = self.fontMetrics().averageCharWidth()
        for col, f in enumerate(register.fields):
            self.table.setColumnWidth(col, max(60, f.width * char + 16))
            if f.name in hidden_fields:
                self.table.setColumnHidden(col, True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self._make_actions()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.filter_chip)
        bar.addWidget(self.clear_filters_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        if compact:
            self.search.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.table.addAction(action)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action("Add Row", self.add_row, ["Ctrl+Shift+N", "Insert"], "Add a row (Ctrl+Shift+N)")
        self.duplicate_action = self._action("Duplicate Rows", self.duplicate_rows, ["Ctrl+D"])
        self.delete_action = self._action("Delete Rows", self.delete_rows, ["Ctrl+-", "Shift+Delete"])
        self.copy_action = self._action("Copy", self.copy, [QKeySequence.StandardKey.Copy])
        self.paste_action = self._action("Paste", self.paste, [QKeySequence.StandardKey.Paste])
        self.clear_action = self._action("Clear Cells", self.clear_cells, [QKeySequence.StandardKey.Delete, "Backspace"])
        self.find_action = self._action("Find", self.focus_search, [QKeySequence.StandardKey.Find])

    # ------------------------------------------------------------------ filtering
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_record_filter(self, ids, label: str = "") -> None:
        """Show only these records (e.g. those of a heat map cell); None removes the filter."""
        self.proxy.set_record_filter(ids, label)
        self.filter_chip.setText(f"{label}  ✕")
        self.filter_chip.setVisible(ids is not None)
        self._update_count()

    def clear_filters(self) -> None:
        self.search.clear()
        self.proxy.clear_filters()
        self.filter_chip.setVisible(False)
        self._update_count()

    def set_column_filter(self, field_name: str, allowed: set[str] | None) -> None:
        self.proxy.set_column_filter(self.model.column_of(field_name), allowed)
        self._update_count()

    def _update_count(self, *args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown:,} of {total:,} rows" if self.proxy.is_filtered else f"{total:,} rows")
        self.clear_filters_button.setEnabled(self.proxy.is_filtered)

    def distinct_values(self, column: int) -> list[str]:
        f = self.model.fields[column]
        values: set[str] = set()
        for row in self.model.rows:
            v = row[column + 2]
            if f.kind == Kind.LINKS and v:
                values.update(i.strip() for i in v.split(";"))
            else:
                values.add(format_value(f, v))
            if len(values) > MAX_FILTER_VALUES:
                break
        return sorted(values, key=lambda s: (s == "", s.lower()))

    def _header_menu(self, pos) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(pos)
        if column < 0:
            return
        menu = self.build_header_menu(column)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def build_header_menu(self, column: int) -> QMenu:
        """Sort and an Excel-like value filter for one column."""
        menu = QMenu(self)
        menu.addAction("Sort A → Z", lambda: self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder))
        menu.addAction("Sort Z → A", lambda: self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder))
        menu.addSeparator()
        current = self.proxy.column_filter(column)
        clear = menu.addAction("Show all", lambda: (self.proxy.set_column_filter(column, None), self._update_count()))
        clear.setEnabled(current is not None)
        values = self.distinct_values(column)
        for value in values[:MAX_FILTER_VALUES]:
            action = menu.addAction(value or "(blank)")
            action.setCheckable(True)
            action.setChecked(current is None or value in current)
            action.toggled.connect(lambda checked, v=value: self._toggle_value(column, v, checked, values))
        return menu

    def _toggle_value(self, column: int, value: str, checked: bool, all_values: list[str]) -> None:
        allowed = set(self.proxy.column_filter(column) or all_values)
        (allowed.add if checked else allowed.discard)(value)
        self.proxy.set_column_filter(column, None if allowed >= set(all_values) else allowed)
        self._update_count()

    # ------------------------------------------------------------------ selection
    def _on_current_row(self, current, _previous) -> None:
        self.current_record_changed.emit(self.current_record_id())

    def current_record_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_id(self.proxy.mapToSource(index).row())

    def selected_source_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.table.currentIndex()).row()}
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(r) for r in self.selected_source_rows()]

    def select_record(self, record_id: int, column: int = 0) -> bool:
        """Make a record current and visible (clearing filters that hide it)."""
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, column))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, column))
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    # ------------------------------------------------------------------ editing
    def _first_editable_column(self) -> int:
        return next(i for i, f in enumerate(self.model.fields) if f.editable and not self.table.isColumnHidden(i))

    def new_row_values(self) -> dict:
        """Values a new blank row starts with (subclasses: e.g. a date inside a benefit's window)."""
        return {}

    def add_row(self) -> int | None:
        command = CreateRecordsCommand(self.document, self.register, [self.new_row_values()], self.model.parent_id)
        if not self.document.execute(command):
            return None
        rid = command.ids[0]
        if self.proxy.mapFromSource(self.model.index(self.model.row_of(rid), 0)).isValid() is False:
            self.clear_filters()
        self.select_record(rid, self._first_editable_column())
        self.table.setFocus()
        return rid

    def duplicate_rows(self) -> None:
        rows = self.selected_source_rows()
        if not rows:
            return
        values = [snapshot_fields(self.register, self.model.record(r)) for r in rows]
        unique_text = [f.name for f in self.register.fields if f.kind == Kind.TEXT and is_unique(self.register, f)]
        for v in values:
            key = self.register.key_field
            if key is not None:
                v.pop(key.name, None)  # the copy gets the next free ID
            for name in unique_text:
                v[name] = f"{v[name]} (copy)"
        command = CreateRecordsCommand(self.document, self.register, values, self.model.parent_id,
                                       text=f"Duplicate {len(values)} row{'s' if len(values) > 1 else ''}")
        if self.document.execute(command):
            self.select_record(command.ids[0])

    def delete_rows(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.document.execute(DeleteRecordsCommand(self.document, self.register, ids))

    def clear_cells(self) -> None:
        cells = [(self.proxy.mapToSource(i).row(), i.column(), None) for i in self.table.selectionModel().selectedIndexes()
                 if self.model.fields[i.column()].editable]
        if cells:
            self.model.set_cells(cells, text="Clear cells")

    def _visible_columns(self) -> list[int]:
        header = self.table.horizontalHeader()
        return [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]

    def copy(self) -> None:
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        visible = self._visible_columns()
        cols = [c for c in visible if c in {i.column() for i in indexes}]
        selected = {(i.row(), i.column()) for i in indexes}
        block = [[self.proxy.index(r, c).data() if (r, c) in selected else "" for c in cols] for r in rows]
        QGuiApplication.clipboard().setText(to_tsv(block))

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste tab-separated text at the current cell: one undo step, all or nothing.

        Rows that run past the end become new records. A single value pasted over a selection fills it.
        Values that land on calculated columns are ignored, so a block copied from this table pastes back.
        """
        block = parse_tsv(text)
        if not block:
            return False
        selection = self.table.selectionModel().selectedIndexes()
        if len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
            cells = [(self.proxy.mapToSource(i).row(), i.column(), block[0][0]) for i in selection]
            return self.model.set_cells(cells, text="Paste")
        anchor = self.table.currentIndex()
        visible = self._visible_columns()
        start_row = anchor.row() if anchor.isValid() else 0
        start_vis = visible.index(anchor.column()) if anchor.isValid() and anchor.column() in visible else 0
        cells, new_rows = [], []
        for i, values in enumerate(block):
            proxy_row = start_row + i
            targets = list(zip(visible[start_vis:], values))
            if proxy_row < self.proxy.rowCount():
                source_row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
                cells.extend((source_row, col, value) for col, value in targets)
            else:
                try:
                    new_rows.append({self.model.fields[col].name: typed_value(self.model.fields[col], value)
                                     for col, value in targets if self.model.fields[col].editable})
                except ValidationError as e:
                    self.document.error.emit(f"Nothing was changed:\nRow {proxy_row + 1}: {e}")
                    return False
        parts = []
        if cells:
            edit = self.model.build_edit_command(cells)
            if edit is None:
                return False
            if edit.edits:
                parts.append(edit)
        if new_rows:
            parts.append(CreateRecordsCommand(self.document, self.register, new_rows, self.model.parent_id))
        if not parts:
            return True
        n = len(block) * max(len(r) for r in block)
        return self.document.execute(CompositeCommand(self.document, f"Paste {n} cell{'s' if n != 1 else ''}", parts))
