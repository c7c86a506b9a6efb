"""A second sheet about records an earlier sheet lists, keyed by their names ("Concern & Strategies" beside a
stakeholder matrix: the stakeholders' names in its first column, under no header, then "Concerns | Strategy").

Its header names no column of records, so on its own it is no register; but its unnamed column holds the names
of the records another sheet of the same workbook has just listed. That column names its rows, which the
planner joins onto those records by name (row_planner: the same name on two sheets is one record), so what the
sheet says of each (its concerns, its strategy in the notes) goes onto them instead of being skipped.
"""

from __future__ import annotations

from typing import Any

from .header_detection import SAMPLE, HeaderMatch, check_values, map_header, real_fields
from .vocabulary import word_key
from .workbook_reader import SheetReader

HEADER_ROWS = 5  # the header of such a sheet stands in its first rows
SHARE = 2 / 3    # of its names that must be names the earlier sheet lists


def names_listed(found: list[tuple[SheetReader, HeaderMatch]]) -> dict[str, tuple[HeaderMatch, set[str]]]:
    """Per register, its first sheet's match and the keyed names (titles) of the records its first rows list."""
    out: dict[str, tuple[HeaderMatch, set[str]]] = {}
    for reader, match in found:
        kind = match.kind
        title = next((f.name for f in kind.reg.fields if f.required), None)
        col = next((c for c, n in match.mapping.items() if n == title), None)
        if kind.is_child or col is None or kind.register in out:
            continue
        rows = reader.top_rows(fill_merged=False)[match.row:]
        out[kind.register] = (match, {word_key(r[col]) for r in rows if col < len(r) and word_key(r[col])})
    return out


def keyed_by_names(reader: SheetReader, listed: dict[str, tuple[HeaderMatch, set[str]]]) -> HeaderMatch | None:
    """The sheet read as more of a register's records, named in a column with no header whose cells are mostly
    names that register's sheet lists, when its header names one field of that register at least; None
    otherwise."""
    rows = reader.top_rows()
    stored = reader.top_rows(fill_merged=False)
    for i, header in enumerate(rows[:HEADER_ROWS]):
        below = stored[i + 1:i + 1 + SAMPLE]
        for earlier, names in listed.values():
            kind = earlier.kind
            mapping, dups = map_header(kind, header)
            title = next(f.name for f in kind.reg.fields if f.required)
            if not mapping or title in mapping.values():
                continue
            col = _names_column(header, below, names)
            if col is None or any(word_key(x) in names for x in header if x is not None):
                continue  # records named along the top as well as down a column: a matrix (a heat map), no table
            mapping, demoted = check_values(kind, mapping, below, header)
            if not real_fields(mapping) or not _said_beside(mapping, below, col, names):
                continue
            mapping[col] = title
            headers = ["" if x is None else str(x).strip() for x in header]
            while headers and not headers[-1]:
                headers.pop()
            return HeaderMatch(kind, i + 1, mapping, headers, float(len(real_fields(mapping))), dups, demoted,
                               reader.title)
    return None


def _names_column(header: list[Any], below: list[list[Any]], names: set[str]) -> int | None:
    """The first column with no header whose filled cells (two at least) are mostly names of ``names``."""
    for c, cell in enumerate(header):
        if cell is not None and str(cell).strip():
            continue
        keys = [word_key(r[c]) for r in below if c < len(r) and word_key(r[c])]
        if len(keys) >= 2 and sum(1 for k in keys if k in names) >= SHARE * len(keys):
            return c
    return None


def _said_beside(mapping: dict[int, str], below: list[list[Any]], col: int, names: set[str]) -> bool:
    """Whether a column the header maps says something on most rows the names column names: a table of what
    is said of each record, not a grid whose axis label ("Impacto") happens to name a field."""
    named = [r for r in below if col < len(r) and word_key(r[col]) in names]
    return any(sum(1 for r in named if c < len(r) and word_key(r[c])) * 2 >= len(named)
               for c, n in mapping.items() if c != col and not n.startswith("@"))
