"""Benefit series (plan and actuals per benefit) and the program roll-up of financial benefits.

Three narrow queries fetch only the columns the charts need (benefits, then their plan points and
measurements, filtered in SQL), never ORM objects; the roll-up is then plain arithmetic.

What the roll-up adds up
------------------------
A financial benefit's KPI is a rate (e.g. lost sales in £k/month). The benefit in a month is the KPI's
improvement over baseline in the planned direction (negative for a dis-benefit), converted to a
monthly amount from the unit ("/quarter" counts a third per month, "/year" a twelfth; otherwise the
value is taken as monthly). Planned: the trajectory interpolated at mid-month, over the realization
window (or the plan's own span when no window is set). Realized: the latest measured level carried
forward from the first to the last measurement — months after the last measurement are not counted
as realized, since nobody has measured them.

Amounts in different units are never added together: each benefit's unit is reduced to its money
basis by dropping the period ("£k/month" and "£k per quarter" are both "£k", converted to monthly
amounts as above), and the program rolls up each basis on its own ("£k" and "$k" are two roll-ups,
largest first). Every screen, export and board pack shows these same figures.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import benefit_rules as rules
from . import values as v
from .benefits import Benefit, BenefitMeasurement, BenefitPlanPoint

Period = Literal["month", "quarter"]


@dataclass
class BenefitSeries:
    id: int
    code: str
    title: str
    category: str
    unit: str
    baseline_value: float | None
    baseline_date: date | None
    target_value: float | None
    target_date: date | None
    window_start: date | None
    window_end: date | None
    dis_benefit: bool
    plan: list[tuple[date, float]] = field(default_factory=list)
    actuals: list[tuple[date, float]] = field(default_factory=list)
    measure: str = ""  # the KPI ("Lost sales"), which with the unit names the chart's y axis

    @property
    def axis_title(self) -> str:
        """What the values are, for a chart's y axis: "Lost sales (£k/month)", the unit alone with no KPI named,
        "value" with neither."""
        return v.measure_with_unit(self.measure, self.unit) if self.measure.strip() else self.unit or "value"

    @property
    def effective_plan(self) -> list[tuple[date, float]]:
        """The entered trajectory, else the straight line from baseline to target."""
        return rules.effective_plan(self.plan, self.baseline_value, self.baseline_date, self.target_value, self.target_date)

    @property
    def plan_is_implied(self) -> bool:
        return not self.plan and bool(self.effective_plan)

    @property
    def baseline(self) -> float | None:
        """The stated baseline, else the plan's first value."""
        if self.baseline_value is not None:
            return self.baseline_value
        return self.plan[0][1] if self.plan else None

    def assessment(self, today: date, thresholds: rules.Thresholds | None = None) -> rules.Assessment | None:
        thresholds = thresholds or rules.Thresholds()
        return rules.assess(self.effective_plan, self.actuals, self.baseline_value, today, self.dis_benefit, thresholds)


def load_series(session: Session, ids: Iterable[int] | None = None, financial_only: bool = False) -> list[BenefitSeries]:
    """Benefits with their plan and measurements (sorted by date), in three queries."""
    B = Benefit
    chosen = select(B.id)
    if ids is not None:
        chosen = chosen.where(B.id.in_(list(ids)))
    if financial_only:
        chosen = chosen.where(B.category.like("Financial%"))
    rows = session.execute(
        select(B.id, B.code, B.title, B.category, B.unit, B.baseline_value, B.baseline_date, B.target_value,
               B.target_date, B.window_start, B.window_end, B.dis_benefit, B.measure)
        .where(B.id.in_(chosen)).order_by(B.id)
    ).all()
    series = {
        bid: BenefitSeries(bid, code, title, category, unit, v.stored_number(baseline_value), baseline_date,
                           v.stored_number(target_value),
                           target_date, window_start, window_end, bool(dis_benefit), measure=measure or "")
        for (bid, code, title, category, unit, baseline_value, baseline_date, target_value, target_date,
             window_start, window_end, dis_benefit, measure) in rows
    }
    for E, target in ((BenefitPlanPoint, "plan"), (BenefitMeasurement, "actuals")):
        t = E.__table__  # Core columns: plain tuples, no ORM row processing for tens of thousands of points
        query = (select(t.c.benefit_id, t.c.on_date, t.c.value).where(t.c.benefit_id.in_(chosen))
                 .order_by(t.c.benefit_id, t.c.on_date, t.c.id))
        for bid, on, value in session.connection().execute(query):
            if bid in series and v.stored_number(value) is not None:  # text in its column: no value
                getattr(series[bid], target).append((on, value))
    return list(series.values())


