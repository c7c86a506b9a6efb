"""A register as a Qt table model: plain row tuples from one query, refreshed record by record."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Mapping
from datetime import date
from decimal import Decimal
from itertools import islice
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from sqlalchemy.exc import SQLAlchemyError

from ...models import errors, records
from ...models.colours import ink_on
from ...models.fields import Field, Kind, Register, a_noun, count_of
from ...models.record_names import code_and_name, code_and_name_of
from ...models.values import DECIMAL_COMMA, DECIMAL_POINT, decimal_mark, parse_number, plain_number_text, shown_order
from ...models.windows import display_text
from ..document import Document
from ..theme import colours
from .commands import LONG_EDIT, CellEdits, EditCellsCommand
from .stamped_dates import stamp_dates
from .tips import column_tip, wrapped_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OFFSET = 2  # row tuples are (id, version, *values)
FLASH_MS = 4000          # how long a record someone else changed stays highlighted
FLASH_COLOUR = "#fff59d"
# An edit of at most this many records keeps their rows as shown, so that one someone else deletes before it is
# saved can be added back with it (``EditCellsCommand.shown_rows``); a paste over thousands keeps none.
OFFERED_BACK = 20
# A choice that stamps a date (``Field.stamped_when``) over more rows than this at once — a fill of a whole register —
# stamps none: the register's rule then asks for the dates, as an import's rows are asked (their rows read for it).
STAMPED_AT_MOST = 1000


format_value = display_text  # how a cell shows a value (models/windows.py: SQL filters name values the same way)


class _RowByName(Mapping[str, Any]):
    """A row tuple read by field name, for a colour rule that looks at another cell of the row."""

    __slots__ = ("_columns", "_row")

    def __init__(self, columns: dict[str, int], row: tuple) -> None:
        self._columns, self._row = columns, row

    def __getitem__(self, name: str) -> Any:
        return self._row[self._columns[name]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def typed_value(f: Field, value: Any) -> Any:
    """Text typed or pasted into a date column, read in the user's locale order (31/03 or 03/31); a number
    either decimal mark reads as a different number ("2.500", "1,234"), read with the locale's decimal mark, as
    dates follow its order — in Germany "2.500" typed or pasted from its Excel is two thousand five hundred, and
    was stored as 2.5; other values as they are, for the register's own parsing."""
    if f.kind is Kind.DATE and isinstance(value, str):
        from .date_entry import parse_typed_date

        return parse_typed_date(value, f.label, f.when)
    if f.kind.numeric and isinstance(value, str) and decimal_mark(value) == "":
        return parse_number(value, f.label, locale_decimal_mark())
    return value


def locale_decimal_mark() -> str:
    """DECIMAL_COMMA or DECIMAL_POINT, as the user's locale (QLocale) writes a number's decimals."""
    return DECIMAL_COMMA if QLocale().decimalPoint() == "," else DECIMAL_POINT


def number_as_typed(f: Field, value: Any) -> str | None:
    """A number cell's value as the user would type it — every digit it keeps, no thousands separators, the
    locale's decimal mark — for its editor and the clipboard, so what is read back is the very same number
    (a German 1.234 goes out as "1,234"; as shown, "1.23", it came back as 1.23, or as 1234 once typed numbers
    follow the locale); None for any other cell."""
    if not f.kind.numeric or not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    text = plain_number_text(value)
    return text.replace(".", ",") if locale_decimal_mark() == DECIMAL_COMMA else text


def _readable_text_on(colour: QColor) -> QColor:
    return QColor(ink_on(colour.name()))


# The roles ``RegisterTableModel.cell`` answers, named once (each lookup of ``Qt.ItemDataRole.X`` goes
# through Python's enum machinery), and the right alignment's int made once (its OR of two flags and
# ``int()`` took 2 µs, made again for every number cell at every paint).
DISPLAY, EDIT, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
BACKGROUND, FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
FONT = Qt.ItemDataRole.FontRole
# A kept cell's tip (``RegisterTableModel._kept_cell``): while the server is away, and while a full disk or a busy
# file holds the change (saved by Edit ▸ Retry Unsaved Changes).
KEPT_TIP = "Not saved yet — kept until the server is back"
KEPT_TIP_RETRY = "Not saved yet — kept until it can be saved (Edit ▸ Retry Unsaved Changes)"
NOT_KEPT = object()  # a role a kept cell answers as any cell does
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
HORIZONTAL = Qt.Orientation.Horizontal
SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EDITABLE = SELECTABLE | Qt.ItemFlag.ItemIsEditable

