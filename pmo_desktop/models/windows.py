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

import json
import re
import sys
import threading
import types
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Integer,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    not_,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy import text as sql_text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, aliased

from . import computed_sql, records, search_index, sort_index
from .fields import Context, Field, Kind, Register
from .values import day_text, day_text_can_hold, shown_day

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
    every_word: bool = False  # the search's words anywhere in the row, not side by side (fetch_ids)


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
    lower() does), so no lower() per row there; PostgreSQL: ILIKE, or LIKE for a text with no letter
    (``search_index.case_free``: the same rows, no ``lower()`` of every cell — "7" among 1,000,000 risks,
    every row tested, 0.8 → 0.5 s to list them). ESCAPE only when it is needed."""
    escape = any(c in text for c in "%_/")
    if sqlite or search_index.case_free(text):
        return expression.contains(text, autoescape=escape)  # type: ignore[no-any-return]
    return expression.icontains(text, autoescape=escape)  # type: ignore[no-any-return]


NUMBER_LIKE = re.compile(r"[\d.,:/ -]+")


def _can_hold(f: Field, text: str) -> bool:
    """Whether a stored date or number, as the database writes it (2026-03-31, -1234.5), can hold
    ``text`` (a text of digits and separators): a date only where it fits ``dddd-dd-dd``, a number
    only as a piece of ``-1234.5``."""
    if f.kind is Kind.DATE:
        return computed_sql.date_can_show(text)
    return NUMBER_PART.fullmatch(text) is not None


NUMBER_PART = re.compile(r"-?\d*\.?\d*")  # a piece of -1234.5: a minus only first, one point


Bounds = dict[tuple[str, str], tuple[Any, Any]]  # (register, date column) → its first and last date


def _search_terms(session: Session, reg: Register, text: str, ctx: Context, resolve: bool = False,
                  bounds: Bounds | None = None) -> tuple[list[ColumnElement[bool]], list[ColumnElement[bool]]]:
    """Conditions "this cell contains ``text``", as (the register's own columns a search index holds,
    every other column). References and lists are searched in their target table once (``fk IN
    (SELECT id … LIKE)``, or with ``resolve`` the ids looked up first and no term when none matches),
    never per row. Numbers and dates only for a text of digits, as the database writes them
    (2026-03-31, 1234.5): a cell shown as "1,234.5" is found by "1234"."""
    E: Any = reg.entity
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    digits = NUMBER_LIKE.fullmatch(text) is not None
    year = _year_of(text)
    if day_text_can_hold(text) and year is None:  # the stored dates' first and last, for _shown_days: one scan
        bounds = _date_bounds(session, reg, {} if bounds is None else bounds)
    own: list[ColumnElement[bool]] = []
    other: list[ColumnElement[bool]] = []
    for f in reg.fields:
        if f.unset and f.kind.stored and text.casefold() in f.unset.casefold():
            # An empty assessment shows its words ("Not prioritised yet": ``Field.search_text``): found by them,
            # as the table in memory finds it — a search for what the cell shows found nothing.
            column = getattr(E, f.attr)
            other.append(or_(column.is_(None), column == "") if f.kind.textual else column.is_(None))
        if f.kind.is_reference:
            assert f.ref is not None
            T: Any = f.ref.target
            names = select(T.id).where(_contains(getattr(T, f.ref.label), text, sqlite))
            if resolve:  # a small table: its matching ids now, so the condition is a plain IN (or nothing)
                named = list(conn.execute(names).scalars())
                if named:
                    other.append(getattr(E, f.attr).in_(named))
            else:
                other.append(getattr(E, f.attr).in_(names))
        elif f.kind.is_links:
            assert f.ref is not None and f.link_table is not None
            T = f.ref.target
            mine, theirs = records._link_columns(f, E)
            named_ids: Any = select(T.id).where(_contains(getattr(T, f.ref.label), text, sqlite))
            if resolve:  # no term at all when no name matches (a plan that reads the index alone)
                named_ids = list(conn.execute(named_ids).scalars())
                if not named_ids:
                    continue
            other.append(E.id.in_(select(mine).where(theirs.in_(named_ids))))
        elif f.kind is Kind.BOOL:  # searched by the words it shows
            if "yes".startswith(text) or "no".startswith(text):
                other.append(getattr(E, f.attr).is_(text[0] == "y"))
        elif f.kind.textual or f.kind.stored:
            held = search_index.holds(conn, f)
            if f.kind.textual:
                term = _contains(getattr(E, f.attr), text, sqlite)
            elif f.kind is Kind.DATE and day_text_can_hold(text):  # "mar 2026": as the cell shows it
                first_last = year if year is not None else (bounds or {})[reg.name, f.attr]  # read above then
                other.append(_shown_days(session, getattr(E, f.attr), text, sqlite, first_last))
                continue
            elif not digits or not _can_hold(f, text):  # "03/2026" is in no date and no number as written
                continue
            elif f.kind is Kind.DATE and not held and (span := computed_sql.date_prefix_range(text)):
                if span[0] > span[1]:
                    continue  # "2026-13": no date begins so
                other.append(getattr(E, f.attr).between(*span))  # the days it begins: no text per row
                continue
            else:  # numbers and dates, as the database writes them
                term = _contains(cast(getattr(E, f.attr), String), text, sqlite)
            (own if held else other).append(term)
        elif has_sql(reg, f) and search_index.can_show(f, text, ctx):
            if (days := _days_showing(session, reg, f, text, ctx)) is not None:
                other.append(days)  # a computed date with its sort index: the days that show the text
                continue
            cheaper = getattr(f.sql, "contains", None)  # ComputedSql.contains (a rating: its score's bands)
            other.append(cheaper(E, text, ctx) if cheaper else _contains(cast(_value(reg, f, ctx), String), text, sqlite))
        # a computed field without SQL is not searched in a windowed table
    return own, other


YEAR = re.compile(r"\d{4}")


def _year_of(text: str) -> tuple[date, date] | None:
    """The first and last day of the year a text of a date's words names ("mar 2025", "1 jan 2026": four
    digits, which in "3 Mar 2025" only a year can be), or None. Such a text is shown by days of that
    year only, so its search needs no stored date's first and last (a scan of the table when they are not
    kept: after another user's change, 0.3 s of CPU for a million risks on SQLite)."""
    found = YEAR.search(text) if day_text_can_hold(text) else None
    if found is None or int(found.group()) < 1:
        return None
    return date(int(found.group()), 1, 1), date(int(found.group()), 12, 31)


def needs_date_bounds(text: str) -> bool:
    """Whether a search of ``text`` reads the stored dates' first and last (``_date_bounds``): a date's
    words not naming their year ("dec", "e", "3 mar"). (Its words apart, read when the whole finds no
    row, may need them too: "may 2027" as "may" and "2027"; they are read then.)"""
    return day_text_can_hold(text) and _year_of(text) is None


def has_date_bounds(reg: Register, bounds: Bounds) -> bool:
    """Whether ``bounds`` holds every stored date column's first and last (``_date_bounds`` reads none)."""
    return all((reg.name, f.attr) in bounds for f in reg.fields if f.kind is Kind.DATE and f.kind.stored)


DAYS_LISTED = 40_000  # days (110 years) between a computed date's first and last: more, and it is read per row


def _days_showing(session: Session, reg: Register, f: Field, text: str, ctx: Context) -> ColumnElement[bool] | None:
    """A computed date with its sort index (the next review, on SQLite) shows ``text`` — "-03-1" inside
    dates as well as "2024-03" beginning them — on the days between its first and last (read at the
    index's two ends) whose written form holds it: the rows are those days' look-ups in the index, no
    date made or day number computed for any row. Among 1,000,000 risks "-03-1" (30 days, 53,340 risks)
    took 1.0–1.4 s of CPU as a LIKE of every row's date text. None without the index (SQLite computes
    the key of every row then, as ``ComputedSql.contains`` does), or when its days span more than
    ``DAYS_LISTED``."""
    if session.connection().dialect.name != "sqlite" or not sort_index.is_computed_day(f) \
            or not sort_index.has_index(session, reg, f):
        return None
    E: Any = reg.entity
    key = computed_sql.whole_day_key(f.sql.sort(E, ctx))  # type: ignore[union-attr]  # the index's expression
    first, last = session.connection().execute(select(select(func.min(key)).select_from(E).scalar_subquery(),
                                                      select(func.max(key)).select_from(E).scalar_subquery())).one()
    if first is None:
        return false()  # every row blank
    offset = computed_sql.JULIAN_DAY_OF_ORDINAL_0
    first, last = max(int(first), 1 + offset), min(int(last), date.max.toordinal() + offset)
    if last - first > DAYS_LISTED:
        return None
    days = [day for day in range(first, last + 1)
            if text in (d := date.fromordinal(day - offset)).isoformat() or text in day_text(d).lower()]
    # the day numbers written into the statement, as the index's expression has its constants
    return key.in_([literal_column(str(day)) for day in days]) if days else false()


