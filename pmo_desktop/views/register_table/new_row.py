"""The blank line at the bottom of a register table: typing in it adds a record, as in an Excel table.

It is a one-row table of its own under the register's table, its columns kept in step with the
table's (widths, order, hidden columns, horizontal scroll). Values wait there until the register's
required columns have one (a risk needs its title); then the record is created as one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLayout,
    QTableView,
)

from ...models import errors
from ...models.fields import Register
from .frozen import FrozenTable
from .table_model import format_value, typed_value

PLACEHOLDER = "Type here to add a row"
SHORT_PLACEHOLDER = "Type here"  # a column narrower than the whole sentence ("Period"): cut, it read "Type her…"


class NewRowModel(QAbstractTableModel):
    complete = Signal(dict)  # the values typed, once every required column has one

    def __init__(self, document, register: Register, defaults, parent=None):
        super().__init__(parent)
        self.document = document
        self.register = register
        self.fields = register.fields
        self.defaults = defaults  # callable → the values a new row starts with
        self.pending: dict[str, Any] = {}
        self.first_column = 0

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return "✱"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "New row: type in it to add a record"
        elif role == Qt.ItemDataRole.DisplayRole:
            return self.fields[section].label
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.fields[index.column()].editable and not self.document.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def missing(self) -> list[str]:
        values = {**self.defaults(), **self.pending}
        return [f.label for f in self.fields if f.required and f.editable and values.get(f.name) in (None, "")]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self.fields[index.column()]
        value = self.pending.get(f.name)
        hint = None
        if value is None and f.editable:
            if not self.pending and index.column() == self.first_column:
                hint = PLACEHOLDER if f.width >= len(PLACEHOLDER) else SHORT_PLACEHOLDER
            elif self.pending and f.required:
                hint = f"{f.label} needed"
        if role == Qt.ItemDataRole.DisplayRole:
            return hint or format_value(f, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ForegroundRole and hint:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and hint:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Type to add a new row" + (f" ({', '.join(self.missing())} needed)" if self.missing() else "")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        f = self.fields[index.column()]
        try:
            parsed = f.parse(typed_value(f, value), self.document.context)
        except errors.ValidationError as e:
            self.document.error.emit(str(e))
            return False
        if parsed in (None, "", []):
            self.pending.pop(f.name, None)
        else:
            self.pending[f.name] = "; ".join(parsed) if isinstance(parsed, list) else parsed
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(self.fields) - 1))
        if self.pending and not self.missing():
            self.complete.emit(dict(self.pending))
        return True

    def clear_column(self, column: int) -> None:
        self.pending.pop(self.fields[column].name, None)
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(self.fields) - 1))

    def clear(self) -> None:
        self.pending.clear()
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(self.fields) - 1))


class NewRowLine(FrozenTable):
    """A one-row table under a register table whose columns follow that table's."""

    leave_up = Signal(int)  # Up arrow: back to the table's last row, this column
    typed = Signal()  # a cell's editor closed with Enter or Tab (``editor_closed``)
    typed_on_locked = Signal(object)  # a key typed on a cell the register works out (an ID, a score): its index
    entered = Signal()  # the keyboard came into the line (a record typed along its row above is over)
    edits_after_tab = False  # see ``closeEditor``

    def __init__(self, table: QTableView, model: NewRowModel, parent=None):
        super().__init__(parent)
        self.main = table
        self.row_model = model
        self.left_with_enter = False  # the last cell was left with Enter
        self.holder: QLayout | None = None  # the layout whose margins line it up under the table (_line_up)
        self.setModel(model)
        self.setObjectName("new-row-line")
        self.setAccessibleName("New row")
        self.horizontalHeader().setVisible(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setWordWrap(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda logical, _old, new: self.setColumnWidth(logical, new))
        header.sectionMoved.connect(lambda *_: self.sync_columns())
        header.geometriesChanged.connect(self.sync_columns)
        table.verticalHeader().geometriesChanged.connect(self.sync_columns)
        self._main_port = table.viewport()
        self._main_port.installEventFilter(self)  # its width (a vertical scroll bar shown or gone): this one's
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        self.horizontalScrollBar().valueChanged.connect(table.horizontalScrollBar().setValue)
        self.sync_columns()

    def sync_columns(self) -> None:
        """Widths, order and hidden columns as in the table above; the same row height."""
        header = self.main.horizontalHeader()
        mine = self.horizontalHeader()
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if mine.visualIndex(logical) != visual:
                mine.moveSection(mine.visualIndex(logical), visual)
            self.setColumnHidden(logical, header.isSectionHidden(logical))
            self.setColumnWidth(logical, header.sectionSize(logical))
        first = next((header.logicalIndex(v) for v in range(header.count())
                      if not header.isSectionHidden(header.logicalIndex(v))
                      and self.row_model.fields[header.logicalIndex(v)].editable), 0)
        self.row_model.first_column = first
        # Room for the ✱ even while the table above is empty (its row numbers then take no room).
        self.main.verticalHeader().setMinimumWidth(self.main.verticalHeader().fontMetrics().horizontalAdvance("✱9") + 8)
        self.verticalHeader().setFixedWidth(max(self.main.verticalHeader().width(),
                                                self.main.verticalHeader().minimumWidth()))
        height = self.main.verticalHeader().defaultSectionSize()
        self.verticalHeader().setDefaultSectionSize(height)
        self.setFixedHeight(height + 2 * self.frameWidth())
        self.setFont(self.main.font())
        self._line_up()

    def _line_up(self) -> None:
        """This line's cells exactly under the table's: its viewport as wide as the table's and at the same
        x — inside the table's frame on the left, and its frame and vertical scroll bar on the right — by the
        margins of the layout that holds it (``holder``). Not by its own viewport margins: QTableView sets
        those again at every layout, so a right margin put there was lost; the line was then a scroll bar
        wider than the table, which could not scroll to its end, the line ~15 px off there."""
        main = self.main
        port = main.viewport().geometry()
        left = main.frameWidth()
        right = max(0, main.width() - port.x() - port.width())
        holder = self.holder
        if holder is None:
            return
        margins = holder.contentsMargins()
        if (margins.left(), margins.right()) != (left, right):
            holder.setContentsMargins(left, 0, right, 0)

    def eventFilter(self, watched, event) -> bool:
        if watched is self._main_port and event.type() == QEvent.Type.Resize:
            self._line_up()
        return super().eventFilter(watched, event)

    def _on_editable_cell(self) -> None:
        """Typing lands in a column that takes it: the line's current cell is moved off a calculated or
        read-only one (the ID), which would drop what is typed without a word."""
        current = self.currentIndex()
        if not current.isValid() or not self.row_model.flags(current) & Qt.ItemFlag.ItemIsEditable:
            self.setCurrentIndex(self.row_model.index(0, self.row_model.first_column))

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._on_editable_cell()
        self.entered.emit()

    def moveCursor(self, cursorAction, modifiers):
        """Home, Left and Ctrl+Left stop at the line's first column that takes typing (the title, a stakeholder's
        name — where "Type here to add a row" stands), never on the ID before it, which the office numbers itself:
        Home, as Excel's to column A, put the keyboard there, and a whole name typed next was refused key by key,
        lost. What lies left of that column is only ever worked out, so there is nothing there to go to."""
        if cursorAction == QAbstractItemView.CursorAction.MoveEnd and modifiers & Qt.KeyboardModifier.ControlModifier:
            # Ctrl+End, Excel's last cell: this line is the register's end already, so the keyboard stays in the
            # column it is in, as Ctrl+Down leaves it. It went to the line's last column (a benefit's
            # Description, scrolled far right), and what was typed next for the column left went in there.
            return self.currentIndex()
        index = super().moveCursor(cursorAction, modifiers)
        header = self.horizontalHeader()
        first = self.row_model.first_column
        if index.isValid() and header.visualIndex(index.column()) < header.visualIndex(first):
            return self.row_model.index(index.row(), first)
        return index

    def closeEditor(self, editor, hint) -> None:
        """Remembers whether the cell was left with Enter: the record it completes is then added and the
        keyboard stays here, for the next one (``RegisterView._created_from_line``)."""
        self.left_with_enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        if hint in (QAbstractItemDelegate.EndEditHint.EditNextItem, QAbstractItemDelegate.EndEditHint.EditPreviousItem):
            # Tab: on to the next cell without opening its editor (``edits_after_tab``). Qt's own Tab opened
            # one, which the record this value completed then lost (``RegisterView._created_from_line`` goes
            # on along the new record in the table): closing, it took the focus back, so what was typed next
            # for the record went into this line instead, a column further on, and the next Tab left the
            # table. The delegate is shared: a frozen cell's editor (the title) comes here too, and its own
            # view moves on (``FrozenColumns.closeEditor``) — only once.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if editor is not None and editor.parent() is self.viewport():
                self.move_on_after_tab(hint == QAbstractItemDelegate.EndEditHint.EditNextItem)
                self.editor_closed()
            return
        super().closeEditor(editor, hint)
        if editor is not None and editor.parent() is self.viewport():
            self.editor_closed()

    def editor_closed(self) -> None:
        """The value typed is in, the editor closed and the keyboard moved on (Enter, Tab): the record it
        completed is added now (``RegisterView._create_from_line``), before the next key. Added later (a
        timer), a next title typed at once was typed into the line while that record was being added, and
        lost to a "Title cannot be empty" — on a busy machine, every other title typed down the column."""
        self.typed.emit()

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if (not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.row_model.pending
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            # Enter again on a record the register refused, nothing changed: it is tried again and the reason
            # told again. The key only took the note away, and the line said nothing more.
            self.left_with_enter = True
            self.typed.emit()
            return
        if event.key() == Qt.Key.Key_Up and not editing:
            self.leave_up.emit(self.currentIndex().column())
            return
        current = self.currentIndex()
        if (not editing and current.isValid() and not self.row_model.flags(current) & Qt.ItemFlag.ItemIsEditable
                and (event.key() == Qt.Key.Key_F2 or (event.text().isprintable() and event.text() != ""))
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                             | Qt.KeyboardModifier.MetaModifier)):
            # A key typed on a score or a rating of the line (Down from the last row's score, Right along the
            # line) said nothing and moved the keyboard to the first column, the title, where the next keys
            # went — a saved row's same cell keeps the keyboard and says why beside it; so does this one.
            self.typed_on_locked.emit(current)
            return
        if not editing and event.text().strip():
            self._on_editable_cell()
        super().keyPressEvent(event)
