"""A ``NAME-wal`` beside an office file that another file left: never replayed into this one.

SQLite keeps an office's last commits in ``NAME-wal`` while it is open, and a crash or a kill leaves that
file behind; the next open *replays* it, page by page, into whatever file is at ``NAME`` then. Nothing in
a -wal names the file it belongs to (its header has a page size, salts and checksums that only tie its
frames to each other), so when the file at ``NAME`` is not the one that wrote it — an older copy restored
from a backup over a crashed office ("copy yesterday's file back"), or an office copied into a folder
where an unrelated ``NAME-wal`` was left — SQLite writes another generation's pages into it: a file
refused as damaged, or worse, one that opens and silently mixes two files.

The tie, therefore, is ours (``stamp``): every write transaction of PMO Desktop that changes a row also
writes 32 bits into the file's first page as it commits (offset 60, ``user_version``, which SQLite leaves
to the application): 16 new random bits for this commit, then the previous commit's 16. That page then goes
into the -wal with every commit. (Not SQLite's *change counter* at offset 24: in WAL mode a connection that
kept the first page cached writes the same count again, or even a lower one than another connection's, so
it says nothing of which commit came first — seen on real kills, tests/test_fault_injection.py.) So before
SQLite opens a file with a -wal beside it, a few small reads (``verdict``) tell:

- ``OURS`` — the -wal belongs to this file: the file's first page is byte-for-byte the first page of one
  of the -wal's commits (a checkpoint has copied that far; every edit here ends with one), or the -wal's
  first commit was made on this very file (its previous-16-bits are the file's own), and the -shm the
  crash left does not say it had been copied in already: the last edits of a crash of this file, replayed
  as SQLite always has — nothing lost. (One foreign -wal in 65,536 whose commits no checkpoint had copied
  would pass for this file's: the -shm settles the usual kill, after its checkpoint.)
- ``FOREIGN`` — it is another file's: never replayed, never deleted, moved aside unchanged to a named
  file beside it (``set_aside``), and the office opens as its own last commit.
- ``UNSTAMPED`` — no commit in it wrote the first page: a -wal of another program (the sqlite3 shell, DB
  Browser) or of a version before this one, so nothing tells; replayed, as it always was.
- ``NONE`` — no -wal, or one SQLite would replay nothing from (too short, no valid header, no commit).
- ``LIVE`` — another connection has the file open right now (its lock on the -shm), so the -wal is that
  connection's and is left to SQLite; checked only before setting one aside, never on the common path.

The frames are walked by their headers only (24 bytes each, as far as the salts of the -wal's header
run); their checksums are not computed: a frame SQLite would drop as torn lies after every frame a
checkpoint has copied, so it cannot make a foreign -wal look like this file's.
"""

from __future__ import annotations

import enum
import os
import secrets
import struct
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from . import disk

_WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little- or big-endian
_WAL_VERSION = 3007000
_WAL_HEADER = 32
_FRAME_HEADER = 24
_PAGE_SIZES = {1 << n for n in range(9, 17)}  # 512 … 65536
_STAMP = 60  # the main file's header: user_version, ours
# The -shm's wal-index header, twice (48 bytes each), then its checkpoint info: nBackfill first.
_SHM_HEAD = 100


class Verdict(enum.Enum):
    NONE = "none"
    OURS = "ours"
    FOREIGN = "foreign"
    UNSTAMPED = "unstamped"
    LIVE = "live"


# ------------------------------------------------------------------------------------ the stamp
def next_stamp(previous: int) -> int:
    """The ``user_version`` of the next commit: 16 fresh random bits, then the previous commit's top 16
    (``previous`` as SQLite gives it, a signed 32-bit int); returned signed, as the PRAGMA takes it."""
    fresh = secrets.randbits(16) | 1  # never 0: a file never stamped has 0 there
    value = (fresh << 16) | ((previous & 0xFFFFFFFF) >> 16)
    return value - (1 << 32) if value >= 1 << 31 else value


def stamp(dbapi_conn) -> None:  # type: ignore[no-untyped-def]
    """Stamp the write transaction ``dbapi_conn`` (a sqlite3 connection) is about to commit: a read and a
    write of the first page's header (microseconds), which SQLite then writes into the -wal with the commit."""
    previous = dbapi_conn.execute("PRAGMA user_version").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA user_version = {next_stamp(int(previous))}")


# ------------------------------------------------------------------------------------ the verdict
def _checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def _page_size(raw: int) -> int:
    return 65536 if raw == 1 else raw


