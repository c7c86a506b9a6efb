"""Opening a workbook someone sent us, safely and in bounded memory.

Every check that can be made on the file itself (not a workbook, encrypted, zip bomb, entity
declarations, a sheet spanning more rows than accepted) runs before any parser touches it, reading
only the zip's directory and the first kilobytes of each XML part. python-calamine (Rust) then reads
.xlsx, .xlsm, .xls and .ods: cell values as the file last showed them (formulas' cached values), dates
in the 1900 or 1904 date system; CSV files are read with the standard ``csv`` module. Anything a
parser still trips over becomes a ``WorkbookError`` with one sentence of explanation.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import io
import itertools
import json
import os
import re
import time
import zipfile
from array import array
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from ..models import held_files
from ..models.errors import ran_out_of_memory
from . import csv_rewrapped, plain_text
from .csv_comments import blanked, comment_lines
from .errors import WorkbookError

if TYPE_CHECKING:  # imported when a workbook is opened, not at startup
    from python_calamine import CalamineSheet, CalamineWorkbook

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: encrypted xlsx, or an old .xls
ZIP_MAGIC = b"PK\x03\x04"
SQLITE_MAGIC = b"SQLite format 3\x00"  # an office file (.pmo), or another program's database
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!"})
_ERROR_CELL_RE = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_REF_RE = re.compile(rb"\br=\"([A-Z]{1,3})(\d{1,7})\"")
_VALUE_RE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")
# A cell holding a negative number: in a date cell calamine reads one as a time of day (-1 as 00:00:00, -5.5 as
# 12:00:00), where Excel shows #####; its real value is kept to be named (see _scan_sheet).
_NEGATIVE_CELL_RE = re.compile(rb"<(?:\w+:)?c\b([^>/]*)>((?:(?!</(?:\w+:)?c>|<(?:\w+:)?c\b).)*?<(?:\w+:)?v>-[^<]*</)",
                               re.S)
# A cell holding 60: in a date cell Excel shows 29 Feb 1900, a day that never was (Excel counts 1900 a leap year),
# which calamine reads as 28 Feb 1900, the day 59 shows; its number is kept so the import refuses it, named.
_SIXTY_CELL_RE = re.compile(rb"<(?:\w+:)?c\b([^>/]*)>((?:(?!</(?:\w+:)?c>|<(?:\w+:)?c\b).)*?<(?:\w+:)?v>60</)", re.S)
# A formula with no value saved beside it — a workbook a script or a library wrote (openpyxl, a report generator)
# and no spreadsheet program ever opened and saved — which calamine reads as an empty cell: `<f>A2*B2</f><v/>`. A
# cell whose formula gave an empty text (t="str") has its value, ""; only a number's cell can have none.
_UNCALCULATED_RE = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)\s*"
                              rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")
_TYPE_RE = re.compile(rb"\bt=\"(\w+)\"")
# Looked for first, as few as catch the forms libraries write (<v />, <v/>, </f></c>, with or without a prefix): a
# workbook a spreadsheet program saved has none of them, and each look costs some 30 ms in a sheet of 36 MB.
_NO_VALUE = (b"v />", b"v/>", b"f></")


class Uncalculated(str):
    """What such a cell holds, for the import to say — never to store: its formula ("=A2*B2"; "=" alone for one
    that shares the formula of a cell above it)."""

    def tell(self, label: str, errors: list[str]) -> None:
        """Add to a row's ``errors`` that the cell under ``label`` holds this formula, what to do said once a row."""
        formula = f"a formula, {self}," if len(self) > 1 else "a formula"
        said = f"{label} holds {formula} with no value saved in the workbook"
        if any(UNCALCULATED in e for e in errors):
            errors.append(said + " either.")
        else:
            errors.append(said + ": the program that wrote it did not calculate it; open the workbook in Excel or "
                          "LibreOffice and save it there, or type the value, then import it again.")


UNCALCULATED = "with no value saved in the workbook"


# What a streamed pass finds of the cells calamine misreads, by (row, column): an Excel error's text (#REF!), a
# negative number's value, or a formula with no value (Uncalculated).
CellMarks = dict[tuple[int, int], "str | float"]
MiB = 1024 * 1024
LONGEST_CELL = 32_767  # characters: Excel's limit for one cell
# the most cells SheetReader.hold keeps as Python values: 3,000 rows of up to 64 columns (a short sheet whose used
# range runs to column XFD would be tens of millions, and is read again from calamine instead)
HELD_CELLS = 192_000
# the most cells (of used ranges) a workbook keeps of the sheets calamine read, for the next reader of each
# (``SafeWorkbook.sheet``): a sheet of more than HELD_CELLS is never kept, and each is let go when the workbook closes
OPENED_CELLS = 1_000_000
_IS_TEXT = str.__instancecheck__  # a text cell (``filter`` of a row's texts, in C)


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
    # The workbook's shared texts, which the reader holds whole in memory at open: 1 GB of them, at a ratio under
    # max_ratio (a 7 MB file), took 1 GB. 200,000 rows of 200 unique letters each are some 45 MB.
    max_shared_text_bytes: int = 128 * MiB
    max_merged_ranges: int = 50_000
    # The reader holds a sheet as a block from its first cell to its last (32 bytes a cell): a value in XFD5000
    # (a 27 KB file) made 82 million cells, 2.6 GB and 25 s. 200,000 rows of 80 columns fit, and 1,024 rows of
    # all 16,384 (README: such a sheet is read, its columns past max_columns said).
    max_cells: int = 1 << 24
    # The text a sheet's cells hold once read. A cell of shared text (t="s") is a number naming one of the workbook's
    # shared strings, and the reader gives each such cell a copy of it: one text of 32,767 letters named by 20,000
    # rows of 6 cells (a 270 KB file) is 3.9 GB — the whole program aborted ("memory allocation failed", a core dump).
    # 200,000 rows with a text of 1,000 letters each are some 200 MB.
    max_sheet_text_bytes: int = 256 * MiB


DEFAULT_LIMITS = Limits()


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


CSV_SUFFIXES = (".csv", ".tsv")
# the day a workbook was last saved, in its core document properties
_MODIFIED_RE = re.compile(r"<dcterms:modified[^>]*>\s*(\d{4}-\d{2}-\d{2})")
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_DIMENSION_RE = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"[A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}(\d{1,7}))?\"")
_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MIN_ROW_BYTES = 40  # a stored row holding a value costs at least this in sheet XML
# The reference of a cell holding something (not a formatted empty one, <c r="XFD5" s="1"/>, which the reader
# skips), or its row of ``digits`` digits (``_filled_columns``: its column of a longer form): the references of one
# length compare as texts do, so the largest is found by ``max`` on what ``findall`` gives, both in C (a pattern per
# cell with a Python step each took 4 s for 4 million cells). Found by the literal start ' r="', which the regex engine
# looks for at C speed; a row's own r="12" has no letters.
_FILLED_ROW_RE = {digits: re.compile(rb' r="[A-Z]{1,3}(\d{%d})"[^>]*(?<!/)>' % digits) for digits in range(1, 8)}
# rows of at least so many digits (up to 7)
_FILLED_ROWS_FROM = {digits: re.compile(rb' r="[A-Z]{1,3}(\d{%d,7})"[^>]*(?<!/)>' % digits) for digits in range(1, 8)}


# every reference of a cell holding something, its letters and its digits: read over a part's first bytes only
# (``_Extent.widen``), the columns and rows they reach make the gate the rest of the part is searched with
_FILLED_REF_RE = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>')
_EXTENT_WINDOW = 16 * 1024


@lru_cache(maxsize=None)
def _filled_columns(col: int) -> re.Pattern[bytes]:
    """The references of a longer form than the columns found (``col``: under 26, 26 to 701, 702 and more) name:
    three letters; two (while ``col`` is under 702); one past ``col`` (while it is under 26)."""
    forms = [rb"[A-Z]{3}"] if col >= 702 else [rb"[A-Z]{2,3}"] + ([rb"[%c-Z]" % (65 + col)] if col < 26 else [])
    return re.compile(rb' r="(' + b"|".join(forms) + rb')\d{1,7}"[^>]*(?<!/)>')


def file_format(path: Path, head: bytes) -> str:
    """"xlsx" (also .xlsm and .ods: a zip), "xls" (a Compound File) or "csv" (text, by its name)."""
    if head.startswith(OLE2_MAGIC):
        return "xls"
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if path.suffix.lower() in CSV_SUFFIXES:
        return "csv"
    return "unknown"


# The names calamine reads each format by (``check_file`` tells the format from the content). Excel
# saves an .xlsx named .xls without a word when a user renames it, and so do systems that export "Excel".
_SUFFIXES = {"xls": (".xls",), "xlsx": (".xlsx", ".xlsm"), "ods": (".ods",)}


# A JSON document (or JSON Lines): an object's first key, or an array's first value, right after the bracket — a CSV
# whose first header is bracketed ("[ID],Title") has a letter there. Read as a CSV, a data set exported as JSON was
# "no header row naming register columns … check the workbook" (fault69).
_JSON_START = re.compile(r'\ufeff?\s*(?:\{\s*"|\[\s*(?:[\[{"\d-]|true|false|null|\]))')
_GEOJSON_TYPE = re.compile(r'"type"\s*:\s*"(?:FeatureCollection|Feature)"')  # RFC 7946's member and values


_CUT_TOKEN = 16  # characters: the longest word or number of JSON cut at the sample's end ("tru", "-1.2345e")


def _json_text(text: str) -> bool:
    """Whether a text opening as JSON does (``_JSON_START``) is JSON: its first value reads to its end, or to the
    end of its line (JSON Lines), or runs past the text looked at. A CSV's first header bracketed with no letter
    after the bracket — a to-do list's box "[ ]", a numbered "[1] ID" — reads as a value followed by more of the
    line ("[ ],Task,Owner"), or not at all ("[x],…"): it stays a CSV (fault70)."""
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    try:
        _value, end = json.JSONDecoder().raw_decode(text, start)
    except json.JSONDecodeError as e:
        # cut by the sample's end or short in the file (a string running on, a word or a number cut): JSON still
        rest = text[e.pos:].rstrip()
        return e.msg.startswith("Unterminated string") or len(rest) <= _CUT_TOKEN and "\n" not in rest
    line_end = text.find("\n", end)
    return not text[end:line_end if line_end >= 0 else len(text)].strip()


def _json_kind(text: str) -> str | None:
    """"geojson" or "json" for a text that is JSON (``_JSON_START``, ``_json_text``), else None."""
    if _JSON_START.match(text) and _json_text(text):
        return "geojson" if _GEOJSON_TYPE.search(text) else "json"
    return None


_BLANK_BYTES = b" \t\r\n"
_BLANK_SCAN = 64 * MiB  # bytes of leading blanks looked past at most


