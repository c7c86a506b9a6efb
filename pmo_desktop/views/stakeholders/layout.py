"""Where each stakeholder is drawn on the power/interest grid (no Qt: plain arithmetic, tested alone).

Points sharing a cell fan out in a deterministic column (ordered by record id) with their labels to
the right, so overlapping stakeholders stay readable. Stakeholders not rated yet are not on the grid: they
wait in a list beside it (``not_rated``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_PER_COLUMN = 4
MAX_COLUMNS = 5
WIDEST = 0.7             # grid units from a crowded cell's first column to its last, at most
LAST_COLUMN = 0.15       # three or four columns: the last one's points, leaving its names room before the next cell's
ROW_STEP = 0.22          # grid units between stacked points
POINT_SHIFT = -0.3       # points sit left of the cell centre, leaving room for labels on the right
SECOND_COLUMN = 0.44
CROWDED_SHIFT = -0.4       # two columns: start nearer the cell's left edge
LABEL_WIDTH = 0.84          # of a cell: a point alone in its cell may wrap its label onto two lines, up to
                            # just short of where the next cell's point would sit
LABEL_WIDTH_CROWDED = 0.34  # two columns of points in one cell: short, single-line labels


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    label_width: float   # grid units the label may take, right of the point
    wrap: bool           # True: wrap onto two lines; False: one line, shortened (full name in the tooltip)


def _fan(n: int, apart: tuple[float, float] = (0.0, 0.0)) -> list[tuple[float, float, float]]:
    """Offsets (dx, dy, label width) for n points in one cell, top to bottom then left to right. ``apart``: the grid
    units two points' centres need across and down to stand clear of each other at the grid's size now (nothing
    known: as many as the cell's share allows). Up to four a column — fewer where the cell is too short for four
    points apart — in as many columns as that takes, up to as many as stand apart across the cell; only then do
    the columns grow longer. 13 stakeholders in one corner went in two columns of seven, and at 1280×720 six went
    in two of three: the points half over each other (11 to 15 pixels apart, 20 wide), a drag took the wrong one."""
    across, down = apart
    per_column = MAX_PER_COLUMN if down <= 0 else max(1, min(MAX_PER_COLUMN, int(0.7 / down) + 1))
    most = MAX_COLUMNS if across <= 0 else max(2, min(MAX_COLUMNS, int(WIDEST / across) + 1))
    columns = 1 if n <= per_column else min(most, math.ceil(n / per_column))
    rows = math.ceil(n / columns)
    step = min(ROW_STEP, 0.9 / max(rows, 1))
    if rows > 1 and down > step:  # a short cell: the points spread over more of it (never onto the next cell's)
        step = min(down, 0.7 / (rows - 1))
    # Two columns as before; more share the cell from CROWDED_SHIFT to LAST_COLUMN, five (a crowd on a small
    # grid) to WIDEST's end.
    gap = (SECOND_COLUMN if columns <= 2 else (LAST_COLUMN - CROWDED_SHIFT) / (columns - 1) if columns <= 4
           else WIDEST / (columns - 1))
    # (a name is never drawn onto the next point on its line: the grid shortens it to the room there)
    width = LABEL_WIDTH if columns == 1 else LABEL_WIDTH_CROWDED
    out = []
    for i in range(n):
        col, row = divmod(i, rows)
        dy = (rows - 1) / 2 * step - row * step
        shift = POINT_SHIFT if columns == 1 else CROWDED_SHIFT
        out.append((shift + col * gap, dy, width))
    return out


def place(points, apart: tuple[float, float] = (0.0, 0.0)) -> dict[int, Placed]:
    """Positions for the points with .id, .power and .interest that are rated (both set). ``apart``: as
    ``_fan``'s."""
    cells: dict[tuple[int, int], list[int]] = {}
    for p in points:
        if p.power is not None and p.interest is not None:
            cells.setdefault((p.interest, p.power), []).append(p.id)
    out: dict[int, Placed] = {}
    for (x, y), ids in cells.items():
        for rid, (dx, dy, width) in zip(sorted(ids), _fan(len(ids), apart)):
            out[rid] = Placed(x + dx, y + dy, width, wrap=len(ids) == 1)
    return out
