"""SQL for computed columns: what lets a windowed table sort, filter and search them in the database.

``Field.sql`` builds a computed column's value as an SQL expression. ``ComputedSql`` is such a
builder that also says which texts the column can show at all, so a search can leave out a column
that cannot hold the text (a score holds digits only, a rating one of the file's band names) instead
of computing it for every row. ``date_plus_days`` is date arithmetic written as each database wants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, String, and_, cast, false, func, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from .fields import Context
from .values import day_text, day_text_can_hold

NUMBER_LIKE = re.compile(r"[\d.,:/ -]+")


def digits_only(text: str, _ctx: Context) -> bool:
    """For a column of numbers or dates: only a text of digits (and separators) can be in it."""
    return NUMBER_LIKE.fullmatch(text) is not None


ISO_DATE = "dddd-dd-dd"  # how a date is written (and shown): digits where the template has d
PREFIX_OF_A_DATE = re.compile(r"\d{4}(-(\d(\d(-\d{0,2})?)?)?)?")


def date_can_show(text: str, _ctx: Context | None = None) -> bool:
    """Whether ``text`` can be part of a date as written, ``2026-03-31``, or as shown, "31 mar 2026"
    (``values.day_text_can_hold``). "03/2026" or "2026 03" cannot, so a search for it need not look
    at any date."""
    def fits(at: int) -> bool:
        return all((c == "-") if ISO_DATE[at + i] == "-" else c.isdigit() for i, c in enumerate(text))
    return bool(text) and (any(fits(at) for at in range(len(ISO_DATE) - len(text) + 1)) or day_text_can_hold(text))


def shown_day_ranges(text: str, first: date, last: date) -> list[tuple[date, date]]:
    """The runs of days from ``first`` to ``last`` whose shown form ("3 dec 2026", lower case) holds
    ``text``: "mar 2026" one run, "dec" one a year — compares of stored dates, no text made per row."""
    runs: list[tuple[date, date]] = []
    day, start, previous = first, None, None
    while day <= last:
        if text in day_text(day).lower():
            start = start or day
            previous = day
        elif start is not None:
            runs.append((start, previous or start))
            start = None
        if day == date.max:
            break
        day += timedelta(days=1)
    if start is not None:
        runs.append((start, previous or start))
    return runs


class day_shown(FunctionElement[Any]):
    """A date as a table shows it, "3 Dec 2026" (``values.day_text``), as SQL text, for a search of
    its shown form ("mar 2026", "3 dec"); NULL for no date. SQLite builds it from ``strftime`` (the
    date written into the statement once per use, its constants inline, as ``whole_day_key`` does);
    PostgreSQL's ``to_char`` writes English month names without the TM prefix, whatever the locale."""

    type = String()
    inherit_cache = True
    name = "day_shown"


@compiles(day_shown, "sqlite")
def _day_shown_sqlite(element: day_shown, compiler: Any, **kw: Any) -> str:
    kw.pop("literal_binds", None)
    (inner,) = element.clauses
    x = compiler.process(inner, literal_binds=True, **kw)
    return (f"(CAST(strftime('%d', {x}) AS INTEGER) || ' ' || substr('JanFebMarAprMayJunJulAugSepOctNovDec', "
            f"CAST(strftime('%m', {x}) AS INTEGER) * 3 - 2, 3) || ' ' || CAST(strftime('%Y', {x}) AS INTEGER))")


@compiles(day_shown)
def _day_shown_other(element: day_shown, compiler: Any, **kw: Any) -> str:
    (inner,) = element.clauses
    return f"to_char({compiler.process(inner, **kw)}, 'FMDD Mon FMYYYY')"


def date_prefix_range(text: str) -> tuple[date, date] | None:
    """The first and last dates whose written form begins with ``text`` when a date can hold ``text``
    only at its beginning (four digits first: only the year has four in a row) — "2026", "2026-03",
    "2026-03-1" (the 10th to the 19th); as ISO dates sort as their texts do, every date between them
    begins so too. None for another text; (date.max, date.min), an empty range, when no date begins so."""
    if not PREFIX_OF_A_DATE.fullmatch(text):
        return None
    year = int(text[:4])
    if year < 1:
        return date.max, date.min
    first = date(year, 1, 1)
    days = [first + timedelta(days=k) for k in range(366 if year < date.max.year else 365)]  # not past 9999-12-31
    begins = [d for d in days if d.year == first.year and d.isoformat().startswith(text)]
    return (begins[0], begins[-1]) if begins else (date.max, date.min)


