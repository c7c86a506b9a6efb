"""The program office file: create, open (with checks and migration), transactions, save a copy.

A store is one database: a SQLite file by default, or any SQLAlchemy URL (a shared PostgreSQL
server). Every edit runs in its own short transaction, so there is never unsaved work to lose.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import time
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import URL, Connection, Engine, create_engine, event, exc, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc
from sqlalchemy.pool import QueuePool

from . import (  # noqa: F401  (register every table on Base.metadata)
    benefits,
    db_url,
    disk,
    errors,
    held_files,
    history_tables,
    links,
    operations,
    raid,
    risks,
    stakeholders,
    status,
)
from .base import Base
from .hot_journal import is_hot, is_hot_journal_error, read_rolled_back, who_keeps_it
from .program import Program, Setting
from .read_only import read_only_uri, uri_path, why_not_replaceable, why_read_only
from .schema import FORMAT_NAME, SCHEMA_VERSION, meta_metadata, migrate, read_meta, write_meta
from .stale_wal import Verdict, in_use_elsewhere, set_aside, set_aside_message, stamp
from .stale_wal import ignored_message as wal_ignored_message
from .stale_wal import verdict as wal_verdict
from .text_dates import read_days_past_any_calendar_as_none, read_text_days_as_none

SQLITE_MAGIC = b"SQLite format 3\x00"
_UMASK = os.umask(0)
os.umask(_UMASK)


def _as_target(target: str | os.PathLike[str] | URL) -> str | URL:
    return target if isinstance(target, URL) else os.fspath(target)


def _sqlite_file_of(target: str | URL) -> str | URL:
    """``sqlite:///office.pmo`` is the file office.pmo: checked like one, so opening never creates it."""
    if db_url.is_url(target):
        url = db_url.parsed(target)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return url.database
    return target


BUSY_TIMEOUT_MS = 5000  # how long a write waits for the file another program (or window) is writing to


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """Settings of each connection; none of them writes to the file. The journal mode (WAL), which
    does, is set by ``Store.open``/``create`` once the file is known to be a program office."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # two windows on one file wait for each other briefly
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed transaction
    # A sort of a large register (a windowed table's ORDER BY over a million rows) keeps its runs in
    # memory instead of temporary files: a third less time, some tens of MiB while it runs.
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()
    # We issue BEGIN ourselves (_sqlite_begin): the sqlite3 module's own implicit transactions start
    # only at the first write, so reads before it would not be part of the transaction.
    dbapi_conn.isolation_level = None


# Why WAL with a checkpoint after every transaction (and not a rollback journal): a plain copy of the
# .pmo must hold every committed edit, so committed pages may not stay in the -wal file. A rollback
# journal (DELETE/TRUNCATE) would write them to the file at commit too, but there readers block
# writers: during an export or board pack (Store.snapshot, one read transaction for seconds) every edit
# in another window would wait, and fail as "busy" once the export outlasts the 5 s busy timeout; a
# window refreshing would hold up the other's commit too (tests/test_concurrent_bulk.py relies on both
# going on at once).
# WAL keeps readers and writers apart, and a PASSIVE checkpoint when a connection goes back to the pool
# (every transaction ends with that: an edit, a refresh, an export) copies the committed pages into the
# file without waiting for anyone. When a reader still needs the old pages (another window mid-refresh,
# an export), the checkpoint stops short, and the reader's own checkpoint, when its transaction ends,
# completes it. Cost (benchmarks/bench_durability.py, against no checkpoint in the same run): 2-12 ms
# per edit instead of 0.6 ms (two fsyncs, so it depends on the disk), nothing measurable per refresh
# (no work to do) or per import (one checkpoint for the whole transaction).
# What remains: a crash in the instant between a commit and the end of its checkpoint leaves that last edit
# in the -wal file (never lost: the next open folds it in); a copy of the file alone taken during that
# instant misses it, and one taken after a crash inside the checkpoint is torn between two states (refused
# as damaged: FULL_CHECK_BYTES).
def _checkpoint(dbapi_conn: Any, _record: Any) -> None:
    if dbapi_conn is None or dbapi_conn.in_transaction:
        return
    try:
        dbapi_conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    except sqlite3.Error:  # busy or failing disk: the pages stay in the WAL, which is just as safe
        pass


WRITE = "pmo_write"  # execution option: this connection's transaction will write
# PostgreSQL: how long a write waits for a lock another transaction holds (a row another user is saving, or
# has left changed in a transaction not yet ended), then gives up as busy — as SQLite's busy timeout does.
# PostgreSQL's own default is for ever: a client left idle in a transaction held an edit of the same row, and
# the window with it, until that transaction ended.
LOCK_WAIT_MS = 5000


# Execution option: called while a write waits for the file's write lock another program holds — with the
# seconds it may still wait, every ``WAIT_STEP_MS``, then with None once the wait is over (``Store.while_waiting``).
WHILE_WAITING = "pmo_while_waiting"
WAIT_STEP_MS = 200


def _sqlite_begin(conn: Any) -> None:
    """Writes take the file's write lock up front (BEGIN IMMEDIATE), so two windows or two programs
    on one file queue for it (busy_timeout) instead of failing half-way: a read-check-write such as
    the version check of an edit can then never interleave with another writer. Reads (BEGIN) see one
    consistent snapshot of the file for the whole transaction (WAL)."""
    options = conn.get_execution_options()
    if options.get(WRITE):
        waiting = options.get(WHILE_WAITING)
        if waiting is None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            _begin_write_saying_so(conn, waiting)
        conn.info[_CHANGES_AT_BEGIN] = conn.connection.driver_connection.total_changes
    else:
        conn.exec_driver_sql("BEGIN")


def _begin_write_saying_so(conn: Any, waiting: Callable[[float | None], None]) -> None:
    """BEGIN IMMEDIATE, waiting ``BUSY_TIMEOUT_MS`` in all for a write lock another program holds as SQLite's
    busy timeout does — but in steps, ``waiting`` told between them, so a window can say what it waits for and
    paint meanwhile: one wait of 5 s inside SQLite froze it without a word. The last step is SQLite's own
    BEGIN, whose refusal (the file still busy) is the same error as ever."""
    raw = conn.connection.driver_connection
    start = time.monotonic()
    waited = False
    try:
        while True:
            left_ms = BUSY_TIMEOUT_MS - (time.monotonic() - start) * 1000
            if left_ms <= WAIT_STEP_MS:
                raw.execute(f"PRAGMA busy_timeout={max(0, int(left_ms))}")
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                return
            raw.execute(f"PRAGMA busy_timeout={WAIT_STEP_MS}")
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if not _is_busy(e):  # not a wait: SQLite's own BEGIN says what it is, as ever
                    raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    return
            waited = True
            waiting(BUSY_TIMEOUT_MS / 1000 - (time.monotonic() - start))
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if waited:
            waiting(None)


def _is_busy(e: Exception) -> bool:
    text = str(e).lower()
    return "locked" in text or "busy" in text


_CHANGES_AT_BEGIN = "pmo_total_changes"


def _sqlite_commit(conn: Any) -> None:
    """A write transaction that changed rows also stamps the file's first page as it commits, so that the
    -wal it may leave in a crash is told from another file's at the next open (``stale_wal``). One that
    changed nothing writes nothing, as before: no commit for other windows to refresh for. It is refused
    before it commits when the office file has no room to take it (``_room_for_the_commit``)."""
    if not conn.get_execution_options().get(WRITE):
        return
    driver = conn.connection.driver_connection
    if driver.total_changes == conn.info.get(_CHANGES_AT_BEGIN):
        return
    try:
        stamp(driver)
        file = conn.connection.info.get(_OFFICE_FILE)
        if file is not None:
            _room_for_the_commit(driver, file)
    except sqlite3.Error as e:  # said as any failed commit is: a full disk, a read-only file
        raise exc.DBAPIError.instance("PRAGMA user_version", None, e, sqlite3.Error) from e


_OFFICE_FILE = "pmo_office_file"  # in each connection's info: the file it opened (``_engine_for``)


def _room_for_the_commit(driver: sqlite3.Connection, file: Path) -> None:
    """Refuse (``sqlite3.OperationalError``, the OSError of the cause chained) a transaction whose pages the
    office file cannot grow to hold: on a full disk, or past the account's file-size limit (``ulimit -f``).
    Its commit goes into the -wal, which often has room (the space earlier commits used, reused), and then its
    checkpoint fails part-way: the change was said saved, but the .pmo alone — what a copy, a backup or a move
    to a roomier disk takes — was left torn, refused as damaged ("malformed"), until its -wal was replayed into
    it. Refused here, nothing is committed and the change is kept to retry (as any the full disk refuses)."""
    page_size = driver.execute("PRAGMA page_size").fetchone()[0]
    pages = driver.execute("PRAGMA page_count").fetchone()[0]  # with this transaction's new pages
    refusal = disk.room_to_grow(file, page_size * pages)
    if refusal is not None:
        error = sqlite3.OperationalError("no room to write the change into the office file")
        error.__cause__ = refusal  # what ``disk.failure_cause`` says: the disk full, the size limit met
        raise error


def _check_sqlite_file(path: Path, ignore_wal: bool = False) -> str | None:
    """Refuse files that are not program offices of a version we read, before anything writes to them:
    every refusal leaves the file byte-for-byte as it was, with no side file created beside it.
    Returns why the file cannot be written here (``read_only.why_read_only``), None when it can.
    ``ignore_wal``: the -wal beside it is another file's (``stale_wal``): the file is read alone."""
    if not path.exists():
        raise errors.FileNotFound(f"The file “{path}” does not exist.")
    if path.is_dir():
        raise errors.NotAProgramOfficeFile(f"“{path}” is a folder, not a program office file.")
    if not path.is_file():  # a named pipe would block the open below until someone writes to it: forever
        raise errors.NotAProgramOfficeFile(f"“{path}” is not a file (a pipe or a device), not a program office file.")
    try:
        header = held_files.read(path, 100)  # never a descriptor closed: SQLite's locks on it stay (held_files)
    except PermissionError as e:
        raise errors.ReadOnlyFile(f"You do not have permission to read “{path}”.") from e
    except OSError as e:
        raise errors.StoreError(disk.describe_failure(f"“{path.name}” could not be read", e, path.parent)) from e
    if header[:16] != SQLITE_MAGIC:
        workbook = any(header.startswith(magic) for magic, _ in _SPREADSHEET_KINDS)
        raise (errors.WorkbookGivenAsOffice if workbook else errors.NotAProgramOfficeFile)(
            _not_a_database(path.name, header))
    cut = _cut_short(path, header)
    if cut is not None:
        raise errors.CorruptFile(cut)
    # A -wal file without its -shm is what a crash leaves: reading through it makes SQLite create the
    # -shm, which is removed again when the file is refused (nobody else can be using it: an open WAL
    # database always has its -shm).
    shm = Path(f"{path}-shm")
    made_shm = not ignore_wal and not shm.exists() and Path(f"{path}-wal").exists()
    try:
        meta = _read_meta_read_only(path, ignore_wal)
        if meta is None or meta.get("format") != FORMAT_NAME:
            raise errors.NotAProgramOfficeFile(
                f"“{path.name}” is a database, but not a PMO Desktop program office file."
            )
        version = _check_version(meta)
    except errors.StoreError:
        if made_shm:
            shm.unlink(missing_ok=True)
        raise
    why = why_read_only(path)
    keeper = who_keeps_it(path) if why is None and is_hot(path) else None
    if keeper is not None:
        raise errors.ReadOnlyFile(
            f"“{path.name}” was left half-written by a program of {keeper}'s that stopped while saving it (its "
            f"“{path.name}-journal” is beside it). Undoing that unfinished change removes that file, and in this "
            f"shared folder only {keeper} (or the folder's owner) may remove it; nothing was changed. Ask {keeper} "
            "to open the office once, which undoes the change, or copy both files somewhere of your own, then open "
            "the copy."
        )
    if why is not None and is_hot(path):
        raise errors.ReadOnlyFile(
            f"“{path.name}” was left half-written by a program that stopped while saving it (its "
            f"“{path.name}-journal” is beside it), and undoing that unfinished change must write to it, but "
            f"{why}. Copy both files somewhere you can write, then open the copy."
        )
    if why is not None and version < SCHEMA_VERSION:
        raise errors.ReadOnlyFile(
            f"“{path.name}” was written by an older PMO Desktop and must be brought up to date to be "
            f"opened, but {why}. Copy it somewhere you can write, then open the copy."
        )
    return why


