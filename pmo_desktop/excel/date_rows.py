"""A data row full of dates is no header (issue 12, round 62's held-out miss).

A migration's conversion tracker ("S.No | Resource Name | … | Pre-requisite Start Date | Pre-requisite End Date |
Pre-requisite Status | …") had its ninth data row taken for a header: one of its comments, "Dependencies ready",
named the dependency register's title column better than the real header did. A row whose cells hold two dates
or more, each under a date in the row above it, is one of a run of records written alike, not the names of
columns: a header names its columns in words, and a timeline's header of dates ("Task | 06/01 | 13/01") stands
over words, not over other dates.

Asked once a candidate header row, of that row and the one above it: nothing per data row.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

# a date as a table writes one: "2026-01-18", "2026-01-18 00:00:00", "18/01/2026", "1.18.26"
_DATE_RE = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$")
MIN_DATES = 2  # one date may be a header's ("Status at 2024-06-30"); two under two are a record's


def _a_date(value: Any) -> bool:
    return isinstance(value, date) or (isinstance(value, str) and _DATE_RE.match(value.strip()) is not None)


def a_row_of_dates(row: list[Any], above: list[Any] | None) -> bool:
    """Whether ``row`` holds dates in two columns or more where ``above`` holds dates too: a record among
    records, never a header (see the module's note)."""
    if above is None:
        return False
    both = sum(1 for c, v in enumerate(row) if c < len(above) and _a_date(v) and _a_date(above[c]))
    return both >= MIN_DATES
