"""A benefit's status (``benefit_rules.status``) as one SQL expression, for SQLite and PostgreSQL.

So a large benefits register sorts, filters and searches its Status column in the database
(``ComputedSql``, used by ``models/windows.py``) and shows the same text the Python rule computes.
Each step of the rule, in SQL, on the benefit's plan points and measurements (correlated subqueries,
each on its own alias of those tables):

- the latest measurement: the latest date, the later entered (higher id) of two on one date;
- the effective plan: the entered points, else the straight line from baseline to target when both
  have a value and a date and the target comes after the baseline (``benefit_rules.effective_plan``);
- the planned value at the measurement's date: the plan's first value before its first point, the
  last point's value after the last, else the line between the last point on or before the date (the
  later entered of two on one date) and the first after it, days counted as each database counts them —
  or, when the plan ended before the context's today after the measurement, its end (the last point's
  value, the target of a line; ``benefit_rules.judged_on``);
- the baseline (else the plan's first value), the direction (the sign of the point farthest from the
  baseline, the first entered of equals), the whole planned change, the scale and the ratio judged
  against the file's thresholds with the same tolerance as the rule.

Arithmetic runs in the same order as in Python, so both give the same floats.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Float, and_, case, exists, func, literal, select, true
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from . import benefit_rules as rules
from .benefits import BenefitMeasurement, BenefitPlanPoint
from .computed_sql import ComputedSql, dialect_sql
from .fields import Context

TOLERANCE = 1e-12  # as ``benefit_rules.assess``


class days_between(FunctionElement[Any]):
    """``days_between(later, earlier)``: the days from one date to the other, as a number."""

    type = Float()
    inherit_cache = True
    name = "days_between"


dialect_sql(days_between, "(julianday({0}) - julianday({1}))", "({0} - {1})")  # PostgreSQL: date - date, in days


def status_sql(B: Any, ctx: Context) -> Any:
    """The status text of each benefit row of ``B`` (the Benefit entity), as ``benefit_rules.status``:
    one correlated scalar subquery whose nested derived tables compute each step once (the latest
    measurement; the points around its date; the planned value and the baseline; the direction and
    the whole planned change; the verdict). No measurement: no row, so "Not measured"."""
    thresholds: rules.Thresholds = ctx.extra.get("benefit_thresholds") or rules.Thresholds()
    # Each step is a derived table with OFFSET 0, which neither SQLite nor PostgreSQL flattens into the
    # next: flattened, every use of a step's column would repeat its subqueries (hundreds per row).

    def points(column: str, *order: Any, where: Any = None, outer: tuple[Any, ...] = ()) -> Any:
        """One value of the benefit's plan points: the first in ``order`` among those ``where`` holds."""
        P = aliased(BenefitPlanPoint)
        query = select(getattr(P, column)).where(P.benefit_id == B.id)
        if where is not None:
            query = query.where(where(P))
        return query.order_by(*(o(P) for o in order)).limit(1).correlate(B, *outer).scalar_subquery()

    # 1. the latest measurement
    M = aliased(BenefitMeasurement)
    m = (select(M.on.label("on"), M.value.label("actual")).where(M.benefit_id == B.id)
         .order_by(M.on.desc(), M.id.desc()).limit(1).correlate(B).subquery("latest"))
    # 2. the plan's points around its date
    Pe = aliased(BenefitPlanPoint)
    has_points = exists().where(Pe.benefit_id == B.id).correlate(B)
    earlier, later = (lambda P: P.on <= m.c.on), (lambda P: P.on > m.c.on)
    backwards, forwards = (lambda P: P.on.desc(), lambda P: P.id.desc()), (lambda P: P.on, lambda P: P.id)
    around = select(
        m.c.on, m.c.actual, has_points.label("has_points"),
        points("value", *forwards, outer=(m,)).label("first"),
        points("on", *backwards, where=earlier, outer=(m,)).label("prev_on"),
        points("value", *backwards, where=earlier, outer=(m,)).label("prev_v"),
        points("on", *forwards, where=later, outer=(m,)).label("next_on"),
        points("value", *forwards, where=later, outer=(m,)).label("next_v"),
        points("on", *backwards, outer=(m,)).label("last_on"),
        points("value", *backwards, outer=(m,)).label("last_v"),
    ).select_from(m).correlate(B).offset(0).subquery("around")
    # 3. the planned value at that date and the baseline: of the points, else of the line
    a = around.c
    bv, bd, tv, td = B.baseline_value, B.baseline_date, B.target_value, B.target_date
    line = and_(bv.is_not(None), bd.is_not(None), tv.is_not(None), td.is_not(None), td > bd)
    planned_points = case((a.prev_on.is_(None), a.first), (a.next_on.is_(None), a.prev_v),
                          else_=a.prev_v + (a.next_v - a.prev_v) * days_between(a.on, a.prev_on)
                          / days_between(a.next_on, a.prev_on))
    planned_line = case((a.on < bd, bv), (a.on < td, bv + (tv - bv) * days_between(a.on, bd) / days_between(td, bd)),
                        else_=tv)
    # the plan's end instead, once it passed after the measurement (``benefit_rules.judged_on``)
    today = literal(ctx.today, Date())
    points_ended, line_ended = and_(a.on < a.last_on, a.last_on < today), and_(a.on < td, td < today)
    plan = select(
        a.actual, a.has_points, case((a.has_points, literal(1)), (line, literal(1)), else_=literal(0)).label("judged"),
        case((a.has_points, case((points_ended, a.last_v), else_=planned_points)),
             else_=case((line_ended, tv), else_=planned_line)).label("planned"),
        case((a.has_points, func.coalesce(bv, a.first)), else_=bv).label("base"),
    ).select_from(around).correlate(B).offset(0).subquery("plan")
    # 4. the whole planned change, then the direction: the point farthest from the baseline (the first
    # entered of equals) — found by its distance equal to the whole change, as ``max`` picks it
    p = plan.c
    Pw = aliased(BenefitPlanPoint)
    whole_points = (select(func.max(func.abs(Pw.value - p.base))).where(Pw.benefit_id == B.id)
                    .correlate(B, plan).scalar_subquery())
    change = select(
        p.actual, p.planned, p.base, p.judged, p.has_points,
        case((p.has_points, whole_points), else_=func.abs(tv - bv)).label("whole"),
    ).select_from(plan).correlate(B).offset(0).subquery("change")
    c = change.c
    Pf = aliased(BenefitPlanPoint)
    far = (select(Pf.value).where(Pf.benefit_id == B.id, func.abs(Pf.value - c.base) == c.whole).order_by(Pf.id)
           .limit(1).correlate(B, change).scalar_subquery())
    shape = select(
        c.actual, c.planned, c.base, c.judged, c.whole,
        case((c.has_points, case((far < c.base, literal(-1.0)), else_=literal(1.0))),
             else_=case((tv < bv, literal(-1.0)), else_=literal(1.0))).label("sign"),
    ).select_from(change).correlate(B).offset(0).subquery("shape")
    # 5. the shortfall against the scale, judged
    v = shape.c
    dis = B.dis_benefit == true()
    gap, quarter = func.abs(v.planned - v.base), v.whole * rules.MIN_SCALE_FRACTION
    ratios = select(
        v.judged, v.planned,
        case((dis, (v.actual - v.planned) * v.sign), else_=(v.planned - v.actual) * v.sign).label("shortfall"),
        case((dis, v.whole), (gap >= quarter, gap), else_=quarter).label("scale"),
    ).select_from(shape).correlate(B).offset(0).subquery("ratios")
    r = ratios.c
    scale = case((r.scale != 0, r.scale), (r.planned != 0, func.abs(r.planned)), else_=literal(1.0))
    ratio = r.shortfall / scale
    verdict = case((r.judged == 0, literal(rules.NOT_MEASURED)),
                   (ratio <= thresholds.at_risk + TOLERANCE, literal(rules.ON_TRACK)),
                   (ratio <= thresholds.off_track + TOLERANCE, literal(rules.AT_RISK)),
                   else_=literal(rules.OFF_TRACK))
    status = select(verdict).select_from(ratios).correlate(B).scalar_subquery()
    return func.coalesce(status, literal(rules.NOT_MEASURED))


BENEFIT_STATUS_SQL = ComputedSql(status_sql, is_text=True,
                                 can_show=lambda text, _ctx: any(text in s.lower() for s in rules.STATUSES))
