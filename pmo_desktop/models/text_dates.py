"""A day column of a SQLite office holding text that is no day — ``UPDATE benefit SET target_date = 'soon'`` by
hand, or another program writing the file. SQLite keeps any text in a DATE column, and SQLAlchemy's reading of it
(``date.fromisoformat``) raised on every row read: the register's page and both board packs failed whole. Such a
day is read as no day; the text stays in the file, untouched until the day itself is edited. A server office
(PostgreSQL) refuses text in a date column, so this is the file's alone."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable, Optional

from sqlalchemy import Date, Engine
from sqlalchemy.dialects import sqlite


class _DayOrNone(sqlite.DATE):
    """SQLite's DATE, reading text that is no ISO day (or a number) as None instead of raising."""

    def result_processor(self, dialect: Any, coltype: object) -> Optional[Callable[[Any], Optional[date]]]:
        read = super().result_processor(dialect, coltype)
        if read is None:
            return None

        def day(value: Any) -> Optional[date]:
            try:
                return read(value)
            except (ValueError, TypeError):
                return None

        return day


def read_text_days_as_none(engine: Engine) -> Engine:
    """``engine`` (a SQLite office's) reading a DATE column's text that is no day as None — set before its first
    statement, as the dialect keeps each type's reading once made."""
    engine.dialect.colspecs = {**engine.dialect.colspecs, Date: _DayOrNone}
    return engine
