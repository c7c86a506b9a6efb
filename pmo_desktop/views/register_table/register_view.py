"""The register table as a user works in it: search, Excel-like filters, keyboard editing,
copy/paste of rectangular blocks with Excel, add/duplicate/delete rows, all undoable."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sized
from datetime import date, datetime
from itertools import chain
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    QRect,
    QSettings,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QFont, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...models.delete_impact import named_from_rows, records_named
from ...models.errors import ValidationError
from ...models.fields import Kind, Register, count_of
from ...models.records import is_unique, snapshot_fields
from ...models.values import normalise_key
from .. import stored_settings
from ..accessibility import name_table
from ..document import Document
from ..excel_keys import (
    DELETE_ROW_KEYS,
    INSERT_ROW_KEYS,
    TIME_KEYS,
    TIME_SAID,
    TODAY_KEYS,
    clear_keys,
    today_refused,
)
from ..zoom import zoom
from .clipboard import first_column_holds_ids, parse_tsv, to_tsv
from .commands import (
    KEPT_SHOWN_AT_MOST,
    CompositeCommand,
    CreateRecordsCommand,
    DeleteRecordsCommand,
    cells_text,
    pasted_text,
)
from .confirm import ask_then, edited_rows, warning_for
from .date_entry import DateLineEdit
from .delegates import FieldDelegate, hold_for_retry
from .frozen import CutHeader, FrozenColumns, FrozenTable, blocks_overlap, selection_blocks, spans_cover
from .new_row import NewRowLine, NewRowModel
from .proxy import RegisterFilterProxy
from .read_first import ReadFirst
from .refusal_note import RefusalNote, show_beside
from .table_model import LazyCells, number_as_typed, typed_value
from .windowed import (
    WindowedRegisterModel,
    import_numpy_after_first_paint,
    keep_scroll_on_records,
    make_models,
    rank_columns_after_first_paint,
)

MAX_FILTER_VALUES = 300


class RegisterTable(FrozenTable):
    """A QTableView that moves down after Enter, like a spreadsheet, into the new-row line below it."""

    below_last_row = Signal(int)  # Down or Enter on the last row: the column to continue in
    typed_on_locked = Signal(object)  # a key typed on a cell the register works out itself: its index
    # Esc on the table, no cell open: the view's answer, True when it used the key (a search to clear)
    escape_used: Callable[[], bool] | None = None

    def keyPressEvent(self, event):
        if (event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.state() != QAbstractItemView.State.EditingState
                and self.escape_used is not None and self.escape_used()):
            return
        if (event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
                and self.state() != QAbstractItemView.State.EditingState):
            # Shift+F10, the other key for a context menu (Windows sends it as one; Qt on Linux did nothing):
            # the table's menu — Sort, Filter and Columns… among its commands — beside the cell the keyboard
            # is on.
            current = self.currentIndex()
            rect = self.visualRect(current) if current.isValid() else QRect(0, 0, 1, 1)
            at = self.viewport().mapTo(self, rect.bottomLeft())
            QApplication.sendEvent(self, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, self.mapToGlobal(at),
                                                           event.modifiers()))
            return
        if (event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self.state() != QAbstractItemView.State.EditingState):
            current = self.currentIndex()
            rows = self.model().rowCount()
            if rows == 0 or (current.isValid() and current.row() == rows - 1):
                column = current.column() if current.isValid() else -1
                if event.key() != Qt.Key.Key_Down and current.isValid():
                    column = self.enter_column(current)
                self.below_last_row.emit(column)
                return
        if (self.model().rowCount() == 0 and event.text().strip() and event.text().isprintable()
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                             | Qt.KeyboardModifier.MetaModifier)):
            # An empty register (a new office, or every row filtered out): what is typed goes into the ✱
            # line, as it would into an empty sheet's first row — before, the keys went nowhere, silently.
            self.below_last_row.emit(-1)
            line = QApplication.focusWidget()
            if line is not None and line is not self:
                QApplication.sendEvent(line, QKeyEvent(event.type(), event.key(), event.modifiers(), event.text()))
                return
        if (event.key() == Qt.Key.Key_Space and self.state() != QAbstractItemView.State.EditingState
                and event.modifiers() in (Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier)):
            # Excel's keys for whole rows (Shift+Space) and whole columns (Ctrl+Space) of the cells selected —
            # rows so picked are what Del deletes and Ctrl+D duplicates; before, Shift+Space opened the cell's
            # editor with a space typed in it, and whole rows could be picked only by a click on their header.
            self.select_whole(rows=event.modifiers() == Qt.KeyboardModifier.ShiftModifier)
            return
        current = self.currentIndex()
        if (self.state() != QAbstractItemView.State.EditingState and current.isValid()
                and not current.flags() & Qt.ItemFlag.ItemIsEditable
                and (event.key() == Qt.Key.Key_F2 or (event.text().isprintable() and event.text() != ""))
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                             | Qt.KeyboardModifier.MetaModifier)):
            # Typed on a score, a rating, an ID — cells the register works out: the keys went to Qt's search by
            # first letters, which moved the keyboard to another row without a word, and what was typed was lost.
            # The view says why nothing is typed there.
            self.typed_on_locked.emit(current)
            return
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (alt_down or event.key() == Qt.Key.Key_F4) and self.state() != QAbstractItemView.State.EditingState:
            if self.open_picker(self.currentIndex()):
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                below = current.sibling(current.row() + 1, self.enter_column(current))
                if below.isValid():
                    self.setCurrentIndex(below)
                    return
        super().keyPressEvent(event)

    def select_whole(self, rows: bool) -> None:
        """The whole rows (or columns) of the cells selected, the current cell kept where it is."""
        model, selection = self.model(), self.selectionModel()
        current = self.currentIndex()
        if model is None or selection is None or not current.isValid():
            return
        picked = {i.row() if rows else i.column() for i in selection.selectedIndexes()} | {
            current.row() if rows else current.column()}
        whole = QItemSelection()
        for n in picked:
            if rows:
                whole.select(model.index(n, 0), model.index(n, model.columnCount() - 1))
            else:
                whole.select(model.index(0, n), model.index(model.rowCount() - 1, n))
        selection.select(whole, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def closeEditor(self, editor, hint) -> None:
        """Enter in a cell being typed into stores it and moves down, as in Excel: typing a column of values
        fills one row after another instead of overwriting the same cell (Tab and Escape as Qt does). On
        the last row it goes on to the ✱ line, as Excel goes on to the empty row below (in the column where the
        row's run of Tabs began, if it was typed along with Tab, else in the same column):
        a row added with Ctrl+Shift+N, its title typed and Enter, then the next title typed makes a second
        row, not a new title of the first."""
        super().closeEditor(editor, hint)
        # SubmitModelCache: the delegate's hint for Enter — and Qt's when it closes the editor of a cell left
        # for another row's (``leaving_cell``): then the cell clicked stays current, not the one below it.
        if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache or self.leaving_cell:
            return
        current = self.currentIndex()
        column = self.enter_column(current) if current.isValid() else -1
        below = current.sibling(current.row() + 1, column)
        if below.isValid():
            self.setCurrentIndex(below)
        elif current.isValid() and current.row() == self.model().rowCount() - 1:
            QTimer.singleShot(0, self, lambda: self.below_last_row.emit(column) if self.state() != self.State.EditingState else None)

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


class TickMenu(QMenu):
    """A menu of ticks (a column's values to filter by, the columns to show) that stays open while they
    are ticked: Space or a click ticks or unticks the item, as in Excel's filter list, so several are
    changed in one go; Enter ticks and closes (on an item ticked already it only closes, as Excel's OK), Esc
    closes."""

    def __init__(self, *args):
        super().__init__(*args)
        # A menu is a window of its own: it takes the application's font, not the table's, and presenting
        # (150 %) it opened at the size of a desk's screen beside the grown table, unread from the room. Its
        # words grow with the tables' zoom, from the size it opens at.
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * zoom().factor)
        self.setFont(font)

    def keyPressEvent(self, event) -> None:
        action = self.activeAction()
        if (event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and action is not None and action.isCheckable() and action.isEnabled()):
            action.toggle()
            return
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and action is not None and action.isCheckable()
                and action.isChecked() and action.isEnabled()):
            # Qt's Enter triggers the item, which unticks a ticked one: Enter on "(Select All)", ticked as the
            # menu opens, hid every row ("0 of 8 rows"), where Excel's Enter is OK and leaves the ticks as they are
            menu: QMenu = self
            while isinstance(outer := menu.parentWidget(), QMenu):
                menu = outer
            menu.close()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        action = self.actionAt(event.position().toPoint())
        if (event.button() == Qt.MouseButton.LeftButton and action is not None and action.isCheckable()
                and action.isEnabled()):
            action.toggle()
            return
        super().mouseReleaseEvent(event)


class EmptyState(QWidget):
    """Shown over an empty table: what to do to fill the register, and an Add button."""

    def __init__(self, view: "RegisterView"):
        super().__init__(view.table.viewport())
        self.view = view
        self.setObjectName("empty-state")
        title = view.register.title.lower()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(f"Add a row to the {title}", self)
        self.add_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.add_button.clicked.connect(view.add_row)
        self.clear_button = QPushButton("Clear filters", self)
        self.clear_button.clicked.connect(view.clear_filters_to_the_rows)
        layout = self.box = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        view.table.viewport().installEventFilter(self)
        self.hide()

    def update_for(self, shown: int, total: int) -> None:
        filtered = total > 0 and shown == 0
        empty = total == 0 and not (self.view.register.parent and self.view.model.parent_id is None)
        title = self.view.register.title.lower()
        self._texts: tuple[str, ...] = ()
        if empty:  # the hint only where there is room for it (a short sub-table, a zoomed screen)
            heading = f"<p style='font-size:large'><b>No rows in the {title} yet.</b></p>"
            # the button alone where not even the heading fits above it (a sub-table in a short detail panel: the
            # heading took the room and pushed the button out of the table's bottom)
            self._texts = (heading + "<p>Add one with the button, type in the line at the bottom (✱), paste rows "
                           "from Excel (Ctrl+V), or use File ▸ Import from Excel.</p>", heading, "")
        elif filtered:
            self._texts = ("<p><b>No rows match the search or filters.</b></p>",)
        self.add_button.setVisible(empty)
        self.clear_button.setVisible(filtered)
        self.setVisible(empty or filtered)
        self._fit()

    def _fit(self) -> None:
        viewport = self.view.table.viewport()
        rect = viewport.rect()
        # In a panel that scrolls (a benefit's profile on a 720-pixel screen) the table runs on below what is shown:
        # centred in the whole table the button sat under the panel's bottom edge, cut to "Add a row" half seen.
        # The hint and its button go in the part on screen.
        seen = viewport.visibleRegion().boundingRect() & rect
        if seen.height() >= 60 and seen.width() >= 100 and seen != rect:
            rect = seen
        self.setGeometry(rect)
        # The button's words whole: "Add a row to the stakeholder map" where it fits, else "Add a row" (beside the
        # grid at 150 % it was cut to "Add a row to the stakeholder m").
        m = self.box.contentsMargins()
        long = f"Add a row to the {self.view.register.title.lower()}"
        self.add_button.setText(long)
        if self.add_button.sizeHint().width() > rect.width() - m.left() - m.right():
            self.add_button.setText("Add a row")
        texts = getattr(self, "_texts", ())
        if texts:  # the longest text whose every line fits above the buttons, never one cut through
            m = self.box.contentsMargins()
            buttons: int = sum(b.sizeHint().height() + self.box.spacing() for b in (self.add_button, self.clear_button)
                               if not b.isHidden())
            room = rect.height() - m.top() - m.bottom() - buttons
            width = rect.width() - m.left() - m.right()
            for text in texts:
                self.message.setText(text)
                if not text or self.message.heightForWidth(width) <= room:
                    break
            self.message.setVisible(bool(self.message.text()))
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit()
        return False


# More rows than a glance takes in are asked about before they go, naming them, as the rows others refer to are: a
# Shift+click too far down a long register deleted 60 risks at once with no word of which (stop 45's walks). Fewer
# go at once, named in the status bar with the way back.
ASK_BEFORE_DELETING_MORE_THAN = 20
class RegisterView(QWidget):
    current_record_changed = Signal(object)  # record id or None
    column_filters_changed = Signal()  # a column's value filter was set or cleared (header menu, Clear filters)
    # The form above the table F6 goes to and comes back from, with its name ("the report"), where its records have no
    # table of their own (``sub_table_keys.pair_with_pane_above``: the Status page's report over its milestones).
    pane_above: tuple[QWidget, str] | None = None

    def __init__(self, document: Document, register: Register, parent_id: int | None = None,
                 hidden_fields: tuple[str, ...] = (), parent=None, compact: bool = False):
        super().__init__(parent)
        self.document = document
        self.register = register
        self.fixed_filters: dict[int, set[str]] = {}  # column → values the page restricts it to (set_fixed_filter)
        self._read_first: ReadFirst | None = None  # the page's columns shown first (``read_first``)
        # A large register gets a windowed model (rows read in pages, sorted and filtered in the
        # database); the others hold their rows in memory. See windowed.py.
        self.model, self.proxy = make_models(document, register, parent_id, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)  # Esc clears the search, as in Explorer or Outlook
        self.count_label = QLabel(self)
        self.filter_chip = QPushButton(self)
        self.filter_chip.setVisible(False)
        self.filter_chip.setToolTip("Remove this filter")
        self.filter_chip.clicked.connect(self._remove_chip_filter)
        self.escape_removes_chip = False  # Esc on the table takes the chip's filter off (set_record_filter)
        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setText("Clear filters")
        self.clear_filters_button.clicked.connect(self.clear_filters_to_the_rows)
        # Rows edited while shown that the filters no longer pass stay in view (proxy.py); this says so.
        self.reapply_button = QToolButton(self)
        self.reapply_button.setObjectName("reapply-filters")
        self.reapply_button.setToolTip("The rows marked ✎ were edited and no longer match the search or filters; "
                                       "they stay in view until you reapply them (Ctrl+Alt+L)")
        self.reapply_button.clicked.connect(self.reapply_filters)
        self.reapply_button.setVisible(False)

        self.table = RegisterTable(self)
        self.table.escape_used = self._escape_in_table
        self.table.setHorizontalHeader(CutHeader(self.table))  # a header cut at the view's edge says so ("…")
        name_table(self.table, f"{register.title} table")
        self.search.setAccessibleName(f"Search the {register.title.lower()}")
        self.table.setModel(self.proxy)
        if isinstance(self.model, WindowedRegisterModel):  # its first sort, filter or search uses numpy
            import_numpy_after_first_paint(self.table.viewport())
            rank_columns_after_first_paint(self.table.viewport(), self.model)
            keep_scroll_on_records(self.table, self.model)
        self.delegate = FieldDelegate(self.proxy, self.table)
        self.table.setItemDelegate(self.delegate)
        if isinstance(self.proxy, RegisterFilterProxy):
            self.proxy.held = self._held_records
        # No sort until the user asks: rows stay in the order they were entered (the IDs' order).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._zoom_factor: float | None = None
        self._programmatic = False
        self.hidden_fields = tuple(hidden_fields)
        for col, f in enumerate(register.fields):
            if f.name in hidden_fields:
                self.table.setColumnHidden(col, True)
        # The record last added from the ✱ line and typed on along its row (``_typing_started``): (register, id).
        self._typing: tuple[str, int] | None = None
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        frozen = {register.fields.index(f) for f in register.frozen_fields}
        self.frozen = self.table.frozen = FrozenColumns(self.table, frozen) if frozen else None
        if self.frozen is not None:
            frozen_header = self.frozen.horizontalHeader()
            frozen_header.customContextMenuRequested.connect(lambda pos: self._header_menu(pos, frozen_header))

        self._make_actions()
        self._follow_read_only()
        document.read_only_changed.connect(self._follow_read_only)

        self.new_row_model = NewRowModel(document, register, self.new_row_values, self)
        self.new_line = NewRowLine(self.table, self.new_row_model, self)
        self.new_line.setItemDelegate(FieldDelegate(self.new_row_model, self.new_line))
        # The new-row line keeps the same columns in view as the table above it.
        self.new_line.frozen = FrozenColumns(self.new_line, frozen, room=self.table) if frozen else None
        # Added when the editor has closed (``NewRowLine.editor_closed``); a value that completes the record
        # otherwise (a paste into the line) by a timer, once the paste is over.
        self.new_line.typed.connect(self._create_from_line)
        self.new_line.entered.connect(self._typing_ended)
        self.new_row_model.complete.connect(lambda _values: QTimer.singleShot(0, self, self._create_when_completed))
        self._line_refused: dict | None = None  # the ✱ line's values the register last refused (told beside it)
        self._line_refused_reason = ""
        self.table.below_last_row.connect(self.focus_new_line)
        self.table.typed_on_locked.connect(self._tell_locked)
        self.new_line.typed_on_locked.connect(lambda index: self._tell_locked(index, self.new_line))
        self.delegate.fill_selection.connect(self._fill_selection)
        self.new_line.leave_up.connect(self._leave_new_line)
        self.model.modelReset.connect(self._update_new_line)
        # A windowed table's filter or search reads its rows again (a reset): the column the keyboard was in
        # stays current (on the first row, nothing selected), so Ctrl+Shift+L again opens the same column's
        # menu — not the ID's, as when the current cell was lost.
        self._column_before_reset = -1
        self.proxy.modelAboutToBeReset.connect(
            lambda: setattr(self, "_column_before_reset", self.table.currentIndex().column()))
        self.proxy.modelReset.connect(self._keep_column_after_reset)
        # A reset (a windowed table's filter, search or filter taken off) lays the table out at once, after
        # Qt's own handler (connected by setModel) asked for it at its next turn: the row numbers' width
        # follows the new count (100,000 → 20,000: a digit fewer) before the first paint, so the rows are
        # painted once — they were painted, then the viewport resized and painted again (among 100,000
        # risks a filter 45–47 → 30–35 ms of CPU until painted).
        self.proxy.modelReset.connect(self.table.executeDelayedItemsLayout)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.filter_chip)
        bar.addWidget(self.clear_filters_button)
        bar.addWidget(self.reapply_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.bar = bar
        self.compact = compact
        if compact:  # a small sub-table (a risk's actions, a benefit's plan): no search bar, so rows get the room
            for widget in (self.search, self.clear_filters_button, self.count_label):
                widget.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        line_row = QHBoxLayout()  # its margins put the ✱ line's cells under the table's (NewRowLine._line_up)
        line_row.setContentsMargins(0, 0, 0, 0)
        line_row.addWidget(self.new_line)
        self.new_line.holder = line_row
        layout.addLayout(line_row)
        layout.setSpacing(2)
        self._update_new_line()
        self.empty_state = EmptyState(self)
        self.apply_zoom()
        zoom().changed.connect(self.apply_zoom)
        self._restore_columns()
        self._restore_layout()
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(400)
        self._layout_timer.timeout.connect(self._save_layout)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)  # drag a header to reorder, as in Excel; the order is remembered
        header.sectionResized.connect(self._layout_changed)
        header.sectionMoved.connect(self._layout_changed)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset, self.proxy.layoutChanged,
                       self.proxy.dataChanged):
            signal.connect(self._update_count)
        # The proxy takes a row out as its source is about to (Qt's QSortFilterProxyModel answers the source's
        # rowsAboutToBeRemoved), so at the proxy's rowsRemoved the model still counts it: a risk a colleague
        # deleted left the table with "70 rows" over 69. Counted again once the model's row is gone too.
        self.model.rowsRemoved.connect(self._update_count)
        if (counted := getattr(self.model, "counted", None)) is not None:  # a windowed model's listing done
            counted.connect(self._update_count)
        self._update_count()

    COUNT_MARGIN = 8

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # "10 rows" clear of the table's right edge (and the window's, on a narrow one: it touched it at 800 px),
        # where the bar has room to spare — presenting on a small screen its buttons need every pixel.
        margins = self.bar.contentsMargins()
        least = self.bar.minimumSize().width() - margins.right()
        right = self.COUNT_MARGIN if self.width() - least >= self.COUNT_MARGIN else 0
        if margins.right() != right:
            self.bar.setContentsMargins(margins.left(), margins.top(), right, margins.bottom())

    def hideEvent(self, event) -> None:
        """A column moved or widened just before the window (or the office) closed is kept: its saving waited
        for the drag to settle (``_layout_timer``) and went with the table — the column back where it was at
        the next start."""
        if self._layout_timer.isActive():
            self._layout_timer.stop()
            self._save_layout()
        self._typing_ended()  # another page: the record typed along its row is over
        super().hideEvent(event)

    def add_to_bar(self, widget: QWidget) -> None:
        """A page's own button on the table's search bar (before the row count), in Tab order."""
        self.bar.insertWidget(self.bar.count() - 2, widget)

    # ------------------------------------------------------------------ actions
    def _action(self, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        # A standard key brings every binding of the platform's (Copy: Ctrl+C and Ctrl+Insert), not its first alone.
        action.setShortcuts([k for s in shortcuts for k in (QKeySequence.keyBindings(s)
                                                             if isinstance(s, QKeySequence.StandardKey)
                                                             else [QKeySequence(s)])])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        self.table.addAction(action)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        # Excel's row keys too (``excel_keys``, walk61b): Ctrl++ inserts a row, Ctrl+- deletes the selected rows —
        # the same actions, so the same undo step and the same question when other records refer to them.
        self.add_action = self._action("Add Row", self.add_row, ["Ctrl+Shift+N", "Insert", *INSERT_ROW_KEYS],
                                       "Add a row (Ctrl+Shift+N, or Excel's Ctrl++)")
        self.duplicate_action = self._action("Duplicate Rows", self.duplicate_rows, ["Ctrl+D"])
        self.delete_action = self._action("Delete Rows", self.delete_rows,
                                          ["Shift+Delete", "Ctrl+Shift+Delete", *DELETE_ROW_KEYS],
                                          "Delete the selected rows (Shift+Del or Excel's Ctrl+-, or Del on whole rows)")
        self.today_action = self._action("Today's Date", self.type_today, TODAY_KEYS,
                                         "Today's date into the current date cell (Excel's Ctrl+;)")
        self.time_action = self._action("Time Now", lambda: self.document.note.emit(TIME_SAID), TIME_KEYS)
        self.copy_action = self._action("Copy", self.copy, [QKeySequence.StandardKey.Copy])
        self.paste_action = self._action("Paste", self.paste, [QKeySequence.StandardKey.Paste])
        self.clear_action = self._action("Clear Cells / Delete Selected Rows", self.delete_or_clear, clear_keys(),
                                         "Del clears the selected cells, or deletes the selected whole rows")
        self.find_action = self._action("Find", self.focus_search, [QKeySequence.StandardKey.Find])
        # Excel's Ctrl+H: the platform's Replace key, Ctrl+H where it has none (macOS)
        replace_keys = [QKeySequence.StandardKey.Replace] if QKeySequence.keyBindings(
            QKeySequence.StandardKey.Replace) else ["Ctrl+H"]
        self.replace_action = self._action("Replace…", self.open_replace, replace_keys,
                                           "Find text in the register and replace it (Ctrl+H)")
        self.reapply_action = self._action("Reapply Filters", self.reapply_filters, ["Ctrl+Alt+L"],
                                           "Apply the search and filters again: edited rows they no longer pass go")
        self.header_menu_action = self._action("Sort, Filter and Columns…", self.open_header_menu, ["Ctrl+Shift+L"],
                                               "Sort or filter the current column, or choose columns (Ctrl+Shift+L)")
        # F6: the selected record's own table (a risk's actions) and back — one key for every register with a table
        # under its records, as the registers declare it (``sub_table_keys``)
        self.sub_table_action = self._action("Go to Sub-table and Back", self.to_sub_table, ["F6"],
                                             "The selected record's own table (its actions, its plan) and back (F6)")
        self.sub_table_back_action = self._action("Back from the Sub-table", self.back_from_sub_table, ["Shift+F6"],
                                                  "Back to the record above (Shift+F6)")

    def to_sub_table(self) -> bool:
        """F6: the current record's own table and back (``sub_table_keys``)."""
        from ..sub_table_keys import to_sub_table_or_back

        return to_sub_table_or_back(self)

    def back_from_sub_table(self) -> bool:
        """Shift+F6: from a record's own table back to the record."""
        from ..sub_table_keys import to_sub_table_or_back

        return (to_sub_table_or_back(self, back=True)
                if self.register.parent_register is not None or self.pane_above is not None else False)

    # ------------------------------------------------------------------ filtering
    def eventFilter(self, watched, event) -> bool:
        """Esc in the search box gives the grid back, as a filter box does: the keyboard on the first row found,
        the search kept (a second Esc, in the table, clears it — ``_escape_in_table``); with nothing found the
        search is cleared; in an empty box Esc goes on to the window too (presentation mode leaves on it). Before,
        Esc after a search typed cleared it at once, the row found lost, and in an empty box kept the keyboard
        there. (Ctrl+Z and Ctrl+Y in the box: views/text_undo.py.)"""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            if not self.search.text():
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return False
            if not self.go_to_found():
                self.search.clear()
                self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            else:  # the rows still searched: how to see them all, where a newcomer looks
                self.document.note.emit(f"Showing the rows with “{self.search.text()}”: Esc again shows every row.")
            return True
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and self.search.text()
                and self.go_to_found()):
            return True
        if watched is self.search and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._fit_search_hint()
        return super().eventFilter(watched, event)

    def _escape_in_table(self) -> bool:
        """Esc in the table while a search is on: the search cleared, every row back, the keyboard kept on the
        record it was on (the one found); with no search, a chip Esc takes off (``take_chip_off``). False with
        neither: Esc goes on to the window."""
        if not self.search.text():
            return self.take_chip_off()
        record_id = self.current_record_id()
        column = self.table.currentIndex().column()
        self.search.clear()
        self._back_on(record_id, column)
        self.document.note.emit("Search cleared: every row shown.")  # over the first Esc's "Esc again …"
        return True

    def take_chip_off(self) -> bool:
        """The record filter shown on the chip taken off, as its ✕ does, where it was set to be taken off by Esc
        too (a heat map cell's: ``set_record_filter``), the keyboard kept on the record it was on, and the status
        bar saying so. A presenter's Esc on the risks of a cell kept them filtered: only Tab to the chip or
        Clear filters took it off (walk 49). False when there is no such chip."""
        if not self.escape_removes_chip:
            return False
        label = self.proxy.record_filter_label
        record_id = self.current_record_id()
        column = self.table.currentIndex().column()
        self.set_record_filter(None)
        self._back_on(record_id, column)
        self.document.note.emit(f"Filter “{label}” taken off: {count_of(self.proxy.rowCount(), self.register.noun)} "
                                "shown.")
        return True

    def _back_on(self, record_id: int | None, column: int) -> None:
        """The cell the keyboard was on, alone selected, once a filter is off (its row moved among the rows back)."""
        row = self.model.row_of(record_id) if record_id is not None else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, max(column, 0)))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _fit_search_hint(self) -> None:
        """The search box's hint whole: "Search… (Ctrl+F)" where it fits, else "Search…" — presenting, a narrow
        pane's box showed "Search… (C…", a cut word where the shortcut was meant."""
        metrics = self.search.fontMetrics()
        spare = 2 * metrics.averageCharWidth() + 24  # the text's margins and the clear button
        room = self.search.contentsRect().width() - spare
        whole = "Search… (Ctrl+F)"
        hint = whole if metrics.horizontalAdvance(whole) <= room else "Search…"
        if self.search.placeholderText() != hint:
            self.search.setPlaceholderText(hint)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def go_to_found(self) -> bool:
        """Enter (or Down) in the search box: the keyboard to the first row found, on the cell that holds the text,
        as Excel's Find goes to the cell — it stayed in the box, the rows found shown but none to type in, and
        Enter did nothing. False when no row is found (the count beside the box says so)."""
        if self.proxy.rowCount() == 0:
            return False
        header = self.table.horizontalHeader()
        shown = [c for c in (header.logicalIndex(v) for v in range(header.count())) if not self.table.isColumnHidden(c)]
        if not shown:
            return False
        words = self.search.text().casefold().split()
        column = next((c for c in shown
                       if words and words[0] in str(self.proxy.index(0, c).data() or "").casefold()), None)
        current = self.table.currentIndex()
        if column is None:
            column = current.column() if current.isValid() and current.column() in shown else shown[0]
        self.table.setCurrentIndex(self.proxy.index(0, column))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_replace(self):
        """Edit ▸ Replace… (Ctrl+H): Excel's Find and Replace over the rows shown (find_replace.py)."""
        from .find_replace import ReplaceDialog

        if self.document.read_only:
            self.document.note.emit("This office is open read only: nothing can be replaced.")
            return None
        dialog = getattr(self, "replace_dialog", None)
        if dialog is None:
            dialog = self.replace_dialog = ReplaceDialog(self)
        dialog.refresh_scope_labels()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.find_edit.setFocus()
        dialog.find_edit.selectAll()
        return dialog

    def set_record_filter(self, ids, label: str = "", escape_removes: bool = False) -> None:
        """Show only these records (e.g. those of a heat map cell); None removes the filter. ``escape_removes``:
        Esc on the table takes it off too, as the chip's ✕ does (a filter no other control of the page shows; a
        project chosen in a list above the table is that list's to change)."""
        self.escape_removes_chip = ids is not None and escape_removes
        self.filter_chip.setToolTip("Remove this filter (or Esc in the table)" if self.escape_removes_chip
                                    else "Remove this filter")
        self.proxy.set_record_filter(ids, label)
        self.filter_chip.setText(f"{label}  ✕")
        self.filter_chip.setVisible(ids is not None)
        self._update_count()

    def show_filter_label(self, label: str) -> None:
        """Name the column filters a dashboard tile set, on the chip that removes them."""
        self.filter_chip.setText(f"{label}  ✕")
        self.filter_chip.setVisible(True)

    def _remove_chip_filter(self) -> None:
        if self.proxy.record_filter_label or not self.proxy.is_filtered:
            self.set_record_filter(None)
        else:  # the chip names column filters (show_filter_label)
            self.clear_filters()

    def set_fixed_filter(self, field_name: str, allowed: set[str]) -> None:
        """A restriction the page keeps (a report's milestones: its project's): Clear filters leaves it, and
        neither the count nor the Clear filters button takes it for a filter the user set."""
        self.fixed_filters[self.model.column_of(field_name)] = set(allowed)
        self.clear_filters()

    def clear_filters_to_the_rows(self) -> None:
        """A Clear filters button pressed: every row shown, and the keyboard on them. Pressed by Space, the button
        disabled itself (no filter left) and Qt gave the keyboard to the next control — the other Clear filters,
        over the empty table, hidden once the rows showed: the arrows, typing and Del did nothing."""
        self.clear_filters()
        table = self.table
        if not table.currentIndex().isValid() and self.proxy.rowCount():
            table.setCurrentIndex(self.proxy.index(0, next(iter(self._visible_columns()), 0)))
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_filters(self) -> None:
        self.search.clear()
        self.proxy.clear_filters()
        for column, allowed in self.fixed_filters.items():
            self.proxy.set_column_filter(column, allowed)
        self.filter_chip.setVisible(False)
        self.escape_removes_chip = False
        self._update_count()
        self.column_filters_changed.emit()

    def reapply_filters(self) -> None:
        self.proxy.reapply_filters()
        self._update_count()

    def set_column_filter(self, field_name: str, allowed: set[str] | None) -> None:
        self.proxy.set_column_filter(self.model.column_of(field_name), allowed)
        self._update_count()
        self.column_filters_changed.emit()

    def _update_count(self, *args) -> None:
        fixed = set(self.fixed_filters)
        filtered = self.proxy.filtered_beyond(fixed)
        shown = self.proxy.rowCount()
        total = self.proxy.rows_passing(fixed) if fixed else self.model.total_rows()
        rows = "row" if total == 1 else "rows"
        more = "+" if getattr(self.model, "listing", False) else ""  # the rest still being listed (windowed)
        self.count_label.setText(f"{shown:,}{more} of {total:,} {rows}" if filtered else f"{total:,} {rows}")
        self.clear_filters_button.setEnabled(filtered)
        unmatched = len(self.proxy.unmatched_kept())
        if unmatched:
            self.reapply_button.setText(f"✎ {unmatched} edited row{'s' if unmatched != 1 else ''} no longer "
                                        f"match{'es' if unmatched == 1 else ''} the filters — Reapply")
        self.reapply_button.setVisible(bool(unmatched))
        self.empty_state.update_for(shown or int(bool(more)), total)  # none yet, still listing: not "no rows match"

    # ------------------------------------------------------------------ zoom and columns
    def apply_zoom(self, *_args) -> None:
        """Table text, row height and column widths at the application's zoom level."""
        self._programmatic = True
        try:
            self._apply_zoom()
        finally:
            self._programmatic = False

    def _apply_zoom(self) -> None:
        level = zoom()
        font = QFont(self.table.font())
        font.setPointSizeF(level.point_size())
        for widget in (self.table, self.table.horizontalHeader(), self.table.verticalHeader()):
            widget.setFont(font)
        metrics = QFontMetrics(font)
        row_height = metrics.height() + round(10 * level.factor)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        # A register's table keeps room for its header and three rows: on a short screen (1280×720 at 150 %) the
        # page then scrolls (``PageArea``) instead of squeezing the table to its header alone. A compact one (a
        # risk's actions, in the panel under the register) keeps two: Qt's own minimum, 128 pixels, held the
        # panel high and the register above it to six rows at 1280×720 (walkthrough 35b).
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + (2 if self.compact else 3) * row_height
                                    + self.table.horizontalScrollBar().sizeHint().height()
                                    + 2 * self.table.frameWidth())
        if self._zoom_factor is None:  # first time: widths from the register's character widths
            char = metrics.averageCharWidth()
            # The cell's margins grow with the text: at 16 px whatever the zoom, a table first opened at 150 %
            # (the zoom is kept between sessions) cut its dates, "13 Dec 2…".
            margin = round(16 * level.factor)
            for col, f in enumerate(self.register.fields):
                width = max(round(60 * level.factor), f.width * char + margin)
                if f.unset:  # "Not prioritised yet" reads whole, never "Not prio…" beside the levels it stands for
                    width = max(width, metrics.horizontalAdvance(f.unset) + margin)
                # A value only a little wider than the declared characters is not cut: a date's digits are
                # wider than the average character ("13 Dec 2…" at 150 %). Longer texts still are, with "…".
                needed = self._widest_shown(col, metrics) + margin
                if width < needed <= width * 5 // 4:
                    width = needed
                self.table.setColumnWidth(col, width)
        elif self._zoom_factor != level.factor:  # keep the user's own widths, scaled
            ratio = level.factor / self._zoom_factor
            for col in range(len(self.register.fields)):
                self.table.setColumnWidth(col, round(self.table.columnWidth(col) * ratio))
        self._zoom_factor = level.factor
        self._sync_columns()
        if self.table.currentIndex().isValid():  # the columns grew or shrank: the current cell stays in view
            QTimer.singleShot(0, self, lambda: self.table.scrollTo(self.table.currentIndex()))

    def _keep_column_after_reset(self) -> None:
        column, self._column_before_reset = self._column_before_reset, -1
        if column >= 0 and self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(self.proxy.index(0, column),
                                                        QItemSelectionModel.SelectionFlag.NoUpdate)

    def _widest_shown(self, column: int, metrics: QFontMetrics, rows: int = 50) -> int:
        """The widest text of a column among the first rows shown (a page at most: a windowed table reads
        no more than it shows)."""
        proxy = self.proxy
        return max((metrics.horizontalAdvance(str(proxy.index(r, column).data() or ""))
                    for r in range(min(rows, proxy.rowCount()))), default=0)

    def _sync_columns(self) -> None:
        """The new-row line and the frozen columns follow the table's columns."""
        self.new_line.sync_columns()
        for frozen in (getattr(self, "frozen", None), getattr(self.new_line, "frozen", None)):
            if frozen is not None:
                frozen.sync()

    # A saved view per register: the user's column order and widths (at 100 % zoom), and hidden columns.
    def _layout_key(self) -> str:
        return f"columns/{self.register.name}/layout"

    def _layout_changed(self, *_args) -> None:
        if not self._programmatic:
            self._layout_timer.start()

    def _save_layout(self) -> None:
        header = self.table.horizontalHeader()
        factor = self._zoom_factor or 1.0
        names = self.register.field_names
        layout = {"order": [names[header.logicalIndex(v)] for v in range(header.count())],
                  "widths": {name: round(self.table.columnWidth(c) / factor) for c, name in enumerate(names)
                             if not self.table.isColumnHidden(c)}}
        QSettings().setValue(self._layout_key(), json.dumps(layout))

    def _restore_layout(self) -> None:
        layout = stored_settings.read_json_object(QSettings(), self._layout_key())
        if not layout:
            return
        order, widths = layout.get("order"), layout.get("widths")
        order = [n for n in order if isinstance(n, str)] if isinstance(order, list) else []
        widths = widths if isinstance(widths, dict) else {}
        names = self.register.field_names
        header = self.table.horizontalHeader()
        self._programmatic = True
        try:
            for visual, name in enumerate(n for n in order if n in names):
                header.moveSection(header.visualIndex(names.index(name)), visual)
            for name, width in widths.items():
                if name in names and isinstance(width, (int, float)) and width > 10:
                    self.table.setColumnWidth(names.index(name), round(width * (self._zoom_factor or 1.0)))
        finally:
            self._programmatic = False
        self._sync_columns()

    def read_first(self, after: str, names: tuple[str, ...]) -> None:
        """The columns ``names`` shown next to ``after``, the page's order for its table (``ReadFirst``)."""
        self._read_first = ReadFirst(self, after, names)

    def reset_columns(self) -> None:
        """Back to the register's own columns (or the page's order, ``read_first``): all shown, at their widths."""
        QSettings().remove(self._layout_key())
        self.show_all_columns()
        header = self.table.horizontalHeader()
        self._programmatic = True
        try:
            for logical in range(header.count()):
                header.moveSection(header.visualIndex(logical), logical)
        finally:
            self._programmatic = False
        self._zoom_factor = None
        self.apply_zoom()
        if self._read_first is not None:
            self._read_first.move()
        QSettings().remove(self._layout_key())

    def _columns_key(self) -> str:
        return f"columns/{self.register.name}/hidden"

    def _restore_columns(self) -> None:
        """Columns the user hid with the column chooser stay hidden (QSettings, per register)."""
        names = stored_settings.read_texts(QSettings(), self._columns_key())
        if not names:
            return
        hide = [col for col, f in enumerate(self.register.fields) if f.name in names and f.name not in self.hidden_fields]
        if len(hide) >= len(self._visible_columns()):
            # a settings file naming every column (another program's, a hand-edited one) is ignored: the chooser
            # never hides the last column, and a table with none showed no record and took no paste or typing
            return
        for col in hide:
            self.table.setColumnHidden(col, True)
        self._sync_columns()

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a column (the column chooser); remembered for this register."""
        if not visible and len(self._visible_columns()) <= 1:
            return  # never hide the last column
        self.table.setColumnHidden(column, not visible)
        self._sync_columns()
        if not visible:
            for view in (self.table, self.new_line):
                self._step_off_hidden(view, column)
        hidden = [f.name for col, f in enumerate(self.register.fields)
                  if self.table.isColumnHidden(col) and f.name not in self.hidden_fields]
        QSettings().setValue(self._columns_key(), hidden)

    def _step_off_hidden(self, view: QAbstractItemView, column: int) -> None:
        """The keyboard off a column just hidden, to the next shown on its right (else its left), as a user
        sees it: left on the hidden cell, a name typed next went into a column no longer on screen — "Tom" in
        the Owner just hidden, stored with nothing in view to say so — and Enter went on sideways."""
        current = view.currentIndex()
        if not current.isValid() or current.column() != column:
            return
        header = self.table.horizontalHeader()
        at = header.visualIndex(column)
        shown = self._visible_columns()
        after = [c for c in shown if header.visualIndex(c) > at]
        before = [c for c in shown if header.visualIndex(c) < at]
        to = after[0] if after else before[-1] if before else -1
        if to >= 0:
            view.setCurrentIndex(current.sibling(current.row(), to))

    def show_all_columns(self) -> None:
        for col, f in enumerate(self.register.fields):
            if f.name not in self.hidden_fields:
                self.table.setColumnHidden(col, False)
        self._sync_columns()
        QSettings().remove(self._columns_key())

    def open_header_menu(self) -> QMenu | None:
        """The sort / filter / columns menu of the current column, from the keyboard (Ctrl+Shift+L)."""
        column = self.table.currentIndex().column()
        if column < 0:
            column = next(iter(self._visible_columns()), -1)
        if column < 0:
            return None
        header = self.table.horizontalHeader()
        menu = self.build_header_menu(column)
        x = header.sectionViewportPosition(column)
        menu.popup(header.mapToGlobal(QPoint(max(x, 0), header.height())))
        menu.setActiveAction(menu.actions()[0])
        self.header_menu = menu
        return menu

    def distinct_values(self, column: int) -> list[str]:
        return self.model.distinct_values(column, MAX_FILTER_VALUES)

    def _header_menu(self, pos, header: QHeaderView | None = None) -> None:
        header = header or self.table.horizontalHeader()
        column = header.logicalIndexAt(pos)
        if column < 0:
            return
        menu = self.build_header_menu(column)
        menu.exec(header.mapToGlobal(pos))

    def build_header_menu(self, column: int) -> QMenu:
        """Sort and an Excel-like value filter for one column."""
        menu = TickMenu(self)
        up, down = self.model.fields[column].sort_words  # "Smallest to Largest" for a score, as Excel says
        menu.addAction(f"Sort {up}", lambda: self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder))
        menu.addAction(f"Sort {down}", lambda: self.table.sortByColumn(column, Qt.SortOrder.DescendingOrder))
        menu.addSeparator()
        current = self.proxy.column_filter(column)
        def show_all() -> None:
            self.proxy.set_column_filter(column, None)
            self._update_count()
            self.column_filters_changed.emit()

        clear = menu.addAction("Show all", show_all)
        clear.setEnabled(current is not None)
        values = self.distinct_values(column)
        # Excel's "(Select All)" at the head of the values: unticked, it unticks every value, so one owner is
        # shown by two ticks — without it, every other value had to be unticked one by one.
        every = menu.addAction("(Select All)")
        every.setCheckable(True)
        every.setChecked(current is None)
        ticks: list[QAction] = []

        def follow() -> None:  # the menu stays open while values are ticked (TickMenu): the heads follow
            shown_all = self.proxy.column_filter(column) is None
            clear.setEnabled(not shown_all)
            with QSignalBlocker(every):
                every.setChecked(shown_all)

        def tick_every(checked: bool) -> None:
            for tick in ticks:
                with QSignalBlocker(tick):
                    tick.setChecked(checked)
            self.proxy.set_column_filter(column, None if checked else set())
            self._update_count()
            self.column_filters_changed.emit()
            follow()

        every.toggled.connect(tick_every)
        for value in values[:MAX_FILTER_VALUES]:
            action = menu.addAction(value or self.model.fields[column].unset or "(blank)")
            action.setCheckable(True)
            action.setChecked(current is None or value in current)
            action.toggled.connect(lambda checked, v=value: self._toggle_value(column, v, checked, values))
            action.toggled.connect(lambda _checked: follow())
            ticks.append(action)
        menu.addSeparator()
        columns = TickMenu("Columns", menu)
        menu.addMenu(columns)
        columns.setObjectName("column-chooser")
        columns.addAction("Show all columns", self.show_all_columns)
        columns.addAction("Reset columns (order, widths, shown)", self.reset_columns)
        columns.addSeparator()
        for col, f in enumerate(self.register.fields):
            if f.name in self.hidden_fields:
                continue
            action = columns.addAction(f.label)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda checked, c=col: self.set_column_visible(c, checked))
        menu.addAction(f"Hide “{self.register.fields[column].label}”", lambda: self.set_column_visible(column, False))
        return menu

    def _toggle_value(self, column: int, value: str, checked: bool, all_values: list[str]) -> None:
        current = self.proxy.column_filter(column)  # an empty filter ("(Select All)" unticked) allows nothing
        allowed = set(all_values if current is None else current)
        (allowed.add if checked else allowed.discard)(value)
        self.proxy.set_column_filter(column, None if allowed >= set(all_values) else allowed)
        self._update_count()
        self.column_filters_changed.emit()

    # ------------------------------------------------------------------ selection
    def _on_current_row(self, current, _previous) -> None:
        if self._typing is not None and current.isValid() and self.current_record_id() != self._typing[1]:
            self._typing_ended()  # the keyboard left the record typed along its row (not a reset's passing row)
        self.current_record_changed.emit(self.current_record_id())

    def _typing_started(self, record_id: int) -> None:
        """A record added from the ✱ line, the keyboard gone on along its row (Tab): until it leaves the row, each
        cell typed there is saved as it is left and undone on its own, but the record's history keeps it as added
        with the values as they end (``Document.being_typed``) — the typing that makes a record, not a change of it."""
        self._typing_ended()
        self._typing = (self.register.name, record_id)
        self.document.being_typed.add(self._typing)

    def _typing_ended(self) -> None:
        if self._typing is not None:
            self.document.being_typed.discard(self._typing)
            self._typing = None

    def _held_records(self) -> set[int]:
        """The records whose cell holds a refused value in its open editor: the filters keep them in view."""
        rows = {self.proxy.mapToSource(index).row() for index in self.delegate.held_indexes()}
        return {self.model.record_id(row) for row in rows if row >= 0}

    def unsaved_typing(self) -> tuple[str, QWidget] | None:
        """What was typed here and is not in the office — a value the register refused, held in its cell, or
        values in the ✱ line that make no record yet — said for a question, with the widget that holds it."""
        for editor, index in self.delegate.held_editors():
            text = editor.currentText() if isinstance(editor, QComboBox) else getattr(editor, "text", str)()
            said = next((n.text().splitlines()[0] for n in self.findChildren(RefusalNote)
                         if n.editor is editor and n.text()), "")
            return f"“{text}” in {self.model.fields[index.column()].label} ({self.register.title}). {said}", editor
        if self.new_row_model.pending:
            why = (f" {self._line_refused_reason}" if self._line_refused is not None
                   and self._line_refused == self.new_row_model.pending else " It lacks what a record needs.")
            return f"the record typed in the ✱ line of the {self.register.title.lower()} is not added.{why}", \
                self.new_line
        notes = self.delegate.kept_notes()
        if notes:  # passed by, what was typed kept in a red corner only: it went unasked with the office (walk 60)
            at, _reason, typed = notes[0]
            source = self.proxy.mapToSource(self.proxy.index(at.row(), at.column()))
            record = self.model.record(source.row()) if source.isValid() else {}
            key = self.register.key_field
            of = f" of {record.get(key.name)}" if key is not None and record.get(key.name) else ""
            more = f" (and {count_of(len(notes) - 1, 'other cell')} with a note)" if len(notes) > 1 else ""
            return (f"“{typed}” in {self.model.fields[at.column()].label}{of} ({self.register.title}), kept in its "
                    f"red corner only{more}.", self.table)
        return None

    def show_first_note(self) -> None:
        """The keyboard on the first cell keeping what was typed in its note (``unsaved_typing``)."""
        notes = self.delegate.kept_notes()
        if notes:
            index = self.proxy.index(notes[0][0].row(), notes[0][0].column())
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def let_go_of_typing(self) -> None:
        """The user closes without what ``unsaved_typing`` named: the cells put back, the ✱ line emptied."""
        for editor, _index in self.delegate.held_editors():
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        self.new_row_model.clear()
        self.delegate.drop_notes()

    def current_record_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record_id(self.proxy.mapToSource(index).row())

    def selected_source_rows(self) -> list[int]:
        # by the selection's ranges, a row at a time: 10,000 whole rows selected are 640,000 cells' indexes
        selection = self.table.selectionModel().selection()
        shown = {row for i in range(selection.size()) for row in range(selection.at(i).top(), selection.at(i).bottom() + 1)}
        rows = {self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in shown}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.table.currentIndex()).row()}
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        return [self.model.record_id(r) for r in self.selected_source_rows()]

    def select_record(self, record_id: int, column: int = 0) -> bool:
        """Make a record current and visible (clearing filters that hide it)."""
        row = self.model.row_of(record_id)
        if row is None and self.proxy.is_filtered and isinstance(self.model, WindowedRegisterModel):
            self.clear_filters()  # a windowed table holds only the records its filters show
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
        """Values a new blank row starts with: a risk or an issue is raised today (subclasses: e.g. a
        date inside a benefit's window)."""
        return {f.name: date.today() for f in self.register.fields if f.name == "raised_on"}

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

    # ------------------------------------------------------------------ the new-row line
    def _follow_read_only(self) -> None:
        """An office open read only (or that became so): no key or menu of the table writes; copy, find,
        sort and filter stay."""
        for action in (self.add_action, self.duplicate_action, self.delete_action, self.paste_action,
                       self.clear_action):
            action.setEnabled(not self.document.read_only)
        if hasattr(self, "new_line"):
            self._update_new_line()

    def _update_new_line(self) -> None:
        """No new-row line for a sub-table with nothing above it chosen (a risk's actions, no risk), nor
        in an office open read only."""
        self.new_line.setVisible(not self.document.read_only
                                 and not (self.register.parent and self.model.parent_id is None))
        self.new_row_model.clear()

    def focus_new_line(self, column: int = -1) -> None:
        if not self.new_line.isVisible():
            return
        if column < 0 or self.table.isColumnHidden(column):
            column = self.new_row_model.first_column
        self.new_line.setFocus()
        self.new_line.setCurrentIndex(self.new_row_model.index(0, column))

    def _leave_new_line(self, column: int) -> None:
        rows = self.proxy.rowCount()
        if rows:
            self.table.put_keyboard_on(self.proxy.index(rows - 1, max(column, 0)))
        self.table.setFocus()

    def _create_from_line(self) -> int | None:
        """The new-row line has what a record needs: add it (one undo step) and continue on it."""
        values = dict(self.new_row_model.pending)
        if not values or self.new_row_model.missing():
            return None
        column = self.new_line.currentIndex().column()
        row = {**self.new_row_values(), **values}
        command = CreateRecordsCommand(self.document, self.register, [row], self.model.parent_id)
        message = warning_for(self.register, [row], self.model.today, self.document, self.model.parent_id)
        if message:
            self.confirmation = ask_then(self, message, lambda: self._created_from_line(command, column))
            return None
        return self._created_from_line(command, column)

    def _create_when_completed(self) -> int | None:
        """The ✱ line's record completed by a value (a paste, a cell left): added — unless these very values
        were just refused at Enter (``typed`` comes first), which would tell the same refusal once more in a
        second note over the first, made after the keys that should take it away."""
        if self._line_refused is not None and self._line_refused == self.new_row_model.pending:
            return None
        return self._create_from_line()

    def _created_from_line(self, command, column: int) -> int | None:
        document = self.document
        with document.holding_refusals() as refused:
            done = document.execute(command)
        self._line_refused = None
        if not done:
            if refused.by_register:  # told beside the line
                self._line_refused = dict(self.new_row_model.pending)
                self._line_refused_reason = refused.reason
                self._tell_line_refusal(refused.reason)
            elif refused:  # the file gone, the disk full…: a message box, as before
                document.error.emit(refused[-1])
            return None
        self.new_row_model.clear()
        rid = command.ids[0]
        if not self.proxy.mapFromSource(self.model.index(self.model.row_of(rid), 0)).isValid():
            self.clear_filters()
        self._say_added(rid)
        self.select_record(rid, column if column >= 0 else self._first_editable_column())
        if self.new_line.left_with_enter:  # Enter: on to the next new row, as Excel goes on to the empty row below —
            # five titles typed down a column make five risks; a record typed along the line with Tab (a
            # plan's date, then its value) starts the next where that run began, as Excel's Enter after Tabs —
            # it stayed under the last cell, so the next date went into the value column and was refused.
            start = self.new_line.tab_start
            self.focus_new_line(start[1] if start is not None else column)
        else:  # Tab or a click: on along the record just added, to fill its other columns
            self.new_line.clearSelection()  # one cell highlighted, the table's, not a second one in the line
            start = self.new_line.tab_start
            current = self.table.currentIndex()
            if current.isValid():  # the cell Tab goes to, not the record's whole row: Ctrl+Enter in it, adding the
                # person typed (Assumptions, Owner next to the assumption), filled every cell of the row (walk46)
                self.table.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if start is not None and current.isValid():  # the run of Tabs begun in the line goes on in the table
                self.table.tab_start = (current.row(), start[1])
            self.table.setFocus()
            self._typing_started(rid)
        self.new_line.tab_start = None
        return rid

    def _say_added(self, rid: int) -> None:
        """A record typed on the ✱ line, added: the status bar names it — "Added RISK-011 “Crane delivery slips”" —
        as a paste says "2 decisions added"; it said "Saved", and the user looked for the row to know it was there."""
        row = self.model.row_of(rid)
        if row is None:
            return
        names = [f.name for f in self.model.fields]
        code = self.model.index(row, names.index("code")).data() if "code" in names else None
        first = next((i for i, f in enumerate(self.model.fields) if f.editable and f.required), None)
        name = self.model.index(row, first).data() if first is not None else None
        said = " ".join(str(part) for part in (code, f"“{name}”" if name else None) if part)
        owner = self._owner_said() if not code else ""
        if owner:
            # A record under another (a benefit's measurement, a risk's action) said with its own noun and whose it
            # is: "Added “1 Dec 2026”" read as a date added somewhere (walk 62).
            named = self.register.name_field is not None
            what = (f"“{name}”" if named else f"of {name}") if name else ""
            said = " ".join(filter(None, ("the", self.register.noun, what, "to", owner)))
        self.document.note.emit(f"Added {said or 'a ' + self.register.noun}.")

    def _owner_said(self) -> str:
        """The code and name of the record this table's rows belong to ("B-001 “Reduced stock-outs”"), "" for a
        register of its own or where it cannot be read now (the server away: no reason to say less of the row)."""
        from sqlalchemy.exc import SQLAlchemyError

        from ...models import errors
        from ...models.record_names import code_and_name_of

        parent_id = getattr(self.model, "parent_id", None)
        if not self.register.parent_register or parent_id is None:
            return ""
        try:
            return self.document.office.read(code_and_name_of, self.register.parent_register, parent_id)
        except (errors.StoreError, SQLAlchemyError):
            return ""

    def show_history(self):
        """Edit ▸ Record History… (Ctrl+Shift+H): the changes the file keeps of the record the keyboard is on."""
        from ..keyboard_back import give_keyboard_back
        from ..record_history_dialog import RecordHistoryDialog

        record_id = self.current_record_id()
        if record_id is None or self.in_new_line():
            self.document.note.emit("Record History: put the keyboard on a record's row first.")
            return None
        row = self.table.currentIndex().row()
        parts = [self.proxy.index(row, self.model.column_of(f.name)).data() for f in self.register.frozen_fields]
        name = " — ".join(str(p) for p in parts if p) or self.register.title
        dialog = RecordHistoryDialog(self.document, self.register, record_id, name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # closed, the keyboard back on the row it was opened from (the window's own watcher looks for the
        # window's last focus, which was in the dialog)
        table = self.table
        dialog.finished.connect(lambda _r: QTimer.singleShot(0, table, lambda: give_keyboard_back(table, table)))
        dialog.open()
        dialog.table.setFocus()  # the keys typed next (the arrows, Esc) go to it, as Ctrl+K's finder takes them
        return dialog

    def _fill_selection(self, editor: QWidget) -> None:
        """Ctrl+Enter in a cell typed into: what was typed goes into every selected cell, as Excel's Ctrl+Enter —
        one undo step, all or nothing (it went into the cell typed in alone). Refused, the editor stays open with
        the text and the reason says which row refused it."""
        from .choice_editor import ChoiceCombo

        if isinstance(editor, ChoiceCombo) and editor.unmatched:
            editor.hold_unmatched()
            return
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text() if isinstance(editor, QLineEdit) else None
        if text is None:
            return
        cells = self.cells_to_set(lambda _column: text)
        if cells and self.model.set_cells(cells, text=cells_text(self.register, "Fill", len(cells))):
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        elif cells:
            hold_for_retry(editor)  # refused: held as Enter's refusal holds it, the next keys typed replacing it

    def _tell_locked(self, index, view: QAbstractItemView | None = None, hint: str = "") -> None:
        """Why a key typed on a cell changes nothing, beside the cell (of the table, or of the ✱ line) and in
        the status bar."""
        f = self.model.fields[index.column()]
        if f.editable:  # an office open read only: its banner says why
            return
        why = " ".join(part for part in (f.kind.describe(f, self.document.context, ""), f.tip and f"({f.tip}.)") if part)
        reason = f"{f.label}: {why}"
        view = view or self.table
        rect = view.visualRect(index)
        at = QRect(view.viewport().mapTo(self, rect.topLeft()), rect.size())
        hint = hint or ("Type in another column: Tab goes on along the row." if view is self.table
                        else "Type in another column of the new record: Left and Right go along the line.")
        self._locked_note = show_beside(self, at, reason, hint)
        self.document.note.emit(reason)

    def _tell_line_refusal(self, reason: str) -> None:
        """Why the record typed in the ✱ line was not added, beside the line's cell (the values stay in the
        line to correct), and in the status bar — not in a message box, which took the keys typed next."""
        line = self.new_line
        index = line.currentIndex()
        rect = line.visualRect(index) if index.isValid() else line.viewport().rect()
        at = QRect(line.viewport().mapTo(self, rect.topLeft()), rect.size())
        show_beside(self, at, reason, "The record is not added yet: correct a value in this line and press Enter.")

    def duplicate_rows(self) -> None:
        """Ctrl+D: whole rows selected are duplicated as new records; cells are filled down as Excel's Ctrl+D — a
        block over two rows or more from its top row (an owner selected down a column and Ctrl+D made a copy of
        every risk in it, where the user meant to give each the first one's owner), cells of one row from the row
        above (``fill_down``)."""
        if not self.fill_down():
            self.duplicate_selected_rows()

    def duplicate_selected_rows(self) -> None:
        """Edit ▸ Duplicate Rows: each selected row copied as a new record (a unique title marked "(copy)")."""
        if self.in_new_line():
            return
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

    def fill_down(self) -> bool:
        """The top row of the selected block written into the block's other rows, column by column, as a paste
        of it would (one undo step, all or nothing; columns worked out by the register are left alone).
        Cells of one row (one cell: the keyboard's) take the row above's, as Excel's Ctrl+D on one cell — it made a
        copy of the whole record, a second risk said only "Saved", where an Excel user meant the owner above (walk
        58); whole rows are duplicated (Shift+Space, then Ctrl+D). False when the selection is no such block: whole
        rows, or none."""
        if self.in_new_line() or self.whole_rows_selected():
            return False
        blocks = self.selection_ranges()
        if not blocks:
            return False
        if len({row for top, bottom, _l, _r in blocks for row in (top, bottom)}) < 2:
            return self._fill_from_the_row_above(blocks[0][0])
        first: dict[int, int] = {}  # each column's top row selected
        for top, _bottom, left, right in blocks:
            for column in range(left, right + 1):
                first[column] = min(first.get(column, top), top)
        # the top cell's text only: not 100,000 cells' read for nothing
        cells = self.cells_to_set(lambda column: self._copied_text(self.proxy.index(first[column], column)), first)
        if cells:
            self.model.set_cells(cells, text=cells_text(self.register, "Fill down", len(cells)))
        return True

    def _fill_from_the_row_above(self, row: int) -> bool:
        """Ctrl+D on cells of one row: each takes the cell above's value, as Excel's (one undo step, all or nothing,
        a column the register works out left alone); on the first row there is none, and it says so."""
        if row <= 0:
            self.document.note.emit("Fill Down: there is no row above this one to fill from. To copy a whole "
                                    "record, select its row (Shift+Space), then Ctrl+D.")
            return True
        cells = self.cells_to_set(lambda column: self._copied_text(self.proxy.index(row - 1, column)))
        if cells:
            self.model.set_cells(cells, text=cells_text(self.register, "Fill down", len(cells)))
        return True

    def delete_rows(self) -> QMessageBox | None:
        """Delete the selected rows (one undo step). When other records refer to them, ask first and
        say how many; returns that question (non-blocking) or None when deleted at once."""
        if self.in_new_line():
            self.new_row_model.clear()
            return None
        rows = self.selected_source_rows()
        ids = [self.model.record_id(r) for r in rows]
        if not ids:
            return None
        from ...models.delete_impact import delete_impact
        from ...models.errors import ConnectionLost

        command = DeleteRecordsCommand(self.document, self.register, ids)
        try:
            if len(rows) <= KEPT_SHOWN_AT_MOST:
                # The records as shown, with their versions, journaled if the deletion is kept (the server away) for
                # the next start to tell a record a colleague changed since. Read as an edit of many cells reads its
                # rows (``rows_at``: a windowed table's in one query, not page by page).
                names = ["id", "version", *self.register.field_names]
                command.shown_rows = {row[0]: dict(zip(names, row)) for row in self.model.rows_at(rows).values()}
            impact = self.document.office.read(delete_impact, self.register, ids)
            named = self.document.office.read(records_named, self.register, ids)  # read now: deleted, they are gone
        except ConnectionLost as e:
            # The server away: the deletion is kept, as a cell typed is, and saved when it is back (journaled, to
            # outlive the window) — what refers to the records cannot be read now. It ended in the strip's "could
            # not be read", nothing deleted nor kept.
            self.document.server_went_away(e)
            shown = list((command.shown_rows or {}).values())
            impact = None
            named = named_from_rows(self.register, shown, len(ids)) if shown else count_of(len(ids), self.register.noun)
        everything = len(ids) > 1 and len(ids) == self.proxy.rowCount()  # Ctrl+A then Del: make sure
        many = len(ids) > ASK_BEFORE_DELETING_MORE_THAN
        # Unread (the server away), what refers to the records is unknown, so the user is asked, as when something is
        # known to: deleted without a word, a risk's actions and links went unmentioned.
        if impact is not None and not impact.needs_asking and not everything and not many:
            self._delete_now(command, named)
            return None
        n = f"{len(ids)} row{'s' if len(ids) != 1 else ''}"
        them, their = ("it", "its") if len(ids) == 1 else ("them", "their")
        unread = (f"The server is away, so what refers to {them} ({their} actions and links) cannot be checked now. "
                  "The deletion is kept on this computer and made when the server is back.")
        what = (impact.describe() if impact is not None else unread) or (
            f"That is every row shown in the {self.register.title.lower()}." if everything else "")
        box = QMessageBox(QMessageBox.Icon.Question, f"Delete {n}?",
                          f"Delete {n} of the {self.register.title.lower()}: {named}?\n\n"
                          + (f"{what}\n\n" if what else "") + "Edit ▸ Undo puts everything back.",
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirm-delete")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        delete = box.addButton(f"Delete {n}", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: box.clickedButton() is delete and self._delete_now(command, named))
        box.open()
        return box

    def _delete_now(self, command: DeleteRecordsCommand, named: str) -> bool:
        """The rows deleted, their selection let go first: kept, the table carried it through the rows' going,
        a cell at a time (10,000 whole rows: seconds of the window's time). Said, naming them, with the way back:
        rows deleted at once (no question asked) went without a word."""
        self.table.selectionModel().clearSelection()
        done = self.document.execute(command)
        if done:
            self.document.note.emit(f"Deleted {named}. Edit ▸ Undo (Ctrl+Z) puts "
                                    f"{'it' if len(command.ids) == 1 else 'them'} back.")
        return done

    def whole_rows_selected(self) -> bool:
        """Rows picked by their row header (or Shift+Space): every cell of each selected row. Read off the
        selection's ranges (``selection_ranges``): Qt's ``selectedRows`` asks the model about every selected cell
        (a whole column of 100,000 risks: a second of the window's time before a fill began)."""
        ranges = self.selection_ranges()
        last = self.proxy.columnCount() - 1
        full = [(top, bottom) for top, bottom, left, right in ranges if left == 0 and right >= last]
        partial = [r for r in ranges if not (r[2] == 0 and r[3] >= last)]
        for top, bottom, _left, _right in partial:
            for row in range(top, bottom + 1):
                if any(t <= row <= b for t, b in full):
                    continue
                if not spans_cover(((lo, hi) for t, b, lo, hi in partial if t <= row <= b), last):
                    return False  # the first row not whole answers: a column of 100,000 cells at its top
        return bool(ranges)

    def selection_ranges(self) -> list[tuple[int, int, int, int]]:
        """The table's selection as (top, bottom, left, right) blocks of the rows and columns shown. Every cell of a
        register can be selected (the models' ``flags``), so these are exactly the cells selected — Qt's
        ``selectedIndexes`` makes an index of each and asks the model whether it is selectable, a call into
        Python a cell (a whole column of 100,000 risks: about a second of the window's time)."""
        return selection_blocks(self.table.selectionModel())

    def cells_to_set(self, value: Callable[[int], Any], left_out: dict[int, int] | None = None) -> Sized:
        """The editable cells selected as (row of the model, column, ``value(column)``) — a fill, a clear, Ctrl+Enter —
        leaving out the row shown that ``left_out`` gives a column (a fill's top cell). A windowed table's (the rows
        shown are the model's) are listed when the edit is worked out (``LazyCells``) — on a worker for many
        (``WindowedRegisterModel.edits_of``): a million listed here held the window a second; a table in memory's
        (under 50,000 rows), or blocks that overlap (each cell listed once), here."""
        skip = left_out or {}
        editable = [f.editable for f in self.model.fields]
        blocks = self.selection_ranges()
        values = {column: value(column) for column in {c for _t, _b, left, right in blocks for c in range(left, right + 1)}
                  if editable[column]}
        if isinstance(self.proxy, QIdentityProxyModel) and not blocks_overlap(blocks):
            count = sum((bottom - top + 1) * sum(editable[left:right + 1]) for top, bottom, left, right in blocks)
            count -= sum(1 for column, row in skip.items() if editable[column]
                         and any(top <= row <= bottom and left <= column <= right for top, bottom, left, right in blocks))
            return LazyCells(count, lambda: (
                (row, column, values[column]) for top, bottom, left, right in blocks
                for row in range(top, bottom + 1) for column in range(left, right + 1)
                if editable[column] and row != skip.get(column)))
        shown = [(row, column) for row, column in self.selected_cells(shown_rows=True)
                 if editable[column] and row != skip.get(column)]
        source = self._source_rows({row for row, _c in shown})
        return [(source[row], column, values[column]) for row, column in shown]

    def selected_cells(self, shown_rows: bool = False) -> list[tuple[int, int]]:
        """The cells selected as (row, column), each once, by the selection's ranges (``selection_ranges``): rows
        of the source model, or with ``shown_rows`` of the table as shown."""
        cells = list(dict.fromkeys((row, column) for top, bottom, left, right in self.selection_ranges()
                                   for row in range(top, bottom + 1) for column in range(left, right + 1)))
        if shown_rows:
            return cells
        source = self._source_rows({row for row, _c in cells})
        return [(source[row], column) for row, column in cells]

    def _source_rows(self, rows) -> dict[int, int]:
        """The source model's row of each row shown (a windowed table's proxy shows the model's rows as they are)."""
        if isinstance(self.proxy, QIdentityProxyModel):
            return {row: row for row in rows}
        return {row: self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in rows}

    def type_today(self) -> bool:
        """Ctrl+; on a selected cell, as in Excel: today's date stored in it when it is a date cell (one undo step, as
        typed; on the ✱ line, typed there as the line's other cells are). Any other cell says why nothing was typed.
        (In a cell being typed the delegate takes the key: ``FieldDelegate``'s ``_type_today``.)"""
        from ...models import clock

        line = self.in_new_line()
        view = self.new_line if line else self.table
        index = view.currentIndex()
        if not index.isValid():
            self.document.note.emit("Ctrl+; types today's date into a date cell: choose one first.")
            return False
        column = index.column() if line else self.proxy.mapToSource(index).column()
        f = (self.new_row_model if line else self.model).fields[column]
        if f.kind is not Kind.DATE:
            self.document.note.emit(today_refused(f.label))
            return False
        if line:
            return self.new_row_model.setData(index, clock.today())
        return self.proxy.setData(index, clock.today())

    def in_new_line(self) -> bool:
        """Whether the keyboard is in the new-row line (the table's shortcuts then act on it)."""
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.new_line or self.new_line.isAncestorOf(focus))

    def delete_or_clear(self) -> None:
        """Del: whole rows selected are deleted; otherwise the selected cells are cleared."""
        if self.in_new_line():  # only what was typed in the new-row line
            column = self.new_line.currentIndex().column()
            if column >= 0:
                self.new_row_model.clear_column(column)
            return
        if self.whole_rows_selected():
            self.delete_rows()
        else:
            self.clear_cells()

    def clear_cells(self) -> None:
        cells = self.cells_to_set(lambda _column: None)
        if not cells:
            index = self.table.currentIndex()
            if index.isValid() and not self.model.fields[index.column()].editable:
                # Del on a record's ID (or a calculated cell), as a newcomer deletes a row, did nothing and said
                # nothing (walk45): why, and the keys that delete the record.
                self._tell_locked(index, hint="Del clears cells; to delete the record, select its row (Shift+Space) "
                                              "and press Del, or press Shift+Del.")
            return
        document = self.document
        with document.holding_refusals() as refused:
            self.model.set_cells(cells, text=cells_text(self.register, "Clear", len(cells)))
        if refused.by_register:
            # Del on a cell the register needs (a title, a project's name, a required date) is refused beside
            # the cell and in the status bar, as a value typed there is: a message box took the next keys typed.
            index = self.table.currentIndex()
            rect = self.table.visualRect(index) if index.isValid() else self.table.viewport().rect()
            at = QRect(self.table.viewport().mapTo(self, rect.topLeft()), rect.size())
            self._locked_note = show_beside(self, at, refused.reason, "The cell keeps its value: type over it to change it.")
        elif refused:  # the file gone, the disk full…: a message box, as before
            document.error.emit(refused[-1])

    def _visible_columns(self) -> list[int]:
        header = self.table.horizontalHeader()
        return [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]

    def copy(self) -> None:
        if self.in_new_line():
            return
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        visible = self._visible_columns()
        cols = [c for c in visible if c in {i.column() for i in indexes}]
        selected = {(i.row(), i.column()) for i in indexes}
        block = [[self._copied_text(self.proxy.index(r, c)) if (r, c) in selected else "" for c in cols] for r in rows]
        QGuiApplication.clipboard().setText(to_tsv(block))

    def _copied_text(self, index) -> str:
        """A cell as it goes to the clipboard: as shown, but a date as ISO 2026-12-03, which Excel reads as
        a date whatever its language ("3 Dec 2026" is text to a German Excel), and a number as typed in the
        user's locale, whole (shown as "1,234.57", it went out as that, to be read back as 1234.57, and by a
        German Excel as 1.23457); a paste back reads them all."""
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, date) and not isinstance(value, datetime):
            return value.isoformat()
        number = number_as_typed(self.model.fields[index.column()], value)
        return number if number is not None else index.data() or ""

    def paste(self) -> None:
        """Ctrl+V: the clipboard's text; when it holds none, the table of its web page (HTML alone, as some
        programs copy), or a message — a picture or nothing pasted did nothing, and said nothing."""
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        mime = clipboard.mimeData()
        if not text and mime is not None and mime.hasHtml():
            from ...excel.web_tables import html_rows  # loaded when first needed, as the import's modules are

            rows = html_rows(mime.html(), max_columns=16_384)[0]  # Excel's columns: a wider block is said below
            text = to_tsv([["" if value is None else str(value) for value in row] for row in rows])
        if not text:
            held = "a picture" if mime is not None and mime.hasImage() else "no text"
            self.document.error.emit(f"Nothing was pasted: the clipboard holds {held}. Copy cells (in Excel, here) or "
                                     "text, then paste again.")
            return
        self.paste_text(text)

    def header_columns(self, block: list[list[str]], anchor_column: int | None) -> list[int | None] | None:
        """When the block's first row is a header (each non-blank cell names a different column of this
        register, by label, name or an import synonym), the column each block column belongs to."""
        if len(block) < 2 and len(block[0]) < 2:
            return None
        keys: dict[str, int] = {}
        for words in (lambda f: (f.label, f.name), lambda f: f.synonyms):  # labels win over synonyms
            for col, f in enumerate(self.model.fields):
                for word in words(f):
                    keys.setdefault(normalise_key(word), col)
        columns: list[int | None] = []
        for cell in block[0]:
            key = normalise_key(cell)
            found = keys.get(key) if key else None
            if key and (found is None or found in columns):
                return None
            columns.append(found)
        named = [c for c in columns if c is not None]
        if len(named) >= 2 or (len(block[0]) == 1 and named == [anchor_column]):
            return columns
        return None

    def paste_text(self, text: str, at_end: bool | None = None) -> bool:
        """Paste tab-separated text at the current cell: one undo step, all or nothing.

        Rows that run past the end become new records. A single value pasted over a selection fills it.
        Values that land on calculated columns are ignored, so a block copied from this table pastes back.
        Pasted into the new-row line (``at_end``), every row becomes a new record.
        """
        block = parse_tsv(text)
        if not block:
            return False
        if at_end is None:
            at_end = self.in_new_line() or self._pastes_into_new_line(block)
        selection = self.table.selectionModel().selectedIndexes()
        if not at_end and len(block) == 1 and len(block[0]) == 1 and len(selection) > 1:
            cells = [(self.proxy.mapToSource(i).row(), i.column(), block[0][0]) for i in selection]
            return self.model.set_cells(cells, text=pasted_text(self.register, len(cells)))
        anchor = self.table.currentIndex() if not at_end else self.new_line.currentIndex()
        visible = self._visible_columns()
        start_row = anchor.row() if anchor.isValid() and not at_end else (self.proxy.rowCount() if at_end else 0)
        start_vis = visible.index(anchor.column()) if anchor.isValid() and anchor.column() in visible else 0
        by_header = self.header_columns(block, visible[start_vis] if visible else None)
        if by_header is not None:  # a block copied with its header row: skip it, and follow its column names
            block = block[1:]
            if not block:
                return True
            if by_header == visible[start_vis:start_vis + len(by_header)]:
                by_header = None  # the columns line up anyway
        if by_header is None and not self._block_fits(block, visible, start_vis, at_end):
            return False
        cells, new_rows, new_row_numbers = [], [], []
        for i, values in enumerate(block):
            proxy_row = start_row + i
            if by_header is None:
                targets = list(zip(visible[start_vis:], values))
            else:
                targets = [(col, value) for col, value in zip(by_header, values) if col is not None]
            if proxy_row < self.proxy.rowCount():
                source_row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
                cells.extend((source_row, col, value) for col, value in targets)
            elif not any(value.strip() for _col, value in targets):
                # a blank line (the empty last line a browser or text editor copies, a gap between rows) adds no
                # record, as the ✱ line adds none until a value is typed: it added an empty one, without a word
                continue
            else:
                try:
                    new_rows.append({self.model.fields[col].name: typed_value(self.model.fields[col], value)
                                     for col, value in targets if self.model.fields[col].editable})
                    new_row_numbers.append(proxy_row + 1)
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
        added = (CreateRecordsCommand(self.document, self.register, new_rows, self.model.parent_id,
                                      row_numbers=new_row_numbers) if new_rows else None)
        if added is not None:
            parts.append(added)
        if not parts:
            return True
        n = len(block) * max(len(r) for r in block)
        noun = self.register.noun
        # A paste that only adds records is named by them, in Edit ▸ Undo and in the status bar: "Paste 2 decisions"
        # (the noun names the register), "2 decisions added" — it said "Paste 22 cells" and "Saved", and the user
        # counted the rows to know what had been added.
        text = (f"Paste {count_of(len(new_rows), noun)}" if added is not None and len(parts) == 1
                else pasted_text(self.register, n))
        command = CompositeCommand(self.document, text, parts)

        def said() -> None:
            if added is None:
                return
            self._show_added(added.ids)
            changed = f"{count_of(len(edit.edits), 'cell')} changed, " if len(parts) > 1 else ""
            self.document.note.emit(f"{changed}{count_of(len(added.ids), noun)} added")

        return self._execute_confirmed(command, chain(edited_rows(edit.edits) if cells and edit.edits else (),
                                                      new_rows), said)

    def _pastes_into_new_line(self, block: list[list[str]]) -> bool:
        """An empty register (a new office, or every row filtered out), no cell current: a paste goes where typing
        goes (``RegisterTable.keyPressEvent``), into the ✱ line from its first cell that takes typing — or from its
        ID when the block's first column holds IDs (rows copied whole from a register), which are skipped as ever.
        It went to the ID: a decision's block pasted from Excel lost its title there, each cell after it landed one
        column left, and the paste was refused for a rationale that was "not a date". The keyboard stays put."""
        if self.proxy.rowCount() or self.table.currentIndex().isValid() or not self.new_line.isVisible():
            return False
        code = self.model.column_of("code") if "code" in self.register.field_names else -1
        ids_first = code >= 0 and not self.table.isColumnHidden(code) and first_column_holds_ids(
            block, self.register.code_prefix)
        column = code if ids_first else self.new_row_model.first_column
        self.new_line.setCurrentIndex(self.new_row_model.index(0, column))
        return True

    def _show_added(self, ids: list[int]) -> None:
        """Records a paste added, in view: under a search or filter they did not pass they were stored out of
        sight, the count unchanged, and a paste that seemed to do nothing was made again — twice the records.
        The ✱ line's own rule: a record typed there that the filters hide clears them."""
        def shown(rid: int) -> bool:
            row = self.model.row_of(rid)
            return row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

        if not all(shown(rid) for rid in ids):
            self.clear_filters()

    def _block_fits(self, block: list[list[str]], visible: list[int], start_vis: int, in_line: bool = False) -> bool:
        """Whether every value of a block pasted from column ``start_vis`` on has a column to land in. One wider
        than the columns left to the right lost its last values without a word (Excel, with no last column, keeps
        them all): nothing is pasted, and the message says why. Blank cells past the edge (a row's trailing
        tabs) lose nothing."""
        room = len(visible) - start_vis
        over = next((value for values in block for value in values[room:] if value.strip()), None)
        if over is None:
            return True
        width = max(len(values) for values in block)
        hidden = len(visible) < self.model.columnCount()
        first = self.model.fields[visible[start_vis]].label if visible else ""
        shown = over if len(over) <= 40 else over[:39] + "…"
        # On the ✱ line, when the block fits from where Home puts the keyboard (the line's first column that takes
        # typing): said as the key to press. Ctrl+End, Down, Ctrl+V — rows added at the bottom, as in Excel — pasted
        # from the last column and was refused with "Paste it further left", leaving the user to find where. (In the
        # table Home goes to the ID, which a paste skips: not said there.)
        line_first = self.new_row_model.first_column
        home = visible.index(line_first) if in_line and line_first in visible else 0
        fits_from_home = in_line and home < start_vis and not any(
            value.strip() for values in block for value in values[len(visible) - home:])
        todo = (f"Press Home, then Ctrl+V: from “{self.model.fields[visible[home]].label}” it fits" if fits_from_home
                else f"Paste it further left{', or show the hidden columns' if hidden else ''}")
        self.document.error.emit(
            f"Nothing was pasted: the copied block is {width} columns wide, and from “{first}” to the last column "
            f"there {'is' if room == 1 else 'are'} {room}, so its last {width - room} would be lost (“{shown}” among "
            f"them). {todo}.")
        return False

    def _execute_confirmed(self, command, rows: Iterable[dict], then: Callable[[], None] | None = None) -> bool:
        """Run a command, first asking when its values are probably a slip (e.g. a future measurement); ``then``
        once it is done."""
        def run() -> bool:
            done = self.document.execute(command)
            if done and then is not None:
                then()
            return done

        message = warning_for(self.register, rows, self.model.today, self.document, self.model.parent_id)
        if message:
            self.confirmation = ask_then(self, message, run)
            return False
        return run()