_brushes: dict[tuple[str, str, bool], QBrush] = {}


def _brush(colour: str, background: bool) -> QBrush:
    """A cell's fill (``background``) or text brush for a colour rule's colour, under the theme in use: a
    pale fill made for a white page is the theme's own shade of it, the text black or white to read on
    it. Made once per colour and theme (a screen of coloured cells made each of them at every paint)."""
    scheme = colours()
    key = (colour, scheme.name, background)
    brush = _brushes.get(key)
    if brush is None:
        c = QColor(colour)
        if c.lightnessF() > 0.85:  # a pale fill made for a white page: the theme's own shade of it
            c = QColor(scheme.tint(colour))
        brush = _brushes[key] = QBrush(c if background else _readable_text_on(c))
    return brush


def rows_reader(register: Register, ctx: Any, parent_id: int | None) -> Callable[[Any, list[int] | None], list[tuple]]:
    """A plain function (session, ids) -> the table's rows of those records (all with None), for the
    office's read on this thread or a worker's; none for a child register shown without its parent."""

    def read(session: Any, ids: list[int] | None = None) -> list[tuple]:
        if register.parent and parent_id is None:
            return []
        return records.fetch_rows(session, register, ctx, ids=ids, parent_id=parent_id)

    return read


def stored_rows(session: Any, register: Register, ctx: Any, parent_id: int | None, ids: list[int] | None,
                only: Collection[str] | None = None) -> list[tuple]:
    """The table's rows (``(id, version, *values)``) of those records (all with None) with the stored values
    only, each at its field's place, a None at each worked-out one (score, rating, next review): what an edit
    of many cells needs of them (its old values, the versions), without working out 100,000 ratings. ``only``:
    the fields an edit looks at (those it edits), the only ones read — a None at every other's place
    (``records.fetch_rows``). More than 20,000 ids: every row read, those wanted kept (a long IN list costs more)."""
    if register.parent and parent_id is None:
        return []
    many = ids is not None and len(ids) > 20_000
    rows = records.fetch_rows(session, register, ctx, ids=None if many else ids, parent_id=parent_id,
                              with_computed=False, only=only)
    if many and ids is not None:
        wanted = set(ids)
        rows = [row for row in rows if row[0] in wanted]
    stored = [f.kind.stored and (only is None or f.name in only) for f in register.fields]
    if all(stored):
        return rows
    picks = [i for i, keep in enumerate(stored) if keep]
    width = len(stored)

    def widen(row: tuple) -> tuple:
        full: list[Any] = [None] * width
        for i, value in zip(picks, row[OFFSET:]):
            full[i] = value
        return (row[0], row[1], *full)

    return [widen(row) for row in rows]


# Rows going out of or coming into the table in one change from which they are taken in one relayout, not a
# signal each: each such signal makes the proxy and view rework every row (quadratic for thousands).
MANY_ROWS_IN_OR_OUT = 100



class LazyCells:
    """(row, column, value) cells listed when an edit is worked out rather than when it is asked for: a fill of a
    whole column of a million rows lists them on a worker (``WindowedRegisterModel.edits_of``), their count known
    beforehand from the selection's blocks. Listed anew at each iteration."""

    def __init__(self, count: int, make: Callable[[], Iterator[tuple[int, int, Any]]]) -> None:
        self.count, self._make = count, make

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[int, int, Any]]:
        return self._make()


# (edits, the versions they expect, the problems found): an edit of many cells worked out (``edits_of``)
EditsWorkedOut = tuple[CellEdits, dict[int, int], list[str]]


def edits_of(fields: list[Field], cells, rows: dict[int, tuple] | Callable[[list[int], set[str]], dict[int, tuple]],
             ctx: Any,
             cancelled: Callable[[], bool] | None = None,
             progress: Callable[[int, int], None] | None = None) -> EditsWorkedOut | None:
    """The edits of (row, column, value) cells over their rows (``(id, version, *values)`` by row): each value parsed
    by its column — a cell already holding it left out — and the versions its records are expected at; values
    refused are listed as problems, row by row. No Qt: a windowed table runs it on a worker for many cells.
    Each distinct value of a column is parsed once — a fill writes one text into each cell of a column (a million
    parses of it took seconds) and a paste repeats its values; parsing depends on the text and the column alone.
    ``rows`` may be a function reading the rows of the row numbers it is given, of which only the values of the
    fields named need be read (those the step's cells edit): the cells are then taken
    ``_EDITS_STEP`` at a time and their rows read for them — a million rows of 26 values read at once, and a million
    cells listed, held a gigabyte while a whole column's fill was worked out.
    None when ``cancelled()`` turns true (looked at, and ``progress`` told, every ``_EDITS_STEP`` cells)."""
    edits = CellEdits()  # kept compactly: the undo of a fill of a million cells holds them
    versions: dict[int, int] = {}
    problems: list[str] = []
    parsed_as: dict[tuple[int, type, Any], Any] = {}  # (column, class, value) → the value parsed, or its refusal
    total = len(cells)
    listed = iter(cells)
    n = 0
    while step := list(islice(listed, _EDITS_STEP)):
        if n:
            if cancelled is not None and cancelled():
                return None
            if progress is not None:
                progress(n, total)
        n += len(step)
        rows_here = (rows(sorted({r for r, _c, _v in step}), {fields[c].name for _r, c, _v in step})
                     if callable(rows) else rows)
        for r, c, value in step:
            edit_of_cell(fields[c], r, c, value, rows_here, ctx, parsed_as, edits, versions, problems, total > 1)
    return edits, versions, problems


