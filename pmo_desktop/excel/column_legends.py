"""A scale a column's own legend declares above its header (classes71a).

A sheet may write a rating's levels in the cells over its column, one a line ("1: unwahrscheinlich", "2: möglich",
"3: sehr wahrscheinlich" over "Eintrittswahrscheinlichkeit"): that says the column rates on 1–3, as "(1 - 3)" in
its header does (``value_translation.declared_scale``). Without it a 3 ("very likely") stayed a 3 of the office's
five. Decided once a column, from the cells above its header only."""

from __future__ import annotations

import re
from typing import Any

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
