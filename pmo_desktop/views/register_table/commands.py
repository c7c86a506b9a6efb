"""Undoable register changes: edit cells (one or a pasted block), add, duplicate, delete records."""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, overload

from ...models import records
from ...models.errors import EditConflict, ValidationError
from ...models.fields import Register, count_of
from ..document import Document, DocumentCommand

if TYPE_CHECKING:
    from ...models.kept_journal import KeptEdit

# Records from which a cell edit (Replace All, a paste, a fill) is written behind a progress dialog: 5,000
# records take about half a second (benchmarks/bench_replace.py), what a window may freeze for at most.
LONG_EDIT = 5_000
# Cells of one kept edit (made while the server is away) its table shows as typed, marked not saved
# (``EditCellsCommand.kept_cells``): a typed cell, a pasted block. A Replace All of 100,000 cells kept is said by the
# window's bar only — a dict of every cell, looked up at each paint, for what the bar already says.
KEPT_SHOWN_AT_MOST = 10_000
# Rows from which records added at once (a paste run past the end, or into the ✱ line) are saved behind a progress
# dialog. Written one record at a time (5–18 ms each) a paste of 4,000 rows froze the window for 40 s; in batches of
# a bulk insert (``records.create_many``) it takes 0.5 s, but 70,000 rows of a 5 MB paste still take seconds.
LONG_CREATE = 100


@dataclass
class CellEdit:
    record_id: int
    field: str
    old: Any
    new: Any


# Distinct values ``CellEdits`` keeps one object of (the old values a fill overwrites — a few categories a million
# times —, the one value it writes): past these, values are kept as given (a Replace All's million titles are all
# different, and a dict of them would only add to them).
SHARED_VALUES = 1_000


class CellEdits(Sequence[CellEdit]):
    """Many cell edits kept compactly, as the undo of a long edit holds them: the records' ids in an array, each
    field by its number, each old and new value a reference — equal values one object while there are few
    (``SHARED_VALUES``). A fill of a million cells kept a ``CellEdit`` a cell (about 200 bytes each, and a string
    a cell for the old values read), and the collector walked them all at each full pass once the job was over.
    A ``CellEdit`` is made when one is asked for (``edits[0]``, a conflict's record, a warning's rows)."""

    def __init__(self, edits: Iterable[CellEdit] = ()) -> None:
        self.ids = array("q")
        self._field_numbers = array("H")
        self.fields: list[str] = []  # the fields edited, by number
        self._number_of: dict[str, int] = {}
        self.olds: list[Any] = []
        self.news: list[Any] = []
        self._shared: dict[tuple[type, Any], Any] = {}
        for e in edits:
            self.add(e.record_id, e.field, e.old, e.new)

    def add(self, record_id: int, field: str, old: Any, new: Any) -> None:
        number = self._number_of.get(field)
        if number is None:
            number = self._number_of[field] = len(self.fields)
            self.fields.append(field)
        self.ids.append(record_id)
        self._field_numbers.append(number)
        self.olds.append(self._one_of(old))
        self.news.append(self._one_of(new))

    def append(self, edit: CellEdit) -> None:
        self.add(edit.record_id, edit.field, edit.old, edit.new)

    def _one_of(self, value: Any) -> Any:
        key = (value.__class__, value)  # by class too: 1, 1.0 and True are equal keys
        try:
            if len(self._shared) < SHARED_VALUES:
                return self._shared.setdefault(key, value)
            return self._shared.get(key, value)
        except TypeError:  # an unhashable value: kept as it is
            return value

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> CellEdit: ...

    @overload
    def __getitem__(self, i: slice) -> list[CellEdit]: ...

    def __getitem__(self, i: int | slice) -> CellEdit | list[CellEdit]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        return CellEdit(self.ids[i], self.fields[self._field_numbers[i]], self.olds[i], self.news[i])

    def __iter__(self) -> Iterator[CellEdit]:
        fields = self.fields
        for rid, number, old, new in zip(self.ids, self._field_numbers, self.olds, self.news):
            yield CellEdit(rid, fields[number], old, new)

    def record_ids(self) -> list[int]:
        """The records edited, each once, in the order of their first edit."""
        return list(dict.fromkeys(self.ids))

    def grouped_in_chunks(self, attr: str, size: int) -> Iterator[tuple[dict[int, dict[str, Any]],
                                                                      dict[int, dict[str, Any]]]]:
        """The values to write (``attr``: new, or old for an undo) and those expected, by record, ``size`` records a
        chunk (``records.update_in_chunks``): each record in one chunk, in the order of its first edit, its cells in
        their order. Made a chunk at a time, as it is written: the values of a million records grouped at once were
        two dicts a record."""
        import numpy as np  # imported before the worker begins (``EditCellsCommand._operate``)

        ids = np.frombuffer(self.ids, dtype=np.int64) if len(self.ids) else np.zeros(0, dtype=np.int64)
        _unique, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
        rank_of = np.empty(len(first), dtype=np.int64)
        rank_of[np.argsort(first, kind="stable")] = np.arange(len(first))
        ranks = rank_of[inverse]  # each edit's record, numbered in the order of its first edit
        order = np.argsort(ranks, kind="stable")
        cuts = np.searchsorted(ranks[order], np.arange(size, len(first), size)).tolist()
        writes, expects = (self.news, self.olds) if attr == "new" else (self.olds, self.news)
        fields, numbers, record_ids = self.fields, self._field_numbers, self.ids
        del ids, first, inverse, rank_of, ranks
        for start, end in zip([0, *cuts], [*cuts, len(order)]):
            by_record: dict[int, dict[str, Any]] = {}
            bases: dict[int, dict[str, Any]] = {}
            for i in order[start:end].tolist():
                rid, name = record_ids[i], fields[numbers[i]]
                by_record.setdefault(rid, {})[name] = writes[i]
                bases.setdefault(rid, {})[name] = expects[i]
            yield by_record, bases


