"""Many rows into one table, as Core's ``insert(table)`` executemany writes them, for a fraction of its cost.

Core builds a parameter dict per row and runs each column's default and type processing per value; for
10,000 imported risks that is most of the write. ``insert_rows`` works each column out once (its Python
default, its bind processor for the dialect) and hands the driver one list of tuples: on SQLite one
``executemany`` through ``exec_driver_sql`` (SQLAlchemy's error wrapping kept). Other databases, and
tables with defaults it does not know (sequences, SQL expressions), take Core's own path.

A callable default (``utcnow``) is called once per statement, not once per row: the rows of one bulk
write get the same stamp.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert

_MISSING = object()


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (column name → value) into ``table``; rows may name different columns."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            groups.setdefault(tuple(row), []).append(row)
        for group in groups.values():
            conn.execute(insert(table), group)
        return
    named: dict[str, None] = {}
    for row in rows:  # the columns any row names, in the order first seen
        if row.keys() != named.keys():
            named.update(dict.fromkeys(row))
    columns = []
    for col in table.c:
        default = col.default
        if col.name in named:
            fill: Any = _MISSING
            if default is not None:
                fill = _default_value(default)
                if fill is _MISSING:
                    conn.execute(insert(table), list(rows))  # a default only Core knows how to run
                    return
            elif col.server_default is not None and any(col.name not in row for row in rows):
                conn.execute(insert(table), list(rows))  # left to the database in some rows only
                return
            columns.append((col, fill))
        elif default is not None:
            value = _default_value(default)
            if value is _MISSING:
                conn.execute(insert(table), list(rows))
                return
            columns.append((col, value))
    dialect = conn.dialect
    names = [col.name for col, _ in columns]
    if not names:
        conn.execute(insert(table), list(rows))
        return
    base = {col.name: None if fill is _MISSING else fill for col, fill in columns}
    getter = itemgetter(*names)
    if len(names) == 1:
        out: list[tuple[Any, ...]] = [(getter({**base, **row}),) for row in rows]
    else:
        out = [getter({**base, **row}) for row in rows]  # a dict merge and a tuple, both in C
    processors = [(i, process) for i, (col, _) in enumerate(columns)
                  if (process := col.type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    if processors:  # dates, times, booleans: column by column
        by_column: list[Any] = list(zip(*out))
        for i, process in processors:
            by_column[i] = convert_column(by_column[i], process)
        out = list(zip(*by_column))
    quoted = [dialect.identifier_preparer.quote(n) for n in names]
    sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({', '.join(quoted)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.exec_driver_sql(sql, out)


def convert_column(values: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """``process`` of each value but None, worked out once per distinct value (a day recurs on many rows)."""
    memo: dict[tuple[type, Any], Any] = {}
    out: list[Any] = []
    for x in values:
        if x is None:
            out.append(None)
            continue
        key = (x.__class__, x)
        try:
            done = memo[key]
        except KeyError:
            done = memo[key] = process(x)
        except TypeError:  # an unhashable value
            done = process(x)
        out.append(done)
    return out


def _default_value(default: Any) -> Any:
    """A column's Python-side default for one statement, or ``_MISSING`` for one that needs Core."""
    if default.is_scalar:
        return default.arg
    if default.is_callable:  # wrapped by SQLAlchemy to take an execution context; ours take none (utcnow)
        return default.arg(None)
    return _MISSING
