"""Records a delete took, put back by its undo after another window or client changed the office meanwhile.

The rows went back exactly as they were: a colleague who since added a record under the deleted one's ID (B-002
free again), a SQLite office that gave the deleted last record's id to the next new one, or a person the records
named as owner deleted since — each made the put-back refuse in the database's words ("duplicate key value
violates unique constraint "uq_benefit_code"", "FOREIGN KEY constraint failed") and the step was dropped: the
deleted records were gone for good (fault69). Each is now put back beside what took its place: a new id, the
register's next ID, a reference to a record gone left empty — and said."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from .base import Base

Rows = list[tuple[str, list[dict[str, Any]]]]
Cleared = list[tuple[str, str, list[int], int]]


def make_room(session: Session, rows: Rows, cleared: Cleared) -> tuple[Rows, Cleared, dict[str, dict[int, int]],
                                                                       list[str]]:
    """``rows`` (table name → its rows, as a delete read them) and ``cleared`` changed to fit the office as it is
    now, the ids given anew (table → old id → new), and what was changed, said a line each. Nothing is changed
    when nothing took their place."""
    tables = Base.metadata.tables
    said: list[str] = []
    moved: dict[str, dict[int, int]] = {}
    for name, table_rows in rows:
        if _has_id(tables[name]):
            taken = _taken(session, tables[name], [r["id"] for r in table_rows])
            if taken:
                start = (session.scalar(select(func.max(tables[name].c.id))) or 0) + 1
                start = max(start, max(r["id"] for r in table_rows) + 1)
                moved[name] = {old: start + i for i, old in enumerate(sorted(taken))}
    if moved:
        rows = [(name, [_moved_row(tables[name], r, moved) for r in table_rows]) for name, table_rows in rows]
        cleared = [(t, c, ids, moved.get(_referenced(tables[t], c) or "", {}).get(ref, ref)) for t, c, ids, ref in cleared]
    putting = {name: {r["id"] for r in table_rows} for name, table_rows in rows if _has_id(tables[name])}
    rows = [(name, _without_gone_references(session, tables[name], table_rows, putting, said))
            for name, table_rows in rows]
    rows = [(name, _with_free_codes(session, tables[name], table_rows, said)) for name, table_rows in rows]
    return rows, cleared, moved, said


def _has_id(table: Table) -> bool:
    return "id" in table.c and table.c.id.primary_key


def _taken(session: Session, table: Table, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        found |= set(session.scalars(select(table.c.id).where(table.c.id.in_(ids[start:start + 500]))))
    return found


def _referenced(table: Table, column: str) -> str | None:
    """The table ``table.column`` refers to, if it is a foreign key."""
    for fk in table.c[column].foreign_keys:
        return fk.column.table.name
    return None


def _moved_row(table: Table, row: dict[str, Any], moved: dict[str, dict[int, int]]) -> dict[str, Any]:
    """``row`` with its own id and its references to rows given a new id changed alike."""
    out = dict(row)
    if _has_id(table) and row["id"] in moved.get(table.name, {}):
        out["id"] = moved[table.name][row["id"]]
    for c in table.c:
        target = _referenced(table, c.name)
        if target in moved and row.get(c.name) in moved[target]:
            out[c.name] = moved[target][row[c.name]]
    return out


def _without_gone_references(session: Session, table: Table, rows: list[dict[str, Any]],
                             putting: dict[str, set[int]], said: list[str]) -> list[dict[str, Any]]:
    """``rows`` with each reference to a record no longer there (nor put back with them) left empty."""
    for c in table.c:
        target_name = _referenced(table, c.name)
        if target_name is None or not c.nullable:
            continue
        target = Base.metadata.tables[target_name]
        wanted = {r[c.name] for r in rows if r.get(c.name) is not None} - putting.get(target_name, set())
        if not wanted:
            continue
        gone = wanted - _taken(session, target, sorted(wanted))
        if gone:
            named = [_name(table, r) for r in rows if r.get(c.name) in gone]
            rows = [{**r, c.name: None} if r.get(c.name) in gone else r for r in rows]
            said.append(f"{_listed(named)} put back without {_label(c.name)}: the record named there was deleted "
                        "since.")
    return rows


def _with_free_codes(session: Session, table: Table, rows: list[dict[str, Any]], said: list[str]) -> list[dict[str, Any]]:
    """``rows`` whose ID another record took since given the register's next ones."""
    from .records import stored_code_style
    from .registers import REGISTERS

    if "code" not in table.c or not rows:
        return rows
    reg = next((r for r in REGISTERS.values() if r.entity.__tablename__ == table.name), None)
    if reg is None or reg.key_field is None:
        return rows
    codes = [r["code"] for r in rows if r.get("code")]
    taken = set(_codes_taken(session, table, codes))
    if not taken:
        return rows
    style = stored_code_style(session, reg, codes)
    fresh = (style.code(style.highest + i) for i in _counting(1))
    out = []
    for r in rows:
        if r.get("code") in taken:
            code = next(fresh)
            said.append(f"{r['code']} is put back as {code}: another record took {r['code']} since it was deleted.")
            r = {**r, "code": code}
        out.append(r)
    return out


def _codes_taken(session: Session, table: Table, codes: list[str]) -> Iterable[str]:
    for start in range(0, len(codes), 500):
        yield from session.scalars(select(table.c.code).where(table.c.code.in_(codes[start:start + 500])))


def _counting(start: int) -> Iterable[int]:
    n = start
    while True:
        yield n
        n += 1


def _name(table: Table, row: dict[str, Any]) -> str:
    return str(row.get("code") or f"the {table.name.replace('_', ' ')} of id {row['id']}" if "id" in row else
               f"a {table.name.replace('_', ' ')} row")


def _listed(names: list[str]) -> str:
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _label(column: str) -> str:
    return "its " + column.removesuffix("_id").replace("_", " ")