# ------------------------------------------------------------------------------------------ roll-up
def per_month_factor(unit: str | None) -> float:
    """How much of a KPI value falls in one month, from its unit ("£k/quarter" → 1/3)."""
    u = (unit or "").lower()
    if re.search(r"(/|per)\s*(q|qtr|quarter)\b|quarterly", u):
        return 1 / 3
    if re.search(r"(/|per)\s*(y|yr|year|annum)\b|\bp\.?a\.?$|annual|yearly", u):
        return 1 / 12
    if re.search(r"(/|per)\s*(w|wk|week)\b|weekly", u):
        return 52 / 12
    return 1.0


_PERIOD = re.compile(
    r"\s*(?:(?:/|\bper\b)\s*(?:mo|mth|month|q|qtr|quarter|y|yr|year|annum|w|wk|week)s?\b\.?"
    r"|\bp\.?\s?[amq]\.?(?=\s|$)|\b(?:monthly|quarterly|annual|annually|yearly|weekly)\b)\s*", re.IGNORECASE)


def money_basis(unit: str | None) -> str:
    """The unit without its period: what may be added together once converted to monthly amounts."""
    return _PERIOD.sub(" ", unit or "").strip()


def month_start(d: date) -> date:
    return date(d.year, d.month, 1)


def next_month(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1)


def period_start(d: date, period: Period) -> date:
    if period == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    return month_start(d)


def period_label(start: date, period: Period) -> str:
    if period == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return v.month_text(start)


def _months(first: date, last: date) -> list[date]:
    out, m = [], month_start(first)
    while m <= last:
        out.append(m)
        m = next_month(m)
    return out


def monthly_benefit(s: BenefitSeries) -> tuple[dict[date, float], dict[date, float]]:
    """(planned, realized) benefit per month start for one benefit, in monthly amounts."""
    planned: dict[date, float] = {}
    realized: dict[date, float] = {}
    base = s.baseline
    plan = s.effective_plan
    if base is None or not plan:
        return planned, realized
    d = rules.direction(plan, base)
    factor = per_month_factor(s.unit)
    first = s.window_start or plan[0][0]
    last = s.window_end or plan[-1][0]
    months = _months(first, last)
    for m, value in zip(months, rules.planned_values(plan, [date(m.year, m.month, 15) for m in months])):
        assert value is not None  # a plan has a value at every date
        planned[m] = rules.improvement(value, base, d, s.dis_benefit) * factor
    if s.actuals:
        actuals = sorted(s.actuals, key=lambda a: a[0])
        # The first month holds the first measurement, so the loop below sets the level before it is used.
        i, level = 0, actuals[0][1]
        for m in _months(actuals[0][0], actuals[-1][0]):
            end = next_month(m)
            while i < len(actuals) and actuals[i][0] < end:
                level = actuals[i][1]
                i += 1
            realized[m] = rules.improvement(level, base, d, s.dis_benefit) * factor
    return planned, realized


@dataclass
class RollupPeriod:
    start: date
    label: str
    planned: float
    realized: float | None          # None after the last measured period
    cumulative_planned: float
    cumulative_realized: float | None


# Past this an amount is no money a program plans, and a chart's axis, whose ticks are worked out from the span of
# its values, overflows on it
PLOTTABLE = 1e300
NOT_PLOTTED = ("the chart is not drawn — an amount of these benefits is too large to plot, or no number (check "
               "their baselines, targets and measurements)")


