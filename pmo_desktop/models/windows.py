"""Queries for a windowed register table (a register of up to millions of rows).

A windowed table holds only the ordered ids of the records it shows (``array('q')``, 8 bytes a row),
from one query that does the sorting and the filtering in the database, and reads the rows
themselves a page at a time by id (``records.fetch_rows(ids=...)``). Everything here is a plain
query function ``fn(session, ...)`` for ``office.read``.

A view of the register is described by a ``Window``: the parent (for a sub-table), the sort, the
search text, the value filters of columns (display texts, as the header menu shows them) and a
set of record ids (a heat map cell). Computed fields sort, filter and search in SQL through their
``Field.sql`` expression; a computed field without one falls back to Python over every record
(correct, but as slow as the in-memory table; the big registers' computed columns have one).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, false, func, literal, not_, or_, select
from sqlalchemy.orm import Session, aliased

from . import records, search_index
from .fields import Context, Field, Kind, Register

BLANK = ""  # how a blank cell reads in a column filter
FETCH_CHUNK = 20_000  # ids read from the cursor at a time (``fetch_ids``)


def display_text(f: Field, value: Any) -> str:
    """How a table cell shows a value (and how the header's value filter names it): the kind says."""
    return f.kind.display(value)


@dataclass(frozen=True)
class Window:
    """What a windowed table shows: which records and in which order."""

    parent_id: int | None = None
    sort_field: str | None = None
    descending: bool = False
    search: str = ""                                          # lower case, as typed
    column_filters: dict[str, frozenset[str]] = field(default_factory=dict)  # field → allowed display texts
    record_ids: frozenset[int] | None = None


def count(session: Session, reg: Register, parent_id: int | None = None) -> int:
    """How many records the register (or one parent's sub-table) holds: one indexed count."""
    E: Any = reg.entity
    query = select(func.count()).select_from(E)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return int(session.connection().execute(query).scalar_one())


def has_sql(reg: Register, f: Field) -> bool:
    """Whether the database can sort and filter on this field (stored, or computed with ``sql``)."""
    return f.kind.stored or f.sql is not None


def _value(reg: Register, f: Field, ctx: Context) -> Any:
    """The field's value as an SQL expression on the register's entity (REF: the target's label)."""
    if not f.kind.stored:
        assert f.sql is not None
        return f.sql(reg.entity, ctx)
    return records._expression(reg, f)


def _contains(expression: Any, text: str, sqlite: bool) -> ColumnElement[bool]:
    """``expression`` contains ``text`` ignoring case: SQLite's LIKE already folds ASCII case (as its
    lower() does), so no lower() per row there; PostgreSQL: ILIKE. ESCAPE only when it is needed."""
    escape = any(c in text for c in "%_/")
    if sqlite:
        return expression.contains(text, autoescape=escape)  # type: ignore[no-any-return]
    return expression.icontains(text, autoescape=escape)  # type: ignore[no-any-return]


NUMBER_LIKE = re.compile(r"[\d.,:/ -]+")


def _search_condition(session: Session, reg: Register, text: str, ctx: Context) -> ColumnElement[bool]:
    """Any cell contains ``text``. References and lists are searched in their target table once
    (``fk IN (SELECT id … LIKE)``), never per row. Numbers and dates only for a text of digits, as
    the database writes them (2026-03-31, 1234.5): a cell shown as "1,234.5" is found by "1234"."""
    E: Any = reg.entity
    sqlite = session.get_bind().dialect.name == "sqlite"
    digits = NUMBER_LIKE.fullmatch(text) is not None
    like: list[ColumnElement[bool]] = []
    for f in reg.fields:
        if f.kind.is_reference:
            assert f.ref is not None
            T: Any = f.ref.target
            names = select(T.id).where(_contains(getattr(T, f.ref.label), text, sqlite))
            like.append(getattr(E, f.attr).in_(names))
        elif f.kind.is_links:
            assert f.ref is not None and f.link_table is not None
            T = f.ref.target
            own, other = records._link_columns(f, E)
            linked = (select(own).select_from(f.link_table.join(T, other == T.id))
                      .where(_contains(getattr(T, f.ref.label), text, sqlite)))
            like.append(E.id.in_(linked))
        elif f.kind is Kind.BOOL:  # searched by the words it shows
            if "yes".startswith(text) or "no".startswith(text):
                like.append(getattr(E, f.attr).is_(text[0] == "y"))
        elif f.kind.textual:
            like.append(_contains(getattr(E, f.attr), text, sqlite))
        elif f.kind.stored:  # numbers and dates, as the database writes them
            if digits:
                like.append(_contains(cast(getattr(E, f.attr), String), text, sqlite))
        elif has_sql(reg, f) and search_index.can_show(f, text, ctx):
            cheaper = getattr(f.sql, "contains", None)  # ComputedSql.contains (a rating: its score's bands)
            like.append(cheaper(E, text, ctx) if cheaper else _contains(cast(_value(reg, f, ctx), String), text, sqlite))
        # a computed field without SQL is not searched in a windowed table
    return or_(*like) if like else false()


def _display_matches(f: Field, raw_values: Iterable[Any], allowed: frozenset[str]) -> list[Any]:
    return [raw for raw in raw_values if raw is not None and display_text(f, raw) in allowed]


def _filter_condition(session: Session, reg: Register, f: Field, allowed: frozenset[str],
                      ctx: Context) -> ColumnElement[bool]:
    """The column shows one of ``allowed`` (display texts; '' for a blank cell)."""
    E: Any = reg.entity
    if f.kind.is_links:  # a list cell passes when any of its items is allowed
        assert f.ref is not None and f.link_table is not None
        T: Any = f.ref.target
        own, other = records._link_columns(f, E)
        linked = select(own).select_from(f.link_table.join(T, other == T.id))
        cond = E.id.in_(linked.where(getattr(T, f.ref.label).in_(sorted(allowed - {BLANK}))))
        return or_(cond, not_(E.id.in_(linked))) if BLANK in allowed else cond
    if f.kind.is_reference:  # the target's ids by name, once; blank: no reference
        assert f.ref is not None
        T2: Any = f.ref.target
        named = select(T2.id).where(getattr(T2, f.ref.label).in_(sorted(allowed - {BLANK})))
        ref = getattr(E, f.attr).in_(named)
        return or_(ref, getattr(E, f.attr).is_(None)) if BLANK in allowed else ref
    expression = _value(reg, f, ctx)
    if f.kind.textual or getattr(f.sql, "is_text", False):  # references and lists were answered above
        wanted: list[Any] = sorted(allowed - {BLANK})  # a text shows as itself: no look-up of every value
    else:  # the distinct stored values whose display text is allowed (a handful: numbers, dates, flags)
        distinct = [row[0] for row in session.connection().execute(select(expression).select_from(E).distinct())]
        wanted = _display_matches(f, distinct, allowed)
    parts: list[ColumnElement[bool]] = [expression.in_(wanted)] if wanted else []
    if BLANK in allowed:
        parts.append(expression.is_(None))
        if f.kind.textual or not f.kind.stored:
            parts.append(cast(expression, String) == literal(""))
    return or_(*parts) if parts else false()


def _order(reg: Register, f: Field, descending: bool, ctx: Context, query: Any) -> Any:
    """ORDER BY the field, blanks last either way and ties in id order (as the in-memory table)."""
    E: Any = reg.entity
    if f.kind.is_reference:  # one join, not a subquery per row
        assert f.ref is not None
        T: Any = aliased(f.ref.target)
        query = query.outerjoin(T, T.id == getattr(E, f.attr))
        key: Any = func.lower(getattr(T, f.ref.label))
    else:
        key = _value(reg, f, ctx)
        if f.kind.textual:
            key = func.lower(key)
    blank = case((or_(key.is_(None), cast(key, String) == literal("")), 1), else_=0)
    return query.order_by(blank, key.desc() if descending else key.asc(), E.id)


def fetch_ids(session: Session, reg: Register, window: Window, ctx: Context | None = None) -> array[int]:
    """The ids of the records ``window`` shows, in its order: one query (or, for a computed field
    without SQL, that query then a pass in Python)."""
    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    query: Any = select(E.id)
    conditions: list[ColumnElement[bool]] = []
    if window.parent_id is not None and reg.parent:
        conditions.append(getattr(E, reg.parent) == window.parent_id)
    python_filters: list[tuple[Field, frozenset[str]]] = []
    for name, allowed in window.column_filters.items():
        f = reg.field(name)
        if has_sql(reg, f):
            conditions.append(_filter_condition(session, reg, f, allowed, ctx))
        else:
            python_filters.append((f, allowed))
    if window.search:
        found = _search_condition(session, reg, window.search, ctx)
        candidates = search_index.candidates(session, reg, window.search, ctx)
        # With an index: LIKE checks only the rows it names (a superset), so the result is the same.
        conditions.append(found if candidates is None else and_(E.id.in_(candidates), found))
    if conditions:
        query = query.where(and_(*conditions))
    sort = reg.field(window.sort_field) if window.sort_field else None
    if sort is not None and has_sql(reg, sort):
        query = _order(reg, sort, window.descending, ctx, query)
    else:
        query = query.order_by(E.id)
    result = session.connection().execute(query)
    ids = array("q")
    try:  # straight from the driver's cursor: ids need no conversion, a third faster than through Result rows
        # in chunks: one C call turning a million rows into the array would hold the interpreter lock
        # for tens of milliseconds, and a GUI thread waiting meanwhile (this runs on workers too)
        while rows := result.cursor.fetchmany(FETCH_CHUNK):
            ids.fromlist([row[0] for row in rows])
    finally:
        result.close()
    if window.record_ids is not None:  # a heat map cell: a few ids, kept in Python (no IN of thousands)
        keep = window.record_ids
        ids = array("q", [i for i in ids if i in keep])
    if python_filters or (sort is not None and not has_sql(reg, sort)):
        ids = _python_pass(session, reg, ids, python_filters, sort, window.descending, ctx)
    return ids


def _python_pass(session: Session, reg: Register, ids: array[int], filters: Sequence[tuple[Field, frozenset[str]]],
                 sort: Field | None, descending: bool, ctx: Context) -> array[int]:
    """Fallback for computed fields with no SQL expression: compute them for every record shown."""
    rows = {row[0]: row for row in records.fetch_rows(session, reg, ctx, ids=list(ids))} if ids else {}
    names = reg.field_names
    kept = [i for i in ids if i in rows]
    for f, allowed in filters:
        col = names.index(f.name) + 2
        kept = [i for i in kept if (BLANK if rows[i][col] in (None, "") else display_text(f, rows[i][col])) in allowed]
    if sort is not None and not has_sql(reg, sort):
        col = names.index(sort.name) + 2
        filled = [i for i in kept if rows[i][col] not in (None, "")]
        blanks = [i for i in kept if rows[i][col] in (None, "")]
        filled.sort(key=lambda i: (str(rows[i][col]).lower() if isinstance(rows[i][col], str) else rows[i][col]),
                    reverse=descending)
        kept = filled + blanks
    return array("q", kept)


def distinct_values(session: Session, reg: Register, f: Field, limit: int, ctx: Context | None = None,
                    parent_id: int | None = None) -> list[Any]:
    """Up to ``limit`` distinct stored values of one column (for the header's value filter)."""
    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    if f.kind.is_links:
        assert f.ref is not None
        T: Any = f.ref.target
        return [row[0] for row in session.connection().execute(select(getattr(T, f.ref.label)).distinct().limit(limit))]
    if not has_sql(reg, f):
        rows = records.fetch_rows(session, reg, ctx, parent_id=parent_id)
        col = reg.field_names.index(f.name) + 2
        return list(dict.fromkeys(row[col] for row in rows))[:limit]
    query = select(_value(reg, f, ctx)).select_from(E).distinct().limit(limit)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return [row[0] for row in session.connection().execute(query)]


def ids_after(session: Session, reg: Register, top: int, parent_id: int | None = None) -> list[int]:
    """Ids of records added since ``top`` was the highest (ids only grow)."""
    E: Any = reg.entity
    query = select(E.id).where(E.id > top)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return list(session.connection().execute(query.order_by(E.id)).scalars())


def signature(session: Session, reg: Register, parent_id: int | None = None) -> tuple[int, int, int]:
    from .changes import signature as aggregate

    return aggregate(session, reg, parent_id)
