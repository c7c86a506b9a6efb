"""What changed between two states of the office ("since the last board"), by declaration.

Each register says what a board watches: ``Register.watch_new`` / ``watch_gone`` (records that
appeared or went) and ``Field.watch`` (a heading for moves of that field: a risk's ratings, status and
escalation, a stakeholder's quadrant and engagement, a benefit's status). Any register declaring them is
compared — a new register joins by its declaration alone. Both states are read with the register's own
``fetch_rows``, computed columns worked out for each state's own day, so a rating band or a benefit's
status compares as the board saw it then and sees it now.

Who made each move (``Move.by``) is read from the office's history (``record_history.changed_by``) when both
states are of that office (``Source.kept_in``): the makers of the history rows between the two states that moved
that field — for a field the row keeps — or else of every row of the record between them; who added a new
record; who deleted a removed one. A row from before the file kept names reads "—".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import who
from .fields import Field, Kind, Register
from .history_tables import RecordHistory
from .records import fetch_rows, load_context
from .snapshots import Source
from .values import day_text


@dataclass(frozen=True)
class Move:
    register: str        # "risks"
    heading: str         # "Rating moves"
    record_id: int
    code: str            # "R-004" ("" for registers without IDs)
    name: str            # the record's title or name
    field: str = ""      # the field that moved ("" for a new or removed record)
    label: str = ""      # its label ("Inherent rating")
    before: str = ""     # as the user reads it ("High"); "" when blank or new
    after: str = ""
    by: str = ""         # who made it ("Ana Ruiz", "ana, ben"); "" when not known from the history

    def text(self) -> str:
        who = f"{self.code} {self.name}".strip()
        by = f" — by {self.by}" if self.by else ""
        if not self.field:
            return (f"{who} ({self.after})" if self.after else who) + by
        return f"{who}: {self.label} {self.before or '—'} → {self.after or '—'}{by}"


@dataclass
class Comparison:
    since: str
    until: str
    since_day: date
    until_day: date
    moves: list[Move] = field(default_factory=list)

    def sections(self) -> list[tuple[str, str, list[Move]]]:
        """(register title, heading, moves) in declaration order, only those with moves."""
        from .registers import REGISTERS

        out: list[tuple[str, str, list[Move]]] = []
        for reg in REGISTERS.values():
            for heading in _headings(reg):
                found = [m for m in self.moves if m.register == reg.name and m.heading == heading]
                if found:
                    out.append((reg.title, heading, found))
        return out

    def counts(self) -> dict[str, int]:
        """"Risk register: Rating moves" → how many."""
        return {f"{title}: {heading}": len(moves) for title, heading, moves in self.sections()}

    def as_json(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "since_day": self.since_day.isoformat(),
                "until_day": self.until_day.isoformat(), "counts": self.counts(),
                "moves": [asdict(m) for m in self.moves]}

    def lines(self) -> list[str]:
        """The comparison as plain text, one heading then one line per move."""
        out = [f"What changed from {self.since} to {self.until}:"]
        sections = self.sections()
        if not sections:
            out.append("  nothing the board watches.")
        for title, heading, moves in sections:
            out.append(f"{title} — {heading} ({len(moves)})")
            out += [f"  {m.text()}" for m in moves]
        return out


def _headings(reg: Register) -> list[str]:
    names = [reg.watch_new, *[f.watch for f in reg.watched_fields], reg.watch_gone]
    return [h for h in dict.fromkeys(names) if h]


def _shown(f: Field, value: Any) -> str:
    """As the board reads it: a forecast moving reads "13 Dec 2026 → 12 Jan 2027", as the pack's dates."""
    if isinstance(value, date):
        return day_text(value)
    # an assessment nobody made reads as such ("Not assessed yet → Supportive"), not as a blank before the arrow
    return f.display(value) if value not in (None, "") else f.unset


def _rows(session: Session, reg: Register, day: date) -> dict[tuple[int, Any], dict[str, Any]]:
    """Records by identity: the id and when the record was made — SQLite gives a deleted last record's
    id (and the register its ID) to the next new one, which is another record, not a move of the old."""
    ctx = load_context(session, day)
    names = ["id", "version", *reg.field_names]
    E: Any = reg.entity
    made: dict[int, Any] = {i: at for i, at in session.connection().execute(select(E.id, E.created_at))}
    return {(r[0], str(made.get(r[0]))): dict(zip(names, r)) for r in fetch_rows(session, reg, ctx)}


