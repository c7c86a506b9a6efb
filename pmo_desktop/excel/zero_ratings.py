"""A rating column whose 0 means "not rated" (issue 12, left54).

Scales written from 0 ("Wahrsch." 0–3 on a consultant's template, "Probability 0–5") give no level for a 0: it is
the row not assessed yet, or no chance at all, never the lowest level. Each such cell leaves the field empty and
the 0 is kept in the notes (``row_planner``), and the sheet notes say once a column how many rows were read so; a
row of 0s with no title is no record. A column judged for its field still counts its 0s against it (left54 tried
otherwise: a Monte Carlo sheet of fractions and 0s came in as 10,006 risks, a three-line header was read a line
lower).
"""

from __future__ import annotations

import re
from typing import Any

_ZERO_RE = re.compile(r"\s*0+(?:[.,]0*)?\s*")


def says_zero(raw: Any) -> bool:
    """A cell saying 0 (0, 0.0, "0", "0.0")."""
    if isinstance(raw, bool):
        return False
    if isinstance(raw, (int, float)):
        return raw == 0
    return isinstance(raw, str) and _ZERO_RE.fullmatch(raw) is not None


def zero_note(head: str, rows: int, label: str, top: int) -> str:
    """The sheet note of a column some of whose rows rate 0: read as not rated, once a column."""
    on = "1 row" if rows == 1 else f"{rows} rows"
    return (f"“{head}” rates 0 on {on}: 0 is no level of the {label.lower()} scale (1–{top}), so it is read as "
            f"not rated — the {label.lower()} left empty there, the 0 kept in the notes.")
