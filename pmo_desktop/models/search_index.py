"""A search index for large registers on SQLite, so a search of a million rows takes milliseconds.

**What it is.** An FTS5 table with the trigram tokenizer over the register's stored columns that
search reads (text, codes, choices, numbers and dates), created with ``detail=none`` and as an
*external-content* table (``content=<the register's table>``): it keeps only which rows hold each
three-letter sequence, no copy of the text and no positions. Triggers on the register's table keep
it current whatever writes (an edit, an import through SQLAlchemy Core, another process).

**How a search uses it.** A search for "supplier 996" asks the index for the rows holding every
trigram of the text ("sup", "upp", … "996"): a superset of the rows whose indexed columns contain
the text (``prefilter``). The window's search condition (``windows._search_condition``, plain LIKE
per column) checks those columns on those rows only, so what is found is exactly what a search
without the index finds; the index only spares reading the other rows. The other terms — a
project's or an owner's name (looked up first in its small table, no term when none matches),
linked records, a computed column that can show the text — are exact and join by OR: with none the
database reads only the index's rows; with one (a rating for "critical", a date for "2024-03") it
reads the table once, checking LIKE only on the index's rows.

**Why this form** (measured on 100,000 and 1,000,000 risks, ``benchmarks/bench_big_register.py``):
trigram with positions (``detail=full``) makes the file 2.6× as large (+161 %); ``detail=column``
+104 %; ``detail=none`` +42 % for the text columns, +50 % with numbers and dates too (chosen), and
searches in the same milliseconds once LIKE checks the candidates. A word index (unicode61 with
prefixes) is smaller still (+26 % without positions) but finds words and their beginnings only, not
"upplier" inside "supplier" as the table's search always has.

**Two characters.** Each cell is indexed with an end mark after it (``char(1)``, through the view
``<index>_content`` the index is built from, and in the triggers), so every 2-character piece of a cell
begins a trigram — the piece ending a cell with the mark, a cell of just two characters too. A search
of two (ASCII) characters reads the index's terms that begin with them, a range of its vocabulary
(``<index>_terms``, fts5vocab), and asks for the rows holding any of them: the same superset, checked
by the same LIKE. Among 1,000,000 risks "ab" 1.4–1.9 s → milliseconds of CPU (no term), "ri" (every
row) 0.6 s. The marks cost +5 % of the file (+110 MiB for the index instead of +100) and a longer build.
An index built before the marks (no vocabulary table) still serves longer searches; two characters
are then searched by LIKE alone, as they were.

**One character.** Beside the index, a summary of each row (``<index>_chars(id, chars)``): an integer
with a bit for each ASCII letter and digit the row's searched text holds — a letter's bit where the
text columns hold it in either case (the search's LIKE folds ASCII case), a digit's where they or the
numbers and dates as written hold it (a letter is never searched in those). A search of one such
character is one AND a row on that small table, exactly what LIKE over every row finds, no LIKE run:
among 1,000,000 risks "x" (no row) 1.7–1.9 s → about 0.1 s of CPU. Any other character (non-ASCII,
punctuation) is searched by LIKE alone. It is built with the index (in Python, one call a row) and
kept by its own triggers, pure SQL, so another program's writes keep it too (about 50 µs a row
written, +5 % on an insert into an indexed million). It costs +11 MiB for a million rows (+4 %). An
index built before it gets it at the next ``ensure`` (the first search of a session).

**When it exists.** Only for a register of ``THRESHOLD`` records or more: an ordinary office pays
no file size and no trigger per write. It is built when a write leaves a register over the threshold
(an import), or at the first search of a large register of a file made before (once, a few seconds
for a million rows). A text of one character other than an ASCII letter or digit is searched without it.
**PostgreSQL** has no FTS5; there the index is a GIN index of the ``pg_trgm`` extension on the
register's text columns joined into one expression (``coalesce(code, '') || chr(1) || …``), which
``ILIKE '%text%'`` on that expression reads: the same superset, checked the same way. Its numbers and
dates are not in it (their text form depends on settings, so PostgreSQL will not index it): a search
of digits also reads those columns of every row. Creating the extension needs the right to
(``CREATE EXTENSION IF NOT EXISTS pg_trgm``: a trusted extension from PostgreSQL 13, the database's
owner may); without it searches use ILIKE alone, as before, and the log says why once. Two characters
are searched by ILIKE alone there (a trigram needs three; the indexes weighed for them: README.md). One
ASCII letter or digit has the same summary as on SQLite, of the text columns the trigram index holds
(``_pg_create_chars``: built by one INSERT … SELECT, kept by statement triggers), read when no other
term of the search can show the character ("x": 1.8 s of ILIKE → 0.1–0.25 s among a million risks);
with others ("e", "7": a name, a date, a number) the search's terms over every row stay the quicker — LIKE
for a text with no letter (``case_free``) — and the summary says how many rows lack the character: when
most hold it, the rows the search fails are listed and taken from every id (``windows._all_but_failing``).

A file migration drops the indexes first (``drop_all``): a migration may rebuild or alter the
tables they follow, and they are rebuilt from the tables on the next search.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Integer, bindparam, column, false, func, literal_column, select, table, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, aliased

from .fields import Context, Field, Kind, Register

log = logging.getLogger(__name__)

THRESHOLD = 50_000  # records; smaller registers are searched by LIKE alone (fast enough, no index to keep)
MIN_CHARS = 3       # a trigram index finds texts of three characters or more (two: ``_pair_query``)
SUFFIX = "_search"
CONTENT = "_content"  # the view the index is built from: each cell with the end mark
TERMS = "_terms"      # its terms (fts5vocab), for a search of two characters
END = "char(1)"       # the end mark after each cell
TRIGGERS = ("insert", "delete", "update")
CHARS = "_chars"      # per row, a bit for each ASCII letter and digit its searched text holds (one character)
CHAR_BITS = {c: 1 << i for i, c in enumerate(string.ascii_lowercase + string.digits)}


def _table(reg: Register) -> str:
    return str(reg.entity.__tablename__)


def index_name(reg: Register) -> str:
    return _table(reg) + SUFFIX


def indexed_columns(reg: Register) -> list[str]:
    """The register's own columns that search reads, as named in its table."""
    mapper: Any = reg.entity.__mapper__
    return [mapper.attrs[f.attr].columns[0].name for f in reg.fields if is_indexed(f)]


