"""Open risks by rating over time, rebuilt from the risk history (each risk's state at each period end)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .clock import as_local, as_utc
from .risk_rules import RiskScale
from .risks import RiskHistory


@dataclass(frozen=True)
class TrendPoint:
    on: date
    counts: dict[str, int]   # rating → number of open risks in that band

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def period_ends(start: date, end: date, period: str = "month") -> list[date]:
    """Each week end (Sunday) or month end from ``start`` up to ``end``, and ``end`` itself last."""
    if period not in ("week", "month"):
        raise ValueError(f"Unknown period {period!r}; use 'week' or 'month'.")
    out = []
    if period == "week":
        d = start + timedelta(days=(6 - start.weekday()) % 7)
        while d < end:
            out.append(d)
            d += timedelta(days=7)
    else:
        y, m = start.year, start.month
        while True:
            d = date(y, m, calendar.monthrange(y, m)[1])
            if d >= end:
                break
            out.append(d)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out.append(end)
    return out


def open_risk_trend(session: Session, scale: RiskScale, start: date, end: date, period: str = "month",
                    residual: bool = False) -> list[TrendPoint]:
    """For each period end, how many risks were open, per rating band, as the history recorded them."""
    rows = session.execute(
        select(RiskHistory.risk_id, RiskHistory.recorded_at, RiskHistory.status,
               RiskHistory.residual_probability if residual else RiskHistory.probability,
               RiskHistory.residual_impact if residual else RiskHistory.impact)
        .where(RiskHistory.recorded_at < as_utc(datetime.combine(end + timedelta(days=1), time.min)))
        .order_by(RiskHistory.recorded_at, RiskHistory.id)
    ).all()
    ratings = [b.rating for b in sorted(scale.bands, key=lambda b: b.min_score)]
    counts = dict.fromkeys(ratings, 0)
    rated: dict[tuple[int | None, int | None], str | None] = {}  # (p, i) → band: a handful of cells, many thousands of rows
    bucket: dict[int, str | None] = {}  # risk id → the band it is counted in (None: not open or unscored)
    points, n = [], 0
    for day in period_ends(start, end, period):
        limit = as_utc(datetime.combine(day + timedelta(days=1), time.min))  # the rows' moments are UTC
        while n < len(rows) and rows[n][1] < limit:
            rid, _at, status, p, i = rows[n]
            n += 1
            old = bucket.get(rid)
            if status == "Open":
                new = rated.get((p, i), "?")
                if new == "?":
                    new = rated[(p, i)] = scale.rating(p, i) or None
            else:
                new = None
            if old == new:
                continue
            if old is not None:
                counts[old] -= 1
            if new is not None:
                counts[new] = counts.get(new, 0) + 1
            bucket[rid] = new
        points.append(TrendPoint(day, dict(counts)))
    return points


def first_recorded(session: Session) -> date | None:
    from sqlalchemy import func

    first = session.scalar(select(func.min(RiskHistory.recorded_at)))
    return as_local(first).date() if first else None


def recent_trend(session: Session, scale: RiskScale, end: date, months: int, period: str = "month",
                 residual: bool = False) -> list[TrendPoint]:
    """The trend over the last ``months`` up to ``end``, starting no earlier than the history does."""
    from datetime import timedelta

    first = first_recorded(session) or end
    start = max(first, end - timedelta(days=31 * months))
    return open_risk_trend(session, scale, start, end, period, residual)
