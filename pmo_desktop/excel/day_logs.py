"""Logs kept by the day or by the second, told from a register (issue 12, round 60's held-out misses).

Two files named as change and decision logs held no office's records:

- a budget optimiser's "decision_log.csv" ("decision_for_date | rationale | Search_new_budget | …") named each row by
  the day it ran ("3/2/2025", "3/3/2025" …): 20 decisions titled by a date. A register names its records in words;
  a column of dates on every row names days, an entry per day of a program or a diary. The sheet adds nothing and
  says why (whichever register it was read as: no record is named by a date alone).
- a coding agent's "change_log.csv" ("Date | Time | Category | Description | Status") stamped each entry to the
  second ("14:29:12") and marked it "Completed": 5 decisions nobody took. A decision log read with no decider whose
  rows carry a time of day to the second on every row is a program's log of what it did: an office writes the day
  it decided, and who did.

A third kind came in unseen set 71: two students' hours log ("Beschrijving | Stan | Tino | Datum | Aanvang | Eind |
TOTAAL": what each did, the day, the hour begun and the hour ended) read as 6 risks. A sheet writing on most rows an
hour begun and an hour ended (two columns of times of day, no day in them) and nothing a register keeps besides its
text and its days is a timesheet: an incident log timing its outages names their impact, owner or action too.

Decided once per sheet from its header's mapping and the sample of rows under it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import Kind, plural_of
from ..models.program import Person
from .header_detection import HeaderMatch
from .sample_columns import filled_cells

MIN_ROWS = 3  # fewer rows say nothing of a log
TIMESHEET_REASON = "its rows are a timesheet's entries"  # how ``hours_log`` starts its reason (the refusal's words)
_HOUR_RE = re.compile(r"^\s*\d{1,2}[:.h]\d{2}(?::\d{2})?\s*$")
_SECONDS_RE = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\s*$")
# a day written in numbers either way round ("3/13/2025" month first, which the office's day-first reading refuses)
_NUMERIC_DAY_RE = re.compile(r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})\s*$")


def _a_date(value: Any) -> bool:
    if isinstance(value, (date, datetime)):
        return True
    if not isinstance(value, str) or not value.strip() or len(value) > 30:
        return False
    if _NUMERIC_DAY_RE.match(value):
        return True
    try:
        return v.parse_date(value, "date") is not None
    except ValidationError:
        return False


def _header(match: HeaderMatch, c: int) -> str:
    return str(match.headers[c]).strip() if c < len(match.headers) and match.headers[c] else f"column {c + 1}"


def titled_by_dates(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet whose column naming the rows holds a date on every row names no records, or None."""
    reg = match.kind.reg
    title = next((f for f in reg.fields if f.required), None)
    if match.kind.is_child or title is None or title.kind is Kind.DATE:
        return None  # a benefit's planned values are named by their day: that is what they are
    naming = next((c for c, n in match.mapping.items() if n == title.name), None)
    if naming is None:
        return None
    cells = filled_cells(rows, naming)
    if len(cells) < MIN_ROWS or not all(map(_a_date, cells)):
        return None
    shown = ", ".join(f"“{x}”" for x in [str(c).strip() for c in cells[:2]])
    return (f"its rows are named by dates (“{_header(match, naming)}”: {shown} …), a day's entry each, not "
            f"{plural_of(reg.noun)} named in words.")


def _stamped(value: Any) -> bool:
    if isinstance(value, time):
        return bool(value.second or value.microsecond)
    if isinstance(value, datetime):
        return bool(value.second or value.microsecond)
    return isinstance(value, str) and _SECONDS_RE.match(value) is not None


def stamped_log(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a decision log with no decider, stamped to the second on every row, is a program's log, or None."""
    kind = match.kind
    if kind.register != "decisions" or kind.is_child:
        return None
    reg = kind.reg
    for n in match.mapping.values():
        ref = reg.field(n).ref if n in reg.field_names else None
        if ref is not None and ref.target is Person:
            return None  # someone named as having decided: an office's log, however it stamps its rows
    if any(n in reg.field_names and reg.field(n).kind is Kind.LINKS for n in match.mapping.values()):
        return None
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        cells = filled_cells(rows, c)
        if len(cells) >= MIN_ROWS and len(cells) * 5 >= len(rows) * 4 and all(map(_stamped, cells)):
            return (f"its rows are a program's log, not an office's decisions: “{_header(match, c)}” stamps each to "
                    f"the second (“{str(cells[0]).strip()}” …), and no one is named as having decided.")
    return None


def _an_hour(value: Any) -> bool:
    """A time of day with no day in it ("10:00", 10:00:00 as Excel stores an hour, "9h30")."""
    if isinstance(value, time) or (isinstance(value, timedelta) and 0 <= value.total_seconds() < 86400):
        return True
    return isinstance(value, str) and _HOUR_RE.match(value) is not None


def hours_log(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet of hours begun and ended is a timesheet, not a register, or None (the module's third kind)."""
    reg = match.kind.reg
    if match.kind.is_child:
        return None
    # the entries are the rows writing something the register reads (a sheet formatted on below them, a
    # running total's formula on every row, adds rows that are no entries)
    entries = [r for r in rows if any(c < len(r) and not v.is_blank(r[c]) for c in match.mapping)]
    width = max((len(r) for r in entries), default=0)
    hours = [c for c in range(width) if c not in match.mapping and len(cells := filled_cells(entries, c)) >= MIN_ROWS
             and len(cells) * 5 >= len(entries) * 4 and all(map(_an_hour, cells))]
    if len(hours) < 2:
        return None
    title = next((f.name for f in reg.fields if f.required), None)
    for c, n in match.mapping.items():
        field = reg.field(n) if n in reg.field_names else None
        if n != title and (field is None or field.kind is not Kind.DATE) and filled_cells(rows, c):
            return None  # an owner, a rating, an action beside the times: a register that times its records
    return (f"{TIMESHEET_REASON}: “{_header(match, hours[0])}” and “{_header(match, hours[1])}” give the hour "
            f"each entry began and ended, beside what was done and the day, and no owner, rating or action as a "
            f"register keeps.")
