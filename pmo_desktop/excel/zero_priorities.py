"""A priority column counted from P0 (issue 12, classes67).

"P1" alone is the first priority, Critical (``value_translation.numbered_priority``). A team that counts from P0
(P0, P1, P2 … — a tester's bug report, unseen set 67) makes P0 the first and P1 the second: read as P1-based, its
P0 and P1 both came in Critical and its P2 High. Decided once a column: a column holding a P0 is read from P0 —
P0 Critical, P1 High, P2 Medium, P3 and below Low — and the sheet notes say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_P_ZERO_RE = re.compile(r"^\s*p(?:rio(?:rity)?)?\s*[-.]?\s*0\s*$", re.I)


def counts_from_p0(cells: Iterable[Any]) -> bool:
    """Whether a priority column's cells count from P0: one of them is "P0" ("p0", "P-0", "Prio 0")."""
    return any(c.__class__ is str and _P_ZERO_RE.match(c) is not None for c in cells)
