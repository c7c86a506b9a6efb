"""Freeze panes for a wide register: its identifying leading columns (the ID and the title or name the
register declares, ``Register.frozen_fields``) stay in view while the table scrolls sideways.

A second view on the same model and selection model is laid over the table's left edge while the table
is scrolled to the right (Qt's "frozen column" pattern). The table keeps all its columns, so Tab and the
arrows walk every column as before; the table routes the editing of a frozen cell to this view (where
the cell is on screen), and this view hands the keyboard back to the table when the editor closes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from .cell_editors import caret_at_end, holds, leave_cell
from .keyboard_frame import keyboard_frame_width

# The frozen columns take at most this share of the table's width: a wide title is narrowed to fit
# here (elided, its whole text in a tooltip) while the table keeps its width; a table too narrow even
# for the ID and ``MIN_LAST`` of the title keeps the ID alone, and one too narrow for the ID (a sub-table
# in a panel) scrolls all its columns, as a frozen block would leave no room for the others.
MAX_SHARE = 0.5
MIN_LAST = 80
HALF_SHOWN_AT_LEAST = 12  # pixels of a column half under the frozen ones for its cells' text to be drawn there

Hint = QAbstractItemDelegate.EndEditHint
_Move = QAbstractItemView.CursorAction
# Ctrl+arrow: towards which edge of the table (rows, columns)
EDGEWARD = {_Move.MoveUp: (-1, 0), _Move.MoveDown: (1, 0), _Move.MoveLeft: (0, -1), _Move.MoveRight: (0, 1)}
CTRL_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)


def keyboard_in(*views: QWidget | None) -> bool:
    """Whether the keyboard is in one of these views: on it, or in a cell editor it holds."""
    focus = QApplication.focusWidget()
    return focus is not None and any(view is not None and (focus is view or view.isAncestorOf(focus))
                                     for view in views)


def show_selection_as(option, active: bool) -> None:
    """A view's selection drawn in the strong highlight while the keyboard is in it (``active``), else in the
    palette's pale inactive one (``theme.INACTIVE_SELECTION``). Qt's own test is the view's focus alone:
    a table whose cell editor has the keyboard, and the frozen columns over it (which never take the
    focus), would draw its selection as not where the keyboard is."""
    if active:
        option.state |= QStyle.StateFlag.State_Active
    else:
        option.state &= ~QStyle.StateFlag.State_Active


def paint_keyboard_cell(view: QTableView, table: "FrozenTable") -> None:
    """The cell the keyboard is on framed in the theme's strong highlight (yellow in high contrast), a frame as
    thick as a tenth of its row (3 pixels at least): Fusion marks it with a dotted line in a pale tint, which a
    projector does not show — after Ctrl+4 the table had the keyboard and no one could see on which cell. Drawn over the cells, so the
    selection is left as it is (selecting the cell on arrival made Ctrl+C copy two cells). ``view`` is the table or
    the frozen columns over it; nothing while a cell's editor has the keyboard (the editor shows itself)."""
    if not table.hasFocus():
        return
    index = table.currentIndex()
    if not index.isValid():
        return
    frozen = table.frozen
    over = frozen is not None and frozen.isVisible() and index.column() in frozen.columns
    if (view is table) == over:  # a cell the frozen columns cover is framed by them, over the table
        return
    rect = view.visualRect(index)
    if rect.isEmpty():
        return
    # A selected cell is already filled in that highlight: the frame joins its fill (no line of another colour
    # inside it, which read as a white ring on a strong cell).
    palette = view.palette()
    width = keyboard_frame_width(view.rowHeight(index.row()))
    painter = QPainter(view.viewport())
    try:
        pen = QPen(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = width // 2
        painter.drawRect(rect.adjusted(inset, inset, -inset - 1 + width % 2, -inset - 1 + width % 2))
    finally:
        painter.end()


class FrozenColumns(QTableView):
    def __init__(self, table: "FrozenTable", frozen: set[int], room: QTableView | None = None):
        super().__init__(table)
        self.main = table
        self.room = room or table  # whose width the share is of (the new-row line: the table's above it)
        self.frozen = frozen          # logical columns that may freeze (the register's declaration)
        self.leading: list[int] = []  # the leading shown columns among them
        self.columns: list[int] = []  # those frozen now: the leading ones that fit (``fitting``)
        self.setObjectName("frozen-columns")
        self.setAccessibleName(f"{table.accessibleName()} (columns kept in view)")
        own_header = RangeSelectionHeader(Qt.Orientation.Horizontal, self)  # as QTableView's own, less its questions
        own_header.setSectionsClickable(True)
        own_header.setHighlightSections(True)
        self.setHorizontalHeader(own_header)
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setItemDelegate(table.itemDelegate())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setSelectionMode(table.selectionMode())
        self.setSelectionBehavior(table.selectionBehavior())
        self.setEditTriggers(table.editTriggers())
        self.setAlternatingRowColors(table.alternatingRowColors())
        self.setWordWrap(table.wordWrap())
        self.setTabKeyNavigation(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(False)
        # Not "clickable": a click would also select the whole column here, which the table's own header
        # does not (its sorting is on); a click sorts, through the event filter below.
        header.setSectionsClickable(False)
        header.setSortIndicatorShown(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.viewport().installEventFilter(self)
        self._pressed_at: QPoint | None = None
        header.sectionResized.connect(self._resized_here)

        main_header = table.horizontalHeader()
        # through a method of ours: connected straight to the other header's slot, PySide cannot wrap
        # its Qt::SortOrder argument and says so on stderr for every table made
        main_header.sortIndicatorChanged.connect(self._follow_sort_indicator)
        header.setSortIndicator(main_header.sortIndicatorSection(), main_header.sortIndicatorOrder())
        main_header.sectionResized.connect(self.sync)
        main_header.sectionMoved.connect(self.sync)
        main_header.geometriesChanged.connect(self.sync)
        table.verticalHeader().geometriesChanged.connect(self.sync)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.horizontalScrollBar().valueChanged.connect(self.place)
        table.horizontalScrollBar().rangeChanged.connect(self.place)
        for signal in (table.model().rowsInserted, table.model().rowsRemoved, table.model().modelReset):
            signal.connect(self.place)
        table.installEventFilter(self)
        self.hide()
        self.sync()

    # ------------------------------------------------------------------ layout
    def sync(self, *_args) -> None:
        """Columns, order, widths, font and row height as in the table under it."""
        main_header = self.main.horizontalHeader()
        header = self.horizontalHeader()
        shown = [main_header.logicalIndex(v) for v in range(main_header.count())
                 if not main_header.isSectionHidden(main_header.logicalIndex(v))]
        columns = []
        for logical in shown:  # the leading shown columns that may freeze (a column dragged away does not)
            if logical not in self.frozen:
                break
            columns.append(logical)
        self.leading = columns
        self._take(self.fitting())
        if self.font() != self.main.font():
            self.setFont(self.main.font())
        if header.font() != main_header.font():
            header.setFont(main_header.font())
        rows = self.main.verticalHeader().defaultSectionSize()
        if self.verticalHeader().defaultSectionSize() != rows:
            self.verticalHeader().setDefaultSectionSize(rows)
        self.verticalScrollBar().setValue(self.main.verticalScrollBar().value())
        self.place()

    def fitting(self) -> list[int]:
        """The leading columns that fit: the last ones (the title, then any before it) left out while the table
        has no room within ``MAX_SHARE`` for them with ``MIN_LAST`` of the last, down to the ID alone. Beside
        the stakeholder grid at 150 % the table is 175 px: the ID and title needed 152 of its 87, so nothing
        was frozen, and scrolled right no one could tell whose row they edited; the ID alone (72) fits."""
        columns = list(self.leading)
        room = self.room.viewport().width() * MAX_SHARE
        while len(columns) > 1 and (sum(self.main.columnWidth(c) for c in columns[:-1])
                                    + min(MIN_LAST, self.main.columnWidth(columns[-1]))) > room:
            columns.pop()
        return columns

    def _take(self, columns: list[int]) -> None:
        """These columns frozen now, in the table's order, the others hidden here."""
        header = self.horizontalHeader()
        self.columns = columns
        for visual, logical in enumerate(columns):
            if header.visualIndex(logical) != visual:
                header.moveSection(header.visualIndex(logical), visual)
        widths = dict(zip(columns, self.shown_widths()))
        for logical in range(self.main.horizontalHeader().count()):
            self.setColumnHidden(logical, logical not in columns)
            if logical in columns and self.columnWidth(logical) != widths[logical]:
                self.setColumnWidth(logical, widths[logical])

    def widths(self) -> list[int]:
        """The frozen columns' widths here: the table's, the last (the title) narrowed so that all take
        at most ``MAX_SHARE`` of the table — but never under ``MIN_LAST``."""
        widths = [self.main.columnWidth(c) for c in self.columns]
        room = int(self.room.viewport().width() * MAX_SHARE)
        if widths and sum(widths) > room:
            widths[-1] = max(min(widths[-1], MIN_LAST), room - sum(widths[:-1]))
        return widths

    def shown_widths(self) -> list[int]:
        """The widths drawn now: ``widths``, but a narrowed title as wide as the part of the table's own
        title column still in view beyond it — while the table is scrolled by less than the narrowing, so
        that part never shows as a blank strip beside the frozen block — down to the narrowed width."""
        widths = self.widths()
        if not widths:
            return widths
        full = [self.main.columnWidth(c) for c in self.columns]
        beyond = sum(full) - self.main.horizontalScrollBar().value() - sum(widths)
        if beyond > 0:
            widths[-1] = min(full[-1], widths[-1] + beyond)
        return widths

    def frozen_width(self) -> int:
        return sum(self.widths())

    def active(self) -> bool:
        """Whether the frozen columns are laid over the table now: it is scrolled to the right."""
        width = self.frozen_width()
        return (bool(self.columns) and self.main.horizontalScrollBar().value() > 0
                and 0 < width <= self.room.viewport().width() * MAX_SHARE and self.model().rowCount() > 0)

    def elided_text(self, index) -> str | None:
        """A frozen cell's whole text where this view's narrower column cuts it off, for its tooltip."""
        text = index.data() if index.isValid() else None
        if not text or index.column() not in self.columns:
            return None
        room = self.columnWidth(index.column()) - 8  # the cell's margins
        return str(text) if self.fontMetrics().horizontalAdvance(str(text)) > room else None

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            tip = tip or self.elided_text(index)
            if tip:
                QToolTip.showText(event.globalPos(), str(tip), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def place(self, *_args) -> None:
        fitting = self.fitting()
        if fitting != self.columns:  # the table widened or narrowed: the title may fit again, or not
            self._take(fitting)
        widths = dict(zip(self.columns, self.shown_widths()))  # the room for the title follows the table's width
        for logical, width in widths.items():
            if self.columnWidth(logical) != width:
                self.setColumnWidth(logical, width)
        if not self.active():
            self.hide()
            return
        main = self.main
        port = main.viewport().geometry()  # over the table's own cells, wherever its frame and margins put them
        header_height = main.horizontalHeader().height() if main.horizontalHeader().isVisible() else 0
        self.horizontalHeader().setFixedHeight(header_height)
        self.horizontalHeader().setVisible(header_height > 0)
        self.setGeometry(port.x(), port.y() - header_height, sum(widths.values()) + 2, port.height() + header_height)
        self.verticalScrollBar().setValue(main.verticalScrollBar().value())
        if not self.isVisible():
            self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.main and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        elif watched is self.horizontalHeader().viewport() and event.type() in (
                QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            self._header_click(event)
        return False

    def _header_click(self, event) -> None:
        """A click on a frozen column's header sorts by it, as on the table's; a drag (a resize) does not."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        header = self.horizontalHeader()
        pos = event.position().toPoint()
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed_at = pos if header.cursor().shape() != Qt.CursorShape.SplitHCursor else None
            return
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is None or (pos - pressed).manhattanLength() > QApplication.startDragDistance():
            return
        logical = header.logicalIndexAt(pos)
        if logical >= 0 and logical == header.logicalIndexAt(pressed):
            self._sort_by(logical)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        paint_keyboard_cell(self, self.main)
        painter = QPainter(self.viewport())  # the freeze line, as Excel draws it
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 2))
        x = self.viewport().width() - 1
        painter.drawLine(x, 0, x, self.viewport().height())
        painter.end()

    # ------------------------------------------------------------------ the table's header, mirrored
    def _sort_by(self, logical: int) -> None:
        header = self.main.horizontalHeader()
        order = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == logical and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        self.main.sortByColumn(logical, order)

    def _follow_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        self.horizontalHeader().setSortIndicator(section, order)

    def _resized_here(self, logical: int, _old: int, new: int) -> None:
        if logical in self.columns and self.main.columnWidth(logical) != new \
                and dict(zip(self.columns, self.shown_widths())).get(logical) != new:  # not a narrowing of ours
            self.main.setColumnWidth(logical, new)

    # ------------------------------------------------------------------ mouse and keyboard
    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        if self.state() != QAbstractItemView.State.EditingState:
            self.main.setFocus(Qt.FocusReason.MouseFocusReason)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self.state() != QAbstractItemView.State.EditingState:
            self.main.setFocus(Qt.FocusReason.OtherFocusReason)  # the keyboard works in the table

    def initViewItemOption(self, option) -> None:
        super().initViewItemOption(option)
        show_selection_as(option, keyboard_in(self.main, self))  # as the table it lies over

    def commitData(self, editor) -> None:
        if holds(self, editor):  # the shared delegate's signal reaches both views: only the editor's own stores
            super().commitData(editor)

    def currentChanged(self, current, previous) -> None:
        current, previous = leave_cell(self, current, previous)
        super().currentChanged(current, previous)

    def closeEditor(self, editor, hint) -> None:
        """Tab / Shift+Tab out of a frozen cell go on through the table's columns, not this view's.

        The delegate is the table's, so every editor the table opens is closed here too: only this view's
        own are this view's business. Before, Tab out of a cell the table itself edited moved on twice — once
        by the table, once here — so typing along a row with Tab skipped every other column (a risk's
        "Threat" went into Category)."""
        if not holds(self, editor):
            return
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            self.main.setFocus(Qt.FocusReason.OtherFocusReason)
            self.main.move_on_after_tab(hint == Hint.EditNextItem)
        else:
            super().closeEditor(editor, hint)
            self.main.setFocus(Qt.FocusReason.OtherFocusReason)
        self.main.editor_closed()

    def owns(self, index) -> bool:
        """Whether a cell of the table is drawn (and so edited) here now."""
        return index.isValid() and self.isVisible() and index.column() in self.columns


class FrozenTable(QTableView):
    """A table whose leading columns a ``FrozenColumns`` view may keep in view (the register's table and
    its new-row line): it edits a frozen cell there, and scrolls around the frozen columns."""

    frozen: FrozenColumns | None = None  # the leading columns kept in view
    edits_after_tab = True  # Tab out of a cell being edited opens the next cell's editor (as Qt does)
    # Where the current run of Tabs along a row began (row, column): Enter then goes down to that column
    # of the next row, as in Excel, so a record typed along its row with Tab and ended with Enter leaves
    # the keyboard at the start of the next one — not under its last cell, where the next record's title
    # went into a drop-down (an impact) and was lost.
    tab_start: tuple[int, int] | None = None
    leaving_cell = False  # another cell is being made current (``currentChanged``)
    placing = False  # the keyboard is being put on a cell from outside the table (``put_keyboard_on``)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # Tab moves between cells as in Excel; Ctrl+Tab / Ctrl+Shift+Tab go on to the next control — from
            # the table and from its ✱ line alike: left to the page, the key switched the page's tabs (the
            # risk register to its heat map) where the user was typing.
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self._paint_half_hidden_column()
        paint_keyboard_cell(self, self)

    def resizeEvent(self, event) -> None:
        """The cell the keyboard is on, wholly in view before the table grew shorter, stays wholly in view: a
        risk typed on the ✱ line and Tab at 1280×720 became the current record, the detail panel below took
        the line more its heading needs, and the row being typed ended half under the horizontal scroll bar
        (scrolled to before the table shrank). A row the user scrolled out of view is left where it is."""
        current = self.currentIndex()
        shrunk = event.oldSize().height() - event.size().height()
        rect = self.visualRect(current) if current.isValid() else None
        super().resizeEvent(event)
        if rect is None or shrunk <= 0 or rect.isEmpty():
            return
        before = self.viewport().height() + shrunk  # the viewport's height before the table shrank
        if rect.top() >= 0 and rect.bottom() < before and rect.bottom() >= self.viewport().height():
            self.scrollTo(current)

    def _paint_half_hidden_column(self) -> None:
        """The column half under the frozen ones shows its cells' text in the part in view, as its header
        shows its label: scrolled sideways, a risk's project "Store refit" began under the frozen title and
        the part in view was blank — the header read "Project", its cells looked empty. Only that column's
        rows in view are drawn again, from the frozen columns' edge (nothing when no column straddles it)."""
        frozen = self.frozen
        if frozen is None or not frozen.isVisible():
            return
        edge = frozen.width()
        column = self.columnAt(edge)
        if column < 0 or column in frozen.columns:
            return
        grid = 1 if self.showGrid() else 0  # the grid line's pixel, not the cell's
        left = self.columnViewportPosition(column)
        right = left + self.columnWidth(column) - grid
        if not left < edge < right - HALF_SHOWN_AT_LEAST:
            return
        model, selection = self.model(), self.selectionModel()
        first, last = self.rowAt(0), self.rowAt(self.viewport().height() - 1)
        if first < 0:
            return
        if last < 0:
            last = model.rowCount() - 1
        # What every row's cell shares, made once a paint: the view's option (which asks where the keyboard is),
        # the page's colour, the style, the column's delegate, the cell with the keyboard.
        shared = QStyleOptionViewItem()
        self.initViewItemOption(shared)
        base, style, alternate = self.palette().base(), self.style(), self.alternatingRowColors()
        delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
        keyboard_at = self.currentIndex() if self.hasFocus() else None
        painter = QPainter(self.viewport())
        try:
            for row in range(first, last + 1):
                if self.isRowHidden(row):
                    continue
                index = model.index(row, column)
                option = QStyleOptionViewItem(shared)
                option.rect = QRect(edge, self.rowViewportPosition(row), right - edge, self.rowHeight(row) - grid)
                if selection is not None and selection.isSelected(index):
                    option.state |= QStyle.StateFlag.State_Selected
                if index == keyboard_at:
                    option.state |= QStyle.StateFlag.State_HasFocus
                # The part in view already shows the tail of the cell's text as Qt drew it from the column's
                # hidden left edge ("eb 2026"): drawn over it, the two texts overlapped ("ebF20c6"). The cell's
                # background goes down first, as Qt's own drawing of a cell lays it (alternate rows too).
                painter.fillRect(option.rect, base)
                if alternate and self.verticalHeader().visualIndex(row) % 2:
                    option.features |= QStyleOptionViewItem.ViewItemFeature.Alternate
                style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter, self)
                delegate.paint(painter, option, index)
        finally:
            painter.end()

    def moveCursor(self, action, modifiers):
        """Qt moves through here for Tab and Shift+Tab, editing or not: the first of a run marks its start. Ctrl
        with an arrow goes to the table's edge that way, as Excel's Ctrl+arrows go to the end of a register's
        rows or columns: Qt moved one cell, as the arrow alone does."""
        current = self.currentIndex()
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                and current.isValid() and (self.tab_start is None or self.tab_start[0] != current.row()):
            self.tab_start = (current.row(), current.column())
        if modifiers & Qt.KeyboardModifier.ControlModifier and action in EDGEWARD and current.isValid():
            return self._edge(current, EDGEWARD[action])
        if action in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                and current.isValid():
            typed_into = self._next_cell_taking_typing(current, action == QAbstractItemView.CursorAction.MoveNext)
            if typed_into is not None:
                return typed_into
        return super().moveCursor(action, modifiers)

    def _next_cell_taking_typing(self, current, forward: bool):
        """Where Tab (Shift+Tab) goes from ``current``: the next (previous) cell shown that takes typing — in
        its row, else in the next (previous) row shown — past the cells the register works out (a risk's
        scores and ratings, an ID), as Excel's Tab goes only from unlocked cell to unlocked cell of a protected
        sheet. Qt stopped on them: a risk typed along its row (probability, Tab, impact, Tab, residual
        probability …) had its residual probability typed onto the inherent score, refused, and the next keys
        went a column behind. The arrows still reach every cell. None when no cell there takes typing (an
        office open read only): Qt's own move then."""
        header = self.horizontalHeader()
        columns = [c for c in (header.logicalIndex(v) for v in range(header.count())) if not self.isColumnHidden(c)]
        if current.column() not in columns:
            return None
        if not forward:
            columns.reverse()
        row = current.row()
        along = columns[columns.index(current.column()) + 1:]
        step, past_the_end = (1, self.model().rowCount()) if forward else (-1, -1)
        for _ in range(2):  # the rest of this row, then the next row shown
            for column in along:
                cell = current.sibling(row, column)
                if cell.flags() & Qt.ItemFlag.ItemIsEditable:
                    return cell
            row += step
            while row != past_the_end and self.isRowHidden(row):
                row += step
            if row == past_the_end:
                return None
            along = columns
        return None

    def _edge(self, current, way: tuple[int, int]):
        """The last row or column shown (``way`` (1, 0) down, (0, -1) left …) in ``current``'s column or row."""
        rows, columns = way
        if rows:
            shown = [r for r in range(self.model().rowCount()) if not self.isRowHidden(r)]
            return current.sibling(shown[-1 if rows > 0 else 0], current.column()) if shown else current
        header = self.horizontalHeader()
        order = [header.logicalIndex(v) for v in range(header.count())]
        shown = [c for c in order if not self.isColumnHidden(c)]
        return current.sibling(current.row(), shown[-1 if columns > 0 else 0]) if shown else current

    def selectionCommand(self, index, event=None):
        """A move by Ctrl and a key (Ctrl+Home, Ctrl+End, Ctrl+arrows) selects the cell it goes to, as in Excel.
        Qt moves the cursor alone then (Ctrl being its key to pick cells one by one): the frame went to the
        cell arrived at, the selection stayed behind, and Del cleared the cell of the record left — another
        risk's response than the one framed — and Ctrl+C copied it."""
        if event is None and self.placing:
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            if self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                flag |= QItemSelectionModel.SelectionFlag.Rows
            return flag
        if (event is not None and event.type() == QEvent.Type.KeyPress and event.key() in CTRL_MOVES
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
            if self.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                flag |= QItemSelectionModel.SelectionFlag.Rows
            return flag
        return super().selectionCommand(index, event)

    def put_keyboard_on(self, index) -> None:
        """The keyboard put on ``index`` from outside the table (Up out of the ✱ line): that cell selected alone,
        the corner the next Shift+arrow's block starts from. Qt read the keys held at that moment: Shift+Up out of
        the ✱ line kept the old corner, where the keyboard had last moved in the table (Ctrl+End: the last
        column), so the next Shift+Up framed 2 rows by 28 columns and Del cleared 44 cells."""
        self.placing = True
        try:
            self.setCurrentIndex(index)
        finally:
            self.placing = False

    def enter_column(self, index) -> int:
        """The column Enter goes down in from ``index``: where its row's run of Tabs began, else its own."""
        start, self.tab_start = self.tab_start, None
        return start[1] if start is not None and start[0] == index.row() else index.column()

    def mousePressEvent(self, event) -> None:
        self.tab_start = None  # a click starts afresh, as in Excel
        super().mousePressEvent(event)

    def initViewItemOption(self, option) -> None:
        super().initViewItemOption(option)
        show_selection_as(option, keyboard_in(self, self.frozen))

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._repaint_frozen()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._repaint_frozen()

    def _repaint_frozen(self) -> None:
        """The frozen columns draw the selection as this table does (``show_selection_as``): again when the
        keyboard comes or goes."""
        if self.frozen is not None:
            self.frozen.viewport().update()

    def editor_closed(self) -> None:
        """A cell's editor (its own or its frozen columns') closed, the keyboard moved on: for the ✱ line."""

    def move_on_after_tab(self, forward: bool) -> None:
        """Tab (Shift+Tab) out of a cell being edited: the next (previous) cell current, and its editor open
        unless ``edits_after_tab`` is off (the ✱ line, whose record may be added meanwhile)."""
        action = QAbstractItemView.CursorAction.MoveNext if forward else QAbstractItemView.CursorAction.MovePrevious
        index = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if self.edits_after_tab and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)

    def commitData(self, editor) -> None:
        if holds(self, editor):  # a frozen cell's editor is stored by the frozen columns' view
            super().commitData(editor)

    def currentChanged(self, current, previous) -> None:
        current, previous = leave_cell(self, current, previous)
        self.leaving_cell = True  # Qt closes an editor left open here; that close is no Enter
        try:
            super().currentChanged(current, previous)
        finally:
            self.leaving_cell = False

    def closeEditor(self, editor, hint) -> None:
        """A frozen cell's editor is closed by the frozen columns' view; what follows the close (Enter moving
        down, in ``RegisterTable``) still happens here."""
        if holds(self, editor):
            super().closeEditor(editor, hint)

    def edit(self, index, trigger=None, event=None):
        """A frozen cell, while the table is scrolled sideways, is edited where it is on screen."""
        if trigger is None:
            return super().edit(index)  # comes back here with the trigger
        if self.frozen is not None and self.frozen.owns(index):
            opened = self.frozen.edit(index, trigger, event)
        else:
            opened = super().edit(index, trigger, event)
        if opened and trigger in (QAbstractItemView.EditTrigger.EditKeyPressed,
                                  QAbstractItemView.EditTrigger.DoubleClicked):
            caret_at_end(QApplication.focusWidget())
        return opened

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll to a cell without hiding it under the frozen columns, or scrolling them away."""
        frozen = self.frozen
        bar = self.horizontalScrollBar()
        before = bar.value()
        super().scrollTo(index, hint)
        if frozen is None or not index.isValid() or not frozen.columns:
            return
        if index.column() in frozen.columns:  # always in view: only the rows scroll
            # — but where the table is narrower than the ID and title need (beside the stakeholder grid) the
            # title is narrowed while the table is scrolled: the keyboard there (Enter back to where a row's
            # Tabs began, the ✱ line, a record found) scrolls back to the left, so the name it is on is seen
            # whole, not "Finance…". Not a click, which would move the columns from under the mouse.
            narrowed = frozen.frozen_width() < sum(self.columnWidth(c) for c in frozen.columns)
            bar.setValue(0 if narrowed and QApplication.mouseButtons() == Qt.MouseButton.NoButton else before)
            return
        covered = frozen.frozen_width() - self.columnViewportPosition(index.column())
        if covered > 0 and bar.value() > 0:
            bar.setValue(max(0, bar.value() - covered))


def selection_blocks(selection_model: QItemSelectionModel) -> list[tuple[int, int, int, int]]:
    """A selection as (top, bottom, left, right) blocks, read off its ranges: Qt's ``selectedIndexes`` and
    ``isColumnSelected`` ask the model about each cell, a call into Python a cell (a whole column of 100,000 risks:
    about a second of the window's time)."""
    selection = selection_model.selection()
    blocks = (selection.at(i) for i in range(selection.size()))
    return [(b.top(), b.bottom(), b.left(), b.right()) for b in blocks if b.isValid()]


def blocks_overlap(blocks: list[tuple[int, int, int, int]]) -> bool:
    """Whether two of the (top, bottom, left, right) blocks share a cell (a Ctrl+click over a block already selected):
    their cells listed block by block would list some twice. Many blocks (cells picked one by one) are taken as
    overlapping rather than compared pair by pair."""
    if len(blocks) > 64:
        return True
    return any(t1 <= b2 and t2 <= b1 and l1 <= r2 and l2 <= r1
               for i, (t1, b1, l1, r1) in enumerate(blocks) for t2, b2, l2, r2 in blocks[i + 1:])


def spans_cover(spans: Iterable[tuple[int, int]], last: int) -> bool:
    """Whether the spans (first, last), joined from 0, reach ``last``: a column's rows or a row's columns all
    selected. Nothing to cover (``last`` < 0) is not covered, as Qt says of a table without rows."""
    reach = -1
    for first, end in sorted(spans):
        if first > reach + 1:
            break
        reach = max(reach, end)
    return last >= 0 and reach >= last


class RangeSelectionHeader(QHeaderView):
    """A table's column header told which columns are wholly selected by the table's selection's ranges.

    Qt's header asks the selection model, for the sections beside each section it paints, whether every row of
    the column is selected (``QItemSelectionModel.isColumnSelected``, for the style's ``selectedPosition``), and
    that asks the model's ``flags`` of each row in turn: with a whole column of 100,000 risks selected
    (Ctrl+Space, a fill) 100,000 calls into Python a paint, 0.3–1 s of the window's time each time the header
    painted — and it paints at every step of a long change's progress dialog. So the header is given a selection
    model of its own that nothing selects in (Qt then asks nothing: ``setSelectionModel``), and the answer is
    worked out here from the table's selection's ranges, once a paint (``wholly_selected``); the table's
    selection changing repaints the header, as Qt's own connection did. The state Qt draws from the selection
    besides — a section highlighted, ``highlightSections`` — is for a clickable header that highlights: ours
    do not (the table's header sorts, the frozen columns' is not clickable), so nothing else is lost."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None):
        super().__init__(orientation, parent)
        self._table_selection: QItemSelectionModel | None = None  # the table's, whose ranges answer
        self._blank: QItemSelectionModel | None = None  # the header's own, never selected in
        self._wholly: set[int] | None = None  # the answer kept while a paint lasts

    def setSelectionModel(self, selection_model) -> None:
        if selection_model is self._blank:
            return
        if self._table_selection is not None:
            try:
                self._table_selection.selectionChanged.disconnect(self._selection_changed)
            except (RuntimeError, TypeError):  # deleted with the model it selected in
                pass
        self._table_selection = selection_model
        selection_model.selectionChanged.connect(self._selection_changed)
        if self._blank is None or self._blank.model() is not selection_model.model():
            self._blank = QItemSelectionModel(selection_model.model(), self)
        super().setSelectionModel(self._blank)

    def _selection_changed(self, _selected, _deselected) -> None:
        self.viewport().update()

    def wholly_selected(self) -> set[int]:
        """The sections (columns) every row of which is selected, from the ranges of the table's selection: the
        rows each column's ranges cover, joined from the top, reach the last row (a column of a table without rows
        is not selected, as Qt says)."""
        if self._wholly is not None:
            return self._wholly
        selection_model, model = self._table_selection, self.model()
        if selection_model is None or model is None:
            return set()
        spans: dict[int, list[tuple[int, int]]] = {}
        for top, bottom, left, right in selection_blocks(selection_model):
            for column in range(left, right + 1):
                spans.setdefault(column, []).append((top, bottom))
        last = model.rowCount() - 1
        return {column for column, rows in spans.items() if spans_cover(rows, last)}

    def paintEvent(self, event) -> None:
        self._wholly = self.wholly_selected()
        try:
            super().paintEvent(event)
        finally:
            self._wholly = None

    def initStyleOptionForIndex(self, option, logical: int) -> None:
        super().initStyleOptionForIndex(option, logical)
        wholly = self.wholly_selected()
        if not wholly:
            return
        visual = self.visualIndex(logical)
        before = self.logicalIndex(visual - 1) in wholly
        after = self.logicalIndex(visual + 1) in wholly
        where = QStyleOptionHeader.SelectedPosition
        option.selectedPosition = (where.NextAndPreviousAreSelected if before and after else where.PreviousIsSelected
                                   if before else where.NextIsSelected if after else where.NotAdjacent)


class CutHeader(RangeSelectionHeader):
    """The register table's column headers. A header the view's edge or the frozen columns cut in two was read
    as another word — "Projects affected" scrolled half under the title showed "affected", half past the
    right edge "Projects" —: its label is drawn in the part in view, whole when it fits there, else cut
    with "…" on the side the rest is hidden ("…affected", "Projects aff…")."""

    def __init__(self, table: QTableView):
        super().__init__(Qt.Orientation.Horizontal, table)
        self.table = table
        # Qt scrolls the header by moving its pixels: a label drawn into the part in view would move with them.
        table.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    def span_in_view(self) -> tuple[int, int]:
        """The header's x range not under the frozen columns nor past the view's right edge."""
        frozen = getattr(self.table, "frozen", None)
        left = frozen.width() - 2 if frozen is not None and frozen.isVisible() else 0
        return left, self.viewport().width()

    def label_in_view(self, logical: int) -> tuple[str, QRect, QStyleOptionHeader] | None:
        """The label a section cut by the view's edge or the frozen columns shows, and where: its text whole
        when it fits in the part in view, else cut with "…" on the side the rest is hidden; None for a section
        in view whole (or not at all), drawn as Qt draws it. With the section's style option, made once for
        the label and the painting."""
        left, right = self.span_in_view()
        x = self.sectionViewportPosition(logical)
        rect = QRect(x, 0, self.sectionSize(logical), self.height())
        if (rect.left() >= left and rect.right() < right) or rect.right() < left or rect.left() >= right:
            return None
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, logical)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        shown = QRect(max(rect.left(), left), rect.top(), min(rect.right(), right - 1) - max(rect.left(), left) + 1,
                      rect.height()).adjusted(margin, 0, -margin, 0)
        mode = Qt.TextElideMode.ElideLeft if rect.left() < left else Qt.TextElideMode.ElideRight
        metrics = QFontMetrics(self.font())
        lines = [metrics.elidedText(line, mode, max(0, shown.width())) for line in option.text.split("\n")]
        return "\n".join(lines), shown, option

    def paintSection(self, painter, rect, logical) -> None:
        cut = self.label_in_view(logical)
        if cut is None:
            super().paintSection(painter, rect, logical)
            return
        text, shown, option = cut
        option.rect = rect
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)  # frame, sort arrow
        painter.setFont(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(shown, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