def _date_bounds(session: Session, reg: Register, bounds: Bounds) -> Bounds:
    """The first and last date of each of the register's stored date columns not in ``bounds`` yet, read
    in one query (one scan of the table for them all, where a scan each was 150–230 ms of CPU a column
    among a million risks on SQLite), added to ``bounds``. A table keeps them while the register does not
    change (``WindowedRegisterModel``), so a search after the first reads none."""
    E: Any = reg.entity
    wanted = [f for f in reg.fields if f.kind is Kind.DATE and f.kind.stored and (reg.name, f.attr) not in bounds]
    if wanted:
        columns = [getattr(E, f.attr) for f in wanted]
        row = session.connection().execute(
            select(*[agg(c) for c in columns for agg in (func.min, func.max)]).select_from(E)).one()
        for i, f in enumerate(wanted):
            bounds[reg.name, f.attr] = (_as_day(row[2 * i]), _as_day(row[2 * i + 1]))
    return bounds


def _as_day(value: Any) -> Any:
    """A date as an aggregate hands it back: SQLite gives text (an aggregate of a column has no type)."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def widen_date_bounds(session: Session, reg: Register, bounds: Bounds, ids: Sequence[int]) -> Bounds | None:
    """``bounds`` (every stored date column's, ``_date_bounds``) widened by the dates records ``ids`` hold
    now: a copy, or None when ``bounds`` lacks a column. After an edit, an import, a deletion of those
    records, the copy still holds every date of the register between each column's first and last —
    maybe a wider span than the register's now (a deleted first date), which a search of a date's words
    reads as a few days more that no row holds (``_shown_days``) — so the first search after a change
    reads those records by id (a look-up each), not every row (a scan: 0.4–0.5 s of CPU for a million
    risks on SQLite)."""
    dated = [f for f in reg.fields if f.kind is Kind.DATE and f.kind.stored]
    if any((reg.name, f.attr) not in bounds for f in dated):
        return None
    widened = dict(bounds)
    if not dated or not ids:
        return widened
    E: Any = reg.entity
    columns = [getattr(E, f.attr) for f in dated]
    aggregates = [agg(c) for c in columns for agg in (func.min, func.max)]
    conn, ids = session.connection(), list(ids)
    for start in range(0, len(ids), 500):
        row = conn.execute(select(*aggregates).where(E.id.in_(ids[start:start + 500]))).one()
        for i, f in enumerate(dated):
            first, last = _as_day(row[2 * i]), _as_day(row[2 * i + 1])
            if first is None:
                continue  # blank in every one of these records
            was_first, was_last = widened[reg.name, f.attr]
            widened[reg.name, f.attr] = (first if was_first is None else min(first, was_first),
                                         last if was_last is None else max(last, was_last))
    return widened


def read_date_bounds(session: Session, reg: Register, bounds: Bounds) -> None:
    """``_date_bounds`` into ``bounds`` (a table reads them ahead, on a worker, when it opens)."""
    _date_bounds(session, reg, bounds)


def _shown_days(session: Session, column: Any, text: str, sqlite: bool,
                first_last: tuple[Any, Any]) -> ColumnElement[bool]:
    """A stored date shows ``text`` ("mar 2026", "3 dec"): the runs of days between the column's first
    and last date whose shown form holds it, compared as dates (BETWEEN, an index's range when the
    column has one) — the shown text made for every row was 2.2–2.7 s of CPU a date column among a
    million rows on SQLite; the first and last date cost one look-up with an index, one scan without.
    Past ``DAYS_LISTED`` days between them, the shown text per row (``computed_sql.day_shown``)."""
    first, last = first_last  # ``_date_bounds``
    if first is None:
        return false()
    if (last - first).days > DAYS_LISTED:
        return _contains(computed_sql.day_shown(column), text, sqlite)
    runs = computed_sql.shown_day_ranges(text, first, last)
    return or_(*[column.between(a, b) for a, b in runs]) if runs else false()


def _search_condition(session: Session, reg: Register, text: str, ctx: Context,
                      joins: list[tuple[Any, Any, bool]] | None = None, first: bool = False,
                      bounds: Bounds | None = None) -> ColumnElement[bool]:
    """Any cell contains ``text``. With a search index (``search_index.prefilter``: a superset of the
    rows whose own columns contain it) those columns' LIKE is checked on its rows only; the other
    terms (a name, a list, a computed column) are exact already and join by OR, so the database reads
    the index alone when there are none, and the table once when there are."""
    indexed = search_index.usable(session, reg, text)
    own, other = _search_terms(session, reg, text, ctx, resolve=indexed, bounds=bounds)
    sqlite = session.connection().dialect.name == "sqlite"
    if indexed and len(text) == 1 and other and not sqlite:
        # PostgreSQL: the summary only when no other term can show the character ("x", "q"), its rows then
        # a small table's, read in parallel. With others (a name, a date, a number: "e", "7") a hash join
        # of the summary with every row, spilled to disk at the default work_mem, took 1.4 s where ILIKE
        # over every row took 0.6 s (1,000,000 risks): ILIKE, as without it.
        indexed = False
    if indexed and len(text) == 1:
        # One ASCII letter or digit: the summary's rows holding it are exactly those whose own columns
        # LIKE finds it in, so no LIKE at all: its row joined to each of the register's by id (a look-up
        # in a small table) and one AND, OR the other terms. 1,000,000 risks, CPU time of the bare query:
        # "x" (no row) 1.7 → 0.09 s.
        E1: Any = reg.entity
        if not own:
            return or_(*other) if other else false()
        summary = search_index.chars_table(reg).alias(f"search_chars_{len(joins or ())}")
        if (not other and not first) or joins is None:  # its rows alone, each looked up by id ("x": 0.09 s)
            held: ColumnElement[bool] = E1.id.in_(select(summary.c.id).where(search_index.holds_char(summary, text)))
            return or_(held, *other)
        joins.append((summary, summary.c.id == E1.id, not other))
        return or_(search_index.holds_char(summary, text), *other)
    if indexed and own and other and NUMBER_LIKE.fullmatch(text) and sqlite:
        # Digits (a date, a number): the other terms are compares of dates and numbers that few rows
        # pass; the index's rows and the table's scan then make two parts of one list of ids, which
        # SQLite reads by id — not one scan testing every row against the index's rows too. Among a
        # million risks, CPU time of the bare query: "2024-03-1" 0.69 → 0.46 s, "2025-06" 1.5 → 0.43 s.
        # Not for words: "critical" (a rating, 200,000 rows) would list them all, 0.27 → 0.45 s.
        E: Any = reg.entity
        found = union_all(select(E.id).where(search_index.prefilter(session, reg, text), or_(*own)),
                          select(E.id).where(or_(*other)))
        listed: ColumnElement[bool] = E.id.in_(found)
        return listed
    if indexed:
        own = [and_(search_index.prefilter(session, reg, text, alone=not other), or_(*own))] if own else []
    terms = own + other
    return or_(*terms) if terms else false()


def _display_matches(f: Field, raw_values: Iterable[Any], allowed: frozenset[str]) -> list[Any]:
    return [raw for raw in raw_values if raw is not None and display_text(f, raw) in allowed]


def _values_shown_as(f: Field, expression: Any, texts: Iterable[str]) -> list[Any] | None:
    """The values a column of dates or of whole numbers holds where it shows ``texts``, read from the
    texts themselves (a date shows only as "3 Dec 2026", a whole number as its digits), so a filter
    need not read every row's distinct value first (a computed date: a second for a million rows).
    None for another type, or a text that is not how such a value shows."""
    kind = getattr(expression, "type", None)
    values: list[Any] = []
    for text in texts:
        value: Any
        try:
            if isinstance(kind, Date) and not isinstance(kind, DateTime):
                value = shown_day(text)  # "3 Dec 2026"
                if value is None:
                    return None
            elif isinstance(kind, Integer) and not isinstance(kind, Boolean):
                value = int(text)
            else:
                return None
        except ValueError:
            return None
        if display_text(f, value) != text:
            return None
        values.append(value)
    return values


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
    if not f.kind.stored and (matches := getattr(f.sql, "matches", None)) is not None:
        return matches(E, allowed, ctx)  # type: ignore[no-any-return]
    expression = _value(reg, f, ctx)
    if not f.kind.stored and getattr(f.sql, "day_sort", False):  # a computed date: its day number
        days = _values_shown_as(f, expression, allowed - {BLANK})
        if days is not None:
            key = computed_sql.whole_day_key(f.sql.sort(E, ctx))  # type: ignore[union-attr]
            in_days: list[ColumnElement[bool]] = [key.in_([computed_sql.whole_day_of(d) for d in days])] if days else []
            blank = [key.is_(None)] if BLANK in allowed else []
            return or_(*in_days, *blank) if in_days or blank else false()
    if f.kind.textual or getattr(f.sql, "is_text", False):  # references and lists were answered above
        wanted: list[Any] = sorted(f.kind.stored_texts(allowed - {BLANK}))  # no look-up of every value
    else:
        shown_as = _values_shown_as(f, expression, allowed - {BLANK})
        if shown_as is not None:  # dates and whole numbers: the value each text shows, without a look
            wanted = shown_as
        else:  # the distinct stored values whose display text is allowed (a handful: numbers, dates, flags)
            distinct = [row[0] for row in session.connection().execute(select(expression).select_from(E).distinct())]
            wanted = _display_matches(f, distinct, allowed)
    parts: list[ColumnElement[bool]] = [expression.in_(wanted)] if wanted else []
    if BLANK in allowed:
        parts.append(expression.is_(None))
        if f.kind.textual or not f.kind.stored:
            parts.append(cast(expression, String) == literal(""))
    return or_(*parts) if parts else false()


def passes_all(session: Session, reg: Register, name: str, allowed: frozenset[str], ctx: Context | None = None,
               parent_id: int | None = None) -> bool:
    """Whether every record of the register (or of one parent's sub-table) passes this column filter:
    then the filter changes no window's ids and they need not be read again. One query that stops at
    the first record failing it (a NULL condition fails too); only a filter every record passes
    reads them all, without sorting or returning any. False for a column the database cannot filter."""
    f = reg.field(name)
    if not has_sql(reg, f):
        return False
    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    condition = _filter_condition(session, reg, f, allowed, ctx)
    query = select(E.id).where(not_(func.coalesce(condition, false()))).limit(1)
    if parent_id is not None and reg.parent:
        query = query.where(getattr(E, reg.parent) == parent_id)
    return session.connection().execute(query).first() is None


DAY_SHIFT = 4294967296          # 2**32: a day number times this, plus the id, is one integer per row
BLANK_KEY = 4611686018427387904  # 2**62: above every day number's key, so blanks (plus their id) sort last


def _day_key(reg: Register, f: Field, ctx: Context) -> Any | None:
    """For a column of dates on SQLite, the day number as a whole number (NULL when blank), or None
    for another column: a stored date's ``julianday`` (NULL for '' or no date), a computed date's
    ``ComputedSql.sort`` when it says it is a whole or a day number (``sort_whole``: the next review,
    whether a review is overdue)."""
    E: Any = reg.entity
    if f.kind is Kind.DATE:
        return cast(func.julianday(getattr(E, f.attr)), Integer)
    if not f.kind.stored and getattr(f.sql, "sort_whole", False):  # constants written in: its sort index's text
        return computed_sql.whole_day_key(f.sql.sort(E, ctx))  # type: ignore[union-attr]
    return None


def _unique_key(reg: Register, f: Field, descending: bool, ctx: Context, whole: bool = False,
                shift: int = 32) -> Any | None:
    """SQLite, a column of dates: one integer a row in the sort's order, no two alike — ``day × 2³² + id``
    (``-day`` descending; a blank: 2⁶² + id) — or None for another column (see ``_order``). ``whole``: a
    column of whole numbers too (``_whole_key``), for ``_ids_by_unique_key`` only — its key is NULL for a
    value it cannot hold, where that sorts by the ``ORDER BY`` instead. ``shift``: the id's bits, 32 or
    fewer (``_ids_by_unique_key`` reads the keys as text: among 100,000 risks 17 bits, a score's key 7
    digits where it was 19, and read in a third of the time)."""
    E: Any = reg.entity
    day = _day_key(reg, f, ctx)
    if day is None:
        return _whole_key(reg, f, descending, ctx, shift) if whole else None
    signed = -day if descending else day
    return func.coalesce(signed * literal_column(str(2**shift)) + E.id, literal_column(str(BLANK_KEY)) + E.id)


WHOLE_AT_MOST = 2**30 - 1  # a whole number's magnitude that ``value × 2³² + id`` holds within 63 bits


def _whole_key(reg: Register, f: Field, descending: bool, ctx: Context, shift: int) -> Any | None:
    """A column of whole numbers (a scale's level, a risk's score): ``value × 2³² + id`` (``-value``
    descending; a blank — NULL or '' — 2⁶² + id, last either way), as a date's day. A value SQLite holds as
    another type (a text, a fraction) or past ``WHOLE_AT_MOST`` makes the key NULL: the caller then sorts
    by the ``ORDER BY``. None for a column of another type (texts, money, references, flags). Sorted by
    SQLite, a score's many ties were each settled by the id: among 100,000 risks by score, the bare query
    46 → 19 ms of CPU (the keys read, unsorted), 1,000,000 in 0.55 s → 0.25 s."""
    if f.kind.is_reference or f.kind.is_links or f.kind.textual or not has_sql(reg, f):
        return None
    if not f.kind.stored and getattr(f.sql, "sort", None) is not None:
        return None  # its own sort key (a day number: ``_day_key``)
    value = _value(reg, f, ctx)
    kind = getattr(value, "type", None)
    if not isinstance(kind, Integer) or isinstance(kind, Boolean):
        return None
    E: Any = reg.entity
    signed = -value if descending else value
    held = and_(func.typeof(value) == literal_column("'integer'"),
                value.between(literal_column(str(-WHOLE_AT_MOST)), literal_column(str(WHOLE_AT_MOST))))
    blank = or_(value.is_(None), cast(value, String) == literal_column("''"))
    return case((held, signed * literal_column(str(2**shift)) + E.id),
                (blank, literal_column(str(BLANK_KEY)) + E.id), else_=null())


def _highest_id(session: Session, reg: Register) -> int:
    """The register's highest id (one look-up of the primary key): a key of ``_unique_key`` holds an id
    below 2³² in its low bits."""
    E: Any = reg.entity
    return int(session.connection().execute(select(func.max(E.id))).scalar() or 0)


def _ids_by_unique_key(session: Session, query: Any, key: Any, shift: int = 32) -> array[int] | None:
    """The ids ``query`` selects in the order of ``key`` (``_unique_key``: no two rows alike, the id in its
    low 32 bits): the keys read as one JSON text, sorted by numpy, the ids taken from their low bits —
    not SQLite's sorter, whose records of (key, id) cost twice as much: 1,000,000 risks by raised, the bare
    query 0.64 → 0.33 s of CPU (the scan and the JSON 0.22 s, parsing 0.10 s, the sort itself 0.01 s)."""
    import numpy as np  # pyqtgraph's dependency: over the keys' own memory, no int made per key

    sub = query.add_columns(key.label("unique_key")).subquery()
    listed = session.connection().execute(select(func.json_group_array(sub.c.unique_key))).scalar_one() or "[]"
    if "null" in listed:
        return None  # a value the key cannot hold (``_whole_key``): sorted by the ORDER BY
    keys = _parse_ids(listed)
    ordered = np.sort(np.frombuffer(keys, dtype=np.int64))
    ids: array[int] = array("q")
    ids.frombytes((ordered & ((1 << shift) - 1)).tobytes())
    return ids


# Rows (the highest id) up to which a column of choices sorts by its values' ranks (``_ids_by_choice``): every
# row's text is in memory at once meanwhile, about 130 bytes a row all told — among 1,000,000 risks the peak
# rose by 130 MiB to 320 MiB, for a sort 11 % shorter than SQLite's; past this the ORDER BY sorts.
CHOICE_RANKS_AT_MOST = 250_000


def _ids_by_choice(session: Session, query: Any, reg: Register, f: Field, descending: bool) -> array[int] | None:
    """SQLite, a column of choices (a category, a status: few values, each on many rows): the ids ``query``
    selects in ``_order``'s order, without SQLite sorting every row — the ids and the column read as the
    scan meets them (one scan, two JSON texts), the few distinct values put in ``_order``'s order by SQLite
    itself (the same key, ``coalesce(nullif(lower(value), ''), x'')``, so the same folding and collation),
    each row given its value's rank and the ranks sorted by numpy: ties (values alike but for case) by id,
    blanks ('' and NULL) last either way. SQLite's sorter compared a row's text and then, the value tied
    with thousands of others, its id: among 100,000 risks ``fetch_ids`` by category 65 → 33 ms of CPU. Any
    number of distinct values sorts right (a column of choices another program filled with free text), only
    slower. None when the column holds a value other than a text (a number or bytes another program wrote):
    then the ORDER BY sorts, as before."""
    import numpy as np  # pyqtgraph's dependency: the ranks sorted without an int made per row

    E: Any = reg.entity
    # no ORDER BY in the subquery, which SQLite then flattens into the scan (with it, 30 ms of CPU against 16)
    sub = query.add_columns(getattr(E, f.attr).label("choice")).subquery()
    conn = session.connection()
    try:
        listed_ids, listed = conn.execute(select(func.json_group_array(list(sub.c)[0]),
                                                 func.json_group_array(sub.c.choice))).one()
    except OperationalError:  # "JSON cannot hold BLOB values"
        return None
    values = json.loads(listed or "[]")
    distinct = set(values)
    distinct.discard(None)
    if any(not isinstance(v, str) for v in distinct):
        return None
    ranked = conn.execute(sql_text("SELECT value, lower(value) FROM json_each(:values) "
                                   "ORDER BY coalesce(nullif(lower(value), ''), x'')"),
                          {"values": json.dumps(sorted(distinct))}).all()
    rank: dict[str | None, int] = {}
    key, top = None, -1
    for value, folded in ranked:
        if folded == "":
            continue  # blank: after every value
        if folded != key:
            key, top = folded, top + 1
        rank[value] = top
    if descending:
        rank = {value: top - r for value, r in rank.items()}
    rank[None] = rank[""] = top + 1
    parsed = _parse_ids(listed_ids or "[]")
    if len(parsed) != len(values):
        return None  # cannot be (one scan); the ORDER BY then
    ids = np.frombuffer(parsed, dtype=np.int64)
    try:
        ranks = np.fromiter(map(rank.__getitem__, values), dtype=np.int32, count=len(values))
    except KeyError:  # a value not given back as it went (a text SQLite would not hold so): the ORDER BY then
        return None
    # the rows as the scan met them, which is in id order when nothing else chose the way: ties by id
    in_id_order = len(ids) < 2 or bool(np.all(ids[1:] > ids[:-1]))
    order = np.argsort(ranks, kind="stable") if in_id_order else np.lexsort((ids, ranks))
    out: array[int] = array("q")
    out.frombytes(ids[order].tobytes())
    del ids  # released, so the array could grow again
    return out


def _order(reg: Register, f: Field, descending: bool, ctx: Context, query: Any, keyed: bool, sqlite: bool) -> Any:
    """ORDER BY the field, blanks (NULL or '') last either way and ties in id order (as the in-memory
    table). One sort key, no CASE per row: ``nullif(key, '')`` makes a blank NULL; SQLite sorts NULL
    first, so ascending it becomes ``x''`` (a BLOB sorts after every number and text) and descending
    NULL is last already; PostgreSQL says NULLS LAST.

    A date on SQLite sorts by one integer a row, ``day × 2³² + id`` (``-day`` descending; a blank:
    2⁶² + id): no two rows tie, so the sorter never compares a second key — a date column has many
    equal values (900 days among a million risks), and settling each tie by the id was most of its
    sort. 1,000,000 risks, CPU time of the bare query: raised 1.31 → 0.91 s, next review 1.56 → 1.19 s.
    Only where every id fits below 2³² (``keyed``): a larger id would be read as a later day."""
    E: Any = reg.entity
    unique = _unique_key(reg, f, descending, ctx) if keyed else None
    if unique is not None:
        return query.order_by(unique)
    query, key, text_ = _sort_key(reg, f, ctx, query, sqlite)
    if sqlite:  # '' is blank in any column there (a text in a number column is still only '' when blank)
        key = func.nullif(key, literal_column("''"))
        ordered = key.desc() if descending else func.coalesce(key, literal_column("x''")).asc()
    else:  # PostgreSQL: a number or a date is never '' (comparing one with '' is an error there)
        if text_:
            key = func.nullif(key, literal(""))
        ordered = (key.desc() if descending else key.asc()).nulls_last()
    return query.order_by(ordered, E.id)


def _sort_key(reg: Register, f: Field, ctx: Context, query: Any, sqlite: bool) -> tuple[Any, Any, bool]:
    """The key ``_order`` sorts ``f`` by (the query joined to a reference's target where it needs it), and
    whether it is a text (PostgreSQL: '' is blank then)."""
    E: Any = reg.entity
    if f.kind.is_reference:  # one join, not a subquery per row
        assert f.ref is not None
        T: Any = aliased(f.ref.target)
        query = query.outerjoin(T, T.id == getattr(E, f.attr))
        key: Any = func.lower(getattr(T, f.ref.label))
        text_ = True
    elif f.kind.is_links:
        key, text_ = func.lower(_list_shown(reg, f, sqlite)), True
    else:
        cheaper = getattr(f.sql, "sort", None)  # ComputedSql.sort: the same order, cheaper (a day number)
        if cheaper is not None and not f.kind.stored:
            key, text_ = cheaper(reg.entity, ctx), False  # a number, NULL when blank (never '')
        else:
            key, text_ = _value(reg, f, ctx), f.kind.textual or bool(getattr(f.sql, "is_text", False))
        if f.kind.textual:
            key = func.lower(key)
    return query, key, text_


# Rows up to which a large table ranks its columns ahead (``column_ranks``, on a worker once it is open): every
# column's ranks and classes are in memory meanwhile (2 bytes a row a column mostly, and the ids once: among
# 100,000 risks 9 MiB held, 27 MiB more resident); 100,000 risks' 25 columns cost the worker about 1.5 s of CPU,
# a million's would cost 15 and 100 MiB more (the goal there: 300 MiB in all).
RANKS_AHEAD_AT_MOST = 150_000


def can_rank(reg: Register, f: Field, ctx: Context) -> bool:
    """Whether ``column_ranks`` ranks ``f``: a column the database sorts by ``_order``'s key — not a list (sorted
    by its lists' texts, ``_links_sorted``), not one the database cannot sort (``_python_pass``), not a date
    (its day number sorts it, ``_unique_key``, and its first sort is that alone)."""
    return has_sql(reg, f) and not f.kind.is_links and _day_key(reg, f, ctx) is None


def column_ranks(session: Session, reg: Register, f: Field, ctx: Context | None = None,
                 classed: Any = None) -> Any | None:
    """Every record's place in ``f``'s sort, by id: the ids ascending and, for each, its value's rank in
    ``_order``'s order — values the ORDER BY finds equal (alike but for case) ranked alike, 1 the first, 0 a
    blank ('' or NULL) — from which ``ids_by_ranks`` gives the column's sort either way, and so the order of
    any filter of it (``among``), without the database sorting every row again. The ranks are the database's
    own (``dense_rank`` over ``_order``'s very key): the same folding and collation as the ORDER BY on SQLite
    and on PostgreSQL. None for a column ``can_rank`` declines, or where SQLite holds bytes in it (another
    program's: they sort after its blanks' ``x''``).

    ``classed``: the column's classes (``column_classes``: the records holding the same value, ids ascending
    as ``column_classes``' own) — then only one record of each class is ranked by the database (a status: five
    rows, not 100,000), each record given its class's rank: a value's key is the value's alone (a reference's,
    its target's). Among 100,000 risks ranking a column of choices 130–140 → 1–2 ms of CPU."""
    import numpy as np  # pyqtgraph's dependency: the ranks over their own memory, no int made per row

    ctx = ctx or records.load_context(session)
    if not can_rank(reg, f, ctx):
        return None
    E: Any = reg.entity
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    query, key, text_ = _sort_key(reg, f, ctx, select(E.id), sqlite)
    if sqlite:
        key = func.nullif(key, literal_column("''"))
        ordered = func.coalesce(key, literal_column("x''")).asc()
    else:
        if text_:
            key = func.nullif(key, literal(""))
        ordered = key.asc().nulls_last()
    # the rank and whether blank, in one integer: rank × 2 + blank
    packed = func.dense_rank().over(order_by=ordered) * 2 + case((key.is_(None), 1), else_=0)
    query = query.add_columns(packed.label("packed"))
    if classed is not None and getattr(f.sql, "sort", None) is not None:
        classed = None  # its own sort key, perhaps not the value's alone: every row ranked
    if classed is not None:
        query = query.where(E.id.in_([int(i) for i in classed[1]]))
    if sqlite:
        sub = query.subquery()
        try:
            listed_ids, listed = conn.execute(select(func.json_group_array(list(sub.c)[0]),
                                                     func.json_group_array(sub.c.packed))).one()
        except OperationalError:  # "JSON cannot hold BLOB values"
            return None
        ids = np.frombuffer(_parse_ids(listed_ids or "[]"), dtype=np.int64)
        raw = np.frombuffer(_parse_ids(listed or "[]"), dtype=np.int64)
    else:
        got_ids, got = array("q"), array("q")
        result = conn.execute(query)
        try:
            while rows := result.cursor.fetchmany(FETCH_CHUNK):
                got_ids.fromlist([row[0] for row in rows])
                got.fromlist([row[1] for row in rows])
        finally:
            result.close()
        ids, raw = np.frombuffer(got_ids, dtype=np.int64), np.frombuffer(got, dtype=np.int64)
    if len(ids) != len(raw):
        return None
    if classed is not None:  # each record its class's rank
        klass, records_of = classed[0], classed[1]
        by_record = dict(zip(ids.tolist(), raw.tolist()))
        try:
            of_class = np.fromiter((by_record[i] for i in records_of.tolist()), dtype=np.int64, count=len(records_of))
        except KeyError:  # a record gone meanwhile (cannot be: one transaction): every row ranked
            return column_ranks(session, reg, f, ctx)
        return _ranked(np, classed_ids(classed), of_class[klass], by_id=False)
    return _ranked(np, ids, raw, by_id=True)


def classed_ids(classed: Any) -> Any:
    """The ids ``column_classes`` read, kept beside a column's classes (``column_classes``' third member)."""
    return classed[2]


def _ranked(np: Any, ids: Any, raw: Any, by_id: bool) -> Any | None:
    ranks, blank = raw >> 1, (raw & 1).astype(bool)
    if blank.any() and int(ranks[blank].min()) != int(ranks.max()):
        return None  # something sorts after the blanks (bytes, on SQLite): the ORDER BY sorts it
    ranks = np.where(blank, 0, ranks)
    ranks = ranks.astype(np.uint16 if len(ranks) and int(ranks.max()) < 2**16 - 1 else np.int32)  # 2 bytes a row mostly
    if not by_id:
        return ids, ranks
    order = np.argsort(ids, kind="stable")
    return ids[order], ranks[order]


# Classes (distinct values) up to which a column's classes are kept (``column_classes``): its filter asks the
# database about that many records at most.
CLASSES_AT_MOST = 2000


# Columns of free text (a code, a title, a description): nearly every value its own, so their classes would be
# dropped (``CLASSES_AT_MOST``) after reading and parsing every text — a title's JSON alone held the interpreter
# lock 28 ms among 100,000 risks, a pause of the GUI thread: not read (their filters scan, as before).
_FREE_TEXT = (Kind.CODE, Kind.TEXT, Kind.LONGTEXT)


def can_class(reg: Register, f: Field, ctx: Context) -> bool:
    """Whether ``column_classes`` reads ``f``: a column ``can_rank`` ranks whose filter (``_filter_condition``)
    tests the value read alone — not the review status (``matches``: today's days), not a computed date — and
    whose values are few (not free text: ``_FREE_TEXT``)."""
    return (can_rank(reg, f, ctx) and getattr(f.sql, "matches", None) is None
            and not getattr(f.sql, "day_sort", False) and f.kind not in _FREE_TEXT)


def _class_value(reg: Register, f: Field, ctx: Context) -> Any:
    """What a column filter of ``f`` tests (``_filter_condition``): the stored value, a reference's key (its
    target's id), a computed column's expression."""
    if f.kind.is_reference:
        return getattr(reg.entity, f.attr)
    return _value(reg, f, ctx)


def column_classes(session: Session, reg: Register, names: Sequence[str], ctx: Context | None = None) -> Any:
    """The ids ascending and, for each column of ``names`` that ``can_class`` reads, each record's class — the
    records whose value is the same (``_class_value``, as Python compares the values read: never two values
    the database tells apart in one class) — and one record of each class: a column filter passes a whole
    class or none of it, so it is asked of that one record only (``classes_passing``) and the rest is a mask
    (``ids_passing``), not a scan of every row. One scan for every column; a column whose values JSON
    cannot hold (bytes, on SQLite) is left out. (ids, {name: (classes, the record of each class, the ids)})."""
    import numpy as np  # pyqtgraph's dependency

    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    fields = [reg.field(n) for n in names if can_class(reg, reg.field(n), ctx)]
    columns = [_class_value(reg, f, ctx) for f in fields]
    if not fields:
        return None
    if sqlite:
        def read(chosen: list[int]) -> tuple[Any, list[Any]] | None:
            try:
                got = conn.execute(select(func.json_group_array(E.id),
                                          *[func.json_group_array(columns[i]) for i in chosen])).one()
            except OperationalError:  # "JSON cannot hold BLOB values"
                return None
            return _parse_ids(got[0] or "[]"), [t or "[]" for t in got[1:]]  # each parsed in turn, below

        everything = list(range(len(fields)))
        answer = read(everything)
        if answer is None:  # bytes in some column: each alone, those left out
            answered = [(i, read([i])) for i in everything]
            kept = [(i, a) for i, a in answered if a is not None]
            if not kept:
                return None
            answer = (kept[0][1][0], [a[1][0] for _, a in kept])
            fields = [fields[i] for i, _ in kept]
        listed_ids, values = answer
        ids = np.frombuffer(listed_ids, dtype=np.int64)
    else:
        got_ids, got_values = array("q"), [[] for _ in fields]  # type: ignore[var-annotated]
        result = conn.execute(select(E.id, *columns))
        try:
            while rows := result.cursor.fetchmany(FETCH_CHUNK):
                got_ids.fromlist([row[0] for row in rows])
                for i, column_values in enumerate(got_values):
                    column_values.extend(row[i + 1] for row in rows)
        finally:
            result.close()
        ids, values = np.frombuffer(got_ids, dtype=np.int64), got_values
    by_id = np.argsort(ids, kind="stable")
    in_order = ids[by_id]
    classes: dict[str, Any] = {}
    for f, column_values in zip(fields, values):
        if isinstance(column_values, str):  # SQLite's JSON: one column's values in memory at a time
            column_values = json.loads(column_values)
        if len(column_values) != len(ids):
            continue
        codes: dict[Any, int] = {}
        try:
            in_scan = np.fromiter((codes.setdefault(v, len(codes)) for v in column_values), dtype=np.int32,
                                  count=len(column_values))
        except TypeError:  # a value Python cannot hash (cannot be: texts, numbers, dates): by the database
            continue
        if len(codes) > CLASSES_AT_MOST:
            continue  # a column of texts each its own (a title): a filter of it scans, as before
        klass = in_scan[by_id].astype(np.int16)  # at most CLASSES_AT_MOST: 2 bytes a row
        _, first = np.unique(klass, return_index=True)
        classes[f.name] = (klass, in_order[first], in_order)
    return in_order, classes


def classes_passing(session: Session, reg: Register, name: str, allowed: frozenset[str], ctx: Context | None,
                    records_of_classes: Any) -> Any:
    """Of one record of each class (``column_classes``), those the column filter passes (ids ascending)."""
    import numpy as np

    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    query = select(E.id).where(E.id.in_([int(i) for i in records_of_classes]),
                               _filter_condition(session, reg, reg.field(name), allowed, ctx))
    return np.sort(np.fromiter((row[0] for row in session.connection().execute(query)), dtype=np.int64))


def ids_passing(ids: Any, classes: Any, records_of_classes: Any, passing_records: Any) -> Any:
    """A mask of ``ids`` (``column_classes``') in the classes whose record passed (``classes_passing``)."""
    import numpy as np

    return np.isin(classes, np.flatnonzero(np.isin(records_of_classes, passing_records)))


def ids_by_ranks(ranked: Any, descending: bool) -> array[int]:
    """A column's sort (``_order``'s: blanks last either way, ties by id) from its ranks (``column_ranks``):
    one stable sort by numpy of the ranks in id order — among 100,000 risks a few ms, where SQLite's ORDER BY of
    a title was 45–53 ms of CPU."""
    import numpy as np

    ids, ranks = ranked
    top = int(ranks.max()) if len(ranks) else 0
    key = np.where(ranks == 0, top + 1, (top + 1 - ranks) if descending else ranks)
    # few distinct values (a choice, a score) sort by radix in 16 bits
    order = np.argsort(key.astype(np.uint16 if top + 1 < 2**16 else np.int32), kind="stable")
    out: array[int] = array("q")
    out.frombytes(ids[order].tobytes())
    return out


def _list_shown(reg: Register, f: Field, sqlite: bool) -> Any:
    """A list cell's text as the table shows it (``records.fetch_rows``): its names in code-point order
    joined by "; " — the key it sorts by. Sorted by the names as the database joined them (in no set
    order, by the separator ``records.LIST_SEP``), "Alpha; Zeta" came after "Zeta" when the database
    joined it "Zeta␟Alpha". SQLite 3.40 has no ORDER BY inside ``group_concat``: the names come from a
    sorted subquery, whose order an aggregate keeps (SQLite does not flatten it into one); PostgreSQL
    orders them in the aggregate, by bytes (``COLLATE "C"``, code points as Python's ``sorted``)."""
    E: Any = reg.entity
    assert f.ref is not None
    T: Any = f.ref.target
    own, other = records._link_columns(f, E)
    linked = records._link_table(f).join(T, other == T.id)
    name = getattr(T, f.ref.label)
    if sqlite:
        names = select(name.label("name")).select_from(linked).where(own == E.id).correlate(E).order_by(name)
        return select(func.aggregate_strings(literal_column("name"), "; ")).select_from(names.subquery()) \
            .scalar_subquery()
    return select(func.aggregate_strings(name, "; ").aggregate_order_by(name.collate("C"))) \
        .select_from(linked).where(own == E.id).scalar_subquery()


def _ids(session: Session, query: Any) -> array[int]:
    """The ids a query selects, in its order, as an ``array('q')``. SQLite: as one JSON text built by
    ``json_group_array`` over the ordered query (an aggregate keeps its subquery's ORDER BY: SQLite
    omits it only under count, min and max) and parsed in C, half the cost of a Python tuple per row;
    PostgreSQL: straight from the driver's cursor (no conversion through Result rows). Either way in
    chunks: one C call turning a million ids into the array would hold the interpreter lock for tens of
    milliseconds, and a GUI thread waiting meanwhile (this runs on workers too)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        sub = query.subquery()
        return _parse_ids(conn.execute(select(func.json_group_array(list(sub.c)[0]))).scalar_one() or "[]")
    ids = array("q")
    result = conn.execute(query)
    try:
        while rows := result.cursor.fetchmany(FETCH_CHUNK):
            ids.fromlist([row[0] for row in rows])
    finally:
        result.close()
    return ids


def _numpy_if_imported() -> types.ModuleType | None:
    """numpy when its import has finished, else None. ``sys.modules`` holds a module from the moment its import
    begins: while ``windowed.import_numpy_ahead``'s worker is still importing numpy, another thread that took
    it from there would find it half made ("partially initialized module 'numpy' has no attribute …")."""
    np = sys.modules.get("numpy")
    if np is None or getattr(getattr(np, "__spec__", None), "_initializing", False):
        return None
    return np


def _parse_ids(text_: str) -> array[int]:
    """``[1,2,…]`` into an array, FETCH_CHUNK ids or so a call (see ``_ids``): by numpy's text reader once
    numpy is in (``windowed.import_numpy_ahead``: a fourth of the time, 100,000 ids 6.5 → 1.5 ms of CPU),
    else by ``json.loads`` (a table's first listing, as it opens, does not wait for numpy's import)."""
    ids = array("q")
    np = _numpy_if_imported()
    body, start, step = text_[1:-1], 0, FETCH_CHUNK * 8
    while start < len(body):
        end = body.find(",", start + step)
        end = len(body) if end < 0 else end
        if np is not None:
            ids.frombytes(np.fromstring(body[start:end], dtype=np.int64, sep=",").tobytes())
        else:
            ids.fromlist(json.loads("[" + body[start:end] + "]"))
        start = end + 1
    return ids


STOP_CHECK_STEPS = 100_000  # SQLite: virtual machine steps between two looks at ``Stop.stopped`` (about a ms)


class Stopped(Exception):
    """A read stopped by ``Stop.stop`` before its end (its answer, moot, is never used)."""


class Stop:
    """A way for another thread to stop a read running on a worker (a listing that a newer search made
    moot): SQLite's progress handler looks at ``stopped`` every ``STOP_CHECK_STEPS`` steps of the query
    and interrupts it (no call across threads into the connection, so none can reach the next user of
    a pooled connection); PostgreSQL's query is cancelled on the server (the driver's ``cancel``, from
    the stopping thread, only while the query runs: a lock keeps it off the connection once back in
    the pool). Either way the read raises ``Stopped``, and a read that ended anyway raises it too."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.stopped = False
        self.interrupted = False  # the read was running when stopped, and ended there
        self._cancel: Any = None  # PostgreSQL: the running read's connection's cancel, while it runs

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._cancel is not None:
                try:
                    self._cancel()
                except Exception:  # noqa: BLE001 — the server is away: the read ends by itself
                    pass
                self._cancel = None

    @contextmanager
    def watching(self, session: Session) -> Iterator[None]:
        """Around a read on ``session``'s connection: stoppable meanwhile; ``Stopped`` once stopped."""
        raw: Any = session.connection().connection.dbapi_connection
        sqlite = session.connection().dialect.name == "sqlite"
        try:
            if sqlite:
                raw.set_progress_handler(lambda: self.stopped, STOP_CHECK_STEPS)
            else:
                with self._lock:
                    if self.stopped:
                        raise Stopped
                    self._cancel = getattr(raw, "cancel_safe", None) or raw.cancel
            try:
                yield
            finally:
                if sqlite:
                    raw.set_progress_handler(None, 0)
                else:
                    with self._lock:
                        self._cancel = None
        except (OperationalError, DBAPIError) as e:
            if self.stopped:  # SQLite "interrupted", PostgreSQL query_canceled
                self.interrupted = True
                raise Stopped from e
            raise
        if self.stopped:
            raise Stopped


def fetch_ids(session: Session, reg: Register, window: Window, ctx: Context | None = None,
              bounds: Bounds | None = None, stop: Stop | None = None) -> array[int]:
    """The ids of the records ``window`` shows, in its order: one query (or, for a computed field
    without SQL, that query then a pass in Python). A search of several words finds them side by side
    ("project 3"); when no row holds them so, the rows holding each of them anywhere, in any order
    ("supplier late" → "POS supplier delivers late"). ``bounds``: the stored dates' first and last
    known (``_date_bounds``; those read here are added). ``stop``: another thread may stop it
    (``Stopped`` raised)."""
    with stop.watching(session) if stop is not None else nullcontext():
        every_but = _all_but_few(session, reg, window, ctx, bounds)
        ids = every_but if every_but is not None else _fetch_ids(session, reg, window, ctx, bounds=bounds)
        if not len(ids) and not window.every_word and len(window.search.split()) > 1:
            ids = _fetch_ids(session, reg, replace(window, every_word=True), ctx, bounds=bounds)
    return ids


LACKING_AT_MOST = 10_000  # rows without a one-character search's character, past which it is listed as usual


def _all_but_few(session: Session, reg: Register, window: Window, ctx: Context | None,
                 bounds: Bounds | None) -> array[int] | None:
    """A search of one letter or digit that all but a few rows hold ("e" in a register written in English):
    the ids the window shows without the search (its filters, in id order), less those of the few rows
    whose summary lacks the character and that the search's other terms (a name, a date) do not pass
    either — instead of the search's terms tested on every row. Which rows lack it is one walk of the
    summary that stops past ``LACKING_AT_MOST`` of them (at once for "x"); None then, or for another
    window (sorted, several words, a heat map cell's ids), and the search is listed as usual. Among
    1,000,000 risks, "e" (every row), the listing: SQLite 0.25–0.26 → 0.04–0.13 s of CPU, PostgreSQL
    0.58–0.65 → 0.11–0.18 s wall; "x" and "7" (a quarter of the rows lack it) a few ms more."""
    text_ = window.search
    if (len(text_) != 1 or window.every_word or window.sort_field is not None or window.record_ids is not None
            or window.parent_id is not None or not search_index.usable(session, reg, text_)):
        return None
    summary = search_index.chars_table(reg)
    lacking = list(session.connection().execute(
        select(summary.c.id).where(not_(search_index.holds_char(summary, text_))).limit(LACKING_AT_MOST + 1)).scalars())
    if len(lacking) > LACKING_AT_MOST:
        return _all_but_failing(session, reg, window, ctx, bounds)
    ids = _fetch_ids(session, reg, replace(window, search=""), ctx, bounds=bounds) if window.column_filters \
        else _every_id(session, reg)
    failing = set(lacking) - passing(session, reg, window, lacking, ctx, bounds) if lacking else set()
    return _less(ids, sorted(failing))


SAMPLE_PERCENT = 2  # of the summary's pages, to judge how many rows lack a character (``_all_but_failing``)


def _all_but_failing(session: Session, reg: Register, window: Window, ctx: Context | None,
                     bounds: Bounds | None) -> array[int] | None:
    """PostgreSQL: a search of one character that most rows hold but more than ``LACKING_AT_MOST`` lack
    ("7": 743,632 of 1,000,000 risks pass): every id less the ids of the rows the search fails, listed by
    its own condition turned round (``IS NOT TRUE``, so a NULL fails as it does in the search) — the same
    scan of every row, but a third as many ids sorted, sent and parsed (0.54 → 0.35 s of the server's time
    to list them). Chosen when at most half of the summary's rows lack the character (the rows failing
    are among those: at most half); None otherwise, with a column filter (its ids would be a listing of
    their own), or on SQLite (its listing is read in one JSON text, ids cost it little)."""
    if session.connection().dialect.name == "sqlite" or window.column_filters:
        return None
    # Counted in a sample of the summary's pages (2 %, the same pages each time), not all of it: a count of
    # every row was 40 ms, added to "x" too (which the walk above had just found lacking 10,000 times).
    # Either way the same ids: the sample only chooses the way to list them.
    summary = search_index.chars_table(reg)
    for read in (summary.tablesample(func.system(SAMPLE_PERCENT), seed=literal_column("0")), summary):
        lacking, rows = session.connection().execute(
            select(func.count().filter(not_(search_index.holds_char(read, window.search))), func.count())
            .select_from(read)).one()
        if rows:
            break  # else a small table, no page of it sampled: all of it counted
    if not rows or lacking * 2 > rows:
        return None
    E: Any = reg.entity
    condition = _search_condition(session, reg, window.search, ctx or records.load_context(session), bounds=bounds)
    # ``id + 0``: a parallel scan and a sort of what fails, as a search's listing (``_fetch_ids``)
    failing = _ids(session, select(E.id).where(not_(func.coalesce(condition, false()))).order_by(E.id + 0))
    return _less(_every_id(session, reg), failing)


def _less(ids: array[int], failing: Sequence[int]) -> array[int]:
    """``ids`` without ``failing`` (ascending), in their order."""
    if not len(failing):
        return ids
    import numpy as np  # pyqtgraph's dependency: over the ids' own memory, no int made per id

    view, out = np.frombuffer(ids, dtype=np.int64), np.frombuffer(failing, dtype=np.int64) \
        if isinstance(failing, array) else np.array(failing, dtype=np.int64)
    at = np.searchsorted(out, view)  # where each id would stand among the failing: there, or not one of them
    kept, ids = view[out[np.minimum(at, len(out) - 1)] != view], array("q")
    del view  # released, so the array could grow again
    ids.frombytes(kept.tobytes())
    return ids


def _every_id(session: Session, reg: Register) -> array[int]:
    """Every id of the register in order: when they run without a gap (no record deleted, as after an
    import) made from their first, last and count — three look-ups, where reading a million ids is 0.1 s
    of SQLite's time and as much again to parse; else read."""
    E: Any = reg.entity
    # three queries, each answered by the primary key alone (together, SQLite would scan the table)
    first, last, n = (session.connection().execute(select(agg).select_from(E)).scalar_one()
                      for agg in (func.min(E.id), func.max(E.id), func.count()))
    if not n:
        return array("q")
    if last - first + 1 == n:
        import numpy as np  # pyqtgraph's dependency: the run written in C, no int made per id

        ids = array("q")
        ids.frombytes(np.arange(first, last + 1, dtype=np.int64).tobytes())
        return ids
    return _ids(session, select(E.id).order_by(E.id))


def can_list_first(reg: Register, window: Window) -> bool:
    """Whether ``first_ids`` can read the first rows of this window by themselves: a search or a column
    filter, all in SQL (no pass in Python, no heat-map cell's ids kept in Python)."""
    if not (window.search or window.column_filters) or window.record_ids is not None:
        return False
    if window.sort_field is not None and not has_sql(reg, reg.field(window.sort_field)):
        return False
    return all(has_sql(reg, reg.field(name)) for name in window.column_filters)


FIRST_TIMEOUT_MS = 300  # PostgreSQL: how long ``first_ids`` walks the primary key before leaving it to a worker


def first_ids(session: Session, reg: Register, window: Window, limit: int, ctx: Context | None = None,
              bounds: Bounds | None = None) -> tuple[array[int], Window, bool]:
    """The first ``limit`` ids ``window`` shows, in its order (``can_list_first``); the window whose ids
    they are (a search of several words none of which stand side by side: ``every_word``, as
    ``fetch_ids``); and whether they are all (fewer than ``limit``). The same query as ``fetch_ids`` with a
    LIMIT: when most rows match, the database stops after a screenful — a table shows its first rows at
    once and lists the others (``fetch_ids``) on a worker. A one-character search joins its summary row
    by row here (walked in the window's order, stopped at the limit) rather than listing every row that
    holds the character first.

    PostgreSQL: a search walks the primary key here (``fetch_ids`` scans in parallel and sorts), at most
    ``FIRST_TIMEOUT_MS``: among 1,000,000 risks "7" (743,632 rows) 31 ms against 3.4 s, but a text few
    or no rows hold ("ab") would walk the whole table on one process, 9.3 s against 3.8 s — past the
    timeout no ids (not all): the worker lists them."""
    ctx = ctx or records.load_context(session)
    bounds = {} if bounds is None else bounds
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        return _first_ids(session, reg, window, limit, ctx, bounds)
    if window.search and day_text_can_hold(window.search) and _year_of(window.search) is None:
        # a scan of its own, before the timeout (its words apart, ``every_word``, when the whole finds no
        # row: read under the timeout, or by the worker past it)
        _date_bounds(session, reg, bounds)
    found = array("q"), window, False
    nested = session.begin_nested()
    try:
        # (through the session, not ``conn``: the session opens the savepoint at its first statement, so a
        # statement on the bare connection would run before it and outlive its rollback)
        session.execute(sql_text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": str(FIRST_TIMEOUT_MS)})
        found = _first_ids(session, reg, window, limit, ctx, bounds)
    except DBAPIError as e:
        if getattr(e.orig, "sqlstate", None) != "57014":  # query_canceled: the timeout
            raise
    finally:
        # Only read under the short timeout: its savepoint is rolled back, which undoes the SET LOCAL with it.
        # A statement setting the timeout back would itself run under the short one, and on a loaded machine
        # was now and then cancelled, failing the search it had just answered.
        nested.rollback()
    return found


def _first_ids(session: Session, reg: Register, window: Window, limit: int, ctx: Context,
               bounds: Bounds) -> tuple[array[int], Window, bool]:
    ids = _fetch_ids(session, reg, window, ctx, limit, bounds)
    if not len(ids) and not window.every_word and len(window.search.split()) > 1:
        window = replace(window, every_word=True)
        ids = _fetch_ids(session, reg, window, ctx, limit, bounds)
    return ids, window, len(ids) < limit


def passing(session: Session, reg: Register, window: Window, ids: Sequence[int], ctx: Context | None = None,
            bounds: Bounds | None = None) -> set[int]:
    """Which of these records ``window``'s search and filters pass (a few ids: the rows just edited),
    without listing the window: its conditions and ``id IN (ids)``. A search of several words passes a
    row that holds them side by side or each anywhere (``fetch_ids`` uses the second when no row holds
    the first)."""
    if not ids:
        return set()
    plain = replace(window, sort_field=None, descending=False, every_word=False)
    found = set(_fetch_ids(session, reg, plain, ctx, bounds=bounds, only=ids))
    if len(window.search.split()) > 1:
        found |= set(_fetch_ids(session, reg, replace(plain, every_word=True), ctx, bounds=bounds, only=ids))
    return found


def _fetch_ids(session: Session, reg: Register, window: Window, ctx: Context | None = None,
               limit: int | None = None, bounds: Bounds | None = None, only: Sequence[int] | None = None) -> array[int]:
    ctx = ctx or records.load_context(session)
    E: Any = reg.entity
    query: Any = select(E.id)
    conditions: list[ColumnElement[bool]] = []
    if only is not None:  # ``passing``: these records only
        conditions.append(E.id.in_(list(only)))
    if window.parent_id is not None and reg.parent:
        conditions.append(getattr(E, reg.parent) == window.parent_id)
    python_filters: list[tuple[Field, frozenset[str]]] = []
    joins: list[tuple[Any, Any, bool]] = []
    for name, allowed in window.column_filters.items():
        f = reg.field(name)
        if has_sql(reg, f):
            conditions.append(_filter_condition(session, reg, f, allowed, ctx))
        else:
            python_filters.append((f, allowed))
    for term in window.search.split() if window.every_word else [window.search] if window.search else []:
        conditions.append(_search_condition(session, reg, term, ctx, joins, first=limit is not None, bounds=bounds))
    # A one-character search's summary, row by row (``_search_condition``). Its first rows alone — no
    # other term, filter or sort — walk the summary (a small table) in id order, each row it passes
    # looked up by id: a character in no row ("x") reads the summary, 0.07 s of CPU among a million
    # risks, where walking the table and looking up its summary row by row was 0.16–0.22 s.
    by_summary = (limit is not None and len(joins) == 1 and joins[0][2] and len(conditions) == 1
                  and window.sort_field is None)
    for joined, on, _ in joins:
        query = query.select_from(joined).join(E, on) if by_summary else query.outerjoin(joined, on)
    if conditions:
        query = query.where(and_(*conditions))
    sort = reg.field(window.sort_field) if window.sort_field else None
    walked = None
    if sort is not None and not conditions and limit is None and sort_index.has_index(session, reg, sort):
        walked = sort_index.ordered_ids(session, reg, sort, window.descending, ctx)  # a walk of its index
    elif limit is None and only is None and len(conditions) == 1 and not joins and not python_filters:
        walked = _past_filtered(session, reg, window, sort, ctx)
    if walked is not None:
        ids = walked
    else:
        sqlite = session.get_bind().dialect.name == "sqlite"
        highest = _highest_id(session, reg) if sort is not None and has_sql(reg, sort) and sqlite else DAY_SHIFT
        keyed, shift = highest < DAY_SHIFT, max(highest.bit_length(), 1)
        unique = _unique_key(reg, sort, window.descending, ctx, whole=True, shift=shift) \
            if keyed and sort and limit is None else None
        if (unique is None and sqlite and sort is not None and sort.kind is Kind.ENUM and limit is None
                and highest <= CHOICE_RANKS_AT_MOST):
            walked = _ids_by_choice(session, query, reg, sort, window.descending)  # None: by the ORDER BY
        if unique is not None or walked is not None:
            pass  # its keys sorted by numpy below, or its choices' ranks sorted already: no ORDER BY
        elif sort is not None and sort.kind.is_links and limit is None and only is None:
            walked = _links_sorted(session, reg, sort, window.descending, ctx, query, bool(conditions),
                                   bool(window.search) and not sqlite, sqlite)
        elif sort is not None and has_sql(reg, sort):
            query = _order(reg, sort, window.descending, ctx, query, keyed, sqlite)
        elif by_summary:
            query = query.order_by(joins[0][0].c.id)
        elif window.search and not sqlite:
            # PostgreSQL, a search: in id order, but not by walking the primary key — misjudging how many
            # rows pass the ILIKEs, the planner walked it, testing each row in turn on one process; by
            # ``id + 0`` it scans the table with its parallel workers and sorts the rows that pass.
            # 300,000 risks, a loaded machine: "ab" (no row; every row read) 2.3–2.5 → 1.36–1.4 s.
            query = query.order_by(E.id if limit is not None else E.id + 0)  # first_ids: a walk, stopped
        else:
            query = query.order_by(E.id)
        by_key = _ids_by_unique_key(session, query, unique, shift) if unique is not None else None
        if unique is not None and by_key is None:
            query = _order(reg, sort, window.descending, ctx, query, keyed, sqlite)  # type: ignore[arg-type]
        ids = walked if walked is not None else by_key if by_key is not None \
            else _ids(session, query if limit is None else query.limit(limit))
    if window.record_ids is not None:  # a heat map cell: a few ids, kept in Python (no IN of thousands)
        keep = window.record_ids
        ids = array("q", [i for i in ids if i in keep])
    if python_filters or (sort is not None and not has_sql(reg, sort)):
        ids = _python_pass(session, reg, ids, python_filters, sort, window.descending, ctx)
    return ids


def _links_sorted(session: Session, reg: Register, f: Field, descending: bool, ctx: Context, query: Any,
                  filtered: bool, scan: bool, sqlite: bool) -> array[int]:
    """The ids ``query`` selects sorted by a list column (``f``, "related projects"), as ``_order`` sorts
    them: the records with a list that is not blank sorted by it, then every other record in id order
    (blanks last either way, ties by id). The list's text is worked out for the records that have one
    — a subquery of the link table each — where the ``ORDER BY`` worked it out for every row: among
    1,000,000 risks few of which have related projects, 2.4 s of CPU on PostgreSQL (6.4 s wall on a
    loaded machine), SQLite's costliest sort but two. The others come from the ids in id order
    (``_every_id``: three look-ups when nothing narrows them), less those sorted. ``scan``: PostgreSQL's
    search, listed by ``id + 0`` (see ``_fetch_ids``)."""
    E: Any = reg.entity
    own, _ = records._link_columns(f, E)
    shown = func.lower(_list_shown(reg, f, sqlite))
    linked = query.where(E.id.in_(select(own)), shown != literal(""))  # NULL (no link) and '' are blank
    ids = _ids(session, _order(reg, f, descending, ctx, linked, False, sqlite))
    every = _ids(session, query.order_by(E.id + 0 if scan else E.id)) if filtered else _every_id(session, reg)
    if not len(ids):
        return every
    import numpy as np  # pyqtgraph's dependency: the ids sorted for ``_less`` without an int made per id

    listed: array[int] = array("q")  # the ids sorted, for ``_less``
    listed.frombytes(np.sort(np.frombuffer(ids, dtype=np.int64)).tobytes())
    ids.extend(_less(every, listed))
    return ids


def _past_filtered(session: Session, reg: Register, window: Window, sort: Field | None,
                   ctx: Context) -> array[int] | None:
    """The window's ids when its one condition is a filter by whether a day is past (the review status),
    read from that day's sort index (``sort_index.past_filter_ids``): in id order, or, sorted by a column
    whose index gives its order alone, that walk less the rows failing the filter. Where "Overdue" was
    tested on every row of the table (the condition cannot use the index: most rows may pass, and looking
    each up to sort them by another column cost 3.9 s of CPU for a million risks). None for another
    window, or where no index serves (the caller's query)."""
    if window.search or len(window.column_filters) != 1:
        return None
    ((name, allowed),) = window.column_filters.items()
    passing = sort_index.past_filter_ids(session, reg, reg.field(name), allowed, ctx)
    if passing is None or sort is None:
        return passing
    if not sort_index.has_index(session, reg, sort):
        return None
    order = sort_index.ordered_ids(session, reg, sort, window.descending, ctx)
    return None if order is None else _kept(order, passing)


def among(ids: array[int], passing: array[int]) -> array[int]:
    """``ids`` that are among ``passing`` (ascending), in their order: a sorted window's ids less those a
    filter fails, listed in id order (``WindowedRegisterModel._narrowed``)."""
    return _kept(ids, passing)


def _kept(ids: array[int], passing: array[int]) -> array[int]:
    """``ids`` that are among ``passing`` (ascending), in their order."""
    import numpy as np  # pyqtgraph's dependency: over the ids' own memory, no int made per id

    view, among = np.frombuffer(ids, dtype=np.int64), np.frombuffer(passing, dtype=np.int64)
    out: array[int] = array("q")
    if len(among):
        at = np.minimum(np.searchsorted(among, view), len(among) - 1)
        out.frombytes(view[among[at] == view].tobytes())
    del view, among  # released, so the arrays could grow again
    return out


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
    if f.kind.is_reference:  # the names of the targets referenced (one pass over the column, no name
        # looked up per row: 1.1 → 0.2 s of CPU for the owners of a million risks), and blank if any is
        assert f.ref is not None
        T2: Any = f.ref.target
        fk = getattr(E, f.attr)
        used = select(fk).where(fk.is_not(None))
        blank = select(E.id).where(or_(fk.is_(None), fk.not_in(select(T2.id))))
        if parent_id is not None and reg.parent:
            used, blank = (q.where(getattr(E, reg.parent) == parent_id) for q in (used, blank))
        conn = session.connection()
        names: list[Any] = list(conn.execute(select(getattr(T2, f.ref.label)).where(T2.id.in_(used)).distinct()
                                             .limit(limit)).scalars())
        if len(names) < limit and conn.execute(blank.limit(1)).first() is not None:
            names.append(None)
        return names
    if not has_sql(reg, f):
        rows = records.fetch_rows(session, reg, ctx, parent_id=parent_id)
        col = reg.field_names.index(f.name) + 2
        return list(dict.fromkeys(row[col] for row in rows))[:limit]
    if (shown := getattr(f.sql, "values", None)) is not None and not f.kind.stored:
        # every text it can show: which of them some row shows, one probe each (no value computed for
        # every row: "Overdue" or not among a million risks, 1.2 s of CPU before)
        found = []
        for value in shown:
            probe = select(E.id).where(_filter_condition(session, reg, f, frozenset({value}), ctx))
            if parent_id is not None and reg.parent:
                probe = probe.where(getattr(E, reg.parent) == parent_id)
            if session.connection().execute(probe.limit(1)).first() is not None:
                found.append(value)
        return found[:limit]
    if not f.kind.stored and getattr(f.sql, "day_sort", False) and session.connection().dialect.name == "sqlite":
        # a computed date: its distinct day numbers (its sort index's, when it has one), no date text per row
        key = computed_sql.whole_day_key(f.sql.sort(E, ctx))  # type: ignore[union-attr]
        days = select(key).select_from(E).distinct().limit(limit)
        if parent_id is not None and reg.parent:
            days = days.where(getattr(E, reg.parent) == parent_id)
        return [None if day is None else date.fromordinal(int(day) - computed_sql.JULIAN_DAY_OF_ORDINAL_0)
                for day in session.connection().execute(days).scalars()]
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
