"""Many rows into one table, as Core's ``insert(table)`` executemany writes them, for a fraction of its cost.

Core builds a parameter dict per row and runs each column's default and type processing per value; for
10,000 imported risks that is most of the write. ``insert_rows`` works each column out once (its Python
default, its bind processor for the dialect) and hands the driver one list of tuples: on SQLite one
``executemany`` through ``exec_driver_sql`` (SQLAlchemy's error wrapping kept). ``insert_tuples`` does the
same, and on PostgreSQL writes one statement of arrays a chunk (``_pg_insert``). Other databases, and tables
with defaults it does not know (sequences, SQL expressions), take Core's own path.

A callable default (``utcnow``) is called once per statement, not once per row: the rows of one bulk
write get the same stamp.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    Connection,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    String,
    Table,
    any_,
    bindparam,
    exc,
    insert,
    select,
)

_MISSING = object()


class Written:
    """The rows ``insert_rows`` wrote through the driver: the table's column names and a tuple per row, each
    value as handed to the driver before its conversion (dates as dates), in the order given. What the
    record history keeps of a row it has just seen written, without reading it back."""

    __slots__ = ("names", "rows")

    def __init__(self, names: list[str], rows: list[tuple[Any, ...]]):
        self.names = names
        self.rows = rows


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]],
                keys: Mapping[str, str] | None = None) -> Written | None:
    """Insert ``rows`` (column name → value) into ``table``; rows may name different columns. ``keys``:
    column name → the key the rows give its value under, for the columns that rows name otherwise
    (an entity's attributes). Returns what was written on the driver's path (``Written``), None on Core's."""
    if not rows:
        return None
    if conn.dialect.name != "sqlite":
        _core_insert(conn, table, rows, keys, grouped=True)
        return None
    named = dict.fromkeys(rows[0])
    uniform = True  # every row names the same keys
    for row in rows:  # the keys any row names, in the order first seen
        if row.keys() != named.keys():
            uniform = False
            named.update(dict.fromkeys(row))
    columns = []
    for col in table.c:
        default = col.default
        key = keys.get(col.name, col.name) if keys else col.name
        if key in named:
            fill: Any = _MISSING
            if default is not None:
                fill = _default_value(default)
                if fill is _MISSING:
                    _core_insert(conn, table, rows, keys)  # a default only Core knows how to run
                    return None
            elif col.server_default is not None and any(key not in row for row in rows):
                _core_insert(conn, table, rows, keys)  # left to the database in some rows only
                return None
            columns.append((col, key, fill))
        elif default is not None:
            value = _default_value(default)
            if value is _MISSING:
                _core_insert(conn, table, rows, keys)
                return None
            columns.append((col, key, value))
    dialect = conn.dialect
    names = [col.name for col, _, _ in columns]
    if not names:
        _core_insert(conn, table, rows, keys)
        return None
    given = [key for _, key, _ in columns if key in named]
    if uniform and given:
        # every row names the same columns: those columns first, each row's values picked straight from it
        # (no dict a row merged with the defaults, ~28 keys inserted one by one), then the
        # columns only a default fills, the same values on every row. The statement names them in that order.
        columns = [c for c in columns if c[1] in named] + [c for c in columns if c[1] not in named]
        fixed = tuple(fill for _, key, fill in columns if key not in named)
        pick = itemgetter(*given)
        if len(given) == 1:
            out: list[tuple[Any, ...]] = [(pick(row), *fixed) for row in rows]
        elif fixed:
            out = [(*pick(row), *fixed) for row in rows]
        else:
            out = list(map(pick, rows))
        names = [col.name for col, _, _ in columns]
    else:
        base = {key: None if fill is _MISSING else fill for _, key, fill in columns}
        getter = itemgetter(*[key for _, key, _ in columns])
        if len(names) == 1:
            out = [(getter({**base, **row}),) for row in rows]
        else:
            out = [getter({**base, **row}) for row in rows]  # a dict merge and a tuple, both in C
    written = Written(names, out)
    out = _bound(dialect, [col for col, _, _ in columns], out)
    quoted = [dialect.identifier_preparer.quote(n) for n in names]
    sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({', '.join(quoted)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.exec_driver_sql(sql, out)
    return written


def insert_tuples(conn: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert rows given as tuples of the values of ``names`` (every row the same columns): on SQLite one
    ``executemany`` of them as they are, each column's bind processing once per distinct value; on
    PostgreSQL one ``INSERT … SELECT FROM unnest(arrays)`` a chunk (``_pg_insert``); the other columns'
    Python defaults once per statement. Elsewhere, for a default only Core can run, or for values
    PostgreSQL's arrays do not take as they are, Core's."""
    if not rows:
        return
    extra: list[tuple[str, Any]] = []
    if conn.dialect.name in ("sqlite", "postgresql"):
        for col in table.c:
            if col.name not in names and col.default is not None:
                extra.append((col.name, _default_value(col.default)))
    if conn.dialect.name not in ("sqlite", "postgresql") or any(value is _MISSING for _, value in extra):
        insert_rows(conn, table, [dict(zip(names, row)) for row in rows])
        return
    dialect = conn.dialect
    all_names = [*names, *[n for n, _ in extra]]
    fixed = tuple(value for _, value in extra)
    out: list[Any] = [(*row, *fixed) for row in rows] if fixed else list(rows)
    if dialect.name == "postgresql":
        if not _pg_insert(conn, table, all_names, out):
            insert_rows(conn, table, [dict(zip(names, row)) for row in rows])
        return
    out = _bound(dialect, [table.c[name] for name in all_names], out)
    prep = dialect.identifier_preparer
    conn.exec_driver_sql(f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(n) for n in all_names)}) "
                         f"VALUES ({', '.join('?' for _ in all_names)})", out)


def _core_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Mapping[str, str] | None,
                 grouped: bool = False) -> None:
    """Core's own executemany (rows keyed by column name), grouped by the columns rows name when asked."""
    if keys:
        by_key = {keys.get(c.name, c.name): c.name for c in table.c}
        rows = [{by_key[k]: x for k, x in row.items()} for row in rows]
    if not grouped:
        conn.execute(insert(table), list(rows))
        return
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    for group in groups.values():
        conn.execute(insert(table), group)


def id_filters(column: Any, ids: Sequence[int], chunk: int = 500) -> list[Any]:
    """WHERE clauses that together select the rows of ``ids`` (sorted) by ``column``: one ``BETWEEN`` of
    the lowest and highest when they are many and mostly consecutive (Replace All over every title, an
    import's records) — the caller drops the few rows between that are not wanted — else an ``IN`` a chunk.
    Why: on PostgreSQL 200 statements of 500 ids cost seconds at 100,000 records, each a round trip and a
    plan; one range is one index scan."""
    if len(ids) > chunk and ids[-1] - ids[0] < 2 * len(ids):
        return [column.between(ids[0], ids[-1])]
    return [column.in_(ids[start:start + chunk]) for start in range(0, len(ids), chunk)]


def id_in(dialect_name: str, column: Any, ids: Sequence[int]) -> Any:
    """``column IN ids`` as one condition whatever their number: on PostgreSQL ``column = ANY(:ids)``, the ids
    one bound array. Why: an ``IN`` of 10,000 ids is 10,000 parameters, each rendered by SQLAlchemy, found
    again in the statement's text by psycopg and planned by the server, in each of a delete's statements (the
    rows, their children, the impact's counts, the DELETE): 10,000 risks deleted took 2.1–2.3 s of this
    process's CPU, 0.73 s with the array (docs/speed.md, round pg43)."""
    if dialect_name == "postgresql":
        return column == any_(bindparam("ids", list(ids), type_=ARRAY(column.type), unique=True))
    return column.in_(list(ids))


def id_in_chunks(dialect_name: str, column: Any, ids: Sequence[int], chunk: int = 500) -> list[Any]:
    """Conditions that together select exactly the rows of ``ids``: on PostgreSQL one (``id_in``); elsewhere
    an ``IN`` a chunk of ``chunk`` ids (SQLite's limit of parameters a statement)."""
    if dialect_name == "postgresql":
        return [id_in(dialect_name, column, ids)]
    return [column.in_(list(ids[start:start + chunk])) for start in range(0, len(ids), chunk)]


def read_rows(conn: Connection, table: Table, ids: Sequence[int], chunk: int = 500) -> list[dict[str, Any]]:
    """The rows of ``table`` with these ids, as dicts by column name holding what Core's ``select`` reads
    (dates as dates, flags as bools): on SQLite through the driver, each column's result processing
    worked out once per distinct value; elsewhere through Core."""
    out: list[dict[str, Any]] = []
    if conn.dialect.name != "sqlite":
        ordered = sorted(ids)
        wanted = set(ordered)
        for where in id_filters(table.c.id, ordered, chunk):
            # the rows at once, each zipped with the names: a mapping a row fetched one by one cost 1.3 s of
            # the 1.8 s that 100,000 rows took
            result = conn.execute(select(table).where(where))
            keys = list(result.keys())
            at = keys.index("id")
            out.extend(dict(zip(keys, row)) for row in result.all() if row[at] in wanted)
        return out
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    keys = [c.name for c in table.c]
    sql = f"SELECT {', '.join(prep.quote(k) for k in keys)} FROM {prep.format_table(table)} WHERE {prep.quote('id')} IN "
    rows: list[Any] = []
    low, high = (min(ids), max(ids)) if ids else (0, -1)
    if len(ids) > chunk and high - low < 2 * len(ids):
        # mostly consecutive (Replace All over every title, an import's records): one range, through the
        # driver's own cursor — 200 statements of 500 ids, each row wrapped by SQLAlchemy, cost seconds
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            found = cursor.execute(f"{sql[:-len(' IN ')]} BETWEEN ? AND ?", (low, high)).fetchall()
        finally:
            cursor.close()
        wanted, at = set(ids), keys.index("id")
        rows = [row for row in found if row[at] in wanted] if len(wanted) != high - low + 1 else found
    else:
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            rows += conn.exec_driver_sql(f"{sql}({', '.join('?' for _ in part)})", tuple(part)).fetchall()
    rows = _converted(rows, [(i, process) for i, col in enumerate(table.c)
                             if (process := col.type.dialect_impl(dialect).result_processor(dialect, None))])
    return [dict(zip(keys, row)) for row in rows]


def update_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                set_also: Mapping[str, Any]) -> int | None:
    """On SQLite: ``UPDATE table SET each of columns = ?, version = version + 1, and each of set_also
    (the same value on every row) WHERE id = ? AND version = ?`` for each row (its column values, then
    its id and the version read), one ``executemany`` through the driver with each column's bind
    processing done once per distinct value; returns how many rows it changed. On PostgreSQL the same
    through ``_pg_update_rows``; None elsewhere, or for a column it does not take (the caller takes Core's
    path)."""
    if conn.dialect.name == "postgresql":
        return _pg_update_rows(conn, table, columns, rows, set_also)
    if conn.dialect.name != "sqlite":
        return None
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    names = [*columns, *set_also]
    fixed = list(set_also.values())
    out: list[Any] = [(*row[:len(columns)], *fixed, *row[len(columns):]) for row in rows]
    out = _bound(dialect, [table.c[name] for name in names], out)  # the id and version after them: as they are
    assignments = ", ".join([f"{prep.quote(n)} = ?" for n in names] +
                            [f"{prep.quote('version')} = {prep.quote('version')} + 1"])
    sql = (f"UPDATE {prep.format_table(table)} SET {assignments} "
           f"WHERE {prep.quote('id')} = ? AND {prep.quote('version')} = ?")
    result = conn.exec_driver_sql(sql, out)
    return int(result.rowcount)


_PG_CHUNK = 20_000  # rows a statement: its arrays stay a few megabytes
# Each column type whose values go to PostgreSQL as texts in an array, with the classes of value whose text
# it reads back as the value Core's binding would have stored (a float's shortest repr, a date's ISO form, a
# time of day without a zone). Not here — so the rows take Core's path — a time of day with a zone (its text
# would lose the zone's conversion), bytes, a PostgreSQL enum, or any other class of value (a float in an
# INTEGER column, which Core's binding rounds and an array's text refuses).
_PG_TAKES: tuple[tuple[type, tuple[type, ...]], ...] = (
    (Boolean, (bool,)), (DateTime, (datetime,)), (Date, (date,)), (Float, (float, int)), (Integer, (int,)),
    (String, (str,)))


def _pg_array_type(dialect: Any, column: Any, values: Sequence[Any]) -> str | None:
    """The array type ``values`` of ``column`` are cast to on the server from their texts (``_pg_texts``) — its
    element type without a length: ``CAST(… AS VARCHAR(200)[])`` would cut a long value silently, where the assignment to
    the column refuses it as Core's path does — or None when ``_PG_TAKES`` does not take them."""
    kind = column.type
    allowed = next((classes for sql_type, classes in _PG_TAKES if isinstance(kind, sql_type)), None)
    if allowed is None or isinstance(kind, Enum) or (isinstance(kind, DateTime) and kind.timezone):
        return None
    classes = set(map(type, values))  # the exact class: a bool is no INTEGER's value, a datetime no DATE's
    classes.discard(type(None))
    if not classes <= set(allowed):
        return None
    if datetime in classes and any(x is not None and x.tzinfo is not None for x in set(values)):
        return None
    return "TEXT" if isinstance(kind, String) else str(kind.compile(dialect=dialect))


# The binary type psycopg writes for each array type ``_pg_array_type`` names (``_pg_insert``'s COPY).
_PG_COPY_TYPES = {"TEXT": "text", "INTEGER": "int4", "BIGINT": "int8", "SMALLINT": "int2", "FLOAT": "float8",
                  "DOUBLE PRECISION": "float8", "BOOLEAN": "bool", "DATE": "date",
                  "TIMESTAMP WITHOUT TIME ZONE": "timestamp"}


def _pg_insert(conn: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
    """``insert_tuples`` on PostgreSQL: the rows by one binary ``COPY … FROM STDIN``, each value written by
    psycopg's C code in the column's own binary form; False, nothing written, when a column's values are not all
    ``_PG_TAKES``'s. Why: Core's executemany sent a statement a row (psycopg's pipeline), each parsed, planned
    and run on its own — the history of a fill of 100,000 cells, 100,000 INSERTs, took 3–4 s of the edit; one
    ``INSERT … SELECT FROM unnest(arrays)`` a chunk of 20,000 took 2.8–3.3 s wall for 100,000 history rows on a
    loaded machine, the COPY 1.6–1.9 s (``docs/speed.md``, round pg44), its arrays' building in Python gone too.
    A COPY is an INSERT to the table's triggers (the search summary's statement triggers fire once) and checks
    what the INSERT checks (a text over its column's length refused, a foreign key). The rows go in the order
    given (the serial ids ascending with them), as the executemany's."""
    by_column = list(zip(*rows))
    found = [_pg_array_type(conn.dialect, table.c[name], values) for name, values in zip(names, by_column)]
    casts = [cast_to for cast_to in found if cast_to is not None]
    if len(casts) != len(found):
        return False
    types = [_PG_COPY_TYPES.get(cast_to, "") for cast_to in casts]
    if not all(types):
        return _pg_insert_arrays(conn, table, names, rows, casts)
    for i, kind in enumerate(types):
        if kind == "float8" and int in set(map(type, by_column[i])):  # a whole number in a FLOAT column
            by_column[i] = tuple(float(x) if x.__class__ is int else x for x in by_column[i])
            rows = list(zip(*by_column))
    prep = conn.dialect.identifier_preparer
    sql = (f"COPY {prep.format_table(table)} ({', '.join(prep.quote(n) for n in names)}) "
           "FROM STDIN (FORMAT BINARY)")
    import psycopg

    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(sql) as copy:
            copy.set_types(types)
            write = copy.write_row
            for row in rows:
                write(row)
    except psycopg.Error as e:  # told as any statement's failure (``Store.transaction`` names the record)
        raise exc.DBAPIError.instance(sql, None, e, psycopg.Error) from e
    finally:
        cursor.close()
    return True


def _pg_insert_arrays(conn: Connection, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]],
                      casts: Sequence[str]) -> bool:
    """The rows by one ``INSERT … SELECT FROM unnest(arrays)`` a chunk, each column's values one array
    (``_pg_texts``) cast to its type: for a column type ``_PG_COPY_TYPES`` does not name."""
    by_column = list(zip(*rows))
    prep = conn.dialect.identifier_preparer
    arrays = ", ".join(f"CAST(%(a{i})b AS {cast_to}[])" for i, cast_to in enumerate(casts))
    sql = (f"INSERT INTO {prep.format_table(table)} ({', '.join(prep.quote(n) for n in names)}) "
           f"SELECT * FROM unnest({arrays})")
    for start in range(0, len(rows), _PG_CHUNK):
        conn.exec_driver_sql(sql, {f"a{i}": _pg_texts(values[start:start + _PG_CHUNK])
                                   for i, values in enumerate(by_column)})
    return True


def _pg_update_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                    set_also: Mapping[str, Any]) -> int | None:
    """``update_rows`` on PostgreSQL: one ``UPDATE … FROM unnest(arrays)`` a chunk of rows, each column's
    values one array, instead of an executemany of a statement a row. Why: the search summary's triggers
    are statement triggers (``search_index._pg_build_chars``), so a statement a row ran them once a row,
    and the trigram index was kept row by row beside them: Replace All of 100,000 titles on a searched
    office spent 53 s in its UPDATE, 21 s as one statement a chunk (docs/speed.md). Each column's values
    as ``_pg_insert``'s; a column ``_PG_TAKES`` does not take leaves the rows to Core's path (None)."""
    by_column = list(zip(*rows)) if rows else [() for _ in range(len(columns) + 2)]
    casts = [_pg_array_type(conn.dialect, table.c[c], by_column[i]) for i, c in enumerate(columns)]
    if any(cast_to is None for cast_to in casts):
        return None
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    target = prep.format_table(table)
    assignments = [f"{prep.quote(c)} = v.c{i}" for i, c in enumerate(columns)]
    assignments += [f"{prep.quote(n)} = %(s{i})s" for i, n in enumerate(set_also)]
    assignments.append(f"{prep.quote('version')} = {target}.{prep.quote('version')} + 1")
    # no columns but the version's when only a record's links changed
    arrays = [f"CAST(%(a{i})b AS {cast_to}[])" for i, cast_to in enumerate(casts)]
    arrays += ["CAST(%(ids)b AS BIGINT[])", "CAST(%(versions)b AS BIGINT[])"]
    aliases = [f"c{i}" for i in range(len(columns))] + ["id", "version"]
    sql = (f"UPDATE {target} SET {', '.join(assignments)} "
           f"FROM unnest({', '.join(arrays)}) AS v({', '.join(aliases)}) "
           f"WHERE {target}.{prep.quote('id')} = v.id AND {target}.{prep.quote('version')} = v.version")
    fixed = {}
    for i, (name, value) in enumerate(set_also.items()):  # bound as Core binds the column's type
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        fixed[f"s{i}"] = process(value) if process is not None else value
    count = 0
    for start in range(0, len(rows), _PG_CHUNK):
        end = start + _PG_CHUNK
        params = {f"a{i}": _pg_texts(by_column[i][start:end]) for i in range(len(columns))}
        params["ids"] = list(by_column[len(columns)][start:end])
        params["versions"] = list(by_column[len(columns) + 1][start:end])
        count += int(conn.exec_driver_sql(sql, {**params, **fixed}).rowcount)
    return count


def _pg_texts(values: Sequence[Any]) -> list[str | None]:
    """Each value as ``_pg_text`` writes it; a text as it is (most of a register's values). The list goes to
    the server as a binary array (``%(…)b``, cast there to the column's type): psycopg writes a text array's
    literal by a regular expression a value — 100,000 history rows of JSON took 2.5 s more that way."""
    return [x if x.__class__ is str else _pg_text(x) for x in values]


def _pg_text(value: Any) -> str | None:
    """A value as PostgreSQL's input reads it back: dates in ISO form, a time of day without a zone as
    ``str`` writes it ("2026-03-04 10:15:00.123456"), numbers as Python writes them (``1e-07``, ``nan``
    are read too), flags as ``true``/``false``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _bound(dialect: Any, columns: Sequence[Any], rows: list[Any]) -> list[Any]:
    """``rows`` as the driver takes them: the values of each of ``columns`` (the rows' first ones) whose
    type binds them (dates, times, booleans) converted column by column."""
    return _converted(rows, [(i, process) for i, col in enumerate(columns)
                             if (process := col.type.dialect_impl(dialect).bind_processor(dialect))])


# Rows converted at a time (``_converted``): turning rows into columns and back is one call in C each, which holds
# the interpreter lock throughout — a million rows of a fill's write held it 12 s on a loaded machine, the window
# (whose thread waits for the lock) frozen behind the write's progress dialog. Between two chunks the lock is let go.
CONVERT_CHUNK = 20_000


def _converted(rows: list[Any], steps: list[tuple[int, Callable[[Any], Any]]]) -> list[Any]:
    """Each column ``i`` of ``rows`` through its step (``convert_column``), the rows back as tuples."""
    if not steps or not rows:
        return rows
    if len(rows) > CONVERT_CHUNK:
        return [row for start in range(0, len(rows), CONVERT_CHUNK)
                for row in _converted(rows[start:start + CONVERT_CHUNK], steps)]
    by_column: list[Any] = list(zip(*rows))
    for i, process in steps:
        by_column[i] = convert_column(by_column[i], process)
    return list(zip(*by_column))


def convert_column(values: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """``process`` of each value but None, worked out once per distinct value (a day recurs on many rows)."""
    classes = set(map(type, values))
    classes.discard(type(None))
    if len(classes) == 1:  # one class (dates, texts): each distinct value once, then a lookup each, in C
        try:
            memo = {x: process(x) for x in set(values) if x is not None}
        except TypeError:  # unhashable values
            pass
        else:
            memo[None] = None
            return list(map(memo.__getitem__, values))
    keyed: dict[tuple[type, Any], Any] = {}  # mixed classes (1 and True are equal keys): keyed by class too
    out: list[Any] = []
    for x in values:
        if x is None:
            out.append(None)
            continue
        key = (x.__class__, x)
        try:
            done = keyed[key]
        except KeyError:
            done = keyed[key] = process(x)
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
