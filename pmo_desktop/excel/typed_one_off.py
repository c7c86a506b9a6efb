"""Rows typed one column off their headers (classes58b): a run of rows whose every value stands one column left
(or right) of where its header says — the statuses under the owner's header and the status column holding dates,
the ID column holding titles — as when a row was pasted one cell off. Read as they stand, such rows import their
values into the wrong fields or are left out with reasons that do not say why (round 57's held-out Chinese bug
list: 14 bugs left out, "Status: “非常高” is not one of Open, Resolved, Closed", the status standing in the next
column).

The evidence is the row's typed columns (levels, choices, dates), never one cell: two of them at least whose own
cell is empty or no value of its field while the cell beside it, on the same side for all, is one, and none
whose own cell reads while the one beside does not. Whether the row is then read shifted, and only as part of a
run, is the row planner's; this module finds the side and says it. Nothing here knows Qt or openpyxl."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

LEAST_EVIDENCE = 2  # typed columns whose value stands beside them: one alone may be a slip


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, str) and not x.strip())


def one_off_side(row: Sequence[Any], typed: Iterable[int],
                 reads: Callable[[int, Any], bool]) -> tuple[int, list[int]] | None:
    """The side (+1: the values stand right of their headers, -1: left) every typed column's value stands on,
    with the columns showing it, or None. ``typed``: the row's columns of levels, choices and dates;
    ``reads(c, value)``: whether ``value`` is a value of column ``c``'s field."""
    for side in (1, -1):
        moved, stayed = [], []
        for c in typed:
            k = c + side
            beside = row[k] if 0 <= k < len(row) else None
            own = row[c] if c < len(row) else None
            own_reads = not _blank(own) and reads(c, own)
            beside_reads = not _blank(beside) and reads(c, beside)
            if beside_reads and not own_reads:
                moved.append(c)
            elif own_reads and not beside_reads:
                stayed.append(c)
        if len(moved) >= LEAST_EVIDENCE and not stayed and any(not _blank(row[c]) for c in moved if c < len(row)):
            return side, moved
    return None


def shifted(row: tuple[Any, ...], side: int, first: int, last: int) -> tuple[Any, ...] | None:
    """The row with every value moved back under its header, or None where a value would fall off the header's
    columns (``first`` … ``last``, the columns read): the whole row stands one column off, or it is not read so."""
    if side > 0:
        if first < len(row) and not _blank(row[first]):
            return None  # the value under the first header has no header left of it
        return row[1:] + (None,)
    if any(not _blank(x) for x in row[last:]):
        return None  # the last header's own cell holds a value: not the whole row one column left
    return (None,) + row[:-1]


def side_words(side: int) -> str:
    return "right" if side > 0 else "left"


def row_ranges(numbers: Sequence[int]) -> str:
    """Row numbers as runs ("103–112, 115")."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)
