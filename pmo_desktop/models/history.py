"""The history of every register, and the office as it stood at any past moment.

**Writing.** ``Store.transaction`` collects every record its transaction touches — ORM flushes, Core
bulk inserts and deletes, rows a delete cascaded to (``operations.touching``) — and just before the
commit calls ``record``: one read of those records and one ``executemany`` into ``record_history``, a
row per record holding its table row and its links as JSON (NULL once it is deleted). So a cell edit, a
paste, an import, an undo, a merge and the CLI are all recorded, in the same transaction as the change
(a change is never saved without its history, nor history without its change). A row identical to the
record's last one is not written again. The time comes from ``clock.now()``, who made the change from
``who.changed_by`` (the server login, or on a file the name set on the computer or its login).

**Reading.** A ``State`` is every table's rows (plain dicts by column name): ``state_at(session, day)``
rebuilds it from the latest history row of each record up to the end of that day; ``current_state``
reads it as it is (what a board snapshot freezes). ``materialise(state)`` loads a state into a private
in-memory database of the same schema and returns a read-only ``Office`` on it, so *every* existing
query — the heat map, the grid, benefit status, ``fetch_rows`` with its computed columns — runs on the
past unchanged. Settings (the risk scale, thresholds) are not history: a past date is read with today's.
"""

from __future__ import annotations

import itertools
import json
import math
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    create_engine,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import NullType

from . import clock, errors, operations, who
from .base import Base
from .bulk import convert_column, id_filters, insert_tuples
from .fields import Field, Kind, Register
from .history_tables import BoardSnapshot, RecordHistory
from .office import Office
from .schema import meta_metadata, write_meta
from .store import Store

State = dict[str, list[dict[str, Any]]]  # table name → rows (column name → value)

# Not part of a state: the past itself.
PAST_TABLES = (RecordHistory.__tablename__, BoardSnapshot.__tablename__)
_CHUNK = 500  # ids per IN (…): under every database's parameter limit


@cache
def _registers_by_entity() -> dict[type, Register]:
    from .registers import REGISTERS

    out: dict[type, Register] = {}
    for reg in REGISTERS.values():
        out.setdefault(reg.entity, reg)
    return out


def _link_fields(reg: Register) -> list[Field]:
    return [f for f in reg.fields if f.kind == Kind.LINKS and f.link_table is not None]


def _link_columns(f: Field, entity: type) -> tuple[Any, Any]:
    from .records import _link_columns as columns

    own, other = columns(f, entity)
    return own, other


@cache
def _linked_tables() -> frozenset[str]:
    """Link tables kept inside their owner's history rows (a risk's projects)."""
    return frozenset(f.link_table.name for reg in _registers_by_entity().values() for f in _link_fields(reg)
                     if f.link_table is not None)


def _table_of(reg: Register) -> Table:
    table = Base.metadata.tables[reg.entity.__tablename__]
    return table


# ----------------------------------------------------------------------------- JSON of one record
def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):  # a NUMERIC column on PostgreSQL
        return float(value)
    raise TypeError(f"{type(value).__name__} is not kept in the history")


# One encoder for every row: json.dumps with options builds a new encoder per call (a tenth of the
# history's cost on a 10,000-row import).
_ENCODER = json.JSONEncoder(default=_json_default, separators=(",", ":"), ensure_ascii=False)


# The same encoder's C core, made once: ``JSONEncoder.encode`` makes it anew for every record it encodes.
_C_ENCODER = (json.encoder.c_make_encoder(None, _json_default, json.encoder.encode_basestring, None, ":", ",",  # type: ignore[attr-defined]
                                          False, False, True)
              if json.encoder.c_make_encoder is not None else None)  # type: ignore[attr-defined]


def _encode(data: Mapping[str, Any]) -> str:
    """Compact JSON; keys in column order (stable, so an unchanged record encodes the same)."""
    if _C_ENCODER is not None and data.__class__ is dict:
        return "".join(_C_ENCODER(data, 0))
    return _ENCODER.encode(data)


