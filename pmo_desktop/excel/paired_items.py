"""A dependency log whose every row links two things named in twin columns (issue 12, round 59).

A university alliance kept the dependencies of its work plan as "Activity A | Start | End | Activity B | Start |
End | Type of dependency | Dependency status | Comment": each row two activities of the plan, each with its own
dates, the kind of link between them (finish to start, start to start, "Requires") and how it stands ("No
problem", "Slowing", "Blocking"). No column is "what is needed", so the 49 dependencies were refused whole.

The two columns headed by the same words and told apart by a letter or a number ("Activity A" / "Activity B",
"Task 1" / "Task 2") name together what each dependency is: the link of the first to the second. Which one waits
for which is said by the type column, in the sheet's own words, and not by the order of the columns ("A requires
B" and "A finish to start B" run opposite ways), so the title names both without an arrow's direction, and the
type stays in the notes beside it. The columns each twin has to itself, the same headers in the same order after
each ("Start | End"), are named for their twin ("Activity A Start"), so both pairs of dates reach the notes told
apart. A row naming one of the two alone links nothing: its title is left empty, so the row is left out with the
reason rows without a title get.

Decided once per sheet from its header, so it costs nothing per row beyond joining the two cells.
"""

from __future__ import annotations

import re
from typing import Any

LINK = " ↔ "  # between the two things a row links: a link, in no direction of its own
_TWIN_RE = re.compile(r"^(?P<stem>\D*?[^\W\d_][^\n]*?)[\s_\-]*(?P<tag>[A-Ba-b12])$")
_PAIRS = ({"a", "b"}, {"1", "2"})


def _stem(header: Any) -> tuple[str, str] | None:
    if not isinstance(header, str):
        return None
    m = _TWIN_RE.fullmatch(header.strip())
    if m is None or len(m.group("stem").strip()) < 3:
        return None
    return m.group("stem").strip().casefold(), m.group("tag").casefold()


def twin_columns(header: list[Any], sample: list[list[Any]]) -> tuple[int, int] | None:
    """The two columns of a header naming the same thing told apart by A and B (or 1 and 2), each holding words
    on most rows of the sample; None when the header has no such twins, or more than one pair."""
    stems = {c: s for c, h in enumerate(header) if (s := _stem(h)) is not None}
    pairs = [(a, b) for a in stems for b in stems
             if a < b and stems[a][0] == stems[b][0] and {stems[a][1], stems[b][1]} in _PAIRS]
    if len(pairs) != 1:
        return None
    a, b = pairs[0]
    for c in (a, b):
        values = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        words = [v for v in values if isinstance(v, str) and re.search(r"[^\W\d_]{3}", v)]
        if len(words) * 2 <= len(sample) or len(words) < len(values):
            return None  # numbers, dates or codes: two measures of one thing, not two things linked
    return a, b


def a_few_kinds(values: list[Any]) -> bool:
    """A column of a few values repeated (a link's type: "Requires", "Finish to Start (FtS)" …), no names."""
    filled = [str(v).strip().casefold() for v in values if v is not None and str(v).strip()]
    return len(filled) >= 3 and len(set(filled)) * 2 <= len(filled)


def _own_spans(header: list[Any], a: int, b: int) -> tuple[list[int], list[int]]:
    """The columns after each twin that it has to itself: the same headers, in the same order, after each."""
    after_a = list(range(a + 1, b))
    after_b = list(range(b + 1, min(len(header), b + 1 + len(after_a))))
    n = 0
    while n < min(len(after_a), len(after_b)) and str(header[after_a[n]] or "").strip() and \
            str(header[after_a[n]]).strip().casefold() == str(header[after_b[n]] or "").strip().casefold():
        n += 1
    return after_a[:n], after_b[:n]


def joined_twins(rows: list[list[Any]], header_index: int, a: int, b: int, heading: str) -> list[list[Any]]:
    """The rows with the two twins' cells joined in the first's column under ``heading`` and the second's column
    dropped; the columns each twin has to itself named for it. A row naming one twin alone gets no title: its
    text is kept in a last column named for both, so the row left out loses nothing."""
    header = list(rows[header_index])
    span_a, span_b = _own_spans(header, a, b)
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        row = list(row) + [None] * (len(header) - len(row))
        if i == header_index:
            for twin, span in ((a, span_a), (b, span_b)):
                for c in span:
                    row[c] = f"{str(header[twin]).strip()} {str(header[c]).strip()}"
            row[a] = heading
        lone: Any = None
        if i == header_index:
            lone = f"{str(header[a]).strip()} / {str(header[b]).strip()}"
        elif i > header_index:
            first, second = (str(row[c]).strip() if row[c] is not None else "" for c in (a, b))
            row[a] = f"{first}{LINK}{second}" if first and second else None
            lone = None if first and second else (first or second or None)  # kept, under both twins' names
        out.append(row[:b] + row[b + 1:] + [lone])
    return out
