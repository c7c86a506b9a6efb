"""Colours of the stakeholder charts: light quadrant tints under strong point colours, chosen to stay
distinct on a projector and in greyscale print (attitudes run dark red → dark green)."""

from ...models.stakeholder_rules import (
    ATTITUDES,
    GAP_BANDS,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    NOT_ASSESSED_YET,
)

ATTITUDE_COLOURS = dict(zip(ATTITUDES, ("#c62828", "#ef6c00", "#616161", "#43a047", "#1b5e20")))
GAP_BANDS_ASSESSED = tuple(b for b in GAP_BANDS if b != NOT_ASSESSED_YET)
GAP_COLOURS = dict(zip(GAP_BANDS_ASSESSED, ("#2e7d32", "#f9a825", "#c62828", "#1565c0")))
# A stakeholder nobody assessed has no colour here: the grid draws a hollow, dashed ring in its text colour
# (``grid.py``) — the light grey disc it had beside Neutral's dark grey one could not be told apart on a projector.

QUADRANT_TINTS = {
    MANAGE_CLOSELY: "#fde4e1",
    KEEP_SATISFIED: "#fff4d6",
    KEEP_INFORMED: "#e3f0fd",
    MONITOR: "#eef0f1",
}

# Engagement assessment matrix
CURRENT_GAP = "#ffcc80"    # where they are, when that is not where they should be
DESIRED = "#a5d6a7"        # where the program needs them
ON_TARGET = "#c8e6c9"      # C and D in one cell
PATH = "#fff3e0"           # the levels still to travel between C and D
