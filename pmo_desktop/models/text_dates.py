"""A day column of a SQLite office holding text that is no day — ``UPDATE benefit SET target_date = 'soon'`` by
hand, or another program writing the file. SQLite keeps any text in a DATE column, and SQLAlchemy's reading of it
(``date.fromisoformat``) raised on every row read: the register's page and both board packs failed whole. Such a
day is read as no day; the text stays in the file, untouched until the day itself is edited. A server office
(PostgreSQL) refuses text in a date column, so this is the file's alone.

The same holds for the moments a record keeps of itself (``created_at``, ``updated_at``: DATETIME): text there
(``'yesterday'``) failed the board pack whole as it froze the office's state (fault69); it reads as no moment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Callable, Optional

from sqlalchemy import Date, DateTime, Engine, event
from sqlalchemy.dialects import sqlite


def _or_none(read: Optional[Callable[[Any], Any]]) -> Optional[Callable[[Any], Any]]:
    """``read``, giving None for a value it cannot read instead of raising."""
    if read is None:
        return None

    def value_or_none(value: Any) -> Any:
        try:
            return read(value)
        except (ValueError, TypeError, OverflowError):
            return None

    return value_or_none


class KeptDay(str):
    """A day or moment as the database keeps it where it is none Python has — a file's text ('soon'), a server's
    'infinity' or '0044-03-15 BC' — read so by a delete (``records._days_as_kept``) for its undo to put back as
    it was; written as it is (a plain text given for a day is still refused)."""


def _keeping(write: Optional[Callable[[Any], Any]]) -> Optional[Callable[[Any], Any]]:
    """``write``, giving a ``KeptDay`` to the database as it is."""
    if write is None:
        return None

    def kept_or_written(value: Any) -> Any:
        return str(value) if isinstance(value, KeptDay) else write(value)

    return kept_or_written


class _DayOrNone(sqlite.DATE):
    """SQLite's DATE, reading text that is no ISO day (or a number) as None instead of raising."""

    def result_processor(self, dialect: Any, coltype: object) -> Optional[Callable[[Any], Optional[date]]]:
        return _or_none(super().result_processor(dialect, coltype))

    def bind_processor(self, dialect: Any) -> Optional[Callable[[Any], Any]]:
        return _keeping(super().bind_processor(dialect))


class _MomentOrNone(sqlite.DATETIME):
    """SQLite's DATETIME, reading text that is no ISO moment (or a number) as None instead of raising."""

    def result_processor(self, dialect: Any, coltype: object) -> Optional[Callable[[Any], Optional[datetime]]]:
        return _or_none(super().result_processor(dialect, coltype))

    def bind_processor(self, dialect: Any) -> Optional[Callable[[Any], Any]]:
        return _keeping(super().bind_processor(dialect))


def read_text_days_as_none(engine: Engine) -> Engine:
    """``engine`` (a SQLite office's) reading a DATE (DATETIME) column's text that is no day (moment) as None — set
    before its first statement, as the dialect keeps each type's reading once made."""
    engine.dialect.colspecs = {**engine.dialect.colspecs, Date: _DayOrNone, DateTime: _MomentOrNone}
    return engine


def read_days_past_any_calendar_as_none(engine: Engine) -> Engine:
    """``engine`` (a server office's) reading a day or moment Python has no value for as None: PostgreSQL keeps
    ``'infinity'``, years past 9999 and days before Christ in a date or timestamp column (another client, a
    hand-written ``UPDATE … SET target_date = 'infinity'``), and the driver raised "date too large (after year
    10K)" on the first row read: every page, export and board pack of the office failed (fault69). The value
    stays on the server, untouched until the day itself is edited."""
    event.listen(engine, "connect", _loading_days_or_none)
    return engine


def _loading_days_or_none(dbapi_conn: Any, _record: Any) -> None:
    from psycopg import DataError
    from psycopg.types import datetime as pg

    for name, loaders in (("date", (pg.DateLoader, pg.DateBinaryLoader)),
                          ("timestamp", (pg.TimestampLoader, pg.TimestampBinaryLoader)),
                          ("timestamptz", (pg.TimestamptzLoader, pg.TimestamptzBinaryLoader))):
        for loader in loaders:
            dbapi_conn.adapters.register_loader(name, _or_none_on(loader, DataError))


def _or_none_on(loader: Any, error: type[Exception]) -> type:
    """``loader``'s class loading None where it raises ``error`` (a day past any ``datetime``)."""

    def load(self: Any, data: Any) -> Any:
        try:
            return loader.load(self, data)
        except error:
            return None

    return type(f"{loader.__name__}OrNone", (loader,), {"load": load})
