"""Risk review cadence: how often a risk is reviewed follows its rating (per office, in the file); the
next review is that many days after the last one (or after the risk was raised), and is overdue once
that day has passed. A closed risk needs no review."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, case, false, func, literal, not_, null, select, true, type_coerce
from sqlalchemy.orm import Session

from .computed_sql import (
    ComputedSql,
    date_can_show,
    date_plus_days,
    day_number_contains,
    day_number_of,
    day_number_plus,
    whole_day_key,
    whole_day_of,
)
from .errors import ValidationError
from .fields import Context
from .risks import Risk

DEFAULT_DAYS = (("Critical", 14), ("High", 30), ("Medium", 60), ("Low", 90))
UNRATED_DAYS = 90
OVERDUE = "Overdue"


@dataclass(frozen=True)
class ReviewCadence:
    """Days between reviews per rating name; a rating not listed (or no rating) uses ``other``."""

    days: tuple[tuple[str, int], ...] = DEFAULT_DAYS
    other: int = UNRATED_DAYS

    @classmethod
    def from_setting(cls, data: Any) -> "ReviewCadence":
        if not isinstance(data, dict):
            return cls()
        days = data.get("days")
        pairs = tuple((str(k), int(v)) for k, v in days.items()
                      if isinstance(v, int) and v > 0) if isinstance(days, dict) else DEFAULT_DAYS
        other = data.get("other")
        return cls(pairs or DEFAULT_DAYS, other if isinstance(other, int) and other > 0 else UNRATED_DAYS)

    def to_setting(self) -> dict[str, Any]:
        return {"days": dict(self.days), "other": self.other}

    def validate(self) -> None:
        for rating, n in (*self.days, ("other ratings", self.other)):
            if not 1 <= n <= 366:
                raise ValidationError(f"Review every 1 to 366 days ({rating}: {n}).")

    def interval(self, rating: str | None) -> int:
        return dict(self.days).get(rating or "", self.other)


def current_rating(rec: Mapping[str, Any], ctx: Context) -> str:
    """The rating a risk stands at now: residual once scored, else inherent."""
    scale = ctx.risk_scale
    return (scale.rating(rec.get("residual_probability"), rec.get("residual_impact"))
            or scale.rating(rec.get("probability"), rec.get("impact")))


def next_review(rec: Mapping[str, Any], ctx: Context) -> date | None:
    if rec.get("status") == "Closed":
        return None
    since: date | None = rec.get("reviewed_on") or rec.get("raised_on")
    if since is None:
        return None
    cadence: ReviewCadence = ctx.extra.get("review_cadence") or ReviewCadence()
    try:
        return since + timedelta(days=cadence.interval(current_rating(rec, ctx)))
    except OverflowError:  # raised or reviewed late in 9999 (31/12/9999, a sheet's "no date"): no day follows
        return None


def review_overdue(rec: Mapping[str, Any], ctx: Context) -> str:
    due = next_review(rec, ctx)
    return OVERDUE if due is not None and due < ctx.today else ""


def _next_review_sql(E: Any, ctx: Context, as_key: bool = False) -> Any:
    """``next_review`` in SQL: the cadence's days for the current rating (residual once it rates, else
    inherent) after the last review or the raising; NULL for a closed risk. One flat CASE on the two
    scores (highest band first), no rating text in between: sorting a million risks by it costs about
    what sorting by a stored column does."""
    cadence: ReviewCadence = ctx.extra.get("review_cadence") or ReviewCadence()
    bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score, reverse=True)
    whens = [(score >= b.min_score, cadence.interval(b.rating))
             for score in (E.residual_probability * E.residual_impact, E.probability * E.impact) for b in bands]
    days = case(*whens, else_=cadence.other) if whens else literal(cadence.other)
    since = func.coalesce(E.reviewed_on, E.raised_on)
    if as_key:  # for ORDER BY: the day number (SQLite), no date text per row; a third of the time
        return case((E.status == "Closed", null()), else_=day_number_plus(since, days))
    return type_coerce(case((E.status == "Closed", null()), else_=date_plus_days(since, days)), Date)


def _review_overdue_sql(E: Any, ctx: Context) -> Any:
    return case((_next_review_sql(E, ctx) < literal(ctx.today, Date), literal(OVERDUE)), else_=literal(""))


def _next_review_key(E: Any, ctx: Context) -> Any:
    return _next_review_sql(E, ctx, as_key=True)


def _reviewed_near(E: Any, ctx: Context, first: date, last: date) -> Any:
    """Every risk whose next review falls in first..last was last reviewed (or raised) between the
    longest interval before ``first`` and the shortest before ``last``: a compare of a stored date."""
    cadence: ReviewCadence = ctx.extra.get("review_cadence") or ReviewCadence()
    days = [cadence.other] + [cadence.interval(b.rating) for b in ctx.risk_scale.bands]
    try:
        since_first = first - timedelta(days=max(days))
    except OverflowError:
        since_first = date.min
    try:
        since_last = last - timedelta(days=min(days))
    except OverflowError:
        since_last = date.min
    return func.coalesce(E.reviewed_on, E.raised_on).between(since_first, since_last)


NEXT_REVIEW_SQL = ComputedSql(_next_review_sql, can_show=date_can_show, sort=_next_review_key, sort_whole=True,
                              day_sort=True,
                              contains=day_number_contains(_next_review_key, _next_review_sql, _reviewed_near))


def _overdue_matches(E: Any, allowed: frozenset[str], ctx: Context) -> Any:
    """The review column shows one of ``allowed`` ("Overdue", or '' for not): the next review's whole
    day number against today's, no date text per row (not through the next review's sort index:
    ``whole_day_key``'s ``unindexed``)."""
    overdue = whole_day_key(_next_review_key(E, ctx), unindexed=True) < whole_day_of(ctx.today)
    if OVERDUE in allowed:
        return true() if "" in allowed else overdue
    return not_(func.coalesce(overdue, false())) if "" in allowed else false()


def _overdue_key(E: Any, ctx: Context) -> Any:
    """For ORDER BY: 0 when overdue, NULL (blank) when not — two values among a million risks, so its
    sort is all ties; as one integer with the id (``windows._order``) it has none (2.1 s of CPU before)."""
    return case((_next_review_key(E, ctx) < day_number_of(ctx.today), literal(0)), else_=null())


REVIEW_OVERDUE_SQL = ComputedSql(_review_overdue_sql, can_show=lambda text, _ctx: text in OVERDUE.lower(), is_text=True,
                                 sort=_overdue_key, sort_whole=True, values=(OVERDUE, ""), matches=_overdue_matches,
                                 past_of="next_review")


def reviews_overdue(session: Session, ctx: Context) -> int:
    """How many open risks are past their next review (for the board pack and the summary)."""
    cols = (Risk.status, Risk.reviewed_on, Risk.raised_on, Risk.probability, Risk.impact,
            Risk.residual_probability, Risk.residual_impact)
    names = [c.key for c in cols]
    return sum(1 for row in session.execute(select(*cols).where(Risk.status != "Closed"))
               if review_overdue(dict(zip(names, row)), ctx))
