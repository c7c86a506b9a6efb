"""Benefit rules: planned value at a date, variance of the latest actual against plan, status.

Plain functions over ``(date, value)`` lists, so the table, the chart and the roll-up agree and are
tested without a database or a GUI.

How the status is judged
------------------------
The *direction* of a benefit is the sign of its planned change from baseline (the plan point farthest
from the baseline): a cost to cut falls, a revenue to grow rises. The *shortfall* of the latest actual
is how far it is behind the plan at its date, in that direction. For a **dis-benefit** (a negative
consequence the program accepts, e.g. lost till throughput during roll-out) the plan is the harm we
tolerate, so going *beyond* the plan in its direction is the shortfall.

The shortfall is divided by a *scale* to compare it with the thresholds:

- benefits: the improvement planned by that date, but at least a quarter of the whole planned
  improvement, so the first weeks of a trajectory are not judged on noise;
- dis-benefits: the whole tolerated harm (the plan's peak), since the plan returns to baseline.

At or below ``at_risk`` is on track, up to ``off_track`` at risk, beyond that off track.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from .errors import ValidationError
from .values import money_text, number_text

CATEGORIES = ("Financial cashable", "Financial non-cashable", "Non-financial")
LIFECYCLE = ("Identified", "Planned", "Realizing", "Realized", "Closed")
CONFIDENCE = ("Low", "Medium", "High")
ON_TRACK, AT_RISK, OFF_TRACK, NOT_MEASURED = "On track", "At risk", "Off track", "Not measured"
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK, NOT_MEASURED)
STATUS_COLOURS = {ON_TRACK: "#2e7d32", AT_RISK: "#f9a825", OFF_TRACK: "#c62828", NOT_MEASURED: "#9e9e9e"}
# The planned and the realized line, in every chart of benefits (the Benefits page, the board pack): one colour
# each, so a board member reads the pack's lines as the workshop read the page's (the pack drew realized green).
PLANNED_COLOUR = "#1565c0"
REALIZED_COLOUR = "#e65100"
# Their widths in points, in the board pack's PDF and its workbook alike: the realized line thicker, as it runs only to
# the last month measured, low under a plan years long — at 2 points a short thin stroke on the axis a projector lost;
# the workbook's chart kept Excel's default hairlines (walk 49).
PLANNED_LINE_PT = 2.0
REALIZED_LINE_PT = 3.5
MIN_SCALE_FRACTION = 0.25  # early in a trajectory, judge against at least 25% of the whole planned change

Series = Sequence[tuple[date, float]]


def is_financial(category: str | None) -> bool:
    return category is not None and category.startswith("Financial")


def measures_are_money(benefit: Mapping[str, Any]) -> bool:
    """Whether a benefit's measures — its baseline, target, planned today, latest actual — are money: a financial
    benefit's are (its unit "£k/month"), printed whole as every other amount of the board pack
    (``values.money_text``; its "Planned today" read 325.22 beside the roll-up's 904); another measure keeps its
    decimals as typed (76.24 seconds)."""
    return is_financial(benefit.get("category"))


def measured_text(benefit: Mapping[str, Any], value: float) -> str:
    """One of a benefit's measures (``measures_are_money``) as it reads everywhere — its row in the Benefits
    table, its profile, the board pack: money whole ("325"), another measure with the decimals it has ("76.24").
    The table and the profile wrote every one with two decimals, "Planned today" 325.22 for money the pack
    printed 325. Text a hand-edited office keeps in the number column (``values.stored_number``) reads as written."""
    if not isinstance(value, (int, float)):
        return str(value)
    return money_text(value) if measures_are_money(benefit) else number_text(value)


# The measures typed beside a benefit's "Planned today", whose decimals it is read with (``planned_places``).
TYPED_MEASURES = ("baseline_value", "target_value", "latest_actual")


def planned_places(benefits: Sequence[Mapping[str, Any]]) -> int:
    """The decimals a board reads the "Planned today" of measures that are no money with, decided once for the
    column: as many as the measures typed beside it carry (baselines, targets, latest actuals), at most two. It is
    worked out along the plan to the day, so its decimals are the day's, not anyone's measure: 76.13 seconds and
    71.88 % beside a baseline of 95 and a target of 60 read as noise on paper."""
    places = 0
    for b in benefits:
        if measures_are_money(b):
            continue
        for name in TYPED_MEASURES:
            value = b.get(name)
            if isinstance(value, (int, float)):  # not text a hand-edited office keeps in the column
                places = max(places, len(number_text(value).partition(".")[2]))
    return places


def planned_text(benefit: Mapping[str, Any], value: float, places: int) -> str:
    """A benefit's "Planned today" as a board reads it: money whole, another measure to ``planned_places``."""
    return money_text(value) if measures_are_money(benefit) else f"{value:,.{places}f}"


def planned_reading(benefits: Sequence[Mapping[str, Any]]) -> Callable[[Mapping[str, Any], float], str]:
    """How a column of these benefits' "Planned today" reads — ``planned_text`` with the column's
    ``planned_places`` — the one rule of the Benefits table and the board pack: the table read 76.13 seconds
    where the pack printed 76 (walk 49)."""
    places = planned_places(benefits)
    return lambda benefit, value: planned_text(benefit, value, places)


@dataclass(frozen=True)
class Thresholds:
    """Shortfall against plan, as a fraction of the planned change, that makes a benefit amber or red."""

    at_risk: float = 0.10
    off_track: float = 0.25

    def __post_init__(self) -> None:
        if not (0 <= self.at_risk <= self.off_track):
            raise ValidationError("The at-risk threshold must be between 0 and the off-track threshold.")

    @classmethod
    def from_setting(cls, data: object) -> "Thresholds":
        """From the file's "benefit_thresholds" setting; a missing or damaged setting gives the defaults."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(float(data.get("at_risk", cls.at_risk)), float(data.get("off_track", cls.off_track)))
        except (TypeError, ValueError, ValidationError):
            return cls()

    def to_setting(self) -> dict[str, Any]:
        return {"at_risk": self.at_risk, "off_track": self.off_track}


@dataclass(frozen=True)
class Assessment:
    """The latest actual of a benefit against its plan."""

    on: date
    actual: float
    planned: float
    variance: float      # actual - planned, in the KPI's unit
    shortfall: float     # how far behind plan (negative: ahead), as a fraction of the scale
    status: str
    planned_on: date     # the day of the plan it is judged against: ``on``, or the plan's end once that has passed

    @property
    def past_the_end(self) -> bool:
        """Judged against the end of a plan that ended after it was measured (``judged_on``)."""
        return self.planned_on != self.on


def planned_value(plan: Series, on: date) -> float | None:
    """Planned value at a date, interpolated linearly between trajectory points.

    Before the first point the plan is the first value; after the last, the last value.
    Two points on the same date: the later entered one (last in the list) wins from that date.
    """
    if not plan:
        return None
    points = sorted(plan, key=lambda p: p[0])
    if on < points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:]):
        if d0 <= on < d1:
            return v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days
    return points[-1][1]


def planned_values(plan: Series, dates: Sequence[date]) -> list[float | None]:
    """``planned_value`` at many dates in ascending order, in one pass (the roll-up's hot loop).

    Without a plan every value is None, as for ``planned_value``."""
    points = sorted(plan, key=lambda p: p[0])
    out: list[float | None] = []
    i, n = 0, len(points)
    for on in dates:
        if not points:
            out.append(None)
            continue
        if on < points[0][0]:
            out.append(points[0][1])
            continue
        while i + 1 < n and points[i + 1][0] <= on:
            i += 1
        if i + 1 < n:
            (d0, v0), (d1, v1) = points[i], points[i + 1]
            out.append(v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days)
        else:
            out.append(points[-1][1])
    return out


def effective_plan(plan: Series, baseline_value: float | None = None, baseline_date: date | None = None,
                   target_value: float | None = None, target_date: date | None = None) -> list[tuple[date, float]]:
    """The trajectory to judge against: the entered points, else a straight line from baseline to
    target when both have a value and a date (many benefit profiles arrive without a trajectory)."""
    if plan:
        return list(plan)
    if (baseline_value is not None and baseline_date is not None and target_value is not None
            and target_date is not None and target_date > baseline_date):
        return [(baseline_date, baseline_value), (target_date, target_value)]
    return []


def latest(measurements: Series) -> tuple[date, float] | None:
    """The most recent measurement (the later entered one when two share a date)."""
    if not measurements:
        return None
    best = None
    for on, value in measurements:
        if best is None or on >= best[0]:
            best = (on, value)
    return best


def judged_on(plan: Series, measured_on: date, today: date) -> date:
    """The day of the plan a benefit's latest actual is judged against: the day it was measured — or, once the plan
    has ended (its last day: the target date of a line from baseline to target) before today and nothing was
    measured since, the plan's end. A benefit whose target date passed unmeasured is judged against its target
    until it is measured again: one last measured in June on its way, its target due in October, stayed "On track"
    in December, green on the dashboard and in the board pack, its target never shown to be met (walk41)."""
    end = max(day for day, _ in plan)
    return end if measured_on < end < today else measured_on


def variance(plan: Series, measurements: Series, today: date) -> tuple[date, float, date, float] | None:
    """(date, actual, the plan's day it is judged at, planned then) of the latest measurement (``judged_on``), or
    None without plan or measurement."""
    last = latest(measurements)
    if not plan or last is None:
        return None
    on, actual = last
    planned_on = judged_on(plan, on, today)
    planned = planned_value(plan, planned_on)
    assert planned is not None  # a plan has a value at every date
    return on, actual, planned_on, planned


def direction(plan: Series, baseline: float) -> float:
    """+1 when the plan moves up from baseline, -1 when it moves down (+1 for a flat plan)."""
    far = max(plan, key=lambda p: abs(p[1] - baseline), default=None)
    return -1.0 if far is not None and far[1] < baseline else 1.0


def assess(plan: Series, measurements: Series, baseline: float | None, today: date, dis_benefit: bool = False,
           thresholds: Thresholds = Thresholds()) -> Assessment | None:
    """The latest actual judged against the plan at its date (at the plan's end once that passed unmeasured:
    ``judged_on``); None without plan or measurement."""
    v = variance(plan, measurements, today)
    if v is None:
        return None
    on, actual, planned_on, planned = v
    base = baseline if baseline is not None else sorted(plan, key=lambda p: p[0])[0][1]
    d = direction(plan, base)
    whole = max(abs(value - base) for _, value in plan)
    if dis_benefit:
        shortfall = (actual - planned) * d
        scale = whole
    else:
        shortfall = (planned - actual) * d
        scale = max(abs(planned - base), whole * MIN_SCALE_FRACTION)
    scale = scale or abs(planned) or 1.0
    ratio = shortfall / scale
    if ratio <= thresholds.at_risk + 1e-12:
        verdict = ON_TRACK
    elif ratio <= thresholds.off_track + 1e-12:
        verdict = AT_RISK
    else:
        verdict = OFF_TRACK
    return Assessment(on, actual, planned, actual - planned, ratio, verdict, planned_on)


def status(plan: Series, measurements: Series, baseline: float | None, today: date, dis_benefit: bool = False,
           thresholds: Thresholds = Thresholds()) -> str:
    """On track / at risk / off track (or not measured) from the latest actual against the plan."""
    a = assess(plan, measurements, baseline, today, dis_benefit, thresholds)
    return a.status if a else NOT_MEASURED


def improvement(value: float, baseline: float, d: float, dis_benefit: bool) -> float:
    """The benefit a KPI value represents: its change from baseline in the planned direction.

    A dis-benefit's change is harm, so it counts negative.
    """
    gain = (value - baseline) * d
    return -gain if dis_benefit else gain


def window_problem(on: date | None, window_start: date | None, window_end: date | None, code: str = "") -> str | None:
    """The message refusing a measurement dated outside the realization window, or None when it fits."""
    if on is None or (window_start is None and window_end is None):
        return None
    if (window_start and on < window_start) or (window_end and on > window_end):
        span = f"{window_start.isoformat() if window_start else 'any date'} to {window_end.isoformat() if window_end else 'open end'}"
        whose = f"{code}'s" if code else "the benefit's"
        return (f"The measurement date {on.isoformat()} is outside {whose} realization window ({span}); "
                f"change the date or widen the window.")
    return None


def future_measurement_warning(on: date | None, today: date) -> str | None:
    """A measurement dated after today is usually a typo: the question to ask before keeping it, or None."""
    if on is None or on <= today:
        return None
    return (f"The measurement date {on.isoformat()} is in the future (today is {today.isoformat()}). "
            "A measurement records what was observed; keep this date anyway?")
