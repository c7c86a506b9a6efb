"""A large register as a windowed table model: ordered ids in memory, rows read a page at a time.

**Which model a table gets.** A register of fewer than ``WINDOWED_FROM`` records (and every
sub-table) keeps ``RegisterTableModel``: every row in memory behind ``RegisterFilterProxy``, simple,
instant to sort and filter at that size, and what most of the views and tests grew up with. From
``WINDOWED_FROM`` records up, ``make_models`` gives a ``WindowedRegisterModel`` behind a
``WindowedProxy`` instead: the model keeps only the ordered ids of the records shown (an
``array('q')``, 8 bytes a row) from one query that sorts and filters in the database
(``models/windows.py``), and reads rows by id in pages of ``PAGE`` rows when the view first asks
for one of their cells (``data()`` never runs a query per cell); the last ``CACHE_PAGES`` pages are
kept (least recently used goes first). The one count query that chooses costs a millisecond.

The proxy is an identity: sorting, the search box, column value filters, the record filter chip and
the Risks page's quick filters are passed to the model, which asks the database for a new id list.
Differences from the in-memory table, all deliberate:

- a change of filter or search resets the view, so the selection is cleared (the in-memory proxy
  keeps the selected rows that still pass) — except a column filter every record passes, set or
  removed, which leaves the ids as they are (``_filter_keeps_ids``); a sort keeps the selection and
  the current cell on their records, as before; the search runs when typing pauses (``SEARCH_PAUSE_MS``), not at every key;
- our own edit that races another user's save may hide theirs from the outside-changes check until
  the next change (the aggregate signature is taken after our refresh);
- an edited record that no longer matches the filter stays shown, marked ✎ as in the in-memory table
  (``unmatched``: which of the records just edited the filters still pass is asked of the database for
  those ids alone, ``windows.passing``), until the next filter change or Reapply — or until someone
  else's change reorders the ids (``_install_reloaded``); a sort keeps it, at its sorted place;
- a record that comes (back) into the table — undo of a delete, redo of an add, a new one — goes to its
  place in the sort (``_place_for``: a binary search reading about 20 rows for a million), or by id
  when unsorted, as in the in-memory table;
- search matches numbers and dates as the database writes them (1234.5, 2026-03-31) and folds the
  case of ASCII letters only on SQLite;
- the outside-changes check compares the register's aggregate signature; when it moved the id list
  is read again and the records changed on the pages in memory (those the user sees) flash;
- a search or a column filter of a register of ``LIST_FIRST_FROM`` records or more shows its first
  ``FIRST_ROWS`` rows at once (``windows.first_ids``: the same query with a LIMIT) and lists the rest
  on a worker (``_list_rest``); meanwhile the table has those rows only and the count reads "2,000+
  of …", then the rows found after them are inserted below (``rowsInserted``: the view stays where it
  is, the scroll bar grows) and the count is exact. A newer search, filter or sort makes the listing
  moot: its query is stopped where it is (``windows.Stop``) and its answer dropped; what needs every
  id — finding a record's row, our own edit, the outside-changes check — waits for it first
  (``_finish_listing``);
- a window the table showed before (a sort, a filter, a search, a filter taken off) is shown again from its
  ids kept, not listed again, while the register's signature and the day stay the same (``_keep``:
  ``KEEP_IDS_AT_MOST`` ids, the least recently shown dropped first); and a column filter of a sorted table
  whose sort a kept window shows is that window's ids less those failing the filter, whole at once
  (``_narrowed_from``), not its first rows then the rest. The rows read for the pages painted are kept by id
  as long (``_kept_rows``, as many as the pages in memory hold): a window shown again paints without reading.
"""

from __future__ import annotations

import logging
import sys
import threading
from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import replace
from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QIdentityProxyModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ...models import errors, search_index, sort_index, windows
from ...models.fields import Register
from ...models.values import shown_order
from ...models.windows import BLANK, Window
from ..document import Document
from .proxy import RegisterFilterProxy, UnmatchedMarks
from .table_model import OFFSET, EditsWorkedOut, RegisterTableModel, edits_of, format_value, rows_reader, stored_rows

log = logging.getLogger(__name__)

WINDOWED_FROM = 50_000  # records; below this a table holds its rows in memory (RegisterTableModel)
# Rows read a page at a time: a screen shows 25–45 of them, and a sort's or a filter's first paint reads the
# page (or two) in view — 64 rows, 2–3 ms of CPU among 100,000 risks, where 200 were 5–6 ms of each first
# sort and filter; the last 75 pages (4,800 rows, as 24 of 200 before) are kept.
PAGE = 64
CACHE_PAGES = 75
SEARCH_PAUSE_MS = 300  # the search runs when typing pauses this long
LIST_FIRST_FROM = 50_000  # records; from here a search or filter shows its first rows, then lists the rest
# The rows read first, before the rest are listed on a worker: on SQLite 2,000 — among 1,000,000 risks as
# quick to read as 200 when most rows match ("e" 31 ms of CPU either way, "critical" 9–10 ms), and a search
# of a few hundred to 2,000 rows ("supplier 996", 1,003) is then all read in that one query (0.11 s), where
# 200 first and the same query again for every id took twice as long; the scroll bar has 2,000 rows
# meanwhile. PostgreSQL walks the primary key for them under a timeout (``windows.first_ids``): 200 there.
FIRST_ROWS = 2000
FIRST_ROWS_SERVER = 200
# An edit of this many cells or more (a fill of a whole column, a clear, Ctrl+Enter) is worked out on a worker behind a
# progress dialog (``edits_of``): its cells listed, the rows it changes read (their old values and versions: 100,000
# risks' rows about 1.3 s), each value parsed and compared — all of which held the window before the edit's own
# progress dialog showed.
READ_ON_WORKER_FROM = 5_000
# From this many records a sort's, a filter's or a search's query of every row runs on a worker
# (``_reorder_on_worker``): among 1,000,000 risks a sort by title held the GUI thread 0.5–0.6 s of CPU, a status
# filter 0.17 s, and more on a loaded machine. The table shows the rows before until the new ids are in place.
QUERY_ON_WORKER_FROM = 50_000
WIDEN_AT_MOST = 20_000  # records changed at once whose dates widen the dates' bounds kept (``_follow_bounds``)
# The GUI thread waits for a worker (an index being built, the dates' bounds being read) this long at most,
# then goes on without it (the worker goes on too). A worker is not always in our hands: on PostgreSQL a
# concurrent index build waits for every transaction of the database begun before it to end — another
# window's export, a client left idle in a transaction — and a sort that joined it froze the window until
# then, for ever for one left open. As long as SQLite's busy timeout: a build of a million risks' index
# takes 2-3 s of CPU (4 s for PostgreSQL's references), so in the ordinary case it is still waited for.
WAIT_FOR_WORKER_S = 5.0
# Ids of the windows last read, kept while the register and the day stay the same (``_kept_windows``), so
# that a sort, a filter or a filter taken off that the table showed before lists nothing: 3,000,000 ids
# (24 MiB) — every window a user goes back to among 100,000 risks, the last three among a million.
KEEP_IDS_AT_MOST = 3_000_000


_numpy_worker: threading.Thread | None = None
# After a large table's first rows are painted, numpy's import starts on a worker this much later: once the
# table shown has settled (the rest of its opening, the page around it) and before a user's first sort.
NUMPY_AFTER_MS = 250


def wait_for(done: threading.Event) -> None:
    """The GUI thread waiting for a worker's answer it needs now (every id in order), the busy cursor shown."""
    if done.is_set():
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        done.wait()
    finally:
        QApplication.restoreOverrideCursor()


def import_numpy_ahead() -> threading.Thread | None:
    """numpy imported on a worker thread, once a process, when a large table has painted its first rows:
    a windowed table's first sort, filter or search uses it (keys sorted, ids kept in order, rows found),
    and importing it then added 70–110 ms of CPU to that first action (pyqtgraph imports it too, but only
    a page with a chart). Not while the table is first painted: the import holds the interpreter lock for
    most of its time (started ``NUMPY_AFTER_MS`` after that paint; a sort sooner imports it itself, as
    before). The thread, or None when numpy is in already; ``numpy_ahead`` gives it."""
    global _numpy_worker
    if "numpy" in sys.modules or _numpy_worker is not None:
        return None

    def work() -> None:
        try:
            import numpy  # noqa: F401 — only imported
        except ImportError:  # not installed (it is the charts' dependency): the first sort says so
            pass

    _numpy_worker = threading.Thread(target=work, name="pmo-import-numpy", daemon=True)
    _numpy_worker.start()
    return _numpy_worker


def _queue_to_gui(signal, job) -> None:
    """A worker's ``job`` queued to the GUI thread, where the model lives, by ``signal`` — unless the model was
    deleted meanwhile (the window closed while the worker read)."""
    try:
        signal.emit(job)
    except RuntimeError:
        pass


class _NumpyAfterFirstPaint(QObject):
    """On a large table's viewport until its first paint: then numpy's import is asked for, ``NUMPY_AFTER_MS``
    later (``import_numpy_ahead``). Not at the first rows read: the view reads them as it is made (the
    columns' widths), a second or more before the first paint of a million risks on a loaded machine."""

    def __init__(self, viewport) -> None:
        super().__init__(viewport)
        viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(NUMPY_AFTER_MS, import_numpy_ahead)
            self.deleteLater()
        return False


def import_numpy_after_first_paint(viewport) -> None:
    """numpy imported on a worker (``import_numpy_ahead``) a moment after ``viewport`` (a large table's) is first
    painted; nothing when it is in already."""
    if "numpy" not in sys.modules and _numpy_worker is None:
        _NumpyAfterFirstPaint(viewport)


def rank_columns_after_first_paint(viewport, model: WindowedRegisterModel) -> None:
    """The model's columns ranked on a worker (``WindowedRegisterModel.rank_columns_ahead``) ``NUMPY_AFTER_MS``
    after ``viewport`` (its table's) is first painted: not while the table opens."""
    _AfterFirstPaint(viewport, lambda: QTimer.singleShot(NUMPY_AFTER_MS, model, model.rank_columns_ahead))


def keep_scroll_on_records(table, model: WindowedRegisterModel) -> None:
    """``table`` (a windowed model's) keeps its scroll position on the same records when the model lays its rows out
    anew — a sort swapped in once read on a worker, others' change, a search's rest: the current cell's record, when
    it was in view, stays where it was on the screen; else the record of the top row stays at the top. Without it the
    table stayed at the same row numbers, showing other records (the current cell off screen)."""
    _ScrollOnRecords(table, model)