def _head_text(path: Path) -> str | None:
    """``plain_text.text_of`` the file's first ``plain_text.SAMPLE`` bytes — or, when those are all blanks (spaces,
    tabs, line ends), of the sample from the first character that is not: a JSON document after 100 KB of spaces
    was read as a CSV and refused "no header row … check the workbook" (fault70b). OSError as reading raises it."""
    head = held_files.read(path, plain_text.SAMPLE)  # an office open here keeps SQLite's locks (held_files)
    text = plain_text.text_of(head)
    if text is None or len(head) < plain_text.SAMPLE or text.lstrip("\ufeff \t\r\n"):
        return text
    bom = next((b for b in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if head.startswith(b)), b"")
    wide = bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in head[:4096]  # UTF-16: a zero per blank
    blanks = _BLANK_BYTES + b"\x00" if wide else _BLANK_BYTES
    with open(path, "rb") as fh:
        at = len(bom)
        fh.seek(at)
        while at < _BLANK_SCAN:
            chunk = fh.read(MiB)
            if not chunk:
                return text  # blanks to the end
            rest = chunk.lstrip(blanks)
            at += len(chunk) - len(rest)
            if rest:
                break
        else:
            return text
        at -= at % 2 if wide else 0  # UTF-16 big-endian: the zero before the first character is its own
        fh.seek(at)
        sample = bom + fh.read(plain_text.SAMPLE)
    return plain_text.text_of(sample) or text


def _json_named_csv(path: Path) -> str | None:
    """``_json_kind`` of a file named .csv: a web service's records saved under the name a spreadsheet opens
    ("export.csv" holding JSON) were read as a CSV and refused "no header row … check the workbook" (fault70)."""
    try:
        text = _head_text(path)
    except OSError:
        return None
    return _json_kind(text) if text is not None else None


# A web page archive (MHTML): Excel's "Single File Web Page" (.mht, and saved or exported as .xls by web systems),
# mail headers over the page's parts. Read as a CSV, it was refused "no header row … check the workbook" (fault71).
_MHTML_RE = re.compile(r"\ufeff?\s*(?:(?:MIME-Version|X-[\w-]+|From|Subject|Date|Snapshot-Content-Location)\s*:[^\n]*\n)*"
                       r"[^\n]*?\bContent-Type\s*:\s*multipart/related\b", re.IGNORECASE)


def _text_kind(path: Path) -> str:
    """A file neither a workbook nor named .csv: "csv" when it is text all the same (a CSV named .xls or
    .xlsx, Excel's Unicode Text), "html" for a web page, "xml" for Excel's XML Spreadsheet 2003, "unknown"
    otherwise (``plain_text``)."""
    try:
        text = _head_text(path)
    except OSError:
        return "unknown"
    if text is None:
        return "unknown"
    if json_kind := _json_kind(text):
        return json_kind
    if _MHTML_RE.match(text):
        return "mhtml"
    if not plain_text.is_web_page(text):
        return "csv"
    return "xml" if plain_text.is_xml_spreadsheet(text) else "html"


def check_file(path: Path, limits: Limits, scanned: dict[str, CellMarks] | None = None) -> str:
    """Refuse what is not a readable workbook before any parser sees it; returns its format. ``scanned``:
    filled with the error cells of each sheet part the checks read whole (``_scan_sheet``)."""
    name = path.name
    if not path.exists():
        raise WorkbookError(f"The file “{path}” does not exist.")
    if path.is_dir():
        raise WorkbookError(f"“{path}” is a folder, not an Excel workbook.")
    if not path.is_file():  # a named pipe would block the reading below until someone writes to it: forever
        raise WorkbookError(f"“{path}” is not a file (a pipe or a device), not an Excel workbook.")
    encrypted = False
    try:
        size = path.stat().st_size
        # The office open in this window, given to import, keeps SQLite's locks on it (held_files).
        head = held_files.read(path, 16)
        if head.startswith(OLE2_MAGIC):
            with open(path, "rb") as fh:
                encrypted = b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o" in fh.read(16 + 4 * MiB)
    except PermissionError:
        raise WorkbookError(f"You do not have permission to read “{name}”.") from None
    except OSError as e:
        raise WorkbookError(f"“{name}” cannot be read ({e.strerror or e}).") from None
    if encrypted:
        raise WorkbookError(f"“{name}” is protected with a password; open it in Excel, remove the password "
                            "(File ▸ Info ▸ Protect Workbook) and save it again before importing.")
    if size == 0:
        raise WorkbookError(f"“{name}” is empty (0 bytes), so there is nothing to import.")
    if head.startswith(SQLITE_MAGIC):  # a newcomer's first guess at bringing an office in
        raise WorkbookError(f"“{name}” is an office file (or another program's database), not a workbook, so it is "
                            "not imported; open it instead (File ▸ Open, or give it as the office on the command "
                            "line).")
    if head.startswith(b"%PDF-"):  # a board pack or a printout picked beside its workbook: mostly ASCII, so
        # read as a CSV it was said to have "no header row … check the workbook"
        raise WorkbookError(f"“{name}” is a PDF document (a board pack, a printout), not a workbook, so it is not "
                            "imported; import the workbook it was made from (.xlsx, .xls, .ods or .csv).")
    kind = file_format(path, head)
    _not_the_workbook(path, kind, size)
    if kind == "unknown":
        kind = _text_kind(path)
    elif kind == "csv":
        kind = _json_named_csv(path) or kind
    if kind == "unknown":
        raise WorkbookError(f"“{name}” is not an Excel workbook (.xlsx, .xls), an OpenDocument spreadsheet (.ods) "
                            "or a CSV file; save it in one of those formats and import that.")
    if kind == "mhtml":
        raise WorkbookError(f"“{name}” is a web page archive (MHTML, a “Single File Web Page”), not a workbook or a CSV "
                            "file, so it is not imported; open it in Excel and save it as an Excel Workbook (.xlsx), "
                            "and import that.")
    if kind in ("json", "geojson"):
        what = "a map's features (GeoJSON)" if kind == "geojson" else "data in JSON"
        raise WorkbookError(f"“{name}” is {what}, not a workbook or a CSV file, so it is not imported; open it in a "
                            "spreadsheet program or the program that made it, save the register as .xlsx or .csv, "
                            "and import that.")
    if size > limits.max_file_bytes:
        raise WorkbookError(f"“{name}” is {size // MiB} MB, more than the {limits.max_file_bytes // MiB} MB "
                            "an import accepts; split it into smaller workbooks.")
    if kind != "zip":
        return kind  # csv, xls, and the web systems' "Excel" files: html (a web page), xml (XML Spreadsheet 2003)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_zip_entries(name, infos, limits)
            _check_xml_parts(name, zf, infos, limits, scanned)
            if "mimetype" in {i.filename for i in infos} and zf.read("mimetype")[:64].startswith(ODS_MIME):
                from .ods_cells import sheet_sizes

                for last_row, last_col, text, longest in sheet_sizes(path):  # its repeats, as the reader expands them
                    _refuse_extent(name, last_row, last_col, limits)
                    _refuse_text(name, text, last_row * last_col, longest, limits)
                return "ods"
    except WorkbookError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, KeyError):
        if _being_written(path):
            raise WorkbookError(f"“{name}” is still being written (saved, copied or downloaded just now), so "
                                "it cannot be read yet; wait until it is finished and try again.") from None
        raise WorkbookError(f"“{name}” is damaged or is not an Excel workbook (its zip structure cannot be "
                            "read); ask the sender for a fresh copy.") from None
    return "xlsx"


_IQY_RE = re.compile(rb"\s*WEB\s*\r?\n\s*\d+\s*\r?\n\s*https?://", re.IGNORECASE)


def _not_the_workbook(path: Path, kind: str, size: int) -> None:
    """Refuse, naming it, a file picked beside a workbook that stands for it: the lock file Excel ("~$Risks.xlsx")
    or LibreOffice (".~lock.Risks.xlsx#") keeps while someone has it open, which holds only their name (Excel's was
    "not an Excel workbook … save it in one of those formats", LibreOffice's read as a CSV of one row); SharePoint's
    "Export to Excel", a web query (.iqy) holding the list's address, not its rows."""
    name = path.name
    owner = name[2:] if name.startswith("~$") else name[7:-1] if name.startswith(".~lock.") and \
        name.endswith("#") else None
    if owner and kind not in ("zip", "xls") and size < 64 * 1024:
        raise WorkbookError(f"“{name}” is the lock file a spreadsheet program keeps beside “{owner}” while someone "
                            f"has it open (it holds only their name), not the workbook; import “{owner}” itself.")
    if path.suffix.lower() == ".iqy" or kind == "unknown" and size < 64 * 1024 and \
            _IQY_RE.match(held_files.read(path, 512)):
        raise WorkbookError(f"“{name}” is an Excel web query (.iqy), what SharePoint's “Export to Excel” gives: it "
                            "holds the list's address, not its rows; open it in Excel (which fetches the list), save "
                            "that as an Excel workbook (.xlsx) and import it.")


# A workbook whose zip cannot be read may only be unfinished: a copy from a share or an e-mail under
# way, a program saving it — the zip's directory, at its end, comes last. When it grows or changes
# while we watch it for a moment (only on this failing path), it is said to be still being written,
# rather than "damaged".
WATCH_SECONDS, WATCH_STEP = 1.0, 0.1


