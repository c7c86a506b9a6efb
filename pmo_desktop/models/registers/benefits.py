"""Benefits register with its planned trajectory and measurements."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import benefit_rules as rules
from ..benefit_status_sql import BENEFIT_STATUS_SQL
from ..benefits import Benefit, BenefitMeasurement, BenefitPlanPoint
from ..colours import ByValue
from ..errors import ValidationError
from ..fields import NOT_ASSESSED_YET, Context, Field, Kind, Overview, Ref, Register
from ..links import benefit_objective, benefit_outcome, benefit_project
from ..program import Outcome, Project, StrategicObjective
from ..values import DATE_AHEAD, DATE_OBSERVED, day_text, stored_number
from .program import PERSON

Points = dict[int, list[tuple[date, float]]]   # benefit id → (date, value), in the order entered


class BenefitData(TypedDict):
    """What the status and trajectory columns read: every shown benefit's plan and measurements."""

    plans: Points
    actuals: Points
    thresholds: rules.Thresholds


def benefit_data(session: Session, ids: Iterable[int] | None) -> BenefitData:
    """Plan and measurements of the benefits shown (all when ``ids`` is None), two queries, for the
    status column."""
    plans: Points = defaultdict(list)
    actuals: Points = defaultdict(list)
    q1 = select(BenefitPlanPoint.benefit_id, BenefitPlanPoint.on, BenefitPlanPoint.value).order_by(BenefitPlanPoint.id)
    q2 = select(BenefitMeasurement.benefit_id, BenefitMeasurement.on, BenefitMeasurement.value).order_by(BenefitMeasurement.id)
    if ids is not None:
        q1 = q1.where(BenefitPlanPoint.benefit_id.in_(list(ids)))
        q2 = q2.where(BenefitMeasurement.benefit_id.in_(list(ids)))
    for bid, on, value in session.execute(q1):
        if value is None or stored_number(value) is not None:  # text a hand-edited office keeps: no value
            plans[bid].append((on, value))
    for bid, on, value in session.execute(q2):
        if value is None or stored_number(value) is not None:
            actuals[bid].append((on, value))
    from ..settings import BENEFIT_THRESHOLDS

    return {"plans": plans, "actuals": actuals, "thresholds": BENEFIT_THRESHOLDS.read(session)}


def _prefetch(session: Session, ids: Iterable[int] | None) -> dict[str, Any]:
    """The register's prefetch hook, which ``Register`` declares as returning a plain dict."""
    return dict(benefit_data(session, ids))


def _plan(rec: Mapping[str, Any], data: BenefitData) -> list[tuple[date, float]]:
    return rules.effective_plan(data["plans"].get(rec["id"], []), rec.get("baseline_value"), rec.get("baseline_date"),
                                rec.get("target_value"), rec.get("target_date"))


def status_of(rec: Mapping[str, Any], data: BenefitData, today: date) -> str:
    """A benefit's status — its row's ``id``, baseline, target and dis-benefit read with its plan and measurements:
    the one rule for the table's Status column, the dashboard's and the board pack's counts. Judged against its
    effective plan, the line from baseline to target when no trajectory was typed: the counts judged the typed
    trajectory alone, and a benefit the table showed Off track was counted "Not measured" on the dashboard and in
    the board pack's chart beside its own listing (walk41)."""
    return rules.status(_plan(rec, data), data["actuals"].get(rec["id"], []),
                        rec.get("baseline_value"), today, bool(rec.get("dis_benefit")), data["thresholds"])


def _status(rec: Mapping[str, Any], ctx: Context) -> str:
    data: BenefitData | None = ctx.extra.get("benefits")
    if not data:
        return rules.NOT_MEASURED
    return status_of(rec, data, ctx.today)


def _latest_actual(rec: Mapping[str, Any], ctx: Context) -> float | None:
    data: BenefitData | None = ctx.extra.get("benefits")
    actuals = data["actuals"].get(rec["id"]) if data else None
    last = rules.latest(actuals) if actuals else None
    return last[1] if last else None


