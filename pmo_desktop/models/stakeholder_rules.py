"""Stakeholder rules: power/interest quadrant, engagement gap and matrix, communication rhythm.

Plain functions on plain values (no database, no Qt), so the table, the grid, the workbook and the
CLI all agree, and each rule is tested on its own.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from . import clock
from .fields import NOT_ASSESSED_YET as NOT_ASSESSED_YET  # re-exported: the stakeholder pages name it from here

ATTITUDES = ("Opponent", "Critic", "Neutral", "Supporter", "Champion")
ENGAGEMENT_LEVELS = ("Unaware", "Resistant", "Neutral", "Supportive", "Leading")
FREQUENCIES = ("Weekly", "Fortnightly", "Monthly", "Quarterly", "Ad hoc")
SCALE_NAMES = ("Very low", "Low", "Medium", "High", "Very high")
SCALE_MIN, SCALE_MAX = 1, 5

# ------------------------------------------------------------------------------------- quadrants
MANAGE_CLOSELY = "Manage closely"
KEEP_SATISFIED = "Keep satisfied"
KEEP_INFORMED = "Keep informed"
MONITOR = "Monitor"
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)

# Boundary rule: on the 1–5 scale a value of 3 ("Medium") or more counts as HIGH. The midpoint
# belongs to the upper half on purpose: a stakeholder of middling power or interest is one the
# program cannot afford to under-manage, so erring towards more attention is the safer mistake.
# On the grid the dividing lines are therefore drawn at 2.5 (between "Low" and "Medium"), so what
# the chart shows and what the Quadrant column says always agree.
HIGH_FROM = 3
DIVIDER = HIGH_FROM - 0.5


def quadrant(power: float | None, interest: float | None) -> str:
    """The management strategy for a stakeholder; "" until both power and interest are rated."""
    if power is None or interest is None:
        return ""
    high_power = power >= HIGH_FROM
    high_interest = interest >= HIGH_FROM
    if high_power and high_interest:
        return MANAGE_CLOSELY
    if high_power:
        return KEEP_SATISFIED
    if high_interest:
        return KEEP_INFORMED
    return MONITOR


def snap_level(position: float) -> int:
    """A position on a dragged axis as a whole level 1–5 (halves round up; outside is clamped)."""
    level = int(position + 0.5) if position >= 0 else 0
    return max(SCALE_MIN, min(SCALE_MAX, level))


# ------------------------------------------------------------------------------------ engagement
def engagement_index(level: str | None) -> int | None:
    return ENGAGEMENT_LEVELS.index(level) if level in ENGAGEMENT_LEVELS else None


def engagement_gap(current: str | None, desired: str | None) -> int | None:
    """Steps from current to desired engagement: positive means they must be brought up,
    negative that they are more engaged than the plan needs; None until both are assessed."""
    return steps_to_desired(engagement_index(current), engagement_index(desired))


def steps_to_desired(current: int | None, desired: int | None) -> int | None:
    """The gap between two places on the ladder (indices of ENGAGEMENT_LEVELS): every level between counts, so
    Unaware → Neutral is 2 (Resistant is passed on the way). The one rule of the gap, for the register's Gap
    column, the matrix, the grid's colours and the workbook alike."""
    return None if current is None or desired is None else desired - current


def gap_label(gap: int | None) -> str:
    if gap is None:
        return NOT_ASSESSED_YET
    if gap == 0:
        return "On target"
    steps = f"{abs(gap)} level{'s' if abs(gap) != 1 else ''}"
    return f"{steps} to raise" if gap > 0 else f"{steps} above need"


# Bands the grid colours by (legend order).
GAP_BANDS = ("On target", "1 level to raise", "2+ levels to raise", "Above need", NOT_ASSESSED_YET)


def gap_band(gap: int | None) -> str:
    if gap is None:
        return NOT_ASSESSED_YET
    if gap == 0:
        return "On target"
    if gap < 0:
        return "Above need"
    return "1 level to raise" if gap == 1 else "2+ levels to raise"


