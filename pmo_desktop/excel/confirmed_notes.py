"""A decision whose note marks it taken, with no one named as deciding (issue 12, left58b).

A decision log with no decider column and no status column writes, in a note, that a decision is made: "✅확정:
Chuan House …" (confirmed), "Confirmed: the city hotel", "确定：…". The office records a decision as taken with who
took it (``models.raid_rules.check_decision``), and no name is invented, so such a row stays Pending (classes81
decided the model's rule stands) — but that was silent: the user saw the sheet's confirmed decisions read as
pending with no word why (unseen set 81).

Decided: the row stays Pending, and the sheet says once which column marks how many decisions as taken, with the
mark as written, and that naming who decided ("Decided by") records them decided. A mark counts only at the start of
a cell ("✅", "✔", "☑", or a word of ``confirmed`` in the words files followed by the cell's end or a sign, never a
letter): "to be confirmed" or "not confirmed yet" say no decision taken.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .vocabulary import _files

_MARKS = ("✅", "✔️", "✔", "☑️", "☑", "✓")


@lru_cache(maxsize=None)
def confirmed_words() -> tuple[str, ...]:
    """Words saying a decision is made, lowered, longest first ("confirmed", "확정", "确定"): ``confirmed`` in
    the words files."""
    words = {w.strip().lower() for data in _files() for w in data.get("confirmed", ()) if w.strip()}
    return tuple(sorted(words, key=len, reverse=True))


def confirmed_mark(cell: Any) -> str | None:
    """The mark at the start of ``cell`` saying its decision is made, as written ("✅확정", "Confirmed"), or None."""
    if cell.__class__ is not str:
        return None
    text = cell.strip()
    mark = next((m for m in _MARKS if text.startswith(m)), "")
    rest = text[len(mark):].lstrip()
    lowered = rest.lower()
    for word in confirmed_words():
        if lowered.startswith(word) and (len(rest) == len(word) or not rest[len(word)].isalnum()):
            return (mark + rest[:len(word)]).strip()
    return mark or None


def confirmed_said(head: str, count: int, mark: str) -> str:
    """The sheet's note: ``count`` decisions ``head`` marks as taken stay Pending for want of who took them."""
    them, they = ("them", "they stay") if count != 1 else ("it", "it stays")
    return (f"“{head}” marks {count} decision{'s' if count != 1 else ''} as taken (“{mark}”), yet {they} Pending: "
            f"no column names who took {them}, and the office records a decision as taken with who took it — fill "
            f"in “Decided by” to record {them} decided.")
