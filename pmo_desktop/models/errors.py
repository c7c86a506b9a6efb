"""Errors the store raises, each with a message a PMO user can act on."""

from __future__ import annotations

import sys
from typing import Any


class StoreError(Exception):
    """Base class: ``str(error)`` is a complete sentence fit for a message box or stderr."""

    # Set by the batched writes (records.create_records / update_records): the position of the refused row.
    row_index: int | None = None


class FileNotFound(StoreError):
    pass


class NotAProgramOfficeFile(StoreError):
    pass


class WorkbookGivenAsOffice(NotAProgramOfficeFile):
    """The file given as an office is a workbook by its content (whatever its name): it is imported, not opened."""


class NewerFileVersion(StoreError):
    pass


class CorruptFile(StoreError):
    pass


class ReadOnlyFile(StoreError):
    pass


class FileLocked(StoreError):
    pass


class FileGone(ReadOnlyFile):
    """The open file is no longer at its path (moved, renamed, deleted, replaced, its disk removed): the
    store now only reads what it still has open, and Save a Copy As keeps it (``Store.still_there``)."""


class ConnectionLost(StoreError):
    """The database server (or network share) went away. The edit was not applied and can be retried."""


class DiskFailure(StoreError):
    """The office's disk could not take a change (full, a quota used up, an I/O error): nothing of it was
    written, and the same change can be saved once the cause is gone (room made) — as with a server back."""


class AuthenticationFailed(StoreError):
    """The database server wants a password that no source supplied (or refused the one given)."""


