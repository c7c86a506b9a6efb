"""The journal of edits kept while a shared office's server is away: on this computer's disk as they are kept.

A cell typed while the PostgreSQL server cannot be reached is kept in the window and saved when the server is back
(``views/document.py``). In memory alone it was lost with the window — closed anyway, a battery run flat, the
process killed. Each kept edit is therefore also written here, the moment it is kept, to one small file per office
(its URL without the password — never a credential on the disk) in the folder the caller gives (the window: the
platform's app-data folder); each entry leaves the file as its edit is saved on the server, and the file goes with
the last. The next start against the same office reads what is left and offers it back; nothing is applied
without the user's word.

Writes are atomic (a temporary file beside it, flushed and fsynced, renamed over it, the folder fsynced): a kill
or a power cut in the middle leaves the journal as it was before or after, never half written. A journal that
cannot be read — damaged, or written by a newer PMO Desktop — is set aside under a name of its own and said,
never deleted or overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, timezone
from decimal import Decimal
from json.encoder import encode_basestring  # (the encoder's own for text, without ensure_ascii)
from pathlib import Path
from typing import Any

from . import db_url

# The journal's own format. A journal of a higher number was written by a newer PMO Desktop: not read, set aside.
# 1: cells typed; 2: rows added and deleted too (``KeptEdit.kind``). A journal of cells alone is still written as 1,
# so that the version before it reads it.
FORMAT = 2
CELLS_ONLY_FORMAT = 1

# What an entry keeps (``KeptEdit.kind``): a cell typed, a row added (its values), a row deleted (its record and
# the version it was deleted at).
CELL, ADDED, DELETED = "cell", "added", "deleted"


class JournalUnreadable(Exception):
    """A journal that cannot be read (damaged, not ours, or of a newer format); ``set_aside`` says where it went."""

    def __init__(self, reason: str, path: Path):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.set_aside: Path | None = None


@dataclass
class KeptEdit:
    """One change kept while the server was away, as the journal holds it (``kind``):

    - a cell typed (``CELL``): which record and field, the value typed, the value the window showed when it was
      typed (``was``) and the record's version then — saved later, a record someone changed since is a conflict,
      asked as any save is;
    - a row added (``ADDED``): its values by field in ``typed`` (a dict), the parent record of a sub-table's row in
      ``parent_id``, ``token`` naming it in the journal (it has no record ID until it is saved);
    - a row deleted (``DELETED``): its record and the version the window deleted it at — saved later, a record a
      colleague changed since is not deleted without the user's word."""

    register: str
    record_id: int
    field: str
    typed: Any
    was: Any
    version: int | None
    typed_at: datetime
    record: str = ""  # the record as its table showed it ("R-004 “Crane slips”"), for the offer to name it
    # The record's key (its code, "R-004") when it was typed: the record ID alone names another record in a database
    # restored from an older backup, and the edit was saved into it — the offer sets such an edit aside instead.
    code: str = ""
    # The change of this window that holds the edit now (``KeptJournal.keep``), in memory only: an entry read from
    # an earlier run has none until a change takes it up again.
    owner: int | None = dataclass_field(default=None, compare=False)
    kind: str = CELL
    token: str = ""  # an added row's name in the journal (``new_token``)
    parent_id: int | None = None  # an added row's parent record (a risk's action: the risk)
    # The record's first text (its name or title) when it was typed, for a register with no code: the check that its
    # ID still holds that record (``KeptOffer``) has nothing else the window held to go by.
    named: str = ""

    @property
    def cell(self) -> tuple[str, int, str]:
        """Its key in the journal: a cell once (typed again, the newer value replaces it), an added row by its
        token, a deleted row by its record (field names never begin with "+" or "-")."""
        if self.kind == ADDED:
            return self.register, 0, f"+{self.token}"
        if self.kind == DELETED:
            return self.register, self.record_id, "-"
        return self.register, self.record_id, self.field


def new_token() -> str:
    """An added row's name in the journal: unique across runs and computers (two runs' rows both numbered 1 would
    have been one entry, the second replacing the first)."""
    import uuid

    return uuid.uuid4().hex


def office_of(office_url: str) -> str:
    """The office's one key (``db_url.office_key``): every spelling of its address, one journal."""
    return db_url.office_key(office_url) if "://" in office_url else office_url


