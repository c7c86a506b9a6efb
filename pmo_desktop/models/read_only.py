"""Offices that cannot be written here — a colleague's file with no write permission, a folder or a
share we may only read, a read-only medium — are opened for viewing instead of refused.

Two things decide how such a file is read without writing anything, not even beside it:

- *Why* it is read-only (``why_read_only``), in words for the banner and the CLI. A file without any
  write permission bit counts as read-only even for an administrator (root may write anything, so
  ``os.access`` alone would let root edit a colleague's protected file).
- *How* SQLite reads it (``read_only_uri``): a WAL file needs its ``-wal`` and ``-shm`` side files, which SQLite
  would create beside it to read it. A WAL file without a ``-wal`` (nobody has it open, and no crash left
  one) is read as ``immutable=1``, which creates nothing; one with a ``-wal`` (open elsewhere, or a crash
  left its last edits there) is read through it with ``mode=ro``; so is a file in rollback-journal mode
  (what Save a Copy As writes), which SQLite reads without any side file and safely while someone else
  writes it.
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

from . import held_files

_WAL_HEADER = b"\x02\x02"  # bytes 18-19 of a SQLite file: the write/read format versions, 2 = WAL


def why_read_only(path: Path) -> str | None:
    """Why ``path`` (an existing file) cannot be written here, or None when it can."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "the disk it is on is read-only"
    except OSError:
        pass
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        return "the file is read-only"
    # SQLite writes its -wal and -shm (or -journal) beside the file: a folder we may not write is a
    # read-only office, even when the file itself could be written.
    if not os.access(path.parent, os.W_OK) or not path.parent.stat().st_mode & 0o222:
        return "its folder is read-only"
    return None


def why_not_replaceable(path: Path) -> str | None:
    """Why a file we are about to write at ``path`` (a copy, an export, a board pack) must not be: the
    file there is write-protected, or its folder or disk may not be written. A rename replaces a file
    whatever its own permission (only its folder's counts), and root may write anything: without this,
    a copy or a pack saved over a file its owner made read-only would replace it."""
    if path.exists():
        return why_read_only(path)
    folder = path.parent
    if not os.access(folder, os.W_OK) or not folder.stat().st_mode & 0o222:
        return "its folder is read-only"
    return None


def _in_wal_mode(path: Path) -> bool:
    try:
        return held_files.read(path, 20)[18:20] == _WAL_HEADER
    except OSError:
        return True  # unknown: read it as the safe case that creates nothing


def uri_path(path: str | os.PathLike[str]) -> str:
    """``path`` as the path of a SQLite ``file:`` URI: its bytes percent-encoded, so a name that is not
    UTF-8 (a Latin-1 "café.pmo" from an old share or a zip made on Windows, which Python holds with
    surrogates) opens too — quoting the text raised UnicodeEncodeError, and the office could not be opened
    at all ("Unexpected error"). For a UTF-8 name the same text as before."""
    return urllib.parse.quote(os.fsencode(path))


def read_only_uri(path: Path, ignore_wal: bool = False) -> str:
    """A SQLite URI that reads ``path`` without writing to it or creating anything beside it.
    ``ignore_wal``: the -wal beside it is another file's (``stale_wal``), so the file is read alone, as
    its own last commit (``immutable=1`` reads no side file at all)."""
    quoted = uri_path(path)
    if ignore_wal:
        return f"file:{quoted}?immutable=1"
    has_side = any(Path(f"{path}{side}").exists() for side in ("-wal", "-journal"))
    if has_side or not _in_wal_mode(path):
        return f"file:{quoted}?mode=ro"
    return f"file:{quoted}?immutable=1"
