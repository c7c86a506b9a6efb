"""A diary's entries, each a list under the same heading, told from a register's records (issue 12, round 60).

A student's "Change Log" ("Date | Description | Editor(s) | Notes") writes each day as a form: "Changes" on a
line of its own and the day's work under it one bullet a line ("- Created Quartus project", "- Wrote the
testbench"), its notes likewise under "Notes" and "Bugs". Its 21 days were read as 21 decisions titled
"Changes …". A register names each record in its own words; a column whose every entry opens with the same
heading and goes on as a bulleted list is a template filled in day by day, a diary of what was done, and no
register's records (as the change diaries of rounds 23, 27 and 41 added nothing). Decided once per sheet from the
sample under the header: the column naming the rows, four entries in five or more of that form.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .header_detection import HeaderMatch

MIN_ROWS = 3           # fewer entries say nothing of a form
MAX_HEADING_WORDS = 3  # "Changes", "Work done", "Was gemacht wurde": a form's label, not a sentence
_BULLET_RE = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])(?:\s|$)")


def _heading(text: str) -> str | None:
    """The heading an entry opens with, when every line after it is a bullet ("Changes\\n- a\\n- b" → "changes")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or _BULLET_RE.match(lines[0]):
        return None
    head = lines[0].rstrip(":：").strip()
    if not head or len(head.split()) > MAX_HEADING_WORDS or not all(_BULLET_RE.match(line) for line in lines[1:]):
        return None
    return head.casefold()


def diary_entries(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet's rows are a diary's entries under one heading, or None (see the module's text)."""
    reg = match.kind.reg
    title = next((f.name for f in reg.fields if f.required), None)
    naming = next((c for c, n in match.mapping.items() if n == title), None)
    if naming is None:
        return None
    entries = [str(r[naming]) for r in rows if naming < len(r) and r[naming] is not None and str(r[naming]).strip()]
    if len(entries) < MIN_ROWS:
        return None
    heads = Counter(h for h in map(_heading, entries) if h is not None)
    if not heads:
        return None
    head, count = heads.most_common(1)[0]
    if count * 5 < len(entries) * 4:
        return None
    said = next(line.strip().rstrip(":：") for e in entries for line in e.splitlines()
                if line.strip().rstrip(":：").strip().casefold() == head)
    header = str(match.headers[naming]).strip() if naming < len(match.headers) else ""
    return (f"its rows are a diary's entries, not {reg.title.lower()} records: {count} of the {len(entries)} under "
            f"“{header}” open with the same heading (“{said}”) and go on as a bulleted list of what was done, a form "
            "filled in day by day rather than records each named in its own words.")