def records_of(edits: Sequence[CellEdit]) -> list[int]:
    """The records of ``edits``, each once, in the order of their first edit."""
    if isinstance(edits, CellEdits):
        return edits.record_ids()
    return list(dict.fromkeys(e.record_id for e in edits))


class EditCellsCommand(DocumentCommand):
    """Set one or many cells in one transaction. A stale version raises EditConflict (no lost update)."""

    def __init__(self, document: Document, register: Register, edits: Sequence[CellEdit],
                 versions: dict[int, int] | None = None, text: str | None = None):
        if text is None:
            text = (f"Edit {register.field(edits[0].field).label}" if len(edits) == 1
                    else f"Edit {len(edits)} cells")
        super().__init__(document, text)
        self.register = register
        self.edits: Sequence[CellEdit] = edits
        self.versions = dict(versions or {})  # record id → version we expect to find
        self._saved = False  # applied once: an undo or redo of it is not cancellable
        # The records typed into as the table showed them (record id → field name → value), and the sub-table's
        # parent: a record someone else deletes before this is saved can be added back with the edit
        # (``MainWindow.offer_deleted``). Set by a table for an edit of a few records; empty, the deletion is an error.
        self.shown_rows: dict[int, dict[str, Any]] = {}
        self.parent_id: int | None = None
        self.said: list[str] = []  # what the edit did beyond its cells, for the status bar (``stamped_dates``)

    def _write(self, attr: str) -> None:
        try:
            new_versions = self._operate(attr, cancellable=attr == "new" and not self._saved)
        except EditConflict as conflict:
            if not self._untouched_since(conflict, self._grouped(attr, conflict.record_id)[1]):
                raise
            # Only the record's version moved on (a later edit of other cells, undone or not): the cells
            # this step writes still hold what it expects, so it goes ahead on the current version.
            self.versions[conflict.record_id] = conflict.current_version
            new_versions = self._operate(attr, cancellable=False)
        self.versions = new_versions
        self._saved = True

    def follow(self, earlier: DocumentCommand) -> None:
        """The cells ``earlier`` (saved) wrote are expected to hold what it wrote, not what the table showed: two
        changes of one cell kept while the server was away, saved in order, asked about the second as someone
        else's change — the first, this window's own. The versions stay as they were taken: a colleague's change
        of another cell meanwhile is still found and asked about."""
        if not isinstance(earlier, EditCellsCommand) or earlier.register.name != self.register.name \
                or not earlier._saved:
            return
        written, _expected = earlier._grouped("new")
        if not any(rid in written for rid in records_of(self.edits)):
            return
        rebased = [CellEdit(e.record_id, e.field, written.get(e.record_id, {}).get(e.field, e.old), e.new)
                   for e in self.edits]
        self.edits = CellEdits(rebased) if isinstance(self.edits, CellEdits) else rebased

    def _grouped(self, attr: str, only: int | None = None) -> tuple[dict[int, dict[str, Any]], dict[int, dict[str, Any]]]:
        """The values this step writes (``attr``: new, or old for an undo) and those it expects to find, by record
        (``only``: that record's alone)."""
        base_attr = "old" if attr == "new" else "new"
        by_record: dict[int, dict[str, Any]] = {}
        bases: dict[int, dict[str, Any]] = {}
        for e in self.edits:
            if only is None or e.record_id == only:
                by_record.setdefault(e.record_id, {})[e.field] = getattr(e, attr)
                bases.setdefault(e.record_id, {})[e.field] = getattr(e, base_attr)
        return by_record, bases

    def _operate(self, attr: str, cancellable: bool) -> dict[int, int]:
        """The office core's write of these cells, and the versions of every record after it (those it expected,
        those written moved on: made on the worker for a long edit — a million merged on the GUI thread held it
        a quarter of a second); from ``LONG_EDIT`` records on, on a worker behind a progress
        dialog (the window painting; Cancel, the first time only, saves nothing — an undo or redo begun goes
        through, or its step would be lost from Edit ▸ Undo). There the values are grouped by record on the
        worker too: a fill of a million cells grouped them on the GUI thread for a second. From ``WRITE_CHUNK``
        records, a chunk of records at a time (``records.update_in_chunks``), the edits kept compactly (``CellEdits``):
        a million records written at once peaked at 3.4 GiB."""
        register, ctx, versions = self.register, self.document.context, self.versions
        records_written = len(versions) or len({e.record_id for e in self.edits})
        if records_written < LONG_EDIT:
            by_record, bases = self._grouped(attr)
            # an undo too, while the record is still being typed: its "Added" entry then holds the value put back
            typed = self.document.being_typed
            being_made = [rid for rid in by_record if (register.name, rid) in typed] if typed else []
            return {**versions, **self.document.operate(records.update_many, register, by_record, ctx, versions,
                                                        bases, being_made=being_made)}
        label = (f"{'Undoing' if attr == 'old' else 'Saving'}: {self.text()} "
                 f"({count_of(records_written, self.register.noun)})…")
        if records_written > records.WRITE_CHUNK:
            if not isinstance(self.edits, CellEdits):
                self.edits = CellEdits(self.edits)
            edits = self.edits
            import numpy  # noqa: F401  # here, not first on the worker: another worker may be importing it (half made)

            def update_in_chunks(session: Any, **told: Any) -> dict[int, int]:
                return {**versions, **records.update_in_chunks(
                    session, register, edits.grouped_in_chunks(attr, records.WRITE_CHUNK), records_written,
                    edits.fields, ctx, versions, **told)}

            return self.document.operate_long(label, update_in_chunks, cancellable=cancellable)

        def update(session: Any, **told: Any) -> dict[int, int]:
            by_record, bases = self._grouped(attr)
            return {**versions, **records.update_many(session, register, by_record, ctx, versions, bases, **told)}

        return self.document.operate_long(label, update, cancellable=cancellable)

    @staticmethod
    def _untouched_since(conflict: EditConflict, bases: dict[int, dict[str, Any]]) -> bool:
        """Whether every cell this step writes in the conflicting record still holds its base value."""
        base = bases.get(conflict.record_id)
        if not base:
            return False
        return all((conflict.theirs_values.get(name) or None) == (value or None) for name, value in base.items())

    def place(self, undoing: bool) -> tuple[str, list[int], str | None] | None:
        return self.register.name, records_of(self.edits), self.edits[0].field

    def kept_cells(self) -> tuple[str, dict[tuple[int, str], Any]] | None:
        if len(self.edits) > KEPT_SHOWN_AT_MOST:
            return None  # a Replace All or fill of many cells kept whole: said by the bar, not cell by cell
        return self.register.name, {(e.record_id, e.field): e.new for e in self.edits}

    def journal_edits(self) -> list[KeptEdit] | None:
        """Every cell, however many: a block past what a table shows kept (a Replace All, a fill of 100,000 cells)
        was kept in the window only, and lost with it."""
        from ...models.kept_journal import KeptEdit

        now = kept_now()
        labels = {rid: shown_label(self.register, row) for rid, row in self.shown_rows.items()}
        unshown = ("", "", "")
        return [KeptEdit(self.register.name, e.record_id, e.field, e.new, e.old, self.versions.get(e.record_id), now,
                         label, code, named=named)
                for e in self.edits for label, code, named in (labels.get(e.record_id, unshown),)]

    def drop_kept_cells(self, register: str, cells: Collection[tuple[int, str]]) -> bool:
        if register != self.register.name or len(self.edits) > KEPT_SHOWN_AT_MOST:
            return False
        self.edits = [e for e in self.edits if (e.record_id, e.field) not in cells]
        return not self.edits

    def apply(self) -> None:
        self._write("new")

    def revert(self) -> None:
        self._write("old")

    def take_resolution(self, conflict, choice, ctx) -> bool:
        """Rebase this edit on the record as someone else saved it, as the user chose: keep theirs
        drops this record's cells; overwrite / re-apply keep the cells to write (models.conflicts)
        and remember theirs as the value undo goes back to. Returns whether anything is left."""
        from ...models.conflicts import values_to_write

        rid = conflict.record_id
        keep = set(values_to_write(self.register, conflict, choice, ctx))
        remaining = []
        for e in self.edits:
            if e.record_id != rid:
                remaining.append(e)
            elif e.field in keep:
                e.old = conflict.theirs_values.get(e.field)
                remaining.append(e)
        self.edits = remaining
        self.versions[rid] = conflict.current_version
        return bool(self.edits)