class _ScrollOnRecords(QObject):
    def __init__(self, table, model: WindowedRegisterModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        self._anchor: tuple[int, int] | None = None  # (record, its row's top in the viewport) before the layout
        model.layoutAboutToBeChanged.connect(self._remember)
        model.layoutChanged.connect(self._restore)

    def _remember(self, *_args) -> None:
        table, model = self._table, self._model
        self._anchor = None
        current = table.currentIndex()
        row = current.row() if current.isValid() else -1
        if row < 0 or not 0 <= table.rowViewportPosition(row) < table.viewport().height():
            row = table.rowAt(0)  # the current cell out of view (or none): the top row
        if 0 <= row < model.rowCount():
            self._anchor = (model.record_id(row), table.rowViewportPosition(row))

    def _restore(self, *_args) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is None:
            return
        record_id, top = anchor
        row = self._model.row_of(record_id)
        if row is None:
            return
        table = self._table
        bar = table.verticalScrollBar()
        table.rowViewportPosition(row)  # (the view laid out again first)
        if table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(row - round(top / max(1, table.rowHeight(row))))
        else:
            bar.setValue(table.rowViewportPosition(row) + bar.value() - top)


class _AfterFirstPaint(QObject):
    def __init__(self, viewport, then) -> None:
        super().__init__(viewport)
        self._then = then
        viewport.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._then()
            self.deleteLater()
        return False


def numpy_ahead() -> threading.Thread | None:
    """The worker importing numpy (``import_numpy_ahead``), if one was started (a benchmark waits for it)."""
    return _numpy_worker


def make_models(document: Document, register: Register, parent_id: int | None, parent=None):
    """The table model and proxy for this register: windowed when it is large (see the docstring)."""
    # The register's signature (count, highest id, sum of versions) in place of a bare count: one scan of
    # the table either way, and a windowed model then need not read it again to open.
    signature = document.office.read(windows.signature, register) if register.parent is None else None
    if signature is not None and signature[0] >= WINDOWED_FROM:
        model: RegisterTableModel = WindowedRegisterModel(document, register, parent_id, parent, signature)
        proxy: Any = WindowedProxy(parent)
    else:
        model = RegisterTableModel(document, register, parent_id, parent)
        proxy = RegisterFilterProxy(parent)
    proxy.setSourceModel(model)
    return model, proxy


class _Listing:
    """The rest of a window's ids, listed on a worker (``WindowedRegisterModel._list_rest``)."""

    def __init__(self, token: int) -> None:
        self.token = token  # the model's ``_reload_token`` when it started: moot once that moved
        self.done = threading.Event()
        self.ids: array[int] | None = None  # every id of the window, in its order (None: it failed or stopped)
        self.stop = windows.Stop()  # a newer read made it moot: its query is interrupted (``_drop_listing``)
        self.stopped_early = False  # its query was stopped before its end


class _Reload:
    """The window's ids read again on a worker (``WindowedRegisterModel._reload_in_background``)."""

    def __init__(self, token: int, takes_over: _Reorder | None = None) -> None:
        self.token = token  # the model's ``_reload_token`` when it started: moot once that moved
        self.done = threading.Event()
        self.result: tuple | None = None  # (ids, signature, pages), None: it failed
        self.ours: list[int] | None = None  # the records of our own edit it follows (None: others' change)
        self.before: tuple[int, int, int] | None = None  # the register's signature before that edit
        # the sort's, filter's or search's read it stopped and answers in its place (put in place as that would be)
        self.takes_over = takes_over


class _Reorder(_Reload):
    """A sort's, a filter's or a search's ids read on a worker (``WindowedRegisterModel._reorder_on_worker``) while the
    table shows the rows before; ``result``: (ids, the window whose rest is still to list or None, the register's
    signature when it was read, the rows of the pages in view)."""

    def __init__(self, token: int, window: Window, reset: bool, kept: set[int], after) -> None:
        super().__init__(token)
        self.window = window
        self.reset = reset  # a filter or a search: the table reset when they come; a sort: laid out again
        self.kept = kept  # the edited rows kept in view (a sort), placed in the new order when it comes
        self.after = after  # what follows once they are in place (a date's sort index built), or None
        self.stop = windows.Stop()  # a newer sort, filter, search or edit made it moot: its query stopped


class WindowedRegisterModel(RegisterTableModel):
    """The records a window shows, by id; rows read in pages on demand. Same interface as
    ``RegisterTableModel`` (``rows`` is not kept: use ``record``, ``record_id``, ``row_of``)."""

    _reloaded = Signal(object)  # a ``_Reload`` done, from ``_reload_in_background``'s worker
    _listed = Signal(object)  # a ``_Listing`` done, from its worker
    counted = Signal()  # a listing's ids are in place (or given up): the row count is exact again
    _ranked = Signal(object)  # (generation, day, signature, ranks by column) from ``rank_columns_ahead``'s worker

    def __init__(self, document: Document, register: Register, parent_id: int | None = None, parent=None,
                 signature: tuple[int, int, int] | None = None):
        self._known_signature = signature  # read just before (make_models): the first load keeps it
        self.ids: array[int] = array("q")
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()
        self._recent_pages: list[int] = []  # the numbers of the pages last in memory (``_page_numbers``)
        self._total = 0
        self._signature: tuple[int, int, int] = (0, 0, 0)
        # The ids of windows read whole (``_keep``), most recent last, while the register's signature and
        # the day are ``_kept_as_of``: a window shown again is not listed again (``_kept_ids``), a column
        # filter of a sorted window is the sorted ids kept less those failing it (``_narrowed_from``).
        self._kept_windows: OrderedDict[tuple, array[int]] = OrderedDict()
        self._kept_as_of: tuple[tuple[int, int, int], Any] | None = None
        # The rows read for the pages painted, by id, kept as the windows are (``_kept_rows``): a window shown
        # again, a filter taken off, paints the rows it showed before without reading them again.
        self._rows_read: OrderedDict[int, tuple] = OrderedDict()
        self._stale = False  # someone else changed the register: the id list is read again at the next refresh
        # Our own edit moved the register's signature, which is being read on a worker with the ids
        # (``_follow_our_edit``): the outside-changes check waits for it, a read of the ids meanwhile reads it too.
        self._signature_behind = False
        self.search = ""
        self.column_filters: dict[int, set[str]] = {}
        self.record_ids: set[int] | None = None
        self.record_filter_label = ""
        self._search_index_checked = False
        self._sort_index_checked: set[str] = set()  # columns whose sort index was looked for (``sort``)
        self._reload_token = 0
        self._listing: _Listing | None = None  # the rest of the ids, being listed on a worker (``_list_rest``)
        self._reloading: _Reload | None = None  # the ids being read again on a worker (``_reload_in_background``)
        self._day_bounds: windows.Bounds = {}  # the stored dates' first and last, for searches (``_bounds``)
        self._bounds_signature: tuple[int, int, int] | None = None
        # Columns whose filter every record passed when it was set (``windows.passes_all``), while the
        # register has not changed since: setting or removing such a filter leaves the ids as they are.
        self._passing_filters: set[int] = set()
        self._applied: set[int] = set()  # records ``apply_outside`` just put in place, announced next
        self.unmatched: set[int] = set()  # edited while shown, no longer passing the filters: kept, marked ✎
        # Each column's ranks by id (``windows.column_ranks``), read on a worker once the table is painted
        # (``rank_columns_ahead``), while the register's signature and the day are ``_ranks_as_of``: a first
        # sort, and a column filter of it, is then numpy's sort of the ranks, not the database's of every row.
        self._ranks: dict[str, Any] = {}
        # and each column's classes (``windows.column_classes``: (ids, {column: (classes, a record of each)})),
        # read with them: a column filter is a mask, its values asked of one record a class (``_passing``)
        self._classes: Any = None
        self._ranks_as_of: tuple[tuple[int, int, int], Any] | None = None
        self._ranks_generation = 0  # moved by every change: a worker's ranks read before it are moot
        self.ranks_ahead: threading.Thread | None = None
        super().__init__(document, register, parent_id, parent)
        self._ranked.connect(self._install_ranks)
        self._reloaded.connect(self._install_reloaded)
        self._listed.connect(self._install_listing)
        self._given_up: threading.Thread | None = None  # the index worker no longer waited for (``wait_for_indexes_ahead``)
        self.indexes_ahead = self._build_sort_indexes_ahead()
        self.bounds_ahead = self._read_bounds_ahead()

    def _read_bounds_ahead(self) -> threading.Thread | None:
        """A large register's stored dates' first and last (``_bounds``), read on a worker once the table
        is open (one scan of the table: 0.25–0.45 s of CPU for a million risks on SQLite, the most of a
        first search of a letter in every row, "e"), so the first search finds them; filled into the dict
        kept for the register's signature now (dropped if the register changes meanwhile)."""
        if self.parent_id is not None or self._total < LIST_FIRST_FROM:
            return None
        office, register, bounds = self.document.office, self.register, self._bounds()

        def work() -> None:
            try:
                office.read(windows.read_date_bounds, register, bounds)
            except Exception as e:  # noqa: BLE001 — the server is away, the file closed: the first search reads them
                log.info("Dates' bounds of %s not read ahead: %s", register.name, e)

        return self.document.start_worker(work, "pmo-date-bounds")

    def _build_sort_indexes_ahead(self) -> threading.Thread | None:
        """A large register's sort indexes that take seconds to build (``sort_index.ahead``: on SQLite the
        next review's, an index on its day-number expression; on PostgreSQL the references') are built
        on a worker thread once the table is open, with its own connection, so no first sort waits for
        one (for a million risks the next review's took 1.6–2.8 s of CPU; on SQLite the file's write lock
        is held meanwhile, so an edit saved then waits for it, as for another window's save; PostgreSQL
        builds CONCURRENTLY, holding nobody's writes). A database that cannot be written now (read only,
        busy, no right to) keeps sorting without, or builds it at the first sort."""
        if self.parent_id is not None or self._total < sort_index.THRESHOLD or not sort_index.ahead(self.register):
            return None
        office, register, total = self.document.office, self.register, self._total

        def work() -> None:
            try:
                missing = office.read(sort_index.missing_ahead, register)
                if missing and office.store.is_sqlite:
                    office.write(sort_index.ensure_ahead, register, total)
                elif missing:  # PostgreSQL: CREATE INDEX CONCURRENTLY, outside a transaction
                    office.outside_transaction(sort_index.ensure_concurrently, register, missing, total)
            except Exception as e:  # noqa: BLE001 — read-only, busy, closed: the first sort builds it
                log.info("Sort indexes of %s not built ahead: %s", register.name, e)

        return self.document.start_worker(work, "pmo-sort-indexes")

    def wait_for_indexes_ahead(self) -> bool:
        """Until the worker building the sort indexes ahead (``_build_sort_indexes_ahead``) is done, for
        ``WAIT_FOR_WORKER_S`` at most; then what waited goes on without them (a sort by key, a search
        without its index), the status bar says why, and the worker goes on building — not waited for
        again while it does, nor the workers after it (each waits for the one before). Whether it is done."""
        if self._given_up is not None and self._given_up.is_alive():
            return False
        worker = self.indexes_ahead
        if not _waited_for(worker):
            self._given_up = worker
            self.document.note.emit(f"{self.register.title}: sorted and searched without its indexes for now — the "
                                    "database is busy building them (another user's work can hold that up); they "
                                    "are used once built.")
            return False
        return True

    # ------------------------------------------------------------------ what is shown
    def window(self) -> Window:
        sort_field = self.fields[self._sort[0]].name if self._sort else None
        return Window(
            parent_id=self.parent_id, sort_field=sort_field,
            descending=bool(self._sort and self._sort[1] == Qt.SortOrder.DescendingOrder),
            search=self.search,
            column_filters={self.fields[c].name: frozenset(a) for c, a in self.column_filters.items()},
            record_ids=None if self.record_ids is None else frozenset(self.record_ids))

    @property
    def is_filtered(self) -> bool:
        return bool(self.search or self.column_filters or self.record_ids is not None)

    def _read_ids(self, signature: bool = True, first: bool = False, keep_unmatched: bool = False) -> None:
        """The window's ids; and the register's signature (a second query over every row) unless only
        the sort or the filters changed and nobody else's change is pending. ``first`` (a new search or
        filter): in a large register, its first ``FIRST_ROWS`` ids now and the rest on a worker.
        ``keep_unmatched`` (a sort): the edited rows kept in view stay, at their places in the new order."""
        kept, self.unmatched = (self.unmatched if keep_unmatched else set()), set()
        self._start_read()
        window = self.window()
        at_hand, read = self._ids_reader(window, first, signature)
        if at_hand is not None:
            ids, rest_of = at_hand, None
        else:
            assert read is not None
            ids, rest_of = self.document.office.read(read, windows.Stop())
        signature_now = None
        if self._known_signature is not None:
            signature_now, self._known_signature = self._known_signature, None
        elif signature or self._stale or self._signature_behind:
            signature_now = self.document.office.read(windows.signature, self.register, self.parent_id)
        self._put_ids(window, ids, rest_of, signature_now, kept)

    def _start_read(self) -> None:
        """A new read of the window's ids begins: what was under way for the window before is moot — a background
        read's answer never put in place (``_reload_token``), a listing's or a sort's or filter's query on a worker
        stopped where it is."""
        self._reload_token += 1  # a background read started before is moot now
        self._drop_listing()
        if isinstance(self._reloading, _Reorder):
            self._reloading.stop.stop()
            self._reloading = None

    def _ids_reader(self, window: Window, first: bool, signature: bool):
        """How the ids of ``window`` are had: ``(ids, None)`` when they are at hand — a window kept, a sorted
        window kept narrowed by the columns' classes, an unsorted filter by them (no query of every row) —, else
        ``(None, read)``: ``read(session, stop)`` gives ``(ids, rest_of)`` by the database's query, on the GUI
        thread or on a worker (``_reorder_on_worker``); ``rest_of`` is the window whose rest is still to list when
        those are only its first ``FIRST_ROWS`` ids (``first``, a large register). It reads nothing of the
        model's changing state, so a worker may run it."""
        sorted_ids = None
        unsorted = replace(window, sort_field=None, descending=False)
        if not signature:
            known = self._kept_ids(window)
            if known is not None:
                return known, None  # shown before, the register unchanged: not listed again
            sorted_ids = self._narrowed_from(window)
            if sorted_ids is not None:
                passing = self._passing(unsorted)
                if passing is not None:
                    return windows.among(sorted_ids, passing), None
            elif not window.sort_field:
                passing = self._passing(window)
                if passing is not None:
                    return passing, None  # unsorted: in id order
        register, ctx, bounds = self.register, self.document.context, self._bounds()
        first_rows = None
        if sorted_ids is None and first and self._total >= LIST_FIRST_FROM and windows.can_list_first(register, window):
            first_rows = FIRST_ROWS if self.document.office.store.is_sqlite else min(FIRST_ROWS, FIRST_ROWS_SERVER)

        def read(session, stop: windows.Stop) -> tuple[array[int], Window | None]:
            if sorted_ids is not None:  # a sorted window kept, less those failing the filters (``_narrowed_from``)
                return windows.among(sorted_ids, windows.fetch_ids(session, register, unsorted, ctx, bounds, stop)), None
            if first_rows is not None:
                with stop.watching(session):
                    ids, shown, complete = windows.first_ids(session, register, window, first_rows, ctx, bounds)
                return ids, (None if complete else shown)  # fewer than FIRST_ROWS: they are all
            return windows.fetch_ids(session, register, window, ctx, bounds, stop), None

        return None, read

    def _put_ids(self, window: Window, ids: array[int], rest_of: Window | None,
                 signature: tuple[int, int, int] | None, kept: set[int]) -> None:
        """The ids of ``window`` read (``_ids_reader``) put in place, the register's ``signature`` with them when it
        was read; the rest listed on a worker when these are the first rows (``rest_of``); the edited rows kept in
        view (``kept``) placed in the new order."""
        self.ids = ids
        if rest_of is not None:
            self._list_rest(rest_of)
        if signature is not None:
            self._signature, self._total, self._stale = signature, signature[0], False
            self._signature_behind = False
        self._drop_pages()
        if rest_of is None:
            self._keep(window, self.ids)
        if kept:
            self.ids = self.ids[:]  # a copy: the ids kept stay the window's own
            listed = positions_in(self.ids, kept)
            rows = {row[0]: row for row in self._fetch(ids=sorted(kept - listed.keys()))}
            for rid, row in sorted(rows.items()):
                n = self._place_for(row)
                self.ids.insert(n, rid)
                self._drop_pages()
                self.unmatched.add(rid)

    def reload(self, signature: bool = True, first: bool = False) -> None:
        if not signature and self._known_signature is None:  # a filter, a search, Reapply: the table's own change
            self._read_window(first, keep_unmatched=False, reset=True)
            return
        self.beginResetModel()
        self._read_ids(signature, first)
        self.endResetModel()

    def _read_window(self, first: bool, keep_unmatched: bool, reset: bool, after=None) -> None:
        """The ids of the window the table now asks for (a sort, a filter, a search) put in place: those at hand at
        once (``_ids_reader``); a query of every row on a worker in a large register (``_reorder_on_worker``); else
        here. ``reset``: a filter's or a search's new rows (the selection cleared), else a sort's (the selection and
        the current cell kept on their records). ``after``: called once they are in place."""
        kept = set(self.unmatched) if keep_unmatched else set()
        window = self.window()
        self._start_read()
        at_hand, read = self._ids_reader(window, first, signature=False)
        if at_hand is None and self._reads_on_worker():
            assert read is not None
            self._reorder_on_worker(window, read, kept, reset, after)
            return

        def change() -> None:
            self.unmatched = set()
            if at_hand is not None:
                ids, rest_of = at_hand, None
            else:
                assert read is not None
                ids, rest_of = self.document.office.read(read, windows.Stop())
            signature = (self.document.office.read(windows.signature, self.register, self.parent_id)
                         if self._stale or self._signature_behind else None)
            self._put_ids(window, ids, rest_of, signature, kept)

        self._show(change, reset)
        if after is not None:
            after()

    def _show(self, change, reset: bool) -> None:
        """``change`` of the ids told to the view: a reset (a filter, a search), or a layout change that keeps the
        selection and the current cell on their records (a sort)."""
        if reset:
            self.beginResetModel()
            change()
            self.endResetModel()
        else:
            self._relayout(change)

    def _reads_on_worker(self) -> bool:
        """Whether a window's query of every row runs on a worker (``QUERY_ON_WORKER_FROM``)."""
        return self.parent_id is None and self._total >= QUERY_ON_WORKER_FROM

    def _reorder_on_worker(self, window: Window, read, kept: set[int], reset: bool, after) -> None:
        """A sort's, a filter's or a search's query (``read``, from ``_ids_reader``) run on a worker with its own
        connection, with the register's signature when others' change is pending and the rows of the pages in view
        in the new order; meanwhile the table shows the rows before, as they were, and what needs every id in its
        order (a record's row, an edit) waits for the answer (``_finish_reload``). It is put in place in one step
        (``_install_reorder``); a newer sort, filter, search or edit first makes it moot and stops its query where
        it is (``_start_read``)."""
        job = self._reloading = _Reorder(self._reload_token, window, reset, kept, after)
        office, register, parent_id = self.document.office, self.register, self.parent_id
        stale = self._stale or self._signature_behind  # the register's signature read with the ids
        numbers, fetch, page_size, width = self._page_numbers(), rows_reader(register, self.document.context, parent_id), \
            PAGE, len(self.fields)

        def read_all(session):
            ids, rest_of = read(session, job.stop)
            signature = windows.signature(session, register, parent_id) if stale else None
            pages = {} if kept else read_pages(session, fetch, ids, numbers, page_size, width)
            return ids, rest_of, signature, pages

        def work() -> None:
            try:
                if not job.stop.stopped:
                    job.result = office.read(read_all)
            except windows.Stopped:
                pass  # moot: a newer read replaced it
            except Exception as e:  # noqa: BLE001 — the server is away, the file closed: read again on the GUI thread
                log.info("The ids of %s not read on a worker: %s", register.name, e)
            finally:
                job.done.set()
            _queue_to_gui(self._reloaded, job)

        self.document.start_worker(work, "pmo-window-order")

    def _install_reorder(self, job: _Reorder) -> None:
        """GUI thread: a sort's, a filter's or a search's ids read on a worker (``_reorder_on_worker``) in place of
        the rows shown before, in one step; the pages in view read with them, so painting them reads nothing."""
        if job.result is None:  # its query failed (logged): read here, as before, where a failure is seen
            self._show(lambda: self._read_ids(signature=False, first=job.reset, keep_unmatched=bool(job.kept)), job.reset)
        else:
            ids, rest_of, signature, pages = job.result

            def change() -> None:
                self.unmatched = set()
                self._put_ids(job.window, ids, rest_of, signature, set(job.kept))
                if pages and not self.unmatched:  # (rows kept in view moved the others: read as painted)
                    self._pages = OrderedDict(sorted(pages.items()))

            self._show(change, job.reset)
        if job.after is not None:
            job.after()

    # ------------------------------------------------------------------ windows read before, kept
    def _keep(self, window: Window, ids: array[int]) -> None:
        """``ids`` are every id ``window`` shows now: kept (the most recent last, ``KEEP_IDS_AT_MOST`` ids in
        all) while the register's signature and the day stay as they are. Among 100,000 risks a sort
        SQLite makes again is 45–65 ms of CPU (its ORDER BY), a filter of a sorted table 75–95 ms (its first
        rows, then every id); a window kept, none. Never once others' change is known and not yet read."""
        if self._stale or self._known_signature is not None or self._signature_behind:
            return
        as_of = (self._signature, self.today())
        if self._kept_as_of != as_of:
            self._kept_windows.clear()
            self._rows_read.clear()
            self._kept_as_of = as_of
        key = _window_key(window)
        self._kept_windows[key] = ids
        self._kept_windows.move_to_end(key)
        held = sum(len(kept) for kept in self._kept_windows.values())
        while held > KEEP_IDS_AT_MOST and len(self._kept_windows) > 1:
            held -= len(self._kept_windows.popitem(last=False)[1])

    def _kept_valid(self) -> bool:
        """Whether the windows kept are still the register's: its signature as this table last read it,
        the same day (the review status is today's), no change of others known and not yet read."""
        return (not self._stale and self._known_signature is None and not self._signature_behind
                and self._kept_as_of == (self._signature, self.today()))

    def _kept_ids(self, window: Window) -> array[int] | None:
        """The ids of ``window`` as last read, when kept and still the register's (``_keep``); or, a sort of
        the whole register never shown, from its column's ranks read ahead (``_ranked_by``)."""
        ids = None
        if self._kept_valid():
            key = _window_key(window)
            ids = self._kept_windows.get(key)
            if ids is not None:
                self._kept_windows.move_to_end(key)
        if (ids is None and window.sort_field is not None and window.parent_id is None and not window.search
                and not window.column_filters and window.record_ids is None):
            ranked = self._ranked_by(window.sort_field)
            if ranked is not None:
                ids = windows.ids_by_ranks(ranked, window.descending)
        return ids

    def _narrowed_from(self, window: Window) -> array[int] | None:
        """For a sorted window of column filters (no search, no record filter), the ids of a window kept that
        shows its sort with some of those filters only (none: the whole register sorted): ``window`` is then
        those of them passing every filter, listed in id order (a scan, no sort), kept in the kept window's
        order (``windows.among``: a subset of a sorted list is in the same sort's order; ``_ids_reader``). Among
        100,000 risks sorted by category, the filter by status 74 ms of SQLite's CPU (its first 2,000 rows
        sorted, then every id sorted again on a worker) → 14 ms. None when no such window is kept."""
        if (window.sort_field is None or window.search or window.record_ids is not None
                or not window.column_filters):
            return None
        sorted_ids = None
        if self._kept_valid():
            for key, ids in reversed(self._kept_windows.items()):
                parent_id, sort_field, descending, search, every_word, filters, record_ids = key
                if ((parent_id, sort_field, descending) == (window.parent_id, window.sort_field, window.descending)
                        and not search and not every_word and record_ids is None
                        and all(window.column_filters.get(name) == frozenset(allowed) for name, allowed in filters)):
                    sorted_ids = ids
                    break
        if sorted_ids is None and window.parent_id is None:  # the whole register sorted, from its ranks
            ranked = self._ranked_by(window.sort_field)
            sorted_ids = None if ranked is None else windows.ids_by_ranks(ranked, window.descending)
        return sorted_ids

    def _forget_kept(self) -> None:
        self._kept_windows.clear()
        self._rows_read.clear()
        self._kept_as_of = None
        self._ranks.clear()
        self._classes = None
        self._ranks_as_of = None
        self._ranks_generation += 1

    # ------------------------------------------------------------------ columns ranked ahead
    def rank_columns_ahead(self) -> threading.Thread | None:
        """Every column's ranks (``windows.column_ranks``: the database's ``dense_rank`` over the very key its
        ORDER BY sorts by, so the same order on SQLite and PostgreSQL) read on a worker with its own
        connection, once the table is painted (``rank_columns_after_first_paint``), for a register of
        ``LIST_FIRST_FROM`` to ``windows.RANKS_AHEAD_AT_MOST`` records: a first sort by any of them, either
        way, and a column filter of that sort, are then numpy's sort of the ranks (a few ms among 100,000
        risks), not the database's sort of every row (a title 45–53 ms of CPU, a category or a score 30–40).
        Kept until the register changes (any edit, ours or another user's, or new settings: ``_forget_kept``)
        or the day does; not read again then — the next first sorts are the database's, as before. With them the
        columns' classes (``windows.column_classes``, one scan): a column filter is then a mask (``_passing``),
        and a column of few values is ranked by one record of each. The worker's CPU among 100,000 risks: about
        1.5 s (a column of distinct texts, a title, costs about three times its sort: 0.17 s), the GUI thread's
        turns hardly touched (SQLite sorts without the interpreter lock); 9 MiB held. The thread, or None."""
        if (self.parent_id is not None or self._stale or not LIST_FIRST_FROM <= self._total <= windows.RANKS_AHEAD_AT_MOST
                or (self.ranks_ahead is not None and self.ranks_ahead.is_alive())):
            return None
        office, register, ctx = self.document.office, self.register, self.document.context
        generation, day, before = self._ranks_generation, self.today(), self.indexes_ahead
        names = [f.name for f in self.fields]  # the table's columns, left to right

        def read(session):
            import numpy as np  # imported ahead (``import_numpy_ahead``); waited for here if it is under way

            signature = windows.signature(session, register, None)
            classes = windows.column_classes(session, register, names, ctx)
            ranks: dict[str, Any] = {}
            shared = None
            for name in names:
                if generation != self._ranks_generation:
                    return None  # the register changed meanwhile: moot
                classed = None if classes is None else classes[1].get(name)
                ranked = windows.column_ranks(session, register, register.field(name), ctx, classed)
                if ranked is None:
                    continue
                if shared is not None and np.array_equal(shared, ranked[0]):
                    ranked = (shared, ranked[1])  # every column's ids are the same ids: held once
                shared = ranked[0]
                ranks[name] = ranked
            return signature, ranks, classes

        def work() -> None:
            if before is not None:
                before.join()  # the sort indexes built ahead first (a first sort may wait for those)
            try:
                result = office.read(read)
            except Exception as e:  # noqa: BLE001 — the server is away, the file closed: sorted by the database
                log.info("Columns of %s not ranked ahead: %s", register.name, e)
                return
            if result is None:
                return
            try:
                self._ranked.emit((generation, day, *result))  # queued to the GUI thread, where the model lives
            except RuntimeError:
                pass  # the model was deleted meanwhile

        self.ranks_ahead = self.document.start_worker(work, "pmo-column-ranks")
        return self.ranks_ahead

    def _install_ranks(self, payload) -> None:
        generation, day, signature, ranks, classes = payload
        if generation == self._ranks_generation:
            self._ranks, self._classes, self._ranks_as_of = ranks, classes, (signature, day)

    def _ahead_valid(self) -> bool:
        """Whether the ranks and classes read ahead (``rank_columns_ahead``) are still the register's: its
        signature as this table last read it, the same day, no change of others known and not yet read."""
        return not (self._ranks_as_of is None or self._stale or self._known_signature is not None
                    or self._ranks_as_of != (self._signature, self.today()))

    def _ranked_by(self, name: str) -> Any | None:
        """The column's ranks read ahead, while still the register's (``_ahead_valid``)."""
        return self._ranks.get(name) if self._ahead_valid() else None

    def _passing(self, window: Window) -> array[int] | None:
        """The records passing ``window``'s column filters (no search, no record filter), ids ascending, from
        the columns' classes read ahead (``windows.column_classes``): each filter asked of one record a class
        (a status: five records), the rest a mask — not a scan of every row (among 100,000 risks the filter by
        status 16 → 2–3 ms of CPU). None when a filtered column has no classes (a list, a date, a title)."""
        if (window.search or window.record_ids is not None or not window.column_filters or window.parent_id is not None
                or self._classes is None or not self._ahead_valid()):
            return None
        ids, classes = self._classes
        mask = None
        for name, allowed in window.column_filters.items():
            classed = classes.get(name)
            if classed is None:
                return None
            passing = self.document.office.read(windows.classes_passing, self.register, name, frozenset(allowed),
                                                self.document.context, classed[1])
            passes = windows.ids_passing(ids, classed[0], classed[1], passing)
            mask = passes if mask is None else mask & passes
        out: array[int] = array("q")
        out.frombytes(ids[mask].tobytes())
        return out

    def _kept_rows(self, wanted: list[int]) -> tuple[dict[int, tuple], list[int]]:
        """Of the rows of records ``wanted``, those read for a page painted before, while the windows kept are
        the register's (``_kept_valid``: its signature, which every edit moves, and the day unchanged, no
        change of others known and not yet read); and the ids not among them. A sort, a filter or a filter
        taken off drops the pages, and its first paint read a page of rows again (5–6 ms of CPU among
        100,000 risks, a quarter of a filter taken off) though most of them were just painted."""
        if not self._kept_valid():
            self._rows_read.clear()
            return {}, wanted
        rows, read = self._rows_read, {}
        missing = []
        for rid in wanted:
            row = rows.get(rid)
            if row is None:
                missing.append(rid)
            else:
                read[rid] = row
        return read, missing

    def _keep_rows(self, fetched: dict[int, tuple]) -> None:
        """Rows just read for a page (``_page``), kept by id while the windows are (``_kept_rows``): as many
        as the pages in memory hold, the least recently read dropped first (the same tuples as the pages')."""
        if not self._kept_valid():
            return
        rows = self._rows_read
        rows.update(fetched)
        for rid in fetched:
            rows.move_to_end(rid)
        while len(rows) > CACHE_PAGES * PAGE:
            rows.popitem(last=False)

    def _bounds(self) -> windows.Bounds:
        """The first and last date of each stored date column, which a search of a date's words ("mar
        2026") needs (``windows._date_bounds``: a scan of the table), read once and kept while the
        register's signature stays as this table last read it, or moved by a change whose records this
        table was told of (``_follow_bounds``); none kept while others' change is known and not yet read
        (``_stale``), nor while our own edit's signature is read on a worker (``_signature_behind``): the bounds
        kept are those before the edit, which its records' new dates may lie outside ("2 mar" after a fill of
        2 March found none of them); they are widened once the signature comes (``_install_reloaded``)."""
        if self._stale or self._signature_behind:
            return {}
        if self._bounds_signature != self._signature:
            self._day_bounds, self._bounds_signature = {}, self._signature
        return self._day_bounds

    def _follow_bounds(self, before: tuple[int, int, int], ids) -> None:
        """The register's signature moved from ``before`` (kept bounds' signature) to ``self._signature``
        through a change of records ``ids`` (ours: an edit, a paste, an import, a deletion): the dates'
        bounds kept widened by those records' dates (``windows.widen_date_bounds``: a look-up each, where
        reading them again is a scan of the table — 0.4–0.5 s of CPU for a million risks, the most of the
        first search after an edit). When the records are not known (others' change, ``ids`` None) or the
        bounds were not all read, or more than ``WIDEN_AT_MOST`` records changed (a look-up each, on the GUI
        thread), they are read again on a worker (``_read_bounds_ahead``) — except after a change whose records
        are not known (others', ``ids`` None): then they are only dropped, and read by the first search that
        needs them (a date's words, "mar 2026"); most searches do not, and the scan on a worker at every
        change of another user (0.4 s of CPU for a million risks) was mostly for nothing."""
        if self._signature == before or self._stale:
            return
        if ids is None:
            self._day_bounds, self._bounds_signature = {}, self._signature
            return
        ahead = self.bounds_ahead is not None and self.bounds_ahead.is_alive()
        widened = None
        if ids is not None and len(ids) <= WIDEN_AT_MOST and self._bounds_signature == before and not ahead:
            try:
                widened = self.document.office.read(windows.widen_date_bounds, self.register, self._day_bounds, ids)
            except errors.StoreError:
                widened = None
        if widened is not None:
            self._day_bounds, self._bounds_signature = widened, self._signature
        else:
            self.bounds_ahead = self._read_bounds_ahead()

    # ------------------------------------------------------------------ the rest listed on a worker
    @property
    def listing(self) -> bool:
        """The ids shown are the window's first ones; the rest are being listed (the count is a floor)."""
        return self._listing is not None and self._listing.token == self._reload_token

    def _list_rest(self, window: Window) -> None:
        """Every id of ``window`` on a worker thread with its own session (``fetch_ids``: the query the
        first rows came from, without its LIMIT), put in place by ``_install_listing``."""
        job = self._listing = _Listing(self._reload_token)
        office, register, ctx, bounds = self.document.office, self.register, self.document.context, self._bounds()

        def work() -> None:
            try:
                if not job.stop.stopped:
                    job.ids = office.read(windows.fetch_ids, register, window, ctx, bounds, job.stop)
            except windows.Stopped:
                job.stopped_early = True  # moot: a newer search, filter or sort replaced it
            except Exception as e:  # noqa: BLE001 — the server is away, the file closed: the first rows stay
                log.info("The rest of %s's rows not listed: %s", register.name, e)
            finally:
                job.done.set()
            _queue_to_gui(self._listed, job)

        self.document.start_worker(work, "pmo-window-list")

    def _drop_listing(self) -> None:
        """The listing is moot (a newer search, filter, sort or reload): its query is stopped where it is
        (``windows.Stop``) rather than run to its end on a worker, and its answer is never put in place."""
        if self._listing is not None:
            self._listing.stop.stop()
            self._listing = None

    def _finish_listing(self) -> None:
        """Something needs every id now (a record's row, an edit): wait for the listing, put it in place."""
        job = self._listing
        if job is None:
            return
        if job.token != self._reload_token:
            self._drop_listing()
            return
        wait_for(job.done)
        self._install_listing(job)

    def _install_listing(self, job: _Listing) -> None:
        """GUI thread: the listed ids in place of the first ones — the rows after them inserted below (the
        view keeps its place and selection), or, when the register changed between the two reads so that
        they do not begin alike, all of them relaid out."""
        if job is not self._listing:
            return  # moot, or put in place already (``_finish_listing``)
        full = job.ids
        if full is None and job.token == self._reload_token:
            self.counted.emit()  # the listing failed (logged): only the first rows are known, the count a floor
            return
        self._listing = None
        if job.token == self._reload_token and full is not None:
            self._keep(self.window(), full)
            n = len(self.ids)
            for number in [k for k in self._pages if (k + 1) * PAGE > n]:
                del self._pages[number]  # a page cut short by the first rows' end
            if len(full) >= n and full[:n] == self.ids:
                if len(full) > n:
                    self.beginInsertRows(QModelIndex(), n, len(full) - 1)
                    self.ids = full
                    self.endInsertRows()
            else:
                def install() -> None:
                    self.ids = full
                    self._drop_pages()

                self._relayout(install)
        self.counted.emit()

    def _refetch_all(self) -> None:
        self._read_ids()

    def _page(self, number: int) -> list[tuple]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        wanted = self.ids[number * PAGE:(number + 1) * PAGE].tolist()
        blank = (None,) * len(self.fields)
        fetched, missing = self._kept_rows(wanted)
        try:
            read = {row[0]: row for row in self._fetch(ids=missing)} if missing else {}
        except errors.StoreError:  # the server is away: blank cells now (not kept), read again when painted
            return [(rid, 0, *blank) for rid in wanted]
        self._keep_rows(read)
        fetched.update(read)
        page = [fetched.get(rid) or (rid, 0, *blank) for rid in wanted]  # deleted meanwhile: blank until refreshed
        self._pages[number] = page
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)
        return page

    def _drop_pages(self) -> None:
        if self._pages:
            self._recent_pages = list(self._pages)
        self._pages.clear()

    def _page_numbers(self) -> list[int]:
        """The pages the view paints (those in memory, else those last in memory): a worker reading
        the ids again reads these rows too, so that painting them queries nothing."""
        return list(self._pages) or list(self._recent_pages)

    def _row(self, row: int) -> tuple:
        return self._page(row // PAGE)[row % PAGE]

    def rows_at(self, rows: list[int]) -> dict[int, tuple]:
        """Many rows (a paste of 4,000 rows) read in one query, not page by page — 3,000 pages of 64 rows, each its
        own query, took seconds; a few are read as painting reads them. From ``READ_ON_WORKER_FROM`` cells an edit
        reads its rows on a worker instead (``edits_of``)."""
        wanted = sorted(set(rows))
        if len(wanted) <= 4 * PAGE:
            return {r: self._row(r) for r in wanted}
        return self._rows_of(wanted, dict(self._pages), self.ids)

    def _rows_of(self, wanted: list[int], pages: dict[int, list[tuple]], ids,
                 only: Collection[str] | None = None) -> dict[int, tuple]:
        """The rows at ``wanted`` (in order): those in memory as they are — what the user sees, with the versions that
        make another user's save since a conflict, never overwritten —, the others as the database has them, as
        painting reads them (a record deleted meanwhile blank); ``only``: of those read, the values of these fields
        alone (``stored_rows``: an edit's columns), a None at every other's place. No Qt, and of the model's changing
        state (its pages, its ids) only what is given: a worker runs it too."""
        out: dict[int, tuple] = {}
        rest: list[int] = []
        for r in wanted:
            page = pages.get(r // PAGE)
            if page is not None and r % PAGE < len(page):
                out[r] = page[r % PAGE]
            else:
                rest.append(r)
        read_ids = [ids[r] for r in rest]
        read = self.document.office.read(stored_rows, self.register, self.document.context, self.parent_id,
                                         read_ids, only) if read_ids else []
        found = {row[0]: row for row in read}
        blank = (None,) * len(self.fields)
        out.update((r, found.get(rid) or (rid, 0, *blank)) for r, rid in zip(rest, read_ids))
        return out

    def edits_of(self, cells) -> EditsWorkedOut | None:
        """From ``READ_ON_WORKER_FROM`` cells (a fill or a clear of a whole column), the rows read, each value parsed
        and compared with the cell's, and the edits listed on a worker behind a progress dialog that Cancel stops
        (nothing changed): a fill of a million cells had the GUI thread busy 8.8 s of CPU. ``cells`` may be lazy (``LazyCells``):
        listed there too. The rows in memory are taken as they are, as ``rows_at`` takes them; the ids are the
        table's when the edit began (a copy: a reload meanwhile changes nothing of it)."""
        if len(cells) < READ_ON_WORKER_FROM:
            return super().edits_of(cells)
        from ..background import collector_paused, run_with_progress

        pages, ids, fields, ctx = dict(self._pages), self.ids[:], self.fields, self.document.context

        def work(progress, cancelled) -> EditsWorkedOut | None:
            with collector_paused():  # a million cells listed and edits made: no full pass of the collector meanwhile
                return worked_out(progress, cancelled)

        def worked_out(progress, cancelled) -> EditsWorkedOut | None:
            # the cells listed and their rows read a step at a time (a million rows read at once held a gigabyte)
            made = edits_of(fields, cells, lambda wanted, only: self._rows_of(wanted, pages, ids, only), ctx,
                            cancelled, progress)
            return None if cancelled() else made  # Cancel pressed as late as the end: nothing changed

        # ``at_once``: the window takes no key meanwhile (a second Ctrl+D inside the first)
        return run_with_progress(QApplication.activeWindow(), f"Reading {len(cells):,} cells…", work, at_once=True)

    # ------------------------------------------------------------------ Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def total_rows(self) -> int:
        return self._total

    def record_id(self, row: int) -> int:
        return self.ids[row]

    def row_of(self, record_id: int) -> int | None:
        self._finish_listing()
        self._finish_reload()
        return positions_in(self.ids, (record_id,)).get(record_id)

    def _positions(self, wanted) -> dict[int, int]:
        """Rows of several records: one pass over the ids when there are many."""
        self._finish_listing()
        self._finish_reload()
        return positions_in(self.ids, wanted)

    def search_text(self, row: int) -> str:
        return "\u0001".join(f.search_text(v) for f, v in zip(self.fields, self._row(row)[OFFSET:])).lower()

    # ------------------------------------------------------------------ refreshing
    def _relayout(self, change, known: dict[int, int] | None = None) -> None:
        """Reorder (a sort, a refetch) keeping selections and the current cell on their records;
        ``known``: new rows of records already found (by a worker), the others are looked for here."""
        self.layoutAboutToBeChanged.emit()
        old = self.ids
        persistent = self.persistentIndexList()
        change()
        tracked = {old[i.row()] for i in persistent if i.row() < len(old)}
        positions = {rid: known[rid] for rid in tracked if rid in known} if known is not None else {}
        positions.update(self._positions(tracked - positions.keys()))
        to_list = []
        for idx in persistent:
            row = positions.get(old[idx.row()]) if idx.row() < len(old) else None
            to_list.append(self.index(row, idx.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, to_list)
        self.layoutChanged.emit()

    def _unsort_rows(self) -> None:
        self._read_ids()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        wanted = None if column < 0 else (column, order)
        if wanted == self._sort and not self._stale:
            return  # the ids are in that order already (the header asks twice)
        self._sort = wanted
        name = self.fields[column].name if wanted is not None else ""
        # ranked ahead: its first sort is the ranks' (``_kept_ids``), no index built for it
        build = self._wants_sort_index(name) if wanted is not None and self._ranked_by(name) is None else False
        if build and self.register.field(name).kind.is_reference:
            # A reference sorted by key joins every row to its target's name: building the index and
            # walking it costs less (1,000,000 risks by owner: 0.62 s of CPU against 0.83–0.85 s by key).
            self._build_sort_index_after(name)
            self.wait_for_indexes_ahead()
            build = False
        # a date: this sort went by key (``windows._unique_key``); its index is built once its rows are read
        after = (lambda: self._build_sort_index_after(name)) if build else None
        self._read_window(first=False, keep_unmatched=True, reset=False, after=after)

    def _wants_sort_index(self, name: str) -> bool:
        """Whether a large register's column sorted for the first time lacks its sort index (a reference
        or a date; ``models/sort_index.py``), which ``_build_sort_index_after`` then builds."""
        if name in self._sort_index_checked or self._total < sort_index.THRESHOLD:
            return False
        self._sort_index_checked.add(name)
        f = self.register.field(name)
        if not sort_index.wants_index(f):
            return False
        if sort_index.indexed_by(self.register, f) in sort_index.ahead(self.register) and not self.wait_for_indexes_ahead():
            return False  # it is building this one still: this sort goes by key, the next walk it once built
        return not self.document.office.read(sort_index.has_index, self.register, f)

    def _build_sort_index_after(self, name: str) -> None:
        """The sort index of a column, built on a worker thread with its own connection: for a date once
        its first sort's rows are read (by key), so that the next sorts by the column walk it; for a
        reference before its first sort, which waits for it (``sort``). Built before the sort (as it was),
        a date's first sort paid the build and its write of the index into the file: for 1,000,000 risks
        the first sort by raised took 0.68–0.77 s of CPU and 1.2–2.4 s wall on a machine loaded 7–12, by
        its keys sorted in numpy 0.37–0.40 s and 0.9–1.0 s (the worker then 0.52–0.56 s of CPU). The worker is the table's ``indexes_ahead`` from
        then on (after the one before it), so what waits for that — a sort by the same column's index, a
        search index's build — waits for this one; on SQLite the file's write lock is the worker's while
        it builds (an edit saved meanwhile waits for it, as for another window's save); PostgreSQL builds
        CONCURRENTLY, holding nobody's writes. A database that cannot be written now keeps sorting by key."""
        office, register, total, before = self.document.office, self.register, self._total, self.indexes_ahead

        def work() -> None:
            if before is not None:
                before.join()
            try:
                if office.store.is_sqlite:
                    office.write(sort_index.ensure, register, name, total)
                else:  # CONCURRENTLY: others' writes to the register go on meanwhile
                    office.outside_transaction(sort_index.ensure_concurrently, register, [name], total)
            except Exception as e:  # noqa: BLE001 — busy, read-only, closed, refused: sorted by key meanwhile
                log.info("No sort index for %s.%s: %s", register.name, name, e)

        self.indexes_ahead = self.document.start_worker(work, "pmo-sort-index")

    def refresh_records(self, ids) -> None:
        """Our own edits: reread those records' pages; records coming (back) in at their place in the
        order (``_place_for``), deleted ones out; those the filters no longer pass kept, marked ✎."""
        ids = list(ids)
        self._finish_listing()  # every id: a record past the first rows is not a new one
        self._finish_reload()  # the ids in their order after an edit before this one (``_follow_our_edit``)
        self._passing_filters.clear()  # an edit may make a record fail one of them
        self._forget_kept()  # the edit may move records in any window (and the ids below change in place)
        self._reload_token += 1  # a background read may have started before this edit: read again later
        positions = self._positions(ids)
        fresh = {row[0]: row for row in self._fetch(ids=ids)} if ids else {}
        office = self.document.office
        before = self._signature
        self._signature = office.read(windows.signature, self.register, self.parent_id)
        self._signature_behind = False
        self._total = self._signature[0]  # before the row signals: the view counts on them
        self._follow_bounds(before, ids)
        shown = [rid for rid in ids if rid in fresh]
        if self.is_filtered and shown:
            passed = office.read(windows.passing, self.register, self.window(), shown, self.document.context,
                                 self._bounds())
            self.unmatched |= {rid for rid in shown if rid not in passed}
            self.unmatched -= passed
        for rid, pos in sorted(positions.items(), key=lambda item: -item[1]):
            if rid not in fresh:
                self.unmatched.discard(rid)
                self.beginRemoveRows(QModelIndex(), pos, pos)
                del self.ids[pos]
                self._drop_pages()
                self.endRemoveRows()
        for rid in ids:
            if rid in fresh and rid not in positions:
                n = self._place_for(fresh[rid])
                self.beginInsertRows(QModelIndex(), n, n)
                self.ids.insert(n, rid)
                for number in [k for k in self._pages if k >= n // PAGE]:
                    del self._pages[number]  # their rows moved down by one
                self.endInsertRows()
        if len(positions) != len(shown):
            positions = self._positions(shown)  # rows inserted above moved them
        changed = [pos for rid, pos in positions.items() if rid in fresh]
        for number in {pos // PAGE for pos in changed}:
            self._pages.pop(number, None)
        if changed:  # one signal over their span, not one a row: 100,000 of them after a Replace All
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.fields) - 1))

    def _place_for(self, row: tuple) -> int:
        """Where a record coming (back) into the table goes: by id when unsorted (the ids are in id
        order), else by a binary search over the sorted ids reading a row at each step (from the pages in
        memory when there)."""
        ids = self.ids
        if not ids:
            return 0
        if self._sort is None:
            return len(ids) if row[0] > ids[-1] else bisect_left(ids, row[0])
        blank = (None,) * len(self.fields)

        def row_at(i: int) -> tuple:
            page = self._pages.get(i // PAGE)
            if page is not None and i % PAGE < len(page):
                return page[i % PAGE]
            found = self._fetch(ids=[ids[i]])
            return found[0] if found else (ids[i], 0, *blank)

        return self._sorted_place(row, len(ids), row_at)

    def outside_probe(self):
        """The timer's check, all of its reading and comparing on the worker thread: the signature; when
        it moved, the window's ids in their new order, the rows of the pages in memory (those the user
        sees) in that order, the versions of the records they showed (what to flash) and the new
        positions of the records the view tracks (selection, current cell). ``apply_outside`` then only
        swaps these in (``OutsideAnswer``)."""
        from ...models import changes

        if self._signature_behind:  # our own edit's signature still being read (``_follow_our_edit``): next time
            return lambda session: None
        before, register, parent_id = self._signature, self.register, self.parent_id
        window, ctx = self.window(), self.document.context
        old_ids, token, page_size, width = self.ids, self._reload_token, PAGE, len(self.fields)
        listing = self._listing if self.listing else None  # compared with every id, once listed
        cached = {number: [row[0] for row in page] for number, page in self._pages.items()}
        numbers = self._page_numbers()
        shown = {row[0]: row[1] for page in self._pages.values() for row in page}
        tracked = {old_ids[i.row()] for i in self.persistentIndexList() if i.row() < len(old_ids)}
        fetch = rows_reader(register, ctx, parent_id)

        def probe(session):
            nonlocal old_ids
            now = changes.signature(session, register, parent_id)
            if now == before:
                return None
            if listing is not None:  # ``apply_outside`` puts the listing in place before this answer
                listing.done.wait()
                old_ids = listing.ids if listing.ids is not None else old_ids
            ids = windows.fetch_ids(session, register, window, ctx)
            versions = changes.versions_of(session, register, list(shown)) if shown else {}
            changed = {rid for rid, version in shown.items() if versions.get(rid) != version}
            changed |= set(windows.ids_after(session, register, before[1], parent_id))
            same = ids == old_ids  # arrays of one type compare as memory: a few milliseconds
            appended = not same and len(ids) > len(old_ids) and ids[:len(old_ids)] == old_ids
            pages = read_pages(session, fetch, ids, numbers, page_size, width)
            if same or appended:  # the records shown keep their rows: those of the pages read, the new ones after
                where = {rid: n * page_size + i for n, rids in cached.items() for i, rid in enumerate(rids)}
                where.update((rid, len(old_ids) + i) for i, rid in enumerate(ids[len(old_ids):]))
                positions = {rid: where[rid] for rid in (changed | tracked) if rid in where}
            else:
                positions = positions_in(ids, changed | tracked)
            return OutsideAnswer(token, now, ids, pages, changed, positions,
                                 "same" if same else "appended" if appended else "moved")

        return probe

    def apply_outside(self, answer: Any) -> set[int]:
        """GUI thread: put the probe's prepared answer in place — the ids, the pages, the signature —
        and tell the view exactly what moved: ``dataChanged`` for the rows changed, ``rowsInserted`` for
        records added at the end, one ``layoutChanged`` when the order changed. No query, no pass over
        the ids. Returns the records to flash. An edit of ours or a change of window since the probe
        started makes the answer moot: the id list is then read again on a worker, as before."""
        if answer is None:
            return set()
        self._forget_kept()  # others' change: the windows kept are not the register's now
        if self._listing is not None and self._listing.done.is_set():
            self._finish_listing()  # the probe compared with its ids: in place before its answer
        self._passing_filters.clear()
        if answer.token != self._reload_token:
            self._stale = True
            if not answer.changed:
                QTimer.singleShot(0, self, self._refresh_if_stale)
            return answer.changed
        last = len(self.fields) - 1
        old_count = len(self.ids)
        before = self._signature
        self._signature, self._total, self._stale = answer.signature, answer.signature[0], False
        self._follow_bounds(before, None)  # others' change: which records, not known
        self._reload_token += 1  # a read started from the ids before these is moot now
        self._applied = set(answer.changed)
        if answer.kind == "moved":
            def install() -> None:
                self.ids = answer.ids
                self._pages = OrderedDict(sorted(answer.pages.items()))
                self.unmatched.clear()  # read again: the filters as they are

            self._relayout(install, answer.positions)
            return answer.changed
        self._pages.update(answer.pages)
        if answer.kind == "appended":
            if old_count // PAGE not in answer.pages:  # the old last page, read meanwhile, lacks the new rows
                self._pages.pop(old_count // PAGE, None)
            self.beginInsertRows(QModelIndex(), old_count, len(answer.ids) - 1)
            self.ids = answer.ids
            self.endInsertRows()
        for rid in answer.changed:
            row = answer.positions.get(rid)
            if row is not None and row < old_count:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return answer.changed

    def outside_changed_ids(self, session) -> set[int]:
        """When the aggregate signature moved: the records changed among the rows in memory (what the
        user sees) and the new ones, to flash. The id list itself is read again by the refresh that
        follows (``records_changed``), or at once when none of those changed (edits out of sight,
        deletions)."""
        if self._signature_behind:  # our own edit's signature still being read (``_follow_our_edit``): next time
            return set()
        now = windows.signature(session, self.register, self.parent_id)
        if now == self._signature:
            return set()
        from ...models import records

        cached = {row[0]: row[1] for page in self._pages.values() for row in page}
        fresh = {row[0]: row[1] for row in records.fetch_rows(session, self.register, self.document.context,
                                                               ids=list(cached))} if cached else {}
        changed = {rid for rid, version in cached.items() if fresh.get(rid) != version}
        changed |= set(windows.ids_after(session, self.register, self._signature[1], self.parent_id))
        self._stale = True
        self._passing_filters.clear()
        if not changed:
            QTimer.singleShot(0, self, self._refresh_if_stale)
        return changed

    def _unflash(self, ids: set[int]) -> None:
        """The flash is over: repaint those records where they are painted, on the pages in memory
        (no pass over a million ids)."""
        self._flash -= ids
        last = len(self.fields) - 1
        for number, page in list(self._pages.items()):
            for i, row in enumerate(page):
                if row[0] in ids:
                    self.dataChanged.emit(self.index(number * PAGE + i, 0), self.index(number * PAGE + i, last))

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self._reload_in_background()

    def _on_records_changed(self, register: str, ids) -> None:
        if register != self.register.name:
            return
        self._passing_filters.clear()
        self._forget_kept()  # a change of the register, or of the settings (rating bands, review cadence)
        if self._applied and ids is not None and set(ids) == self._applied:
            self._applied = set()  # the timer's check put these in place already (``apply_outside``)
            return
        self._applied = set()
        if self._stale and ids is not None:
            # Someone else's change (``outside_changed_ids``): the rows shown are read again as they are
            # painted, so their new values show at once; the ordered ids (a second for a million
            # records) are read on a worker thread and put in place when they come.
            self._drop_pages()
            if self.ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.fields) - 1))
            self._reload_in_background()
        elif ids is not None and len(ids) > PAGE and self.document.only_updated(self.register.entity):
            self._follow_our_edit(ids)
        elif ids is None or self._stale or len(ids) > PAGE:
            before, stale = self._signature, self._stale
            self._relayout(self._refetch_all)
            self._follow_bounds(before, None if stale else ids)
        else:
            self.refresh_records(ids)

    def _follow_our_edit(self, ids: list[int]) -> None:
        """Our own edit of more than a page of records that added and deleted none (a Replace All, a fill, their
        undo): the table shows the same records after it, in an order the new values may have moved (a sort or
        a filter by the column edited). The rows in view show the new values at once — their pages are read
        again, by id, as they are painted — and the register's signature is read now (our edit is not taken
        for someone else's by the outside-changes check); the ordered ids, which were read again on the GUI
        thread (among 100,000 risks 0.1–0.5 s, a second and more among a million, and a relayout after it even
        when nothing moved), are read on a worker with the pages in view (``_reload_in_background``) and laid
        out only if their order moved (``_install_reloaded``). Meanwhile what needs every id in its order — a
        record's row, the next edit — waits for them (``_finish_reload``). The register's signature is read with
        them: read here, a scan of every row, it held the window 0.3–0.5 s among a million risks; until it comes
        the outside-changes check waits (``_signature_behind``), so our edit is not taken for someone else's."""
        before = self._signature
        self._signature_behind = True
        self._drop_pages()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.fields) - 1))
        self._reload_in_background()
        assert self._reloading is not None
        self._reloading.ours, self._reloading.before = list(ids), before

    def _reload_in_background(self) -> None:
        """Read the window's ids and signature on a worker thread with its own connection, with the rows of the
        pages in view; a change of window or our own edit meanwhile makes the answer moot (``_reload_token``);
        what needs every id before it comes waits for it (``_finish_reload``). A sort's, a filter's or a search's
        query still running on a worker (``_reorder_on_worker``) is stopped where it is — its answer was thrown away
        when it came, the worker having read a million ids for nothing — and this read, of the same window, answers
        it: put in place as it would have been (a filter's or a search's rows by a reset), what was to follow it
        done after."""
        self._reload_token += 1
        token, window, ctx = self._reload_token, self.window(), self.document.context
        office, register, parent_id = self.document.office, self.register, self.parent_id
        numbers, fetch, page_size, width = self._page_numbers(), rows_reader(register, ctx, parent_id), PAGE, len(self.fields)
        running = self._reloading
        if isinstance(running, _Reorder):
            running.stop.stop()
        elif running is not None:
            running = running.takes_over  # a reload that took a reorder over, itself made moot: this one takes it
        job = self._reloading = _Reload(token, running)

        def read(session):
            ids = windows.fetch_ids(session, register, window, ctx)
            return (ids, windows.signature(session, register, parent_id),
                    read_pages(session, fetch, ids, numbers, page_size, width))

        def work() -> None:
            try:
                job.result = office.read(read)
            except Exception:  # the server is away, the file closed: the next check tries again
                job.result = None
            finally:
                job.done.set()
            _queue_to_gui(self._reloaded, job)

        self.document.start_worker(work, "pmo-window-ids")

    def _finish_reload(self) -> None:
        """Something needs every id in its order now (a record's row, another edit): wait for the worker reading
        them again (``_reload_in_background``), put its answer in place."""
        job = self._reloading
        if job is None:
            return
        if job.token != self._reload_token:
            self._reloading = None  # moot: a sort, a filter or an edit read the ids since
            return
        wait_for(job.done)
        self._install_reloaded(job)

    def _install_reloaded(self, job: _Reload) -> None:
        if job is not self._reloading:
            return  # moot, or put in place already (``_finish_reload``)
        self._reloading = None
        if job.token != self._reload_token:
            return
        if isinstance(job, _Reorder):
            self._install_reorder(job)
            return
        if job.result is None:  # the server away, the file closed: the ids are read again at the next refresh
            self._stale, self._signature_behind = True, False  # (and the signature with them)
            return
        ids, sig, pages = job.result
        self._reload_token += 1  # a probe made from the ids before these is moot now
        self._forget_kept()  # read again after others' change
        before = self._signature if job.before is None else job.before

        def install() -> None:
            self.ids, self._signature, self._total = ids, sig, sig[0]
            self._signature_behind = False
            self.unmatched.clear()  # read again: the filters as they are
            self._pages = OrderedDict(sorted(pages.items()))
            self._stale = False

        reorder = job.takes_over
        if reorder is not None and reorder.reset:
            self._show(install, reset=True)  # a filter's or a search's rows: the table reset, as their answer resets it
        elif ids == self.ids and not self.unmatched:
            # The same records in the same order (arrays of one type compare as memory: milliseconds for a
            # million) — an edit of values no sort or filter shown looks at, a Replace All of titles in a table
            # sorted by score —: nothing moves, so no relayout, which asks Qt to keep every selected cell by
            # its record (a whole column of 100,000 cells selected: seconds of the window's time).
            install()
            if ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(self.fields) - 1))
        else:
            self._relayout(install)
        self._follow_bounds(before, job.ours)  # others' change (None): which records, not known
        if reorder is not None and reorder.after is not None:
            reorder.after()

    # ------------------------------------------------------------------ filters (from the proxy)
    def set_filters(self, search: str | None = None, column: int | None = None, allowed: set[str] | None = None,
                    record_ids: set[int] | None | bool = False, label: str = "") -> None:
        same_ids = (search is None and record_ids is False and column is not None
                    and self._filter_keeps_ids(column, allowed))
        # (not while a sort's ids are read on a worker: the ids shown are the order before, not the sort's)
        if not self.is_filtered and not self._stale and not self.listing and not same_ids and self._reloading is None:
            # Kept while filtered, so that taking the filters off lists nothing (among 1,000,000 risks
            # sorted by title, 0.7 s of CPU), and a filter of it is its ids less those failing
            # (``_narrowed_from``): while the register is unchanged (its signature, which every edit moves; any
            # change of it or of the settings drops it: ``_on_records_changed``) and the day the same.
            self._keep(self.window(), self.ids)
        if search is not None:
            self.search = search
            if search:
                self._ensure_search_index()
                if windows.needs_date_bounds(search):
                    _waited_for(self.bounds_ahead)  # read since typing began (``expect_search``): not read twice
        if column is not None:
            if allowed is None:
                self.column_filters.pop(column, None)
            else:
                self.column_filters[column] = set(allowed)
        if record_ids is not False:
            self.record_ids = None if record_ids is None else set(record_ids)  # type: ignore[arg-type]
            self.record_filter_label = label if record_ids is not None else ""
        if not same_ids:
            self._read_window(first=True, keep_unmatched=False, reset=True)

    def expect_search(self, text: str) -> None:
        """The search box is being typed in: a search that will need the dates' first and last (a date's
        words, "dec"), dropped since another user's change (``_follow_bounds``), has them read on a worker
        during the pause before it runs (``SEARCH_PAUSE_MS``) rather than by a scan on the GUI thread
        then."""
        if (self.parent_id is None and self._total >= LIST_FIRST_FROM and not self._stale
                and not self._signature_behind and windows.needs_date_bounds(text) and not windows.has_date_bounds(self.register, self._bounds())
                and not (self.bounds_ahead is not None and self.bounds_ahead.is_alive())):
            self.bounds_ahead = self._read_bounds_ahead()

    def _filter_keeps_ids(self, column: int, allowed: set[str] | None) -> bool:
        """Whether setting this column's filter to ``allowed`` (None: off) shows the same ids in the same
        order: the filter before and the filter after each pass every record (nobody changed the
        register since the one before was checked). A filter every row passes ("Threat" in a register
        of threats, a blank column) then costs one scan of the table, not a sort and a million ids."""
        if self._stale:
            self._passing_filters.clear()
            return False
        before = column not in self.column_filters or column in self._passing_filters
        self._passing_filters.discard(column)
        if not before:
            return False
        if allowed is None:
            return True
        f = self.fields[column]
        if not self.document.office.read(windows.passes_all, self.register, f.name, frozenset(allowed),
                                         self.document.context, self.parent_id):
            return False
        self._passing_filters.add(column)
        return True

    def _ensure_search_index(self) -> None:
        """A large register of a file made before the search index (or on a PostgreSQL server, a trigram
        index), or before its one-character summary: build it once, at the first search (seconds for a
        million rows; ``models/search_index.py``)."""
        if self._search_index_checked:
            return
        self._search_index_checked = True
        office = self.document.office
        if office.read(search_index.is_complete, self.register):
            return
        # SQLite: the file's write lock is the worker's until it ends; PostgreSQL: its concurrent build, held up
        # by another transaction, would hold this build up too. Not done: this search goes without, a later one builds it.
        if not self.wait_for_indexes_ahead():
            self._search_index_checked = False
            return
        # On a worker behind a progress dialog: a million risks' index took 58 s of the GUI thread on a loaded machine
        # (the window frozen, a wait cursor its only sign). The window paints meanwhile; Cancel stops the build where it
        # is (SQLite's progress handler, PostgreSQL's query cancelled: ``windows.Stop``) and rolls it back — this search,
        # and the others of this table, read every row instead; the next table opened on the register asks again.
        from ..background import run_with_progress

        register, total, stop = self.register, self._total, windows.Stop()

        def build(session) -> bool:
            with stop.watching(session):
                return search_index.ensure(session, register, total)

        try:
            run_with_progress(QApplication.activeWindow(), f"Building the search index of the {register.title.lower()} "
                              f"({total:,} records; once)…", lambda progress, cancelled: office.write(build),
                              on_cancel=stop.stop)
        except (errors.StoreError, windows.Stopped):
            pass  # busy, read-only or cancelled: this search reads every row, a table opened later builds it

    def clear_filters(self) -> None:
        self._passing_filters.clear()
        self.search, self.record_filter_label = "", ""
        self.column_filters.clear()
        self.record_ids = None
        self._read_window(first=True, keep_unmatched=False, reset=True)

    def distinct_values(self, column: int, limit: int) -> list[str]:
        f = self.fields[column]
        raw = self.document.office.read(windows.distinct_values, self.register, f, limit + 1,
                                        self.document.context, self.parent_id)
        values = set()
        for v in raw:
            if f.kind.is_links:
                values.add(str(v) if v is not None else BLANK)
            else:
                values.add(format_value(f, v))
        if f.kind.is_links:
            values.add(BLANK)
        return sorted(values, key=shown_order)  # dates in date order, as the cells show them


