"""Tables of the same records stacked down one sheet, each under a caption and the header written again (a team's
risk plan for each iteration: "Risikoplan 1 for | Gruppe 37", "Risikoplan 2 for | Gruppe 37" …): which table is
the later assessment, as the captions say it (classes58b, decided as the office's owner).

A PMO user reading such a sheet takes the last plan as the risk's rating now and the earlier ones as its history.
The sheet writes no dates, so the order is taken only where the captions number the tables in the same words, the
number rising down the sheet ("Risikoplan 1 …", "Risikoplan 2 …"); captions in other words ("Before
mitigation" / "After mitigation", a residual rating) or none say no order, and the later ratings stay in the
notes as before. Nothing here knows Qt or openpyxl."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_NUMBER_RE = re.compile(r"\d+")
CAPTION_REACH = 3  # a caption stands on one of the three rows over its header, past a blank row or two


def caption_text(cells: Sequence[Any]) -> str | None:
    """A caption row's cells as one line ("Risikoplan 2 for | Gruppe 37"), None for an empty row."""
    texts = [" ".join(str(x).split()) for x in cells if x is not None and str(x).strip()]
    return " | ".join(texts) if texts else None


def caption_above(rows_above: Sequence[Sequence[Any]]) -> str | None:
    """The first table's caption: the nearest filled row over its header, within ``CAPTION_REACH`` rows."""
    for cells in reversed(rows_above[-CAPTION_REACH:]):
        text = caption_text(cells)
        if text is not None:
            return text
    return None


def _numbered(caption: str) -> tuple[str, int] | None:
    """The words before a caption's first number, and that number ("Risikoplan 2 for" → ("risikoplan", 2))."""
    found = _NUMBER_RE.search(caption)
    if found is None:
        return None
    return " ".join(caption[:found.start()].lower().split()), int(found.group())


def numbered_after(previous: str | None, caption: str | None) -> bool:
    """Whether the table under ``caption`` is numbered as the next assessment after the one under ``previous``:
    both open with the same words before a number, that number greater ("Risikoplan 1 for" → "Risikoplan 2
    for"). Two numbers alone ("2024 | 2025") or other words say no order."""
    if previous is None or caption is None:
        return False
    before, after = _numbered(previous), _numbered(caption)
    return before is not None and after is not None and bool(before[0]) and before[0] == after[0] and \
        after[1] > before[1]
