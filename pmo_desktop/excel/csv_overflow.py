"""Rows of a hand-written CSV with more cells than its table has columns: a cell holding the delimiter nobody
quoted ("R-3,Supplier late, then cancels,High,Open" under "ID,Description,Impact,Status").

Which cell it was is decided from the table's other rows, the ones of the right width: each column's kind as
they show it (numbers, dates, one-word codes, a few short words such as levels and statuses, or free text).
The surplus is joined back into one column only when exactly one choice leaves every other cell fitting its
column's kind, a piece that starts with a space (", then cancels") going on the text before it; when no choice
or several fit equally, the row is refused with its reason (its cells kept, the surplus in the last one), never
imported misaligned. No Qt, no database: text in, text out.

A placeholder ("N/A", "TBD", "-", "none", "à définir": a word of ``person.nobody`` in any words file, or marks with
no letter or figure) fits a column of any kind and tells nothing of its kind (classes80): a Target Date of "N/A" on
the row with the unquoted comma let no join fit, and the row was refused though one join alone fits the rest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import value_words, word_key

_NUMBER_RE = re.compile(r"[-+]?[$€£]?\d+(?:[.,]\d+)?\s?%?")
_DATE_RE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@lru_cache(maxsize=1)
def _placeholder_words() -> frozenset[str]:
    return frozenset(value_words("person.nobody"))


def placeholder(text: str) -> bool:
    """A cell saying nothing is there yet, in any column: "N/A", "TBD", "none", "-", "?" (classes80)."""
    text = text.strip()
    return bool(text) and len(text) <= 40 and (
        not any(ch.isalnum() for ch in text) or word_key(text) in _placeholder_words())


def _kind(values: list[str]) -> str:
    """A column's kind from its filled cells in the rows of the right width, placeholders left out."""
    values = [v for v in values if not placeholder(v)]
    if not values:
        return "any"
    if all(_NUMBER_RE.fullmatch(v) for v in values):
        return "number"
    if all(_DATE_RE.fullmatch(v) for v in values):
        return "date"
    if all(len(v.split()) == 1 for v in values):
        return "code"
    if len({v.casefold() for v in values}) <= 6 and all(len(v.split()) <= 3 and len(v) <= 25 for v in values):
        return "words"  # levels, statuses, categories: a few short words
    return "text"


def _fits(cell: str, kind: str, seen: set[str]) -> bool:
    text = cell.strip()
    if not text or kind in ("any", "text") or text.casefold() in seen or placeholder(text):
        return True
    if kind == "number":
        return bool(_NUMBER_RE.fullmatch(text))
    if kind == "date":
        return bool(_DATE_RE.fullmatch(text))
    if kind == "code":
        return len(text.split()) == 1
    return len(text.split()) <= 3 and len(text) <= 25  # words


class Aligner:
    """The kinds of a CSV table's columns, from its rows of ``width`` cells (the first, its header, left out)."""

    def __init__(self, rows: list[list[str]], width: int):
        body = [r for r in rows if len(r) == width]
        if body and sum(1 for c in body[0] if c.strip()) >= 2:
            body = body[1:]
        self.width = width
        self.kinds = [_kind([r[c].strip() for r in body if r[c].strip()]) for c in range(width)]
        self.seen = [{r[c].strip().casefold() for r in body if r[c].strip()} for c in range(width)]
        later = [c for r in body for c in r[1:] if c.strip()]
        # a file written "R1, Ann, High" starts its cells with a space: there a space tells nothing
        self.spaced = bool(later) and sum(1 for c in later if c[:1] == " ") * 3 >= len(later)

    def join(self, row: list[str], delimiter: str) -> tuple[list[str], str | None]:
        """``row`` (more than ``width`` cells, no empty ones at its end) as ``width`` cells, and None; or, when
        which cell holds the delimiter cannot be told, the row with its surplus in the last cell and why."""
        width, n = self.width, len(row)
        k = n - width
        scored: list[tuple[int, list[str]]] = []
        for j in range(width):
            if self.kinds[j] not in ("text", "words", "any"):
                continue  # a number, a date or a code holds no delimiter
            cells = [*row[:j], delimiter.join(row[j:j + k + 1]), *row[j + k + 1:]]
            if not all(_fits(cells[c], self.kinds[c], self.seen[c]) for c in range(width) if c != j):
                continue
            bad = 0 if self.kinds[j] != "words" else 1  # a level or status rarely holds a comma
            if not self.spaced:  # a piece after ", " goes on the text before it; it starts no cell
                bad += sum(1 for i in range(1, n) if row[i][:1] == " " and not j < i <= j + k)
            scored.append((bad, cells))
        scored.sort(key=lambda s: s[0])
        if scored and (len(scored) == 1 or scored[0][0] < scored[1][0]):
            return scored[0][1], None
        name = _NAMES.get(delimiter, f"“{delimiter}”")
        why = (f"The row has {n} cells where the table has {width} columns: a cell holds a {name} nobody quoted, "
               f"and which one cannot be told from the other rows; put that cell's text in double quotes "
               "and import again.")
        return [*row[:width - 1], delimiter.join(row[width - 1:])], why
