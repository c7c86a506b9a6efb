"""A file left with a *hot journal*: a program writing it in rollback-journal mode (what Save a Copy As
writes, and what the sqlite3 shell or DB Browser use) stopped mid-transaction — killed, crashed, a
power cut — and left ``NAME-journal`` beside it holding the pages as they were before that transaction.

SQLite undoes the unfinished transaction from that journal the first time the file is opened for
writing, which puts the file back exactly as it was at its last commit: nothing committed is lost.
Reading it without writing (``mode=ro``, how a file is checked before it is accepted) is refused with
``SQLITE_READONLY_ROLLBACK`` instead. So the check reads a private copy of the file and its journal,
where SQLite may undo the transaction, and the file itself is written (rolled back) only once it is
known to be a program office this version opens — the same promise as for every other refusal.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from .read_only import uri_path

T = TypeVar("T")

SQLITE_READONLY_ROLLBACK = 776  # SQLITE_READONLY | (3 << 8)


def is_hot_journal_error(error: BaseException) -> bool:
    return getattr(error, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK


def read_rolled_back(path: Path, read: Callable[[str], T]) -> T:
    """``read(uri)`` of a copy of ``path`` with its unfinished transaction undone; ``path`` and its
    journal are only read. OSError when the copy cannot be made (e.g. the temporary folder is full)."""
    with tempfile.TemporaryDirectory(prefix="pmo-desktop-check-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-journal", f"{copy}-journal")
        return read(f"file:{uri_path(copy)}?mode=rw")


def is_hot(path: Path) -> bool:
    """Whether ``path`` has a hot journal beside it (a -journal of a writer still at work is not one)."""
    if not Path(f"{path}-journal").exists():
        return False
    try:
        con = sqlite3.connect(f"file:{uri_path(path)}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error as e:
        return is_hot_journal_error(e)
    return False