def kept_now() -> datetime:
    """When a change was kept, on this computer's clock with its zone (the offer says the day it was typed)."""
    return datetime.now().astimezone()


def shown_label(register: Register, row: dict[str, Any]) -> tuple[str, str, str]:
    """A record as its table showed it, for the journal (``KeptEdit``): its label ("R-004 “Crane slips”"), its code,
    and — for a register with no code — its first text, for the next start to check the ID still holds it."""
    key, name = register.key_field, register.name_field
    code = str(row.get(key.name) or "") if key is not None else ""
    title = str(row.get(name.name) or "") if name is not None else ""
    label = " ".join(filter(None, (code, f"“{title}”" if title else "")))
    return label, code, title if key is None else ""


def added_text(register: Register, rows: list[dict]) -> str:
    """What adding ``rows`` is called in Edit ▸ Undo and in "Undone: …": "Add “Quay risk” to the risk register"
    — "Add risk register row", said on the overview after Ctrl+Z, named neither the record nor where it was."""
    where = f"the {register.title.lower()}"
    name = register.name_field
    if len(rows) == 1:
        value = rows[0].get(name.name) if name is not None else None
        return f"Add “{value}” to {where}" if value not in (None, "") else f"Add a row to {where}"
    return f"Add {len(rows)} rows to {where}"


