"""One consistent read of a whole program office, for reports that must add up (exports, board pack).

Every query inside ``read_snapshot`` sees the database as it was when the first one ran, even while
other windows keep editing: SQLite gives that to one read transaction in WAL mode, and on PostgreSQL
the transaction is made REPEATABLE READ (its default, READ COMMITTED, would let counts drift).

Python's sqlite3 driver opens a transaction only before writes, so each SELECT would otherwise run
on its own and see the latest commit; the snapshot therefore begins one explicitly.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.orm import Session

from .store import Store


@contextmanager
def read_snapshot(store: Store) -> Iterator[Session]:
    with store.session() as session:
        dialect = store.engine.dialect.name
        if dialect == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        elif dialect == "sqlite":
            session.connection().exec_driver_sql("BEGIN")
        try:
            yield session
        finally:
            session.rollback()  # a read: nothing to commit, and the snapshot ends here
