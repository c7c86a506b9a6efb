"""Stakeholder rules: power/interest quadrant, engagement gap, communication rhythm."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

ATTITUDES = ("Opponent", "Critic", "Neutral", "Supporter", "Champion")
ENGAGEMENT_LEVELS = ("Unaware", "Resistant", "Neutral", "Supportive", "Leading")
FREQUENCIES = ("Weekly", "Fortnightly", "Monthly", "Quarterly", "Ad hoc")
SCALE_NAMES = ("Very low", "Low", "Medium", "High", "Very high")

MANAGE_CLOSELY = "Manage closely"
KEEP_SATISFIED = "Keep satisfied"
KEEP_INFORMED = "Keep informed"
MONITOR = "Monitor"
QUADRANTS = (MANAGE_CLOSELY, KEEP_SATISFIED, KEEP_INFORMED, MONITOR)
# On the 1–5 scale a value of 3 or more is "high": the midpoint belongs to the upper half, so a
# stakeholder of middling power is kept satisfied rather than merely monitored.
HIGH_FROM = 3


def quadrant(power: float | None, interest: float | None) -> str:
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


def engagement_gap(current: str | None, desired: str | None) -> int | None:
    """Steps between current and desired engagement: positive means they must be brought up."""
    if current not in ENGAGEMENT_LEVELS or desired not in ENGAGEMENT_LEVELS:
        return None
    return ENGAGEMENT_LEVELS.index(desired) - ENGAGEMENT_LEVELS.index(current)


def add_months(day: date, months: int) -> date:
    """Same day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(frequency: str | None, last_held: date | None, planned_on: date | None = None,
             today: date | None = None) -> date | None:
    """When a communication is next due: one period after it was last held.

    Never held: due today (it should start). Ad hoc: its planned date, if any.
    """
    if frequency == "Ad hoc" or not frequency:
        return planned_on
    if last_held is None:
        return planned_on or today or date.today()
    if frequency == "Weekly":
        return last_held + timedelta(days=7)
    if frequency == "Fortnightly":
        return last_held + timedelta(days=14)
    if frequency == "Monthly":
        return add_months(last_held, 1)
    if frequency == "Quarterly":
        return add_months(last_held, 3)
    return None


def is_overdue(due: date | None, today: date | None = None) -> bool:
    return due is not None and due < (today or date.today())
