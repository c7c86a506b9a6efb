"""A title column holding only tickets' numbers, a sentence beside it (issue 12, unseen set 74): a tester's sheet
headed "SNo | Issue | Expected Result | …" writes under "Issue" the tracker's key of the issue ("RB-162") and
says what is wrong in the next column ("Quike Travels' Page should be displayed."). The key names no issue a PMO
user could read: the sentence titles the record and the key is kept in its notes under its header. Decided once a
sheet, from the rows under the header: every filled title cell a tracker's key (letters, a dash, digits), and
on each of those rows a sentence in a column beside it that no field takes. Before, the issue was titled "RB-162",
its one sentence in the description. No Qt, no openpyxl."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .header_detection import HeaderMatch

# a tracker's key of an issue: a project's letters, a dash, the number ("RB-162", "PROJ-1024")
_TICKET_RE = re.compile(r"[A-Z][A-Z0-9]{0,9}-\d{1,6}")
_SENTENCE_WORDS = 3  # words of a cell that says what is wrong, at least


def ticket_titled(match: HeaderMatch, sample: list[list[Any]]) -> tuple[HeaderMatch, str] | None:
    """The match titled by the sentence column beside a title column of tickets' keys, and the note saying so;
    None for any other sheet."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    tc = next((c for c, n in match.mapping.items() if n == title), None)
    if title is None or tc is None:
        return None
    rows = [r for r in sample if tc < len(r) and isinstance(r[tc], str) and r[tc].strip()]
    if not rows or not all(_TICKET_RE.fullmatch(r[tc].strip()) for r in rows):
        return None
    for c in range(tc + 1, match.width):
        if c in match.mapping:
            continue
        if all(c < len(r) and isinstance(r[c], str) and len(r[c].split()) >= _SENTENCE_WORDS for r in rows):
            mapping = {k: n for k, n in match.mapping.items() if k != tc}
            mapping[c] = title
            head, beside = (" ".join(str(match.headers[k]).split()) for k in (tc, c))
            note = (f"“{head}” holds only tickets' numbers (“{rows[0][tc].strip()}”): each record is titled by "
                    f"“{beside}” beside it, the number kept in its notes.")
            return replace(match, mapping=mapping), note
        break  # the next free column says no sentence: the keys stay the titles
    return None