def day_number_contains(key: Callable[[Any, Context], Any], value: Callable[[Any, Context], Any],
                        narrow: Callable[[Any, Context, date, date], Any] | None = None
                        ) -> Callable[[Any, str, Context], Any]:
    """``ComputedSql.contains`` for a computed date whose ``sort`` is its day number: a text that can
    only begin a date ("2024-03-1") is a range of days, the key computed once a row (BETWEEN) and
    compared as a number, no date text made for any row; ``narrow(entity, ctx, first, last)``, a
    cheaper condition every such row passes (its stored dates near the range), is checked first so
    the key is computed only for the rows it leaves. Another text (a "-03-" inside dates) is looked
    for in the date's text."""
    def contains(E: Any, text: str, ctx: Context) -> Any:
        span = date_prefix_range(text)
        if span is None and day_text_can_hold(text):  # "mar 2026": the shown form, lower case
            return func.lower(day_shown(value(E, ctx))).contains(text, autoescape=True)
        if span is None:
            return cast(value(E, ctx), String).contains(text, autoescape=True)
        if span[0] > span[1]:
            return false()
        within = key(E, ctx).between(day_number_of(span[0]), day_number_of(span[1]))
        return and_(narrow(E, ctx, *span), within) if narrow is not None else within
    return contains


@dataclass(frozen=True)
class ComputedSql:
    """A computed column's SQL expression (``build(entity, ctx)``) and what a search and a filter may
    know without computing it for every row."""

    build: Callable[[Any, Context], Any]
    can_show: Callable[[str, Context], bool] = lambda _text, _ctx: True
    is_text: bool = False  # its values are the texts the table shows (a filter needs no look-up)
    # ``contains(entity, text, ctx)``: a cheaper condition for "shows a text containing ``text``" than
    # the expression cast to text and LIKE (a rating: its score in the bands whose names contain it).
    contains: Callable[[Any, str, Context], Any] | None = None
    # ``sort(entity, ctx)``: a cheaper expression in the same order as the value, NULL where it is blank,
    # for ORDER BY alone (a date as its day number: no date text made for every row).
    sort: Callable[[Any, Context], Any] | None = None
    # ``sort`` is a whole number under 2**31 either way, or a day number (SQLite: a Julian day, whole or
    # ``.5``): a windowed table on SQLite sorts by it truncated to a whole number and joined with the id
    # into one integer, so no two rows tie (``windows._order``).
    sort_whole: bool = False
    # ``sort`` is the day number of the date the column shows (the next review): on SQLite a large
    # register gets a sort index on it (``sort_index``), and a filter by dates compares it with those
    # days' numbers (``whole_day_key``), no date text made for any row.
    day_sort: bool = False
    # Every text the column can show (a review's "Overdue" or blank): the header's value menu asks
    # which of them some row shows (one probe each) instead of computing the column for every row.
    values: tuple[str, ...] | None = None
    # ``matches(entity, allowed texts, ctx)``: a cheaper condition for "shows one of these texts" than
    # the expression compared with them (whether a review is overdue: its day number against today's).
    matches: Callable[[Any, frozenset[str], Context], Any] | None = None
    # The name of the computed date (``day_sort``) this column says is past — due before today (whether
    # a review is overdue: the next review): its sort walks that date's sort index (``sort_index``).
    past_of: str | None = None

    def __call__(self, entity: Any, ctx: Context) -> Any:
        return self.build(entity, ctx)


def dialect_sql(function: type[FunctionElement[Any]], sqlite: str, other: str) -> None:
    """Compile ``function(a, b, …)`` as the template ``sqlite`` on SQLite and ``other`` elsewhere
    (PostgreSQL), its arguments in place of ``{0}``, ``{1}`` …"""

    def compile_with(template: str) -> Callable[..., str]:
        def compiled(element: FunctionElement[Any], compiler: Any, **kw: Any) -> str:
            return template.format(*(compiler.process(arg, **kw) for arg in element.clauses))

        return compiled

    compiles(function, "sqlite")(compile_with(sqlite))
    compiles(function)(compile_with(other))


