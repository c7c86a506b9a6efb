"""Sort indexes for the columns of a large register whose sort is slow without one (SQLite).

**Why.** Sorting a million rows by a column of many equal values — a date (900 days among a million
risks), a reference (200 owners) — costs SQLite's sorter a second or more: every tie is settled by
comparing the ids too. An index on the column holds the rows in (value, id) order already, so the
sort becomes a walk of the index: no sorter at all for a date, and for a reference the owners in name
order (a tiny index on the target's lowered name), each owner's risks in id order from the index.

**Figures** (1,000,000 risks, 190 MiB file, CPU time of the bare query into ids, same run,
``benchmarks/bench_big_register.py``): sort by raised 1.25 → 0.13 s (descending 0.33 s: SQLite sorts
only each day's ties, "right part of ORDER BY"), by owner 1.40 → 0.22 s (each owner's risks read in
id order from the index, no sort). Through ``windows.fetch_ids`` (the count and the ids' JSON with it),
interleaved with the code before on one file: raised 0.85 → 0.31 s, owner 1.3 → 0.25 s, project
1.2 → 0.3 s. Each index costs its size on disk, and is partial — only the rows with a value — so a
column mostly blank costs nothing: a reference filled in every row +10 MiB (+5 %), a date +18 MiB
(+9 %); and 0.4–1.1 s of CPU to build (the machine loaded or not), about what one sort without it
costs, so building it at the first sort of the column makes even that sort no slower.

**When.** Only for a register of ``THRESHOLD`` records or more (the search index's threshold), and
only for a column someone sorts (built at its first sort, ``ensure``: a reference's before that sort,
a date's on a worker once that sort has read its rows — by its keys sorted in numpy, the cheaper way
for a date, ``windows._ids_by_unique_key``): an office that never sorts
its million risks by proximity pays nothing for it. References and dates: a text column has few ties
(title: 1.0 s without an index). A computed date whose sort key is its day number (``ComputedSql.
day_sort``: the next review) gets an index on that key's expression — one whole number a row, the
constants of the file's review cadence and rating bands written into it (``day_key_sql``), so the
queries that say the same expression use it; another cadence is another expression, and the index of
the old one is stale (``has_index`` compares its SQL) until the next sort by the column rebuilds it.
1,000,000 risks, CPU time through ``windows.fetch_ids``: next review 1.7–2.4 → 0.46–0.6 s ascending,
0.7–0.76 s descending; building it 1.3–2.8 s (a sort and a half, once), 10.9 MiB (+6 %) — so it is built
ahead (``ahead``), when a large table opens (on a worker) or an import takes the register past the
threshold, not at the first sort. The review status sorts through it too (``ComputedSql.past_of``:
the days before today, then the others; 1.6 → 0.7 s of CPU), and a search of a piece of a date reads
the days that show it from it (``windows._days_showing``). A filter by a
date of it is a look-up of the index (1,112 rows: 0.6–0.7 → 0.01 s); a filter by the review status
reads the index alone, its range before today or the rest (``past_filter_ids``: 800,000 rows overdue
0.35 → 0.20 s of CPU), not the rows of the table (looking each up cost more than reading the table).

**How a sort uses it** (``ordered_ids``): only when the window has no filter and no search — with
one, SQLite would walk the index and look up every row in the table to test it, many times slower
than sorting the rows that pass (measured: "Closed" sorted by raised 0.28 s by a sort, 1.86 s through
the index). Two queries: the rows with a value in index order, then the blank ones (NULL or '') in id
order — blanks last, ties by id, as every sort.

**PostgreSQL** gets one for a reference only, ``(fk, id)`` (21 MiB for a million risks, +8 % of the
table): the sort reads each target's records as one array in id order from it, the targets sorted by
lowered name (``_pg_reference_ids``), where the sort by a name joined to every row spilled to disk
(owner 1.6–1.9 s → 0.27–0.34 s of the server's time). Its dates sort in 1.2–1.9 s without one. It is
built ``CONCURRENTLY`` (``ensure_concurrently``, outside a transaction), ahead when a large table opens
— a plain ``CREATE INDEX`` at the first sort took 4.2 s and held others' writes to the register.
A file migration drops them with the search indexes (``drop_all``); they are rebuilt on demand.
"""

from __future__ import annotations

from array import array
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from . import search_index
from .computed_sql import JULIAN_DAY_OF_ORDINAL_0, whole_day_key
from .fields import Context, Field, Kind, Register