# What a file that is no database holds, told by its first bytes: a workbook given the office's name (renamed, or
# saved over it by a spreadsheet program) or an empty file was refused as "not a database at all", which says
# neither what it is nor where a workbook goes in.
_SPREADSHEET_KINDS = ((b"PK\x03\x04", "a zip file, as an Excel workbook (.xlsx) or an OpenDocument spreadsheet is"),
                      (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file, as an Excel 97–2003 workbook (.xls) is"))


def _not_a_database(name: str, header: bytes) -> str:
    if not header:
        return (f"“{name}” is empty (0 bytes), not a PMO Desktop program office file: a copy or a download that never "
                "began, or a file another program made under that name. Open a backup copy instead.")
    for magic, kind in _SPREADSHEET_KINDS:
        if header.startswith(magic):
            return (f"“{name}” is not a PMO Desktop program office file: it is {kind}. A workbook's registers are "
                    "imported into an office, not opened as one.")
    return f"“{name}” is not a PMO Desktop program office file (it is not a database at all)."


def _cut_short(path: Path, header: bytes) -> str | None:
    """Why ``path`` is a database cut short — shorter than the pages its own header counts (a copy, a download or
    a transfer that did not finish; a disk that filled up as it was copied) — or None. Said so, not as SQLite's
    "database disk image is malformed", which tells the user neither why nor what to do. The header's count is
    only trusted when SQLite marks it valid (bytes 92–95 equal to the change counter, bytes 24–27); a file never
    holds fewer pages than it counts once no -wal or -journal is beside it: a crash inside a checkpoint or a
    commit can leave the first page (and its count) written before the pages it counts, which the -wal or the
    -journal then completes or undoes as the file opens."""
    if len(header) < 100 or header[92:96] != header[24:28]:
        return None
    if any(Path(f"{path}{side}").exists() for side in ("-wal", "-journal")):
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    expected = page_size * int.from_bytes(header[28:32], "big")
    size = _size(path)
    if size >= expected:
        return None
    return (f"“{path.name}” is cut short: it holds {size:,} bytes of the {expected:,} it was written with — a copy, a "
            "download or a transfer that did not finish, or a disk that filled up as it was copied. Copy it again "
            "from where it came, or open a backup copy instead.")


# How far an office is checked as it opens. SQLite's quick check reads every page but not whether each index
# holds exactly its table's rows; the full check does, and that is what a file torn part-way between two
# states fails: a plain copy of an office taken right after a crash inside a checkpoint (the instant the
# last commit's pages were being copied from the -wal into the file; the file with its -wal is whole, the
# file alone is not — tests/test_stale_wal.py). Opened unchecked, such a copy showed its records while an
# index missed some: searches and sorts that silently leave rows out, and edits that damage it further.
# Cost (100,000 risks, 21 MB): 123 ms of CPU against 52 ms for the quick check. Above 64 MB (some 300,000
# records, far past any office of people's registers) only the quick check runs, so a million-row office
# still opens well under 2 s.
FULL_CHECK_BYTES = 64 << 20
DAMAGED_ADVICE = ("Open a backup copy instead. (A copy taken while a program was writing the office can be so: "
                  "if this is one, open the original once, then copy it again.)")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_meta_read_only(path: Path, ignore_wal: bool = False) -> dict[str, str] | None:
    """The marker table of the file (None when it has none), read without writing; damage refused.
    A file a program left half-written with its -journal is read as it will be once that unfinished
    transaction is undone (``hot_journal``)."""

    check = "integrity_check" if _size(path) <= FULL_CHECK_BYTES else "quick_check"

    def read(uri: str) -> dict[str, str] | None:
        con = sqlite3.connect(uri, uri=True)
        try:
            ok = con.execute(f"PRAGMA {check}").fetchone()[0]
            if ok != "ok":
                raise errors.CorruptFile(f"“{path.name}” is damaged ({ok}). {DAMAGED_ADVICE}")
            has_meta = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='pmo_meta'"
            ).fetchone()
            if not has_meta:
                return None
            meta = dict(con.execute("SELECT key, value FROM pmo_meta").fetchall())
            if meta.get("format") == FORMAT_NAME and meta.get("schema_version") == str(SCHEMA_VERSION):
                missing = _missing_from_schema(con)
                if missing is not None:
                    raise errors.CorruptFile(f"“{path.name}” is damaged ({missing}). Open a backup copy instead.")
            return meta
        finally:
            con.close()

    try:
        try:
            return read(read_only_uri(path, ignore_wal))
        except sqlite3.DatabaseError as e:
            if not is_hot_journal_error(e):
                raise
        try:
            return read_rolled_back(path, read)
        except OSError as e:
            raise errors.StoreError(disk.describe_failure(
                f"“{path.name}” could not be checked (a program stopped while writing it, and undoing "
                "that needs a copy in the temporary folder)", e)) from e
    except UnicodeDecodeError as e:  # SQLite's own report of the damage names garbled text, so Python cannot read it
        raise errors.CorruptFile(f"“{path.name}” is damaged and cannot be read (its structure holds garbled text). "
                                 "Open a backup copy instead.") from e
    except sqlite3.DatabaseError as e:
        text = str(e).lower()
        if "locked" in text or "busy" in text:
            raise errors.FileLocked(f"“{path.name}” is locked by another program. Try again in a moment.") from e
        cause = disk.failure_cause(e, path.parent)
        if cause is not None and (cause != disk.IO_ERROR or "i/o" not in text):  # a full disk, a limit met
            raise errors.StoreError(f"“{path.name}” could not be opened: {cause}.") from e
        raise errors.CorruptFile(f"“{path.name}” is damaged and cannot be read ({e}).") from e


def _missing_from_schema(con: sqlite3.Connection) -> str | None:
    """What a file of this version lacks of the tables and columns it must have (another program dropped or
    renamed one), in words; None when it lacks nothing. Checked at open, with one read of the schema
    (0.4 ms): met later, a missing table let the office open and then failed one page, one export or one
    board pack at a time — a board pack's snapshot was said not kept "for lack of room", the snapshots
    and "changes" commands printed SQLite's own words. Tables and columns the file has beyond these (an
    index a sort built, a newer column) are no damage. An older file is checked by its migration."""
    return _schema_gaps(con.execute("SELECT m.name, p.name FROM sqlite_master AS m "
                                    "JOIN pragma_table_info(m.name) AS p WHERE m.type = 'table'"))


def _missing_from_server(conn: Connection) -> str | None:
    """``_missing_from_schema`` for an office on a PostgreSQL server: its schema's tables and columns, read
    once at open (one query of information_schema). A shared office with a table dropped by a colleague's
    tool opened and then failed one page, one export, one board pack at a time."""
    return _schema_gaps(conn.exec_driver_sql(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"))


def _schema_gaps(rows: Iterable[Any]) -> str | None:
    have: dict[str, set[str]] = {}
    for table, column in rows:
        have.setdefault(table, set()).add(column)
    gaps = []
    for name, table in Base.metadata.tables.items():
        if name not in have:
            gaps.append(f"its table “{name}” is missing")
        else:
            gaps += [f"the column “{c.name}” of its table “{name}” is missing"
                     for c in table.columns if c.name not in have[name]]
    if not gaps:
        return None
    return gaps[0] + (f", and {len(gaps) - 1} more" if len(gaps) > 1 else "")


def _backup_name(path: Path, version: int) -> Path:
    """Where an older office's copy is kept before it is brought up to date: ``NAME.pmo.vN.bak``, or where that
    name is taken, ``NAME.pmo.vN (2).bak`` and on. The name was written over: a backup an earlier migration kept
    (of the office before a copy of it was restored and worked on again) was lost without a word, and a folder or
    a read-only file of that name kept the office from opening at all ("… is a folder; give the copy a file
    name")."""
    backup, n = path.with_name(f"{path.name}.v{version}.bak"), 2
    while backup.exists() or backup.is_symlink():
        backup, n = path.with_name(f"{path.name}.v{version} ({n}).bak"), n + 1
    return backup


def _drop_backup(backup: Path | None) -> None:
    """The backup an open just made, of an office it then did not change (its migration failed, or another user's
    program migrated it meanwhile): the office is as the copy is, and each such open left one more copy, under a
    name of its own (``_backup_name``), on a disk that may be full."""
    if backup is not None:
        try:
            backup.unlink(missing_ok=True)
        except OSError:
            pass  # left as a copy of the office as it still is


def _check_version(meta: dict[str, str], server: str | None = None) -> int:
    """The office's schema version, which this program reads; ``server``: the office is that server's database, so
    a newer one says where, and that it was left as it was (someone has a newer PMO Desktop), not "file"."""
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError:
        version = 0
    if version > SCHEMA_VERSION and server is not None:
        raise errors.NewerFileVersion(
            f"The shared office on {server} was written by a newer PMO Desktop (office version {version}; this "
            f"program reads up to {SCHEMA_VERSION}), so it was not opened and nothing was changed. Update PMO "
            "Desktop on this computer to open it.")
    if version > SCHEMA_VERSION:
        raise errors.NewerFileVersion(
            f"This program office was written by a newer PMO Desktop (file version {version}, "
            f"this program reads up to {SCHEMA_VERSION}). Update PMO Desktop to open it."
        )
    if version < 1:
        raise errors.CorruptFile("The program office has no valid schema version.")
    return version


# SQLite keeps its own files beside an office, named after it: "NAME-journal" while a file is made, copied or
# checked, "NAME-wal" and "NAME-shm" while it is open. A disk takes names of up to 255 bytes, so an office named
# within 8 bytes of that could be written — `new` made it, Save a Copy As saved it — and then never opened, by
# anyone: "Could not use “…-journal”: File name too long", a name the user never chose. Such a name is refused
# before anything is written (``name_leaves_no_room``).
_LONGEST_SIDE_SUFFIX = "-journal"
LONGEST_OFFICE_NAME = disk.NAME_MAX - len(_LONGEST_SIDE_SUFFIX)


def name_leaves_no_room(path: Path) -> str | None:
    """Why an office named as ``path`` cannot be opened (its name leaves no room for SQLite's files beside it);
    None when the name is fine. What to do instead: ``SHORT_ENOUGH``."""
    size = len(os.fsencode(path.name))
    if size <= LONGEST_OFFICE_NAME:
        return None
    stem, dot, suffix = path.name.rpartition(".")
    shown = f"{stem[:40].rstrip()}…{dot}{suffix}" if stem else f"{path.name[:40]}…"
    return (f"the name “{shown}” is {size} bytes long, and SQLite keeps files beside a program office named after "
            f"it with up to {len(_LONGEST_SIDE_SUFFIX)} bytes more (“…{_LONGEST_SIDE_SUFFIX}”), longer than a file's "
            f"name can be ({disk.NAME_MAX} bytes)")


SHORT_ENOUGH = (f"a name of at most {LONGEST_OFFICE_NAME} bytes (a letter such as “e” is one byte, one such as "
                "“é” two)")


# The stores of this process not yet closed: a -wal one of them has open is never judged another file's
# (and its -shm is not even opened to look: closing a descriptor of it would drop SQLite's locks on it).
_open_here: weakref.WeakSet["Store"] = weakref.WeakSet()


def _is_open_here(path: Path) -> bool:
    return any(s.path == path and not s.closed for s in list(_open_here))


def _identity(path: Path) -> tuple[int, int] | None:
    st = _stat(path)
    return (st.st_dev, st.st_ino) if st is not None else None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _read_write_uri(path: Path) -> str:
    """``mode=rw``: a connection never creates the file. Without it, a connection made after the file
    was moved or deleted would make a new, empty office under the old name."""
    return f"file:{uri_path(path)}?mode=rw"


# What SQLite says when a file accepted at open turns out damaged where the open's check does not look: a
# text that is not UTF-8, a table or column renamed in its schema, a page found broken on reading.
_DAMAGE = ("could not decode", "no such column", "no such table", "malformed", "file is not a database",
           "database disk image")
GONE_REASON = "it was moved, renamed, deleted or replaced while open, or its disk was removed"
OVERWRITTEN_REASON = "another program cut it short or wrote another file over it while it was open"
# What an office file holds, in short: it changes with every change to its records and snapshots, and
# differs between two offices. Compared when a file was written with no SQLite writer behind it.
_SIGNATURE = ("SELECT (SELECT max(id) FROM record_history), (SELECT max(id) FROM board_snapshot), "
              "(SELECT value FROM setting WHERE key = 'office_id')")
_SHM_HEAD = 136  # the -shm's wal-index header, both copies, and its checkpoint info (nBackfill …)


def _claim_name(made: Path, wanted: Path) -> None:
    """Give the office made under a temporary name its own, unless someone took that name meanwhile."""
    try:
        os.link(made, wanted)  # fails when ``wanted`` exists: never replaces a file made meanwhile
    except FileExistsError as e:
        raise errors.StoreError(f"“{wanted}” already exists; choose another name.") from e
    except OSError:  # a disk without hard links (FAT, some shares): a rename, after one more look
        if wanted.exists():
            raise errors.StoreError(f"“{wanted}” already exists; choose another name.") from None
        try:
            os.rename(made, wanted)
        except OSError as e:
            raise errors.StoreError(disk.describe_failure("Could not create the program office", e,
                                                          wanted.parent)) from e
        return
    made.unlink(missing_ok=True)


def _open_failure(name: str, folder: Path | None, e: exc.DBAPIError | sqlite3.Error) -> errors.StoreError:
    orig = getattr(e, "orig", None) or e
    msg = str(orig).lower()
    if "locked" in msg or "busy" in msg:
        return errors.FileLocked(f"“{name}” is busy in another program. Try again in a moment.")
    cause = disk.failure_cause(e, folder) or _first_line(orig)
    return errors.StoreError(f"“{name}” could not be opened: {cause}.")


def is_serialization_failure(error: BaseException) -> bool:
    """PostgreSQL refused a write because the row changed after this transaction's snapshot."""
    return getattr(getattr(error, "orig", None), "sqlstate", None) == "40001"


def _first_line(error: BaseException | None) -> str:
    return (str(error).strip().splitlines() or [""])[0] if error is not None else ""


# Rows read and written at a time by Save a Copy As of an office on a server (``Store._copy_server_office_into``).
COPY_CHUNK = 5_000

class Store:
    """One open program office. Use ``Store.create`` or ``Store.open``; close when done."""

    def __init__(self, engine: Engine, path: Path | None, read_only_reason: str | None = None,
                 ignore_wal: bool = False):
        self.engine = engine
        self.path = path
        self._ignore_wal = ignore_wal  # read only, beside another file's -wal: every read reads the file alone
        # Why this office is open for viewing only (``read_only.why_read_only``); None: it is editable.
        self.read_only_reason = read_only_reason
        # Which file was opened (device, inode): a file moved, deleted or replaced under the open window
        # is noticed before the next edit (``still_there``), not written into a file nobody will see.
        self._identity = _identity(path) if path is not None else None
        # The largest size the file has had while open. SQLite never makes an office file shorter (no
        # VACUUM, no auto_vacuum: freed pages are kept for reuse), so a file found shorter was cut short
        # or copied over in place (same inode: ``cp`` of an older copy, a sync tool) by someone else.
        # Written on, its pages would mix with the other file's: an "ok" edit lost, a malformed file.
        st = _stat(path) if path is not None else None
        self._size_floor = st.st_size if st is not None else 0
        # The file as last seen — (mtime, size, the head of its -shm) — and what it held then
        # (``_SIGNATURE``). SQLite writes an office file only in a checkpoint, which first moves the
        # wal-index in the -shm. A file that changed while the -shm did not was written by someone else:
        # a copy put over it in place (same inode, same or larger size), unless what it holds is what it
        # held (a ``touch``). See ``still_there``.
        self._seen: tuple[int, int, bytes] | None = None
        self._signature: tuple[Any, ...] | None = None
        self.gone = False
        self.made_read_only = False  # gone in that it was made read-only while open (``still_there``)
        # Said once when the office is shown: a -wal another file left beside it was set aside or ignored.
        self.open_note: str | None = None
        # Made by this open: a server's empty database taken as a new shared office (``open(create_if_empty=True)``),
        # which the window and the command line say, so nobody takes it for an office that lost its records.
        self.made_on_open = False
        self._made_here: list[Path] = []  # side files a read-only open made, removed at close
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._poll: sqlite3.Connection | None = None  # the one connection that reads data_version
        # Closed (``close``): no connection is handed out any more, and one a worker thread still held is
        # closed when it comes back. ``_lent``: the connections handed out now, stopped at close.
        self.closed = False
        # Told while a write waits for the file another program is writing to (``_begin_write_saying_so``):
        # the seconds it may still wait, then None. None: the write waits without a word (the command line).
        self.while_waiting: Callable[[float | None], None] | None = None
        self._lent: set[Any] = set()
        self._lent_lock = threading.Lock()
        event.listen(engine, "checkout", self._lend)
        event.listen(engine, "checkin", self._take_back)
        if path is not None:
            _open_here.add(self)
            try:
                self._open_poll()
            except sqlite3.Error:
                pass  # data_version tries again
            held_files.hold(path, path)  # looks at the file from now on never drop SQLite's locks

    # ---------------------------------------------------------------- opening and creating
    @staticmethod
    def _read_only_engine(path: Path, ignore_wal: bool = False) -> Engine:
        """Connections that read ``path`` and write nothing, to it or beside it (``read_only_uri``)."""
        uri = read_only_uri(path, ignore_wal)
        engine = create_engine("sqlite://", poolclass=QueuePool,
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        read_text_days_as_none(engine)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine

    @staticmethod
    def _engine_for(target: str | os.PathLike[str] | URL) -> tuple[Engine, Path | None]:
        target = _as_target(target)
        if db_url.is_url(target):
            url = make_url(target)
            if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
                return Store._engine_for(url.database)
            engine = create_engine(url, pool_pre_ping=True, connect_args=db_url.server_connect_args(url))
            if url.get_backend_name() == "postgresql":
                read_days_past_any_calendar_as_none(engine)
            return engine, None
        path = Path(str(target)).expanduser().resolve()  # not a URL: a file name
        uri = _read_write_uri(path)
        engine = create_engine("sqlite://", poolclass=QueuePool,
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        read_text_days_as_none(engine)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "connect", lambda _dbapi_conn, record: record.info.__setitem__(_OFFICE_FILE, path))
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "commit", _sqlite_commit)
        event.listen(engine, "checkin", _checkpoint)
        return engine, path

    @classmethod
    def create(cls, target: str | os.PathLike[str] | URL, program_name: str = "New program",
               password_prompt: db_url.PasswordPrompt | None = None,
               fill: Callable[["Store"], None] | None = None) -> "Store":
        """Create a new program office, empty or as ``fill(store)`` makes it (the demo). A file that
        already exists is refused, never overwritten.

        A file is made under a temporary name beside it (``.pmo-copy-<writer>-XXXXXXXX``) and takes its
        name only once whole: killed while it is made (the demo office of a first start, ``new --demo``),
        nothing half-made carries the name — which would then be refused as no office at every start,
        or opened as a demo with half its records — and the next open in that folder removes the rest."""
        target = _as_target(target)
        if db_url.is_url(target):
            target = db_url.resolve_password(target, password_prompt)
            store = cls._create(target, program_name)
            if fill is not None:
                try:
                    fill(store)
                except BaseException:
                    store.close()
                    raise
            return store
        wanted = Path(str(target)).expanduser().resolve()
        no_room = name_leaves_no_room(wanted)
        if no_room is not None:
            raise errors.StoreError(f"The program office was not created: {no_room}. Choose {SHORT_ENOUGH}. "
                                    "Nothing was written.")
        if wanted.exists():
            raise errors.StoreError(f"“{wanted}” already exists; choose another name.")
        if not wanted.parent.exists():
            raise errors.FileNotFound(f"The folder “{wanted.parent}” does not exist.")
        # A folder made read-only is refused for an administrator too, as a copy's or an export's is: root could
        # write the file, and the office then opened read only (its folder read-only), a banner on a new office.
        protected = why_not_replaceable(wanted)
        if protected is not None:
            raise errors.ReadOnlyFile(f"The program office was not created: “{wanted.name}” cannot be written there "
                                      f"({protected}). Choose another folder.")
        disk.remove_stale(wanted.parent)
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".pmo-copy-{disk.writer_tag()}-", dir=wanted.parent)
        except OSError as e:
            raise errors.StoreError(disk.describe_failure("Could not create the program office", e,
                                                          wanted.parent)) from e
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp's is private (0600): the mode a saved file would have
            store = cls._create(tmp, program_name)
            try:
                if fill is not None:
                    fill(store)
            finally:
                store.close()  # checkpointed: the whole office is in the one file, no -wal or -shm
            _claim_name(tmp, wanted)
        except BaseException:
            for side in ("", "-journal", "-wal", "-shm"):
                Path(f"{tmp}{side}").unlink(missing_ok=True)
            raise
        return cls.open(wanted)

    @classmethod
    def _create(cls, target: str | Path | URL, program_name: str) -> "Store":
        engine, path = cls._engine_for(target)
        store: Store | None = None
        try:
            if path is not None:  # the one place a file is made: every connection after it opens it "rw"
                sqlite3.connect(path).close()
            with engine.begin() as conn:
                meta = read_meta(conn)
                if meta is not None:
                    raise errors.StoreError("That database already holds a program office; open it instead.")
                meta_metadata.create_all(conn)
                Base.metadata.create_all(conn)
                write_meta(conn)
            store = cls(engine, path)
            store._use_wal()
            with store.transaction() as s:
                s.add(Program(name=program_name))
        except BaseException as e:
            if store is not None:
                store._close_poll()
            engine.dispose()
            if path is not None:  # a half-made file is no use to anyone: nothing is left behind
                for side in ("", "-journal", "-wal", "-shm"):
                    Path(f"{path}{side}").unlink(missing_ok=True)
            if isinstance(e, exc.OperationalError):
                cause = disk.failure_cause(e, path.parent if path is not None else None) or _first_line(e.orig)
                raise errors.StoreError(f"Could not create the program office: {cause}.") from e
            raise
        return store

    @classmethod
    def open(cls, target: str | os.PathLike[str] | URL, *, create_if_empty: bool = False,
             password_prompt: db_url.PasswordPrompt | None = None) -> "Store":
        """Open an existing program office, migrating it forward when it is from an older version.

        Every refusal leaves the file byte-for-byte unchanged. A file that cannot be written here (see
        ``read_only``) is opened for viewing: ``read_only_reason`` says why, every transaction is refused
        before it starts, and nothing is written to it or beside it. For a server URL without a password,
        the password comes from PGPASSWORD, ~/.pgpass, or ``password_prompt`` (see ``db_url``).
        """
        target = _sqlite_file_of(_as_target(target))
        absent: list[Path] = []  # the -wal and -shm not there before this open: a failed open removes them
        note: str | None = None
        if db_url.is_url(target):
            target = db_url.resolve_password(target, password_prompt)
        else:
            file = Path(str(target)).expanduser().resolve()
            no_room = name_leaves_no_room(file) if file.is_file() else None
            if no_room is not None:  # a file copied here under such a name, or one an older version made
                raise errors.StoreError(f"The program office cannot be opened: {no_room}. Rename it to "
                                        f"{SHORT_ENOUGH}, then open it. Nothing was changed.")
            shm = Path(f"{file}-shm")
            had_shm = shm.exists()
            # A -wal another file left (an older copy restored over a crashed office, a file copied
            # beside an unrelated leftover) is never replayed into this one: checked before SQLite opens
            # the file, then read around (read only) or moved aside unchanged. See stale_wal.
            # A file this process has open already (another window) is not looked at: its -wal is live, and
            # closing a descriptor of its -shm would drop the locks SQLite holds on it here.
            found = None if _is_open_here(file) else wal_verdict(file)
            foreign = found is not None and found.verdict is Verdict.FOREIGN and not in_use_elsewhere(file)
            absent = [side for side in (Path(f"{file}-wal"), shm) if not side.exists()]
            why = _check_sqlite_file(file, ignore_wal=foreign)
            if why is not None:
                store = cls(cls._read_only_engine(file, ignore_wal=foreign), file, why, ignore_wal=foreign)
                # A -wal a crash left (no -shm) is read through a -shm SQLite makes when the folder lets
                # it: removed again at close, so the folder is left as it was found.
                store._made_here = [] if had_shm or foreign else [shm]
                if foreign:  # nothing is written beside a read-only office: the -wal stays, unread
                    store.open_note = wal_ignored_message(file.name, why)
                return store
            if foreign:
                try:
                    assert found is not None
                    moved = set_aside(found)
                except OSError as e:
                    raise errors.StoreError(disk.describe_failure(
                        f"“{file.name}” was not opened: a “{file.name}-wal” beside it was left by another file of "
                        "that name and must be moved aside first (applying it would mix the two), which failed",
                        e, file.parent) + " Move that file elsewhere, then open it again.") from e
                note = set_aside_message(file.name, moved)
            disk.remove_stale(file.parent)  # what a crashed Save a Copy As left beside it
        engine, path = cls._engine_for(target)
        try:
            with engine.connect() as conn:
                meta = read_meta(conn)
        except exc.OperationalError as e:
            engine.dispose()
            if path is not None:  # a file, not a server: say why it could not be opened (a full disk …)
                for side in absent:  # an office in WAL mode on a full disk: the -wal and -shm it began
                    side.unlink(missing_ok=True)
                raise _open_failure(path.name, path.parent, e) from e
            raise db_url.connect_failure(engine.url, e) from e  # each cause in its own words
        except exc.DatabaseError as e:
            engine.dispose()
            raise errors.CorruptFile(f"The database cannot be read: {e.orig}") from e
        if meta is None:
            # A server's database with no table at all is a new shared office (README: "the first connection to
            # an empty database creates the schema"); one holding another program's tables is never written to.
            held = [] if path is not None else sorted(inspect(engine).get_table_names())
            engine.dispose()
            if create_if_empty and path is None and not held:
                made = cls.create(target)
                made.made_on_open = True
                return made
            if held:
                listed = ", ".join(held[:3]) + (" …" if len(held) > 3 else "")
                raise errors.NotAProgramOfficeFile(
                    f"The database {db_url.display(engine.url)} is not a PMO Desktop program office: it holds another "
                    f"program's tables ({listed}). Nothing was changed. A shared office needs a database of its own "
                    "— an empty one (createdb pmo) becomes a new office when you connect to it.")
            if path is None:  # empty, and this command only reads: it is not made an office by a read
                raise errors.NotAProgramOfficeFile(
                    f"The database {db_url.display(engine.url)} is empty: no program office is there yet, and "
                    "nothing was changed. Import a workbook into it to make one (pmo-desktop import --database URL "
                    "WORKBOOK), or connect to it (File ▸ Connect to Shared Office…) and import there.")
            raise errors.NotAProgramOfficeFile("That database is not a PMO Desktop program office.")
        if meta.get("format") != FORMAT_NAME:
            engine.dispose()
            raise errors.NotAProgramOfficeFile("That database is not a PMO Desktop program office.")
        try:
            version = _check_version(meta, None if path is not None else db_url.display(engine.url))
        except errors.StoreError:
            engine.dispose()
            raise
        if version == SCHEMA_VERSION and engine.dialect.name == "postgresql":  # a file is checked before it opens
            try:
                with engine.connect() as conn:
                    missing = _missing_from_server(conn)
            except exc.DBAPIError as e:
                engine.dispose()
                raise errors.ConnectionLost(f"Could not reach the database {db_url.display(engine.url)}: "
                                            f"{_first_line(e.orig)}") from e
            if missing is not None:
                engine.dispose()
                raise errors.CorruptFile(f"The program office on {db_url.display(engine.url)} is damaged ({missing}). "
                                         "Restore it from a backup of the database.")
        store = cls(engine, path)
        store.open_note = note
        try:
            if version < SCHEMA_VERSION:
                store._migrate(version)  # the backup copy first, then the migration
            store._use_wal()
            from . import search_index

            if store.is_sqlite and not search_index.trigram_available():
                with store.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin():  # indexed by a newer SQLite: see drop_if_unusable
                    search_index.drop_if_unusable(conn)
        except BaseException:
            store.close()
            raise
        return store

    def _use_wal(self) -> None:
        """Switch a program office file (known to be one) to WAL, and fold in what a crash left in its
        -wal file, so that the .pmo itself is complete from now on (see ``_checkpoint``)."""
        if self.path is None:
            return
        try:
            raw = self.engine.raw_connection()  # outside a transaction: no BEGIN (_sqlite_begin)
            try:
                driver = raw.driver_connection
                assert driver is not None
                driver.execute("PRAGMA journal_mode=WAL").fetchall()
            finally:
                raw.close()  # back to the pool: _checkpoint
        except (exc.DBAPIError, sqlite3.Error) as e:
            raise self._open_failure(e) from e
        # The polling connection reads once now, in WAL mode: it then holds the file, its -wal and -shm
        # open as long as the store is, so a copy can still read them all after the file has gone.
        self.data_version()
        if not self.read_only:
            self._seen, self._signature = self._file_state(), self._read_signature()

    def _open_failure(self, e: exc.DBAPIError | sqlite3.Error) -> errors.StoreError:
        return _open_failure(self.display_name, self.path.parent if self.path is not None else None, e)

    def _migrate(self, from_version: int) -> None:
        """Bring an older office up to date: a backup copy first, then one transaction. A failure (a
        full disk, the server gone) says so as the reason the office cannot be opened; nothing in it changed."""
        folder = self.path.parent if self.path is not None else None
        older = (f"“{self.display_name}” was written by an older PMO Desktop (file version {from_version}) and "
                 "must be brought up to date to be opened")
        backup = None
        if self.path is not None:
            backup = _backup_name(self.path, from_version)
            try:
                self.save_copy(backup)
            except errors.StoreError as e:
                cause = disk.failure_cause(e, folder) or str(e).rstrip(".")
                raise errors.StoreError(f"{older}, but its backup copy “{backup.name}” could not be saved first: "
                                        f"{cause}. Nothing was changed.") from e
        try:
            # Several users may open an old office at once: one migrates, the others wait for it (the
            # write lock on SQLite, an advisory lock on PostgreSQL) and then find nothing left to do.
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(727101)")
                    meta = read_meta(conn)
                    assert meta is not None  # checked to be a program office before it was opened
                    current = int(meta["schema_version"])
                    migrated = current < SCHEMA_VERSION
                    if migrated:
                        migrate(conn, current)
        except exc.DBAPIError as e:
            _drop_backup(backup)
            cause = disk.failure_cause(e, folder) or _first_line(e.orig)
            raise errors.StoreError(f"{older}, which failed: {cause}. Nothing in it was changed.") from e
        if not migrated:  # another user's program brought it up to date while this one copied it
            _drop_backup(backup)

    # ---------------------------------------------------------------- working with it
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def still_there(self) -> bool:
        """Whether the file opened is still at its path. When it is not (moved, renamed, deleted,
        replaced, its disk removed), the office turns read only for good: the connections already open
        still read the file as it was, which is what Save a Copy As then keeps. A ``stat``: microseconds."""
        if self.gone or self.path is None or self._identity is None:
            return not self.gone
        st = _stat(self.path)
        if st is None or (st.st_dev, st.st_ino) != self._identity:
            self.gone = True
            self.read_only_reason = GONE_REASON
        elif st.st_size < self._size_floor or self._written_by_someone_else():
            self.gone = True
            self.read_only_reason = OVERWRITTEN_REASON
        else:
            self._size_floor = st.st_size
            # Made read-only while open (its permission taken away, its folder's): what was opened for editing is
            # now what an office opened read only is, for good, as a file moved away (the open connections could
            # go on writing: for an administrator, into a file its owner protected; for anyone else, until the pool
            # opened a new connection, and then each edit failed, the change lost). A stat and a statfs.
            why = why_read_only(self.path) if self.read_only_reason is None else None
            if why is not None:
                self.gone = self.made_read_only = True
                self.read_only_reason = why
        return not self.gone

    def _moved_away(self) -> bool:
        """Whether the file at the path is no longer the one opened (deleted, renamed, moved, replaced): asked again
        as a transaction commits, since ``still_there`` was asked as it began. An import of 20,000 rows took seconds
        to apply, and the office deleted or replaced by another program meanwhile (a sync tool, a colleague's copy
        dragged over it) took the whole import into the file no longer there — "Imported 20000 new records", and the
        office at the path, the one opened next, holding none of them (robust62). Its name only (a stat): the
        transaction's own writes change the file's other marks."""
        if self.gone or self.path is None or self._identity is None:
            return self.gone
        st = _stat(self.path)
        if st is None or (st.st_dev, st.st_ino) != self._identity:
            self.gone = True
            self.read_only_reason = GONE_REASON
        return self.gone

    @property
    def gone_sentence(self) -> str:
        """What happened to the file while open (``still_there``), as a sentence without its full stop."""
        if self.made_read_only:
            return f"“{self.display_name}” was made read-only while open: {self.read_only_reason}"
        return f"“{self.display_name}” is no longer where it was opened: {self.read_only_reason}"

    @property
    def overwritten(self) -> bool:
        """The file was changed in place by someone else (``still_there``): unlike a file moved or
        deleted, what this window read is no longer on the disk, so no copy of it can be saved."""
        return self.gone and self.read_only_reason == OVERWRITTEN_REASON

    @property
    def overwritten_message(self) -> str:
        return (f"“{self.display_name}” was changed by another program while it was open: {OVERWRITTEN_REASON}. "
                "Nothing of this window was written into what the file holds now, and this window can no longer "
                "save: open the file again to see what it holds, or open your latest copy of it.")

    def _file_state(self) -> tuple[int, int, bytes] | None:
        assert self.path is not None
        st = _stat(self.path)
        if st is None:
            return None
        return st.st_mtime_ns, st.st_size, self._shm_head()

    def _shm_head(self) -> bytes:
        """The head of the -shm, read through the descriptor this process keeps (``held_files``)."""
        assert self.path is not None
        try:
            return held_files.read(Path(f"{self.path}-shm"), _SHM_HEAD, keep_for=self.path)
        except OSError:
            return b""

    def _let_go_of_files(self) -> None:
        """Close the descriptors kept for the office once no store of this process has it open: its
        SQLite connections are closed by then, so no lock of theirs goes with them."""
        if self.path is not None and not _is_open_here(self.path):
            held_files.let_go(self.path)

    def _read_signature(self) -> tuple[Any, ...] | None:
        try:
            with self.engine.connect() as conn:
                return tuple(conn.exec_driver_sql(_SIGNATURE).one())
        except exc.DBAPIError:
            return None

    def _written_by_someone_else(self) -> bool:
        """Whether the file changed since last seen with no SQLite writer behind it (see ``__init__``):
        then what the file itself holds (read as it is, past the -wal) is not what it held."""
        if self._seen is None or self.read_only or not self.is_sqlite:
            return False
        state = self._file_state()
        if state is None or state[:2] == self._seen[:2]:
            return False
        if state[2] == self._seen[2] and self._signature is not None:
            assert self.path is not None
            try:
                con = sqlite3.connect(f"file:{uri_path(self.path)}?mode=ro&immutable=1", uri=True)
                try:
                    held: tuple[Any, ...] | None = tuple(con.execute(_SIGNATURE).fetchone())
                finally:
                    con.close()
            except sqlite3.Error:
                held = None  # not even a database now
            if held != self._signature:
                # Another program's checkpoint may be half-way (its page writes between the two marks it
                # leaves in the -shm, milliseconds apart): it moves the -shm once done. Not so: overwritten.
                time.sleep(0.1)
                again = self._file_state()
                if again is None or again[2] == self._seen[2]:
                    return True
                state = again
            else:
                self._seen = state
                return False
        if state[2] != self._seen[2]:  # another window or program committed: the file holds theirs and ours
            self._signature = self._read_signature()
        self._seen = state
        return False

    def _note_size(self, signature: tuple[Any, ...] | None) -> None:
        """The file after a commit of ours (and its checkpoint): the size it must not fall below, and
        the state and content it is now known to have (``_written_by_someone_else``)."""
        st = _stat(self.path) if self.path is not None and not self.gone else None
        if st is not None and st.st_size > self._size_floor:
            self._size_floor = st.st_size
        if signature is not None:
            self._seen, self._signature = self._file_state(), signature

    def refuse_if_read_only(self) -> None:
        """Raise ``ReadOnlyFile`` (nothing touched) when this office is open for viewing only."""
        if not self.still_there():
            if self.overwritten:
                raise errors.FileGone(f"{self.overwritten_message} Your change was not saved.")
            raise errors.FileGone(
                f"{self.gone_sentence}. Your change was not saved. Nothing else is lost: File ▸ Save a Copy As… saves the office as this window "
                "has it, and opens the copy to edit."
            )
        if self.read_only_reason is not None:
            raise errors.ReadOnlyFile(
                f"“{self.display_name}” is open read only ({self.read_only_reason}); nothing was changed. "
                "To edit it, save a copy somewhere you can write (File ▸ Save a Copy As…) and open that."
            )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        """For titles and messages: the file name, or ``user@host:port/database`` (never a password)."""
        if self.path is not None:
            return self.path.name
        return db_url.display(self.engine.url)

    @property
    def target(self) -> Path | URL:
        """What ``Store.open`` takes to open this office again in this process: the file path, or
        the server URL with its password (in memory only; remember ``url_to_remember`` instead)."""
        return self.path if self.path is not None else self.engine.url

    @property
    def url_to_remember(self) -> str:
        """What to keep in settings or a recent list: the file path, or the URL without its password."""
        return str(self.path) if self.path is not None else db_url.without_password(self.engine.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back entirely if it raises.

        A read followed by a write in one transaction is safe on both backends, with or without a
        version given to ``records.update_record``: on SQLite the transaction holds the file's write
        lock from the start (see ``_sqlite_begin``), so nobody commits in between; on PostgreSQL it
        runs at REPEATABLE READ, reading one snapshot taken at its first statement, so writing a row
        that someone else changed since is refused by the server (a serialization failure) and is an
        ``EditConflict``, as is an UPDATE whose row version moved on. Never a silent overwrite.
        A lost connection is ``ConnectionLost``; the pool checks connections before use
        (pool_pre_ping), so the same store works again once the server is back.
        """
        self.refuse_if_read_only()
        options: dict[str, Any] = {WRITE: True}
        if not self.is_sqlite:
            options["isolation_level"] = "REPEATABLE READ"
        elif self.while_waiting is not None:
            options[WHILE_WAITING] = self.while_waiting
        try:
            with operations.touching() as touched, self._sessions.begin() as session:
                conn = session.connection(execution_options=options)
                if not self.is_sqlite:  # a row another user's open transaction holds: waited for briefly, as on SQLite
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {LOCK_WAIT_MS}")
                yield session
                # Every record this transaction touched gets its history row, in this transaction.
                from . import history

                session.flush()
                history.record(session.connection(), touched, session.info.get(history.WHEN_KEY),
                               session.info.get(history.FOLD_KEY))
                signature = (tuple(session.connection().exec_driver_sql(_SIGNATURE).one())
                             if self._seen is not None else None)
                if self._moved_away():  # while it ran: rolled back, not committed into a file no longer there
                    self.refuse_if_read_only()
            self._note_size(signature)
        except orm_exc.StaleDataError as e:
            raise errors.EditConflict.unknown() from e
        except exc.OperationalError as e:
            if is_serialization_failure(e):
                raise errors.EditConflict.unknown() from e
            raise self._operational_error(e) from e
        except exc.IntegrityError as e:
            raise errors.ValidationError(
                f"The change conflicts with other records and was not saved ({e.orig})."
            ) from e
        except exc.DataError as e:  # PostgreSQL checks sizes SQLite does not (records.check_length)
            raise errors.ValidationError(
                f"A value does not fit in the database; the change was not saved ({_first_line(e.orig)})."
            ) from e
        except exc.InterfaceError as e:
            raise errors.ConnectionLost(
                f"The connection to {self.display_name} was lost; your change was not saved and can be retried."
            ) from e
        except exc.ProgrammingError as e:
            if self.is_sqlite:
                raise
            # The server answers, but its database lacks a table or column of the office this window opened: restored
            # from an older backup, or another database put at that address. Nothing was written; the change is kept
            # as while the server is away (``ConnectionLost``) — it was an unexpected error, and a change kept while
            # the server was away, retried when it came back so, was dropped from the kept ones with it.
            raise errors.ConnectionLost(
                f"The database {self.display_name} is not the office as it was opened ({_first_line(e.orig)}): "
                "restored from an older backup, or another database at that address? Your change was not saved. "
                "Retry when the office is back as it was."
            ) from e

    def read_failure(self, e: exc.OperationalError | exc.InterfaceError) -> errors.StoreError:
        """A read that failed (``Office.read``), in words: the server away, the file busy or damaged."""
        if isinstance(e, exc.InterfaceError):
            return errors.ConnectionLost(f"The connection to {self.display_name} was lost; it could not be read. "
                                         "Nothing was changed; it is read again once the server is back.")
        return self._operational_error(e, reading=True)

    def _operational_error(self, e: exc.OperationalError, reading: bool = False) -> errors.StoreError:
        """The failure of a transaction (``reading``: of a snapshot, where nothing was to be saved) in words."""
        msg = str(e.orig).lower()
        outcome = "it could not be read" if reading else "your change was not saved"
        if getattr(e.orig, "sqlstate", None) == "55P03":  # PostgreSQL: lock_timeout (``LOCK_WAIT_MS``)
            return errors.FileLocked(f"Another user's change to the same records is not finished yet; {outcome}. "
                                     "Try again in a moment.")
        if "locked" in msg or "busy" in msg:
            return errors.FileLocked(
                f"The file is busy in another window or program; {outcome}. Try again."
            )
        if self.is_sqlite and any(word in msg for word in _DAMAGE):
            return errors.CorruptFile(f"“{self.display_name}” is damaged ({_first_line(e.orig)}), so {outcome}. "
                                      "Open a backup copy of it.")
        if ("readonly" in msg or "read-only" in msg) and not reading:
            return errors.ReadOnlyFile("The file has become read-only; your change was not saved.")
        if self.is_sqlite:
            cause = disk.failure_cause(e, self.path.parent if self.path is not None else None)
            if cause is not None:
                if reading:
                    return errors.StoreError(f"“{self.display_name}” could not be read: {cause}. Nothing was changed.")
                return errors.DiskFailure(f"Your change was not saved: {cause}. The file is as it was "
                                          "before the change.")
        where = f"The file {self.display_name}" if self.is_sqlite else f"The database server {self.display_name}"
        return errors.ConnectionLost(
            f"{where} cannot be reached; {outcome}. Retry when it is back. "
            f"({_first_line(e.orig)})"
        )

    def session(self) -> Session:
        """A read session (no commit) for queries; prefer ``transaction`` for writes.

        On SQLite a session reads from one snapshot of the file until it ends, so open one per
        refresh rather than keeping one open (it would not see other windows' edits)."""
        return self._sessions()

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only session over one consistent state of the whole office, for exports and the
        board pack: edits committed by others while it is open are not seen, so totals, charts and
        registers all agree. PostgreSQL: a READ ONLY, REPEATABLE READ transaction. SQLite: one read
        transaction (BEGIN), which keeps its WAL snapshot until the block ends, with query_only set.
        Any attempt to write in it fails. Keep it as short as the export."""
        try:
            conn = self.engine.connect()
        except exc.OperationalError as e:
            raise self._operational_error(e, reading=True) from e
        try:
            if self.is_sqlite:
                conn.exec_driver_sql("PRAGMA query_only=ON")
                conn.exec_driver_sql("SELECT 1 FROM pmo_meta LIMIT 1")  # the snapshot starts here
            else:
                conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                conn.exec_driver_sql("SELECT 1")
        except exc.OperationalError as e:
            conn.close()
            raise self._operational_error(e, reading=True) from e
        session = Session(bind=conn, expire_on_commit=False)
        try:
            yield session
        except exc.DBAPIError as e:
            msg = str(e.orig).lower()
            if "read-only" in msg or "readonly" in msg:
                raise errors.StoreError("A snapshot is only for reading (exports, the board pack); "
                                        "nothing was written.") from e
            if isinstance(e, exc.OperationalError):
                raise self._operational_error(e, reading=True) from e
            raise
        finally:
            session.close()
            try:
                conn.rollback()
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA query_only=OFF")
                    conn.rollback()
            finally:
                conn.close()

    def program(self) -> Program | None:
        with self.session() as s:
            return s.scalars(select(Program).order_by(Program.id)).first()

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.session() as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as s:
            s.merge(Setting(key=key, value=json.dumps(value)))

    def save_copy(self, destination: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the open file, even while it is in use (SQLite backup API); of an office on a
        server, a program office file made from one snapshot of it (``_copy_server_office_into``).

        The copy is written beside the destination (``.pmo-copy-<writer>-XXXXXXXX``) and renamed over
        it only when complete, so a failure (a full disk, no permission) never damages an existing
        file of that name and leaves no temporary file behind; a crash leaves one that the next copy
        into that folder, or the next open of a file there, removes. Raises ``StoreError`` with the cause.
        """
        dest = Path(destination).expanduser().resolve()
        if self.path is not None and dest == self.path and self.still_there():  # gone: put it back there
            raise errors.StoreError("Choose a different file name for the copy.")
        if dest.is_dir():
            raise errors.StoreError(f"“{dest}” is a folder; give the copy a file name.")
        if not dest.parent.is_dir():
            raise errors.FileNotFound(f"The folder “{dest.parent}” does not exist.")
        failed = "The copy was not saved"
        no_room = name_leaves_no_room(dest)  # the copy would be written, then never opened
        if no_room is not None:
            raise errors.StoreError(f"{failed}: {no_room}. Choose {SHORT_ENOUGH}. Nothing was written.")
        protected = why_not_replaceable(dest)
        if protected is not None:
            raise errors.ReadOnlyFile(f"{failed}: “{dest.name}” cannot be written there ({protected}). "
                                      "Choose another name or folder.")
        disk.remove_stale(dest.parent)
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".pmo-copy-{disk.writer_tag()}-", dir=dest.parent)
        except OSError as e:
            raise errors.StoreError(disk.describe_failure(failed, e, dest.parent)) from e
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if self.is_sqlite:
                with self._copy_source() as source:
                    target = sqlite3.connect(tmp)
                    try:
                        source.backup(target)
                        target.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
                    finally:
                        target.close()
            else:
                self._copy_server_office_into(tmp)
            # mkstemp makes the file private (0600); give it the mode a normally saved file would have.
            os.chmod(tmp, dest.stat().st_mode & 0o777 if dest.exists() else 0o666 & ~_UMASK)
            os.replace(tmp, dest)
        except BaseException as e:
            for side in ("", "-journal", "-wal", "-shm"):
                try:
                    Path(f"{tmp}{side}").unlink(missing_ok=True)
                except OSError:
                    pass
            if isinstance(e, (OSError, sqlite3.Error, exc.DBAPIError)):
                kept = f" “{dest.name}” is as it was." if dest.exists() else ""
                raise errors.StoreError(disk.describe_failure(failed, e, dest.parent) + kept) from e
            raise
        return dest

    def _copy_server_office_into(self, tmp: Path) -> None:
        """Save a Copy As of an office on a server: a program office file (``tmp``, empty) holding every row of
        every table as one snapshot read them (``snapshot``: the office at one moment, whatever others save
        meanwhile), ids and versions as they are — to take on a laptop and work on offline, or keep. It was
        refused after the file had been chosen ("Save a Copy works on program office files, not on a shared
        server"), the one way to a copy an export to Excel, which keeps neither the history nor the board
        snapshots. Read and written a chunk at a time (a server cursor), so a large office never sits whole in
        memory. The server is not written to."""
        copy = Store._create(tmp, "")
        try:
            tables = Base.metadata.sorted_tables
            with self.snapshot() as source, copy.engine.begin() as target:
                for table in reversed(tables):  # what a new office starts with (its program, settings) goes
                    target.execute(table.delete())
                for table in tables:
                    rows = source.connection().execution_options(stream_results=True, yield_per=COPY_CHUNK) \
                        .execute(select(table))
                    for chunk in rows.partitions():
                        target.execute(table.insert(), [dict(row._mapping) for row in chunk])
        finally:
            copy.close()

    @contextmanager
    def _copy_source(self) -> Iterator[sqlite3.Connection]:
        """The sqlite3 connection a copy is read from: one of the pool's; once the file is gone from its
        path (where no new connection can open it), the polling connection opened with the store,
        which still reads the file it opened."""
        if not self.still_there() and self._poll is not None:
            yield self._poll
            return
        raw = self.engine.raw_connection()
        try:
            driver: Any = raw.driver_connection  # sqlite3's own connection: it has backup()
            yield driver
        finally:
            raw.close()

    def _open_poll(self) -> None:
        """The connection of ``data_version``, opened with the store (opening reads nothing yet)."""
        assert self.path is not None
        # Autocommit (no transaction ever held open), so each PRAGMA sees the latest commit.
        # A read-only office is polled as it is read: nothing created beside it.
        where = read_only_uri(self.path, self._ignore_wal) if self.read_only else _read_write_uri(self.path)
        self._poll = sqlite3.connect(where, uri=True, isolation_level=None, check_same_thread=False)

    def data_version(self) -> int | None:
        """A number that changes whenever anyone (this process included) committed to the file since
        the last call, read with ``PRAGMA data_version`` on one dedicated connection (the value is per
        connection, so it must always be the same one). A few microseconds: a timer can poll it and
        compare signatures only when it moved. None on PostgreSQL, or when the file cannot be read."""
        if not self.is_sqlite or self.path is None or self.closed:
            return None
        try:
            if self._poll is None:
                self._open_poll()
            assert self._poll is not None
            row = self._poll.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            self._close_poll()
            return None
        return int(row[0])

    def _close_poll(self) -> None:
        if self._poll is not None:
            try:
                self._poll.close()
            except sqlite3.Error:
                pass
            self._poll = None

    def _lend(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        if self.closed:  # a worker thread of a window whose office was closed: nothing left open for it
            raise errors.StoreError(f"“{self.display_name}” was closed.")
        with self._lent_lock:
            self._lent.add(dbapi_conn)

    def _take_back(self, dbapi_conn: Any, _record: Any) -> None:
        with self._lent_lock:
            self._lent.discard(dbapi_conn)
        if self.closed and dbapi_conn is not None:
            # Back from a worker after ``close``: its pool was let go (``dispose`` closes only the connections
            # in it then), so it would stay open — the file held open, on Windows not movable or deletable,
            # a server connection kept — until the garbage collector found the pool.
            try:
                dbapi_conn.close()
            except Exception:  # noqa: BLE001 — closing a connection already gone
                pass

    def stop_reads(self) -> None:
        """Stop the statements that worker threads are running now (a sort index being built, ids being
        listed): SQLite's ``interrupt``, PostgreSQL's cancel on the server. Each raises in its worker."""
        with self._lent_lock:
            lent = list(self._lent)
        for conn in lent:
            stop = getattr(conn, "interrupt", None) or getattr(conn, "cancel_safe", None) or getattr(conn, "cancel", None)
            try:
                if stop is not None:
                    stop()
            except Exception:  # noqa: BLE001 — the connection or the server is away: nothing runs to stop
                pass

    def close(self) -> None:
        """Close every connection: no new one is handed out after this (``_lend``), and one still in a
        worker's hands is closed as it comes back (``_take_back``)."""
        self.closed = True
        self._close_poll()
        self.engine.dispose()
        self._let_go_of_files()
        for side in self._made_here:
            try:
                side.unlink(missing_ok=True)
            except OSError:
                pass
