"""The stakeholder engagement assessment matrix (PMBOK): stakeholders × the five engagement levels,
C where they are, D where the program needs them, the distance between highlighted. Read-only;
it follows the register as it changes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...models import stakeholder_queries as queries
from ...models.registers.stakeholders import STAKEHOLDERS
from ...models.stakeholder_rules import ENGAGEMENT_LEVELS, NOT_ASSESSED_YET, MatrixRow, gap_label
from ..document import Document
from ..empty_note import empty_note
from ..theme import colours, theme
from ..zoom import sizes_itself
from .colours import CURRENT_GAP, DESIRED, ON_TARGET, PATH

FONT_PT = 14  # the matrix's words given room: read across a meeting room on a projector
# The least the words step down to before a level's header is shortened: a size beside the tables' own (9 pt),
# still read from the back of a room at 1280×720.
LEAST_FONT_PT = 10
FIRST_LEVEL = 1  # column of "Unaware"
NOT_ASSESSED_MARK = "?"  # the Gap of a stakeholder whose current or desired engagement is not assessed yet
GAP_COLUMN = FIRST_LEVEL + len(ENGAGEMENT_LEVELS)


class EngagementMatrixModel(QAbstractTableModel):
    HEADERS = ("Stakeholder", *ENGAGEMENT_LEVELS, "Gap")

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.scope: queries.Scope = None
        self.rows: list[MatrixRow] = []
        self.shown_headers: dict[int, str] = {}  # column → its header shortened to fit (``shorten_headers``)
        self.point_size = FONT_PT  # the cells' text size, the pane's room chooses it (``EngagementMatrix``)
        document.records_changed.connect(self._on_records_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.document.office.read(queries.matrix_rows, self.scope)
        self.endResetModel()

    def set_scope(self, scope: queries.Scope) -> None:
        self.scope = scope
        self.reload()

    def _on_records_changed(self, register: str, _ids) -> None:
        if register == STAKEHOLDERS.name:
            self.reload()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.shown_headers.get(section, self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.HEADERS[section]  # whole where a narrow pane shortens the level's name
        return None

    def shorten_headers(self, shown: dict[int, str]) -> None:
        """Headers shortened with "…" to their columns' width (a centred word too wide is cut at both ends)."""
        if shown != self.shown_headers:
            self.shown_headers = shown
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def record_id(self, row: int) -> int:
        return self.rows[row].id

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        level = col - FIRST_LEVEL
        is_level = 0 <= level < len(ENGAGEMENT_LEVELS)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.name
            if col == GAP_COLUMN:  # "?" where current or desired is not assessed yet: no gap to count, none made up
                return NOT_ASSESSED_MARK if r.gap is None else f"{r.gap:+d}" if r.gap else "0"
            return r.mark(level)
        if role == Qt.ItemDataRole.ToolTipRole:
            said = [f"{which} engagement {NOT_ASSESSED_YET.lower()}"
                    for which, at in (("current", r.current), ("desired", r.desired)) if at is None]
            return f"{r.code} {r.name}: {'; '.join(said) if said else gap_label(r.gap)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and is_level and r.mark(level):
            font = QFont()
            font.setPointSize(self.point_size + 2)
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._colour(r, level) if is_level else None
            if col == GAP_COLUMN and r.gap:
                colour = CURRENT_GAP
            return QBrush(QColor(colours().tint(colour))) if colour else None
        return None

    @staticmethod
    def _colour(r: MatrixRow, level: int) -> str | None:
        mark = r.mark(level)
        if mark == "C D":
            return ON_TARGET
        if mark == "C":
            return CURRENT_GAP if r.desired is not None else None
        if mark == "D":
            return DESIRED
        return PATH if r.in_gap(level) else None