THRESHOLD = search_index.THRESHOLD  # records: the search index's threshold (a windowed table's sorts)
PREFIX = "sortix_"


def _table(reg: Register) -> str:
    return str(reg.entity.__tablename__)


def _column(reg: Register, f: Field) -> str:
    mapper: Any = reg.entity.__mapper__
    return str(mapper.attrs[f.attr].columns[0].name)


def wants_index(f: Field) -> bool:
    """A column whose sort an index speeds up: a reference (sorted by its target's name), a stored date,
    a computed date whose sort key is its day number (``ComputedSql.day_sort``: the next review), or a
    column saying whether such a date is past (``ComputedSql.past_of``: the review status, sorted
    through the next review's index)."""
    return f.kind.is_reference or f.kind is Kind.DATE or is_computed_day(f) or _past_of(f) is not None


def is_computed_day(f: Field) -> bool:
    return not f.kind.stored and bool(getattr(f.sql, "day_sort", False))


def _past_of(f: Field) -> str | None:
    return None if f.kind.stored else getattr(f.sql, "past_of", None)


def _indexed(reg: Register, f: Field) -> Field:
    """The field whose index serves a sort by ``f``: itself, or the date a "past" column reads."""
    past = _past_of(f)
    return reg.field(past) if past is not None else f


def indexed_by(reg: Register, f: Field) -> str:
    """The name of the column whose index serves a sort by ``f`` (``_indexed``)."""
    return _indexed(reg, f).name


def day_key_sql(session: Session, reg: Register, f: Field, ctx: Context | None = None, qualified: bool = True) -> str:
    """A computed date's sort key as SQLite text, its constants written in (``whole_day_key``): the
    expression of its index, and (``qualified``, columns named with their table) what queries say so
    that SQLite uses that index. It follows the file's settings (a review cadence, the rating bands):
    another setting is another expression, and the index of the old one is stale (``has_index``)."""
    from sqlalchemy.dialects import sqlite

    from .records import load_context

    ctx = ctx or load_context(session)
    computed: Any = f.sql  # a ComputedSql (``is_computed_day``)
    key = whole_day_key(computed.sort(reg.entity, ctx))
    return str(key.compile(dialect=sqlite.dialect(), compile_kwargs={"include_table": qualified}))


def _computed_create_sql(session: Session, reg: Register, f: Field) -> str:
    name = index_names(reg, f)[0]
    return f'CREATE INDEX "{name}" ON "{_table(reg)}" ({day_key_sql(session, reg, f, qualified=False)})'


def index_names(reg: Register, f: Field) -> list[str]:
    """The register's index on the column, and for a reference the target's index on its lowered name."""
    if is_computed_day(f):
        return [f"{PREFIX}{_table(reg)}_{f.name}"]
    names = [f"{PREFIX}{_table(reg)}_{_column(reg, f)}"]
    if f.kind.is_reference:
        assert f.ref is not None
        names.append(f"{PREFIX}{f.ref.target.__tablename__}_lower_{f.ref.label}")
    return names


def _pg_wants(conn: Connection, f: Field) -> bool:
    """PostgreSQL: only references get one, ``(fk, id)``, which ``_pg_reference_ids`` walks."""
    return conn.dialect.name == "postgresql" and f.kind.is_reference


def has_index(session: Session, reg: Register, f: Field) -> bool:
    f = _indexed(reg, f)
    conn = session.connection()
    if _pg_wants(conn, f):  # and valid: not left half-built by a concurrent build that failed
        return _pg_valid(conn, index_names(reg, f)[0]) is True
    if conn.dialect.name != "sqlite" or not wants_index(f):
        return False
    wanted = index_names(reg, f)
    if is_computed_day(f):  # there, and on the expression the settings give now
        made = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                            {"n": wanted[0]}).scalar()
        return made is not None and made == _computed_create_sql(session, reg, f)
    found = {row[0] for row in conn.execute(
        text("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (%s)" % ", ".join(
            f":n{i}" for i in range(len(wanted)))), {f"n{i}": n for i, n in enumerate(wanted)})}
    return found == set(wanted)


