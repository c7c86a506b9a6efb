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
from typing import Any

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from .fields import Context

NUMBER_LIKE = re.compile(r"[\d.,:/ -]+")


def digits_only(text: str, _ctx: Context) -> bool:
    """For a column of numbers or dates: only a text of digits (and separators) can be in it."""
    return NUMBER_LIKE.fullmatch(text) is not None


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

    def __call__(self, entity: Any, ctx: Context) -> Any:
        return self.build(entity, ctx)


class date_plus_days(FunctionElement[Any]):
    """``date_plus_days(a_date, n)``: the date n days later (NULL when either is NULL)."""

    type = Date()
    inherit_cache = True
    name = "date_plus_days"


@compiles(date_plus_days, "sqlite")
def _sqlite(element: date_plus_days, compiler: Any, **kw: Any) -> str:
    day, n = list(element.clauses)
    return f"date(julianday({compiler.process(day, **kw)}) + ({compiler.process(n, **kw)}))"


@compiles(date_plus_days)
def _default(element: date_plus_days, compiler: Any, **kw: Any) -> str:  # PostgreSQL: date + integer
    day, n = list(element.clauses)
    return f"({compiler.process(day, **kw)} + {compiler.process(n, **kw)})"


class day_number_plus(FunctionElement[Any]):
    """``day_number_plus(a_date, n)``: a value in the order of the date n days later, for sorting
    (SQLite: its Julian day number, no date text; PostgreSQL: the date itself)."""

    inherit_cache = True
    name = "day_number_plus"


@compiles(day_number_plus, "sqlite")
def _sqlite_day(element: day_number_plus, compiler: Any, **kw: Any) -> str:
    day, n = list(element.clauses)
    return f"(julianday({compiler.process(day, **kw)}) + ({compiler.process(n, **kw)}))"


@compiles(day_number_plus)
def _default_day(element: day_number_plus, compiler: Any, **kw: Any) -> str:
    day, n = list(element.clauses)
    return f"({compiler.process(day, **kw)} + {compiler.process(n, **kw)})"
