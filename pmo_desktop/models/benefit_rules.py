"""Benefit rules: planned value at a date, variance of actuals against plan, status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CATEGORIES = ("Financial cashable", "Financial non-cashable", "Non-financial")
LIFECYCLE = ("Identified", "Planned", "Realizing", "Realized", "Closed")
CONFIDENCE = ("Low", "Medium", "High")
ON_TRACK, AT_RISK, OFF_TRACK, NOT_MEASURED = "On track", "At risk", "Off track", "Not measured"
STATUS_COLOURS = {ON_TRACK: "#2e7d32", AT_RISK: "#f9a825", OFF_TRACK: "#c62828", NOT_MEASURED: "#9e9e9e"}


@dataclass(frozen=True)
class Thresholds:
    """Shortfall against plan, as a fraction of the planned change, that makes a benefit amber or red."""

    at_risk: float = 0.10
    off_track: float = 0.25

    @classmethod
    def from_setting(cls, data: dict | None) -> "Thresholds":
        return cls(**data) if data else cls()


def planned_value(plan: list[tuple[date, float]], on: date) -> float | None:
    """Planned value at a date, interpolated linearly between trajectory points.

    Before the first point the plan is the first value; after the last, the last value.
    """
    if not plan:
        return None
    points = sorted(plan)
    if on <= points[0][0]:
        return points[0][1]
    for (d0, v0), (d1, v1) in zip(points, points[1:]):
        if d0 <= on <= d1:
            if d1 == d0:
                return v1
            return v0 + (v1 - v0) * (on - d0).days / (d1 - d0).days
    return points[-1][1]


def variance(plan: list[tuple[date, float]], measurements: list[tuple[date, float]]) -> tuple[date, float, float] | None:
    """(date, actual, planned) of the latest measurement, or None without plan or measurement."""
    if not plan or not measurements:
        return None
    on, actual = max(measurements)
    planned = planned_value(plan, on)
    return on, actual, planned


def status(plan: list[tuple[date, float]], measurements: list[tuple[date, float]], baseline: float | None,
           dis_benefit: bool = False, thresholds: Thresholds = Thresholds()) -> str:
    """On track / at risk / off track from the latest actual against the plan at that date.

    The shortfall is measured relative to the planned change from baseline, so a KPI that should fall
    (a dis-benefit to contain, or a cost to cut) works the same as one that should rise.
    """
    v = variance(plan, measurements)
    if v is None:
        return NOT_MEASURED
    _, actual, planned = v
    base = baseline if baseline is not None else sorted(plan)[0][1]
    planned_change = planned - base
    if dis_benefit:
        # A dis-benefit is a cost to keep at or below plan: exceeding the plan is the shortfall.
        shortfall = actual - planned
        scale = abs(planned_change) or abs(planned) or 1.0
    else:
        direction = 1.0 if planned_change >= 0 else -1.0
        shortfall = (planned - actual) * direction
        scale = abs(planned_change) or abs(planned) or 1.0
    ratio = shortfall / scale
    if ratio <= thresholds.at_risk:
        return ON_TRACK
    if ratio <= thresholds.off_track:
        return AT_RISK
    return OFF_TRACK