def ensure(session: Session, reg: Register, name: str, records: int | None = None) -> bool:
    """Build the sort index of the register's column ``name`` when the register holds ``THRESHOLD``
    records or more (SQLite); returns whether it has one now. Runs in the caller's write transaction."""
    f = _indexed(reg, reg.field(name))
    conn = session.connection()
    if not (conn.dialect.name == "sqlite" and wants_index(f) or _pg_wants(conn, f)) or reg.parent is not None:
        return False
    if has_index(session, reg, f):
        return True
    if records is None:
        records = int(conn.execute(text(f'SELECT count(*) FROM "{_table(reg)}"')).scalar_one())
    if records < THRESHOLD:
        return False
    own, *target = index_names(reg, f)
    if is_computed_day(f):  # one whole number a row (NULL when blank), on the expression of today's settings
        conn.execute(text(f'DROP INDEX IF EXISTS "{own}"'))
        conn.execute(text(_computed_create_sql(session, reg, f)))
        return True
    column = _column(reg, f)
    if _pg_wants(conn, f):  # each target's records in id order, read from the index alone
        conn.execute(text(f'CREATE INDEX IF NOT EXISTS "{own}" ON "{_table(reg)}" ("{column}", id)'))
        return True
    # Partial: only the rows with a value (the query for them says the same), so a column mostly blank
    # — a proximity, an escalation date — costs next to nothing.
    filled = f'"{column}" IS NOT NULL' if f.kind.is_reference else f'"{column}" > \'\''
    conn.execute(text(f'CREATE INDEX IF NOT EXISTS "{own}" ON "{_table(reg)}" ("{column}") WHERE {filled}'))
    if target:
        assert f.ref is not None
        conn.execute(text(f'CREATE INDEX IF NOT EXISTS "{target[0]}" ON "{f.ref.target.__tablename__}" '
                          f'(lower("{f.ref.label}"))'))
    return True


def ahead(reg: Register) -> list[str]:
    """The columns whose index may be built ahead of their first sort, when a large table opens
    (``missing_ahead`` says which on this database): on SQLite the computed dates (the next review),
    whose index takes seconds to build — 1.6–2.8 s of CPU for a million risks on a loaded machine, so
    their first sort, building it, took longer than any other — and which the review status's sort and
    a search of dates read too (a reference's or a stored date's takes about one sort without it, so it
    is built at the first sort: few files are sorted by every column); on PostgreSQL the references,
    whose ``(fk, id)`` index took 4.2 s to build at the first sort by owner, where a sort takes 0.6 s
    with it — built there ``CONCURRENTLY`` (``ensure_concurrently``), holding nobody's writes."""
    if reg.parent is not None:
        return []
    return [f.name for f in reg.fields if is_computed_day(f) or f.kind.is_reference]


def missing_ahead(session: Session, reg: Register) -> list[str]:
    """The columns of ``ahead`` this database builds ahead and lacks a current index of."""
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    wanted = [reg.field(name) for name in ahead(reg)]
    return [f.name for f in wanted if (is_computed_day(f) if sqlite else _pg_wants(conn, f))
            and not has_index(session, reg, f)]


def ensure_ahead(session: Session, reg: Register, records: int | None = None) -> list[str]:
    """Build the indexes of ``ahead`` the register lacks when it holds ``THRESHOLD`` records or more (a
    large table just opened, on a worker thread; an import taking it past the threshold); returns the
    columns that have one now. Runs in the caller's write transaction (so not on PostgreSQL, where
    ``ensure_concurrently`` builds them outside one)."""
    if session.connection().dialect.name != "sqlite":
        return []
    return [name for name in missing_ahead(session, reg) if ensure(session, reg, name, records)]


