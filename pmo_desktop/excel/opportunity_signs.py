"""An opportunity's impact written as a negative number (issue 12, round 61).

A widely copied risk register template ("# | Cause | Event | Impact | Risk owner | Category | Probability risk rating
| Impact risk rating | Risk score …", Category "T" or "O") rates an opportunity's impact as a negative number
("-4"), so that its score (-12) nets against the threats' in the "Total Risk Score" under the table. The sign says
which way the risk cuts, which the office keeps as the risk's kind; the size is the impact level. Before, the
"-4" was no level of the 1–5 scale: the opportunity's impact was left empty, the number kept in the notes.

Asked once a row, only of the impact cells no level was found for on a row already read as an opportunity; the
number stays in the notes as written, and the preview says so once a sheet.
"""

from __future__ import annotations

import re
from typing import Any

# the fields whose negative number is an opportunity's size; a negative probability is no chance of anything
SIGNED_FIELDS = frozenset({"impact"})
_NEGATIVE_RE = re.compile(r"\s*[-−–]\s*(\d+(?:[.,]\d+)?)\s*")


def opportunity_size(text: str, values: dict[str, Any]) -> float | None:
    """The size of an impact written negative ("-4" → 4.0) on a row read as an opportunity, else None."""
    if values.get("kind") != "Opportunity":
        return None
    m = _NEGATIVE_RE.fullmatch(text)
    if m is None:
        return None
    size = float(m.group(1).replace(",", "."))
    return size if size > 0 else None


def opportunity_note(head: str, rows: int) -> str:
    """What the preview says of a column writing some opportunities' impact as a negative number."""
    count = "1 opportunity" if rows == 1 else f"{rows} opportunities"
    return (f"“{head}” writes the impact of {count} as a negative number, as a template nets opportunities against "
            "threats: read as its size (the number without its sign), the number kept in the notes.")
