"""A scale a column's own legend declares above its header (classes71a), or a legend beside the table pairing the
column's decimals with level words (classes72a, ``side_ladder`` below).

A sheet may write a rating's levels in the cells over its column, one a line ("1: unwahrscheinlich", "2: möglich",
"3: sehr wahrscheinlich" over "Eintrittswahrscheinlichkeit"): that says the column rates on 1–3, as "(1 - 3)" in
its header does (``value_translation.declared_scale``). Without it a 3 ("very likely") stayed a 3 of the office's
five. Decided once a column, from the cells above its header only."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .value_translation import written_number
from .vocabulary import value_words, word_key, words_of

# "1: word", "1 = word", "1 - word", "1) word": a level's number, then its meaning
_LEVEL_LINE_RE = re.compile(r"^\s*(\d{1,2})\s*(?::|=|-|–|\))\s*[^\W\d_]")

# where the preview says the scale was told (value_translation.ToldScale.source)
COLUMN_LEGEND = "the legend above the column"

# a legend of two levels is no scale worth rescaling; over ten is no rating's legend
_SIZES = range(3, 11)


def column_legend_scale(top_rows: list[list[Any]], column: int) -> int | None:
    """The top of the scale the lines of "n: meaning" over ``column`` number (``top_rows``: the sheet's rows
    above its header), when they number 1 … n each once, n from 3 to 10; None when the cells above tell none."""
    numbers: list[int] = []
    for row in top_rows:
        cell = row[column] if column < len(row) else None
        if isinstance(cell, str) and (found := _LEVEL_LINE_RE.match(cell)):
            numbers.append(int(found.group(1)))
    top = len(numbers)
    return top if top in _SIZES and sorted(numbers) == list(range(1, top + 1)) else None


# --- a legend beside the table pairing decimals with level words (classes72a) ---------------------------------------
#
# A course's risk analysis rated probability and impact as 0.2 … 0.8 and wrote, in cells right of the table, what
# those numbers are: "0.8 | Almost Certain" … "0.1 | Rare" down two columns, "Insignificant … Catastrophic" over
# "0.05, 0.1, 0.2, 0.4, 0.8" along two rows (PMBOK's probability and impact scales). Read as per cent, 0.8 was level
# 4 and 0.4 level 2; the legend makes 0.8 the fifth level of both and 0.4 the third of probability, the fourth of
# impact (unseen set 72). A pair is a number of 0–1 beside (or over, or under) a level word of the words files; a
# legend is three such pairs or more in a line, its levels rising with its numbers. Decided once a column, for a
# column of fractions only, from the sheet's top rows (the cells the header search reads).

# a legend of two levels says no scale; a level word names one of five, so no legend of words has more
_PAIRS = range(3, 6)
# PMBOK's own value sets (its Guide's probability–impact matrix): read so when no legend on the sheet says otherwise
_PMBOK = {"probability": (0.1, 0.3, 0.5, 0.7, 0.9), "impact": (0.05, 0.1, 0.2, 0.4, 0.8)}
# a column of fewer distinct values says too little to be told from per cent: 0.1 and 0.2 alone stay per cent
_PMBOK_DISTINCT = 3


@dataclass(frozen=True)
class SideLegend:
    """A legend beside the table: each number's level on the five-point word scale, what its words rate (a
    probability's "Rare … Almost Certain", an impact's "Insignificant … Catastrophic", or None for words of both,
    "Low … High"), and its pairs as written, for the sheet notes."""

    ladder: dict[float, int]
    axis: str | None
    said: str


def _fraction(x: Any) -> float | None:
    n = written_number(x) if x is not None else None
    return round(n, 9) if n is not None and 0 < n <= 1 else None


def _level(x: Any) -> tuple[int, str] | None:
    """A level word's level on the five-point word scale and the text as written ("Almost Certain" → 5)."""
    if not isinstance(x, str) or not x.strip():
        return None
    level = value_words("scale").get(word_key(x))
    return (int(level), " ".join(x.split())) if level is not None and level.isdigit() else None


