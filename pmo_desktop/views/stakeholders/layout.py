"""Where each stakeholder is drawn on the power/interest grid (no Qt: plain arithmetic, tested alone).

Points sharing a cell fan out in a deterministic column (ordered by record id) with their labels to
the right, so overlapping stakeholders stay readable; unplaced stakeholders wait in a strip under the
grid from which they can be dragged in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_PER_COLUMN = 4
ROW_STEP = 0.22          # grid units between stacked points
POINT_SHIFT = -0.3       # points sit left of the cell centre, leaving room for labels on the right
SECOND_COLUMN = 0.44
CROWDED_SHIFT = -0.4       # two columns: start nearer the cell's left edge
PARKING_Y = 0.0          # centre line of the "not yet placed" strip
PARKING_ROW_STEP = 0.3
LABEL_WIDTH = 0.84          # of a cell: a point alone in its cell may wrap its label onto two lines, up to
                            # just short of where the next cell's point would sit
LABEL_WIDTH_CROWDED = 0.34  # two columns of points in one cell: short, single-line labels


@dataclass(frozen=True)
class Placed:
    x: float
    y: float
    label_width: float   # grid units the label may take, right of the point
    wrap: bool           # True: wrap onto two lines; False: one line, shortened (full name in the tooltip)


def _fan(n: int) -> list[tuple[float, float, float]]:
    """Offsets (dx, dy, label width) for n points in one cell, top to bottom then left to right."""
    columns = 1 if n <= MAX_PER_COLUMN else 2
    rows = math.ceil(n / columns)
    step = min(ROW_STEP, 0.9 / max(rows, 1))
    width = LABEL_WIDTH if columns == 1 else LABEL_WIDTH_CROWDED
    out = []
    for i in range(n):
        col, row = divmod(i, rows)
        dy = (rows - 1) / 2 * step - row * step
        shift = POINT_SHIFT if columns == 1 else CROWDED_SHIFT
        out.append((shift + col * SECOND_COLUMN, dy, width))
    return out


def place(points) -> tuple[dict[int, Placed], int]:
    """Positions for points with .id, .power and .interest; also the number of rows of the parking strip."""
    cells: dict[tuple[int, int], list[int]] = {}
    unplaced: list[int] = []
    for p in points:
        if p.power is None or p.interest is None:
            unplaced.append(p.id)
        else:
            cells.setdefault((p.interest, p.power), []).append(p.id)
    out: dict[int, Placed] = {}
    for (x, y), ids in cells.items():
        for rid, (dx, dy, width) in zip(sorted(ids), _fan(len(ids))):
            out[rid] = Placed(x + dx, y + dy, width, wrap=len(ids) == 1)
    for i, rid in enumerate(sorted(unplaced)):
        row, col = divmod(i, 5)
        out[rid] = Placed(1 + col + POINT_SHIFT, PARKING_Y - row * PARKING_ROW_STEP, LABEL_WIDTH, wrap=False)
    parking_rows = math.ceil(len(unplaced) / 5)
    return out, parking_rows