def journal_path(folder: Path, office_url: str) -> Path:
    """The journal of ``office_url`` in ``folder``: one file per office and user (the URL names both), its name
    readable and unique (the server's address, then a hash of the office's key — the same for "localhost" and
    "127.0.0.1", a port written or not, a trailing slash, options of the connection). The password never reaches
    it."""
    remembered = office_of(office_url)
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", remembered.split("://", 1)[-1])[:60].strip("_") or "office"
    digest = hashlib.sha1(remembered.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return folder / f"{readable}-{digest}.json"


def _encode(value: Any) -> Any:
    """A cell's value as JSON that reads back as the same value and type (a date stays a date)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {"float": repr(value)}
        return value
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, (list, tuple)):
        return {"list": [_encode(v) for v in value]}
    if isinstance(value, dict):  # an added row's values by field
        return {"map": {str(k): _encode(v) for k, v in value.items()}}
    raise TypeError(f"a {type(value).__name__} value cannot be kept on the disk")


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        if isinstance(value, list):
            raise ValueError("a list where a value was expected")
        return value
    if len(value) != 1:
        raise ValueError(f"an unknown value {value!r}")
    ((kind, text),) = value.items()
    if kind == "date":
        return date.fromisoformat(text)
    if kind == "datetime":
        return datetime.fromisoformat(text)
    if kind == "decimal":
        return Decimal(text)
    if kind == "float":
        return float(text)
    if kind == "list":
        return [_decode(v) for v in text]
    if kind == "map" and isinstance(text, dict):
        return {str(k): _decode(v) for k, v in text.items()}
    raise ValueError(f"an unknown kind of value “{kind}”")


_last_iso: tuple[datetime, str] | None = None


def _iso(moment: datetime) -> str:
    """``moment.isoformat()``, made once for the entries of one change (they share it: 100,000 cells of a fill)."""
    global _last_iso
    if _last_iso is None or _last_iso[0] is not moment:
        _last_iso = (moment, moment.isoformat())
    return _last_iso[1]


# One encoder for the values written through it (``_value_json``): ``json.dumps`` with an option of its own makes an
# encoder a call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _line(edit: KeptEdit) -> str:
    """An entry as its line of the journal (read back by ``_edit``). Raises TypeError for a value that would not read
    back the same. Put together from its values' JSON: through a dict and the encoder, a fill of 100,000 cells kept
    took 1.7 s of the window's time for its lines alone, 0.45 s so. A cell's entry is as format 1 wrote it, for the
    version before to read; a row's adds its kind, token and parent."""
    text = encode_basestring
    row = (f', "kind": {text(edit.kind)}, "token": {text(edit.token)}, "parent_id": {_value_json(edit.parent_id)}'
           if edit.kind != CELL else "")
    named = f', "named": {text(edit.named)}' if edit.named else ""
    return (f'{{"register": {text(edit.register)}, "record_id": {int(edit.record_id)}, "field": {text(edit.field)}, '
            f'"typed": {_value_json(edit.typed)}, "was": {_value_json(edit.was)}, '
            f'"version": {_value_json(edit.version)}, "typed_at": {text(_iso(edit.typed_at))}, '
            f'"record": {text(edit.record)}, "code": {text(edit.code)}{row}{named}}}')


def _value_json(value: Any) -> str:
    """``value`` as ``_encode`` makes it, in JSON: the common ones (text, a whole number, nothing) directly, a row's
    values (a dict) value by value."""
    if value is None:
        return "null"
    if value.__class__ is str:
        return encode_basestring(value)
    if value.__class__ is int:
        return str(value)
    if isinstance(value, dict):
        values = ", ".join(f"{encode_basestring(str(k))}: {_value_json(v)}" for k, v in value.items())
        return f'{{"map": {{{values}}}}}'
    return _ENCODER.encode(_encode(value))


def _edit(entry: Any) -> KeptEdit:
    if not isinstance(entry, dict):
        raise ValueError("an entry that is not a record of an edit")
    try:
        version = entry["version"]
        edit = KeptEdit(str(entry["register"]), int(entry["record_id"]), str(entry["field"]),
                        _decode(entry["typed"]), _decode(entry["was"]), None if version is None else int(version),
                        datetime.fromisoformat(entry["typed_at"]), str(entry.get("record") or ""),
                        str(entry.get("code") or ""), kind=str(entry.get("kind") or CELL),
                        token=str(entry.get("token") or ""), named=str(entry.get("named") or ""),
                        parent_id=None if entry.get("parent_id") is None else int(entry["parent_id"]))
    except (KeyError, TypeError) as e:
        raise ValueError(f"an entry without its {e}") from e
    if edit.kind not in (CELL, ADDED, DELETED):
        raise ValueError(f"an entry of an unknown kind “{edit.kind}”")
    if edit.kind == ADDED and (not edit.token or not isinstance(edit.typed, dict)):
        raise ValueError("a row added without its values")
    return edit


def read_journal(path: Path) -> list[KeptEdit]:
    """The edits a journal holds, in the order they were kept; [] when there is none. Raises ``JournalUnreadable``
    for a file that is not a journal this program can read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as e:
        raise JournalUnreadable(f"it could not be read ({e.strerror or e})", path) from e
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise JournalUnreadable(f"it is damaged — not the journal PMO Desktop writes ({e})", path) from e
    if not isinstance(data, dict) or not isinstance(data.get("format"), int) or not isinstance(data.get("edits"), list):
        raise JournalUnreadable("it is damaged — not the journal PMO Desktop writes", path)
    if data["format"] > FORMAT:
        raise JournalUnreadable(f"it was written by a newer PMO Desktop (journal format {data['format']}; this "
                                f"program reads up to {FORMAT}) — open the office with that version to save them",
                                path)
    try:
        return [_edit(entry) for entry in data["edits"]]
    except ValueError as e:
        raise JournalUnreadable(f"it is damaged — {e}", path) from e


def _office_named_in(path: Path) -> str | None:
    """The office address a journal's first line names (``KeptJournal._document``); None for a file that is no
    journal of ours. Reads its first line only: a journal of a 10,000-row paste is megabytes."""
    try:
        with path.open("rb") as f:
            first = f.readline(8192).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, found, _rest = first.partition(', "edits": [')
    if not found:
        return None
    try:
        data = json.loads(head + "}")
    except ValueError:
        return None
    office = data.get("office") if isinstance(data, dict) and data.get("program") == "PMO Desktop" else None
    return office if isinstance(office, str) else None


def set_aside(path: Path, why: str) -> Path:
    """Move a journal out of the way, never deleting it: ``NAME.WHY-YYYYMMDD-HHMMSS.json`` beside it (numbered when
    that name is taken). Returns where it went."""
    target = _free_name(path, why)
    os.replace(path, target)
    _sync_folder(path.parent)
    return target


def _free_name(path: Path, why: str) -> Path:
    """``NAME.WHY-YYYYMMDD-HHMMSS.json`` beside ``path``, numbered when that name is taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        target = path.with_name(f"{path.stem}.{why}-{stamp}{f'-{n}' if n else ''}{path.suffix}")
        if not target.exists():
            return target
        n += 1


def _sync_folder(folder: Path) -> None:
    """A rename or removal on the disk, not only in the cache (POSIX; Windows has no folder handle to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """``data`` as ``path``'s whole content, or the file as it was: written beside it, fsynced, renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(path.parent)


class _ProcessLock:
    """An exclusive lock on a small file beside a journal, held while this program runs: the system lets go of it
    when the program ends, however it ends (killed, the power cut), so a lock that can be taken is a journal no
    running program writes."""

    def __init__(self, path: Path):
        self.path = path
        self._release: weakref.finalize[Any, Any] | None = None

    def take(self) -> bool:
        """Whether the lock is this program's now (False: another running program holds it). Raises OSError when
        the lock's file cannot be made (the folder read only, say)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        # Let go of with the journal that holds it, not at the program's end only: an office closed and opened
        # again in the same program found its own journal locked, and left what it held unoffered.
        self._release = weakref.finalize(self, os.close, fd)
        return True

    def release(self) -> None:
        if self._release is not None:
            self._release()
            self._release = None


class KeptJournal:
    """The journal of one office, kept in step with the edits this window keeps (``keep``, ``forget``).

    Entries read from an earlier run (``earlier``) stay in the file, untouched, until the user saves or discards
    them: an edit kept now is written beside them, never over the file they are in. Windows of one process on the
    same office share one journal (``opened``): each writing the file from its own entries wrote over the other's,
    and a second window offered the first one's kept edits back as an earlier run's."""

    _open: weakref.WeakValueDictionary[Path, KeptJournal] = weakref.WeakValueDictionary()

    def __init__(self, path: Path, office: str):
        self.path = path
        self.office = db_url.without_password(office) if "://" in office else office
        self._edits: dict[tuple[str, int, str], KeptEdit] = {}
        self.failure: str | None = None  # why the last write failed (a full disk, no permission); None: written
        # The entries as the file holds them (the last write that went through): after a write the disk refused, an
        # edit in ``_edits`` is not on the disk, and the close question said it was kept on this computer.
        self._on_disk: dict[tuple[str, int, str], KeptEdit] = {}
        self._lines: dict[tuple[str, int, str], tuple[KeptEdit, str]] = {}  # each entry's JSON (``_line_of``)
        self.unreadable: JournalUnreadable | None = None
        self._lock: _ProcessLock | None = None  # held while this program runs (``opened``)
        try:
            for edit in read_journal(path):
                self._edits[edit.cell] = edit
            self._on_disk = dict(self._edits)
        except JournalUnreadable as e:
            # Set aside at once: the edits kept from now on need a journal of their own, and this one is said
            # (``unreadable``) and left for the user — a newer version may read it.
            try:
                e.set_aside = set_aside(path, "unreadable")
            except OSError:
                e.set_aside = None
            self.unreadable = e

    @classmethod
    def opened(cls, path: Path, office: str) -> KeptJournal:
        """The journal of the office whose journal is ``path`` (``journal_path``) for this process: the one a window
        of it has open already, else the first of ``path``, ``NAME-2.json``… that no other running program holds
        (a lock beside it, let go by the system when that program ends, killed too) — two programs on one office
        each wrote the file from their own edits, over the other's. The journals programs that have ended left
        there are gathered into it, to be offered back."""
        journal = cls._open.get(path)
        if journal is None:
            mine, lock = path, None
            try:
                for number in range(1, 1000):
                    candidate = path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")
                    held = _ProcessLock(candidate.with_name(f".{candidate.name}.lock"))
                    if held.take():
                        mine, lock = candidate, held
                        break
            except OSError:
                pass  # no lock can be made there: the journal's own writes say why they fail (``failure``)
            journal = cls._open[path] = cls(mine, office)
            journal._lock = lock
        journal._gather(path)
        return journal

    def _gather(self, path: Path) -> None:
        """Take in the journals of the office (``path``, ``NAME-2.json``…, and those written under another spelling
        of its address: ``_other_spellings``) no running program holds: their entries join this one's as an earlier
        run's (a cell in both keeps this one's), written here before theirs goes."""
        numbered = re.compile(rf"{re.escape(path.stem)}(-[0-9]+)?")
        try:
            others = sorted(p for p in path.parent.glob(f"{path.stem}*{path.suffix}")
                            if p != self.path and numbered.fullmatch(p.stem))
            others += self._other_spellings(path)
        except OSError:
            return
        for other in others:
            lock = _ProcessLock(other.with_name(f".{other.name}.lock"))
            try:
                if not lock.take():
                    continue  # another program running on the office: its edits are its own
            except OSError:
                continue
            try:
                try:
                    edits = read_journal(other)
                except JournalUnreadable as e:
                    try:
                        e.set_aside = set_aside(other, "unreadable")
                    except OSError:
                        e.set_aside = None
                    if self.unreadable is None:
                        self.unreadable = e
                    continue
                for edit in edits:
                    self._edits.setdefault(edit.cell, edit)
                if edits and not self._write():
                    continue  # not written here: left where it is, for the next start
                try:
                    os.unlink(other)
                except OSError:
                    pass  # written here all the same: gathered again, a cell once, at the next open
            finally:
                lock.release()

    def _other_spellings(self, path: Path) -> list[Path]:
        """The journals in ``path``'s folder of this office under another name: written by a version that named a
        journal by the address as typed ("localhost" one day, "127.0.0.1:5432/pmo/" the next), found by the office
        each one names in its first line (``office_of`` of it is this office's)."""
        mine = office_of(self.office)
        found = []
        for candidate in sorted(path.parent.glob(f"*{path.suffix}")):
            if "." in candidate.stem or candidate.stem.startswith(path.stem):
                continue  # set aside (NAME.why-DATE.json), a temporary file, or this office's own name
            office = _office_named_in(candidate)
            if office is not None and office_of(office) == mine:
                found.append(candidate)
        return found

    @property
    def edits(self) -> list[KeptEdit]:
        return list(self._edits.values())

    def earlier(self) -> list[KeptEdit]:
        """The edits read from the journal an earlier run left, not taken up by a change of this one."""
        return [edit for edit in self._edits.values() if edit.owner is None]

    def unanswered(self, edits: list[KeptEdit]) -> list[KeptEdit]:
        """Those of ``edits`` (offered from ``earlier``) still in the journal and taken up by no change: the others were
        answered meanwhile in another window on the office (saved, kept to save, or discarded)."""
        return [edit for edit in edits if edit.owner is None and self._edits.get(edit.cell) is edit]

    def keep(self, owner: int, edits: list[KeptEdit]) -> bool:
        """Write ``edits`` of the change ``owner`` into the journal (a cell already there takes the newer value).
        Returns whether the journal holds them on the disk now. Raises TypeError, the journal left as it was, for
        a value it cannot write so as to read it back the same."""
        lines = [_line(edit) for edit in edits]  # (each written once: a paste of 10,000 rows is 14 MB of JSON)
        for edit, line in zip(edits, lines):
            edit.owner = owner
            cell = edit.cell
            before = self._edits.pop(cell, None)  # the newest last, as they were kept
            if before is not None and not edit.code:
                # Kept again by a change that had no table's row to name it (the offer's save, the server away once
                # more): the record as the user saw it when typing stays, or the next start could not tell it
                # from another record given the same ID since.
                edit.record, edit.code = edit.record or before.record, before.code
                edit.named = edit.named or before.named
                edit.version = before.version if edit.version is None else edit.version
                line = _line(edit)
            self._edits[cell] = edit
            self._lines[cell] = (edit, line)
        return self._write()

    def take_up(self, owner: int, cells: list[tuple[str, int, str]]) -> None:
        """The entries of ``cells`` (read from an earlier run) are the change ``owner``'s now, to leave with it."""
        for cell in cells:
            if cell in self._edits:
                self._edits[cell].owner = owner

    def release(self, owners: set[int]) -> None:
        """The changes ``owners`` are gone with their window, unsaved: their entries are an earlier run's now, offered
        back when the office is opened again (in this process too, the journal still open for another window)."""
        for edit in self._edits.values():
            if edit.owner in owners:
                edit.owner = None

    def forget(self, owner: int | None = None, cells: list[tuple[str, int, str]] | None = None) -> bool:
        """Take out the entries of the change ``owner`` (saved, or given up), or ``cells``, or with neither the
        entries an earlier run left (``earlier``). Returns whether the file is in step."""
        if cells is not None:
            gone = [cell for cell in cells if cell in self._edits]
        else:
            gone = [cell for cell, edit in self._edits.items() if edit.owner == owner]
        for cell in gone:
            del self._edits[cell]
            self._lines.pop(cell, None)
        return self._write() if gone else self.failure is None

    def _write(self) -> bool:
        try:
            if not self._edits:
                try:
                    os.unlink(self.path)
                except FileNotFoundError:
                    pass
                else:
                    _sync_folder(self.path.parent)
            else:
                write_atomically(self.path, self._document(self._edits.values()))
        except OSError as e:
            self.failure = f"{e.strerror or e} ({self.path})"
            return False
        self.failure = None
        self._on_disk = dict(self._edits)
        return True

    def on_disk(self, owner: int) -> bool:
        """Whether the file holds every entry of the change ``owner`` as it is now (False after a write refused)."""
        mine = [edit for edit in self._edits.values() if edit.owner == owner]
        return bool(mine) and all(self._on_disk.get(edit.cell) is edit for edit in mine)

    def _document(self, edits: Iterable[KeptEdit]) -> bytes:
        """The journal's JSON: what wrote it and for which office, then an edit a line (readable in any editor)."""
        edits = list(edits)
        written = CELLS_ONLY_FORMAT if all(edit.kind == CELL for edit in edits) else FORMAT
        head = json.dumps({"format": written, "program": "PMO Desktop", "office": self.office,
                           "written": datetime.now(timezone.utc).isoformat(timespec="seconds")}, ensure_ascii=False)
        lines = ",\n".join(self._line_of(edit) for edit in edits)
        return f'{head[:-1]}, "edits": [\n{lines}\n]}}\n'.encode()

    def write_aside(self, edits: list[KeptEdit], why: str) -> Path:
        """``edits`` (out of the journal already: refused for good when saved) in a file of their own beside it, for
        the user to read. Returns that file."""
        target = _free_name(self.path, why)
        write_atomically(target, self._document(edits))
        return target

    def _line_of(self, edit: KeptEdit) -> str:
        """``edit``'s line of JSON, as ``keep`` made it when it is that entry's (each keep rewrites the whole file:
        the 10,000 entries held were made again for each cell typed after them)."""
        made = self._lines.get(edit.cell)
        if made is not None and made[0] is edit:
            return made[1]
        line = _line(edit)
        self._lines[edit.cell] = (edit, line)
        return line

    def set_aside(self, cells: list[tuple[str, int, str]], why: str) -> Path | None:
        """Move the entries of ``cells`` out of the journal into a file of their own beside it (their records are
        gone, say): kept for the user to read, not offered again. Returns that file."""
        taken = [self._edits[cell] for cell in cells if cell in self._edits]
        if not taken:
            return None
        target = _free_name(self.path, why)
        write_atomically(target, self._document(taken))
        self.forget(cells=[edit.cell for edit in taken])
        return target