def _being_written(path: Path) -> bool:
    def signature() -> tuple[int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    first = signature()
    end = time.monotonic() + WATCH_SECONDS
    while time.monotonic() < end:
        time.sleep(WATCH_STEP)
        if signature() != first:
            return True
    return False


def _count_rows(zf: zipfile.ZipFile, info: zipfile.ZipInfo, stop: int) -> int:
    with zf.open(info) as fh:
        return _scan_sheet(fh, stop)[0]


def _scan_sheet(fh: Any, stop: int | None = None, extent: "_Extent | None" = None,
                shared: list[int] | None = None) -> tuple[int, CellMarks | None]:
    """One streamed pass over a sheet's XML (a decompression, no parse): its row tags, counted until more
    than ``stop``, and its Excel error cells (#REF!, #N/A …) by (row, column), which calamine reads as
    empty, and its negative numbers, which it reads as times in a date cell; None for these when the count
    stopped before the end. ``extent``: the last row and column of the cells holding something, widened in the
    same pass (``_Extent.widen``: the sheet decompressed once for the checks and the error cells).
    ``shared``: [the cells of shared text] counted in the same pass (``_refuse_repeated_text``)."""
    out: CellMarks = {}
    rows = 0
    carry = b""
    while True:
        chunk = fh.read(1 * MiB)
        if not chunk and not carry:
            break
        buf = carry + chunk if carry else chunk
        cut = max(buf.rfind(b"</row>") + 6, 0) if chunk else len(buf)
        if extent is not None:  # each part ends after a row's end (or the sheet's): no cell is cut in two
            extent.widen(buf, cut)
        rows += buf.count(b"<row ", 0, cut) + buf.count(b":row ", 0, cut)
        if shared is not None:
            shared[0] += buf.count(b't="s"', 0, cut)
        if stop is not None and rows > stop:
            return rows, None
        if buf.find(b't="e"', 0, cut) >= 0:
            for m in _ERROR_CELL_RE.finditer(buf, 0, cut):
                ref, value = _REF_RE.search(m.group(1)), _VALUE_RE.search(m.group(2))
                if ref is None or value is None:
                    continue
                out[(int(ref.group(2)) - 1, _col_index(ref.group(1)))] = value.group(1).decode("utf-8", "replace")
        for marker, cells in ((b"v>-", _NEGATIVE_CELL_RE), (b"v>60</", _SIXTY_CELL_RE)):
            if buf.find(marker, 0, cut) < 0:
                continue
            for m in cells.finditer(buf, 0, cut):
                ref, value = _REF_RE.search(m.group(1)), _VALUE_RE.search(m.group(2))
                if ref is None or value is None or b't="' in m.group(1) and b't="n"' not in m.group(1):
                    continue  # a text, an error, a boolean: not a number
                try:
                    out[(int(ref.group(2)) - 1, _col_index(ref.group(1)))] = float(value.group(1))
                except ValueError:
                    continue
        if any(buf.find(empty, 0, cut) >= 0 for empty in _NO_VALUE):
            _uncalculated(buf, cut, out)
        carry = buf[cut:]
        if not chunk:
            break
    return rows, out


def _uncalculated(buf: bytes, cut: int, out: CellMarks) -> None:
    """The formulas of ``buf`` (up to ``cut``) with no value saved, into ``out`` as ``Uncalculated``."""
    for m in _UNCALCULATED_RE.finditer(buf, 0, cut):
        start = max(buf.rfind(b"<c ", 0, m.start()), buf.rfind(b":c ", 0, m.start()))
        if start < 0:
            continue
        tag = buf[start:m.start()]
        kind = _TYPE_RE.search(tag)
        ref = _REF_RE.search(tag)
        if ref is None or kind is not None and kind.group(1) != b"n":
            continue  # a text's, a flag's or an error's formula: its value is the one read, even empty
        formula = html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m.group(1) else ""
        out[(int(ref.group(2)) - 1, _col_index(ref.group(1)))] = Uncalculated("=" + formula)


def _check_xml_parts(name: str, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits,
                     scanned: dict[str, CellMarks] | None = None) -> None:
    """Entity declarations (which only an XML prolog can hold) and sheets too tall, from each part's head.

    A sheet's ``<dimension>`` says how many rows it spans; when it spans more than an import accepts and
    its XML is big enough to hold that many rows, it is refused here, before any of it is decompressed
    beyond its first kilobytes. ``scanned``: filled with the error cells of the sheets counted whole here.
    """
    texts: array[int] | None = None  # the size of each shared string, read once a sheet may name them too often
    # No shared string is longer than their part: a sheet whose cells of shared text times that fit the limit needs
    # no more look (most workbooks: their strings are not even read for this).
    longest_possible = max((i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml")), default=0)
    for info in infos:
        if not info.filename.endswith(".xml") or info.file_size == 0:
            continue
        with zf.open(info) as fh:
            head = fh.read(16 * 1024)
        if _DTD_RE.search(head):
            raise WorkbookError(f"“{name}” contains XML constructs that can be used to attack a computer "
                                "(entity definitions); it was refused as unsafe.")
        if "worksheets/" in info.filename:
            big = info.file_size > max(limits.max_rows * MIN_ROW_BYTES, 64 * 1024)
            m = _DIMENSION_RE.search(head)
            rows = int(m.group(1)) if m and m.group(1) else 0
            extent = _Extent(limits.max_cells)  # the cells holding something: how much the reader will hold
            # its cells of shared text (``_refuse_repeated_text``), counted only where the workbook has shared
            # strings: a workbook of inline text (a web system's export, a streamed writer's) has none to repeat
            shared = [0] if longest_possible else None
            if m is None and big:  # no dimension (streamed writers): count the row tags, no parse
                with zf.open(info) as fh:
                    rows, errors = _scan_sheet(fh, limits.max_rows + limits.header_scan_rows, extent, shared)
                if scanned is not None and errors is not None:
                    scanned[info.filename] = errors  # the sheet's error cells, found in the same pass
            if rows > limits.max_rows + limits.header_scan_rows and big:
                raise WorkbookError(f"A sheet of “{name}” spans {rows:,} rows, more than the {limits.max_rows:,} rows "
                                    "an import accepts; split it into smaller workbooks (or delete empty formatted "
                                    "rows below the data).")
            if not (m is None and big):
                # Every sheet's cells are looked at, whatever its dimension says: a dimension is what the writer
                # claims (A1:F3 beside a value in XFD1048576 made the reader ask for 512 GB and abort the program),
                # and a value in ZZ1048576 is 736 million cells from A1 too. The pass also finds the sheet's error
                # cells, kept for its import (``_error_cells``), so it costs no second decompression.
                with zf.open(info) as fh:
                    errors = _scan_sheet(fh, None, extent, shared)[1]
                if scanned is not None and errors is not None:
                    scanned[info.filename] = errors
            if extent.may_exceed():
                _refuse_extent(name, extent.exact_row(partial(zf.open, info)), extent.col, limits)
            if shared is not None and shared[0] * longest_possible > limits.max_sheet_text_bytes:
                if texts is None:
                    texts = _shared_text_sizes(zf, infos)
                _refuse_repeated_text(name, zf, info, shared[0], texts, limits)


def _shared_text_sizes(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> array[int]:
    """The size in bytes of each of the workbook's shared strings, in order (with their few bytes of markup: a
    bound, not a count of letters). One streamed pass over a part ``_check_zip_entries`` bounded; ``split`` and
    ``len`` run in C, some 40 ms for 200,000 strings."""
    sizes = array("Q")
    part = next((i for i in infos if i.filename.lower().endswith("sharedstrings.xml")), None)
    if part is None:
        return sizes
    carry, split = b"", None
    with zf.open(part) as fh:
        while chunk := fh.read(1 * MiB):
            if split is None:  # Excel's own tags: a plain split, five times the speed of a pattern's
                split = _SHARED_END_RE.split if b"</si>" not in chunk else (lambda b: b.split(b"</si>"))
            pieces = split(carry + chunk)
            carry = pieces.pop()  # the string not ended yet in this chunk
            sizes.extend(map(len, pieces))
    return sizes


_SHARED_END_RE = re.compile(rb"</(?:\w+:)?si>")
_SHARED_CELL_RE = re.compile(rb'\bt="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')


def _refuse_repeated_text(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, cells: int, texts: array[int],
                          limits: Limits) -> None:
    """Refuse a sheet whose ``cells`` of shared text would hold more than ``Limits.max_sheet_text_bytes`` once read
    (each is given its own copy of the text it names). Its longest text times its cells bounds that: only past the
    limit is the sheet gone through again, adding up the text each cell names (a register of 200,000 rows with one
    long description somewhere passes on the sum)."""
    longest = max(texts, default=0)
    if cells * longest <= limits.max_sheet_text_bytes:
        return
    total, carry = 0, b""
    size = texts.__getitem__
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1 * MiB)
            buf = carry + chunk
            cut = max(buf.rfind(b"</row>") + 6, 0) if chunk else len(buf)
            total += sum(size(int(i)) for i in _SHARED_CELL_RE.findall(buf, 0, cut) if int(i) < len(texts))
            carry = buf[cut:]
            if not chunk:
                break
    _refuse_text(name, total, cells, longest, limits)


def _refuse_text(name: str, total: int, cells: int, longest: int, limits: Limits) -> None:
    """Refuse a sheet whose ``cells`` would hold ``total`` bytes of text once read, past ``Limits.max_sheet_text_bytes``:
    texts of up to ``longest`` bytes named (a shared string) or repeated (an .ods's repeated cell) again and again."""
    if total > limits.max_sheet_text_bytes:
        raise WorkbookError(f"A sheet of “{name}” would hold {total / MiB:,.0f} MB of text once read: its {cells:,} "
                            f"cells of text repeat texts of up to {longest:,} bytes again and again, more than the "
                            f"{limits.max_sheet_text_bytes // MiB:,} MB an import can hold; it was refused as unsafe "
                            "(ask the sender for the register itself, or split it into smaller workbooks if it is "
                            "genuine).")


class _Extent:
    """The last row and column (1-based) of a sheet's cells holding something, widened part by part as
    ``_scan_sheet`` decompresses the sheet: all ``_refuse_extent`` asks of them is whether row × column passes
    ``max_cells`` (and, when it does, both exactly, for its message).

    Why not the exact last row of every part: a part of a register holds some 20,000 cells, all in the columns
    already found and all but the first part's rows of as many digits as the rows before them. Seven searches
    a part for references of a longer form (three for the columns, four for the rows) and a list of every row's
    reference kept only for its ``max`` cost 0.1 s of CPU for 10,000 risks (docs/speed.md, round speed47). So
    each part is first searched once (``_gate``) for a cell the extent does not cover yet: a column past the
    last found, a row of more digits than any found; a part that has none is done. A row of as many digits is
    then worked out exactly only where it could decide (10**digits − 1 rows × the columns would pass
    ``max_cells``); otherwise the digits bound it (``row_exact`` False), and a sheet whose columns then grow
    past that bound has its rows read again (``exact_row``) — the decision and its figures are the exact ones."""

    __slots__ = ("col", "row", "digits", "row_exact", "max_cells")

    def __init__(self, max_cells: int):
        self.max_cells = max_cells
        self.col = 0  # the last column holding something, exactly
        self.row = 0  # the last row holding something among those worked out exactly
        self.digits = 0  # the digits of the last row holding something (its reference's)
        self.row_exact = True  # ``row`` is the last row of ``digits`` digits of every part so far

    def _bounded(self) -> bool:
        """The rows of ``digits`` digits cannot take row × column past ``max_cells``: the last is not needed."""
        return _MOST_ROWS_OF[self.digits] * self.col <= self.max_cells

    def widen(self, buf: bytes, cut: int) -> None:
        """Widen the extent to the cells of ``buf[:cut]`` holding something."""
        rows_exactly = not self._bounded()
        gate = _gate(min(self.col, 26) if self.col < 702 else self.col, self.digits, rows_exactly)
        first = gate.search(buf, 0, cut) if gate is not None else None
        if first is None:
            # nothing past the columns found, no row of more digits (nor, when they count, of as many); rows of as
            # many, when they do not count, were bounded already (``row_exact`` is False from the part that found them)
            return
        # Every reference looked for below is one the gate matches (a column past those found, a row of more
        # digits), so none stands before its first match: the scans start there (round speed59c).
        start = first.start()
        col, digits = self.col, self.digits
        at: int | None = start
        while at is not None and not rows_exactly and col < 26:
            # The references of the next ``_EXTENT_WINDOW`` bytes (a register's header and first rows) give the
            # columns and digits of most parts, and the gate made of them goes through the rest once — where a scan of
            # every reference for the columns and a search for longer rows went through it twice or more (round
            # speed61a). A reference that gate matches is past them: the next window starts there (each raises the
            # columns or the digits: some 30 at most); one the window cannot hold, and columns of two letters or
            # more, are scanned for as before.
            end = min(cut, at + _EXTENT_WINDOW)
            window = _FILLED_REF_RE.findall(buf, at, end)
            if not window:
                break
            letters, numbers = zip(*window)
            width = max(map(len, letters))
            last = max(letters) if width == 1 else max(x for x in letters if len(x) == width)
            col, digits = max(col, _col_index(last) + 1), max(digits, max(map(len, numbers)))
            if col >= 26:
                break
            if end == cut:
                at = None  # the window held the rest of the part
                break
            # the window's last reference may be cut at its end: the gate goes on from there
            beyond = _gate(col, digits, False)  # (never None: a column past ``col`` is one it looks for)
            past = beyond.search(buf, max(buf.rfind(b' r="', at, end), at), cut) if beyond is not None else None
            if past is not None and past.start() <= at:
                break
            at = None if past is None else past.start()
        if at is not None and col < _LAST_COLUMN_OF[3]:
            # one scan for the references of a longer form (three letters, two, one past those found); the longest
            # count, as when each form had a scan of its own, longest first
            found = _filled_columns(min(col, 26) if col < 702 else 702).findall(buf, at, cut)
            if found:
                width = max(map(len, found))
                last = max(found) if width == 1 else max(x for x in found if len(x) == width)
                col = max(col, _col_index(last) + 1)
        while at is not None and digits < 7:  # the most digits of a row: each search for more starts at the last found
            m = _FILLED_ROWS_FROM[digits + 1].search(buf, at, cut)
            if m is None:
                break
            digits, at = len(m.group(1)), m.start()
        self.col = col
        grown = digits > self.digits
        if grown:  # a row of more digits: rows of fewer are all below it
            self.digits, self.row, self.row_exact = digits, 0, True
        if self.digits and not self._bounded():
            # rows of as many digits as the last are the gate's only when they were counted exactly (or are new)
            found = _FILLED_ROW_RE[self.digits].findall(buf, start if grown or rows_exactly else 0, cut)
            if found:
                self.row = max(self.row, int(max(found)))
        elif self.digits:
            self.row_exact = False  # this part's rows bounded by their digits only

    def may_exceed(self) -> bool:
        """Row × column may pass ``max_cells``: ``_refuse_extent`` must see the exact figures."""
        return not self._bounded()

    def exact_row(self, reopen: Callable[[], Any]) -> int:
        """The last row holding something, exactly: read again from the sheet (``reopen``) when a part's rows
        were only bounded by their digits before the columns grew past that bound."""
        if self.row_exact:
            return self.row
        again = _Extent(0)  # a limit of 0 cells: every part's rows worked out exactly
        with reopen() as fh:
            _scan_sheet(fh, None, again)
        return again.row


@lru_cache(maxsize=None)
def _gate(col: int, digits: int, rows_exactly: bool) -> re.Pattern[bytes] | None:
    """One pattern for a part holding a cell the extent does not cover: a column past ``col`` (26: the single
    letters all found; 702 and more: the two-letter ones too), a row of more digits than ``digits`` — or of as
    many, when those rows are to be worked out exactly. None when nothing can widen it."""
    alternatives = []
    if col < 26:
        alternatives.append(rb"[A-Z]{2,3}\d{1,7}|[%c-Z]\d{1,7}" % (65 + col))
    elif col < 702:
        alternatives.append(rb"[A-Z]{2,3}\d{1,7}")
    elif col < _LAST_COLUMN_OF[3]:
        alternatives.append(rb"[A-Z]{3}\d{1,7}")
    low = digits if rows_exactly else digits + 1
    if low <= 7:
        alternatives.append(rb"[A-Z]{1,3}\d{%d,7}" % max(low, 1))
    if not alternatives:
        return None
    return re.compile(rb' r="(?:' + b"|".join(alternatives) + rb')"[^>]*(?<!/)>')


_MOST_ROWS_OF: list[int] = [10 ** digits - 1 for digits in range(8)]  # the last row a reference of so many digits can name
_LAST_COLUMN_OF = {1: 26, 2: 702, 3: 16_384}  # the last column a reference of so many letters names


def _refuse_extent(name: str, last_row: int, last_col: int, limits: Limits) -> None:
    """Refuse a sheet whose cells holding something make it more cells from A1 to its last than the reader holds
    (``Limits.max_cells``), naming its last column and row and what to delete."""
    if last_row * last_col > limits.max_cells:
        raise WorkbookError(f"A sheet of “{name}” reaches column {column_letters(last_col - 1)} down to row "
                            f"{last_row:,}: {last_row * last_col / 1e6:,.0f} million cells from A1, more than the "
                            f"{limits.max_cells / 1e6:,.0f} million an import can hold; delete the columns to the "
                            "right of the data and the rows below it (select them, right-click ▸ Delete), save, and "
                            "import again.")


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
        if info.filename.lower().endswith("sharedstrings.xml") and info.file_size > limits.max_shared_text_bytes:
            raise WorkbookError(f"“{name}” holds {info.file_size // MiB:,} MB of text (its shared strings), more than "
                                f"the {limits.max_shared_text_bytes // MiB:,} MB an import accepts; it was refused "
                                "(split it into smaller workbooks if it is genuine).")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_applies_above and ratio > limits.max_ratio:
            raise WorkbookError(f"“{name}” looks like a zip bomb (one part expands {ratio:,.0f} times, to "
                                f"{info.file_size // MiB:,} MB); it was refused as unsafe.")
    if total > limits.max_uncompressed_bytes:
        raise WorkbookError(f"“{name}” would expand to {total // MiB:,} MB, more than the "
                            f"{limits.max_uncompressed_bytes // MiB:,} MB an import accepts; it was refused "
                            "(split it into smaller workbooks if it is genuine).")
    if "word/document.xml" in names or "ppt/presentation.xml" in names:
        kind = "a Word document" if "word/document.xml" in names else "a PowerPoint presentation"
        raise WorkbookError(f"“{name}” is a zip file but not an Excel workbook: it is {kind}; open the register "
                            "itself (.xlsx, .xls, .ods or .csv) and import that.")
    if "xl/workbook.bin" in names:
        raise WorkbookError(f"“{name}” is an Excel Binary Workbook (.xlsb), which is not read here; open it in Excel, "
                            "save it as an Excel Workbook (.xlsx) and import that.")
    if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names) \
            and "content.xml" not in names:
        raise WorkbookError(f"“{name}” is a zip file but not an Excel workbook; save it from Excel as .xlsx "
                            "and import that.")


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen = 0
    e: BaseException | None = error
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


# Interruptions, not problems of the file: never turned into "cannot be read".
_NOT_FILE_ERRORS = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


def _guard(name: str, e: BaseException) -> WorkbookError:
    return e if isinstance(e, WorkbookError) else _unreadable(name, e)


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and time of last change, None when it is not there: what tells that it was saved again."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class SafeWorkbook:
    """A checked workbook open for reading. Use as a context manager.

    .xlsx, .xlsm, .xls and .ods are read by python-calamine (values as the file last showed them, dates
    in either date system); .csv by the ``csv`` module. Every check of ``check_file`` runs first.
    """

    def __init__(self, path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS):
        self.path = Path(path).expanduser()
        self.limits = limits
        self.stamp = file_stamp(self.path)  # taken before reading: a save while it is read shows at apply too
        self._scanned: dict[str, CellMarks] = {}  # sheet part → its error cells, if read whole
        # Each sheet's zip path, by its place in workbook.xml: read once. Read for each sheet (the archive's
        # directory, workbook.xml and its relations parsed anew), a workbook of 3,000 sheets — a sheet a risk's
        # response, a note a page — took the import past 150 s of CPU before it planned anything (fault69).
        self._parts: list[str | None] | None = None
        self._meta: dict[str, Any] | None = None  # ``_metadata``
        self._indexes: dict[str, int] | None = None  # ``_index_of``
        self.format = check_file(self.path, limits, self._scanned)
        self._csv: list[list[Any]] | None = None
        self.comment_lines: dict[int, str] = {}  # a CSV's comment lines, line → text (csv_comments)
        # a web page's or an XML Spreadsheet's sheets (web_tables), by name: their rows and merged ranges
        self._tables: dict[str, tuple[list[list[Any]], list[tuple[int, int, int, int]]]] | None = None
        # a CSV's rows whose cells could not be put under their columns (row number → why): refused
        self.unaligned: dict[int, str] = {}
        self._csv_cut: set[int] = set()  # a CSV's columns past the limits' max_columns that hold text
        self._cut: dict[str, list[int]] = {}  # sheet → its columns past max_columns holding values (not_read)
        self._wb: CalamineWorkbook | None = None
        self._xls_errors: dict[str, list[tuple[int, int, str]]] | None = None  # .xls: read once, on demand
        # the sheets calamine read, each with its merged ranges and its cells calamine misreads, for the next
        # reader of the same sheet (``sheet``), up to ``OPENED_CELLS`` cells of used range in all
        self._opened: dict[str, tuple[CalamineSheet, list[tuple[int, int, int, int]], CellMarks,
                                      dict[tuple[int, int], Any]]] = {}
        self._opened_cells = 0
        name = self.path.name
        try:
            if self.format == "csv":
                self._csv = _read_csv(self.path, limits, self.unaligned, self._csv_cut)
                # "# …" lines under the header: the file's comments, read as no row and said (csv_comments)
                self.comment_lines = comment_lines(self._csv)
                if self.comment_lines:
                    self._csv = blanked(self._csv, self.comment_lines)
            elif self.format in ("html", "xml"):
                self._tables = self._read_web()
            else:
                from python_calamine import CalamineWorkbook

                if self.path.suffix.lower() in _SUFFIXES.get(self.format, ()) and _utf8(str(self.path)):
                    self._wb = CalamineWorkbook.from_path(str(self.path))
                else:  # calamine reads by the name: a workbook under another's name is read by its content,
                    # and one whose name is not UTF-8 (a Latin-1 "résumé.xlsx" from an old share), which
                    # calamine cannot be given, too — it was called damaged
                    self._wb = CalamineWorkbook.from_filelike(io.BytesIO(self.path.read_bytes()))
                if not self._wb.sheet_names:
                    # Every spreadsheet program saves at least one sheet: none is a workbook part calamine could
                    # not read (workbook.xml broken), which was refused as "no sheet has a header row … check the
                    # workbook", as if the sheets were there and held no register
                    raise WorkbookError(f"“{name}” is damaged and cannot be read (it lists no sheet); open it in "
                                        "Excel, save it again as .xlsx and retry.")
        except WorkbookError:
            raise
        except BaseException as e:  # calamine raises its own errors for broken parts (a Rust panic too)
            if isinstance(e, _NOT_FILE_ERRORS) or ran_out_of_memory(e):
                raise
            if self.format == "xls":
                raise WorkbookError(f"“{name}” is an old-format Excel file (.xls) that cannot be read ({_short(e)}); "
                                    "open it in Excel, save it as an .xlsx workbook and import that.") from None
            raise _guard(name, e) from None

    def _read_web(self) -> dict[str, tuple[list[list[Any]], list[tuple[int, int, int, int]]]]:
        """A web page's tables (one sheet, named as Excel names it, by the file) or an XML Spreadsheet's
        worksheets, as Excel opens them (``web_tables``); the limits' rows and columns as a CSV's."""
        from . import web_tables

        text = plain_text.decode(self.path.read_bytes())
        cap = self.limits.max_columns
        if self.format == "html":
            rows, merges, cut = web_tables.html_rows(text, cap)
            sheets = {self.path.stem: (rows, merges)}
            self._cut[self.path.stem] = sorted(cut)
        else:
            sheets, cuts = web_tables.xml_sheets(self.path.name, text, cap)
            self._cut.update({title: sorted(c) for title, c in cuts.items()})
        for title, (rows, _merges) in sheets.items():
            if sum(1 for r in rows if any(x not in (None, "") for x in r)) > self.limits.max_rows + \
                    self.limits.header_scan_rows:
                raise WorkbookError(f"The sheet “{title}” has more than {self.limits.max_rows:,} rows, more than an "
                                    "import accepts; split it into smaller workbooks.")
        return sheets

    def __enter__(self) -> "SafeWorkbook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._opened.clear()
        try:
            if self._wb is not None:
                self._wb.close()
        except Exception:  # closing a half-read archive must never mask the real error
            pass

    @property
    def _calamine(self) -> CalamineWorkbook:
        if self._wb is None:
            raise WorkbookError(f"“{self.path.name}” is closed.")
        return self._wb

    def saved_on(self) -> dt.date | None:
        """The day an .xlsx or .xlsm workbook was last saved, as its own document properties say
        (docProps/core.xml, dcterms:modified); None for other formats or when it says none. Read on demand."""
        if self.format != "xlsx" or self._csv is not None:
            return None
        try:
            with zipfile.ZipFile(self.path) as zf:
                info = zf.getinfo("docProps/core.xml")
                if info.file_size > 1 << 16:
                    return None
                text = zf.read(info).decode("utf-8", "replace")
        except (KeyError, zipfile.BadZipFile, OSError, ValueError):
            return None
        found = _MODIFIED_RE.search(text)
        if found is None:
            return None
        try:
            return dt.date.fromisoformat(found.group(1))
        except ValueError:
            return None

    @property
    def sheet_names(self) -> list[str]:
        """Visible worksheets (hidden ones hold dropdown lists, not registers)."""
        if self._csv is not None:
            return [self.path.stem]
        if self._tables is not None:
            return list(self._tables)
        return [m.name for m in self._metadata.values()
                if str(m.visible).endswith(".Visible") and str(m.typ).endswith(".WorkSheet")]

    @property
    def _metadata(self) -> dict[str, Any]:
        """Each sheet's calamine metadata by its name, in the workbook's order: read once. Read again for each
        sheet (and each look at the sheet names), a workbook of 3,000 sheets spent 120 s of CPU there (fault69)."""
        if self._meta is None:
            self._meta = {m.name: m for m in self._calamine.sheets_metadata}
        return self._meta

    @property
    def hidden_sheet_names(self) -> list[str]:
        """Hidden worksheets: where a workbook keeps the lists behind its dropdowns, each in its order."""
        if self._csv is not None or self._tables is not None:
            return []
        return [m.name for m in self._metadata.values()
                if not str(m.visible).endswith(".Visible") and str(m.typ).endswith(".WorkSheet")]

    def _index_of(self, title: str) -> int:
        """The sheet's place in the workbook (its place in workbook.xml)."""
        if self._indexes is None:
            self._indexes = {name: i for i, name in enumerate(self._calamine.sheet_names)}
        return self._indexes[title]

    def sheet(self, title: str) -> "SheetReader":
        if self._csv is not None:
            if title != self.path.stem:
                raise WorkbookError(f"The file has no sheet called “{title}”; a CSV file has one, “{self.path.stem}”.")
            self._cut[title] = sorted(self._csv_cut)
            return SheetReader(self, title, self._csv, [])
        if self._tables is not None:
            if title not in self._tables:
                raise WorkbookError(f"The file has no sheet called “{title}”; it has {', '.join(self._tables)}.")
            rows, merges = self._tables[title]
            return SheetReader(self, title, rows, merges)
        if title not in self._metadata:
            raise WorkbookError(f"The workbook has no sheet called “{title}”; it has {', '.join(self._metadata)}.")
        meta = self._metadata[title]
        if not str(meta.typ).endswith(".WorkSheet"):
            raise WorkbookError(f"“{title}” is a chart sheet, not a table; choose a worksheet.")
        if (kept := self._opened.get(title)) is not None:  # read before: the same sheet, not read again
            return SheetReader(self, title, None, list(kept[1]), sheet=kept[0], errors=dict(kept[2]), values=dict(kept[3]))
        try:
            ws = self._calamine.get_sheet_by_name(title)
            ranges = ws.merged_cell_ranges
            booleans: dict[tuple[int, int], bool] = {}
            ods_errors: dict[tuple[int, int], str] = {}
            if self.format == "ods":  # calamine reports no merged cells for .ods, reads TRUE as 1 and an error
                from .ods_cells import sheet_extras  # as an empty cell: its XML says

                found, booleans, ods_errors = sheet_extras(self.path, title, self.limits.max_merged_ranges)
                ranges = ranges or found
            merges = [(r1 + 1, c1, r2 + 1, c2) for (r1, c1), (r2, c2) in (ranges or ())]
        except BaseException as e:  # a Rust panic on a damaged sheet is a BaseException
            if isinstance(e, _NOT_FILE_ERRORS) or ran_out_of_memory(e):
                raise
            raise _guard(self.path.name, e) from None
        if len(merges) > self.limits.max_merged_ranges:
            raise WorkbookError(f"The sheet “{title}” has more than {self.limits.max_merged_ranges:,} merged ranges; "
                                "unmerge the cells and import again.")
        errors: CellMarks = dict(ods_errors)
        if self.format == "xlsx":
            if self._parts is None:
                self._parts = _sheet_parts(self.path)
            index = self._index_of(title)
            errors = _error_cells(self.path, self._parts[index] if index < len(self._parts) else None, self._scanned)
        elif self.format == "xls":
            if self._xls_errors is None:
                from .xls_errors import error_cells

                self._xls_errors = error_cells(self.path)
            errors = {(r, c): text for r, c, text in self._xls_errors.get(title, ())}
        # An .ods cell marked an error shows its error whatever value the file keeps beside it: LibreOffice keeps
        # an empty text (read as empty, then filled from ``errors``), but a cell saved with a number ("#DIV/0!"
        # over office:value="0", as other programs write one) was read as that number — "Owner: 0" (fault71).
        values: dict[tuple[int, int], Any] = {**booleans, **ods_errors} if ods_errors else booleans
        end = ws.end
        cells = (end[0] + 1) * (end[1] + 1) if end else 0
        if cells <= HELD_CELLS and self._opened_cells + cells <= OPENED_CELLS:
            # a sheet of a workbook is opened again and again by the looks at it (the Fibonacci look, the
            # sheet's own reading, the form reading and the planned-work look of a sheet refused): each time
            # calamine read the whole sheet again (and a workbook's sheet XML was scanned again for its error
            # cells) — five reads of every sheet of a workbook of 147 sheets refused, round speed59b. Each reader
            # gets its own copies of the merged ranges and marks; calamine's sheet is only read from.
            self._opened[title] = (ws, list(merges), dict(errors), dict(values))
            self._opened_cells += cells
        reader = SheetReader(self, title, None, merges, sheet=ws, errors=errors, values=values)
        if title not in self._cut:
            self._cut[title] = reader.columns_not_read()
        return reader

    @contextmanager
    def telling_not_read(self, titles: Sequence[str] | None = None) -> Iterator[None]:
        """A ``WorkbookError`` raised meanwhile ("no sheet has a header row") says too which columns of
        ``titles`` (default: every visible sheet) were not read: the header may lie among them."""
        try:
            yield
        except WorkbookError as e:
            said = self.not_read(self.sheet_names if titles is None else titles)
            if not said:
                raise
            raise type(e)(f"{e} {' '.join(said)}") from None

    def not_read(self, titles: Sequence[str]) -> list[str]:
        """A sentence for each of ``titles`` whose columns past the limits' max_columns hold values: those
        are never read, and a user must be told so, not find the data missing. Costs nothing for a sheet
        whose used range ends within the limit; a wider one is gone through once more. The workbook open in
        a spreadsheet program is said first (``open_elsewhere_sentence``): what was typed there since its last
        save is not in the file either."""
        out = [said] if (said := open_elsewhere_sentence(self.path)) is not None else []
        for title in titles:
            if title not in self._cut:
                try:
                    self.sheet(title)  # a sheet no plan opened (rare): opened once for this
                except WorkbookError:
                    continue  # a chart sheet, a sheet that cannot be read: its own refusal says so elsewhere
            cut = self._cut.get(title)
            if cut:
                out.append(not_read_sentence(title, cut, self.limits.max_columns))
        return out


def open_elsewhere_sentence(path: Path) -> str | None:
    """What to say of a workbook a spreadsheet program has open (its lock file beside it: Excel's ``~$NAME``,
    LibreOffice's ``.~lock.NAME#``), else None. The import reads the file as last saved there: rows typed or
    fixed in the open window since were left out of the preview and the import without a word, the user sure
    they were in."""
    from .atomic import open_elsewhere

    found = open_elsewhere(path)
    if found is None:
        return None
    app, by, _lock = found
    return (f"“{path.name}” is open in {app}{by} — what is read is the workbook as last saved there; save it in "
            f"{app} first to bring in what was typed since, then check again.")


def column_letters(col: int) -> str:
    """Excel's letters of the 0-based column ``col`` (0 → A, 511 → SR, 16383 → XFD)."""
    out = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def not_read_sentence(title: str, columns: Sequence[int], cap: int) -> str:
    """"Sheet “Wide”: columns SX to XFD, 14 of them holding values, were not read …"."""
    first, last = column_letters(min(columns)), column_letters(max(columns))
    if len(columns) == 1:
        what = f"column {first}, which holds values, was not read"
    else:
        what = f"columns {first} to {last}, {len(columns):,} of them holding values, were not read"
    return (f"Sheet “{title}”: {what} — an import reads a sheet's first {cap:,} columns (A to "
            f"{column_letters(cap - 1)}); move the columns you need within those and import again.")


def _sheet_parts(path: Path) -> list[str | None]:
    """The zip path of each sheet of workbook.xml, in its order (checked free of DTDs already); none when the
    archive cannot tell them."""
    import xml.etree.ElementTree as ET

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        with zipfile.ZipFile(path) as zf:
            book = ET.fromstring(zf.read("xl/workbook.xml"))
            rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError):
        return []
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts: list[str | None] = []
    for el in book.iter(ns_main + "sheet"):
        target = targets.get(el.get(ns_rel + "id"))
        parts.append(None if target is None else target.lstrip("/") if target.startswith("/") else "xl/" + target)
    return parts


def _error_cells(path: Path, part: str | None, scanned: dict[str, CellMarks] | None = None) -> CellMarks:
    """The Excel errors (#REF!, #N/A ...) that calamine reads as empty cells, by (row, column), so the
    planner can name them, and the negative numbers it reads as times; a streamed scan of the sheet XML ``part``,
    which costs a decompression and no parse (none when ``scanned``, the file's checks, went through that sheet
    already)."""
    if part is None:
        return {}
    if scanned is not None and part in scanned:
        return dict(scanned[part])
    try:
        with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
            return _scan_sheet(fh)[1] or {}
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError):
        return {}  # the values calamine read stand; only the error markers are missing


