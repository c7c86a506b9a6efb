"""The xlsxwriter workbook the register export writes: rows streamed to disk, exact numbers, formats made once.

xlsxwriter writes the same workbook as openpyxl's write-only mode in about half the CPU time
(``benchmarks/bench_export.py``). Its ``constant_memory`` mode streams each row to a scratch file as it
is written, so memory stays flat however many rows; it refuses an Excel table in that mode only because
a table may write cells into rows already streamed. Ours is added before the first row, so its header
cells land in the row being written, and ``StreamingSheet`` lets it through.
"""

from __future__ import annotations

import math
from typing import IO, Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..models import disk

__all__ = ["Formats", "StreamingSheet", "Workbook", "close_book", "discard_book", "new_book"]


class StreamingSheet(Worksheet):  # type: ignore[misc]  # xlsxwriter's classes are untyped (Any) to mypy
    """A constant-memory worksheet that takes an Excel table added before its first row, and writes
    every float as the shortest text that reads back as the very same double (xlsxwriter writes
    ``%.16G``, which drops the 17th significant digit some doubles need: 3268330.3504681624 would come
    back as 3268330.350468162)."""

    def add_table(self, first_row: int, first_col: int, last_row: int, last_col: int,
                  options: dict[str, Any] | None = None) -> Any:
        assert self.previous_row == 0 and first_row == 0, "the table goes in before the first data row"
        streaming = bool(vars(self)["constant_memory"])  # (set by xlsxwriter, untyped to mypy)
        cells = vars(self)["table_cells"]
        self.constant_memory = False
        # xlsxwriter notes every cell of a table, to refuse a later table or merge over it: 90 bytes a cell,
        # 64 MiB for 20,000 risks. A register sheet has one table and no merged cells: nothing is noted.
        self.table_cells = _NothingNoted()
        try:
            return super().add_table(first_row, first_col, last_row, last_col, options)
        finally:
            self.constant_memory = streaming
            self.table_cells = cells

    def _xml_number_element(self, number: Any, attributes: Any = ()) -> None:
        if type(number) is float and math.isfinite(number):
            attr = "".join(f' {key}="{self._escape_attributes(value)}"' for key, value in attributes)
            self.fh.write(f"<c{attr}><v>{number!r}</v></c>")
        else:
            super()._xml_number_element(number, list(attributes))


class _NothingNoted(dict[Any, Any]):
    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def new_book(target: IO[bytes]) -> Workbook:
    """A workbook written into ``target`` (a file opened for writing), streaming its sheets. Text is never
    read as a formula or a link (``write_string`` is used for it anyway); scratch files go to this
    process's scratch folder, which the next run removes if this one is killed (``models.disk``)."""
    return xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False,
                                        "tmpdir": str(disk.scratch_folder())})


def close_book(book: Workbook) -> None:
    """Zip the workbook into its target. A disk that fails (full, gone) is reported as the ``OSError`` it
    was, not xlsxwriter's wrapper, so the caller names the cause."""
    try:
        book.close()
    except FileCreateError as e:
        cause = e.args[0] if e.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise


def discard_book(book: Workbook) -> None:
    """Close the scratch files of an abandoned workbook (export cancelled or refused half-way), without
    writing it: nothing is left on disk and its destructor does not complain later."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        try:
            if handle is not None:
                handle.close()
        except OSError:  # best effort: the export has already failed with its own error
            pass
    book.fileclosed = True


class Formats:
    """xlsxwriter formats made once per workbook and shared by every cell that looks the same."""

    def __init__(self, book: Workbook):
        self.book = book
        self._made: dict[tuple[tuple[str, Any], ...], Format] = {}

    def get(self, **properties: Any) -> Format:
        key = tuple(sorted(properties.items()))
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self.book.add_format(properties)
        return found
