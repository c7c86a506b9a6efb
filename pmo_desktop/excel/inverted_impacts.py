"""An impact rated the RMMM way, where 1 is catastrophic (issue 12, classes67).

Pressman's Risk Mitigation, Monitoring and Management (RMMM) table — "Risk | Category | Probability | Impact | RE |
Pointer to RMMM" — rates impact 1 catastrophic, 2 critical, 3 marginal, 4 negligible: the other way round from the
office's 1–5, where 5 is the most. Read at face value a server failure costing 40,000 came in at the lowest impact
(a student's table, unseen set 67). A sheet whose header names the RMMM (or whose impact header says "1 =
catastrophic") reads its impact inverted — 1 → 5, 2 → 4, 3 → 3, 4 → 2 on five levels, as a 1–4 scale climbs
from low — decided once a sheet from its header and said in its notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_RMMM_RE = re.compile(r"\brmmm\b", re.I)  # the method's name, in any language's header ("Pointer to RMMM", "Ref. RMMM")
_ONE_IS_WORST_RE = re.compile(r"\b1\s*(?:=|-|–|:|is)\s*catastroph", re.I)  # "Impact (1 = catastrophic)"
_NUMBER_TEXT_RE = re.compile(r"\s*\d(?:\.0+)?\s*")  # a rating's number written as text: "1", " 2 ", "3.0"
PRESSMAN_TOP = 4  # catastrophic, critical, marginal, negligible


def inverted_impact(headers: Sequence[Any], impact_col: int | None) -> bool:
    """Whether a sheet's impact column is rated with 1 the worst: its header row names the RMMM, or the
    impact's own header says 1 is catastrophic."""
    if impact_col is None:
        return False
    head = headers[impact_col] if impact_col < len(headers) else None
    return (isinstance(head, str) and _ONE_IS_WORST_RE.search(head) is not None) or \
        any(isinstance(h, str) and _RMMM_RE.search(h) is not None for h in headers)


def level_of(raw: Any, top: int) -> int | None:
    """The office's level of an inverted impact's number 1–4 on a scale of ``top`` (1 → top, 4 → top − 3), None
    for any other cell."""
    if isinstance(raw, str) and _NUMBER_TEXT_RE.fullmatch(raw) is not None:
        # a CSV's cell, or a number stored as text: "1" is the same rating as 1 — read at face value, the sheet's
        # catastrophic risks came in at the lowest impact while its note said they were read inverted (fault66)
        raw = float(raw)
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw != int(raw) or not 1 <= raw <= PRESSMAN_TOP:
        return None
    return max(1, top + 1 - int(raw))
