"""A headed key beside the list, explaining one of its columns' values (issue 12, classes75b).

A student team's risk list writes each risk's status as a letter, a–e, and past an empty column a small table
headed "Status | Bedeutung | Farbcode" says what each letter means ("a | zu vernachlässigen" … "e |
projekt-gefährdend"). Its columns have headers, so they were read as more columns of the list: the first five risks
each got a line of the key in their notes, another row's meaning beside their own letter (unseen set 75). A block
past an empty column whose first column lists, each once, every value one of the list's columns writes (three
rows or more of the list, two values at least) is that column's key, not more of the records: not imported, said in
the preview. Decided once a sheet from its first rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .vocabulary import word_key

MIN_KEYS = 2   # a key explains two values at least
MAX_KEYS = 12  # and a few: a first column of many values is a table of its own (records keyed by the list's IDs)
MIN_ROWS = 3   # of the list's rows, whose values the key must all explain
MAX_WORDS = 3  # a value a key explains is a mark, a letter or a level word, never a text


def _cells(sample: list[list[Any]], c: int) -> list[str]:
    return [word_key(r[c]) for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]


def keys_beside(blocks: list[list[int]], naming: set[int], sample: list[list[Any]]) -> dict[int, int]:
    """Each column of a key block beside the list → the list's column whose values it explains; ``blocks``: the
    sheet's columns set apart by empty ones, ``naming``: the list's columns giving its records' ID or title."""
    lists = [b for b in blocks if set(b) & naming]
    if len(lists) != 1:
        return {}
    own = lists[0]
    out: dict[int, int] = {}
    for block in blocks:
        if block is own or len(block) < 2:
            continue
        keys = _cells(sample, block[0])
        if not MIN_KEYS <= len(keys) <= MAX_KEYS or len(set(keys)) != len(keys):
            continue
        for c in own:
            if c in naming:
                continue  # the records' own IDs or names listed beside them: another table about the same records
            values = _cells(sample, c)
            short = all(len(str(r[c]).split()) <= MAX_WORDS for r in sample if c < len(r) and r[c] is not None)
            if len(values) >= MIN_ROWS and len(set(values)) >= MIN_KEYS and short and set(values) <= set(keys):
                out.update({k: c for k in block})
                break
    return out


def key_said(headers: list[str], col: int, explained: int, letter: Callable[[int], str]) -> str:
    """Why a key's column is not imported."""
    head = headers[col] if col < len(headers) and headers[col] else f"Column {letter(col)}"
    of = headers[explained] if explained < len(headers) and headers[explained] else f"column {letter(explained)}"
    return (f"“{head}” belongs to a key beside the list (past an empty column, its first column lists each value "
            f"of “{of}” once, with what it means), so it is not imported.")
