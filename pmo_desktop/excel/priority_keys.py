"""A workbook's own key of its numbered priorities (issue 12, left58).

A priority written as a number is a rank by default: 1 the first to handle, the most urgent
(``value_translation.numbered_priority``). A workbook may say otherwise in its own key — a list or key sheet
("1 = Low", "2 = Medium", "3 = High", "4 = Critical"), cells "Low (1)" … "Critical (4)", or two columns of a number
and its word a row ("1 | Low") — and then its numbers mean what the key says: read by the key, the opposite
direction included, and said once a sheet. The key is read from the workbook's rows, never guessed: 3 to 10 numbers
from 1 each once, every word one of the office's priority words, the words all different and in one direction
(rising or falling with the numbers). Two keys disagreeing are no key. Decided once a workbook.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .vocabulary import value_words, word_key

_KEY_SIZES = range(3, 11)
# "1 = Low", "1 - Low", "1: Low", "1 – Low", "1) Low", "1. Low" and "Low = 1", "Low - 1", "Low (1)"
_NUMBER_FIRST_RE = re.compile(r"^\s*(\d{1,2})\s*(?:=|-|–|—|:|\)|\.)\s*([^\W\d_][^\d=]*?)\s*$")
_WORD_FIRST_RE = re.compile(r"^\s*([^\W\d_][^\d=()]*?)\s*(?:=|-|–|—|:|\()\s*(\d{1,2})\s*\)?\s*$")


def _pair(cell: Any) -> tuple[int, str] | None:
    if not isinstance(cell, str):
        return None
    if (m := _NUMBER_FIRST_RE.match(cell)) is not None:
        return int(m.group(1)), m.group(2)
    if (m := _WORD_FIRST_RE.match(cell)) is not None:
        return int(m.group(2)), m.group(1)
    return None


def _lines(rows: Sequence[Sequence[Any]], beside: bool) -> list[list[tuple[int, str]]]:
    """Each row's and each column's "1 = Low" cells, then, where ``beside`` (a sheet no register is read from: a
    register's own "Priority | Severity" columns of three rows are no key), each pair of neighbouring columns'
    number and word a row ("1 | Low", "Low | 1"), as (number, word) in their order."""
    by_row: dict[int, list[tuple[int, str]]] = {}
    by_col: dict[int, list[tuple[int, str]]] = {}
    pairs: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if (pair := _pair(cell)) is not None:
                by_row.setdefault(r, []).append(pair)
                by_col.setdefault(c, []).append(pair)
            elif beside and cell.__class__ in (int, float) and float(cell).is_integer():
                for w in (c - 1, c + 1):
                    word = row[w] if 0 <= w < len(row) else None
                    if isinstance(word, str) and word.strip():
                        pairs.setdefault((c, w), []).append((int(cell), word.strip()))
    return [*by_row.values(), *by_col.values(), *pairs.values()]


def _key_of(line: list[tuple[int, str]], words: dict[str, str], order: Sequence[str]) -> dict[int, str] | None:
    numbers = [n for n, _w in line]
    if len(line) not in _KEY_SIZES or sorted(numbers) != list(range(1, len(line) + 1)):
        return None
    key: dict[int, str] = {}
    for n, word in line:
        choice = words.get(word_key(word))
        if choice is None:
            return None
        key[n] = choice
    ranks = [order.index(key[n]) for n in sorted(key)]
    if len(set(ranks)) < min(len(ranks), len(order)):
        return None  # two numbers of one priority beyond what the office's list forces: no key, a list of things
    rising = all(a <= b for a, b in zip(ranks, ranks[1:], strict=False))
    falling = all(a >= b for a, b in zip(ranks, ranks[1:], strict=False))
    return key if (rising or falling) and ranks[0] != ranks[-1] else None


def priority_key(sheets: Sequence[tuple[str, Sequence[Sequence[Any]], bool]], register: str,
                 order: Sequence[str]) -> tuple[str, dict[int, str], str] | None:
    """The workbook's key of numbered priorities: (the sheet it is on, number → the office's priority, the key as
    written, "1 = Low, 2 = Medium, …"), or None when no sheet has one or two keys disagree. ``sheets``: each
    sheet's title, rows and whether no register is read from it; ``order``: the register's priorities from the
    lowest."""
    words = value_words(f"{register}.priority")
    found: dict[tuple[tuple[int, str], ...], tuple[str, str]] = {}
    for title, rows, beside in sheets:
        for line in _lines(rows, beside):
            key = _key_of(line, words, order)
            if key is not None:
                written = ", ".join(f"{n} = {w}" for n, w in sorted(line))
                found.setdefault(tuple(sorted(key.items())), (title, written))
    if len(found) != 1:
        return None
    [(items, (title, written))] = found.items()
    return title, dict(items), written