@dataclass
class Finding:
    verdict: Verdict
    wal: Path
    frames: int = 0  # the frames of the -wal's commits (what SQLite would replay)
    seen: tuple[bytes, bytes] = (b"", b"")  # the -wal's header and the file's first page, as judged


def verdict(path: Path) -> Finding:
    """Whether the -wal beside ``path`` (the main file) belongs to it; reads, never writes.

    Another process writing the file meanwhile (a second PMO Desktop on it) may start its -wal afresh
    and checkpoint between two of these reads, which would make its own -wal look foreign: a foreign
    verdict holds only when the -wal's header and the file's first page read the same afterwards."""
    found = _judge(path)
    if found.verdict is Verdict.FOREIGN and found.seen != _heads(path):
        return Finding(Verdict.LIVE, found.wal, found.frames)
    return found


def _heads(path: Path) -> tuple[bytes, bytes]:
    """The -wal's header and the file's first page (of the -wal's page size)."""
    try:
        with open(f"{path}-wal", "rb") as w, open(path, "rb") as m:
            head = w.read(_WAL_HEADER)
            size = struct.unpack(">I", head[8:12])[0] if len(head) == _WAL_HEADER else 100
            return head, m.read(min(max(size, 100), 65536))
    except OSError:
        return b"", b""


def _judge(path: Path) -> Finding:
    wal = Path(f"{path}-wal")
    seen = _heads(path)
    try:
        with open(wal, "rb") as w:
            head = w.read(_WAL_HEADER)
            if len(head) < _WAL_HEADER:
                return Finding(Verdict.NONE, wal)
            magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", head)
            if magic not in _WAL_MAGIC or version != _WAL_VERSION:
                return Finding(Verdict.NONE, wal)  # SQLite starts that -wal afresh
            if _checksum(head[:24], magic & 1 == 1) != (c0, c1) or page_size not in _PAGE_SIZES:
                return Finding(Verdict.NONE, wal)  # SQLite starts that -wal afresh too
            with open(path, "rb") as m:
                page1 = m.read(max(page_size, 100))
            if len(page1) < 100:
                return Finding(Verdict.NONE, wal)  # an empty file: SQLite deletes the -wal of one
            if _page_size(struct.unpack(">H", page1[16:18])[0]) != page_size:
                return Finding(Verdict.FOREIGN, wal, 0, seen)  # pages of another size: not this file's
            page1 = page1[:page_size]
            commits: list[bytes | None] = []  # each commit's first page, as the file has it after it
            first_page1: bytes | None = None
            first_page1_frame = 0  # its frame number, from 1
            latest: bytes | None = None
            frames = 0
            offset = _WAL_HEADER
            while True:
                w.seek(offset)
                header = w.read(_FRAME_HEADER)
                if len(header) < _FRAME_HEADER:
                    break
                pgno, size_after, fsalt1, fsalt2 = struct.unpack(">4I", header[:16])
                if (fsalt1, fsalt2) != (salt1, salt2):
                    break  # frames of before the -wal was last started again: not replayed
                if pgno == 1:
                    data = w.read(page_size)
                    if len(data) < page_size:
                        break
                    latest = data
                    if first_page1 is None:
                        first_page1 = data
                        first_page1_frame = (offset - _WAL_HEADER) // (_FRAME_HEADER + page_size) + 1
                offset += _FRAME_HEADER + page_size
                if size_after:  # a commit frame
                    commits.append(latest)
                    frames = (offset - _WAL_HEADER) // (_FRAME_HEADER + page_size)
    except FileNotFoundError:
        return Finding(Verdict.NONE, wal)
    except OSError:
        return Finding(Verdict.NONE, wal)  # unreadable: SQLite will say so itself
    if not commits:
        return Finding(Verdict.NONE, wal)
    if first_page1 is None or all(c is None for c in commits):
        return Finding(Verdict.UNSTAMPED, wal, frames)
    if any(c == page1 for c in commits if c is not None):
        return Finding(Verdict.OURS, wal, frames, seen)  # a checkpoint copied this far: the file is this -wal's
    stamp_now, next_stamp_ = page1[_STAMP:_STAMP + 4], first_page1[_STAMP:_STAMP + 4]
    # Its first commit made on this file: stamped by us (the previous 16 bits are the file's newest), or by
    # another program that leaves the stamp as it is; and, per the -shm, not already copied into the file.
    if ((next_stamp_[2:] == stamp_now[:2] or next_stamp_ == stamp_now)
            and _backfilled(path, head[16:24]) < first_page1_frame):
        return Finding(Verdict.OURS, wal, frames, seen)  # the next commit after the file's own: a crash of it
    return Finding(Verdict.FOREIGN, wal, frames, seen)