def _planned_today(rec: Mapping[str, Any], ctx: Context) -> float | None:
    data: BenefitData | None = ctx.extra.get("benefits")
    plan = _plan(rec, data) if data else None
    return rules.planned_value(plan, ctx.today) if plan else None


def check_benefit(rec: Mapping[str, Any], ctx: Context) -> None:
    for a, b, msg in (("baseline_date", "target_date", "The target date cannot be before the baseline date."),
                      ("window_start", "window_end", "The realization window cannot end before it starts.")):
        if rec.get(a) and rec.get(b) and rec[b] < rec[a]:  # the dates read named, as a risk's proximity's
            raise ValidationError(f"{msg[:-1]}: {day_text(rec[b])} is before {day_text(rec[a])}.", b)


BENEFITS = Register(
    name="benefits",
    overview=Overview(lambda p: f"Benefits ({p['total']})"),
    title="Benefits plan",
    noun="benefit",
    entity=Benefit,
    code_prefix="B-",
    sheet_synonyms=("benefits", "benefits plan", "benefit register", "benefits register", "benefits tracker", "benefit profiles"),
    recognised_on_import=True,
    check=check_benefit,
    prefetch=_prefetch,
    # No confidence by default: an assessment of the benefit's realization, and one nobody made ("Medium") stays
    # "Not assessed yet".
    defaults={"category": "Non-financial", "lifecycle": "Identified", "dis_benefit": False},
    watch_new="New benefits",
    watch_gone="Benefits removed",
    fields=[
        Field("code", "ID", Kind.CODE, width=7, synonyms=("benefit id", "ref", "benefit ref")),
        Field("title", "Benefit", required=True, width=32, synonyms=("title", "benefit name", "benefit title", "name")),
        Field("category", "Category", Kind.ENUM, choices=rules.CATEGORIES, width=18, synonyms=("benefit type", "type", "classification"),
              aliases={"Cashable": "Financial cashable", "Non-cashable": "Financial non-cashable", "Non cashable": "Financial non-cashable", "Financial": "Financial cashable", "Nonfinancial": "Non-financial"}),
        Field("status_rag", "Status", Kind.COMPUTED, compute=_status, sql=BENEFIT_STATUS_SQL, width=11,
              colours=ByValue(lambda ctx: rules.STATUS_COLOURS), synonyms=("rag", "rag status", "tracking"),
              watch="Status changes"),
        Field("owner", "Benefit owner", Kind.REF, column="owner_id", ref=PERSON, width=18, synonyms=("owner", "benefits owner", "accountable")),
        Field("beneficiary", "Beneficiary", width=18, synonyms=("who benefits", "beneficiaries")),
        Field("objectives", "Strategic objectives", Kind.LINKS, ref=Ref(StrategicObjective, "title"), link="objectives",
              link_table=benefit_objective, width=28, synonyms=("objectives", "strategic objective", "objective")),
        Field("projects", "Enabling projects", Kind.LINKS, ref=Ref(Project, "name"), link="projects", link_table=benefit_project,
              width=24, synonyms=("projects", "enabled by", "enablers", "project")),
        Field("outcomes", "Outcomes", Kind.LINKS, ref=Ref(Outcome, "name"), link="outcomes", link_table=benefit_outcome,
              width=24, synonyms=("outcome", "depends on outcome")),
        Field("measure", "Measure (KPI)", width=22, synonyms=("measure", "kpi", "metric", "indicator")),
        Field("unit", "Unit", width=8, synonyms=("units", "uom")),
        Field("measurement_method", "How measured", Kind.LONGTEXT, width=24, synonyms=("measurement method", "method", "data source")),
        Field("measurement_frequency", "Measured", Kind.ENUM, choices=("Weekly", "Monthly", "Quarterly", "Annually"), width=10,
              synonyms=("measurement frequency", "frequency", "how often")),
        Field("baseline_value", "Baseline", Kind.FLOAT, reads_as=rules.measured_text, width=10, synonyms=("baseline value", "current value")),
        # the day the baseline was measured: typed without its year, the last such day, as a measurement's
        # (values.DATE_OBSERVED) — "12/3" typed in December was next March, the nearer, a baseline not yet taken
        Field("baseline_date", "Baseline date", Kind.DATE, width=11, when=DATE_OBSERVED),
        Field("target_value", "Target", Kind.FLOAT, reads_as=rules.measured_text, width=10, synonyms=("target value",)),
        Field("target_date", "Target date", Kind.DATE, width=11, when=DATE_AHEAD),
        Field("window_start", "Realization from", Kind.DATE, width=11, synonyms=("realisation start", "realization start", "window start", "start")),
        Field("window_end", "Realization to", Kind.DATE, width=11, synonyms=("realisation end", "realization end", "window end", "end"),
              when=DATE_AHEAD),  # the end of a window planned
        # worked out to the day, so its decimals are the column's (rules.planned_reading), as the board pack's
        Field("planned_now", "Planned today", Kind.COMPUTED, computes=Kind.FLOAT, reads_as=rules.measured_text,
              column_reading=rules.planned_reading, compute=_planned_today, width=10),
        Field("latest_actual", "Latest actual", Kind.COMPUTED, computes=Kind.FLOAT, reads_as=rules.measured_text,
              compute=_latest_actual, width=10, synonyms=("actual",)),
        Field("lifecycle", "Stage", Kind.ENUM, choices=rules.LIFECYCLE, width=11, synonyms=("lifecycle", "benefit status", "stage"),
              aliases={"Realising": "Realizing", "Realised": "Realized"}),
        Field("confidence", "Confidence", Kind.ENUM, choices=rules.CONFIDENCE, width=10, unset=NOT_ASSESSED_YET),
        Field("dis_benefit", "Dis-benefit", Kind.BOOL, width=9, synonyms=("disbenefit", "negative")),
        Field("description", "Description", Kind.LONGTEXT, width=34, synonyms=("benefit description", "details")),
    ],
)