def _legend(pairs: list[tuple[float, tuple[int, str]]]) -> SideLegend | None:
    """The legend a line of (number, level word) pairs makes: three to five, each number once, the levels rising
    with the numbers and the words rating one thing (never probability words beside impact words)."""
    if len(pairs) not in _PAIRS or len({n for n, _w in pairs}) != len(pairs):
        return None
    pairs = sorted(pairs)
    levels = [level for _n, (level, _w) in pairs]
    if any(a >= b for a, b in zip(levels, levels[1:])):
        return None
    axes_of = value_words("scale_axis")
    axes = {axes_of[w] for _n, (_l, text) in pairs for w in words_of(text) if w in axes_of}
    if len(axes) > 1:
        return None
    said = ", ".join(f"{n:g} {text}" for n, (_l, text) in pairs)
    return SideLegend({n: level for n, (level, _w) in pairs}, next(iter(axes), None), said)


def side_legends(rows: list[list[Any]], free: Callable[[int, int], bool]) -> list[SideLegend]:
    """The legends of decimals and level words in ``rows`` (the sheet's top rows), their cells all ``free`` (the
    planner's: a cell above the header, or below it in a column the header leaves empty): pairs down two columns (the number left or
    right of its word) or along two rows (the number under or over its word)."""
    out: list[SideLegend] = []
    height = len(rows)
    width = max(map(len, rows), default=0)

    def cell(r: int, c: int) -> Any:
        return rows[r][c] if 0 <= r < height and 0 <= c < len(rows[r]) and free(r, c) else None

    def runs(line: range, across: range, at: Callable[[int, int], tuple[int, int]], step: tuple[int, int]) -> None:
        for a in across:
            pairs: list[tuple[float, tuple[int, str]]] = []
            for b in [*line, None]:
                found = None
                if b is not None:
                    r, c = at(a, b)
                    n, word = _fraction(cell(r, c)), _level(cell(r + step[0], c + step[1]))
                    found = (n, word) if n is not None and word is not None else None
                if found is not None:
                    pairs.append(found)
                elif pairs:
                    if (legend := _legend(pairs)) is not None:
                        out.append(legend)
                    pairs = []

    for side in (1, -1):  # down two columns: "0.8 | Almost Certain" (or the word first)
        runs(range(height), range(width), lambda c, r: (r, c), (0, side))
        runs(range(width), range(height), lambda r, c: (r, c), (side, 0))  # along two rows, words over or under
    return out


def side_ladder(field: str, numbers: list[float], legends: list[SideLegend]) -> tuple[dict[float, int], str] | None:
    """The ladder a probability or impact column of fractions (``numbers``, its distinct ones) is read on, with
    what the notes say it is: the one legend beside the table holding every number and rating that field (or
    rating nothing in particular); else, with no legend, PMBOK's own values when the column's are three or more of
    them; else None (read as per cent, as before)."""
    axis = "probability" if field in ("probability", "residual_probability") else \
        "impact" if field in ("impact", "residual_impact") else None
    if axis is None or not numbers:
        return None
    held = {round(n, 9) for n in numbers}
    fits = [g for g in legends if held <= g.ladder.keys() and g.axis in (axis, None)]
    best = [g for g in fits if g.axis == axis] or fits
    if len({tuple(g.ladder.items()) for g in best}) == 1:
        # keyed by the column's own numbers (a 0.30000000000000004 a formula left is the legend's 0.3)
        return ({n: best[0].ladder[round(n, 9)] for n in numbers},
                f"the levels of the legend beside the table ({best[0].said})")
    if best or legends and any(held <= g.ladder.keys() for g in legends):
        return None  # two legends disagree, or the one holding them rates the other thing: as written
    pmbok = _PMBOK[axis]
    if len(held) >= _PMBOK_DISTINCT and held <= set(pmbok):
        return ({n: pmbok.index(round(n, 9)) + 1 for n in numbers},
                f"PMBOK's {axis} scale ({', '.join(f'{n:g}' for n in pmbok)} as levels 1–5; no legend on the sheet)")
    return None