def is_indexed(f: Field) -> bool:
    """A column the index holds: stored in the register's own row and searched by its text (texts, codes,
    choices, numbers, dates). Not references and lists (their names live in another table) nor Yes/No
    (searched by the words it shows, not its stored 0/1); computed columns are not stored."""
    return f.kind.stored and not f.kind.refers and f.kind is not Kind.BOOL


def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def has_index(session: Session, reg: Register) -> bool:
    """Whether the register has a current search index: the table, its three triggers and the same
    columns as the register declares now (otherwise it is stale and not used)."""
    conn = session.connection()
    if not _is_sqlite(conn):
        return reg.parent is None and _pg_has_index(conn, reg)
    name = index_name(reg)
    found = {row[0] for row in conn.execute(
        text("SELECT name FROM sqlite_master WHERE name = :n OR tbl_name = :t AND type = 'trigger'"),
        {"n": name, "t": _table(reg)})}
    if name not in found or not all(f"{name}_{t}" in found for t in TRIGGERS):
        return False
    columns = [row[1] for row in conn.execute(text(f'PRAGMA table_info("{name}")'))]
    return columns == indexed_columns(reg)


def is_complete(session: Session, reg: Register) -> bool:
    """Whether the register has its index and the one-character summary beside it (an index built before
    the summary lacks it; ``ensure`` adds it)."""
    return has_index(session, reg) and has_chars(session, reg)