def edit_of_cell(f: Field, r: int, c: int, value: Any, rows: dict[int, tuple], ctx: Any,
                 parsed_as: dict[tuple[int, type, Any], Any], edits: CellEdits, versions: dict[int, int],
                 problems: list[str], numbered: bool) -> None:
    """One cell's part of ``edits_of``: its edit added to ``edits``, or its refusal to ``problems``."""
    if not f.editable:
        return
    key = (c, value.__class__, value)  # by class too: 1 and True are equal keys
    try:
        parsed = parsed_as.get(key, _UNPARSED)
    except TypeError:  # a value that cannot be a key (none typed or pasted is)
        parsed = _UNPARSED
    if parsed is _UNPARSED:
        try:
            parsed = f.parse(typed_value(f, value), ctx)
            if f.kind.is_links:
                parsed = "; ".join(sorted(parsed))
        except errors.ValidationError as e:
            parsed = e
        if isinstance(parsed, _SHARED_SAFELY):  # one value in many edits: never one that can be changed in place
            try:
                parsed_as[key] = parsed
            except TypeError:
                pass
    if isinstance(parsed, errors.ValidationError):
        problems.append(f"Row {r + 1}: {parsed}" if numbered else str(parsed))
        return
    row = rows[r]
    old = row[c + OFFSET]
    if parsed == old or (parsed in ("", None) and old in ("", None)):
        return
    edits.add(row[0], f.name, old, parsed)
    versions[row[0]] = row[1]


_EDITS_STEP = 20_000
_UNPARSED = object()
_SHARED_SAFELY = (str, int, float, Decimal, date, tuple, type(None), errors.ValidationError)


