"""The risk's title under a header naming what goes wrong (issue 12, unseen set 74): an FMEA headed "Problem |
Consequence | … | Severity | Likeliness" rates a likelihood and a consequence of each row, so each row is a risk,
and its first column, saying what fails, is the risk's title. "Problem" names an issue's title elsewhere (the
issues register's words), so it is read so for risks only on a sheet whose header also names the risk's
probability and its effect or impact — decided once per header row. Before, the ventilator FMEA of unseen set 74
had no column naming its records and was refused whole (35 failure modes). No Qt, no openpyxl."""

from __future__ import annotations

from typing import Any

from .vocabulary import failure_title_words, word_key

# what a header must name beside the failure for the rows to be rated risks: a likelihood, and what follows
_RATED = frozenset({"probability"})
_FOLLOWS = frozenset({"effect", "impact"})


def failure_title(row: list[Any], mapping: dict[int, str]) -> int | None:
    """The column of a risk header row whose header names a failure ("Problem"), when it is the row's first
    filled cell, no field has it, and the row names a probability and an effect or impact; else None."""
    named = set(mapping.values())
    if not (_RATED <= named and named & _FOLLOWS):
        return None
    first = next((c for c, cell in enumerate(row) if cell is not None and str(cell).strip()), None)
    if first is None or first in mapping or not isinstance(row[first], str):
        return None
    return first if word_key(row[first]) in failure_title_words() else None
