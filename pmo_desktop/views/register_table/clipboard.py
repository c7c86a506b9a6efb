"""Tab-separated text as Excel puts on (and takes from) the clipboard."""

from __future__ import annotations

import csv
import io
import re

# A cell's end, its tab or its line break, in one search: a search for the tab alone runs to the end of a
# one-column paste at every cell (5 MB of one column: some 150,000 cells, each reading on to the end).
_CELL_END = re.compile(r"[\t\n]")


# An ID as registers write them: letters, a hyphen, a number (R-001, DEC-12, RSK-0042).
_ID_SHAPE = re.compile(r"[A-Za-z]{1,6}-\d{1,7}")


def first_column_holds_ids(block: list[list[str]], prefix: str) -> bool:
    """Whether the block's first column is IDs — this register's (``prefix``: "R-") or any register's shape — and
    not a first value to keep: rows copied whole from a register start with their IDs."""
    firsts = [row[0].strip() for row in block if row and row[0].strip()]
    return bool(firsts) and all(_ID_SHAPE.fullmatch(value) or (prefix and value.upper().startswith(prefix.upper())
                                                                and value[len(prefix):].isdigit())
                                for value in firsts)


def to_tsv(block: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(block)
    return out.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. Excel quotes cells holding tabs or line breaks; a final line break is not a row.
    Word writes a line break made with Shift+Enter as a vertical tab (code 11) in the text it copies: a
    paste takes it as the line break it is, within its cell, where the office refuses every other control character."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    rows: list[list[str]] = []
    row: list[str] = []
    at = 0
    while True:
        cell, at = _cell_at(text, at)
        row.append(cell.replace("\x0b", "\n"))
        if at >= len(text):
            rows.append(row)
            return rows
        if text[at] == "\n":
            rows.append(row)
            row = []
        at += 1  # past the tab or the line break


def _cell_at(text: str, start: int) -> tuple[str, int]:
    """The cell starting at ``start`` and where it ends (at its tab, its line break or the end of the text).

    A cell is quoted, the way Excel writes one holding a tab, a line break or a quote mark, only when its
    closing quote is followed by a tab, a line break or the end. Anything else starting with a quote mark is
    the text it shows: a browser or a text editor copies a cell "Go-live" slip as it is, and a CSV reading
    dropped its quote marks; a lone opening quote (“"Phase 2 budget”) swallowed every tab and line after it,
    the rest of the paste going into that one cell."""
    if text.startswith('"', start):
        parts, at = [], start + 1
        while (quote := text.find('"', at)) >= 0:
            if text.startswith('""', quote):  # a quote mark within the quoted cell, doubled
                parts.append(text[at:quote + 1])
                at = quote + 2
                continue
            end = quote + 1
            if end == len(text) or text[end] in "\t\n":
                parts.append(text[at:quote])
                return "".join(parts), end
            break
    found = _CELL_END.search(text, start)
    end = found.start() if found else len(text)
    return text[start:end], end
