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

import os
import shutil
import sqlite3
import stat
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


def who_keeps_it(path: Path) -> str | None:
    """Who alone may remove ``path``'s -journal, when this user may not (None when they may).

    Undoing the unfinished transaction ends by removing the -journal. In a folder with the sticky bit (a
    shared folder everyone may write: /tmp, a team's drop folder on a server) a file may be removed only by
    its owner, the folder's or an administrator, though anyone may write there. Opened by a colleague, the
    journal a crashed program of another user left there was played back into the file, its removal
    refused, and the office said "could not be opened: the disk … reported an input/output error", the
    disk blamed and nothing to do; the journal, still hot, was played back again by the next to open it.
    Told before anything is written, naming whose file it is."""
    journal = Path(f"{path}-journal")
    try:
        folder = path.parent.stat()
        owner = journal.stat().st_uid
    except OSError:
        return None
    me = os.geteuid()
    if not folder.st_mode & stat.S_ISVTX or me in (0, owner, folder.st_uid):
        return None
    try:
        import pwd

        return pwd.getpwuid(owner).pw_name
    except (ImportError, KeyError):
        return f"the user numbered {owner}"