def ensure(session: Session, reg: Register, records: int | None = None) -> bool:
    """Build the register's search index when it holds ``THRESHOLD`` records or more and has no current
    one; returns whether it has one now. Runs in the caller's write transaction."""
    conn = session.connection()
    sqlite = _is_sqlite(conn)
    if reg.parent is not None or sqlite and not trigram_available():
        return False
    if has_index(session, reg):
        if not has_chars(session, reg) and sqlite:  # an index built before the one-character summary
            _create_chars(conn, reg)
        elif not has_chars(session, reg):
            _pg_create_chars(conn, reg)
        return True
    if records is None:
        records = int(conn.execute(text(f'SELECT count(*) FROM "{_table(reg)}"')).scalar_one())
    if records < THRESHOLD:
        return False
    if not sqlite:
        return _pg_create(conn, reg)
    try:
        _create(conn, reg)
    except OperationalError as e:  # an SQLite built without FTS5 or the trigram tokenizer: LIKE alone
        log.warning("No search index for %s: %s", reg.name, e)
        return False
    return True


def _create(conn: Connection, reg: Register) -> None:
    table, name, cols = _table(reg), index_name(reg), indexed_columns(reg)
    _drop(conn, name)
    listed = ", ".join(f'"{c}"' for c in cols)
    # Each cell indexed with an end mark after it (char(1), in no text), so a cell's last two characters
    # make a trigram too: every 2-character piece of a cell begins one, and a search of two characters
    # reads the terms beginning with it (``_pair_query``). The view gives the rebuild the marked cells.
    new = ", ".join(f'new."{c}" || {END}' for c in cols)
    old = ", ".join(f'old."{c}" || {END}' for c in cols)
    marked = ", ".join(f'"{c}" || {END} AS "{c}"' for c in cols)
    conn.execute(text(f'CREATE VIEW "{name}{CONTENT}" AS SELECT id, {marked} FROM "{table}"'))
    conn.execute(text(f'CREATE VIRTUAL TABLE "{name}" USING fts5({listed}, content="{name}{CONTENT}", '
                      "content_rowid=\"id\", tokenize='trigram', detail=none)"))
    conn.execute(text(f'CREATE VIRTUAL TABLE "{name}{TERMS}" USING fts5vocab("{name}", \'row\')'))
    conn.execute(text(f"INSERT INTO \"{name}\"(\"{name}\") VALUES ('rebuild')"))
    add = f'INSERT INTO "{name}"(rowid, {listed}) VALUES (new.id, {new});'
    remove = f'INSERT INTO "{name}"("{name}", rowid, {listed}) VALUES (\'delete\', old.id, {old});'
    conn.execute(text(f'CREATE TRIGGER "{name}_insert" AFTER INSERT ON "{table}" BEGIN {add} END'))
    conn.execute(text(f'CREATE TRIGGER "{name}_delete" AFTER DELETE ON "{table}" BEGIN {remove} END'))
    # Only an update of an indexed column touches the index (not a version bump or a reference change).
    conn.execute(text(f'CREATE TRIGGER "{name}_update" AFTER UPDATE OF {listed} ON "{table}" '
                      f"BEGIN {remove} {add} END"))
    _create_chars(conn, reg)


@contextmanager
def rebuilt_after(session: Session, reg: Register, rows: int, columns: Iterable[str]) -> Iterator[None]:
    """Around an update of ``rows`` records' ``columns`` in one statement (Replace All, a fill): where it
    changes a searched column in an eighth of the register or more, the index is dropped first and built
    again after, in the same transaction — its triggers cost 140 µs a row (100,000 titles: 14 s of SQLite's
    own time, the bare executemany's), a build of 100,000 rows 1.6 s. Rolled back with the update."""
    conn = session.connection()
    worth = (_is_sqlite(conn) and rows >= 5_000 and bool(set(columns) & set(indexed_columns(reg)))
             and rows * 8 >= (session.scalar(select(func.count()).select_from(reg.entity)) or 0)
             and has_index(session, reg))
    if worth:
        _drop(conn, index_name(reg))
    yield
    if worth:
        _create(conn, reg)


