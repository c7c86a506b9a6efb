"""A meeting's minutes are no register (issue 12, classes74b).

A team's minutes template ("MEETING MINUTES" over who conducted it and when, a list of attendees, then "AGENDA",
"CONTENT" and "CONCLUSION" each alone on its row, a small table of discussed items under the last) holds a table
whose header the import takes: the attendee list ("No | Full Name | Unit/Group | Position | Attendance") read as
stakeholders, and the tables under it as more of them ("Discussed Items", "Item #1", "<Add more if needed>"). The
people who came to one meeting are not the project's stakeholders, and the office keeps no register of meetings:
the sheet adds nothing and says what it is.

Decided once per sheet: its name, its file's, or a title alone on a row above the header names minutes
(``foreign.minutes.titles`` in the words files: "Meeting minutes", "Minutes of the meeting", "MoM"), and two at
least of a minutes' sections stand alone on their rows among its first rows (``foreign.minutes.sections``:
"Agenda", "List of attendees", "Discussion", "Conclusion", "Action items", "Next meeting"). A register a meeting
keeps (an action log "from the minutes") has its own table and none of those section captions, and is read as
before.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import foreign_words, word_key

MINUTES_REASON = "a meeting's minutes"
MIN_SECTIONS = 2  # sections of minutes standing alone on their rows, at least


def _alone(row: list[Any]) -> str | None:
    cells = [x for x in row if x is not None and not (isinstance(x, str) and not x.strip())]
    return cells[0].strip() if len(cells) == 1 and isinstance(cells[0], str) else None


def _names_minutes(text: str) -> bool:
    key = word_key(text)
    return bool(key) and any(w == key or len(w) > 3 and w in key for w in foreign_words("minutes", "titles"))


def meeting_minutes(rows: list[list[Any]], header_row: int, names: list[str]) -> str | None:
    """Why a sheet whose first rows are ``rows`` (its header at ``header_row``, 1-based) is a meeting's minutes
    (see the module's rule), or None. ``names``: the sheet's name and its file's."""
    alone = [(i, t) for i, row in enumerate(rows) if (t := _alone(row)) is not None]
    titles = [t for i, t in alone if i < header_row - 1 and _names_minutes(t)]
    if not titles and not any(_names_minutes(n) for n in names):
        return None
    sections = [t for _i, t in alone if word_key(t) in foreign_words("minutes", "sections")]
    if len({word_key(t) for t in sections}) < MIN_SECTIONS:
        return None
    said = ", ".join(f"“{t}”" for t in sections[:4])
    titled = f", titled “{titles[0]}”," if titles else ""
    return (f"{MINUTES_REASON}{titled} with its sections {said}: the people at one meeting and what it discussed, "
            "not a register; the office keeps no register of meetings.")
