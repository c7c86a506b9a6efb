"""The program office file: create, open (with checks and migration), transactions, save a copy.

A store is one database: a SQLite file by default, or any SQLAlchemy URL (a shared PostgreSQL
server). Every edit runs in its own short transaction, so there is never unsaved work to lose.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event, exc, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from . import errors
from .base import Base
from .program import Program, Setting
from .schema import SCHEMA_VERSION, FORMAT_NAME, meta_metadata, migrate, read_meta, write_meta
from . import benefits, links, risks, stakeholders  # noqa: F401  (register every table on Base.metadata)

SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_url(target: str) -> bool:
    return "://" in target


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")  # two windows on one file wait for each other briefly
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed transaction
    cur.close()


def _check_sqlite_file(path: Path) -> None:
    """Refuse files that are not ours before anything writes to them (WAL would change the header)."""
    if not path.exists():
        raise errors.FileNotFound(f"The file “{path}” does not exist.")
    if path.is_dir():
        raise errors.NotAProgramOfficeFile(f"“{path}” is a folder, not a program office file.")
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except PermissionError as e:
        raise errors.ReadOnlyFile(f"You do not have permission to read “{path}”.") from e
    if header != SQLITE_MAGIC:
        raise errors.NotAProgramOfficeFile(
            f"“{path.name}” is not a PMO Desktop program office file (it is not a database at all)."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise errors.ReadOnlyFile(
            f"“{path.name}” is read-only (or its folder is). Copy it somewhere you can write, "
            "or change its permissions, then open it again."
        )
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise errors.CorruptFile(f"“{path.name}” is damaged ({ok}). Open a backup copy instead.")
            has_meta = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='pmo_meta'"
            ).fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        if "locked" in str(e).lower():
            raise errors.FileLocked(f"“{path.name}” is locked by another program. Try again in a moment.") from e
        raise errors.CorruptFile(f"“{path.name}” is damaged and cannot be read ({e}).") from e
    if not has_meta:
        raise errors.NotAProgramOfficeFile(
            f"“{path.name}” is a database, but not a PMO Desktop program office file."
        )


class Store:
    """One open program office. Use ``Store.create`` or ``Store.open``; close when done."""

    def __init__(self, engine: Engine, path: Path | None):
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # ---------------------------------------------------------------- opening and creating
    @staticmethod
    def _engine_for(target: str | os.PathLike) -> tuple[Engine, Path | None]:
        target = os.fspath(target)
        if _is_url(target):
            url = make_url(target)
            if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
                return Store._engine_for(url.database)
            engine = create_engine(url, pool_pre_ping=True)
            return engine, None
        path = Path(target).expanduser().resolve()
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine, path

    @classmethod
    def create(cls, target: str | os.PathLike, program_name: str = "New program") -> "Store":
        """Create a new, empty program office. A file that already exists is refused, never overwritten."""
        if not _is_url(os.fspath(target)):
            path = Path(target).expanduser().resolve()
            if path.exists():
                raise errors.StoreError(f"“{path}” already exists; choose another name.")
            if not path.parent.exists():
                raise errors.FileNotFound(f"The folder “{path.parent}” does not exist.")
        engine, path = cls._engine_for(target)
        try:
            with engine.begin() as conn:
                meta = read_meta(conn)
                if meta is not None:
                    raise errors.StoreError("That database already holds a program office; open it instead.")
                meta_metadata.create_all(conn)
                Base.metadata.create_all(conn)
                write_meta(conn)
        except exc.OperationalError as e:
            engine.dispose()
            raise errors.StoreError(f"Could not create the program office: {e.orig}") from e
        store = cls(engine, path)
        with store.transaction() as s:
            s.add(Program(name=program_name))
        return store

    @classmethod
    def open(cls, target: str | os.PathLike, *, create_if_empty: bool = False) -> "Store":
        """Open an existing program office, migrating it forward when it is from an older version.

        Every refusal leaves the file byte-for-byte unchanged.
        """
        target = os.fspath(target)
        if not _is_url(target):
            _check_sqlite_file(Path(target).expanduser().resolve())
        engine, path = cls._engine_for(target)
        try:
            with engine.connect() as conn:
                meta = read_meta(conn)
        except exc.OperationalError as e:
            engine.dispose()
            raise errors.ConnectionLost(f"Could not reach the database: {e.orig}") from e
        except exc.DatabaseError as e:
            engine.dispose()
            raise errors.CorruptFile(f"The database cannot be read: {e.orig}") from e
        if meta is None:
            if create_if_empty:
                engine.dispose()
                return cls.create(target)
            engine.dispose()
            raise errors.NotAProgramOfficeFile("That database is not a PMO Desktop program office.")
        if meta.get("format") != FORMAT_NAME:
            engine.dispose()
            raise errors.NotAProgramOfficeFile("That database is not a PMO Desktop program office.")
        try:
            version = int(meta.get("schema_version", "0"))
        except ValueError:
            version = 0
        if version > SCHEMA_VERSION:
            engine.dispose()
            raise errors.NewerFileVersion(
                f"This program office was written by a newer PMO Desktop (file version {version}, "
                f"this program reads up to {SCHEMA_VERSION}). Update PMO Desktop to open it."
            )
        if version < 1:
            engine.dispose()
            raise errors.CorruptFile("The program office has no valid schema version.")
        store = cls(engine, path)
        if version < SCHEMA_VERSION:
            store._migrate(version)
        return store

    def _migrate(self, from_version: int) -> None:
        if self.path is not None:
            backup = self.path.with_name(f"{self.path.name}.v{from_version}.bak")
            self.save_copy(backup)
        with self.engine.begin() as conn:
            migrate(conn, from_version)

    # ---------------------------------------------------------------- working with it
    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back entirely if it raises."""
        try:
            with self._sessions.begin() as session:
                yield session
        except exc.OperationalError as e:
            msg = str(e.orig).lower()
            if "locked" in msg or "busy" in msg:
                raise errors.FileLocked(
                    "The file is busy in another window or program; your change was not saved. Try again."
                ) from e
            if "readonly" in msg or "read-only" in msg:
                raise errors.ReadOnlyFile("The file has become read-only; your change was not saved.") from e
            raise errors.ConnectionLost(
                f"The database could not be reached; your change was not saved and can be retried. ({e.orig})"
            ) from e
        except exc.IntegrityError as e:
            raise errors.ValidationError(
                f"The change conflicts with other records and was not saved ({e.orig})."
            ) from e
        except exc.InterfaceError as e:
            raise errors.ConnectionLost(
                f"The connection to the database was lost; your change was not saved. ({e.orig})"
            ) from e

    def session(self) -> Session:
        """A read session (no commit) for queries; prefer ``transaction`` for writes."""
        return self._sessions()

    def program(self) -> Program:
        with self.session() as s:
            return s.scalars(select(Program).order_by(Program.id)).first()

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.session() as s:
            row = s.get(Setting, key)
            return default if row is None else json.loads(row.value)

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as s:
            s.merge(Setting(key=key, value=json.dumps(value)))

    def save_copy(self, destination: str | os.PathLike) -> Path:
        """Write a consistent copy of the open file, even while it is in use (SQLite backup API).

        The copy is written beside the destination and renamed over it only when complete,
        so a failure never damages an existing file of that name.
        """
        if not self.is_sqlite:
            raise errors.StoreError("Save a Copy works on program office files, not on a shared server.")
        dest = Path(destination).expanduser().resolve()
        if self.path is not None and dest == self.path:
            raise errors.StoreError("Choose a different file name for the copy.")
        fd, tmp_name = tempfile.mkstemp(prefix=".pmo-copy-", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            raw = self.engine.raw_connection()
            try:
                target = sqlite3.connect(tmp)
                try:
                    raw.driver_connection.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
                finally:
                    target.close()
            finally:
                raw.close()
            os.replace(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return dest

    def close(self) -> None:
        self.engine.dispose()