def _text_and_other_columns(reg: Register) -> tuple[list[str], list[str]]:
    """The indexed columns a search reads by their text (every search), and the others (numbers, dates:
    read as the database writes them, for a text of digits only)."""
    mapper: Any = reg.entity.__mapper__
    textual: list[str] = []
    other: list[str] = []
    for f in reg.fields:
        if is_indexed(f):
            (textual if f.kind.textual else other).append(mapper.attrs[f.attr].columns[0].name)
    return textual, other


def _chars_sql(s: str, n: str) -> str:
    """The row's bits from its text columns joined (``s``) and its numbers and dates as text (``n``): a
    letter's bit when ``s LIKE '%c%'`` (the search's own test, ASCII case folded), a digit's when either
    holds it (a digit is searched in numbers and dates too, a letter never)."""
    bits = []
    for c, bit in CHAR_BITS.items():
        if c.isdigit():
            bits.append(f"(CASE WHEN instr({s}, '{c}') > 0 OR instr({n}, '{c}') > 0 THEN {bit} ELSE 0 END)")
        else:
            bits.append(f"(CASE WHEN {s} LIKE '%{c}%' THEN {bit} ELSE 0 END)")
    return " | ".join(bits)


def _joined(columns: list[str], row: str, cast_: bool = False) -> str:
    if not columns:
        return "''"
    cells = (f"CAST({row}\"{c}\" AS TEXT)" if cast_ else f'{row}"{c}"' for c in columns)
    return " || char(1) || ".join(f"coalesce({cell}, '')" for cell in cells)


_CHAR_KEYS = {**CHAR_BITS, **{c.upper(): bit for c, bit in CHAR_BITS.items() if c.isalpha()}}
_LETTERS_AND_DIGITS = frozenset(_CHAR_KEYS)
_DIGITS = frozenset(string.digits)


def chars_of(texts: str | None, numbers: str | None) -> int:
    """The same bits as ``_chars_sql``, in Python, for the build (one call a row; the triggers, which
    any program writing the file runs, use the SQL)."""
    found = 0
    for c in _LETTERS_AND_DIGITS.intersection(texts or ""):
        found |= _CHAR_KEYS[c]
    for c in _DIGITS.intersection(numbers or ""):
        found |= _CHAR_KEYS[c]
    return found


def _create_chars(conn: Connection, reg: Register) -> None:
    """The one-character summary beside the index: ``<index>_chars(id, chars)``, a row per record, kept by
    its own triggers (an insert, a delete, an update of a searched column or of the id)."""
    table, name = _table(reg), index_name(reg) + CHARS
    textual, other = _text_and_other_columns(reg)
    _drop_chars(conn, index_name(reg))
    conn.execute(text(f'CREATE TABLE "{name}" (id INTEGER PRIMARY KEY, chars INTEGER NOT NULL)'))
    raw: Any = conn.connection.dbapi_connection
    raw.create_function("pmo_search_chars", 2, chars_of, deterministic=True)
    conn.execute(text(f'INSERT INTO "{name}"(id, chars) SELECT id, pmo_search_chars({_joined(textual, "")}, '
                      f'{_joined(other, "", cast_=True)}) FROM "{table}"'))
    mask = _chars_sql("s", "n")
    add = (f'INSERT OR REPLACE INTO "{name}"(id, chars) SELECT new.id, {mask} FROM '
           f'(SELECT {_joined(textual, "new.")} AS s, {_joined(other, "new.", cast_=True)} AS n);')
    remove = f'DELETE FROM "{name}" WHERE id = old.id;'
    listed = ", ".join(f'"{c}"' for c in ["id", *textual, *other])
    conn.execute(text(f'CREATE TRIGGER "{name}_insert" AFTER INSERT ON "{table}" BEGIN {add} END'))
    conn.execute(text(f'CREATE TRIGGER "{name}_delete" AFTER DELETE ON "{table}" BEGIN {remove} END'))
    conn.execute(text(f'CREATE TRIGGER "{name}_update" AFTER UPDATE OF {listed} ON "{table}" '
                      f"BEGIN {remove} {add} END"))


