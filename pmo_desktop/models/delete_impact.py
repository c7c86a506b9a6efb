"""What deleting records would touch besides themselves: other records that refer to them (and lose
that reference) and child rows deleted with them. Read-only; asked before a delete so the user knows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from .base import Base
from .bulk import id_in_chunks
from .fields import Register, count_of
from .records import fetch_rows


def _table(reg: Register) -> Table:
    entity: Any = reg.entity  # a mapped class; Register declares it as a bare type
    table: Table = entity.__table__
    return table


def _title(table_name: str) -> str:
    from .registers import REGISTERS

    for reg in REGISTERS.values():
        if _table(reg).name == table_name:
            return reg.title.lower()
    return table_name.replace("_", " ")


@dataclass
class DeleteImpact:
    referring: list[str] = field(default_factory=list)  # records that keep living without their reference
    deleted_with: list[str] = field(default_factory=list)  # child rows deleted with the records

    @property
    def needs_asking(self) -> bool:
        return bool(self.referring)

    def describe(self) -> str:
        return "\n".join(f"• {line}" for line in self.referring + self.deleted_with)


def delete_impact(session: Session, reg: Register, ids: Iterable[int]) -> DeleteImpact:
    """How many other records refer to these (and would lose the reference), and how many child rows
    go with them. Links of many-to-many lists are not counted: they go with the record, as expected."""
    ids = list(ids)
    table = _table(reg)
    impact = DeleteImpact()
    for other in Base.metadata.sorted_tables:
        if "id" not in other.c:  # an association table: its rows are links, not records
            continue
        for fk in other.foreign_keys:
            if fk.column.table is not table:
                continue
            col = fk.parent
            count = 0
            for where in id_in_chunks(session.get_bind().dialect.name, col, ids):  # SQLite's parameter limit
                count += session.scalar(select(func.count()).select_from(other).where(where)) or 0
            if not count:
                continue
            what = _title(other.name)
            if fk.ondelete == "CASCADE":
                impact.deleted_with.append(f"{count} row{'s' if count != 1 else ''} of {what} will be deleted with "
                                           f"{'it' if len(ids) == 1 else 'them'}")
            else:
                label = col.name.removesuffix("_id").replace("_", " ")
                impact.referring.append(f"{count} record{'s' if count != 1 else ''} of the {what} refer"
                                        f"{'s' if count == 1 else ''} to {'it' if len(ids) == 1 else 'them'}: "
                                        f"{'its' if count == 1 else 'their'} {label} will be left blank")
    return impact


NAMED_AT_MOST = 5  # IDs named when many records go; the rest counted


def records_named(session: Session, register: Register, ids: Sequence[int]) -> str:
    """The records as their table names them, for the question before a delete and the word after it:
    R-004 “Crane delivery slips” for one; the IDs of the first few and how many more for many ("R-001, R-002,
    R-003, R-004, R-005 and 20 more risks")."""
    names = ["id", "version", *register.field_names]
    rows = [dict(zip(names, r)) for r in fetch_rows(session, register, ids=list(ids[:NAMED_AT_MOST]))]
    return named_from_rows(register, rows, len(ids))


def named_from_rows(register: Register, rows: Sequence[Mapping[str, object]], count: int) -> str:
    """``records_named`` of rows already at hand (the window's, when the server is away): the first of ``count``."""
    key, name = register.key_field, register.name_field
    rows = rows[:NAMED_AT_MOST]
    if count == 1 and rows:
        row = rows[0]
        title = str(row.get(name.name) or "") if name is not None else ""
        return " ".join(filter(None, (str(row.get(key.name) or "") if key is not None else "",
                                      f"“{title}”" if title else ""))) or f"1 {register.noun}"
    codes = [str(r.get(key.name) or "") for r in rows] if key is not None else []
    if not codes or not all(codes):
        return count_of(count, register.noun)
    more = count - len(codes)
    return ", ".join(codes) + (f" and {count_of(more, 'more ' + register.noun)}" if more else "")
