"""A column naming the rows that is one sentence filled in from another column: a generated data set (issue 12,
classes73a, unseen set 73).

A dashboard's made-up incidents ("id | data | tipo | severidade | municipio | estado | descricao | status") name
each row by one sentence a program wrote, differing only by the row's town: "Ocorrência registrada na unidade de
Porto Seguro." — nine titles over 79 rows. They became 79 issues of those nine names. A person describing a
record writes it in their own words; a column that is the same words around another column's value on nearly
every row names no record, and the rows' kind ("tipo") is no name either: such a sheet is a data set, refused
saying why, as a column of nothing but ticket keys is (round 37).

Decided once a sheet, from its first rows: at least ten rows name the record, nine in ten of them are one
template filled with the same other column's value, that value differs between rows, and the words around it
are three at least. Two words are how a short title states a thing's problem ("Customer Name is missing", "Login
not working": a data-quality tool's issue log, round 31, whose issues are its records); a sentence of its own
around the value ("Ocorrência registrada na unidade de …") says only that the row exists.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .header_detection import HeaderMatch

TEMPLATED_REASON = "a generated data set"
_MIN_ROWS = 10
_MIN_WORDS = 3  # words of the sentence around the filled-in value
_HOLE = "\x00"  # where the other column's value stood in the sentence
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _template(title: str, row: list[Any], col: int) -> tuple[str, int] | None:
    """``title`` with the longest other cell of its row it holds taken out, and that cell's column."""
    best: tuple[str, int] | None = None
    for c, value in enumerate(row):
        if c == col or not isinstance(value, str) or len(value.strip()) < 3:
            continue
        part = value.strip()
        if part in title and (best is None or len(part) > len(row[best[1]].strip())):
            best = (title.replace(part, _HOLE, 1), c)
    return best


def templated_column(match: HeaderMatch, rows: list[list[Any]], col: int | None) -> str | None:
    """Why the sheet read as ``match`` is a generated data set: its naming column ``col`` is one sentence filled
    from another column on nearly every one of ``rows`` (the first rows under the header); None otherwise."""
    if col is None:
        return None
    titles = [(r, r[col].strip()) for r in rows if col < len(r) and isinstance(r[col], str) and r[col].strip()]
    if len(titles) < _MIN_ROWS:
        return None
    found = Counter(t for r, title in titles if (t := _template(title, r, col)) is not None)
    if not found:
        return None
    (template, filled), count = found.most_common(1)[0]
    if count * 10 < len(titles) * 9 or len(_WORD_RE.findall(template)) < _MIN_WORDS:
        return None
    if len({str(r[filled]).strip() for r, _ in titles if filled < len(r)}) < 2:
        return None  # the same value on every row: a constant title, not a filled-in one
    said = template.replace(_HOLE, "…")
    return (f"{TEMPLATED_REASON}, not the {match.kind.reg.title.lower()}: every “{match.headers[col].strip()}” is "
            f"one sentence, “{said}”, filled with the row's “{match.headers[filled].strip()}” — it names no "
            "record, and no other column does.")
