"""What an operation changed, taken inside its own transaction: ``{entity: ids inserted / updated / deleted}``.

An operation (an import, a paste, a whole-office restore) runs its writes inside ``tracking()``; every
row the ORM flushes and every bulk INSERT written through ``records`` is noted there, so the caller
knows exactly which records *this* operation made — not "everything above the highest id before",
which also catches what another window or user saved meanwhile. Undo of an import deletes exactly
these ids, and the GUI announces the change from them.

Tracking is per thread of execution (a ``ContextVar``): an import in a worker thread and the GUI
thread's own edits never mix their notes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from operator import is_not
from typing import Any, cast

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction


@dataclass
class Changes:
    """Ids per ORM class. A record both inserted and then updated by the same operation counts as inserted."""

    inserted: dict[type, set[int]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[type, set[int]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[type, set[int]] = field(default_factory=lambda: defaultdict(set))

    def note(self, kind: str, entity: type, ids: Iterable[int | None]) -> None:  # None: a row without an id
        getattr(self, kind)[entity].update(filter(_given, ids))  # in C: an import's 10,000 ids, no frame each

    def entities(self) -> set[type]:
        return {e for part in (self.inserted, self.updated, self.deleted) for e, ids in part.items() if ids}

    def inserted_ids(self) -> dict[type, list[int]]:
        return {e: sorted(ids) for e, ids in self.inserted.items() if ids}

    def updated_ids(self) -> dict[type, list[int]]:
        """Updated records that existed before the operation (not its own new rows)."""
        return {e: sorted(ids - self.inserted.get(e, set())) for e, ids in self.updated.items()
                if ids - self.inserted.get(e, set())}


_current: ContextVar[Changes | None] = ContextVar("pmo_changes", default=None)
# Every record a transaction touches, whatever the path (ORM flush, Core bulk write, cascade): the
# record history (models/history.py) writes one row per record from it just before the commit.
# Set by ``Store.transaction`` for the whole transaction, independent of ``tracking``.
_touched: ContextVar[dict[type, set[int]] | None] = ContextVar("pmo_touched", default=None)
# Rows a bulk insert of this transaction handed the driver (``remember_written``), by entity and id: the
# record history encodes them as written instead of reading them back. Any later touch of a record
# (an ORM flush, a bulk update, a cascade) forgets its row, so the history reads that one back.
_written: ContextVar[dict[type, dict[int, Any]] | None] = ContextVar("pmo_written", default=None)


_given = partial(is_not, None)  # an id, not None: a row without one


@contextmanager
def touching() -> Iterator[dict[type, set[int]]]:
    """Collect the records this thread's transaction touches (``Store.transaction``)."""
    touched: dict[type, set[int]] = defaultdict(set)
    token = _touched.set(touched)
    written_token = _written.set({})
    try:
        yield touched
    finally:
        _written.reset(written_token)
        _touched.reset(token)


def remember_written(entity: type, rows: dict[int, Any]) -> None:
    """Rows just inserted, by id, as written (for the record history); call after noting their insert."""
    written = _written.get()
    if written is not None:
        written.setdefault(entity, {}).update(rows)


def written_rows(entity: type) -> dict[int, Any]:
    """The rows of ``entity`` this transaction wrote in bulk and touched no more since (id → row)."""
    written = _written.get()
    return written.get(entity, {}) if written is not None else {}


def touched_so_far() -> dict[type, set[int]]:
    """The records this thread's transaction touched so far (empty outside ``Store.transaction``)."""
    return _touched.get() or {}


def forget_touched() -> None:
    """Their history written already (``history.record_so_far``): the touched records and the rows written in
    bulk forgotten, so that a long write holds none of the records it wrote in its earlier chunks."""
    touched, written = _touched.get(), _written.get()
    if touched is not None:
        touched.clear()
    if written is not None:
        written.clear()


def _forget_written(entity: type, ids: Iterable[int]) -> None:
    written = _written.get()
    rows = written.get(entity) if written else None
    if rows and not rows.keys().isdisjoint(ids):  # an import's next batch: its new ids none of the rows before
        for i in ids:
            rows.pop(i, None)


def touch(entity: type, ids: Iterable[int | None]) -> None:
    """Records changed behind the ORM's back that are no operation's own result (rows a delete cascaded
    to, references it cleared): for the history only."""
    touched = _touched.get()
    if touched is not None:
        given = cast(list[int], list(filter(_given, ids)))
        touched[entity].update(given)
        _forget_written(entity, given)


@contextmanager
def tracking() -> Iterator[Changes]:
    """Note every change made by this thread of execution until the block ends."""
    changes = Changes()
    token = _current.set(changes)
    try:
        yield changes
    finally:
        _current.reset(token)


def note(kind: str, entity: type, ids: Iterable[int | None]) -> None:
    """For bulk writes that skip the ORM's unit of work (Core ``insert``/``delete``)."""
    ids = list(ids)
    changes = _current.get()
    if changes is not None:
        changes.note(kind, entity, ids)
    touch(entity, ids)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    changes = _current.get()
    touched = _touched.get()
    if changes is None and touched is None:
        return
    for kind, objs in (("inserted", session.new), ("updated", session.dirty), ("deleted", session.deleted)):
        for obj in objs:
            record_id: Any = getattr(obj, "id", None)
            if isinstance(record_id, int):
                if changes is not None:
                    changes.note(kind, type(obj), [record_id])
                if touched is not None:
                    touched[type(obj)].add(record_id)
                    _forget_written(type(obj), (record_id,))
