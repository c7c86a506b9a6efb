"""What went wrong with a file, in words a user can act on; and our temporary files, named so that the
next run can tell a crashed writer's leftovers from a live one's work and remove them.

No Qt, no openpyxl: the store, the Excel writers, the CLI and the GUI all use it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import socket
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

# ------------------------------------------------------------------------------------ causes
DISK_FULL = "the disk is full"
_ERRNO_CAUSES = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or system allows",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "the disk or network share reported an input/output error",
}
_SQLITE_FULL, _SQLITE_IOERR, _SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN = 13, 10, 8, 3, 14


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]


def _nearly_full(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def failure_cause(error: BaseException, folder: str | os.PathLike[str] | None = None) -> str | None:
    """“the disk is full”, “you do not have permission…”, “…input/output error”, or None when the
    error is not about the disk. SQLite reports a full disk met while creating its side files as an
    I/O error, so an I/O error in a folder with (almost) no free space is a full disk too."""
    where = Path(folder) if folder is not None else None
    for e in _chain(error):
        if isinstance(e, OSError) and e.errno in _ERRNO_CAUSES:
            cause = _ERRNO_CAUSES[e.errno]
            return DISK_FULL if e.errno == errno.EIO and _nearly_full(where) else cause
        if isinstance(e, sqlite3.Error):
            code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
            text = str(e).lower()
            if code == _SQLITE_FULL or "disk is full" in text:
                return DISK_FULL
            if code == _SQLITE_IOERR or "disk i/o error" in text:
                return DISK_FULL if _nearly_full(where) else _ERRNO_CAUSES[errno.EIO]
            if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
                return "the file or its folder is read-only"
            if code == _SQLITE_CANTOPEN or "unable to open" in text:
                return DISK_FULL if _nearly_full(where) else "the file cannot be opened there (check permissions)"
    return None


def describe_failure(what: str, error: BaseException, folder: str | os.PathLike[str] | None = None) -> str:
    """One sentence: ``what`` (e.g. “The copy was not saved”) and why; the detail of an unknown error."""
    cause = failure_cause(error, folder)
    if cause is None:
        text = " ".join(str(error).split()) or type(error).__name__
        return f"{what}: {text}."
    return f"{what}: {cause}."


# ------------------------------------------------------------------------------------ temporary files
def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:6]


NAME_MAX = 255  # bytes in one name of a path: Linux, macOS and Windows alike


def fitted_stem(stem: str, rest: str) -> str:
    """``stem`` cut (at a whole character) so that ``stem + rest`` fits in one file name. A name the
    user chose may be close to the limit: a temporary name built around it (``.~<stem>.<writer>-…``)
    or a name beside it (``<stem> - rows left out.xlsx``) must not go over it, or a write the user's
    own name allows fails as "File name too long" about a name they never chose."""
    room = NAME_MAX - len(rest.encode("utf-8", "surrogateescape"))  # UTF-8: as long as any system's bytes
    encoded = stem.encode("utf-8", "surrogateescape")
    if len(encoded) <= room:
        return stem
    return encoded[:max(room, 0)].decode("utf-8", "ignore")


def writer_tag() -> str:
    """Put in the name of every temporary file we write: which machine and process writes it."""
    return f"{_host_tag()}{os.getpid()}"


# .pmo-copy-<host><pid>-XXXXXXXX (+ -journal, -wal, -shm) beside a copy; .~<stem>.<host><pid>-XXXXXXXX.xlsx
# (or .pdf) beside an exported workbook or board pack; pmo-desktop-<host><pid> in the system's temporary folder (openpyxl's scratch).
_TAGGED = re.compile(r"^(?:\.pmo-copy-|\.~.*\.|pmo-desktop-)([0-9a-f]{6})(\d+)(?:-[A-Za-z0-9_]{8})?"
                     r"(?:\.xlsx|\.pdf)?(?:-journal|-wal|-shm)?$")
# Names written by versions before the tag: removed only once clearly abandoned.
_UNTAGGED = re.compile(r"^(?:\.pmo-copy-[A-Za-z0-9_]{8}(?:-journal|-wal|-shm)?|\.~.+-[a-z0-9_]{8}\.xlsx)$")
ABANDONED_AFTER = 600.0  # seconds without a write: a writer on another machine has given up


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(path: Path, now: float | None = None) -> bool:
    """A temporary file of ours whose writer is gone: a process of this machine that no longer runs,
    or (another machine, an older version) one not written to for ``ABANDONED_AFTER`` seconds."""
    try:
        age = (now or time.time()) - path.lstat().st_mtime
    except OSError:
        return False
    m = _TAGGED.match(path.name)
    if m:
        if m.group(1) == _host_tag():
            return int(m.group(2)) != os.getpid() and not _pid_alive(int(m.group(2)))
        return age > ABANDONED_AFTER
    return bool(_UNTAGGED.match(path.name)) and age > ABANDONED_AFTER


def remove_stale(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the leftovers of crashed writers in ``folder``; returns what was removed. Best effort:
    a folder we cannot list or a file we cannot remove is left as it is."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(os.fspath(folder)))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith((".pmo-copy-", ".~", "pmo-desktop-"))):
            continue
        path = Path(entry.path)
        if not is_stale(path, now):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


_scratch: Path | None = None
_system_temp: Path | None = None


def scratch_folder() -> Path:
    """This process's own folder under the system's temporary folder, for the scratch files of
    workbook writers (openpyxl writes each sheet to one; see ``excel.atomic``). A killed export leaves
    it behind and the next run removes it (``remove_stale``); a normal exit removes it at once."""
    global _scratch, _system_temp
    if _scratch is None or not _scratch.is_dir():
        base = _system_temp = _system_temp or Path(tempfile.gettempdir())
        remove_stale(base)
        folder = base / f"pmo-desktop-{writer_tag()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        if _scratch is None:
            import atexit

            atexit.register(shutil.rmtree, folder, True)
        _scratch = folder
    return _scratch