@dataclass
class Rollup:
    period: Period
    periods: list[RollupPeriod]
    benefits: int                   # how many financial benefits contributed
    realized_to_date: float = 0.0   # up to the last measured month
    planned_to_date: float = 0.0    # planned over the same months, to compare like with like
    measured_until: date | None = None  # start of the last measured month
    unit: str = ""                  # the money basis every amount is in ("£k"), see money_basis

    @property
    def total_planned(self) -> float:
        return self.periods[-1].cumulative_planned if self.periods else 0.0

    @property
    def plottable(self) -> bool:
        """Whether a chart can scale its axis to every amount of the roll-up: a baseline of 1e308 or infinity, typed
        or edited into the office by hand, made the window's chart and the board pack's PDF fail whole (fault67)."""
        amounts = [x for p in self.periods for x in (p.planned, p.realized, p.cumulative_planned,
                                                      p.cumulative_realized) if x is not None]
        return all(math.isfinite(x) and abs(x) < PLOTTABLE for x in amounts)


def rollups(series: Iterable[BenefitSeries], period: Period = "month") -> list[Rollup]:
    """One roll-up per money basis of the financial benefits, the basis with most benefits first."""
    by_basis: dict[str, list[BenefitSeries]] = defaultdict(list)
    for s in series:
        if rules.is_financial(s.category):
            by_basis[money_basis(s.unit)].append(s)
    ordered = sorted(by_basis.items(), key=lambda item: (-len(item[1]), item[0]))
    return [rollup(group, period, unit) for unit, group in ordered]


def rollup(series: Iterable[BenefitSeries], period: Period = "month", unit: str = "") -> Rollup:
    """Financial benefits planned vs realized per month or quarter, with running totals (one money basis:
    use ``rollups`` for a program whose benefits are in several)."""
    monthly_planned: dict[date, float] = defaultdict(float)
    monthly_realized: dict[date, float] = defaultdict(float)
    count = 0
    for s in series:
        if not rules.is_financial(s.category):
            continue
        p, r = monthly_benefit(s)
        count += bool(p or r)
        for m, value in p.items():
            monthly_planned[m] += value
        for m, value in r.items():
            monthly_realized[m] += value
    planned: dict[date, float] = defaultdict(float)
    realized: dict[date, float] = defaultdict(float)
    for m, value in monthly_planned.items():
        planned[period_start(m, period)] += value
    for m, value in monthly_realized.items():
        realized[period_start(m, period)] += value
    starts = sorted(set(planned) | set(realized))
    if not starts:
        return Rollup(period, [], count, unit=unit)
    measured_until = max(monthly_realized) if monthly_realized else None
    realized_to_date = sum(monthly_realized.values())
    planned_to_date = sum(v for m, v in monthly_planned.items() if measured_until and m <= measured_until)
    last_measured = max(realized) if realized else None
    out, cum_p, cum_r = [], 0.0, 0.0
    step = (lambda d: next_month(next_month(next_month(d)))) if period == "quarter" else next_month
    current = starts[0]
    while current <= starts[-1]:
        cum_p += planned.get(current, 0.0)
        measured = last_measured is not None and current <= last_measured
        if measured:
            cum_r += realized.get(current, 0.0)
        out.append(RollupPeriod(current, period_label(current, period), planned.get(current, 0.0),
                                realized.get(current, 0.0) if measured else None, cum_p, cum_r if measured else None))
        current = step(current)
    return Rollup(period, out, count, realized_to_date=realized_to_date, planned_to_date=planned_to_date,
                  measured_until=measured_until, unit=unit)


def program_rollups(session: Session, period: Period = "month") -> list[Rollup]:
    """The program's roll-ups, one per money basis, largest first (empty when nothing is financial)."""
    return rollups(load_series(session, financial_only=True), period)


def program_rollup(session: Session, period: Period = "month") -> Rollup:
    """The main roll-up: the money basis most financial benefits are in."""
    found = program_rollups(session, period)
    return found[0] if found else Rollup(period, [], 0)
