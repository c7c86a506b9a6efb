"""Reads of an office's files (the .pmo, its -shm) that leave SQLite's locks on them where they are.

POSIX drops every lock a process holds on a file when the process closes *any* descriptor of that file.
SQLite keeps such locks for as long as a connection is open — in WAL mode a shared lock on the .pmo and
locks in the -shm — and they are how other programs know the office is in use: the last one to close it
takes an exclusive lock, and when it gets it, it folds the -wal in and deletes the -wal and -shm. A plain
``open()``/``close()`` of the .pmo by this process while it had the office open (its header read when the
same office was opened again in a second window, or given to import) dropped that shared lock: another
program closing the office then took itself for the last, deleted the -wal and -shm under this one, and
this window could no longer save ("changed by another program"): tests/test_held_files.py.

So every look at those files goes through here: while an office is open in this process, one descriptor of
each file looked at is kept (by device and inode, so a file replaced under the name is a new one) and read
with ``os.pread``; it is closed only when no store of the office is left (``let_go``), after their
connections. Windows keeps its locks with the handle that took them: a plain read is safe there.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_lock = threading.Lock()
# (device, inode) → [descriptor, the office (its path) it was kept for]
_kept: dict[tuple[int, int], tuple[int, str]] = {}


def _key(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def read(path: Path, size: int, keep_for: Path | None = None) -> bytes:
    """The first ``size`` bytes of ``path`` (fewer when it is shorter). Through the descriptor kept for it
    when there is one; otherwise, with ``keep_for`` (the office it belongs to, open here), through one kept
    from now on until ``let_go(keep_for)``; otherwise a plain read. OSError as ``open`` raises it."""
    if os.name != "nt":
        key = _key(path)
        if key is not None:
            with _lock:
                kept = _kept.get(key)
                if kept is None and keep_for is not None:
                    kept = _kept[key] = (os.open(path, os.O_RDONLY), str(keep_for))
                if kept is not None:
                    return os.pread(kept[0], size, 0)
    with open(path, "rb") as fh:
        return fh.read(size)


def hold(path: Path, office: Path) -> None:
    """Keep a descriptor of ``path`` (a file of ``office``) from now on, so later looks never close one."""
    try:
        read(path, 0, keep_for=office)
    except OSError:
        pass  # not there (yet): a later look with ``keep_for`` keeps one


def let_go(office: Path) -> None:
    """Close the descriptors kept for ``office``: call it once no store of this process has it open (its
    SQLite connections are closed, so no lock of theirs goes with them)."""
    with _lock:
        mine = [key for key, (_fd, owner) in _kept.items() if owner == str(office)]
        fds = [_kept.pop(key)[0] for key in mine]
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