def _utf8(text: str) -> bool:
    """Whether ``text`` is real text: a file name that is not UTF-8 is held with surrogates, which no
    UTF-8 encoder (calamine's, Rust's) takes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:80]


def _read_csv(path: Path, limits: Limits, unaligned: dict[int, str] | None = None,
              cut: set[int] | None = None) -> list[list[Any]]:
    """Rows of a CSV file: UTF-16 with its BOM (Excel's Unicode Text), UTF-8 (with or without BOM) or
    Windows-1252; comma, semicolon or tab. ``cut``: filled with the columns past the limits' max_columns
    that hold text (not read, and said)."""
    import csv

    text = plain_text.decode(path.read_bytes())
    if "\x00" in text[:4096]:
        raise WorkbookError(f"“{path.name}” is not a text CSV file; save it as CSV (UTF-8) and import that.")
    sample = text[:16 * 1024]
    piped = _pipe_table(text)
    rewrapped = csv_rewrapped.unwrapped(text) if piped is None else None
    if piped is not None:
        parsed = piped
    else:
        if rewrapped is not None:
            text, delimiter = rewrapped
        else:
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
                delimiter = dialect.delimiter
            except csv.Error:
                delimiter = _likely_delimiter(sample, path.suffix.lower())
        # The csv module reads the text itself, not its ``splitlines()``: those lines lose the line breaks of a
        # quoted cell typed over several lines (Alt+Enter in Excel), and split a row at a vertical tab, a form
        # feed or U+2028 pasted from Word or slides, which are text inside a cell, not the end of a row.
        parsed = _overflow_joined(_csv_rows(path.name, text, delimiter, limits.max_rows + limits.header_scan_rows),
                                  delimiter, unaligned)
    rows: list[list[Any]] = []
    data = 0
    cap = limits.max_columns
    for row in parsed:
        if len(row) > cap and cut is not None:
            cut.update(c for c in range(cap, len(row)) if row[c].strip())
        cells = [_one_line_end(c) if c.strip() else None for c in row[:cap]]
        if sum(map(len, filter(None, cells))) > LONGEST_CELL:  # as a workbook's (``_calamine_rows``): a CSV's line
            # of 50 MB and no delimiter was looked through whole for header words, 18 s before it was refused
            cells = [x[:LONGEST_CELL + 1] if x is not None and len(x) > LONGEST_CELL else x for x in cells]
        rows.append(cells)
        if any(c is not None for c in cells):
            data += 1
            if data > limits.max_rows + limits.header_scan_rows:
                raise WorkbookError(f"The sheet “{path.stem}” has more than {limits.max_rows:,} rows, more than an "
                                    "import accepts; split it into smaller workbooks.")
    return rows


def _csv_rows(name: str, text: str, delimiter: str, most: int) -> list[list[str]]:
    """The rows of a CSV's ``text``, refused when a quoted cell opens and never closes; no more read once more than
    ``most`` hold something (the file is refused for its rows then: a 200 MB CSV of 1.5 million rows took 1.9 GB
    to be told so, every row held first).

    The csv module reads such a cell — a quote mark typed at the start of a cell (“"Phase 2 budget”), a file cut
    short — to the end of the file: every row after it became that one cell's text, a title of thousands of
    letters, and those rows were not imported, without a word. Excel reads it so too; which rows were meant is
    for the person who has the file to say. A cell as long as the file allows is read (the csv module stopped at
    128 KB and called the whole file damaged): one longer than a cell holds is its row's error, said with its length."""
    import csv

    # the process's limit, raised once: no cell is longer than the file, which check_file has bounded
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    read_to = [0]  # where the lines given to the reader end

    def lines() -> Iterator[str]:
        """The lines of ``text`` with their ends, as ``io.StringIO(text, newline="")`` gives them, without the
        copy it makes of the text at four bytes a letter (800 MB for a 200 MB CSV)."""
        for line in _CSV_LINE_RE.finditer(text):
            read_to[0] = line.end()
            yield line.group()

    rows: list[list[str]] = []
    last_start = row_start = 0
    filled = 0
    for row in csv.reader(lines(), delimiter=delimiter):
        rows.append(row)
        last_start, row_start = row_start, read_to[0]
        if any(cell.strip() for cell in row):
            filled += 1
            if filled > most:
                return rows  # as many as ``_read_csv`` counts to refuse the file
    # Only the last row can hold such a cell, which runs to the end: it is looked at alone, cell by cell.
    opened = _unclosed_quote(text, last_start, delimiter)
    if opened is not None:
        line = len(_LINE_BREAK_RE.findall(text, 0, opened)) + 1
        shown = text[opened:opened + 40].split("\n")[0].split("\r")[0]
        raise WorkbookError(f"“{name}”: the cell starting “{shown}” on line {line:,} opens a quote mark that is "
                            "never closed, so everything after it would be read as that one cell and the rows "
                            f"below it lost ({len(_LINE_BREAK_RE.findall(text, opened)):,} lines); close the quote "
                            "mark (or delete it), save, and import again.")
    return rows


_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_CSV_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")  # a line and its end, or the last without one


def _unclosed_quote(text: str, start: int, delimiter: str) -> int | None:
    """Where, in the row of ``text`` starting at ``start``, a cell opens with a quote mark no single quote mark
    closes (a doubled one is a quote mark within it), as the csv module reads a cell; None when every one closes.
    After its closing quote, and in a cell not starting with one, a quote mark is text."""
    cell_end = re.compile("[" + re.escape(delimiter) + "\r\n]")
    at = start
    while at < len(text):
        if text.startswith('"', at):
            close = at + 1
            while True:
                close = text.find('"', close)
                if close < 0:
                    return at
                if not text.startswith('""', close):
                    break
                close += 2
            at = close + 1
        found = cell_end.search(text, at)
        if found is None:
            return None
        at = found.end()
    return None


_PIPE_SPLIT_RE = re.compile(r"(?<!\\)\|")
_PIPE_RULE_RE = re.compile(r"\|(\s*:?-+:?\s*\|)+")  # "|---|:--:|", the rule under the header


def _pipe_table(text: str) -> list[list[str]] | None:
    """The rows of a table typed in Markdown ("| Risk ID | Asset | … |" over "| --- | --- |") and saved under a
    spreadsheet's or a CSV's name: its cells between the pipes, the rule under the header left out. None when
    the text is no such table (every line but blank ones a row between pipes, its second line the rule)."""
    first = csv_rewrapped.first_filled_line(text)
    if first is None or not first.lstrip().startswith("|"):
        return None  # told from the first line, before a list of every line of a big file is made
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 3 or not all(line.startswith("|") and line.endswith("|") and len(line) > 1 for line in lines):
        return None
    if not _PIPE_RULE_RE.fullmatch(lines[1]):
        return None
    rows = []
    for line in lines:
        if _PIPE_RULE_RE.fullmatch(line):
            continue
        rows.append([cell.strip().replace("\\|", "|") for cell in _PIPE_SPLIT_RE.split(line[1:-1])])
    return rows


def _likely_delimiter(sample: str, suffix: str) -> str:
    """The delimiter when the csv module's sniffer cannot tell, as it cannot when a row holds one more than
    the others (a semicolon or a tab typed inside a cell of a hand-written file): a .tsv file's tab, else the
    one of comma, semicolon and tab that the most lines hold the same number of times, comma when none."""
    if suffix == ".tsv":
        return "\t"
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, score = ",", 0
    for d in (",", ";", "\t"):
        counts = Counter(line.count(d) for line in lines if line.count(d))
        n = counts.most_common(1)[0][1] if counts else 0
        if n > score:
            best, score = d, n
    return best


def _overflow_joined(rows: list[list[str]], delimiter: str, unaligned: dict[int, str] | None = None
                     ) -> list[list[str]]:
    """Rows of a CSV written by hand whose last column holds the delimiter unquoted ("Provides numbers, CTC
    metrics, and confirmations" under "Notes"): such a row has more cells than the table's other rows, and the
    cells past the table's width are the rest of its last cell's text, joined back as written (before, the text
    was cut at its first comma and the rest, under no header, lost). The table's width is the count of cells
    most of its rows have, as written (a spreadsheet's CSV pads every row to it; a title line above the table
    does not decide it); a row longer only by empty cells is left as it is. A cell in the middle holding the
    delimiter (csv_overflow) is joined back where the other rows' columns say; a row where that cannot be told
    is put in ``unaligned`` (row number → why), for the planner to refuse. When every row under the header
    holds the delimiter so in its last cell ("User Awareness Training, Email Filtering" under "Control"), the
    header's width is the table's: no row is of the right width to tell it otherwise."""
    rows = _all_overflowing(rows, delimiter)
    widths = Counter(len(r) for r in rows if len(r) >= 2)
    if not widths:
        return rows
    width, count = widths.most_common(1)[0]
    if count < 2:
        return rows
    width = max(width, _header_width(rows, width))
    out = []
    aligner = None
    for number, r in enumerate(rows, start=1):
        if len(r) > width:
            n = len(r)
            while n > width and not r[n - 1].strip():
                n -= 1
            if n > width:
                # which cell held the delimiter: the one the other rows' columns leave (csv_overflow)
                if aligner is None:
                    from .csv_overflow import Aligner

                    aligner = Aligner(rows, width)
                r, why = aligner.join(r[:n], delimiter)
                if why is not None and unaligned is not None:
                    unaligned[number] = why
        out.append(r)
    return out


def _header_width(rows: list[list[str]], width: int) -> int:
    """The width of a header naming more columns than most rows under it fill: a CSV written by hand or by a tool
    that leaves a row's empty cells at its end unwritten ("R1,Supplier late,Ann,Closed" under "ID,Title,Owner,
    Status,Due,Notes"). Each of its cells from the rows' width on is a name of its own (filled, not the text after
    an unquoted ", "), so the rows are short, not the header long: before, the header's surplus was joined into one
    column ("Title,Owner,Status"), every column after the ID read under the wrong name — the owner imported as the
    title, the status lost. 0 where the first row naming two columns is no wider than the rows."""
    head = next((r for r in rows if sum(1 for c in r if c.strip()) >= 2), None)
    if head is None:
        return 0
    n = len(head)
    while n > width and not head[n - 1].strip():
        n -= 1
    if n <= width or not all(c.strip() and c[:1] != " " for c in head[width - 1:n]):
        return 0
    return n


def _all_overflowing(rows: list[list[str]], delimiter: str) -> list[list[str]]:
    """Every row under a header of N cells longer than N, each cell past the N-th starting with a space as
    the text after an unquoted ", " does while the row's other cells do not: the surplus is the rest of the
    last cell (before, the header's width lost to the rows' and the surplus, under no header, dropped)."""
    at = next((i for i, r in enumerate(rows) if sum(1 for c in r if c.strip()) >= 2), None)
    if at is None:
        return rows
    head = len(rows[at])
    while head and not rows[at][head - 1].strip():
        head -= 1
    body = [r for r in rows[at + 1:] if any(c.strip() for c in r)]
    if head < 2 or len(body) < 2:
        return rows

    def filled(r: list[str]) -> int:
        n = len(r)
        while n and not r[n - 1].strip():
            n -= 1
        return n

    longer = [r for r in body if filled(r) > head]
    if len(longer) != len(body) or \
            not all(c[:1] == " " for r in longer for c in r[head:filled(r)]) or \
            any(c[:1] == " " for r in longer for c in r[1:head]):
        return rows
    return [*rows[:at + 1], *([*r[:head - 1], delimiter.join(r[head - 1:filled(r)])] if filled(r) > head else r
                              for r in rows[at + 1:])]


def _one_line_end(cell: str) -> str:
    """A CSV cell's line breaks as an xlsx cell's: LF (a file saved on Windows may carry CRLF in a cell)."""
    return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell


# Characters a cell may hold that no one sees: zero-width spaces and joiners, a byte-order mark — pasted
# from web pages and slides ("LOW\u200b", "Risk Status\u200b"); and spaces that do not break (U+00A0,
# U+202F, U+2007: "Project\xa0Manager"), which look like a space but are not one to a search or a filter.
# Every row that has any is read with the invisible ones dropped and those spaces plain (wherever it lies in
# the sheet), so an owner "Ann\u200b" is Ann, an ID "R1\u200b" is R1 and "Project\xa0Manager" "Project Manager".
# The joiners (U+200C, U+200D) are spelling between two letters of a script that joins them: Persian writes
# "آتش‌سوزی" with one, and dropping it changes the word. Only a joiner beside a space, a digit, an end of the
# cell or between two Latin letters is a stray one.
# The marks that set the direction text runs in (LRM, RLM, ALM; embeddings, overrides and isolates) draw nothing
# either: a name or an ID copied from a right-to-left page or a mail comes with them at its ends ("\u200eAnn\u200f"),
# which made a second person "Ann" beside Ann, an ID that never matches "R-5" again, and a title of marks alone a
# record no one can see (fault71). At a cell's ends they are dropped; inside it, between words of two directions,
# they are the writer's and kept.
_MARKS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE_RE = re.compile(f"[\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u2007{_MARKS}]")
_PLAIN = str.maketrans({"\u200b": None, "\u2060": None, "\ufeff": None,
                        "\u00a0": " ", "\u202f": " ", "\u2007": " "})
_JOINER_RE = re.compile("[\u200c\u200d]")
_EDGE_MARKS_RE = re.compile(f"^[{_MARKS}\\s]*[{_MARKS}]|[{_MARKS}][{_MARKS}\\s]*$")


def _joiner(m: re.Match[str]) -> str:
    text, i = m.string, m.start()
    before, after = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
    spelt = before.isalpha() and after.isalpha() and not (before.isascii() and after.isascii())
    return m.group() if spelt else ""


def _plain_row(row: list[Any]) -> list[Any]:
    """``row`` with odd spaces plain and invisible characters dropped (the same list when it has none)."""
    for x in row:
        if x.__class__ is str and not x.isascii() and _INVISIBLE_RE.search(x):
            return _visible(row)
    return row


def _visible(row: Sequence[Any]) -> list[Any]:
    out = []
    for x in row:
        if x.__class__ is str and _INVISIBLE_RE.search(x):
            x = _EDGE_MARKS_RE.sub("", _JOINER_RE.sub(_joiner, x.translate(_PLAIN)))
            x = x if x.strip() else None
        out.append(x)
    return out


class SheetReader:
    """Rows of one worksheet: the header area with merged cells filled in, then data rows.

    Rows are read as they are needed, from python-calamine's row iterator: finding the header reads
    only the first rows, and planning goes down the sheet without holding it as Python lists (a CSV
    file is already a list)."""

    def __init__(self, book: SafeWorkbook, title: str, rows: list[list[Any]] | None,
                 merges: list[tuple[int, int, int, int]], sheet: CalamineSheet | None = None,
                 errors: CellMarks | None = None,
                 values: dict[tuple[int, int], Any] | None = None):
        self.book = book
        self.title = title
        self._rows = rows
        self._sheet = sheet
        self._errors = errors or {}
        self._values = values or {}  # cells whose value the file says and calamine misreads (an .ods's TRUE)
        self._merges = merges
        self._top: list[list[Any]] | None = None
        self._depth = 0  # rows read as the top rows, when more than the limits' header_scan_rows (deepen)
        self._released = False
        # importer.sheet_keys: the columns a key of the sheet spells out, by header row
        self.keys_cache: dict[int, tuple[dict[int, dict[str, str]], set[tuple[int, int]]]] = {}
        self._held: list[list[Any]] | None = None  # every row as ``_raw`` gives it, once ``hold`` kept them
        # ``keep_rows``: first row → (width, the rows ``data_rows`` gave from it at that width)
        self._kept: dict[int, tuple[int, list[tuple[int, tuple[Any, ...]]]]] = {}
        if rows is not None:
            self.declared_rows = len(rows)
        else:
            end = sheet.end if sheet is not None else None
            self.declared_rows = end[0] + 1 if end else 0

    @property
    def unaligned(self) -> dict[int, str]:
        """The CSV file's rows whose cells could not be put under their columns (row number → why); none for
        a sheet of a workbook or rows made from the file (a form read as a header over one row of values)."""
        return self.book.unaligned if self._rows is not None and self._rows is self.book._csv else {}

    def _raw(self, start: int = 0) -> Iterator[list[Any]]:
        """Rows from the ``start``-th (0-based), as read: a list per row, columns from A, errors named."""
        if self._released:
            raise RuntimeError(f"the sheet “{self.title}” was released after planning")
        if self._held is not None:
            yield from itertools.islice(self._held, start, None)
            return
        errors, values = self._errors, self._values
        if self._rows is not None:
            source: Iterator[list[Any]] = iter(self._rows[start:])
            pad: list[Any] = []
        else:
            sheet = self._sheet
            assert sheet is not None  # a CSV file's rows or a sheet, until released
            first = sheet.start
            pad = [""] * (first[1] if first else 0)  # calamine's iterator starts at the first used column
            source = self._calamine_rows(sheet, start)
        if not pad and not errors and not values:  # the rows as read: passed on as they come
            yield from source
            return
        for index, row in enumerate(source, start=start):
            if pad:
                row = pad + list(row)
            if errors or values:
                row = list(row)
                formulas = []
                for c in range(len(row)):
                    text = errors.get((index, c))
                    if isinstance(text, float):  # a negative number: its value, where calamine gave a time;
                        if isinstance(row[c], (dt.time, dt.timedelta)) or (  # 60, where it gave 28 Feb 1900
                                text == 60 and isinstance(row[c], dt.date) and row[c].timetuple()[:3] == (1900, 2, 28)):
                            row[c] = text
                    elif text.__class__ is Uncalculated:
                        formulas.append((c, text))
                    elif text is not None and row[c] in ("", None):
                        row[c] = text
                    if values and (index, c) in values:
                        row[c] = values[index, c]
                # a template's unfilled row (an ID "=ROW()-1", a score "=C9*D9" and nothing typed) stays blank
                if formulas and any(x not in ("", None) for x in row):
                    for c, text in formulas:
                        if row[c] in ("", None):
                            row[c] = text
            yield row

    def _calamine_rows(self, sheet: CalamineSheet, start: int) -> Iterator[list[Any]]:
        try:
            for row in itertools.islice(sheet.iter_rows(), start, None):
                # A cell longer than Excel lets one be: no spreadsheet program wrote it (a 15 MB shared text in a
                # 17 KB file), and every look at a value (header words, choices, dates) went through all of it —
                # 21 s and 300 MB for one cell. Its first letters past the limit stand for it: its row is refused
                # all the same ("at most 32,767"), as any text too long for a cell is. A row's texts checked at once.
                if sum(map(len, filter(_IS_TEXT, row))) > LONGEST_CELL:  # type: ignore[arg-type]  # in C: no list, no copy
                    row = [x[:LONGEST_CELL + 1] if x.__class__ is str and len(x) > LONGEST_CELL else x for x in row]
                yield row
        except BaseException as e:  # a Rust panic deep in a damaged sheet is a BaseException
            if isinstance(e, _NOT_FILE_ERRORS) or ran_out_of_memory(e):
                raise
            raise _guard(self.book.path.name, e) from None

    def columns_not_read(self) -> list[int]:
        """The columns (0-based) past the limits' max_columns that hold a value, in order: no row reads them."""
        cap = self.book.limits.max_columns
        if self._rows is not None:
            return sorted(self.book._csv_cut) if self._rows is self.book._csv else []
        found = {c for _, c in self._errors if c >= cap}
        sheet = self._sheet
        end = sheet.end if sheet is not None else None
        if end is None or end[1] < cap:  # the used range ends within the limit: nothing to go through
            return sorted(found)
        for row in self._raw():
            if len(row) <= cap:
                continue
            tail = row[cap:]
            if tail.count("") + tail.count(None) == len(tail):  # counted in C: an empty tail costs no loop
                continue
            found.update(c for c, x in enumerate(tail, start=cap) if x != "" and x is not None)
        return sorted(found)

    def hold(self) -> None:
        """Keep every row of the sheet as read, so that the reads after this one take them from here and not
        from calamine again: a short sheet is read whole by the look for a key under the table and then by the
        planner, and calamine's rows made into Python values, with ``_raw``'s work on each, were paid twice.
        The rows are the same objects each read gets (no reader changes a row it is given). Not for a CSV file
        (its rows are a list already) nor past ``HELD_CELLS`` cells of the used range."""
        sheet = self._sheet
        end = sheet.end if sheet is not None else None
        if self._held is not None or self._released or self._rows is not None or end is None or \
                self.declared_rows * (end[1] + 1) > HELD_CELLS:
            return
        self._held = list(self._raw())

    def release(self) -> None:
        """Let go of the sheet calamine holds (the whole sheet, in Rust) once it has been planned; the
        header rows stay for the preview."""
        self.top_rows()
        self._held = None
        self._kept = {}
        self._sheet = None
        self._released = True

    def all_rows(self) -> list[list[Any]]:
        """Every row as read, empty cells as None (for a workbook read exactly as written: our export)."""
        return [self._clean(list(r)) for r in self._raw()]

    # --------------------------------------------------------------------------- merged cells
    def merged_ranges(self) -> list[tuple[int, int, int, int]]:
        """(min_row, min_col0, max_row, max_col0) of every merged range (rows 1-based, columns 0-based)."""
        return self._merges

    @staticmethod
    def _clean(row: list[Any]) -> list[Any]:
        return [None if x == "" or x is None else x for x in row]

    # --------------------------------------------------------------------------- reading
    def top_rows(self, fill_merged: bool = True) -> list[list[Any]]:
        """The first rows (where titles and the header live), merged ranges filled with their value
        (unless ``fill_merged`` is false: the cells as stored, for judging values below a header)."""
        limits = self.book.limits
        if self._top is None:
            self._top = [_plain_row(self._clean(list(r[: limits.max_columns])))
                         for r in itertools.islice(self._raw(), self._depth or limits.header_scan_rows)]
        rows = [list(r) for r in self._top]
        width = max((len(r) for r in rows), default=0)
        for cells in rows:
            cells.extend([None] * (width - len(cells)))
        for r1, c1, r2, c2 in self.merged_ranges() if fill_merged else ():
            if r1 > len(rows) or c1 >= width:
                continue
            value = rows[r1 - 1][c1]
            for r in range(r1, min(r2, len(rows)) + 1):
                for c in range(c1, min(c2, width - 1) + 1):
                    if rows[r - 1][c] is None:
                        rows[r - 1][c] = value
        return rows

    def deepen(self, rows: int) -> bool:
        """Read ``rows`` rows as the top rows from now on (a header further down than the limits' first
        rows); False, and nothing changed, when the sheet has no rows past those already read."""
        read = len(self.top_rows(fill_merged=False))
        if rows <= read or read < max(self._depth, self.book.limits.header_scan_rows) or \
                self.declared_rows <= read:
            return False
        self._depth, self._top = rows, None
        return True

    def shallow(self) -> None:
        """Back to the limits' first rows as the top rows (undoing ``deepen``)."""
        if self._depth:
            self._depth, self._top = 0, None

    def blank_rows_on_top(self) -> int | None:
        """How many blank rows stand above the sheet's first filled one, counted row by row (each let go once
        looked at); None when the sheet holds nothing at all."""
        blank = ("", None)
        for index, row in enumerate(self._raw()):
            if any(x not in blank for x in row):
                return index
        return None

    def rows_below_top(self, count: int) -> list[list[Any]]:
        """Up to ``count`` rows under the first rows, cells as stored (where a legend under a form lies)."""
        limits = self.book.limits
        return [_plain_row(self._clean(list(r[: limits.max_columns])))
                for r in itertools.islice(self._raw(len(self.top_rows(fill_merged=False))), count)]

    def _source_rows(self) -> list[list[Any]] | None:
        """Every row exactly as ``_raw`` gives it, when it gives the rows of a list (a held sheet, a CSV file's
        rows with no cell to correct); else None."""
        if self._held is not None:
            return self._held
        if self._rows is not None and not self._errors and not self._values:
            return self._rows
        return None

    def keep_rows(self, first_row: int, width: int) -> list[tuple[int, tuple[Any, ...]]]:
        """``data_rows(first_row, width)`` as a list, kept (for a sheet whose rows ``_raw`` gives from a list: held,
        or a CSV file's) so that a later ``data_rows`` from the same row at a width up to this one is cut from it
        and not read again: the look for a key under the table reads a short sheet 12 columns wider than the
        planner, which read every row again (round speed60b). Each value of a row is worked out by itself (an
        empty text, an invisible mark, a cell merged down from its column's first row), so a row's first
        columns are the same at any width; what lies past the narrower width (``data_rows``' ``past``) is
        taken from the rows as read, as a read at that width takes it."""
        rows = list(self.data_rows(first_row, width))
        if self._source_rows() is not None:
            self._kept[first_row] = (width, rows)
        return rows

    def data_rows(self, first_row: int, width: int, past: dict[int, dict[int, Any]] | None = None
                  ) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``(excel row number, values)`` from ``first_row`` down, ``width`` values each (cut from the rows
        ``keep_rows`` kept from ``first_row``, when they are at least as wide: see there).

        ``past``: filled with the values a row holds past those ``width`` columns (row number → {column: value}),
        so that a value typed beyond the last column with a header is not lost unsaid (row_planner keeps it in
        the notes under its letter). A row's tail is looked at by two counts in C; most rows have none.

        A cell merged down several rows (one project for three risks) gives its value to each row;
        a cell merged across columns keeps it in its first column only, so no other field is filled.
        Refuses with ``WorkbookError`` once the sheet exceeds the row limits.
        """
        kept = self._kept.get(first_row)
        source = self._source_rows() if kept is not None and width <= kept[0] else None
        if kept is None or source is None:
            return self._read_rows(first_row, width, past)
        rows = kept[1]
        # the wider read counted every row this one counts (a row with a value in its first columns) and went as
        # far: it refused where this read would
        if width < kept[0]:
            rows = list(zip(map(itemgetter(0), rows), map(itemgetter(slice(0, width)), map(itemgetter(1), rows))))
        if past is None:
            return iter(rows)
        raws = source[first_row - 1:first_row - 1 + len(rows)]
        if max(map(len, raws), default=0) <= width:  # no row goes past the width: nothing past it to keep
            return iter(rows)
        return self._with_past(rows, raws, width, past)

    @staticmethod
    def _with_past(rows: list[tuple[int, tuple[Any, ...]]], raws: list[list[Any]], width: int,
                   past: dict[int, dict[int, Any]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``rows`` as they are, ``past`` filled from ``raws`` (each row as read) as ``_read_rows`` fills it, row
        by row as they are taken."""
        for numbered, raw in zip(rows, raws):
            if len(raw) > width:
                tail = raw[width:]
                if tail.count("") + tail.count(None) != len(tail):
                    past[numbered[0]] = {c: x for c, x in enumerate(tail, start=width)
                                         if x is not None and (x.__class__ is not str or x.strip())}
            yield numbered

    def _read_rows(self, first_row: int, width: int, past: dict[int, dict[int, Any]] | None = None
                   ) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """``data_rows`` read from the sheet's rows."""
        limits = self.book.limits
        downs = sorted((r1, r2, c1) for r1, c1, r2, c2 in self.merged_ranges() if r2 > r1 and c1 < width
                       and r2 >= first_row)
        active: list[tuple[int, int, object]] = []  # (last row, column, value)
        nxt = 0
        data_rows = 0
        pad = (None,) * width
        too_far = first_row + limits.max_scanned_rows
        for number, raw in enumerate(self._raw(first_row - 1), start=first_row):
            if number >= too_far:
                raise self._too_many()
            row = tuple(raw[:width])
            if past is not None and len(raw) > width:
                tail = raw[width:]
                if tail.count("") + tail.count(None) != len(tail):
                    past[number] = {c: x for c, x in enumerate(tail, start=width)
                                    if x is not None and (x.__class__ is not str or x.strip())}
            # isascii() is a flag's read: a row of plain text costs no search, its texts' flags read in C (a loop
            # over every cell in Python was some 3,000 instructions a row)
            if not all(map(str.isascii, filter(_IS_TEXT, row))):
                for x in row:
                    if x.__class__ is str and not x.isascii() and _INVISIBLE_RE.search(x):
                        row = tuple(_visible(row))
                        break
            blanks = row.count("")  # calamine's empty cells, counted and found by the list's own search
            if blanks:
                cells = list(row)
                i = -1
                for _ in range(blanks):  # not searched past the last: that raised a ValueError a row
                    i = cells.index("", i + 1)
                    cells[i] = None
                row = tuple(cells)
            if len(row) < width:
                row = row + pad[: width - len(row)]
            if downs:
                while nxt < len(downs) and downs[nxt][0] <= number:
                    r1, r2, c1 = downs[nxt]
                    nxt += 1
                    if r1 == number:
                        active.append((r2, c1, row[c1]))
                if active:
                    active = [a for a in active if a[0] >= number]
                    if active:
                        cells = list(row)
                        for _, c, value in active:
                            if cells[c] is None:
                                cells[c] = value
                        row = tuple(cells)
            if row.count(None) != len(row):
                data_rows += 1
                if data_rows > limits.max_rows:
                    raise self._too_many()
            yield number, row

    def merged_down(self, number: int, col: int) -> bool:
        """Whether the cell at (row ``number``, column ``col``) continues a range merged from above."""
        return any(r1 < number <= r2 and c1 <= col <= c2 for r1, c1, r2, c2 in self._merges)

    def _too_many(self) -> WorkbookError:
        return WorkbookError(f"The sheet “{self.title}” has more than {self.book.limits.max_rows:,} rows, more "
                             "than an import accepts; split it into smaller workbooks (or delete empty "
                             "formatted rows below the data).")