def _window_key(window: Window) -> tuple:
    """A window as a dict key (its column filters are a dict): (parent, sort field, descending, search,
    every word, the filters sorted, the record filter's ids)."""
    filters = tuple(sorted((name, tuple(sorted(allowed))) for name, allowed in window.column_filters.items()))
    return (window.parent_id, window.sort_field, window.descending, window.search, window.every_word, filters,
            window.record_ids)


def _waited_for(worker: threading.Thread | None) -> bool:
    """GUI thread: wait for ``worker`` to end, ``WAIT_FOR_WORKER_S`` at most, with the wait cursor; whether it
    has (None: none)."""
    if worker is None or not worker.is_alive():
        return True
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        worker.join(WAIT_FOR_WORKER_S)
    finally:
        QApplication.restoreOverrideCursor()
    return not worker.is_alive()


class OutsideAnswer(NamedTuple):
    """What the timer's probe prepared on its worker for ``apply_outside``."""

    token: int  # the model's ``_reload_token`` when the probe was made: moot if it moved since
    signature: tuple[int, int, int]
    ids: array  # the window's ids in their order now
    pages: dict[int, list[tuple]]  # the pages that were in memory, read again in that order
    changed: set[int]  # the records shown whose version moved, and the records added: to flash
    positions: dict[int, int]  # new rows of those and of the records the view tracked
    kind: str  # "same" order, "appended" at the end, or "moved"


