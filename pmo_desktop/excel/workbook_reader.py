"""Opening a workbook someone sent us, safely and in bounded memory.

Every check that can be made on the zip itself (not a zip, encrypted, zip bomb) runs before openpyxl
touches the file. openpyxl then reads in read-only mode (rows streamed, never the whole sheet in
memory) with ``data_only`` (the value a formula showed when the file was last saved), and parses XML
through defusedxml (no entity expansion). Anything openpyxl still trips over becomes a
``WorkbookError`` with one sentence of explanation.
"""

from __future__ import annotations

import os
import re
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import WorkbookError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: encrypted xlsx, or an old .xls
ZIP_MAGIC = b"PK\x03\x04"
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!"})
_MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\"")
MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What we accept from a workbook. Tests pass small limits; the defaults suit real registers."""

    max_rows: int = 200_000                 # non-blank rows per sheet below the header
    max_scanned_rows: int = 1_048_576       # rows of any kind (Excel's own maximum)
    max_columns: int = 512
    header_scan_rows: int = 30              # the header row is looked for among these
    max_file_bytes: int = 256 * MiB
    max_uncompressed_bytes: int = 1024 * MiB  # sum of the zip's declared sizes
    max_ratio: int = 200                    # compression ratio of one zip entry ...
    ratio_applies_above: int = 16 * MiB     # ... once it declares more than this
    max_entries: int = 10_000
    max_merged_ranges: int = 50_000


DEFAULT_LIMITS = Limits()


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def check_file(path: Path, limits: Limits) -> None:
    """Refuse what is not a readable .xlsx before any parser sees it."""
    name = path.name
    if not path.exists():
        raise WorkbookError(f"The file “{path}” does not exist.")
    if path.is_dir():
        raise WorkbookError(f"“{path}” is a folder, not an Excel workbook.")
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
            if head.startswith(OLE2_MAGIC):
                encrypted = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in fh.read(4 * MiB)
    except PermissionError:
        raise WorkbookError(f"You do not have permission to read “{name}”.") from None
    except OSError as e:
        raise WorkbookError(f"“{name}” cannot be read ({e.strerror or e}).") from None
    if head.startswith(OLE2_MAGIC):
        if encrypted:
            raise WorkbookError(f"“{name}” is protected with a password; open it in Excel, remove the password "
                                "(File ▸ Info ▸ Protect Workbook) and save it again before importing.")
        raise WorkbookError(f"“{name}” is an old-format Excel file (.xls); open it in Excel and save it as an "
                            ".xlsx workbook, then import that.")
    if size == 0:
        raise WorkbookError(f"“{name}” is empty (0 bytes), so there is nothing to import.")
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookError(f"“{name}” is not an Excel workbook (.xlsx); save it from Excel as an .xlsx workbook "
                            "and import that.")
    if size > limits.max_file_bytes:
        raise WorkbookError(f"“{name}” is {size // MiB} MB, more than the {limits.max_file_bytes // MiB} MB "
                            "an import accepts; split it into smaller workbooks.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise WorkbookError(f"“{name}” is damaged or is not an Excel workbook (its zip structure cannot be "
                            "read); ask the sender for a fresh copy.") from None
    _check_zip_entries(name, infos, limits)


def _check_zip_entries(name: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise WorkbookError(f"“{name}” holds {len(infos):,} parts, far more than any workbook; "
                            "it was refused as unsafe.")
    total = 0
    names = set()
    for info in infos:
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise WorkbookError(f"“{name}” is encrypted; remove the password in Excel and save it again "
                                "before importing.")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_applies_above and ratio > limits.max_ratio:
            raise WorkbookError(f"“{name}” looks like a zip bomb (one part expands {ratio:,.0f} times, to "
                                f"{info.file_size // MiB:,} MB); it was refused as unsafe.")
    if total > limits.max_uncompressed_bytes:
        raise WorkbookError(f"“{name}” would expand to {total // MiB:,} MB, more than the "
                            f"{limits.max_uncompressed_bytes // MiB:,} MB an import accepts; it was refused "
                            "(split it into smaller workbooks if it is genuine).")
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
        raise WorkbookError(f"“{name}” is a zip file but not an Excel workbook; save it from Excel as .xlsx "
                            "and import that.")


def _causes(e: BaseException):
    seen = 0
    while e is not None and seen < 10:  # openpyxl wraps parser errors in ValueError
        yield e
        e = e.__cause__ or e.__context__
        seen += 1


def _unreadable(name: str, e: BaseException) -> WorkbookError:
    kind = type(e).__name__
    if any(n in type(x).__name__ for x in _causes(e) for n in ("Entities", "DTD", "External")):
        return WorkbookError(f"“{name}” contains XML constructs that can be used to attack a computer "
                             "(entity definitions); it was refused as unsafe.")
    if isinstance(e, MemoryError):
        return WorkbookError(f"“{name}” is too large to read safely; split it into smaller workbooks.")
    return WorkbookError(f"“{name}” is damaged and cannot be read ({kind}); open it in Excel, save it "
                         "again as .xlsx and retry.")


def _guard(name: str, e: BaseException) -> WorkbookError:
    return e if isinstance(e, WorkbookError) else _unreadable(name, e)


class SafeWorkbook:
    """A checked workbook open read-only. Use as a context manager (it holds the file open)."""

    def __init__(self, path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS):
        import openpyxl

        self.path = Path(path).expanduser()
        self.limits = limits
        check_file(self.path, limits)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "unknown extension", "data validation not supported" ...
                self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True, keep_links=False)
        except Exception as e:  # openpyxl raises KeyError, ValueError, XML errors ... for broken parts
            raise _guard(self.path.name, e) from None

    def __enter__(self) -> "SafeWorkbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._wb.close()
        except Exception:  # closing a half-read archive must never mask the real error
            pass

    @property
    def sheet_names(self) -> list[str]:
        """Visible worksheets (hidden ones hold dropdown lists, not registers)."""
        return [ws.title for ws in self._wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"
                and hasattr(ws, "iter_rows")]

    def sheet(self, title: str) -> "SheetReader":
        if title not in self._wb.sheetnames:
            raise WorkbookError(f"The workbook has no sheet called “{title}”; it has "
                                f"{', '.join(self._wb.sheetnames)}.")
        ws = self._wb[title]
        if not hasattr(ws, "iter_rows"):
            raise WorkbookError(f"“{title}” is a chart sheet, not a table; choose a worksheet.")
        return SheetReader(self, ws)


class SheetReader:
    """Rows of one worksheet: the header area with merged cells filled in, then data rows streamed."""

    def __init__(self, book: SafeWorkbook, ws):
        self.book = book
        self.ws = ws
        self.title = ws.title
        self.declared_rows = ws.max_row or 0  # from the sheet's dimension tag: an estimate for progress only
        ws.reset_dimensions()  # a stale dimension tag must never truncate what we read
        self._merges: list[tuple[int, int, int, int]] | None = None

    # --------------------------------------------------------------------------- merged cells
    def merged_ranges(self) -> list[tuple[int, int, int, int]]:
        """(min_row, min_col0, max_row, max_col0) of every merged range, scanned from the raw sheet XML.

        Read-only openpyxl does not report merges; a streamed byte scan costs a decompression, no parse.
        """
        if self._merges is not None:
            return self._merges
        merges: list[tuple[int, int, int, int]] = []
        path = getattr(self.ws, "_worksheet_path", None)
        if path:
            try:
                with zipfile.ZipFile(self.book.path) as zf, zf.open(path) as fh:
                    carry = b""
                    while True:
                        chunk = fh.read(1 * MiB)
                        if not chunk:
                            break
                        buf = carry + chunk
                        cut = buf.rfind(b">") + 1
                        for m in _MERGE_RE.finditer(buf, 0, cut):
                            c1, r1, c2, r2 = m.groups()
                            merges.append((int(r1), _col_index(c1), int(r2), _col_index(c2)))
                            if len(merges) > self.book.limits.max_merged_ranges:
                                raise WorkbookError(f"The sheet “{self.title}” has more than "
                                                    f"{self.book.limits.max_merged_ranges:,} merged ranges; "
                                                    "unmerge the cells and import again.")
                        carry = buf[cut:][-4096:]
            except WorkbookError:
                raise
            except Exception as e:
                raise _guard(self.book.path.name, e) from None
        self._merges = merges
        return merges

    # --------------------------------------------------------------------------- reading
    def top_rows(self) -> list[list]:
        """The first rows (where titles and the header live), merged ranges filled with their value."""
        limits = self.book.limits
        rows: list[list] = []
        try:
            for row in self.ws.iter_rows(min_row=1, max_row=limits.header_scan_rows, values_only=True):
                rows.append(list(row[: limits.max_columns]))
        except Exception as e:
            raise _guard(self.book.path.name, e) from None
        width = max((len(r) for r in rows), default=0)
        for r in rows:
            r.extend([None] * (width - len(r)))
        for r1, c1, r2, c2 in self.merged_ranges():
            if r1 > len(rows) or c1 >= width:
                continue
            value = rows[r1 - 1][c1]
            for r in range(r1, min(r2, len(rows)) + 1):
                for c in range(c1, min(c2, width - 1) + 1):
                    if rows[r - 1][c] is None:
                        rows[r - 1][c] = value
        return rows

    def data_rows(self, first_row: int, width: int) -> Iterator[tuple[int, tuple]]:
        """``(excel row number, values)`` from ``first_row`` down, ``width`` values each.

        A cell merged down several rows (one project for three risks) gives its value to each row;
        a cell merged across columns keeps it in its first column only, so no other field is filled.
        Refuses with ``WorkbookError`` once the sheet exceeds the row limits.
        """
        limits = self.book.limits
        downs = sorted((r1, r2, c1) for r1, c1, r2, c2 in self.merged_ranges() if r2 > r1 and c1 < width
                       and r2 >= first_row)
        active: list[tuple[int, int, object]] = []  # (last row, column, value)
        nxt = 0
        data_rows = 0
        number = first_row - 1
        try:
            for row in self.ws.iter_rows(min_row=first_row, max_col=width, values_only=True):
                number += 1
                if number - first_row >= limits.max_scanned_rows:
                    raise self._too_many()
                if downs:
                    while nxt < len(downs) and downs[nxt][0] <= number:
                        r1, r2, c1 = downs[nxt]
                        nxt += 1
                        if r1 == number:
                            active.append((r2, c1, row[c1]))
                        else:  # merge began above the data (in the header area): unknown value, skip
                            continue
                    if active:
                        active = [a for a in active if a[0] >= number]
                        if active:
                            row = list(row)
                            for _, c, value in active:
                                if row[c] is None:
                                    row[c] = value
                            row = tuple(row)
                if row.count(None) != len(row):  # (a row of only "" is rare enough to count)
                    data_rows += 1
                    if data_rows > limits.max_rows:
                        raise self._too_many()
                yield number, row
        except WorkbookError:
            raise
        except GeneratorExit:
            raise
        except Exception as e:
            raise _guard(self.book.path.name, e) from None

    def _too_many(self) -> WorkbookError:
        return WorkbookError(f"The sheet “{self.title}” has more than {self.book.limits.max_rows:,} rows, more "
                             "than an import accepts; split it into smaller workbooks (or delete empty "
                             "formatted rows below the data).")