def _drop_chars(conn: Connection, name: str) -> None:
    if not _is_sqlite(conn):  # its function, and with it its triggers
        conn.execute(text(f'DROP FUNCTION IF EXISTS "{name}{CHARS}_keep"() CASCADE'))
        conn.execute(text(f'DROP TABLE IF EXISTS "{name}{CHARS}"'))
        return
    for t in TRIGGERS:
        conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}{CHARS}_{t}"'))
    conn.execute(text(f'DROP TABLE IF EXISTS "{name}{CHARS}"'))


def has_chars(session: Session, reg: Register) -> bool:
    """Whether the register has its one-character summary, with its triggers (on PostgreSQL its trigger,
    and its table's comment naming the columns it summarises now)."""
    conn = session.connection()
    if not _is_sqlite(conn):
        return reg.parent is None and _pg_has_chars(conn, reg)
    name = index_name(reg) + CHARS
    found = {row[0] for row in conn.execute(
        text("SELECT name FROM sqlite_master WHERE name = :n OR tbl_name = :t AND type = 'trigger'"),
        {"n": name, "t": _table(reg)})}
    return name in found and all(f"{name}_{t}" in found for t in TRIGGERS)


def chars_table(reg: Register) -> Any:
    """The one-character summary as a table to join (call when ``usable`` for one character)."""
    return table(index_name(reg) + CHARS, column("id", Integer), column("chars", Integer))


def holds_char(summary: Any, char: str) -> Any:
    """The summary's row says its record's searched columns hold ``char`` (an ASCII letter or digit):
    exactly the rows LIKE finds it in, one AND a row."""
    return summary.c.chars.op("&")(literal_column(str(CHAR_BITS[char.lower()]))) != 0


def _drop(conn: Connection, name: str) -> None:
    _drop_chars(conn, name)
    for t in TRIGGERS:
        conn.execute(text(f'DROP TRIGGER IF EXISTS "{name}_{t}"'))
    conn.execute(text(f'DROP TABLE IF EXISTS "{name}{TERMS}"'))
    conn.execute(text(f'DROP TABLE IF EXISTS "{name}"'))
    conn.execute(text(f'DROP VIEW IF EXISTS "{name}{CONTENT}"'))


def drop_all(conn: Connection) -> None:
    """Remove every search index (before a migration; they are rebuilt on demand)."""
    if not _is_sqlite(conn):
        return
    names = [row[0] for row in conn.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' "
        "AND name LIKE :pattern"), {"pattern": f"%{SUFFIX}"})]
    for name in names:
        _drop(conn, name)


@functools.cache
def trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 and later, FTS5 compiled in)."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.Error:
        return False
    finally:
        con.close()


def drop_if_unusable(conn: Connection) -> None:
    """A file indexed where SQLite has the trigram tokenizer, opened where it has not: the triggers would
    refuse every edit of the register there, so the indexes go (searches read every row; a newer
    SQLite builds them again)."""
    if _is_sqlite(conn) and not trigram_available():
        drop_all(conn)


def follow_writes(session: Session, registers: Iterable[Register]) -> None:
    """After a write that added many records (an import, a large paste): build the index of a register
    it took over the threshold, in the same transaction, so its first search is quick; and the sort
    indexes built ahead of a first sort (``sort_index.ensure_ahead``: the next review's)."""
    from . import sort_index

    for reg in registers:
        ensure(session, reg)
        sort_index.ensure_ahead(session, reg)


def _trigrams(text_: str) -> list[str]:
    return list(dict.fromkeys(text_[i:i + 3] for i in range(len(text_) - 2)))


def _fts_query(text_: str) -> str:
    """Every trigram of the text, each a quoted string (quotes doubled), all required."""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in _trigrams(text_))


def holds(conn: Connection, f: Field) -> bool:
    """Whether this database's search index holds the field's column (on PostgreSQL: text only)."""
    return is_indexed(f) and (_is_sqlite(conn) or f.kind.textual)


