"""A column of numbers whose words a legend under its header gives (issue 12, classes70a).

A team's decision log wrote its status as 1, 2 or 3 and said what they mean once, in a row under the header:
"Status of item: 1-Not started, 2-In progress, 3-Complete" (beside "Relative Importance: 1-High, 2-Medium, 3-Low").
The row was skipped as the template's hint, rightly, but the numbers were then no status words: the column went to
the notes and every decision of the older sheet, "3" (complete), stayed Pending (unseen set 70).

Decided once a column: in the first rows under the header, a cell listing two numbered words or more ("1-Not
started, 2-In progress", "1 = Low; 2 = High", after an optional caption ending in ":"), every other filled cell of
the column below it a whole number the list names. Such a column is read through its list — checked as the words
(``header_detection.check_values``) and each code read as its word when planned (``importer.sheet_keys``, the code
kept in the notes beside the word, as a key's are). Any other column is read as written. No Qt, no database."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# one numbered word of a legend: "1-Not started", "3 = Complete", "2) High", "1. Low"
_ITEM_RE = re.compile(r"\s*(\d{1,2})\s*[-–=.):]\s*([^\W\d_][^\d]{0,40}?)\s*")
_PARTS_RE = re.compile(r"[,;\n]")
LEGEND_ROWS = 3  # the legend is written in the first rows under the header, if at all
_ITEMS_MIN = 2


def legend_of(text: Any) -> dict[str, str] | None:
    """{"1": "Not started", …} of a cell listing numbered words, after an optional caption ("Status of item:"),
    else None."""
    if text.__class__ is not str or not any(ch.isdigit() for ch in text):
        return None
    head, colon, rest = text.partition(":")
    if colon and not any(ch.isdigit() for ch in head):
        text = rest
    out: dict[str, str] = {}
    for part in _PARTS_RE.split(text):
        if not part.strip():
            continue
        m = _ITEM_RE.fullmatch(part)
        if m is None or m.group(1) in out:
            return None
        out[m.group(1)] = m.group(2)
    return out if len(out) >= _ITEMS_MIN else None


def _code(x: Any) -> str | None:
    """A whole number's text ("3" of 3, 3.0 or "3"), else None."""
    if x.__class__ is bool:
        return None
    if isinstance(x, (int, float)):
        return str(int(x)) if float(x).is_integer() else None
    if isinstance(x, str) and x.strip().isdigit():
        return x.strip()
    return None


def column_legend(sample: Sequence[Sequence[Any]], c: int) -> tuple[int, dict[str, str]] | None:
    """(the legend's row in ``sample``, its codes) when column ``c``'s legend is in the first rows under the header
    and every other filled cell below it is a code it names (two at least), else None."""
    for i, row in enumerate(sample[:LEGEND_ROWS]):
        codes = legend_of(row[c]) if c < len(row) else None
        if codes is None:
            continue
        below = [r[c] for r in sample[i + 1:] if c < len(r) and r[c] is not None and str(r[c]).strip()]
        said = [_code(x) for x in below]
        if len(said) >= _ITEMS_MIN and all(k is not None and k in codes for k in said):
            return i, codes
        return None
    return None


def read_through(values: list[Any], codes: dict[str, str]) -> list[Any]:
    """The column's values with each code read as its word (the legend's own cell left out by the caller)."""
    return [codes.get(_code(x) or "", x) for x in values]
