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
# The "not yet placed" strip lies under the band below the grid that holds the bottom quadrants' titles
# (``grid.TITLE_BAND``, 0.34 under the grid's edge at 0.5): it lay over that band, so "Monitor" and "Keep
# informed" were printed across the strip and the first not-rated name. The grid passes its own top edge and
# row height (``place``) where the titles are left out or a row needs more grid units to hold a point.
PARKING_TOP = 0.16       # the strip's top edge
PARKING_HALF = 0.2       # half a row of the strip, from a row's centre line
PARKING_PER_ROW = 5
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


def parking_y(row: int, top: float = PARKING_TOP, half: float = PARKING_HALF) -> float:
    """The centre line of a row of the not-rated strip (the first is row 0)."""
    return top - half - row * 2 * half


def place(points, top: float = PARKING_TOP, half: float = PARKING_HALF) -> tuple[dict[int, Placed], int]:
    """Positions for points with .id, .power and .interest; also the number of rows of the parking strip,
    whose top edge is at ``top``, each row ``2 * half`` high."""
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
    # Fewer than five waiting share the strip's width: one name alone was cut to a cell's width ("Finance di…")
    # with the rest of the strip empty beside it.
    columns = min(PARKING_PER_ROW, len(unplaced))
    step = PARKING_PER_ROW / columns if columns else 1.0
    for i, rid in enumerate(sorted(unplaced)):
        row, col = divmod(i, PARKING_PER_ROW)
        out[rid] = Placed(1 + POINT_SHIFT + col * step, parking_y(row, top, half),
                          step - (1 - LABEL_WIDTH), wrap=False)
    parking_rows = math.ceil(len(unplaced) / PARKING_PER_ROW)
    return out, parking_rows