class ValidationError(StoreError):
    """A value is refused by a rule of the register (type, range, required field, date order...)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RecordNotFound(StoreError):
    """The record is gone: someone else (another user, another window) deleted it since it was read.
    ``record_id``: which, when the write knew it — a cell typed into it is then offered back (``Document.execute``)."""

    def __init__(self, message: str, record_id: int | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id


class RecordChanged(StoreError):
    """A record changed by someone else since the change was decided on, which that change would not carry over (a
    deletion kept while the server was away, saved later): refused, nothing of it done."""

    def __init__(self, message: str, record_id: int | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id


class OperationCancelled(StoreError):
    """The user cancelled a long change (Replace All, a paste over thousands of rows) while it ran: its
    transaction rolled back, nothing of it saved."""


class EditConflict(StoreError):
    """Someone else changed the record since you read it. Nothing of your edit was saved.

    Carries both sides so the user can choose (see ``models.conflicts``): ``mine_values`` (your edit,
    field name → value as typed), ``theirs_values`` (the whole record as it is now, display values),
    ``base_values`` (what you started from, when known) and ``current_version`` (to write on top of
    theirs). ``field``/``mine``/``theirs`` are the first field of the edit, for a one-cell message.
    """

    def __init__(self, register: str, record_id: int, field: str | None, mine: Any, theirs: Any,
                 current_version: int, *, mine_values: dict[str, Any] | None = None,
                 theirs_values: dict[str, Any] | None = None, base_values: dict[str, Any] | None = None,
                 labels: dict[str, str] | None = None) -> None:
        self.register = register
        self.record_id = record_id
        self.field = field
        self.mine = mine
        self.theirs = theirs
        self.current_version = current_version
        self.mine_values = dict(mine_values or {})
        self.theirs_values = dict(theirs_values or {})
        self.base_values = None if base_values is None else dict(base_values)
        self.labels = dict(labels or {})
        super().__init__(self._message())

    def _message(self) -> str:
        if not self.register:
            return ("Someone else changed this record while you were editing it; your change was not saved. "
                    "Refresh and make it again.")
        lines = [f"Someone else changed {'“' + self.field + '”' if self.field else 'this record'} "
                 "while you were editing it; your change was not saved yet."]
        pairs = [(self.labels.get(n, n), m, self.theirs_values.get(n)) for n, m in self.mine_values.items()]
        if not pairs:
            pairs = [(self.field or "Value", self.mine, self.theirs)]
        for label, mine, theirs in pairs:
            prefix = f"{label} — " if len(pairs) > 1 else ""
            lines.append(f"{prefix}Yours: {show_value(mine)}   Theirs: {show_value(theirs)}")
        lines.append("Keep theirs, overwrite with yours, or re-apply your change on top of theirs.")
        return "\n".join(lines)

    def said_of_a_step(self, verb: str) -> str:
        """This conflict as met by Edit ▸ Undo or Redo (``verb``: "undo", "redo") of a change made earlier: the
        message above speaks of an edit being typed and names the conflict dialog's three choices, which an undo
        does not offer — a user read "your change was not saved yet … overwrite with yours" under "Could not undo"
        and looked for buttons that were not there, while the status bar said "Undone:". Here: whose value the
        record keeps, what the step would have written over it, and that the step is gone from the list."""
        doing = f"{verb}ing"
        if not self.register:
            return (f"someone else changed the record after this step, so nothing was {verb}ne: their change is kept "
                    f"and {doing} would have written over it. The step is taken off the {verb} list.")
        pairs = [(self.labels.get(n, n), m, self.theirs_values.get(n)) for n, m in self.mine_values.items()]
        if not pairs:
            pairs = [(self.field or "the value", self.mine, self.theirs)]
        now = "; ".join(f"“{label}” is now {show_value(theirs)} ({doing} would have made it {show_value(mine)})"
                        for label, mine, theirs in pairs)
        return (f"someone else changed the record after this step, so nothing was {verb}ne and their change is kept: "
                f"{now}. The step is taken off the {verb} list; type the value in again if it should still change.")

    @classmethod
    def unknown(cls) -> "EditConflict":
        """A conflict found at commit, when we cannot tell which record or field it was."""
        return cls("", 0, None, None, None, 0)


# Said for a MemoryError wherever it is met (the command line's one line, the window's box): the computer's memory, or
# the limit set for this program (ulimit -v, a container's), ran out mid-way — said before as "Unexpected error
# (MemoryError: MemoryError). Run again with PMO_DEBUG=1" on the command line, and by nothing at all in the window
# (the import dialog stayed as it was, a traceback on a console nobody sees). Every change is one transaction, so
# the one under way is not in the office; what was saved before it is.
OUT_OF_MEMORY = ("There was not enough memory to finish (the computer's, or the most this program may use): what was "
                 "under way was not saved, and the office holds every change saved before it. Close other programs "
                 "and try again, or import a large workbook in parts.")

# What the interpreter says when a function written in C failed and said nothing of why. Python 3.11 says it when
# memory runs out as a function is called: its frames are kept in blocks of 16 KB taken as the calls go deeper, and a
# block it could not have is returned as a failure with no MemoryError set (``push_chunk`` in pystate.c). An import
# under a limit on memory ended so, now and then, in "Unexpected error (SystemError: error return without exception
# set)" where the same import an instant later ran out in a MemoryError (robust62). Not a cause by itself: a bug in
# a C library says the same; it is memory's only when memory was short (``memory_ran_short``).
SILENT_C_FAILURE = "error return without exception set"
XML_ERROR_NO_MEMORY = 1  # expat's code for "out of memory" (xml.parsers.expat.errors.codes)


def memory_ran_short() -> bool:
    """True when this process cannot have 16 MB more now, or holds more than seven eighths of the address space it
    may use (``ulimit -v``; what it holds, ``VmSize``, read on Linux: still held while the failure is said, its
    traceback keeping what was being read)."""
    try:
        bytes(16 << 20)  # zeroed by the system: asked for, never touched
    except MemoryError:
        return True
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    except MemoryError:
        return True
    except (ImportError, OSError, ValueError):  # Windows: no such limit
        return False
    if limit == resource.RLIM_INFINITY or limit <= 0:
        return False
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            held = next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:")), None)
    except MemoryError:
        return True
    except (OSError, ValueError, IndexError):
        return False
    return held is not None and held >= limit - limit // 8


def ran_out_of_memory(error: BaseException) -> bool:
    """True when ``error``, or an error it was raised from or while handling, is an allocation that failed: a
    MemoryError; zlib's Z_MEM_ERROR (-4) or expat's "out of memory" (a workbook's parts are zip and XML); the
    interpreter's ``SILENT_C_FAILURE`` raised while memory was short. What the user is told then is
    ``OUT_OF_MEMORY``, never "Unexpected error" nor that a workbook is damaged. Imports nothing (asked when memory
    is short): a library not loaded raised nothing."""
    zlib, expat, tree = (sys.modules.get(name) for name in ("zlib", "pyexpat", "xml.etree.ElementTree"))
    xml_errors = tuple(kind for kind in (getattr(expat, "ExpatError", None), getattr(tree, "ParseError", None))
                       if isinstance(kind, type))
    seen: set[int] = set()
    e: BaseException | None = error
    while e is not None and id(e) not in seen and len(seen) < 10:
        seen.add(id(e))
        if isinstance(e, MemoryError):
            return True
        if zlib is not None and isinstance(e, zlib.error) and str(e).startswith("Error -4 "):
            return True
        if xml_errors and isinstance(e, xml_errors) and getattr(e, "code", None) == XML_ERROR_NO_MEMORY:
            return True  # ElementTree's ParseError: openpyxl reading a part
        if isinstance(e, SystemError) and SILENT_C_FAILURE in str(e):
            return memory_ran_short()
        e = e.__cause__ or e.__context__
    return False


def show_value(value: object) -> str:
    """A value as a PMO user reads it in a message: dates as ISO, nothing as “(empty)”."""
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, float):
        from .values import float_text  # (values reads its errors from here)

        return float_text(value)  # not 1e308's 309 digits, and "1E+308" as the table writes it
    return f"“{value}”" if isinstance(value, str) else str(value)
