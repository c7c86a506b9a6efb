"""Saving a workbook so that a failed export never leaves a half-written file over an existing one.

The workbook is written to a temporary file in the destination folder (same file system, so the
rename is atomic) and renamed over the destination only once complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .export_errors import ExportError

_UMASK = os.umask(0)
os.umask(_UMASK)


def check_target(out_path: str | os.PathLike, protect: Path | None = None) -> Path:
    """The resolved destination, refused with a clear message before any work is done."""
    out = Path(out_path).expanduser().resolve()
    if out.suffix.lower() != ".xlsx":
        raise ExportError(f"“{out.name}” must end in .xlsx (an Excel workbook).")
    if protect is not None and out == protect.resolve():
        raise ExportError("The workbook cannot be written over the program office file itself.")
    if out.is_dir():
        raise ExportError(f"“{out}” is a folder; give a file name ending in .xlsx.")
    if not out.parent.is_dir():
        raise ExportError(f"The folder “{out.parent}” does not exist.")
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ExportError(f"You do not have permission to write “{out}”.")
    return out


def save_atomically(workbook, out: Path) -> Path:
    fd, tmp_name = tempfile.mkstemp(prefix=f".~{out.stem}-", suffix=".xlsx", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        workbook.save(tmp)
        # mkstemp makes the file private (0600); give it the mode a normally saved file would have.
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def discard_workbook(workbook) -> None:
    """Close and delete the temporary files of an abandoned write-only workbook (export cancelled or
    refused half-way), so nothing is left on disk and no half-open stream fails later."""
    for ws in getattr(workbook, "_sheets", []):
        for step in ("rows", "writer", "cleanup"):
            try:
                if step == "rows" and getattr(ws, "_rows", None) is not None:
                    ws._rows.close()
                elif step == "writer" and getattr(ws, "_writer", None) is not None:
                    ws._writer.close()
                elif step == "cleanup" and getattr(ws, "_writer", None) is not None:
                    ws._writer.cleanup()
            except Exception:  # best effort: the export has already failed with its own error
                pass