class RegisterTableModel(QAbstractTableModel):
    """Rows of one register (or of one parent's sub-table, e.g. a risk's actions)."""

    edit_refused = Signal(str)
    # These records are about to be read again (an edit, an undo, someone else's save): a filter keeps
    # those it shows in view (``RegisterFilterProxy``), as Excel keeps an edited row until reapplied.
    records_refreshing = Signal(object)

    def __init__(self, document: Document, register: Register, parent_id: int | None = None, parent=None):
        super().__init__(parent)
        self.document = document
        self.register = register
        self.fields = register.fields
        self.parent_id = parent_id
        self.rows: list[tuple] = []
        self._position: dict[int, int] = {}
        self._search_cache: dict[int, str] = {}
        # A column whose values read as all its records decide (``Field.column_reading``): the reading, worked out
        # once until the rows change.
        self._readings: dict[int, Callable[[Mapping[str, Any], Any], str]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.colour_rules = self._default_colour_rules()
        self._flash: set[int] = set()  # records someone else just changed, shown highlighted
        self._by_others: set[int] = set()  # the records the last check for others' changes found (``_say_gone``)
        self.today = date.today  # what "the future" is measured from (a page may pass its own clock)
        document.records_changed.connect(self._on_records_changed)
        document.outside_changes.connect(self._on_outside_changes)
        # Cells typed and kept, not saved yet (the server away): shown as typed, marked (``_kept_cell``).
        self._kept: dict[tuple[int, str], Any] = {}
        document.pending_changed.connect(self._on_kept_changed)
        document.watch(self)
        if register.parent is None or parent_id is not None:
            self.reload()

    # ------------------------------------------------------------------ loading and refreshing
    def set_parent_id(self, parent_id: int | None) -> None:
        self.parent_id = parent_id
        self.reload()

    def _fetch(self, ids=None) -> list[tuple]:
        return self.document.office.read(rows_reader(self.register, self.document.context, self.parent_id), ids)

    def _fetch_long(self, ids) -> list[tuple]:
        """Many records' rows read again on a worker after a long edit (Replace All, its undo): 45,000 risks'
        rows, their ratings and review dates worked out, took 1.5–4 s with the window frozen once the edit's
        own progress dialog had closed. A dialog shows if it takes 0.4 s; it cannot be cancelled (the table
        would show what is no longer stored)."""
        from PySide6.QtWidgets import QApplication

        from ..background import run_with_progress

        rows: list[tuple] = run_with_progress(
            QApplication.activeWindow(), f"Showing {count_of(len(ids), self.register.noun)} as saved…",
            lambda progress, cancelled: self._fetch(ids=list(ids)), cancellable=False)
        return rows

    def reload(self) -> None:
        # Read before the reset begins: a read the server refused (gone away as the user moved to the next risk,
        # whose actions this table shows) left a reset begun and never ended, the view over rows it no longer had.
        rows = self._fetch()
        self.beginResetModel()
        self.rows = rows
        self._search_cache.clear()
        self._readings.clear()
        self._reindex()
        if self._sort:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def _reindex(self) -> None:
        self._position = {row[0]: i for i, row in enumerate(self.rows)}

    def _on_records_changed(self, register: str, ids) -> None:
        if register != self.register.name:
            return
        if ids is None:
            self._relayout(self._refetch_all)
        else:
            self.refresh_records(ids)

    def _on_kept_changed(self, _count: int) -> None:
        """The kept changes moved (one kept, saved, met a conflict or given up): the cells they type show as typed,
        marked, while kept, and as stored once not — the rows of both repainted."""
        kept = self.document.kept_cells(self.register.name)
        touched = {rid for rid, _f in self._kept.keys() | kept.keys()}
        self._kept = kept
        for row in sorted(r for rid in touched if (r := self.row_of(rid)) is not None):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.fields) - 1))

    def _kept_cell(self, row: tuple, c: int, role, value: Any) -> Any:
        """What a cell typed and kept unsaved answers: its typed value in place of the stored one, in italics and
        the theme's accent, with a tip saying it is not saved yet. The user saw the typed value vanish into the
        stored one while only the window's bar said it was kept, and typed it again."""
        f = self.fields[c]
        if role == DISPLAY:
            if f.reads_as is not None or f.column_reading is not None:
                return self.shown_items(row[:c + OFFSET] + (value,) + row[c + OFFSET + 1:], c)[0]
            return format_value(f, value) or f.unset
        if role == EDIT:
            return value
        if role == FONT:
            font = QFont()
            font.setItalic(True)
            return font
        if role == FOREGROUND:
            return QBrush(QColor(colours().accent))
        if role == TOOLTIP:
            return KEPT_TIP if self.document.server_away is not None else KEPT_TIP_RETRY
        return NOT_KEPT

    def _on_outside_changes(self, register: str, ids) -> None:
        if register != self.register.name:
            return
        self._by_others = set(ids)  # the refresh that follows names those of them that are gone (``_say_gone``)
        self._flash |= set(ids)
        QTimer.singleShot(FLASH_MS, self, lambda ids=set(ids): self._unflash(ids))  # cancelled with the model

    def _unflash(self, ids: set[int]) -> None:
        self._flash -= ids
        for rid in ids:
            pos = self.row_of(rid)
            if pos is not None:
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(self.fields) - 1))

    def is_flashing(self, record_id: int) -> bool:
        return record_id in self._flash

    def _refetch_all(self) -> None:
        rows = self._fetch()
        if self._by_others:  # a record others deleted, refreshed for another register's sake: named all the same
            self._say_gone(set(self._position) - {row[0] for row in rows})
        self.rows = rows
        self._search_cache.clear()
        self._readings.clear()
        self._reindex()
        if self._sort:
            self._sort_rows(*self._sort)

    def _relayout(self, change) -> None:
        """Reorder or refetch rows while keeping selections and the current cell on their records."""
        self.layoutAboutToBeChanged.emit()
        old_ids = [row[0] for row in self.rows]
        change()
        from_list, to_list = [], []
        for idx in self.persistentIndexList():
            new_row = self._position.get(old_ids[idx.row()]) if idx.row() < len(old_ids) else None
            from_list.append(idx)
            to_list.append(self.index(new_row, idx.column()) if new_row is not None else QModelIndex())
        self.changePersistentIndexList(from_list, to_list)
        self.layoutChanged.emit()

    def refresh_records(self, ids) -> None:
        """Refetch only these records: update, insert or remove their rows."""
        self.records_refreshing.emit(ids)
        rows = self._fetch(ids=list(ids)) if len(ids) < LONG_EDIT else self._fetch_long(ids)
        fresh = {row[0]: row for row in rows}
        # Rows changed in place first, announced once over the span they cover: a signal a row made the
        # table, its proxy and the view's count and hint answer 45,000 times after a Replace All (5–8 s with
        # the window frozen). Changing a row moves none, so the inserts and removals below find theirs still.
        changed = [pos for rid in ids if rid in fresh and (pos := self._position.get(rid)) is not None]
        for pos in changed:
            self.rows[pos] = fresh[self.rows[pos][0]]
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.fields) - 1))
        for rid in ids:
            self._search_cache.pop(rid, None)
        self._reread_columns()
        gone = {rid for rid in ids if rid not in fresh and rid in self._position}
        coming = [fresh[rid] for rid in ids if rid in fresh and rid not in self._position]
        self._say_gone(gone)
        if len(gone) + len(coming) >= MANY_ROWS_IN_OR_OUT:
            self._relayout(lambda: self._take_in_and_out(gone, coming))
            return
        for rid in gone:
            pos = self._position[rid]
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self.rows[pos]
            self.endRemoveRows()
            self._reindex()
        for row in coming:
            n = self._place_for(row)
            self.beginInsertRows(QModelIndex(), n, n)
            self.rows.insert(n, row)
            if n == len(self.rows) - 1:
                self._position[row[0]] = n
            else:
                self._reindex()
            self.endInsertRows()

    def _say_gone(self, gone: set[int]) -> None:
        """Records others deleted, named for the window's word on their changes (``Document.deleted_by_others``):
        it said "1 record changed by someone else (highlighted)" of a risk a colleague deleted — nothing was
        highlighted, the row the user was on had gone and the keyboard was on the row above, without a word."""
        by_others, self._by_others = self._by_others & gone, set()
        key, name = self.register.key_field, self.register.name_field
        for rid in sorted(by_others, key=self._position.__getitem__):
            record = self.record(self._position[rid])
            label = code_and_name(str(record.get(key.name) or "") if key else "",
                                  str(record.get(name.name) or "") if name else "")
            self.document.deleted_by_others[(self.register.name, rid)] = label or a_noun(self.register.noun)

    def _take_in_and_out(self, gone: set[int], coming: list[tuple]) -> None:
        """Many rows out and in at once (a delete of 10,000 rows, its undo), each coming row at its place in the
        current order as ``_place_for`` finds it: the rows shown one at a time took each a signal and a new
        index of every row — 10,000 of 45,000 risks deleted froze the window 3 minutes, their undo 4."""
        kept = [row for row in self.rows if row[0] not in gone] if gone else self.rows
        self.rows = kept
        self._reindex()
        if coming:
            coming = self._in_order(sorted(coming, key=lambda row: row[0]))
            merged: list[tuple] = []
            taken = 0
            for row in coming:
                place = max(self._place_for(row), taken)  # edited rows may sit out of order: never go back
                merged.extend(kept[taken:place])
                merged.append(row)
                taken = place
            merged.extend(kept[taken:])
            self.rows = merged
            self._reindex()

    def _place_for(self, row: tuple) -> int:
        """Where a record coming (back) into the table goes: its place in the current order — by the sort
        column, ties and blanks as ``_sort_rows`` orders them; unsorted, by id — so a record put back by
        undo or redo is where it was, not at the bottom. A new record (the highest id) of an unsorted
        table is the last row, as before, at no cost."""
        rows = self.rows
        if not rows:
            return 0
        if self._sort is None:
            if row[0] > rows[-1][0]:
                return len(rows)
            return bisect_left(rows, row[0], key=lambda r: r[0])
        return self._sorted_place(row, len(rows), rows.__getitem__)

    def _sorted_place(self, row: tuple, count: int, row_at: Callable[[int], tuple]) -> int:
        """The place of ``row`` among ``count`` rows in the current sort, ``row_at(i)`` the i-th: a binary
        search, so a windowed table reads a few rows (about 20 for a million), not all."""
        assert self._sort is not None
        column, order = self._sort
        col = column + OFFSET
        sort_key = self.fields[column].kind.sort_key
        descending = order == Qt.SortOrder.DescendingOrder

        def blank(value: Any) -> bool:
            return value is None or value == ""

        def before(other: tuple) -> bool:
            """Whether ``other`` comes before the new row in this order."""
            mine, theirs = row[col], other[col]
            if blank(mine) != blank(theirs):
                return blank(mine)  # blanks last either way
            a, b = sort_key(theirs), sort_key(mine)
            if a != b:
                return a > b if descending else a < b
            return other[0] < row[0]  # ties in id order (a stable sort of rows read in id order)

        lo, hi = 0, count
        while lo < hi:
            mid = (lo + hi) // 2
            if before(row_at(mid)):
                lo = mid + 1
            else:
                hi = mid
        return lo

    # ------------------------------------------------------------------ Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == HORIZONTAL:
            f = self.fields[section]
            if role == DISPLAY:
                return wrapped_label(f.label, f.width)
            if role == TOOLTIP:
                from .date_entry import locale_date_order

                return column_tip(f, self.document.context, locale_date_order())
        elif role == DISPLAY:
            return str(section + 1)
        return None

    def flags(self, index):
        # the flags made once (an OR of two Qt flags is a call into Python's enum module, at every cell painted)
        if index.isValid() and self.fields[index.column()].editable and not self.document.read_only:
            return EDITABLE
        return SELECTABLE

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, r: int, c: int, role) -> Any:
        """What ``data`` answers for the cell at row ``r``, column ``c`` (a windowed table's proxy asks
        here directly: ``WindowedProxy.data``). Painting a screen asks about seven roles of every cell
        shown, so the commonest come first, and a colour's brushes are made once (``_brush``)."""
        if self._kept:
            row = self._row(r)
            key = (row[0], self.fields[c].name)
            if key in self._kept:
                answer = self._kept_cell(row, c, role, self._kept[key])
                if answer is not NOT_KEPT:
                    return answer
        if role == DISPLAY:
            f = self.fields[c]
            if f.reads_as is not None or f.column_reading is not None:
                return self.shown_items(self._row(r), c)[0]
            return format_value(f, self._row(r)[c + OFFSET]) or f.unset  # "Not assessed yet" (Field.unset)
        if role == ALIGNMENT:
            f = self.fields[c]
            if f.kind.numeric:
                return RIGHT
            value = self._row(r)[c + OFFSET]
            return RIGHT if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        if role == BACKGROUND or role == FOREGROUND:
            f = self.fields[c]
            rule = self.colour_rules.get(f.name)
            row = self._row(r)
            colour = rule(row[c + OFFSET], row) if rule else None
            if colour is None and self._flash and row[0] in self._flash:
                colour = FLASH_COLOUR
            return _brush(colour, role == BACKGROUND) if colour else None
        if role == EDIT or role == SORT_ROLE:
            return self._row(r)[c + OFFSET]
        if role == RECORD_ID_ROLE:
            return self._row(r)[0]
        if role == TOOLTIP:
            f = self.fields[c]
            return f.cell_tip(self._row(r)[c + OFFSET], self.document.context)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.set_cells([(index.row(), index.column(), value)])

    # ------------------------------------------------------------------ editing through commands
    def set_cells(self, cells: list[tuple[int, int, Any]], text: str | None = None) -> bool:
        """Validate then apply (row, column, value) edits as one undoable step; all or nothing."""
        command = self.build_edit_command(cells, text)
        if command is None:
            return False
        if not command.edits:
            return True
        from .confirm import ask_then, edited_rows, warning_for

        message = warning_for(self.register, edited_rows(command.edits), self.today, self.document, self.parent_id)
        if message:  # written only if the user says so
            self.confirmation = ask_then(None, message, lambda: self.document.execute(command))
            return False
        done = self.document.execute(command)
        if done and command.said:  # after the "Saved" the step says
            self.document.note.emit(" ".join(command.said))
        return done

    def _stamp_dates(self, edits, typed_into: set[int]) -> list[str]:
        """Today's date for a date its row's choice says happened (``stamped_dates``), added to ``edits``."""
        # Rows read only for an edit of a choice that stamps a date: a decision's title typed reads none.
        if len(typed_into) > STAMPED_AT_MOST or not any(
                f.stamped_when is not None and f.stamped_when[0] in edits.fields for f in self.register.fields):
            return []
        rows = {row[0]: row for row in self.rows_at(list(typed_into)).values()}
        names = self.register.field_names

        def held(record_id: int, name: str):
            row = rows.get(record_id)
            return row[names.index(name) + OFFSET] if row is not None else "unknown"

        return stamp_dates(self.register.fields, edits, held, self.today())

    def build_edit_command(self, cells, text: str | None = None) -> EditCellsCommand | None:
        """The edit of these (row, column, value) cells as one command, or None when a value is refused (said)
        or the user cancelled the edit's preparation."""
        worked_out = self.edits_of(cells)
        if worked_out is None:
            return None
        edits, versions, problems = worked_out
        if problems:
            shown = problems[:12] + ([f"… and {len(problems) - 12} more"] if len(problems) > 12 else [])
            self.document.error.emit("Nothing was changed:\n" + "\n".join(shown))
            return None
        if text is None and len(edits) == 1:
            text = f"Edit {self.register.field(edits[0].field).label}{self._of_record(edits[0].record_id, cells)}"
        typed_into = {r for r, _c, _v in cells}
        stamped = self._stamp_dates(edits, typed_into)
        command = EditCellsCommand(self.document, self.register, edits, versions, text)
        command.said = stamped
        if len(typed_into) <= OFFERED_BACK:
            command.shown_rows = {self.record_id(r): self.record(r) for r in typed_into}
            command.parent_id = self.parent_id
        return command

    def edits_of(self, cells) -> EditsWorkedOut | None:
        """The cells' edits worked out here (``edits_of``); a windowed table of many cells does it on a worker."""
        return edits_of(self.fields, cells, self.rows_at([r for r, _c, _v in cells]), self.document.context)

    def _of_record(self, record_id: int, cells) -> str:
        """" of R-001 “Crane delivery slips”": which record a cell's edit was made in, for the undo step's name —
        undone from another page, the status bar said "Undone: Edit Relationship owner" and nothing on screen
        changed or said whose."""
        row = next((self._row(r) for r, _c, _v in cells if self.record_id(r) == record_id), None)
        if row is None:
            return ""

        def shown(f) -> str:
            return str(row[self.register.field_names.index(f.name) + OFFSET] or "") if f is not None else ""

        code, name = shown(self.register.key_field), shown(self.register.name_field)
        if code or name:
            return " of " + code_and_name(code, name)
        if self.register.parent_register and self.parent_id is not None:
            # a record with no code or name of its own (a benefit's measurement): "Undone: Edit Note" named none —
            # said by its first column (its day) and the record it belongs to
            first = self.register.fields[0]
            day = first.shown(row[self.register.field_names.index(first.name) + OFFSET])
            try:
                owner = self.document.office.read(code_and_name_of, self.register.parent_register, self.parent_id)
            except (errors.StoreError, SQLAlchemyError):
                owner = ""  # the server away, the file busy: the step's name is no reason to refuse the edit
            return " ".join(filter(None, (f" of the {self.register.noun}", f"of {day}" if day else "",
                                          f"in {owner}" if owner else "")))
        return ""

    # ------------------------------------------------------------------ helpers for views
    def rows_at(self, rows: list[int]) -> dict[int, tuple]:
        """The row tuples at these rows (an edit of many cells reads their old values and versions)."""
        return {r: self._row(r) for r in set(rows)}

    def _row(self, row: int) -> tuple:
        """The row tuple ``(id, version, *values)`` shown at ``row``."""
        return self.rows[row]

    def total_rows(self) -> int:
        """Every record of the register (or sub-table), filtered or not."""
        return len(self.rows)

    def _reread_columns(self) -> None:
        """Records changed: a column that reads as all its records decide reads again, every row of it repainted —
        a baseline typed as 62.5 gives every benefit's "Planned today" a decimal."""
        if not self._readings:
            return
        columns = sorted(self._readings)
        self._readings.clear()
        if self.rows:
            for c in columns:
                self.dataChanged.emit(self.index(0, c), self.index(len(self.rows) - 1, c))

    def reading_of(self, field_name: str) -> Callable[[Mapping[str, Any], Any], str]:
        """How a value of this column reads as its column decides (``Field.column_reading``), for a panel that says
        a figure of the column's kind beside the table: a benefit's profile its plan's figures."""
        return self._column_reading(self.column_of(field_name))

    def _column_reading(self, column: int) -> Callable[[Mapping[str, Any], Any], str]:
        reading = self._readings.get(column)
        if reading is None:
            decide = self.fields[column].column_reading
            assert decide is not None
            names = {name: n + OFFSET for n, name in enumerate(self.register.field_names)}
            reading = self._readings[column] = decide([_RowByName(names, row) for row in self.rows])
        return reading

    def shown_items(self, row: tuple, column: int) -> list[str]:
        """The values a cell of ``row`` (one of ``rows``) shows, as its value filter lists them: a list cell's
        each, a value read as its record says (``Field.reads_as``: a benefit's money whole) or as its column
        decides (``Field.column_reading``: a benefit's "Planned today" to the decimals typed beside it) as it
        reads."""
        f = self.fields[column]
        value = row[column + OFFSET]
        if f.column_reading is not None and value is not None:
            return [self._column_reading(column)(dict(zip(self.register.field_names, row[OFFSET:])), value)]
        if f.reads_as is not None and value is not None:
            return [f.reads_as(dict(zip(self.register.field_names, row[OFFSET:])), value)]
        return f.kind.items(value)

    def distinct_values(self, column: int, limit: int) -> list[str]:
        """The column's values as the cells show them (list cells item by item), for its value filter."""
        values: set[str] = set()
        for row in self.rows:
            values.update(self.shown_items(row, column))
            if len(values) > limit:
                break
        return sorted(values, key=shown_order)  # dates in date order, as the cells show them

    def outside_probe(self):
        """For the timer's check (``Document.poll_outside_changes``): a plain function of a session, run
        on a worker thread, whose answer ``apply_outside`` takes on the GUI thread. Here: the register's
        signature beside that of the rows shown."""
        from ...models.changes import rows_signature, signature

        shown, register, parent_id = rows_signature(self.rows), self.register, self.parent_id
        return lambda session: signature(session, register, parent_id) != shown

    def apply_outside(self, moved: Any) -> set[int]:
        """The records others changed, from the probe's answer: none without a query when the signature
        did not move; else (a table of fewer than 50,000 rows) every version compared, as before."""
        return set(self.document.office.read(self.outside_changed_ids)) if moved else set()

    def outside_changed_ids(self, session) -> set[int]:
        """Records added, edited or deleted by anyone since these rows were read."""
        from ...models.changes import changed_ids, rows_signature, signature

        if signature(session, self.register, self.parent_id) == rows_signature(self.rows):
            return set()  # nothing added, edited or deleted: no need to read every version
        return changed_ids(session, self.register, self.rows, self.parent_id)

    def record_id(self, row: int) -> int:
        return self.rows[row][0]

    def row_of(self, record_id: int) -> int | None:
        return self._position.get(record_id)

    def column_of(self, field_name: str) -> int:
        return self.register.field_names.index(field_name)

    def record(self, row: int) -> dict[str, Any]:
        values = self._row(row)
        return {"id": values[0], "version": values[1], **dict(zip(self.register.field_names, values[OFFSET:]))}

    def search_text(self, row: int) -> str:
        rid = self.rows[row][0]
        text = self._search_cache.get(rid)
        if text is None:
            text = "\u0001".join(f.search_text(v) for f, v in zip(self.fields, self.rows[row][OFFSET:])).lower()
            self._search_cache[rid] = text
        return text

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves (fast for 100,000 rows); the proxy keeps this order."""
        if column < 0:  # no sort column: back to the order records were entered in
            if self._sort is None:
                return
            self._sort = None
            self._relayout(self._unsort_rows)
            return
        self._sort = (column, order)
        self._relayout(lambda: self._sort_rows(column, order))

    def _unsort_rows(self) -> None:
        self.rows.sort(key=lambda r: r[0])
        self._reindex()

    def _sort_rows(self, column: int, order) -> None:
        self.rows = self._in_order(self.rows, (column, order))
        self._reindex()

    def _in_order(self, rows: list[tuple], sort: tuple[int, Any] | None = None) -> list[tuple]:
        """``rows`` (in id order) in the table's sort, or ``sort``'s: by the column's sort key, a stable sort, so
        ties stay in id order, and blanks last either way, as in Excel; unsorted, as they are."""
        sort = sort or self._sort
        if sort is None:
            return rows
        column, order = sort
        col = column + OFFSET
        sort_key = self.fields[column].kind.sort_key
        rows.sort(key=lambda row: sort_key(row[col]), reverse=(order == Qt.SortOrder.DescendingOrder))
        if order == Qt.SortOrder.DescendingOrder:  # keep blanks last either way
            blanks = [r for r in rows if r[col] is None or r[col] == ""]
            if blanks:
                rows = [r for r in rows if not (r[col] is None or r[col] == "")] + blanks
        return rows

    def _default_colour_rules(self) -> dict:
        """The colours the register declares (models/colours.py), read with the current file's settings;
        a page may add its own (the communication plan's next due dates). A rule is called with the cell's value
        and its row tuple; a declared rule reads the row by field name (a risk's rating by its Threat /
        opportunity), through ``_RowByName`` — no dict built for each cell painted."""
        rules = {}
        columns = {name: n + OFFSET for n, name in enumerate(self.register.field_names)}
        for f in self.fields:
            if f.colours is not None:
                rules[f.name] = lambda v, row, declared=f.colours: declared.colour_for(
                    v, self.document.context, _RowByName(columns, row))
        return rules