def ensure_concurrently(session: Session, reg: Register, names: list[str], records: int | None = None) -> list[str]:
    """PostgreSQL, outside any transaction (``Office.outside_transaction``): build the ``(fk, id)`` index
    of each reference column of ``names`` that lacks one, ``CREATE INDEX CONCURRENTLY`` — others' writes
    to the register go on meanwhile (a plain ``CREATE INDEX`` holds them for its seconds). A build that
    failed half-way leaves an invalid index: it is dropped and built again. Returns the columns that have
    one now."""
    conn = session.connection()
    if conn.dialect.name != "postgresql" or reg.parent is not None:
        return []
    if records is None:
        records = int(conn.execute(text(f'SELECT count(*) FROM "{_table(reg)}"')).scalar_one())
    if records < THRESHOLD:
        return []
    made = []
    for name in names:
        f = reg.field(name)
        if not _pg_wants(conn, f):
            continue
        own = index_names(reg, f)[0]
        if _pg_valid(conn, own) is False:
            conn.execute(text(f'DROP INDEX CONCURRENTLY IF EXISTS "{own}"'))
        conn.execute(text(f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{own}" ON "{_table(reg)}" ("{_column(reg, f)}", id)'))
        made.append(name)
    return made


def _pg_valid(conn: Connection, name: str) -> bool | None:
    """Whether the index is valid (None: there is none); a concurrent build that failed leaves one invalid."""
    row = conn.execute(text("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(:n)"), {"n": f'"{name}"'}).first()
    return None if row is None else bool(row[0])


def drop_all(conn: Connection) -> None:
    """Remove every sort index (before a migration; they are rebuilt on demand)."""
    if conn.dialect.name == "postgresql":
        names = [row[0] for row in conn.execute(text(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE :p"),
            {"p": PREFIX + "%"})]
    elif conn.dialect.name == "sqlite":
        names = [row[0] for row in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE :p"), {"p": PREFIX + "%"})]
    else:
        return
    for name in names:
        conn.execute(text(f'DROP INDEX IF EXISTS "{name}"'))


def _json_ids(conn: Connection, sql: str) -> array[int]:
    from .windows import _parse_ids

    return _parse_ids(conn.execute(text(f"SELECT json_group_array(id) FROM ({sql})")).scalar_one() or "[]")


def ordered_ids(session: Session, reg: Register, f: Field, descending: bool,
                ctx: Context | None = None) -> array[int] | None:
    """Every record's id sorted by the column through its index (call when ``has_index``): the rows
    with a value in the column's order, ties by id, then the blank ones by id. None where the index
    cannot give that order alone (PostgreSQL, targets named alike): the caller sorts by key."""
    conn = session.connection()
    table = _table(reg)
    direction = "DESC" if descending else "ASC"
    if conn.dialect.name == "postgresql":
        return _pg_reference_ids(conn, reg, f, direction)
    if (past := _past_of(f)) is not None:
        return _past_ids(session, reg, reg.field(past), ctx)
    if is_computed_day(f):  # its index holds (day, id): the filled rows in order, then the blank ones
        key = day_key_sql(session, reg, f)
        filled = f'SELECT id FROM "{table}" WHERE {key} IS NOT NULL ORDER BY {key} {direction}, id'
        blank = f'SELECT id FROM "{table}" WHERE {key} IS NULL ORDER BY id'
    elif f.kind.is_reference:
        assert f.ref is not None
        target, label, column = f.ref.target.__tablename__, f.ref.label, _column(reg, f)
        named = f"SELECT id FROM \"{target}\" WHERE lower(\"{label}\") > ''"
        # Names distinct once lowered (as nearly always): each target's rows in a row, in id order from
        # the index, no sort at all. Two targets named alike ("Ann", "ann"): their rows merged by id,
        # SQLite sorting only within each name.
        alike = conn.execute(text(f'SELECT 1 FROM "{target}" GROUP BY lower("{label}") HAVING count(*) > 1 '
                                  "LIMIT 1")).first() is not None
        by_target = "" if alike else f"t.id {direction}, "
        filled = (f'SELECT r.id AS id FROM "{target}" AS t JOIN "{table}" AS r ON r."{column}" = t.id '
                  f'WHERE lower(t."{label}") > \'\' ORDER BY lower(t."{label}") {direction}, {by_target}r.id')
        blank = (f'SELECT id FROM "{table}" WHERE "{column}" IS NULL OR "{column}" NOT IN ({named}) '
                 "ORDER BY id")
    else:  # a date: its ISO text in the index; '' and NULL are blank
        column = _column(reg, f)
        filled = f'SELECT id FROM "{table}" WHERE "{column}" > \'\' ORDER BY "{column}" {direction}, id'
        blank = f'SELECT id FROM "{table}" WHERE NOT coalesce("{column}" > \'\', 0) ORDER BY id'
    ids = _json_ids(conn, filled)
    total = int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
    if len(ids) < total:  # blanks: one scan of the table (none to look for in a column filled throughout)
        ids.extend(_json_ids(conn, blank))
    return ids


def _past_ids(session: Session, reg: Register, day: Field, ctx: Context | None) -> array[int]:
    """Sorted by whether ``day`` is past (the review status: "Overdue" or blank), either way: the rows
    whose day is before today in id order, then the others in id order. Each part is a range of the
    day's index (before today; today on, and blank), read in the index's order and sorted by id here —
    not the key computed for every row and a million rows sorted by it: among 1,000,000 risks 1.5–1.7 s
    of CPU as one sort, 0.5 s so."""
    from .records import load_context

    ctx = ctx or load_context(session)
    conn = session.connection()
    key, table = day_key_sql(session, reg, day, ctx), _table(reg)
    today = ctx.today.toordinal() + JULIAN_DAY_OF_ORDINAL_0  # the whole day number ``whole_day_key`` gives
    past = _json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} < {today}')
    rest = _json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} >= {today}')
    rest.extend(_json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} IS NULL'))
    ids = array("q", sorted(past))
    ids.extend(sorted(rest))
    return ids


def past_filter_ids(session: Session, reg: Register, f: Field, allowed: frozenset[str],
                    ctx: Context | None = None) -> array[int] | None:
    """A filter by whether a day is past (the review status: "Overdue", or blank) read from that day's
    sort index (SQLite, the next review's, current for today's settings): the rows whose day is before
    today, or the others (today on, and blank), in id order. The index holds (day, id) and is read
    alone, no row of the table looked up, and the ids are sorted here in C — where the condition tested
    on every row of the table took three times as long (1,000,000 risks, 800,000 overdue: 0.32 → 0.13 s
    of CPU). None for another column, both texts or neither (every row, no row: the caller's query), or
    without a current index (PostgreSQL: the caller's query)."""
    past = _past_of(f)
    if past is None or session.connection().dialect.name != "sqlite" or reg.parent is not None:
        return None
    overdue, blank = (len(allowed - {""}) > 0), "" in allowed
    if overdue == blank or allowed - {"", *getattr(f.sql, "values", ())}:
        return None
    day = reg.field(past)
    if not has_index(session, reg, day):
        return None
    from .records import load_context

    ctx = ctx or load_context(session)
    conn = session.connection()
    key, table = day_key_sql(session, reg, day, ctx), _table(reg)
    today = ctx.today.toordinal() + JULIAN_DAY_OF_ORDINAL_0  # the whole day number ``whole_day_key`` gives
    if overdue:
        ids = _json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} < {today}')
    else:
        ids = _json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} >= {today}')
        ids.extend(_json_ids(conn, f'SELECT id FROM "{table}" WHERE {key} IS NULL'))
    return _sorted(ids)


