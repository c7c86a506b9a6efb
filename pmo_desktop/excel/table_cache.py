"""Tables worked out of the register declarations and the word files, kept on disk between processes.

Header detection keys every register's header words, their phrases and their one-letter deletions before
it reads a first sheet: some 60,000 strings made and hashed, about a quarter of a first import's header
detection (issue 16, round speed53), and the same in every process until a words file or the program
changes. They are written once to the user's cache folder, under a fingerprint of everything
they are made of: each words file's bytes, the source of the modules whose code makes them, the
declarations they read, and the Python and Unicode versions (word keys follow Unicode's tables). A
words file edited, a program updated or a declaration changed gives another fingerprint, so a file
made before is never read for it; a file that cannot be read or written is only a table built again.
"""

from __future__ import annotations

import _thread
import hashlib
import marshal
import os
import sys
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

CACHE_ENV = "PMO_DESKTOP_CACHE"  # a folder for the tables; set empty, none is kept


def cache_folder() -> Path | None:
    """Where the tables are kept: ``PMO_DESKTOP_CACHE`` when set (empty: nowhere), else the user's cache
    folder (``%LOCALAPPDATA%``, ``~/Library/Caches``, ``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "PMO Desktop" / "cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "PMO Desktop"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pmo-desktop"


def source_stamp(name: str) -> tuple[int, int] | None:
    """The modification time and size of an imported module's file (None when it has none or it cannot be read):
    taken at import and asked again before tables are kept, so a program updated under a running one never keeps
    the running code's tables under the new file's fingerprint."""
    path = getattr(sys.modules[name], "__file__", None)
    try:
        stat = os.stat(path) if path else None
    except OSError:
        stat = None
    return (stat.st_mtime_ns, stat.st_size) if stat is not None else None


def fingerprint(files: Iterable[tuple[str, bytes]], declarations: object) -> str:
    """A digest of the files (each name and bytes), ``repr(declarations)`` and the interpreter's versions."""
    digest = hashlib.blake2b(digest_size=32)  # a third of sha256's instructions without SHA-NI

    def part(data: bytes) -> None:
        digest.update(len(data).to_bytes(8, "little"))  # each part's length first: no two splits alike
        digest.update(data)

    part(f"{sys.version}|{unicodedata.unidata_version}".encode())
    for name, data in files:
        part(name.encode())
        part(data)
    part(repr(declarations).encode())
    return digest.hexdigest()


def stored(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The data ``build`` makes (dicts, lists, tuples, sets and texts), read from ``<name>-<key>.tables`` in
    the cache folder when there, else built and written there for the next process (atomically: processes
    starting together each write a whole file or none; files of other keys for ``name`` are removed, a
    program runs one version). Kept in ``marshal``'s format (1.3 MB for the header tables): read in C, with
    no per-entry Python — as JSON the same tables cost twice the instructions to read, and came back as
    lists where tuples and sets were written; it is Python's own, and the fingerprint names the Python.

    The data is kept as its bytes beside their CRC-32, read only when the bytes still give it — a file damaged
    where a text is (a bit flipped, a bad sector's bytes) is otherwise read as other data of the same shape, and
    trusted by every later process (review61: a word's key kept wrong misread its header until the words files
    changed; review62: the header tables were still kept unchecked, a header's key damaged there read its column
    into the notes). Some 1 ms for the 470 KB of the words' keys, 2 ms for the 2.5 MB of the header tables; a
    file that fails the check is built and written again."""
    folder = cache_folder()
    path = folder / f"{name}-{key[:32]}.tables" if folder is not None else None
    if path is not None:
        try:
            held = marshal.loads(path.read_bytes())
            if isinstance(held, dict) and held.get("key") == key:
                raw = held.get("data")
                if isinstance(raw, bytes) and held.get("crc") == zlib.crc32(raw):
                    return marshal.loads(raw)
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            pass  # none yet, or unreadable: built again below
    data = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # a name of this process's and thread's own (not tempfile's, which the program's start does not load)
            temporary = path.parent / f".{name}-{os.getpid()}-{_thread.get_ident()}-{key[:8]}.part"
            raw = marshal.dumps(data)
            kept = {"key": key, "crc": zlib.crc32(raw), "data": raw}
            try:
                with open(temporary, "wb") as out:
                    out.write(marshal.dumps(kept))
                os.replace(temporary, path)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
            for old in path.parent.glob(f"{name}-*.tables"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full disk: the tables are built again next time
    return data


# A part of an index: the entries whose keys have one length and one first character.
PartKey = tuple[int, str]


def in_parts(index: dict[str, Any]) -> dict[int, dict[str, bytes]]:
    """``index`` cut into parts by its keys' length and first character, each part in ``marshal``'s bytes: what
    ``PartedIndex`` reads a part of at a time. Kept so because reading a whole index costs what it holds: the
    header tables' near indexes (one-letter deletions of every register's long headers, 55,000 keys) were 96 M
    instructions to read whole, a third of a process's first header detection, for the fifty-odd look-ups a sheet
    makes — each of which needs three parts of some four thousand (round speed68)."""
    parts: dict[int, dict[str, dict[str, Any]]] = {}
    for key, value in index.items():
        parts.setdefault(len(key), {}).setdefault(key[:1], {})[key] = value
    return {length: {first: marshal.dumps(part) for first, part in by_first.items()}
            for length, by_first in parts.items()}


class PartedIndex:
    """An index kept ``in_parts``: ``get`` reads the part its key is in at the part's first use, and keeps it.

    A part that cannot be read — the kept file damaged where only its parts' bytes are (a disk's bad sector, a
    bit flipped), which the file's own reading and its fingerprint both pass — ended every import with
    "Unexpected error (ValueError: bad marshal data …)", in this process and every later one, the file being
    kept (fault69). Then the index is built whole (``rebuild``) and asked instead, and the damaged file is
    dropped (``spoiled``) so that the next process writes it anew."""

    __slots__ = ("_parts", "read", "_rebuild", "_spoiled", "_whole")

    def __init__(self, parts: dict[int, dict[str, Any]], rebuild: Callable[[], dict[str, Any]] | None = None,
                 spoiled: Callable[[], None] | None = None) -> None:
        self._parts = parts  # each part bytes until read, then the part itself
        self.read = 0  # how many parts were read: what a process paid for its look-ups
        self._rebuild = rebuild
        self._spoiled = spoiled
        self._whole: dict[str, Any] | None = None  # built whole once a part could not be read

    def get(self, key: str) -> Any:
        if self._whole is not None:
            return self._whole.get(key)
        by_first = self._parts.get(len(key))
        if by_first is None:
            return None
        part = by_first.get(key[:1])
        if part is None:
            return None
        if part.__class__ is bytes:  # read at first use; two threads reading it at once keep equal parts
            try:
                part = marshal.loads(part)
                if not isinstance(part, dict):
                    raise TypeError("not a part of an index")
            except (ValueError, EOFError, TypeError):
                if self._rebuild is None:
                    raise
                if self._spoiled is not None:
                    self._spoiled()
                self._whole = self._rebuild()
                return self._whole.get(key)
            by_first[key[:1]] = part
            self.read += 1
        return part.get(key)


def drop(name: str) -> None:
    """Remove the kept tables of ``name`` (every key's): found damaged, they are written anew by the next process."""
    folder = cache_folder()
    if folder is None:
        return
    for old in folder.glob(f"{name}-*.tables"):
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: built whole again next time as well
