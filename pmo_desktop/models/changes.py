"""What others changed since a view last read a register (two windows, or a shared server).

A view refreshing on focus or on a timer compares the (id, version) of every record — one cheap
query on two columns — with the rows it shows, then refetches only the records that differ with
``records.fetch_rows(ids=...)`` and can mark them. Every write bumps a record's version, so an
edit, an insert or a delete by anyone is seen. Not seen by the version alone: a value shown from
another register (a renamed project shown in the risk register) or computed from children; refresh
those registers when the register they depend on changed.
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .base import Audited
from .fields import Register

ShownRow = tuple[Any, ...]  # a row as a view shows it: (id, version, ...)


def _entity(reg: Register) -> type[Audited]:
    """The register's entity: every register's entity carries the audit id and version."""
    entity = reg.entity
    assert issubclass(entity, Audited), f"{reg.name}: {entity.__name__} has no id/version"
    return entity


def fetch_versions(session: Session, reg: Register, parent_id: int | None = None) -> dict[int, int]:
    """Every record's id → version (only one parent's children when ``parent_id`` is given)."""
    E = _entity(reg)
    query = select(E.id, E.version)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return dict(session.connection().execute(query).all())


def versions_of(session: Session, reg: Register, ids: list[int]) -> dict[int, int]:
    """id → version of these records (those deleted are missing): one query on two columns."""
    E = _entity(reg)
    return dict(session.connection().execute(select(E.id, E.version).where(E.id.in_(ids))).all())


def changed_ids(session: Session, reg: Register, shown: Iterable[ShownRow], parent_id: int | None = None) -> set[int]:
    """Ids of records added, changed or deleted by anyone since ``shown`` (rows ``(id, version, ...)``)."""
    now = fetch_versions(session, reg, parent_id)
    seen = {row[0]: row[1] for row in shown}
    return {rid for rid in now.keys() | seen.keys() if now.get(rid) != seen.get(rid)}


def signature(session: Session, reg: Register, parent_id: int | None = None) -> tuple[int, int, int]:
    """(count, highest id, sum of versions): changes whenever any record is added, edited or deleted,
    since versions only grow. One aggregate query, so a timer can poll a 100,000-row register cheaply
    and read every (id, version) only when something did change."""
    E = _entity(reg)
    query = select(func.count(), func.coalesce(func.max(E.id), 0), func.coalesce(func.sum(E.version), 0))
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    count, top, total = session.connection().execute(query).one()
    return int(count), int(top), int(total)


def rows_signature(shown: Iterable[ShownRow]) -> tuple[int, int, int]:
    """The same signature for the rows a view shows (``(id, version, ...)``)."""
    count = top = total = 0
    for row in shown:
        count += 1
        top = max(top, row[0])
        total += row[1]
    return count, top, total
