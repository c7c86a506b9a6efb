"""Columns of generated filler: every cell one word and the row's number (issue 12, classes79, unseen set 79).

A program's test data ("id | numero | resumo | conteudo" over "1 | decisao 1 | resumo 1 | conteudo 1" … 500 rows)
fills each column with one word and the row's own number. Its 500 rows became 500 pending decisions titled
"decisao N". A person naming a record writes words of their own; a column whose every cell is the same word
followed by a number counting up with the rows says only that the row exists. A sheet whose every column is such
filler, or numbers (its ids), names no record: refused saying why, in any language (decided by the cells' shape,
never by their words).

Decided once a sheet, from its first rows under the header: at least five rows, two filler columns at least (one
is a list's "Item 1, Item 2, …" beside real text, read as before), each with its own stem ("decisao", "resumo"),
their numbers one more on each row; every other column that holds anything holds numbers only. The column read
as the records' IDs is never filler: "R-001, R-002, …" counts up with the rows in every register.
"""

from __future__ import annotations

import re
from typing import Any

from .header_detection import HeaderMatch

FILLER_REASON = "generated filler"
_MIN_ROWS = 5
_MIN_COLUMNS = 2
# a word (or a few) then the number: "decisao 7", "Resumo_7", "item-7", "conteúdo #7", "Задача 7", "項目7"
_FILLER_RE = re.compile(r"^\s*([^\W\d_](?:[^\d]*[^\W\d_])?)[\s_#\-.:]*(\d{1,9})\s*$")


def _number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and re.fullmatch(r"\s*-?\d+(?:[.,]\d+)?\s*", value) is not None


def _filler(values: list[Any]) -> str | None:
    """The one stem of a column whose every cell is that stem and a number one more on each row, or None."""
    stems: set[str] = set()
    numbers: list[int] = []
    for value in values:
        found = _FILLER_RE.match(value) if isinstance(value, str) else None
        if found is None:
            return None
        stems.add(found.group(1).casefold())
        numbers.append(int(found.group(2)))
        if len(stems) > 1:
            return None
    if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return None
    return stems.pop()


def filler_columns(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why the sheet read as ``match`` is generated filler (``rows``: the first rows under its header): every
    column that holds anything is one stem and the row's number, or numbers; None otherwise."""
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < _MIN_ROWS:
        return None
    width = max(len(r) for r in filled)
    fillers: list[tuple[int, str]] = []
    for c in range(width):
        values = [r[c] if c < len(r) else None for r in filled]
        present = [x for x in values if x is not None and str(x).strip()]
        if not present:
            continue
        if all(_number(x) for x in present) or match.mapping.get(c) == "code":
            continue  # its ids ("R-001" counts up with the rows as any register's IDs do), or numbers beside it
        if len(present) < len(values):
            return None  # a text column with gaps: written by hand
        stem = _filler(values)
        if stem is None:
            return None
        fillers.append((c, stem))
    if len(fillers) < _MIN_COLUMNS or len({stem for _c, stem in fillers}) < len(fillers):
        return None
    named = ", ".join(f"“{match.headers[c].strip()}”" if c < len(match.headers) and match.headers[c].strip()
                      else f"column {c + 1}" for c, _stem in fillers[:4])
    first = filled[0]
    shown = ", ".join(f"“{str(first[c]).strip()}”" for c, _stem in fillers[:3])
    return (f"{FILLER_REASON}, not the {match.kind.reg.title.lower()}: every cell of {named} is one word and the "
            f"row's number ({shown} …) — a program's test data, naming no record.")