@cache
def _temporal_columns(table_name: str) -> tuple[tuple[str, Callable[[str], Any]], ...]:
    table = Base.metadata.tables[table_name]
    return tuple((c.name, datetime.fromisoformat if isinstance(c.type, DateTime) else date.fromisoformat)
                 for c in table.c if isinstance(c.type, (Date, DateTime)))


def _decode_row(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    """JSON values back to Python: dates and times by the column's own type."""
    for name, parse in _temporal_columns(table_name):
        value = row.get(name)
        if isinstance(value, str):
            row[name] = parse(value)
    return row


def _rows_of(conn: Connection, reg: Register, ids: Iterable[int] | None) -> dict[int, dict[str, Any]]:
    """Each record's table row, plus its links as lists of ids under the link field's name."""
    table: Table = _table_of(reg)
    wanted = None if ids is None else sorted(ids)
    out: dict[int, dict[str, Any]] = {}
    links = _link_fields(reg)
    if conn.dialect.name == "sqlite":  # the rows at once, through the driver
        keys, rows = _sqlite_rows(conn, table, wanted)
        for values in rows:  # plain tuples zipped with the names: cheaper than a mapping per row
            data = dict(zip(keys, values))
            out[data["id"]] = data
    temporal = [name for name, _parse in _temporal_columns(table.name)]
    chosen = None if wanted is None else set(wanted)
    # every row, or the wanted ones by a range or chunks of ids (a range may hold a few more: dropped)
    chunks: list[Any] = [None] if wanted is None else id_filters(table.c.id, wanted, _CHUNK)
    link_columns = [(f, *_link_columns(f, reg.entity)) for f in links]
    link_chunks: list[list[Any]] = [[None] * len(chunks) if wanted is None else id_filters(own, wanted, _CHUNK)
                   for _f, own, _other in link_columns]
    for k, chunk in enumerate(chunks):
        if conn.dialect.name != "sqlite":
            query = select(table)
            if chunk is not None:
                query = query.where(chunk)
            result = conn.execute(query)
            keys = list(result.keys())
            rows = list(result.all())
            positions = [keys.index(name) for name in temporal]
            if positions and rows:  # dates as text here: cheaper than JSON's fallback for each value
                by_column: list[Any] = list(zip(*rows))
                for i in positions:
                    by_column[i] = tuple(None if x is None else x.isoformat() for x in by_column[i])
                rows = list(zip(*by_column))
            for values in rows:
                data = dict(zip(keys, values))
                if chosen is None or data["id"] in chosen:
                    out[data["id"]] = data
        for (f, own, other), per_chunk in zip(link_columns, link_chunks):
            query = select(own, other)
            if per_chunk[k] is not None:
                query = query.where(per_chunk[k])
            for rid, target in conn.execute(query.order_by(own, other)):
                if rid in out:
                    out[rid].setdefault(f.name, []).append(target)
    for data in out.values():
        for f in links:
            data.setdefault(f.name, [])
    return out


def _sqlite_rows(conn: Connection, table: Table, ids: list[int] | None) -> tuple[list[str], list[Any]]:
    """The rows of ``table`` (those of ``ids``, sorted, or all) as the driver returns them, each column then
    read as SQLAlchemy reads it, dates and times as ISO text: what ``_rows_of`` keeps, without a result
    object. A date stored as SQLAlchemy writes it on SQLite ("2025-03-01") is that text already. Ids that
    are mostly consecutive (an import's) are read as one range."""
    dialect = conn.dialect
    keys = [c.name for c in table.c]
    prep = dialect.identifier_preparer
    sql = f"SELECT {', '.join(prep.quote(k) for k in keys)} FROM {prep.format_table(table)}"
    rows: list[Any] = []
    if ids is None:
        rows = list(conn.exec_driver_sql(sql).fetchall())
    elif ids and ids[-1] - ids[0] < 2 * len(ids):
        found = conn.exec_driver_sql(f"{sql} WHERE {prep.quote('id')} BETWEEN ? AND ?", (ids[0], ids[-1])).fetchall()
        position = keys.index("id")
        if ids[-1] - ids[0] + 1 == len(ids):  # every id of the range is wanted
            rows = list(found)
        else:
            chosen = set(ids)
            rows = [r for r in found if r[position] in chosen]
    else:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows += conn.exec_driver_sql(f"{sql} WHERE {prep.quote('id')} IN ({', '.join('?' for _ in chunk)})",
                                         tuple(chunk)).fetchall()
    steps = []
    for i, col in enumerate(table.c):
        process = col.type.dialect_impl(dialect).result_processor(dialect, None)
        if isinstance(col.type, DateTime):
            steps.append((i, _iso(process)))
        elif isinstance(col.type, Date):
            steps.append((i, _date_text(process)))
        elif process is not None:
            steps.append((i, process))
    if steps and rows:
        by_column: list[Any] = list(zip(*rows))
        for i, step in steps:
            by_column[i] = convert_column(by_column[i], step)
        rows = list(zip(*by_column))
    return keys, rows


def _iso(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def iso(value: Any) -> Any:
        read = process(value) if process is not None else value
        return read.isoformat() if read is not None else None

    return iso


def _date_text(process: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    iso = _iso(process)

    def text(value: Any) -> Any:
        if value.__class__ is str and len(value) == 10 and value[4] == "-" and value[7] == "-" and \
                value[:4].isdigit() and value[5:7].isdigit() and value[8:].isdigit():
            return value  # "2025-03-01": as SQLAlchemy writes a date, and as it reads back
        return iso(value)

    return text


# Column types whose value, written through the driver on SQLite (or on PostgreSQL, a FLOAT being a double
# there), reads back as the same Python value when it is of this class: what lets the history encode a row as
# written.
_READS_BACK: tuple[tuple[type, tuple[type, ...]], ...] = (
    (Boolean, (bool,)), (DateTime, (datetime,)), (Date, (date,)), (Float, (float,)), (Integer, (int,)),
    (String, (str,)))


def _written_as_read(reg: Register, ids: list[int], fresh: Mapping[int, Any]) -> dict[int, str]:
    """The history JSON of the rows of ``ids`` — what ``_encode(_rows_of(…))`` gives — from the values a bulk
    insert of this transaction wrote (``operations.remember_written``), each column's values encoded once
    per distinct value and each row put together by one format; empty when any value might read back
    otherwise (an int in a REAL column, a database default, a type of its own): the caller reads them back."""
    if not ids:
        return {}
    table = _table_of(reg)
    names = fresh[ids[0]][0]
    # each row's (names, values, links) taken apart in C, not a row at a time in Python
    all_names, rows, all_links = zip(*map(fresh.__getitem__, ids))
    distinct = dict(zip(map(id, all_names), all_names))  # a list per bulk write
    if any(other != names for other in distinct.values()):  # bulk writes naming different columns
        return {}
    by_column: list[Any] = list(zip(*rows))
    position = {n: p for p, n in enumerate(names)}
    links = [f.name for f in _link_fields(reg)]
    # no links at all (each link field an empty list, in field order): each value's text made with its key before it
    # ("{" before the first, "}" after the last), once per distinct value of a column, and each row the texts of
    # its columns joined by commas in C — a format of 27 "%s" a row was 17,000 instructions (round speed62a)
    plain = not any(all_links)
    heads = [_ENCODER.encode(c.name) + ":" for c in table.c] if plain else [""] * len(table.c)
    if plain and heads:
        heads[0] = "{" + heads[0]
    tail = "}" if plain and not links else ""
    last = len(table.c) - 1
    columns: list[Any] = []
    for i, col in enumerate(table.c):
        allowed = next((classes for kind, classes in _READS_BACK if isinstance(col.type, kind)), None)
        end = tail if i == last else ""
        if col.name == "id" and col.primary_key:
            columns.append(_encoded(ids, None, heads[i], end))
            continue
        p = position.get(col.name)
        if p is None:
            if col.server_default is not None:
                return {}  # the database fills it
            columns.append(itertools.repeat(heads[i] + "null" + end, len(ids)))
            continue
        values = by_column[p]
        classes = set(map(type, values))
        if allowed is None or not classes <= {*allowed, type(None)}:
            return {}
        if allowed[0] is datetime and any(x is not None and x.tzinfo is not None for x in set(values)):
            return {}
        if allowed[0] in (date, datetime):
            values = convert_column(values, _isoformat)
            classes = {str}  # each an ISO text, or None
        columns.append(_encoded(values, classes, heads[i], end))
    if plain:
        columns += [itertools.repeat(_ENCODER.encode(n) + ":[]" + ("}" if k == len(links) - 1 else ""), len(ids))
                    for k, n in enumerate(links)]
        return dict(zip(ids, map(",".join, zip(*columns))))  # each row one join, no Python frame a row
    keys = [_ENCODER.encode(c.name).replace("%", "%%") for c in table.c]
    # as _rows_of adds the links: the fields holding some first, then the empty ones, each in field order
    templates: dict[tuple[bool, ...], tuple[str, list[str]]] = {}
    lists: dict[tuple[int, ...], str] = {}
    out: dict[int, str] = {}
    for rid, values, linked in zip(ids, zip(*columns), all_links):
        linked = linked or {}
        held = tuple(bool(linked.get(n)) for n in links)
        found = templates.get(held)
        if found is None:
            order = [n for n, h in zip(links, held) if h] + [n for n, h in zip(links, held) if not h]
            found = templates[held] = ("{" + ",".join(f"{k}:%s" for k in keys + [
                _ENCODER.encode(n).replace("%", "%%") for n in order]) + "}", order)
        template, order = found
        texts = []
        for n in order:
            targets = tuple(linked.get(n) or ())
            text = lists.get(targets)
            if text is None:
                text = lists[targets] = _ENCODER.encode(list(targets))
            texts.append(text)
        out[rid] = template % (*values, *texts)
    return out


def _encoded(values: Sequence[Any], classes: set[type] | None = None, head: str = "", end: str = "") -> list[str]:
    """Each value as its JSON text (as it reads inside a record's JSON), each distinct value encoded once.
    ``classes``: the classes of the values, when the caller has them; ``head`` and ``end``: written before and after
    each text (its key, a brace), once per distinct value."""
    classes = set(map(type, values)) if classes is None else set(classes)
    classes.discard(type(None))
    direct = _DIRECT_JSON.get(classes.pop()) if len(classes) == 1 else None
    if direct is not None:  # texts, whole numbers: each distinct value by the encoder's own C function
        distinct = set(values)
        distinct.discard(None)
        if direct is not float.__repr__ or all(map(math.isfinite, distinct)):  # NaN and ∞: the encoder's words
            texts: Iterable[str] = map(direct, distinct)
            if head:
                texts = map(head.__add__, texts)
            if end:
                texts = map(str.__add__, texts, itertools.repeat(end))
            memo = dict(zip(distinct, texts))
            memo[None] = head + "null" + end
            return list(map(memo.__getitem__, values))
    if len(classes) <= 1:  # one class and None: values equal only when their JSON is
        try:
            memo = {x: head + _ENCODER.encode(x) + end for x in set(values)}
        except TypeError:  # unhashable
            pass
        else:
            return list(map(memo.__getitem__, values))
    return [head + _ENCODER.encode(x) + end for x in values]


# What the encoder writes for a value of exactly this class, as the function it calls (ensure_ascii off).
_DIRECT_JSON: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring, int: int.__repr__, float: float.__repr__}


def _isoformat(value: Any) -> str:
    return str(value.isoformat())


# ----------------------------------------------------------------------------------------- writing
# Where a transaction names the records whose change is still part of their making (``fold_into_added``).
FOLD_KEY = "history_folded_into_added"


def fold_into_added(session: Session, entity: type, ids: Iterable[int]) -> None:
    """This transaction's change of these records is part of their making — a record typed along its row, each cell
    saved as it is left: their history row is the one that added them, rewritten with the values as they now stand,
    not a row of its own. A risk typed Title, Tab, Level… read in its history "Added … Level Project" and, the same
    minute, "Changed Level Project → Program", cell by cell: a reader asked who had changed it. Folded only while
    that row is the record's one row (``record``): once anyone's change follows it, a change is a change again."""
    session.info.setdefault(FOLD_KEY, {}).setdefault(entity, set()).update(ids)


def _only_rows(conn: Connection, H: Table, register: str, ids: set[int]) -> dict[int, int]:
    """Of ``ids``, the records whose history holds one row: its id, by record."""
    found = conn.execute(select(H.c.record_id, func.min(H.c.id), func.count()).where(
        H.c.register == register, H.c.record_id.in_(sorted(ids))).group_by(H.c.record_id))
    return {rid: first for rid, first, count in found if count == 1}


def record(conn: Connection, touched: Mapping[type, Iterable[int]], when: datetime | None = None,
           fold: Mapping[type, set[int]] | None = None) -> int:
    """Write the history rows of the records a transaction touched; returns how many were written. ``fold``: records
    whose one history row (the one that added them) takes their values instead (``fold_into_added``)."""
    H = Base.metadata.tables[RecordHistory.__tablename__]
    when = when or _after_the_last(conn, H, clock.now())
    by = who.changed_by(conn) if any(touched.values()) else None  # who made the change, asked once
    written = 0
    for entity, ids in touched.items():
        reg = _registers_by_entity().get(entity)
        ids = sorted(set(ids))
        if reg is None or not ids:
            continue
        # the rows a bulk write of this transaction wrote, encoded as written (on PostgreSQL: as an update
        # wrote them, through ``bulk._pg_update_rows``, whose texts read back as the values sent); the others read
        fresh = operations.written_rows(entity) if conn.dialect.name in ("sqlite", "postgresql") else {}
        encoded = _written_as_read(reg, [i for i in ids if i in fresh], fresh) if fresh else {}
        rest = [i for i in ids if i not in encoded] if encoded else ids
        now = _rows_of(conn, reg, rest) if rest else {}
        last: dict[int, str | None] = {}
        chosen = set(ids)
        if conn.dialect.name == "sqlite" and ids[-1] - ids[0] < 2 * len(ids):  # mostly consecutive: one range
            found = conn.exec_driver_sql(
                "SELECT record_id, data FROM record_history WHERE id IN (SELECT max(id) FROM record_history "
                "WHERE register = ? AND record_id BETWEEN ? AND ? GROUP BY record_id)", (reg.name, ids[0], ids[-1]))
            last.update((r[0], r[1]) for r in found if r[0] in chosen)
            chunks: list[Any] = []
        else:  # PostgreSQL: one range too when mostly consecutive (200 statements of 500 ids took 8–10 s)
            chunks = id_filters(H.c.record_id, ids, _CHUNK)
        for chunk in chunks:
            latest = select(func.max(H.c.id)).where(H.c.register == reg.name, chunk).group_by(H.c.record_id)
            last.update((r[0], r[1]) for r in conn.execute(select(H.c.record_id, H.c.data).where(H.c.id.in_(latest)))
                        if r[0] in chosen)
        rows: list[tuple[str, int, datetime, str | None, str | None]] = []
        folding = (fold or {}).get(entity, set()) & chosen
        only_row = _only_rows(conn, H, reg.name, folding) if folding else {}
        refolded: list[dict[str, Any]] = []
        each = ids
        if not last and len(encoded) == len(ids):  # new records, all as written: each a row, zipped in C
            rows = list(zip(itertools.repeat(reg.name), ids, itertools.repeat(when), map(encoded.__getitem__, ids),
                            itertools.repeat(by)))
            each = []
        for rid in each:
            data = encoded.get(rid)
            if data is None:
                data = _encode(now[rid]) if rid in now else None
            if (rid in last and last[rid] == data) or (data is None and last.get(rid) is None):
                continue  # unchanged, or made and removed again before anyone saw it
            if rid in only_row and data is not None and last.get(rid) is not None:
                refolded.append({"history_id": only_row[rid], "history_data": data})  # its time: when it was added
                continue
            rows.append((reg.name, rid, when, data, by))
        if rows:
            insert_tuples(conn, H, ("register", "record_id", "changed_at", "data", "changed_by"), rows)
            written += len(rows)
        if refolded:
            conn.execute(update(H).where(H.c.id == bindparam("history_id")).values(data=bindparam("history_data")),
                         refolded)
            written += len(refolded)
    return written


# Where a transaction keeps the time its history rows are recorded at once the first are written before its end
# (``record_so_far``), so that every row of one change has the same time, however many chunks it was written in.
WHEN_KEY = "history_recorded_at"


def record_so_far(session: Session) -> int:
    """Write now the history rows of the records this transaction touched so far, and forget them: a write of a
    million records in chunks (``records.update_in_chunks``) then holds no row of an earlier chunk — the history of
    the whole change at its end held every row as written, 26 columns a record. The rest are recorded at the end
    (``Store.transaction``) at the same time; a record touched again after its row was written gets another."""
    touched = operations.touched_so_far()
    if not any(touched.values()):
        return 0
    session.flush()
    conn = session.connection()
    when = session.info.get(WHEN_KEY)
    if when is None:
        H = Base.metadata.tables[RecordHistory.__tablename__]
        when = session.info[WHEN_KEY] = _after_the_last(conn, H, clock.now())
    written = record(conn, touched, when, session.info.get(FOLD_KEY))
    operations.forget_touched()
    return written


# How far back a clock may have moved for a change to be recorded at the time of the one before it.
CLOCK_STEP_BACK = timedelta(days=1)


def _after_the_last(conn: Connection, H: Table, now: datetime) -> datetime:
    """The time to record a change made ``now`` with: never before the change recorded before it.
    A computer's clock moves back — the hour repeated when summer time ends (these are local times),
    the network's time correcting a fast clock — and a change stamped before the one made just
    earlier would move to the day before in "as at" and "what changed", across midnight. Within a day
    of the last, the change takes the last one's time; a last time further ahead is a clock that was
    wrong, not one to follow. A day frozen on purpose (``clock.frozen``) is kept as it is."""
    if clock.is_frozen():
        return now
    last = conn.execute(select(H.c.changed_at).order_by(H.c.id.desc()).limit(1)).scalar()
    return last if last is not None and now < last <= now + CLOCK_STEP_BACK else now


def seed(conn: Connection, when: datetime | None = None) -> None:
    """A baseline row for every record of a file that had no history yet (the migration). Registers
    whose tables a later migration adds are skipped: they start empty, so there is nothing to seed."""
    when = when or clock.now()
    present = set(inspect(conn).get_table_names())
    for reg in _registers_by_entity().values():
        if _table_of(reg).name not in present:
            continue
        rows = [{"register": reg.name, "record_id": rid, "changed_at": when, "data": _encode(data)}
                for rid, data in _rows_of(conn, reg, None).items()]
        if rows:
            conn.execute(insert(RecordHistory), rows)


# ----------------------------------------------------------------------------------------- reading
def end_of(day: date) -> datetime:
    """The first moment after ``day``: a history row before it is part of the office as at that day."""
    return datetime.combine(day + timedelta(days=1), time.min)


def state_at(session: Session, day: date) -> State:
    """Every register as it stood at the end of ``day``, rebuilt from the history; the settings and
    other tables as they are now (the risk and issue histories up to that day)."""
    conn = session.connection()
    H = Base.metadata.tables[RecordHistory.__tablename__]
    limit = end_of(day)
    state: State = {}
    for reg in _registers_by_entity().values():
        latest = (select(func.max(H.c.id)).where(H.c.register == reg.name, H.c.changed_at < limit)
                  .group_by(H.c.record_id))
        table_name = _table_of(reg).name
        rows = state.setdefault(table_name, [])
        for (data,) in conn.execute(select(H.c.data).where(H.c.id.in_(latest), H.c.data.is_not(None))
                                    .order_by(H.c.record_id)):
            row = json.loads(data)
            for f in _link_fields(reg):
                own, other = _link_columns(f, reg.entity)
                state.setdefault(f.link_table.name, []).extend(  # type: ignore[union-attr]
                    {own.name: row["id"], other.name: target} for target in row.pop(f.name, []))
            rows.append(_decode_row(table_name, row))
    for table in Base.metadata.sorted_tables:
        if table.name in state or table.name in PAST_TABLES or table.name in _linked_tables():
            continue
        query = select(table)
        if "recorded_at" in table.c:  # a risk's rating history, kept in UTC as the audit columns are
            query = query.where(table.c.recorded_at < clock.as_utc(limit))
        state[table.name] = [dict(r._mapping) for r in conn.execute(query)]
    _drop_dangling_links(state)
    return state


def _drop_dangling_links(state: State) -> None:
    """A link to a record that did not exist at that moment (deleted later, links kept by its owner)."""
    for reg in _registers_by_entity().values():
        for f in _link_fields(reg):
            assert f.link_table is not None
            own, other = _link_columns(f, reg.entity)
            target = next(iter(other.foreign_keys)).column.table.name
            present = {r["id"] for r in state.get(target, [])}
            rows = state.get(f.link_table.name, [])
            state[f.link_table.name] = [r for r in rows if r[other.name] in present]


def current_state(session: Session) -> State:
    """Every table of the office as it is (in this session's snapshot), the past itself excepted."""
    conn = session.connection()
    return {t.name: [dict(r._mapping) for r in conn.execute(select(t))]
            for t in Base.metadata.sorted_tables if t.name not in PAST_TABLES}


def first_day(session: Session) -> date | None:
    """The day the history starts (the file's creation, or the migration that began it)."""
    first = session.scalar(select(func.min(RecordHistory.changed_at)))
    return first.date() if first else None


# ------------------------------------------------------------------------- states as bytes (snapshots)
def pack(state: State) -> bytes:
    return zlib.compress(_encode(state).encode("utf-8"), 6)


def unpack(blob: bytes) -> State:
    try:
        raw = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as e:
        raise errors.CorruptFile(f"That snapshot cannot be read ({e}).") from e
    tables = Base.metadata.tables
    return {name: [_decode_row(name, row) for row in rows] for name, rows in raw.items() if name in tables}


# ------------------------------------------------------------------------- a state as a read-only office
class FrozenStore(Store):
    """A past state of an office: readable like any office, never written."""

    def __init__(self, engine: Engine, label: str) -> None:
        super().__init__(engine, None, read_only_reason="a past state of the office")
        self.label = label

    @property
    def display_name(self) -> str:
        return self.label

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        raise errors.ReadOnlyFile(f"{self.label} is a past state of the office: it is read only.")
        yield  # pragma: no cover  (a generator, as the method it replaces)


def _with_defaults(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows recorded before a column was added (a communication's notes before version 5) take its
    default: one statement inserts them all, so every row must name the same columns."""
    width = len(table.c)
    if all(len(r) >= width for r in rows):
        return rows
    filler = {c.name: c.default.arg if c.default is not None and c.default.is_scalar else None  # type: ignore[attr-defined]
              for c in table.c}
    return [r if len(r) >= width else {**filler, **r} for r in rows]


def materialise(state: State, label: str) -> Office:
    """A read-only ``Office`` over ``state``, in a private in-memory database of the same schema."""
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    with engine.begin() as conn:
        meta_metadata.create_all(conn)
        _as_read_metadata().create_all(conn)
        write_meta(conn)
        for table in Base.metadata.sorted_tables:
            rows = state.get(table.name)
            if rows:
                conn.execute(insert(_as_kept(table)), _with_defaults(table, rows))
    return Office(FrozenStore(engine, label))


@cache
def _as_read_metadata() -> MetaData:
    """The office's schema for a past state, each day and moment column taking no value: a day or moment the
    file held as text (``created_at = 'yesterday'`` by hand) is read as none (``text_dates``), and the state
    kept as read — a board pack refused it as "NOT NULL constraint failed: benefit.created_at" (fault69)."""
    loose = MetaData()
    for table in Base.metadata.sorted_tables:
        for c in table.to_metadata(loose).c:
            if isinstance(c.type, (Date, DateTime)) and not c.primary_key:
                c.nullable = True
    return loose


def _as_kept(t: Table) -> Any:
    """``t`` to insert a state's rows into, each number column taking what it holds as it is: text a hand-edited
    office keeps in one, which the column's float processor refused — a board pack after a snapshot failed whole
    (fix54b)."""
    return sql_table(t.name, *[sql_column(c.name, NullType() if isinstance(c.type, Float) else c.type) for c in t.c])