def _who(reg: Register, rec: dict[str, Any]) -> tuple[str, str]:
    key, name = reg.key_field, reg.name_field
    return (str(rec.get(key.name) or "") if key else "", str(rec.get(name.name) or "") if name else "")


def _summary(reg: Register, rec: dict[str, Any]) -> str:
    """How a new or removed record reads in one line: its watched values ("Inherent rating High; …")."""
    parts = [f"{f.label} {_shown(f, rec.get(f.name))}" for f in reg.watched_fields if _shown(f, rec.get(f.name))]
    return "; ".join(parts)


def compare_registers(before: Source, after: Source, registers: Iterable[Register] | None = None) -> Comparison:
    """Every declared move between two states (``before`` older), register by register."""
    from .registers import REGISTERS

    result = Comparison(before.label, after.label, before.day, after.day)
    kept = before.kept_in if before.kept_in is not None and before.kept_in is after.kept_in else None
    for reg in registers or REGISTERS.values():
        if not reg.watched:
            continue
        first = len(result.moves)
        old = before.office.read(_rows, reg, before.day)
        new = after.office.read(_rows, reg, after.day)
        for identity in sorted(new.keys() | old.keys()):
            rid = identity[0]
            a, b = old.get(identity), new.get(identity)
            if a is None and b is not None:
                if reg.watch_new:
                    result.moves.append(Move(reg.name, reg.watch_new, rid, *_who(reg, b), after=_summary(reg, b)))
                continue
            if b is None and a is not None:
                if reg.watch_gone:
                    result.moves.append(Move(reg.name, reg.watch_gone, rid, *_who(reg, a), after=_summary(reg, a)))
                continue
            assert a is not None and b is not None
            for f in reg.watched_fields:
                was, now = _shown(f, a.get(f.name)), _shown(f, b.get(f.name))
                if was != now:
                    result.moves.append(Move(reg.name, f.watch, rid, *_who(reg, b), f.name, f.label, was, now))
        if kept is not None and before.until is not None and len(result.moves) > first:
            result.moves[first:] = kept.read(_with_makers, reg, result.moves[first:], before.until, after.until)
    return result


def _with_makers(session: Session, reg: Register, moves: list[Move], since: datetime,
                 until: datetime | None) -> list[Move]:
    """``moves`` each with who made it: the makers of the history rows from ``since`` to ``until`` (None: now)."""
    from .history import _registers_by_entity

    H = RecordHistory
    name = _registers_by_entity().get(reg.entity, reg).name
    ids = sorted({m.record_id for m in moves})
    rows: dict[int, list[tuple[Any, Any, str | None]]] = {}  # record → (changed_at, data, changed_by), in order
    for start in range(0, len(ids), 500):
        query = (select(H.record_id, H.changed_at, H.data, H.changed_by)
                 .where(H.register == name, H.record_id.in_(ids[start:start + 500])).order_by(H.id))
        if until is not None:
            query = query.where(H.changed_at < until)
        for rid, at, data, by in session.execute(query):
            rows.setdefault(rid, []).append((at, data, by))
    keys = {f.name: (f.name if f.kind is Kind.LINKS else f.attr) for f in reg.fields if f.kind.stored}
    out = []
    for m in moves:
        steps, last = [], None  # (row before, row) of each change within the two moments
        for at, data, by in rows.get(m.record_id, ()):
            row = json.loads(data) if data else None
            if at >= since:
                steps.append((last, row, by))
            last = row
        if not m.field:  # a record new or removed: who added it, who deleted it
            makers = [by for old, new, by in steps if (old is None) != (new is None)]
        else:
            key = keys.get(m.field)
            makers = [by for old, new, by in steps if key is not None and old is not None and new is not None
                      and old.get(key) != new.get(key)]
        makers = makers or [by for _old, _new, by in steps]  # a computed field: whoever changed the record
        out.append(replace(m, by=", ".join(dict.fromkeys(who.shown(by) for by in makers))))
    return out