def cells_text(register: Register, verb: str, cells: int, preposition: str = "in") -> str:
    """What a command over many cells is called in Edit ▸ Undo and in "Undone: …", naming the register it
    changed: "Paste 24 cells into the stakeholder map", "Fill down 3 cells in the risk register", "Clear 6 cells
    in the benefits plan", "Replace “Supply” with “Supplier” in 12 cells of the risk register". "Paste 24 cells"
    alone, said by Ctrl+Z on the benefits page after pastes into both registers, read as the benefits' paste
    undone when the stakeholders' was, the next Ctrl+Z saying the same words (walk41); Fill down, Clear cells
    and Replace said no register at all (walk42). Every many-cell command's words come from here."""
    return f"{verb} {cells:,} cell{'s' if cells != 1 else ''} {preposition} the {register.title.lower()}"


def pasted_text(register: Register, cells: int) -> str:
    return cells_text(register, "Paste", cells, "into")


class CreateRecordsCommand(DocumentCommand):
    """Add records (a new row, a duplicate, the rows of a paste that run past the end)."""

    def __init__(self, document: Document, register: Register, rows: list[dict], parent_id: int | None = None,
                 text: str | None = None, row_numbers: list[int] | None = None):
        """``row_numbers``: the table's row number of each row (a paste's rows past the end), named in a refusal."""
        super().__init__(document, text or added_text(register, rows))
        self.register = register
        self.rows = rows
        self.parent_id = parent_id
        self.row_numbers = row_numbers
        self.ids: list[int] = []
        self.snapshot: records.Snapshot | None = None
        self.tokens: list[str] = []  # each row's name in the journal while kept (``journal_edits``): made once

    def journal_edits(self) -> list[KeptEdit] | None:
        """Each row added while it is kept: its values, its parent, a token naming it (its record has no ID yet).
        Added rows were kept in the window only, and lost with it."""
        from ...models.kept_journal import ADDED, KeptEdit, new_token

        if self.snapshot is not None:
            return None  # a redo of records once saved: their own IDs, not rows typed (never kept: ``_guarded``)
        if len(self.tokens) != len(self.rows):
            self.tokens = [new_token() for _row in self.rows]
        now = kept_now()
        return [KeptEdit(self.register.name, 0, "", dict(row), None, None, now, shown_label(self.register, row)[0],
                         kind=ADDED, token=token, parent_id=self.parent_id) for row, token in zip(self.rows, self.tokens)]

    def apply(self) -> None:
        if self.snapshot is None:
            args = (records.create_many, self.register, self.rows, self.document.context, self.parent_id)
            try:
                if len(self.rows) < LONG_CREATE:
                    self.ids = self.document.operate(*args)
                else:  # the window paints meanwhile; Cancel adds none of them
                    self.ids = self.document.operate_long(f"Adding {count_of(len(self.rows), self.register.noun)}…",
                                                          *args)
            except ValidationError as e:
                # A paste's row the register refused is named by its row, as a row pasted over is: "Threat /
                # opportunity: “Supplier” is not one of …" alone left the user to find which of 40 rows said so.
                at = e.row_index
                if self.row_numbers is None or at is None or not 0 <= at < len(self.row_numbers):
                    raise
                refused = ValidationError(f"Nothing was changed:\nRow {self.row_numbers[at]}: {e}", e.field)
                refused.row_index = at
                raise refused from e
        else:  # redo after undo: the very same records, same IDs and codes — beside any added since (fault69)
            moved, said = self.document.operate(records.restore_records, self.snapshot)
            anew = moved.get(self.register.entity.__tablename__, {})
            self.ids = [anew.get(i, i) for i in self.ids]
            if said:
                self.document.error.emit(f"Redone: {self.text()}, beside changes made since by someone else:\n"
                                         + "\n".join(said))

    def revert(self) -> None:
        self.snapshot = self.document.operate(records.delete_records, self.register, self.ids)

    def place(self, undoing: bool) -> tuple[str, list[int], str | None] | None:
        return None if undoing else (self.register.name, list(self.ids), None)  # undone, the rows are gone