@dataclass(frozen=True)
class MatrixRow:
    """One line of the engagement assessment matrix (PMBOK): where a stakeholder is (C) and
    where the program needs them (D) among the five levels."""

    id: int
    code: str
    name: str
    current: int | None   # index into ENGAGEMENT_LEVELS
    desired: int | None

    @property
    def gap(self) -> int | None:
        return steps_to_desired(self.current, self.desired)

    def mark(self, level: int) -> str:
        """"C", "D", "C D" (already where needed) or "" for one level column."""
        marks = [m for m, at in (("C", self.current), ("D", self.desired)) if at == level]
        return " ".join(marks)

    def in_gap(self, level: int) -> bool:
        """True for the levels from C to D inclusive when they differ: the distance still to travel."""
        current, desired = self.current, self.desired
        if current is None or desired is None or current == desired:
            return False
        low, high = sorted((current, desired))
        return low <= level <= high


def engagement_matrix(stakeholders: Iterable[Mapping[str, Any]]) -> list[MatrixRow]:
    """Rows of the matrix from records with id, code, name, current_engagement, desired_engagement."""
    return [MatrixRow(s["id"], s.get("code") or "", s.get("name") or "",
                      engagement_index(s.get("current_engagement")), engagement_index(s.get("desired_engagement")))
            for s in stakeholders]


# ------------------------------------------------------------------------- communication rhythm
def add_months(day: date, months: int) -> date:
    """Same day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


PERIODS = {"Weekly": ("days", 7), "Fortnightly": ("days", 14), "Monthly": ("months", 1), "Quarterly": ("months", 3)}


def next_due(frequency: str | None, last_held: date | None, planned_on: date | None = None,
             today: date | None = None) -> date | None:
    """When a communication is next due: one period after it was last held.

    Never held: its planned date if it has one, else today (it should start now).
    Ad hoc (or no frequency): its planned date, if any — there is no rhythm to derive one from.
    Months are calendar months clamped to the month's end, so a monthly review held on 31 January
    is next due on 28 February (29 in a leap year) and a quarterly one held on 30 November on
    28/29 February of the next year.
    """
    period = PERIODS.get(frequency or "")
    if period is None:
        return planned_on
    if last_held is None:
        return planned_on or today or clock.today()
    unit, n = period
    try:
        return last_held + timedelta(days=n) if unit == "days" else add_months(last_held, n)
    except (OverflowError, ValueError):  # held late in 9999 (31/12/9999, a sheet's "no date"): no day follows
        return None


def is_overdue(due: date | None, today: date | None = None) -> bool:
    """Overdue once the due day has passed (due today is not yet overdue)."""
    return due is not None and due < (today or clock.today())


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding this day."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass(frozen=True)
class DueItem:
    id: int
    code: str
    message: str
    who: str             # the stakeholder, else the audience / group
    owner: str
    frequency: str
    due: date
    overdue: bool


def due_in_week(communications: Iterable[Mapping[str, Any]], day: date, today: date | None = None,
                include_overdue: bool = True) -> list[DueItem]:
    """Communications due in the Monday–Sunday week of ``day``, earliest first.

    With ``include_overdue`` the ones already overdue before that week are listed too (they are
    still to do this week). ``today`` decides what is overdue and when never-held items start;
    it defaults to ``day``. Each communication is a mapping with the communication plan's fields.
    """
    today = today or day
    monday, sunday = week_bounds(day)
    out = []
    for c in communications:
        due = next_due(c.get("frequency"), c.get("last_held"), c.get("planned_on"), today)
        if due is None or due > sunday:
            continue
        overdue = is_overdue(due, today)
        if due < monday and not (include_overdue and overdue):
            continue
        out.append(DueItem(c["id"], c.get("code") or "", c.get("message") or "",
                           c.get("stakeholder") or c.get("audience") or "", c.get("owner") or "",
                           c.get("frequency") or "", due, overdue))
    out.sort(key=lambda item: (item.due, item.code))
    return out


def overdue_from_earlier_weeks(items: Iterable[DueItem], day: date) -> tuple[list[DueItem], list[DueItem]]:
    """``due_in_week``'s items split: those overdue from before the week of ``day``, and those due in it.
    "This week" is the communications due Monday to Sunday; one overdue since last month listed among them
    read as this week's (walkthrough leftover): it is still to do, so it stays on the list, apart and first."""
    monday, _sunday = week_bounds(day)
    items = list(items)
    return [i for i in items if i.due < monday], [i for i in items if i.due >= monday]
