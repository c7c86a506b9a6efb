"""What others changed since a view last read a register (two windows, or a shared server).

A view refreshing on focus or on a timer compares the (id, version) of every record — one cheap
query on two columns — with the rows it shows, then refetches only the records that differ with
``records.fetch_rows(ids=...)`` and can mark them. Every write bumps a record's version, so an
edit, an insert or a delete by anyone is seen. Not seen by the version alone: a value shown from
another register (a renamed project shown in the risk register) or computed from children; refresh
those registers when the register they depend on changed.
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .fields import Register


def fetch_versions(session: Session, reg: Register, parent_id: int | None = None) -> dict[int, int]:
    """Every record's id → version (only one parent's children when ``parent_id`` is given)."""
    E = reg.entity
    query = select(E.id, E.version)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return dict(session.connection().execute(query).all())


def changed_ids(session: Session, reg: Register, shown: Iterable[tuple], parent_id: int | None = None) -> set[int]:
    """Ids of records added, changed or deleted by anyone since ``shown`` (rows ``(id, version, ...)``)."""
    now = fetch_versions(session, reg, parent_id)
    seen = {row[0]: row[1] for row in shown}
    return {rid for rid in now.keys() | seen.keys() if now.get(rid) != seen.get(rid)}
