"""A column holding each record's ID and its name in one cell, its header naming both ("ID / choice" over
"D01 Hub-and-spoke", "Ref / Risk" over "R3 Supplier fails"): read as two columns, the ID and the name.

Round 55: a decision log's "ID / choice" column was read as the ID alone; the first row's whole cell became its
code, the others' a made-up code, and each decision was titled by the next column, its evidence. Decided once a
sheet, from its header and the first rows under it; only such a sheet is rewritten (read whole once)."""

from __future__ import annotations

import re
from typing import Any

from .vocabulary import id_words, word_key

# An ID as offices write them, then the name after a space, a colon or a dash ("D01 Hub-and-spoke", "R-3: Late
# permits", "12 – Staff turnover", "D10 468M programme cap"): letters (a few) and digits, then a name holding
# two letters running
_CODED_RE = re.compile(r"\s*((?:[^\W\d_]{1,6}[-_.]?)?\d{1,5}[a-z]?)(?:\s*[:.\-–—]\s*|\s+)((?=.*[^\W\d_]{2})\S.*\S)\s*",
                       re.S)
# the header's two names, parted by a slash, a dash between spaces, "&" or "and" ("ID / choice", "Ref - Risk")
_PARTS_RE = re.compile(r"\s*/\s*|\s+[-–—&]\s+|\s+and\s+", re.I)


def header_parts(header: Any) -> tuple[str, str] | None:
    """("ID", "choice") of a header naming an ID and then something else ("ID / choice"), or None."""
    if not isinstance(header, str):
        return None
    parts = [p for p in _PARTS_RE.split(header.strip()) if p.strip()]
    if len(parts) != 2 or word_key(parts[0]) not in id_words():
        return None
    return parts[0].strip(), parts[1].strip()


def coded_cells(values: list[Any]) -> bool:
    """Most cells (four in five, three at least) are an ID and a name, each ID its own."""
    texts = [x for x in values if isinstance(x, str) and x.strip()]
    found = [m for x in texts if (m := _CODED_RE.fullmatch(x))]
    codes = {m.group(1).lower() for m in found}
    return len(found) >= 3 and len(found) * 5 >= len(texts) * 4 and len(codes) == len(found)


def split_coded(rows: list[list[Any]], header_index: int, col: int, parts: tuple[str, str]) -> list[list[Any]]:
    """The rows with the column's IDs kept in it and their names in a column of their own after the last (the
    header row given the header's two names). A cell that is no ID and name stays whole in the ID column."""
    width = max((len(r) for r in rows), default=0)
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        row = list(row) + [None] * (width - len(row))
        added: Any = None
        if i == header_index:
            row[col], added = parts
        elif i > header_index and isinstance(row[col], str) and (m := _CODED_RE.fullmatch(row[col])):
            row[col], added = m.group(1), m.group(2)
        out.append(row + [added])
    return out