class date_plus_days(FunctionElement[Any]):
    """``date_plus_days(a_date, n)``: the date n days later (NULL when either is NULL)."""

    type = Date()
    inherit_cache = True
    name = "date_plus_days"


dialect_sql(date_plus_days, "date(julianday({0}) + ({1}))", "({0} + {1})")  # PostgreSQL: date + integer


class day_number_of(FunctionElement[Any]):
    """``day_number_of(a date)``: the date as ``day_number_plus`` gives it (SQLite: its Julian day
    number; PostgreSQL: the date), computed once for a statement."""

    inherit_cache = True
    name = "day_number_of"

    def __init__(self, day: date) -> None:
        super().__init__(literal(day.isoformat()))


dialect_sql(day_number_of, "julianday({0})", "CAST({0} AS DATE)")


class day_number_plus(FunctionElement[Any]):
    """``day_number_plus(a_date, n)``: a value in the order of the date n days later, for sorting
    (SQLite: its Julian day number, no date text; PostgreSQL: the date itself)."""

    inherit_cache = True
    name = "day_number_plus"


dialect_sql(day_number_plus, "(julianday({0}) + ({1}))", "({0} + {1})")


class whole_day_key(FunctionElement[Any]):
    """``whole_day_key(a day number)``: on SQLite the day number (a Julian day) cast to a whole
    number, its constants written into the text rather than bound as parameters — SQLite uses an index
    on an expression (``sort_index``) only for the same expression, constants and all. PostgreSQL:
    the expression as it is (a date there). Never cached: its text holds values that SQLAlchemy's
    statement cache takes for parameters (a new cadence would reuse the old text)."""

    inherit_cache = False
    name = "whole_day_key"

    def __init__(self, day_number: Any, unindexed: bool = False) -> None:
        super().__init__(day_number)
        # ``unindexed``: SQLite must not read its index for this condition (a unary +): "overdue" can be
        # most of a million rows, and looking each up in the table from the index (to sort them by
        # another column) took 3.9 s of CPU where reading the table took 0.8 s; without statistics
        # SQLite cannot tell a range of a few rows from one of most of them.
        self.unindexed = unindexed


@compiles(whole_day_key, "sqlite")
def _whole_day_key_sqlite(element: whole_day_key, compiler: Any, **kw: Any) -> str:
    kw.pop("literal_binds", None)
    (inner,) = element.clauses
    plus = "+" if element.unindexed else ""
    return f"{plus}CAST({compiler.process(inner, literal_binds=True, **kw)} AS INTEGER)"


@compiles(whole_day_key)
def _whole_day_key_other(element: whole_day_key, compiler: Any, **kw: Any) -> str:
    (inner,) = element.clauses
    return str(compiler.process(inner, **kw))


JULIAN_DAY_OF_ORDINAL_0 = 1721424  # julianday('0001-01-01') is 1721425.5: a date's whole Julian day is this plus its ordinal


class whole_day_of(FunctionElement[Any]):
    """``whole_day_of(a date)``: the date as ``whole_day_key`` gives a day (SQLite: its whole Julian
    day number, written in; PostgreSQL: the date)."""

    inherit_cache = True
    name = "whole_day_of"

    def __init__(self, day: date) -> None:
        super().__init__(literal(day.isoformat()))


@compiles(whole_day_of, "sqlite")
def _whole_day_of_sqlite(element: whole_day_of, compiler: Any, **kw: Any) -> str:
    (inner,) = element.clauses
    return str(date.fromisoformat(inner.value).toordinal() + JULIAN_DAY_OF_ORDINAL_0)


@compiles(whole_day_of)
def _whole_day_of_other(element: whole_day_of, compiler: Any, **kw: Any) -> str:
    (inner,) = element.clauses
    return f"CAST({compiler.process(inner, **kw)} AS DATE)"
