"""The office core: the one door to a program office's data for the GUI, the importer, the exports,
the board pack and the command line (after Anki's collection).

- **Reads** are queries: plain functions ``query(session, ...)`` of the domain modules (``records.fetch_rows``,
  ``risk_heatmap.cell_counts`` …) run through ``office.read(query, ...)``, each in one short read session,
  returning plain rows or small aggregates. Nothing outside ``models/`` opens a session.
- **Writes** are operations: functions ``operation(session, ...)`` run through ``office.write(operation, ...)``,
  each in its own transaction, returning the operation's result *and* what it changed
  (``operations.Changes``: ids inserted / updated / deleted per record class, noted inside that
  transaction). The GUI announces changes from that, once; undo commands keep it.
- Validation is not here: every write goes through the register declarations (``records``), so a cell,
  a paste, a chart drag, an import row and the CLI meet the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import exc
from sqlalchemy.orm import Session

from . import operations
from .settings import SettingKey
from .store import Store

P = ParamSpec("P")
T = TypeVar("T")


class Office:
    """One open program office (a file or a server database) and the operations on it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ------------------------------------------------------------------------------------- reads
    def read(self, query: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a query in one read session (a consistent view of the office while it runs). On a server, one that
        cannot be reached is ``ConnectionLost`` in words, as for a write: a page refreshed or a detail panel filled when
        the user moved to the next row while the server was away said "(connection failed: connection to server
        at "127.0.0.1", port 5432 failed: Connection refused)" and no more — not which server, nor that nothing
        was lost and what to do."""
        try:
            with self.store.session() as session:
                return query(session, *args, **kwargs)
        except (exc.OperationalError, exc.InterfaceError) as e:
            if self.store.is_sqlite:  # a file's read failures keep their own messages (failure_message)
                raise
            raise self.store.read_failure(e) from e

    def read_snapshot(self, query: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a long read (an export, a board pack) on one snapshot that others' saves do not change."""
        with self.store.snapshot() as session:
            return query(session, *args, **kwargs)

    def setting(self, key: SettingKey[T]) -> T:
        with self.store.session() as session:
            return key.read(session)

    def outside_transaction(self, operation: Callable[Concatenate[Session, P], T], *args: P.args,
                            **kwargs: P.kwargs) -> T:
        """Run an operation whose statements each commit on their own, no transaction around them:
        PostgreSQL's ``CREATE INDEX CONCURRENTLY`` (an index built without holding others' writes to its
        table) refuses to run inside one. Nothing it does is noted as a change of records."""
        with self.store.engine.connect() as conn, \
                Session(bind=conn.execution_options(isolation_level="AUTOCOMMIT")) as session:
            return operation(session, *args, **kwargs)

    # ------------------------------------------------------------------------------------ writes
    def write(self, operation: Callable[Concatenate[Session, P], T], *args: P.args,
              **kwargs: P.kwargs) -> tuple[T, operations.Changes]:
        """Run an operation in its own transaction; returns its result and exactly what it changed."""
        with operations.tracking() as changes, self.store.transaction() as session:
            result = operation(session, *args, **kwargs)
            session.flush()
            if any(len(ids) >= 1000 for ids in changes.inserted.values()):  # a big paste: see search_index
                from . import search_index
                from .registers import REGISTERS

                search_index.follow_writes(session, [reg for reg in REGISTERS.values()
                                                     if len(changes.inserted.get(reg.entity, ())) >= 1000])
        return result, changes

    @contextmanager
    def transaction(self) -> Iterator[tuple[Session, operations.Changes]]:
        """For an operation of several steps written in place: one transaction, its changes noted."""
        with operations.tracking() as changes, self.store.transaction() as session:
            yield session, changes

    def set_setting(self, key: SettingKey[T], value: T) -> T:
        """Validate and store a per-file setting; returns the previous value (for undo)."""
        previous, _ = self.write(key.write, value)
        return previous

    def close(self) -> None:
        self.store.close()