class DeleteRecordsCommand(DocumentCommand):
    def __init__(self, document: Document, register: Register, ids: list[int]):
        super().__init__(document, f"Delete {len(ids)} row{'s' if len(ids) != 1 else ''}")
        self.register = register
        self.ids = list(ids)
        self.snapshot: records.Snapshot | None = None
        # The records as the table showed them (record id → field → value, with its "version"), set by the table:
        # kept while the server is away, each deletion is journaled with the version it was made at, so that the
        # next start can tell a record a colleague changed since (``KeptOffer``).
        self.shown_rows: dict[int, dict[str, Any]] = {}
        # Record id → the version a deletion expects to find (the offer of kept deletions): a record changed since
        # is not deleted (``records.delete_records``'s ``versions``). Empty: deleted as they are.
        self.versions: dict[int, int] = {}

    def expect_as_shown(self) -> None:
        """Kept (the server away), the rows are deleted later only as the table showed them (their versions): a record
        a colleague changed meanwhile is not deleted (``records.delete_records``), said — it went with the row."""
        if not self.versions:
            self.versions = {rid: row["version"] for rid, row in self.shown_rows.items()
                             if row.get("version") is not None}

    def follow(self, earlier: DocumentCommand) -> None:
        """A cell of a record this deletes, typed before it while both were kept, was saved first and moved the
        record's version: the deletion expects the version that save left, not the one shown."""
        for part in getattr(earlier, "parts", [earlier]):
            if isinstance(part, EditCellsCommand) and part.register.name == self.register.name and part._saved:
                for rid in self.versions.keys() & part.versions.keys():
                    self.versions[rid] = part.versions[rid]

    def journal_edits(self) -> list[KeptEdit] | None:
        """Each record deleted while it is kept, with the version it was deleted at. Rows deleted were kept in the
        window only, and lost with it."""
        from ...models.kept_journal import DELETED, KeptEdit

        now = kept_now()
        edits = []
        for rid in self.ids:
            row = self.shown_rows.get(rid, {})
            label, code, named = shown_label(self.register, row)
            edits.append(KeptEdit(self.register.name, rid, "", None, None, row.get("version"), now, label, code,
                                  kind=DELETED, named=named))
        return edits

    def apply(self) -> None:
        versions = self.versions or None
        if len(self.ids) < LONG_EDIT:
            self.snapshot = self.document.operate(records.delete_records, self.register, self.ids, versions)
        else:  # behind a progress dialog; cancelled the first time, nothing deleted
            self.snapshot = self.document.operate_long(
                f"Deleting {count_of(len(self.ids), self.register.noun)}…", records.delete_records, self.register,
                self.ids, versions, cancellable=self.snapshot is None, tells=False)
        self.versions = {}  # once deleted, a redo after its undo deletes the very records it put back

    def place(self, undoing: bool) -> tuple[str, list[int], str | None] | None:
        return (self.register.name, list(self.ids), None) if undoing else None  # the rows put back

    def revert(self) -> None:
        assert self.snapshot is not None  # undo follows apply
        if len(self.ids) < LONG_EDIT:
            moved, said = self.document.operate(records.restore_records, self.snapshot)
        else:
            moved, said = self.document.operate_long(
                f"Undoing: putting back {count_of(len(self.ids), self.register.noun)}…", records.restore_records,
                self.snapshot, cancellable=False, tells=False)
        # put back beside what another window or client added since (fault69): a redo deletes these, not theirs
        anew = moved.get(self.register.entity.__tablename__, {})
        self.ids = [anew.get(i, i) for i in self.ids]
        if said:
            self.document.error.emit(f"Undone: {self.text()}, beside changes made since by someone else:\n"
                                     + "\n".join(said))


class CompositeCommand(DocumentCommand):
    """Several commands as one undo step (a paste that edits cells and adds rows).

    Applied in order; if one fails, those already applied are reverted, so the paste is all or nothing.
    """

    def __init__(self, document: Document, text: str, parts: list[DocumentCommand]):
        super().__init__(document, text)
        self.parts = parts

    def place(self, undoing: bool) -> tuple[str, list[int], str | None] | None:
        return next((where for part in self.parts if (where := part.place(undoing)) is not None), None)

    def journal_edits(self) -> list[KeptEdit] | None:
        """Its parts' (a paste's cells and the rows it added past the end)."""
        edits = [edit for part in self.parts for edit in (part.journal_edits() or [])]
        return edits or None

    def apply(self) -> None:
        done: list[DocumentCommand] = []
        try:
            for part in self.parts:
                part.apply()
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert()
            raise

    def revert(self) -> None:
        for part in reversed(self.parts):
            part.revert()