def read_pages(session, fetch, ids: array, numbers: list[int], page_size: int, width: int) -> dict[int, list[tuple]]:
    """The rows of pages ``numbers`` of ``ids`` (one query), as ``WindowedRegisterModel._page`` keeps them."""
    wanted = {n: ids[n * page_size:(n + 1) * page_size].tolist() for n in numbers if n * page_size < len(ids)}
    flat = [rid for rids in wanted.values() for rid in rids]
    fetched = {row[0]: row for row in fetch(session, flat)} if flat else {}
    blank = (None,) * width
    return {n: [fetched.get(rid) or (rid, 0, *blank) for rid in rids] for n, rids in wanted.items()}


def positions_in(ids: array, wanted) -> dict[int, int]:
    """Rows of some records in ``ids``, by numpy over the ids' own memory: about a millisecond for a
    million ids, where ``array.index`` or a pass in Python makes and compares an int per id (30–100 ms,
    holding the interpreter lock, so a worker doing it held up the GUI thread too)."""
    wanted = set(wanted)
    if not wanted or not ids:
        return {}
    import numpy as np  # pyqtgraph's dependency; loaded by the first large table, not at start-up
    view = np.frombuffer(ids, dtype=np.int64)  # no copy; released below, so the array can grow again
    try:
        rows = np.flatnonzero(np.isin(view, np.fromiter(wanted, dtype=np.int64, count=len(wanted))))
        found: dict[int, int] = {}
        for row in rows.tolist():
            found.setdefault(int(view[row]), row)  # the first, as ``array.index``
        return found
    finally:
        del view


