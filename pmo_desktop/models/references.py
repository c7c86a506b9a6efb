"""Who refers to a record, and merging duplicates so that every reference follows.

Found from the schema itself (every foreign key and link table that points at the record's table), so a
register added later is counted and re-pointed without a line here. Used before a delete ("Ann Lee
owns 3 risks and manages 1 project: delete anyway?") and by the People page's merge of "Helen" into
"Helen Brooks".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, delete, func, select, update
from sqlalchemy.orm import Session

from . import operations
from .base import Base, entities_by_table
from .errors import ValidationError


@dataclass(frozen=True)
class Reference:
    """One column that points at the table: ``table.column`` (in a link table, ``other`` is the far side)."""

    table: Table
    column: Column[int]
    other: Column[int] | None = None  # link tables: the column naming the record on the other side

    @property
    def is_link(self) -> bool:
        return self.other is not None


def references_to(target: Table) -> list[Reference]:
    refs: list[Reference] = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target:
                continue
            other = None
            if "id" not in table.c:  # a link table: its two columns name the two records it joins
                other = next((c for c in table.c if c is not fk.parent), None)
            refs.append(Reference(table, fk.parent, other))
    return refs


def _noun(table: Table) -> str:
    """How the user calls the records of a table ("risk register"), from the register declarations."""
    from .registers import REGISTERS

    for reg in REGISTERS.values():
        if reg.entity.__table__ is table:  # ORM classes carry their Table
            return reg.title.lower()
    return table.name.replace("_", " ")


def usage(session: Session, entity: type, ids: Sequence[int]) -> dict[str, int]:
    """How many records of each register refer to any of ``ids`` ({"risk register": 3, ...}); only
    registers that do refer are listed."""
    target: Table = entity.__table__  # type: ignore[attr-defined]
    counts: dict[str, int] = {}
    for ref in references_to(target):
        n = session.scalar(select(func.count()).select_from(ref.table).where(ref.column.in_(list(ids)))) or 0
        if n:
            key = _noun(ref.table)
            counts[key] = counts.get(key, 0) + n
    return counts


def usage_sentence(counts: dict[str, int]) -> str:
    """"3 records of the risk register and 1 of projects" for a confirmation message."""
    parts = [f"{n} in {where}" for where, n in sorted(counts.items(), key=lambda item: -item[1])]
    if not parts:
        return "nothing refers to it"
    return (", ".join(parts[:-1]) + " and " + parts[-1]) if len(parts) > 1 else parts[0]


def merge_into(session: Session, entity: type, keep_id: int, merged_ids: Sequence[int]) -> int:
    """Point every reference to ``merged_ids`` at ``keep_id``, then delete the merged records.

    Links (a risk's affected projects) are re-pointed without creating duplicates. Returns how many
    references moved. Undo is the caller's: capture the records and their referrers first.
    """
    merged = [i for i in merged_ids if i != keep_id]
    if not merged:
        return 0
    target: Table = entity.__table__  # type: ignore[attr-defined]
    if session.get(entity, keep_id) is None:
        raise ValidationError("The record to keep no longer exists (someone may have deleted it).")
    moved = 0
    # The records whose references move are told to the record history (``operations.touch``): a Core UPDATE is
    # no ORM flush, and unheard the history's last entry of each still named the person merged away — the office
    # "as at" today, a board snapshot's comparison and what changed since showed those risks with no owner.
    entities = entities_by_table()
    for ref in references_to(target):
        if ref.other is None:
            ids = session.scalars(select(ref.table.c.id).where(ref.column.in_(merged))).all()
            if ids:
                session.execute(update(ref.table).where(ref.table.c.id.in_(ids)).values({ref.column.name: keep_id}))
                moved += len(ids)
                if "version" in ref.table.c:  # others' views see the change (versions only grow)
                    session.execute(update(ref.table).where(ref.table.c.id.in_(ids))
                                    .values(version=ref.table.c.version + 1))
                if ref.table.name in entities:
                    operations.touch(entities[ref.table.name], ids)
            continue
        other = ref.other
        already = set(session.scalars(select(other).where(ref.column == keep_id)))
        pairs = session.execute(select(other).where(ref.column.in_(merged))).scalars().all()
        fresh = sorted({o for o in pairs if o not in already})
        session.execute(delete(ref.table).where(ref.column.in_(merged)))
        if fresh:
            session.execute(ref.table.insert(), [{ref.column.name: keep_id, other.name: o} for o in fresh])
        moved += len(pairs)
        linking = next((fk.column.table.name for fk in other.foreign_keys), None)  # the record holding the links
        if linking in entities:
            operations.touch(entities[linking], pairs)
    session.execute(delete(target).where(target.c.id.in_(merged)))
    operations.note("deleted", entity, merged)
    session.expire_all()
    return moved


def names(session: Session, entity: Any) -> list[tuple[int, str]]:
    """(id, name) of every record of a named table (people, projects), by name."""
    return [(i, n) for i, n in session.execute(select(entity.id, entity.name).order_by(entity.name))]


def merge_with_undo(session: Session, entity: Any, keep_id: int, merged_ids: Sequence[int]) -> Any:
    """``merge_into``, returning what undo needs: a snapshot of the records and of every reference to them."""
    from . import records

    before = records.capture(session, entity, [keep_id, *merged_ids])
    merge_into(session, entity, keep_id, merged_ids)
    return before


def unmerge(session: Session, reg: Any, keep_id: int, before: Any) -> None:
    """Undo of a merge: the kept record's references cleared, then every record and reference as before."""
    from . import records

    records.delete_records(session, reg, [keep_id])
    records.restore_records(session, before)
