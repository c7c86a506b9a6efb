"""What went wrong with a file, in words a user can act on; and our temporary files, named so that the
next run can tell a crashed writer's leftovers from a live one's work and remove them.

No Qt, no openpyxl: the store, the Excel writers, the CLI and the GUI all use it.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
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
MiB = 1024 * 1024
_ERRNO_CAUSES = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or system allows",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "the disk or network share reported an input/output error",
}
IO_ERROR = _ERRNO_CAUSES[errno.EIO]
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


def _size_limit(folder: Path | None) -> int | None:
    """The file-size limit this process runs under (``ulimit -f``, RLIMIT_FSIZE) when a file in ``folder``
    has (nearly) reached it; else None. A write past it fails with EFBIG, which SQLite reports as a "disk
    I/O error" — said as an input/output error, where the disk had room and only the limit was met."""
    try:
        import resource
    except ImportError:  # Windows: no such limit
        return None
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return None
    if folder is None:
        return soft
    try:
        with os.scandir(folder) as entries:
            for entry in itertools.islice(entries, 10_000):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_size >= soft - min(soft // 10, MiB):
                    return soft
    except OSError:
        return None
    return None


def _quota_used_up(folder: Path | None) -> str | None:
    """After a write SQLite calls an I/O error: whether a small file can be written beside it. A quota used up
    (EDQUOT) leaves the disk's free space as it was, so only a write tells; a disk full is told the same way."""
    if folder is None:
        return None
    try:
        fd, name = tempfile.mkstemp(prefix=f".pmo-copy-{writer_tag()}-", dir=folder)
    except OSError as e:
        return _ERRNO_CAUSES[e.errno] if e.errno in (errno.ENOSPC, errno.EDQUOT) else None
    try:
        os.write(fd, b"\0" * (64 * 1024))
        os.fsync(fd)
    except OSError as e:
        return _ERRNO_CAUSES[e.errno] if e.errno in (errno.ENOSPC, errno.EDQUOT) else None
    finally:
        os.close(fd)
        try:
            os.unlink(name)
        except OSError:
            pass
    return None


def size_limit_cause(limit: int) -> str:
    return (f"the file has reached the size limit set for your account ({_size_text(limit)} a file); ask your "
            "administrator to raise it, or keep the office where no such limit applies")


def _size_text(size: int) -> str:
    for unit, scale in (("GB", 1024 ** 3), ("MB", MiB), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(".0 ", " ")
    return f"{size:,} bytes"


def _io_error_cause(where: Path | None) -> str:
    """What an I/O error met while writing means: a full disk, the account's file-size limit, a quota used
    up — each of which SQLite reports the same way — or an I/O error indeed."""
    if _nearly_full(where):
        return DISK_FULL
    limit = _size_limit(where)
    if limit is not None:
        return size_limit_cause(limit)
    return _quota_used_up(where) or _ERRNO_CAUSES[errno.EIO]


def failure_cause(error: BaseException, folder: str | os.PathLike[str] | None = None) -> str | None:
    """“the disk is full”, “your disk quota is used up”, “the file has reached the size limit…”, “you do not
    have permission…”, “…input/output error”, or None when the error is not about the disk. SQLite reports
    a full disk met while creating its side files, a quota used up and a file-size limit met as an I/O
    error, so an I/O error is looked into (``_io_error_cause``)."""
    where = Path(folder) if folder is not None else None
    for e in _chain(error):
        if isinstance(e, OSError) and e.errno == errno.ENOENT and where is not None and not where.is_dir():
            # The folder went while the file was written in it (deleted, moved or renamed in a file manager, a
            # share or stick disconnected): said before as "[Errno 2] No such file or directory: '…/.~risks.0a7c…
            # .xlsx'" — a name the user never saw, and no word of the folder.
            return (f"the folder “{where}” is no longer there (deleted, moved or renamed meanwhile, or its drive "
                    "disconnected); choose a folder that exists and try again")
        if isinstance(e, OSError) and e.errno in _ERRNO_CAUSES:
            if e.errno == errno.EIO:
                return _io_error_cause(where)
            if e.errno == errno.EFBIG:  # the limit, if there is one, whether or not a file beside is near it
                limit = _size_limit(where) or _size_limit(None)
                return size_limit_cause(limit) if limit is not None else _ERRNO_CAUSES[e.errno]
            return _ERRNO_CAUSES[e.errno]
        if isinstance(e, sqlite3.Error):
            code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
            text = str(e).lower()
            if code == _SQLITE_FULL or "disk is full" in text:
                # a short write at a file-size limit is reported as a full disk too
                limit = None if _nearly_full(where) else _size_limit(where)
                return size_limit_cause(limit) if limit is not None else DISK_FULL
            if code == _SQLITE_IOERR or "disk i/o error" in text:
                return _io_error_cause(where)
            if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
                return "the file or its folder is read-only"
            if code == _SQLITE_CANTOPEN or "unable to open" in text:
                return DISK_FULL if _nearly_full(where) else "the file cannot be opened there (check permissions)"
    return None


# Kept free beyond the bytes a file is to grow by: the file system's own records of the new blocks.
GROWTH_MARGIN = 64 * 1024


def room_to_grow(path: Path, new_size: int) -> OSError | None:
    """The error a write making ``path`` ``new_size`` bytes long would meet — the disk full (ENOSPC), the
    account's file-size limit (EFBIG) — or None when it fits (or the file cannot be looked at). A stat and a
    statfs: microseconds."""
    try:
        grow = new_size - path.stat().st_size
        if grow <= 0:
            return None
        limit = _size_limit(None)
        if limit is not None and new_size > limit:
            return OSError(errno.EFBIG, os.strerror(errno.EFBIG), str(path))
        if shutil.disk_usage(path.parent).free < grow + GROWTH_MARGIN:
            return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    except OSError:
        return None
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