def usable(session: Session, reg: Register, text_: str) -> bool:
    """Whether the index can help a search for ``text_``: there is one, and the text has a trigram — or
    it has two characters (ASCII, as the index folds them) and the index marks the cells' ends (SQLite;
    an index built before did not)."""
    if len(text_) == 1:  # an ASCII letter or digit: the one-character summary (SQLite)
        return text_.isascii() and text_.lower() in CHAR_BITS and has_chars(session, reg)
    if len(text_) == 2 and _is_sqlite(session.connection()):
        if not text_.isascii():  # the index folds other letters as Unicode does ("µ" is "μ" there): LIKE alone
            return False
        return has_index(session, reg) and _marks_ends(session.connection(), reg)
    return len(text_) >= MIN_CHARS and has_index(session, reg)


def _marks_ends(conn: Connection, reg: Register) -> bool:
    """The index was built from the view of marked cells (not by a version before the marks, even one that
    left a vocabulary table behind) and has its vocabulary table."""
    name = index_name(reg)
    made: dict[str, str] = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE name IN (:n, :t)"),
                             {"n": name, "t": name + TERMS}).all())
    return name + TERMS in made and f'content="{name}{CONTENT}"' in (made.get(name) or "")


def _pair_query(session: Session, reg: Register, text_: str) -> str | None:
    """The FTS5 query for a text of two characters: any of the index's trigrams that begin with it (every
    2-character piece of a cell begins one, the cell's end mark after its last two), read from its terms
    as a range; None when there is none. Like the trigram query, a superset that LIKE then checks."""
    last = ord(text_[-1])
    upper = text_[:-1] + chr(last + 1) if last < 0x10FFFF else None
    sql = f'SELECT term FROM "{index_name(reg)}{TERMS}" WHERE term >= :lo' + (" AND term < :hi" if upper else "")
    terms = session.connection().execute(text(sql), {"lo": text_, "hi": upper}).scalars().all()
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms) if terms else None


def prefilter(session: Session, reg: Register, text_: str, alone: bool = True) -> Any:
    """A condition on the register's rows that every row whose indexed columns contain ``text_``
    (lower case) passes, read through the index (call when ``usable``). ``alone``: no other term of
    the search joins it by OR (PostgreSQL then reads the index for the table's rows directly; with
    other terms, which read every row anyway, the rows it names as ids, a hash look-up per row)."""
    E: Any = reg.entity
    if _is_sqlite(session.connection()):
        name = index_name(reg)
        query = _fts_query(text_) if len(text_) >= MIN_CHARS else _pair_query(session, reg, text_)
        if query is None:
            return false()
        matched: Any = select(literal_column("rowid")).select_from(text(f'"{name}"')).where(
            text(f'"{name}" MATCH :search_query').bindparams(search_query=query))
        return E.id.in_(matched)
    escape = any(c in text_ for c in "%_/")
    like = "contains" if case_free(text_) else "icontains"  # the GIN index reads LIKE as it reads ILIKE
    if alone:
        return getattr(_pg_expression(reg, _table(reg)), like)(text_, autoescape=escape)
    rows: Any = aliased(E, name=PG_ROWS)
    return E.id.in_(select(rows.id).where(getattr(_pg_expression(reg, PG_ROWS), like)(text_, autoescape=escape)))


def case_free(text_: str) -> bool:
    """Whether ``text_`` has no letter, all ASCII ("7", "2025-06", "100%"): then PostgreSQL's LIKE finds
    exactly the rows its ILIKE finds. ILIKE lowers the row's text and the pattern with ``lower()`` and
    compares; lowering changes letters only, and no letter lowers to an ASCII character that is not a
    letter (a case mapping gives letters, and combining marks that are not ASCII), so an ASCII digit, space
    or punctuation mark stands where it stood and the pattern finds the same places. LIKE spares the
    ``lower()`` of every cell: among 1,000,000 risks "7" over every row 0.55 → 0.27 s of the server's
    time (``windows._contains``)."""
    return text_.isascii() and not any(c.isalpha() for c in text_)


