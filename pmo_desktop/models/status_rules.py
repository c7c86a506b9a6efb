"""The rules of the reporting cycle: RAG ratings and their order, reporting periods at the office's
cadence, and when a milestone has slipped or is late. Plain functions, no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from .errors import ValidationError
from .fields import Context
from .values import period_first_day

RED, AMBER, GREEN = "Red", "Amber", "Green"
RAGS = (GREEN, AMBER, RED)
# How bad each rating is: a trend compares these, so Green → Amber is worse and Red → Amber better.
SEVERITY = {GREEN: 0, AMBER: 1, RED: 2}
RAG_COLOURS = {GREEN: "#C6EFCE", AMBER: "#FFEB9C", RED: "#FFC7CE"}
RAG_ALIASES = {"G": GREEN, "A": AMBER, "R": RED, "Amber/Red": RED, "Amber-Red": RED, "Green/Amber": AMBER,
               "On track": GREEN, "At risk": AMBER, "Off track": RED}
# The dimensions a status report rates, in the order people read them across.
DIMENSIONS = ("overall", "schedule", "cost", "scope", "quality", "benefits")

REPORT_STATES = ("Draft", "Final")

# Trend of a rating against the previous period's.
BETTER, WORSE, SAME, NEW = "Better", "Worse", "Same", "New"
TREND_ARROWS = {BETTER: "▲", WORSE: "▼", SAME: "▶", NEW: "•"}


def trend(previous: str | None, current: str | None) -> str:
    """Better / Worse / Same against the previous period's rating; New when either has none."""
    if not previous or not current or previous not in SEVERITY or current not in SEVERITY:
        return NEW
    delta = SEVERITY[current] - SEVERITY[previous]
    return SAME if delta == 0 else (WORSE if delta > 0 else BETTER)


# ------------------------------------------------------------------------------------ periods
WEEKLY, MONTHLY, QUARTERLY = "Weekly", "Monthly", "Quarterly"
CADENCES = (WEEKLY, MONTHLY, QUARTERLY)
PERIOD_HINT = "a month (Nov 2026 or 2026-11), an ISO week (W46 2026) or a quarter (Q4 2026)"


def period_of(day: date, cadence: str) -> str:
    """The label of the reporting period ``day`` falls in, at this cadence."""
    if cadence == WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if cadence == QUARTERLY:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def period_start(label: str) -> date | None:
    """The first day of a period label of any cadence; None when the label is not a period."""
    return period_first_day(label)


@dataclass(frozen=True)
class ReportingCadence:
    """How often this office's projects report status: weekly, monthly or quarterly."""

    cadence: str = MONTHLY

    @classmethod
    def from_setting(cls, data: Any) -> "ReportingCadence":
        return cls(data) if data in CADENCES else cls()

    def to_setting(self) -> str:
        return self.cadence

    def validate(self) -> None:
        if self.cadence not in CADENCES:
            raise ValidationError(f"Reporting cadence must be one of {', '.join(CADENCES)} (got “{self.cadence}”).")


def check_status_report(rec: Mapping[str, Any], ctx: Context) -> None:
    if not rec.get("project"):
        raise ValidationError("A status report is about a project: choose one.", "project")
    period = str(rec.get("period") or "").strip()
    if period_start(period) is None:
        raise ValidationError(f"Period “{period}” is not {PERIOD_HINT}.", "period")
    if period != period.upper():
        raise ValidationError(f"Write the period as {period.upper()}.", "period")


# ------------------------------------------------------------------------------------ milestones
DONE, LATE, SLIPPED, ON_TRACK = "Done", "Late", "Slipped", "On track"
MILESTONE_COLOURS = {LATE: "#FFC7CE", SLIPPED: "#FFEB9C", ON_TRACK: "#C6EFCE", DONE: "#D9D9D9"}
DUE_WITHIN_DAYS = 30


def milestone_due(rec: Mapping[str, Any]) -> date | None:
    """The date a milestone is now expected: its forecast, else its baseline."""
    due: date | None = rec.get("forecast") or rec.get("baseline")
    return due


def milestone_slip(rec: Mapping[str, Any], ctx: Context | None = None) -> int | None:
    """Days the forecast (or the actual, once met) lies past the baseline; None without both dates."""
    baseline, other = rec.get("baseline"), rec.get("actual") or rec.get("forecast")
    return (other - baseline).days if baseline and other else None


def milestone_state(rec: Mapping[str, Any], ctx: Context) -> str:
    """Done once it has an actual date; Late when its date has passed without one; Slipped when the
    forecast lies after the baseline; else On track."""
    if rec.get("actual"):
        return DONE
    due = milestone_due(rec)
    if due is not None and due < ctx.today:
        return LATE
    slip = milestone_slip(rec)
    return SLIPPED if slip is not None and slip > 0 else ON_TRACK


def due_soon(rec: Mapping[str, Any], today: date, days: int = DUE_WITHIN_DAYS) -> bool:
    """Not yet met and expected within the next ``days`` days (today included)."""
    due = milestone_due(rec)
    return not rec.get("actual") and due is not None and today <= due <= today + timedelta(days=days)


def check_milestone(rec: Mapping[str, Any], ctx: Context) -> None:
    """A milestone with no project is the program's own. Dates are free: a forecast before the
    baseline is a milestone brought forward, and an actual may be recorded early."""
    return None
