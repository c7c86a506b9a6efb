"""Colours of the stakeholder charts: light quadrant tints under strong point colours, chosen to stay
distinct on a projector and in greyscale print (attitudes run dark red → dark green)."""

from ...models.stakeholder_rules import ATTITUDES, GAP_BANDS, KEEP_INFORMED, KEEP_SATISFIED, MANAGE_CLOSELY, MONITOR

ATTITUDE_COLOURS = dict(zip(ATTITUDES, ("#c62828", "#ef6c00", "#616161", "#43a047", "#1b5e20")))
GAP_COLOURS = dict(zip(GAP_BANDS, ("#2e7d32", "#f9a825", "#c62828", "#1565c0", "#9e9e9e")))
UNKNOWN_COLOUR = "#9e9e9e"

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