def can_show(f: Field, text_: str, ctx: Context) -> bool:
    """Whether a computed column can show ``text_`` at all (``ComputedSql.can_show``; unknown: yes)."""
    hook = getattr(f.sql, "can_show", None)
    return True if hook is None else bool(hook(text_, ctx))


# ---------------------------------------------------------------------------------------- PostgreSQL
PG_SUFFIX = "_search_trgm"
PG_ROWS = "search_rows"  # the register's table as the prefilter's subquery names it
PG_OLD, PG_NEW = "old_rows", "new_rows"  # the summary's triggers' transition tables
_pg_unavailable_logged: set[str] = set()


def _pg_columns(reg: Register) -> list[str]:
    mapper: Any = reg.entity.__mapper__
    return [mapper.attrs[f.attr].columns[0].name for f in reg.fields if is_indexed(f) and f.kind.textual]


def _pg_expression(reg: Register, table: str) -> Any:
    """The text columns joined by a control character (no match spans two cells by chance of a space):
    the expression the GIN index holds; the same text as the index's definition (``_pg_sql``)."""
    return literal_column(_pg_sql(reg, table))


def _pg_sql(reg: Register, table: str) -> str:
    return "(" + " || chr(1) || ".join(f'coalesce("{table}"."{c}", \'\')' for c in _pg_columns(reg)) + ")"


def _pg_has_index(conn: Connection, reg: Register) -> bool:
    """The index exists and its comment names the columns the register declares now."""
    row = conn.execute(text("SELECT obj_description(c.oid, 'pg_class') FROM pg_class c "
                            "WHERE c.relname = :n AND c.relkind = 'i'"), {"n": _table(reg) + PG_SUFFIX}).first()
    return row is not None and row[0] == ",".join(_pg_columns(reg))


def _pg_create(conn: Connection, reg: Register) -> bool:
    """The extension (when missing and allowed) and the index, each in a savepoint so a refusal leaves
    the caller's transaction usable; False with a log line when either cannot be made."""
    name = _table(reg) + PG_SUFFIX
    if not _pg_has_chars(conn, reg):  # no extension needed for it
        _pg_create_chars(conn, reg)
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as e:  # noqa: BLE001 — no right to, or not installed: ILIKE alone
        if reg.name not in _pg_unavailable_logged:
            _pg_unavailable_logged.add(reg.name)
            log.warning("No trigram index for %s on PostgreSQL (pg_trgm unavailable: %s); searches use ILIKE "
                        "over every row", reg.name, str(e).splitlines()[0])
        return False
    try:
        with conn.begin_nested():
            conn.execute(text(f'DROP INDEX IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE INDEX "{name}" ON "{_table(reg)}" USING gin ({_pg_sql(reg, _table(reg))} gin_trgm_ops)'))
            conn.execute(text(f"COMMENT ON INDEX \"{name}\" IS '{','.join(_pg_columns(reg))}'"))
    except Exception as e:  # noqa: BLE001
        log.warning("No trigram index for %s on PostgreSQL: %s", reg.name, str(e).splitlines()[0])
        return False
    return True


def _pg_chars_sql(lowered: str) -> str:
    """The row's bits from its text columns joined and lowered once (``lowered``): a letter's or a digit's
    bit when ``strpos`` finds it there — exactly what the search's ``ILIKE '%c%'`` finds, which lowers the
    text and the pattern with the same ``lower()`` and compares (PostgreSQL's like.c, any encoding but a
    single-byte one with the libc provider, where it folds each byte with the same tolower). Numbers and
    dates are not in it: on PostgreSQL they stay terms of their own, as the trigram index leaves them."""
    return " | ".join(f"(CASE WHEN strpos({lowered}, '{c}') > 0 THEN {bit}::bigint ELSE 0 END)"
                      for c, bit in CHAR_BITS.items())


