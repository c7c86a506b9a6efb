"""One record's past as a person reads it: each change the file keeps (``record_history``) as the fields it
moved, from what to what — "Probability: 2 – Low → 4 – High" — with when and by whom, newest first.

The history rows hold the record's table row (and its links) as JSON after each change; two rows after each
other differ in the fields that changed. Values read as the tables show them: dates "3 Dec 2026", levels
"4 – High", people and projects by name (a reference to a record deleted since reads "(deleted)").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .fields import Context, Field, Kind, Register
from .history_tables import RecordHistory
from .values import day_text, number_text

ADDED, CHANGED, DELETED = "Added", "Changed", "Deleted"
NOTHING = "—"


@dataclass(frozen=True)
class Step:
    """One change of the record: when, what (added, changed, deleted) and each field as (label, before, after), and
    who made it (``models/who``; None for a change recorded before the file kept it)."""

    when: datetime
    what: str
    fields: tuple[tuple[str, str, str], ...]
    by: str | None = None


def history_of(session: Session, reg: Register, record_id: int, ctx: Context) -> list[Step]:
    """The record's changes, newest first."""
    from .history import _registers_by_entity

    name = _registers_by_entity().get(reg.entity, reg).name  # the name its history rows are written under
    rows = session.execute(select(RecordHistory.changed_at, RecordHistory.data, RecordHistory.changed_by)
                           .where(RecordHistory.register == name, RecordHistory.record_id == record_id)
                           .order_by(RecordHistory.id)).all()
    fields = [f for f in reg.fields if f.kind.stored]
    names: dict[tuple[type, int], str] = {}
    steps: list[Step] = []
    before: dict[str, Any] | None = None
    for when, data, by in rows:
        after = json.loads(data) if data else None
        if after is None:
            if before is not None:
                steps.append(Step(when, DELETED, (), by))
        else:
            moved = []
            for f in fields:
                old = _shown(session, f, before.get(_key(f)) if before else None, ctx, names)
                new = _shown(session, f, after.get(_key(f)), ctx, names)
                if old != new:
                    moved.append((f.label, old, new))
            if before is None or moved:
                steps.append(Step(when, ADDED if before is None else CHANGED, tuple(moved), by))
        before = after
    steps.reverse()
    return steps


def _key(f: Field) -> str:
    """Where a field's value is in a history row: links under the field's name, the rest under its column."""
    return f.name if f.kind is Kind.LINKS else f.attr


def _shown(session: Session, f: Field, value: Any, ctx: Context, names: dict[tuple[type, int], str]) -> str:
    if value is None or value == "" or value == []:
        return NOTHING
    if f.kind is Kind.LINKS:
        return "; ".join(sorted(_name(session, f, v, names) for v in value))
    if f.kind is Kind.REF:
        return _name(session, f, value, names)
    if f.kind is Kind.DATE:
        try:
            return day_text(date.fromisoformat(str(value)[:10]))
        except ValueError:
            return str(value)
    if f.kind is Kind.BOOL:
        return "Yes" if value else "No"
    options = f.kind.options(f, ctx)
    if options:
        for text, data in options:
            if data == value and text:
                return text
    if f.kind is Kind.FLOAT and isinstance(value, (int, float)):
        # As the table shows it, "1,234,567": ``Field.display`` (a copy's, a CSV's text) wrote "1.23457e+06" —
        # a decision's cost, a project's budget read in another notation, and its last digits lost.
        return number_text(float(value))
    return f.display(value)


def _name(session: Session, f: Field, target_id: Any, names: dict[tuple[type, int], str]) -> str:
    if f.ref is None or not isinstance(target_id, int):
        return str(target_id)
    key = (f.ref.target, target_id)
    if key not in names:
        row = session.get(f.ref.target, target_id)
        names[key] = str(getattr(row, f.ref.label)) if row is not None else "(deleted)"
    return names[key]