def _check_in_window(rec: Mapping[str, Any], ctx: Context) -> None:
    """Measurements must fall inside their benefit's realization window (when it is set)."""
    benefit: Benefit | None = rec.get("parent")
    if benefit is None:
        return
    problem = rules.window_problem(rec.get("on"), benefit.window_start, benefit.window_end, benefit.code)
    if problem:
        raise ValidationError(problem, "on")


PLAN_POINTS = Register(
    name="benefit_plan",
    title="Planned trajectory",
    noun="planned value",
    sheet="Benefit plan",
    sheet_synonyms=("Benefit plan", "Planned trajectory", "Benefit trajectory", "Benefit profile plan"),
    recognised_on_import=True,
    parent_register="benefits",
    parent_label="Benefit ID",
    parent_label_synonyms=("Benefit", "Benefit ref"),
    entity=BenefitPlanPoint,
    parent="benefit_id",
    fields=[
        # a planned value's day, typed without its year, is the next such day, as a target's is: a plan typed in
        # December as "1 Jan" 100, "1 Jul" 250 was read 1 Jan 2027 and 1 Jul 2026 — the nearer — and drew a rise
        # planned for next year as a fall from last summer (walkthrough 35)
        Field("on", "Date", Kind.DATE, required=True, width=11, when=DATE_AHEAD),
        Field("value", "Planned value", Kind.FLOAT, required=True, width=12),
    ],
)

MEASUREMENTS = Register(
    name="benefit_measurements",
    title="Measurements",
    noun="measurement",
    sheet="Benefit measurements",
    sheet_synonyms=("Benefit measurements", "Measurements", "Benefit actuals", "Actuals"),
    recognised_on_import=True,
    parent_register="benefits",
    parent_label="Benefit ID",
    parent_label_synonyms=("Benefit", "Benefit ref"),
    entity=BenefitMeasurement,
    parent="benefit_id",
    check=_check_in_window,
    fields=[
        # a measurement records what was measured: its day, typed without a year, is the last such day up to today
        # (values.DATE_OBSERVED; a day to come typed in full is asked about first, register_table/confirm.py)
        Field("on", "Date", Kind.DATE, required=True, width=11, when=DATE_OBSERVED),
        Field("value", "Actual value", Kind.FLOAT, required=True, width=12),
        Field("source", "Source", width=18),
        Field("note", "Note", width=30),
    ],
)