def _pg_has_chars(conn: Connection, reg: Register) -> bool:
    """The summary's table and trigger exist, and its comment names the columns the register declares now."""
    name = index_name(reg) + CHARS
    row = conn.execute(text("SELECT obj_description(c.oid, 'pg_class'), (SELECT count(*) FROM pg_trigger t "
                            "WHERE t.tgrelid = CAST(:t AS regclass) AND t.tgname IN :triggers) FROM pg_class c "
                            "WHERE c.relname = :n AND c.relkind = 'r'").bindparams(bindparam("triggers", expanding=True)),
                       {"n": name, "t": _table(reg), "triggers": [f"{name}_{t}" for t in TRIGGERS]}).first()
    return row is not None and row[0] == ",".join(_pg_columns(reg)) and row[1] == len(TRIGGERS)


def _pg_create_chars(conn: Connection, reg: Register) -> None:
    """The one-character summary on PostgreSQL, as on SQLite (``<index>_chars(id, chars)``) but of the text
    columns alone (those the trigram index holds: the search reads numbers and dates by terms of their
    own there), built by one INSERT … SELECT and kept by a row trigger (PL/pgSQL), so another program's
    writes keep it too. A search of one ASCII letter or digit then reads this small table instead of
    ILIKE over every row, which ``pg_trgm`` cannot spare (a trigram needs three characters)."""
    table, name, cols = _table(reg), index_name(reg) + CHARS, _pg_columns(reg)
    if not cols:
        return
    try:
        _pg_build_chars(conn, reg, table, name, cols)
    except Exception as e:  # noqa: BLE001 — no right to create a table here: one character by ILIKE, as before
        if reg.name + CHARS not in _pg_unavailable_logged:
            _pg_unavailable_logged.add(reg.name + CHARS)
            log.warning("No one-character summary for %s on PostgreSQL: %s", reg.name, str(e).splitlines()[0])


def _pg_build_chars(conn: Connection, reg: Register, table: str, name: str, cols: list[str]) -> None:
    with conn.begin_nested():
        _drop_chars(conn, index_name(reg))
        conn.execute(text(f'CREATE TABLE "{name}" (id integer PRIMARY KEY, chars bigint NOT NULL)'))
        # OFFSET 0 keeps the lowered text a column of its own: without it the planner pulls the subquery up
        # and writes the joined, lowered text into each of the 36 tests — 36 times the work (100,000 risks:
        # 1.3–2.9 s → 0.34 s), in the build and in every statement the trigger below summarises.
        conn.execute(text(f'INSERT INTO "{name}"(id, chars) SELECT id, {_pg_chars_sql("s")} FROM '
                          f'(SELECT id, lower({_pg_sql(reg, table)}) AS s FROM "{table}" OFFSET 0) AS rows'))
        # One statement's rows at a time (transition tables), not a function call a row: a row trigger made
        # an insert or an update of 10,000 risks 5× as long (1 → 5 s); its bits as the build's.
        conn.execute(text(f"""CREATE FUNCTION "{name}_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM "{name}" WHERE id IN (SELECT id FROM {PG_OLD});
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO "{name}"(id, chars) SELECT id, {_pg_chars_sql("s")} FROM
                        (SELECT id, lower({_pg_sql(reg, PG_NEW)}) AS s FROM {PG_NEW} OFFSET 0) AS rows;
                END IF;
                RETURN NULL;
            END $$"""))
        # An update trigger with transition tables cannot name its columns: every update's rows (a version
        # bump too) are summarised again, in one statement.
        for event, tables in (("insert", f"NEW TABLE AS {PG_NEW}"), ("delete", f"OLD TABLE AS {PG_OLD}"),
                              ("update", f"OLD TABLE AS {PG_OLD} NEW TABLE AS {PG_NEW}")):
            conn.execute(text(f'CREATE TRIGGER "{name}_{event}" AFTER {event.upper()} ON "{table}" REFERENCING '
                              f'{tables} FOR EACH STATEMENT EXECUTE FUNCTION "{name}_keep"()'))
        conn.execute(text(f"COMMENT ON TABLE \"{name}\" IS '{','.join(cols)}'"))
        conn.execute(text(f'ANALYZE "{name}"'))
