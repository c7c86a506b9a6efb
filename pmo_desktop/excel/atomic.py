"""Saving a workbook so that a failed export never leaves a half-written file over an existing one.

The workbook is written to a temporary file in the destination folder (same file system, so the
rename is atomic) and renamed over the destination only once complete. Temporary files carry the
writer's machine and process (``models.disk``), so the next export into a folder removes those of a
crashed one, and nothing else.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable, TypeVar, cast

from ..models import disk
from ..models.read_only import why_not_replaceable
from .export_errors import ExportError

T = TypeVar("T")

_UMASK = os.umask(0)
os.umask(_UMASK)


# What each kind of file we write must end in, and how a message names it.
KINDS = {".xlsx": "an Excel workbook", ".pdf": "a PDF document"}


def check_target(out_path: str | os.PathLike[str], protect: Path | None = None, suffix: str = ".xlsx") -> Path:
    """The resolved destination, refused with a clear message before any work is done.

    Also removes what crashed exports left in that folder, and gives this process its own scratch
    folder for openpyxl's temporary files (``disk.scratch_folder``), so a killed export's are found too.
    """
    out = Path(out_path).expanduser().resolve()
    if out.suffix.lower() != suffix:
        raise ExportError(f"“{out.name}” must end in {suffix} ({KINDS[suffix]}).")
    refused = windows_refuses(out.name) or name_too_long(out.name)
    if refused is not None:
        raise ExportError(refused)
    if protect is not None and out == protect.resolve():
        raise ExportError("The file cannot be written over the program office file itself.")
    if out.is_dir():
        raise ExportError(f"“{out}” is a folder; give a file name ending in {suffix}.")
    if not out.parent.is_dir():
        if out.parent.exists():  # "pack.xlsx/May.xlsx": the name of a file taken for a folder's
            raise ExportError(f"“{out.parent}” is a file, not a folder; choose a folder to write “{out.name}” in.")
        raise ExportError(f"The folder “{out.parent}” does not exist.")
    protected = why_not_replaceable(out)
    if protected is not None:
        raise ExportError(f"You do not have permission to write “{out}” ({protected}).")
    lock = open_elsewhere(out)
    if lock is not None:
        app, by, lock_file = lock
        raise ExportError(f"“{out.name}” is open in {app}{by}; close it there and try again, or choose another "
                          "name (written over, the old one would still show there, and saving it there would put "
                          f"it back). Nothing was written. If it is not open anywhere, delete “{lock_file.name}” "
                          "beside it.")
    disk.remove_stale(out.parent)
    try:
        _scratch_files_in(disk.scratch_folder())
    except OSError as e:
        raise ExportError(disk.describe_failure("The workbook was not written", e)) from e
    return out


# What Windows allows in no file name (the slash and backslash part folders), and the names it keeps for devices.
_NOT_ON_WINDOWS = re.compile(r'[<>:"|?*\x00-\x1f]')
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                      *(f"LPT{i}" for i in range(1, 10))})


def windows_refuses(name: str) -> str | None:
    """Why Windows would not hold a file of this name, said as what to do; None when it would. Asked on every
    system: a workbook or a pack is made to be sent, and one named “Q3: risks?.xlsx” written here could not be
    copied to a Windows computer, a shared drive or OneDrive — on Windows itself "Q3:" wrote the workbook into a
    hidden stream of a file “Q3”, an empty file where the user looked, and said it was written."""
    bad = list(dict.fromkeys(_NOT_ON_WINDOWS.findall(name)))
    if bad:
        shown = " ".join(c if c.isprintable() else f"U+{ord(c):04X}" for c in bad)
        stem, dot, suffix = name.rpartition(".")
        instead = windows_name(stem) + dot + _NOT_ON_WINDOWS.sub("", suffix)
        return (f"“{name}” holds characters Windows does not allow in a file name ({shown}): it could not be "
                f"copied to a Windows computer, a shared drive or OneDrive. Nothing was written; choose a name "
                f"without them, such as “{instead}”.")
    if name.split(".")[0].strip().upper() in _DEVICES:
        return (f"“{name}” is a name Windows keeps for a device: it could not be copied to a Windows computer, a "
                "shared drive or OneDrive. Nothing was written; choose another name.")
    return None


def name_too_long(name: str) -> str | None:
    """Why no disk takes a file of this name — longer than a name can be (255 bytes: Linux, macOS, Windows alike) —
    said as what to do; None when it is not. The refusal said only "File name too long" of the whole path."""
    size = len(name.encode("utf-8", "surrogateescape"))
    if size <= disk.NAME_MAX:
        return None
    stem, dot, suffix = name.rpartition(".")
    shown = f"{stem[:40].rstrip()}…{dot}{suffix}"
    return (f"The name “{shown}” is {len(name):,} characters long ({size:,} bytes), longer than a file's name can be "
            f"({disk.NAME_MAX} bytes). Nothing was written; choose a shorter name.")


def windows_name(stem: str) -> str:
    """``stem`` with what Windows refuses in a file name replaced by " - ": a name offered for a workbook or a pack
    (from the office's own, “Q3: office.pmo”) that ``windows_refuses`` would not refuse."""
    return re.sub(r"\s*-(\s*-)*\s*", " - ", _NOT_ON_WINDOWS.sub("-", stem)).strip(" -") or "Untitled"


def open_elsewhere(out: Path) -> tuple[str, str, Path] | None:
    """(program, " by NAME" or "", its lock file) when a spreadsheet program has ``out`` open — the lock
    file LibreOffice keeps beside a file it has open (``.~lock.NAME#``), the owner file Excel keeps
    (``~$NAME``) — else None. Renamed over, the file stays open there as it was: on Windows the rename
    fails ("permission"), elsewhere it succeeds and the program's next save puts last month's back."""
    for app, lock in (("LibreOffice", out.with_name(f".~lock.{out.name}#")), ("Excel", out.with_name(f"~${out.name}"))):
        try:
            if not lock.is_file():
                continue
            head = lock.read_bytes()[:512]
        except OSError:
            continue
        if app == "LibreOffice":  # "Full Name,host,login,04.12.2026 23:50,file:///…;"
            fields = head.decode("utf-8", "replace").split(",")
            name = fields[0].strip() or (fields[2].strip() if len(fields) > 2 else "")
        else:  # a byte giving the length of the user's name, then the name (then again, in UTF-16)
            name = head[1:1 + head[0]].decode("cp1252", "replace").strip() if head else ""
        return app, f" (by {name})" if name and name.isprintable() else "", lock
    return None


def _scratch_files_in(folder: Path) -> None:
    """openpyxl writes each worksheet to a scratch file (``openpyxl.XXXX`` in the system's temporary
    folder, 30 MB and more for a large export) and removes them only at a normal exit, so a killed
    export leaves them with nothing to say whose they are. Its one maker of those files is replaced by
    one that puts them in this process's scratch folder, which the next run removes when this process
    is gone. (Python's ``tempfile.tempdir`` is left alone: other code of this process, and programs
    it starts, must not find their files in a private folder that goes away with it.)"""
    from openpyxl.worksheet import _writer

    if getattr(_writer.create_temporary_file, "pmo_scratch", None) == folder:
        return

    def create_temporary_file(suffix: str = "") -> str:
        fobj = tempfile.NamedTemporaryFile(mode="w+", suffix=suffix, prefix="openpyxl.", delete=False,
                                           dir=folder)
        fobj.close()
        _writer.ALL_TEMP_FILES.append(fobj.name)
        return fobj.name

    create_temporary_file.pmo_scratch = folder  # type: ignore[attr-defined]
    _writer.create_temporary_file = create_temporary_file


class _Destination(io.RawIOBase):
    """The file a workbook is zipped into. Once a write has failed (a full disk), it swallows
    everything: openpyxl leaves its ZipFile open on an error, and the ZipFile would otherwise try
    again to write its directory when it is collected, printing a traceback long after our message."""

    def __init__(self, path: Path):
        super().__init__()
        self._fh = open(path, "r+b")
        self.failed = False
        self._pos = 0  # where the ZipFile thinks it is, kept up once the file is abandoned

    def _guard(self, call: Callable[..., T], *args: Any) -> T:
        try:
            return call(*args)
        except BaseException:
            self.abandon()
            raise

    def write(self, data: Any) -> int:
        if not self.failed:
            self._guard(self._fh.write, data)
        self._pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        if not self.failed:
            self._pos = self._guard(self._fh.seek, offset, whence)
        elif whence in (0, 1):
            self._pos = offset if whence == 0 else self._pos + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        if not self.failed:
            self._guard(self._fh.flush)

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def finish(self) -> None:
        """Everything on the disk (a full disk may only show here), then closed."""
        self._guard(self._fh.flush)
        self._guard(os.fsync, self._fh.fileno())
        self._fh.close()
        self.failed = True  # nothing more goes through

    def abandon(self) -> None:
        self.failed = True
        try:
            self._fh.close()
        except OSError:
            pass

    def close(self) -> None:  # ZipFile does not close a file it was given; we do, in finish/abandon
        pass


def save_atomically(workbook: Any, out: Path) -> Path:
    """Save an openpyxl ``workbook`` to ``out`` as ``write_atomically`` does."""
    return write_atomically(out, workbook.save)


def write_atomically(out: Path, write: Callable[[BinaryIO], object]) -> Path:
    """``write(file)`` into a temporary file beside ``out`` (``.~<name>.<writer>-XXXXXXXX<suffix>``), renamed
    over ``out`` only when complete. On any failure the temporary file is removed and an existing
    ``out`` is left as it was; a disk or permission failure is an ``ExportError`` naming it."""
    try:
        tag = f".{disk.writer_tag()}-"
        stem = disk.fitted_stem(out.stem, f".~{tag}XXXXXXXX{out.suffix}")  # mkstemp's 8 random characters
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{stem}{tag}", suffix=out.suffix, dir=out.parent)
    except OSError as e:
        raise ExportError(disk.describe_failure(f"“{out.name}” was not written", e, out.parent)) from e
    os.close(fd)
    tmp = Path(tmp_name)
    dest = None
    try:
        dest = _Destination(tmp)
        write(cast(BinaryIO, dest))
        dest.finish()
        # mkstemp makes the file private (0600); give it the mode a normally saved file would have.
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except BaseException as e:
        if dest is not None:
            dest.abandon()
        tmp.unlink(missing_ok=True)
        if isinstance(e, OSError):
            kept = f" The existing “{out.name}” is as it was." if out.exists() else ""
            raise ExportError(disk.describe_failure(f"“{out.name}” was not written", e, out.parent) + kept) from e
        raise
    return out