def _backfilled(path: Path, salts: bytes) -> int:
    """How many frames of the -wal a checkpoint had copied into the file, as the -shm a kill left says
    (0 when it is absent or describes another -wal). It tells a file restored to the state just before
    the -wal's first commit (a copy one edit older than the crashed file) from the crashed file itself:
    when that commit had been copied in, the file the -wal belongs to holds it, and this one does not."""
    try:
        with open(f"{path}-shm", "rb") as fh:
            head = fh.read(_SHM_HEAD)
    except OSError:
        return 0
    if len(head) < _SHM_HEAD or head[0:48] != head[48:96] or head[12] != 1 or head[32:40] != salts:
        return 0  # not initialised, torn, or of another -wal
    return int(struct.unpack("=I", head[96:100])[0])  # nBackfill, in the machine's byte order


# ------------------------------------------------------------------------------------ live or left
def _locked_by_another_process(shm: Path) -> bool:
    """Whether another process holds a lock in the -shm's lock bytes (120–128): every SQLite connection
    to a WAL file holds one on byte 128 as long as it is open. POSIX only (F_GETLK takes no lock)."""
    try:
        import fcntl
    except ImportError:  # Windows: a -wal open elsewhere cannot be renamed there (set_aside fails)
        return False
    # struct flock: l_type, l_whence, l_start, l_len, l_pid on Linux; l_start, l_len, l_pid, l_type,
    # l_whence on macOS and the BSDs. Asked: a write lock on bytes 120-128 from the start.
    if sys.platform.startswith("linux"):
        fmt, asked_fields, type_at = "hhqqi", (fcntl.F_WRLCK, os.SEEK_SET, 120, 9, 0), 0
    elif sys.platform == "darwin" or "bsd" in sys.platform:
        fmt, asked_fields, type_at = "qqihh", (120, 9, 0, fcntl.F_WRLCK, os.SEEK_SET), 3
    else:
        return False
    try:
        fd = os.open(shm, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot look: leave it to SQLite
    try:
        got = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(fmt, *asked_fields))
        return bool(struct.unpack(fmt, got)[type_at] != fcntl.F_UNLCK)
    except OSError:
        return True
    finally:
        os.close(fd)


def in_use_elsewhere(path: Path) -> bool:
    return _locked_by_another_process(Path(f"{path}-shm"))


def set_aside(finding: Finding) -> Path:
    """Move the foreign -wal to ``NAME-wal.not-this-file-YYYYMMDD-HHMMSS`` beside it (never over a file
    there), and remove the -shm: an index SQLite rebuilds from the -wal, holding nothing of its own.
    OSError when the move fails (the -wal is then as it was)."""
    wal = finding.wal
    when = time.strftime("%Y%m%d-%H%M%S")
    office = Path(wal.name[:-len("-wal")])
    for n in range(1, 1000):
        # The office's name cut (at a whole character) where the whole would be past the longest name a disk takes:
        # an office named near its own limit (247 bytes) could not be opened at all, its -wal never moved aside.
        tail = f"{office.suffix}-wal.not-this-file-{when}" + (f"-{n}" if n > 1 else "")
        target = wal.with_name(disk.fitted_stem(office.stem, tail) + tail)
        try:
            os.link(wal, target)  # fails when the name is taken: never replaces a file
        except FileExistsError:
            continue
        except OSError:  # a disk without hard links (FAT, some shares): a rename, after a look
            if target.exists():
                continue
            os.rename(wal, target)
            break
        os.unlink(wal)
        break
    else:
        raise FileExistsError(f"no free name beside {wal}")
    try:
        Path(f"{str(wal)[:-4]}-shm").unlink(missing_ok=True)
    except OSError:
        pass  # SQLite's first connection starts the -shm afresh anyway
    return target


def set_aside_message(name: str, moved_to: Path) -> str:
    return (f"“{name}” was opened as it was last saved. A “{name}-wal” beside it was left by another "
            f"file of that name (an older or newer copy, or another office), not by this one: applying "
            f"it would have mixed the two. It was moved aside, unchanged, to “{moved_to.name}”.")


def ignored_message(name: str, why: str) -> str:
    return (f"“{name}” is shown as it was last saved. A “{name}-wal” beside it was left by another file "
            f"of that name (an older or newer copy, or another office), not by this one, so it was not "
            f"applied; it was left where it is, as {why}.")