class EngagementMatrix(QWidget):
    record_clicked = Signal(int)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.model = EngagementMatrixModel(document, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Engagement assessment matrix")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Read only, a row at a time: Tab goes on to the next control, arrows move within (as the import
        # dialog's tables). Tab moved from cell to cell, and Ctrl+Tab too, so the keyboard never got out.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.clicked.connect(lambda index: self.record_clicked.emit(self.model.record_id(index.row())))
        self._fitting = False
        self._fitted_again = False
        self.table.viewport().installEventFilter(self)  # the columns fitted again to the pane's width
        self.model.modelReset.connect(self._fit_columns)
        self.key = key = QLabel(self)
        self._set_point_size(FONT_PT)
        sizes_itself(self)  # cells and key at a size of their own, the rows' height made for it
        key.setWordWrap(True)
        self._write_key()
        theme().changed.connect(self._write_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(key)
        # Instead of a row of headers over nothing: what the matrix shows and where its rows come from.
        self.empty = empty_note(self)
        layout.addWidget(self.empty, 1)
        self.model.modelReset.connect(self._show_empty)
        self._show_empty()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        if self._fitting:  # the headers given whole to be measured may resize the view: not fitted again inside
            return
        self._fitting = True
        room = self.table.viewport().width()
        try:
            self._fit_columns_now()
        finally:
            self._fitting = False
        # The text tried large had rows too tall for the pane: a scroll bar took its width while the fit measured,
        # and went with the smaller text. Fitted once more to the width left (once: never back and forth).
        if self.table.viewport().width() != room and not self._fitted_again:
            self._fitted_again = True
            QTimer.singleShot(0, self, self._fit_columns)
        else:
            self._fitted_again = False

    def _set_point_size(self, points: int) -> None:
        """The cells', headers' and key's text at ``points``, the rows as tall as it needs."""
        font = self.table.font()
        font.setPointSize(points)
        for widget in (self.table, self.table.horizontalHeader(), self.key):
            widget.setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(int(points * 2.4))
        if points != self.model.point_size:
            self.model.point_size = points  # the marks' bold size follows
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1,
                                                                                  GAP_COLUMN))

    def _fit_columns_now(self) -> None:
        """The words as large as the pane lets every level's header stand whole beside the names: at 14 pt on
        1280×720 the pane beside the stakeholders' table cut every header ("Una…", "Sup…") — the matrix says
        nothing without them. The text steps down a point at a time to 10 pt until the names and the whole
        headers fit across; a projector's 1920 px keeps the 14 pt. Where even 10 pt leaves too little (presented
        at 150 % on 1280×720 the names had 90 pixels: "Raj …", "Store …", every row's stakeholder unknown) the
        names keep their own width, up to 45 % of the pane, and the levels share the rest, each at least as
        wide as its "C D"; a level's name cut in its header is whole in its tooltip (the levels read in their
        order, Unaware to Leading)."""
        header, table = self.table.horizontalHeader(), self.table
        room = table.viewport().width()
        if room <= 0:
            return
        levels = range(FIRST_LEVEL, GAP_COLUMN + 1)
        # each whole header measured as Qt sizes a header to its contents: the headers shown whole to be measured
        # (a shortened one measured short), the shortening below given again at once
        self.model.shorten_headers({})
        for points in range(FONT_PT, LEAST_FONT_PT - 1, -1):
            self._set_point_size(points)
            metrics = QFontMetrics(table.font())
            names = max((metrics.horizontalAdvance(r.name or "") for r in self.model.rows), default=0) + 16
            want = min(names, int(room * 0.45))
            natural = {col: max(header.sectionSizeFromContents(col).width(), table.sizeHintForColumn(col))
                       for col in levels}
            if want + sum(natural.values()) <= room:  # room for all: each level as wide as its header
                for col in levels:
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
                return
        words = QFontMetrics(header.font())
        least = {col: max(table.sizeHintForColumn(col), metrics.horizontalAdvance("C D") + 12) for col in levels}
        share = max(0, room - want - sum(least.values())) / len(least)
        shown = {}
        for col in levels:
            width = int(min(natural[col], least[col] + share))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
            full = self.model.HEADERS[col]
            if width < natural[col]:
                shown[col] = words.elidedText(full, Qt.TextElideMode.ElideRight, width - 12)
        self.model.shorten_headers(shown)

    def _show_empty(self) -> None:
        text = ""
        if not self.model.rowCount():
            text = ("<p style='font-size:large'><b>No stakeholders yet</b>" + (" for this project" if self.model.scope
                                                                                  else "") + ".</p>"
                    "<p>This matrix shows where each stakeholder's engagement is (<b>C</b>, current) and where the "
                    "program needs it (<b>D</b>, desired), from Unaware to Leading, and the distance between. Add "
                    "stakeholders in the table on the left (type in its ✱ line), with their current and desired "
                    "engagement, or import a stakeholder register with <b>File ▸ Import from Excel</b>.</p>")
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(not text)
        self.key.setVisible(not text)

    def _write_key(self, *_args) -> None:
        """The colour key, in the cells' own (theme-adapted) colours."""
        tint = colours().tint

        def swatch(colour: str, words: str) -> str:  # wrapped between swatches, never inside one ("on | target")
            return f'<span style="background:{tint(colour)}">&nbsp;{words.replace(" ", "&nbsp;")}&nbsp;</span>'

        self.key.setText(
            f'<b>C</b>&nbsp;current &nbsp; <b>D</b>&nbsp;desired &nbsp; <b>{NOT_ASSESSED_MARK}</b>&nbsp;not&nbsp;assessed&nbsp;yet'
            ' &nbsp;&nbsp; '
            f'{swatch(CURRENT_GAP, "where they are, short of target")} {swatch(PATH, "still to travel")} '
            f'{swatch(DESIRED, "where needed")} {swatch(ON_TARGET, "on target")}')

    def set_scope(self, scope: queries.Scope) -> None:
        self.model.set_scope(scope)