def _sorted(ids: array[int]) -> array[int]:
    """The ids in ascending order, sorted in C over their own memory (numpy: pyqtgraph's dependency)."""
    import numpy as np

    out: array[int] = array("q")
    out.frombytes(np.sort(np.frombuffer(ids, dtype=np.int64)).tobytes())
    return out


def _pg_reference_ids(conn: Connection, reg: Register, f: Field, direction: str) -> array[int] | None:
    """PostgreSQL, a reference: the targets in the order of their lowered names, and for each its records'
    ids as one array, in id order from the index ``(fk, id)`` — a sort of the targets alone (200 owners),
    not of a million rows by a name joined to each (which PostgreSQL spilled to disk: 1.6–1.9 s, against
    0.27–0.34 s). Two targets named alike ("Ann", "ann"): their records are merged by id, so the sort by
    key (``windows._order``) does it (None). Then the blank ones — no target, or one named '' — by id."""
    assert f.ref is not None
    target, label, table, column = f.ref.target.__tablename__, f.ref.label, _table(reg), _column(reg, f)
    ids: array[int] = array("q")
    alike = conn.execute(text(f'SELECT 1 FROM "{target}" GROUP BY lower("{label}") HAVING count(*) > 1 '
                              "LIMIT 1")).first() is not None
    if alike:
        return None
    rows = conn.execute(text(
        f'SELECT r.ids FROM (SELECT id, lower("{label}") AS name FROM "{target}" WHERE lower("{label}") > \'\') AS t '
        f'CROSS JOIN LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM "{table}" WHERE "{column}" = t.id) AS r '
        f"WHERE r.ids IS NOT NULL ORDER BY t.name {direction}, t.id"))
    for (chunk,) in rows:
        ids.fromlist(chunk)
    total = int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
    if len(ids) < total:
        blank = conn.execute(text(
            f'SELECT id FROM "{table}" WHERE "{column}" IS NULL OR "{column}" NOT IN '
            f'(SELECT id FROM "{target}" WHERE lower("{label}") > \'\') ORDER BY id'))
        ids.fromlist([row[0] for row in blank])
    return ids