_DECORATION, _CHECK_STATE = Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole
_FONT, _TOOLTIP, _DISPLAY = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DisplayRole
_VERTICAL = Qt.Orientation.Vertical


class WindowedProxy(UnmatchedMarks, QIdentityProxyModel):
    """``RegisterFilterProxy``'s interface over a windowed model: the model filters in the database.

    The search box asks the database once typing pauses for ``SEARCH_PAUSE_MS`` (each query reads
    the whole register), not at every key."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._typed = ""
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._apply_search)

    def source(self) -> WindowedRegisterModel:
        model = self.sourceModel()
        assert isinstance(model, WindowedRegisterModel)
        return model

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        self._model = model

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        """The model's answer for the same row and column, asked of it directly (``RegisterTableModel.cell``):
        painting a screen asks about seven roles of every cell shown, and each went from this proxy to
        Qt's identity mapping and back into Python for the model's ``data``. The roles no cell of a
        register answers (an icon, a tick box) are answered here; a font and a tooltip as the marks of a
        row kept in view say (``UnmatchedMarks``)."""
        if role == _DECORATION or role == _CHECK_STATE:
            return None
        if role == _FONT and not self._model.unmatched:
            return None  # no cell answers a font but a row kept in view's italics (asked of every cell painted)
        if role == _FONT or role == _TOOLTIP:
            return UnmatchedMarks.data(self, index, role)
        if not index.isValid() or index.model() is not self:
            return None
        return self._model.cell(index.row(), index.column(), role)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        """As ``data``: a row's number (or its mark) and a column's caption asked of the model directly."""
        if orientation == _VERTICAL:
            if role == _DISPLAY and not self._model.unmatched:
                return str(section + 1)  # a row's number: asked a thousand times a reset (the header's width)
            if role != _DISPLAY and role != _TOOLTIP:
                return None  # the model's row numbers answer nothing else
            if self._model.unmatched:
                return UnmatchedMarks.headerData(self, section, orientation, role)
        return self._model.headerData(section, orientation, role)

    def flags(self, index):
        return self._model.flags(index) if index.isValid() else super().flags(index)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def set_search(self, text: str) -> None:
        self._typed = text.strip().lower()
        if self._typed:
            self.source().expect_search(self._typed)
        if SEARCH_PAUSE_MS and self._typed:
            self._search_timer.start(SEARCH_PAUSE_MS)
        else:  # cleared: at once
            self._search_timer.stop()
            self._apply_search()

    def _apply_search(self) -> None:
        if self._typed != self.source().search:
            self.source().set_filters(search=self._typed)

    def set_column_filter(self, column: int, allowed: set[str] | None) -> None:
        self.source().set_filters(column=column, allowed=allowed)

    def column_filter(self, column: int) -> set[str] | None:
        return self.source().column_filters.get(column)

    def set_record_filter(self, ids: set[int] | None, label: str = "") -> None:
        self.source().set_filters(record_ids=ids, label=label)

    @property
    def record_filter_label(self) -> str:
        return self.source().record_filter_label

    def clear_filters(self) -> None:
        self._typed = ""
        self._search_timer.stop()
        if self.source().is_filtered:
            self.source().clear_filters()

    @property
    def is_filtered(self) -> bool:
        return self.source().is_filtered

    def filtered_beyond(self, columns: set[int]) -> bool:
        source = self.source()
        return bool(source.search or set(source.column_filters) - columns or source.record_ids is not None)

    def rows_passing(self, columns: set[int]) -> int:
        return self.source().total_rows()  # a windowed table is given no fixed restriction

    def unmatched_kept(self) -> list[int]:
        """Records shown only because they were edited while shown: the filters no longer pass them."""
        return sorted(self.source().unmatched)

    def _any_unmatched(self) -> bool:
        return bool(self.source().unmatched)

    def _is_unmatched(self, row: int) -> bool:
        model = self.source()
        return 0 <= row < len(model.ids) and model.ids[row] in model.unmatched

    def reapply_filters(self) -> None:
        if self.source().is_filtered:
            self.source().reload(signature=False)
