"""A date cell naming several days of one month (issue 12, left54).

An operations team logs a failure that came back on three days as "17,18,19/04/2020" (unseen set 68's bot-failure
tracker), another "3 & 4/05/2020" or "12-14.03.2024": no calendar day as written, so the row was left out "not a
date" and the failure lost. The days share their month and year: the record was raised on the first of them,
the whole cell kept in the notes under its header, and the sheet notes say once a column how many rows were read
so. A cell that is one date, or days of different months, is not this (read or refused as before).
"""

from __future__ import annotations

import re

# days joined by commas, "&", "+", "and"-words or a dash, then the month and year of the last: "17,18,19/04/2020",
# "3 & 4/05/2020", "12-14.03.2024", "5 y 6/07/2021"
_SEVERAL_DAYS_RE = re.compile(
    r"\s*(?P<first>\d{1,2})(?:(?:\s*[,&+]\s*|\s*[-–]\s*|\s+(?:and|y|et|und|e|i|и|en|og|och)\s+)\d{1,2})+"
    r"(?P<rest>(?P<sep>[/.-])\d{1,2}(?P=sep)(?:\d{4}|\d{2}))\s*", re.I)


def first_of_days(text: str) -> str | None:
    """The first day of a cell naming several days of one month ("17,18,19/04/2020" → "17/04/2020"); None for
    anything else."""
    m = _SEVERAL_DAYS_RE.fullmatch(text)
    return f"{m['first']}{m['rest']}" if m else None


def several_days_note(head: str, rows: int, example: str) -> str:
    """The sheet note of a date column some of whose cells name several days, once a column."""
    on = "1 row" if rows == 1 else f"{rows} rows"
    return (f"“{head}” names several days of one month on {on} (“{example}”): read as the first of them, the whole "
            "kept in the notes.")
