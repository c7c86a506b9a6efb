"""Counts per register — projects by status, risks by level and rating, stakeholders by quadrant,
benefits by status — for the overview page, the CLI ``summary`` and the board pack cover.

Aggregate queries only: a register of 100,000 risks is grouped by the database, never walked row by
row in Python. ``summarize(store)`` reads inside one snapshot so the counts agree with each other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Literal, NotRequired, TypedDict, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import benefit_rules, clock
from .action_log import action_log
from .benefits import Benefit
from .dependency_map import TROUBLE, effective_status
from .fields import Context, Register
from .program import Output, Program, Project
from .raid import Assumption, Decision, Dependency
from .records import load_context
from .registers import REGISTERS
from .registers.benefits import benefit_data, status_of
from .risk_review import reviews_overdue
from .risks import IssueEntry, Risk
from .stakeholder_rules import QUADRANTS, quadrant
from .stakeholders import Stakeholder
from .status import StatusReport
from .status_rollup import StatusSummary, status_summary
from .store import Store

NOT_RATED = "Not rated"
NOT_ASSESSED = "Not assessed"
OPEN = "Open"

Listed = Literal["projects", "risks", "stakeholders", "benefits"]   # the registers a summary can list
HeatCell = tuple[int, int]   # (probability, impact) of a heat-map cell


class RecordRef(TypedDict):
    id: str      # the record's ID
    title: str   # its title, or a stakeholder's or project's name


class ProjectSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    records: NotRequired[list[RecordRef]]


class RiskSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    by_level: dict[str, int]
    open_by_rating: dict[str, int]            # every rating, most severe first, then "Not rated"
    open_by_residual_rating: dict[str, int]
    open_by_level_and_rating: dict[str, dict[str, int]]
    review_overdue: int                       # open risks past their next review (the office's cadence)
    records: NotRequired[list[RecordRef]]


class StakeholderSummary(TypedDict):
    total: int
    by_quadrant: dict[str, int]
    records: NotRequired[list[RecordRef]]


class BenefitSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    by_stage: dict[str, int]
    records: NotRequired[list[RecordRef]]


class IssueSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    by_level: dict[str, int]
    escalated: int                            # open issues escalated from a project to the program


class AssumptionSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    overdue: int                              # open, past the date to validate them by


class DependencySummary(TypedDict):
    total: int
    by_status: dict[str, int]                 # a dependency past its date undelivered counts as Late
    late_or_at_risk: int


class PendingDecision(TypedDict):
    id: str
    title: str
    level: str
    due: str                                  # ISO date, "" when none is set
    overdue: bool


class DecisionSummary(TypedDict):
    total: int
    by_status: dict[str, int]
    pending: list[PendingDecision]            # earliest due first


class ActionSummary(TypedDict):
    open: int
    overdue: int
    due_this_week: int
    by_source: dict[str, int]


class Summary(TypedDict):
    program: str
    as_of: str   # ISO date
    projects: ProjectSummary
    risks: RiskSummary
    stakeholders: StakeholderSummary
    benefits: BenefitSummary
    issues: IssueSummary
    assumptions: AssumptionSummary
    dependencies: DependencySummary
    decisions: DecisionSummary
    actions: ActionSummary
    status: StatusSummary                     # latest RAG per project, milestones due and slipped


@dataclass(frozen=True)
class ScoreGroup:
    """How many risks share one level, status and pair of scores (one row of a GROUP BY)."""

    level: str
    status: str
    probability: int | None
    impact: int | None
    residual_probability: int | None
    residual_impact: int | None
    count: int


def risk_score_groups(session: Session) -> list[ScoreGroup]:
    """Risks grouped by level, status and both pairs of scores: at most a few thousand groups."""
    cols = (Risk.level, Risk.status, Risk.probability, Risk.impact, Risk.residual_probability, Risk.residual_impact)
    query = select(*cols, func.count()).group_by(*cols)
    return [ScoreGroup(*row) for row in session.execute(query)]


def rating_names(ctx: Context) -> list[str]:
    """Ratings from the most to the least severe, then "Not rated"."""
    bands = sorted(ctx.risk_scale.bands, key=lambda b: b.min_score, reverse=True)
    return [b.rating for b in bands] + [NOT_RATED]


def rating_chart_series(risks: RiskSummary) -> tuple[list[tuple[str, list[int]]], str]:
    """The series the board pack's "Open risks by rating" chart draws, each (name, a count a rating), and what it
    says instead of a series that has nothing to show. A series is charted only when some open risk has a rating
    in it: with no residual score given, the residual series was one tall "Not rated 15" bar beside the inherent
    ones, read as fifteen risks of an unknown rating after responses rather than as a score not yet given."""
    ratings = list(risks["open_by_rating"])
    series, missing = [], []
    for name, counts in (("Inherent", risks["open_by_rating"]), ("Residual", risks["open_by_residual_rating"])):
        if any(counts[r] for r in ratings if r != NOT_RATED):
            series.append((name, [counts[r] for r in ratings]))
        else:
            missing.append(name.lower())
    if not series:  # a new office's first pack: "no open risk has a score yet" read as risks waiting for one
        scored_or_not = any(risks["open_by_rating"].values())
        return [], "Nothing to chart: " + ("no open risk has a score yet." if scored_or_not else "no open risks.")
    if missing:
        return series, f"No open risk has a {missing[0]} score yet, so none is charted."
    return series, ""


def heat_map_counts(groups: list[ScoreGroup], residual: bool = False, open_only: bool = True) -> Counter[HeatCell]:
    """Counts per (probability, impact) cell of the heat map; unscored risks are left out."""
    cells: Counter[HeatCell] = Counter()
    for g in groups:
        if open_only and g.status != OPEN:
            continue
        p, i = (g.residual_probability, g.residual_impact) if residual else (g.probability, g.impact)
        if p is not None and i is not None:
            cells[(p, i)] += g.count
    return cells


def risk_summary(groups: list[ScoreGroup], ctx: Context) -> RiskSummary:
    ratings = rating_names(ctx)
    scale = ctx.risk_scale
    by_status: Counter[str] = Counter()
    by_level: Counter[str] = Counter()
    inherent = dict.fromkeys(ratings, 0)
    residual = dict.fromkeys(ratings, 0)
    by_level_rating: dict[str, dict[str, int]] = {}
    for g in groups:
        by_status[g.status] += g.count
        by_level[g.level] += g.count
        if g.status != OPEN:
            continue
        rating = scale.rating(g.probability, g.impact) or NOT_RATED
        inherent[rating] += g.count
        residual[scale.rating(g.residual_probability, g.residual_impact) or NOT_RATED] += g.count
        by_level_rating.setdefault(g.level, dict.fromkeys(ratings, 0))[rating] += g.count
    return {
        "total": sum(by_status.values()),
        "by_status": dict(sorted(by_status.items())),
        "by_level": dict(sorted(by_level.items())),
        "open_by_rating": inherent,
        "open_by_residual_rating": residual,
        "open_by_level_and_rating": dict(sorted(by_level_rating.items())),
        "review_overdue": 0,
    }


def stakeholder_summary(session: Session) -> StakeholderSummary:
    query = select(Stakeholder.power, Stakeholder.interest, func.count()).group_by(Stakeholder.power, Stakeholder.interest)
    by_quadrant = dict.fromkeys((*QUADRANTS, NOT_ASSESSED), 0)
    for power, interest, count in session.execute(query):
        by_quadrant[quadrant(power, interest) or NOT_ASSESSED] += count
    return {"total": sum(by_quadrant.values()), "by_quadrant": by_quadrant}


def benefit_statuses(session: Session, today: date) -> dict[int, str]:
    """Status (on track, at risk, ...) of every benefit on ``today``, from two queries over plans and actuals."""
    data = benefit_data(session, None)
    columns = (Benefit.id, Benefit.baseline_value, Benefit.baseline_date, Benefit.target_value, Benefit.target_date,
               Benefit.dis_benefit)
    return {row.id: status_of(dict(row._mapping), data, today) for row in session.execute(select(*columns))}


def benefit_summary(session: Session, today: date) -> BenefitSummary:
    by_status = dict.fromkeys(benefit_rules.STATUS_COLOURS, 0)
    for status in benefit_statuses(session, today).values():
        by_status[status] = by_status.get(status, 0) + 1
    by_stage = dict.fromkeys(benefit_rules.LIFECYCLE, 0)
    for stage, count in session.execute(select(Benefit.lifecycle, func.count()).group_by(Benefit.lifecycle)):
        by_stage[stage] = by_stage.get(stage, 0) + count
    return {"total": sum(by_status.values()), "by_status": by_status, "by_stage": by_stage}


def project_summary(session: Session) -> ProjectSummary:
    by_status = {status: count for status, count in
                 session.execute(select(Project.status, func.count()).group_by(Project.status).order_by(Project.status))}
    return {"total": sum(by_status.values()), "by_status": by_status}


def _by(session: Session, column: Any) -> dict[str, int]:
    return {str(k): n for k, n in session.execute(select(column, func.count()).group_by(column).order_by(column))}


def issue_summary(session: Session) -> IssueSummary:
    by_status = _by(session, IssueEntry.status)
    escalated = session.scalar(select(func.count()).where(IssueEntry.escalated.is_(True),
                                                          IssueEntry.status == OPEN)) or 0
    return {"total": sum(by_status.values()), "by_status": by_status, "by_level": _by(session, IssueEntry.level),
            "escalated": escalated}


def assumption_summary(session: Session, today: date) -> AssumptionSummary:
    by_status = _by(session, Assumption.status)
    overdue = session.scalar(select(func.count()).where(Assumption.status == OPEN,
                                                        Assumption.validate_by < today)) or 0
    return {"total": sum(by_status.values()), "by_status": by_status, "overdue": overdue}


def dependency_summary(session: Session, today: date) -> DependencySummary:
    by_status: Counter[str] = Counter()
    for status, needed_by in session.execute(select(Dependency.status, Dependency.needed_by)):
        by_status[effective_status(status, needed_by, today)] += 1
    return {"total": sum(by_status.values()), "by_status": dict(sorted(by_status.items())),
            "late_or_at_risk": sum(by_status[s] for s in TROUBLE)}


def pending_decisions(session: Session, today: date) -> list[PendingDecision]:
    rows = sorted(session.execute(select(Decision.code, Decision.title, Decision.level, Decision.due)
                                  .where(Decision.status == "Pending")).all(),
                  key=lambda r: (r[3] is None, r[3] or date.min, r[0]))
    return [{"id": code, "title": title, "level": level, "due": due.isoformat() if due else "",
             "overdue": due is not None and due < today} for code, title, level, due in rows]


def decision_summary(session: Session, today: date) -> DecisionSummary:
    by_status = _by(session, Decision.status)
    return {"total": sum(by_status.values()), "by_status": by_status, "pending": pending_decisions(session, today)}


def action_summary(session: Session, today: date) -> ActionSummary:
    items = action_log(session, today)
    return {"open": len(items), "overdue": sum(a.overdue for a in items),
            "due_this_week": sum(a.due_this_week for a in items),
            "by_source": dict(sorted(Counter(a.source for a in items).items()))}


# The ID, title (a stakeholder's or project's name) and order of each register a summary lists.
_LISTED = {
    "projects": (Project.code, Project.name, Project.id),
    "risks": (Risk.code, Risk.title, Risk.id),
    "stakeholders": (Stakeholder.code, Stakeholder.name, Stakeholder.id),
    "benefits": (Benefit.code, Benefit.title, Benefit.id),
}


def record_list(session: Session, register: Listed) -> list[RecordRef]:
    """Every record's ID and title (a stakeholder's or project's name), in the register's order."""
    code_col, title_col, order_col = _LISTED[register]
    return [{"id": code, "title": text} for code, text in session.execute(select(code_col, title_col).order_by(order_col))]


def count_by_status(session: Session, reg: Register) -> dict[str, Any]:
    """A register's part of the summary when it declares no aggregate of its own: how many, by status."""
    E: Any = reg.entity
    if hasattr(E, "status"):
        by_status = _by(session, E.status)
        return {"total": sum(by_status.values()), "by_status": by_status}
    return {"total": session.scalar(select(func.count()).select_from(E)) or 0}


def output_summary(session: Session) -> dict[str, Any]:
    """Outputs by the project that delivers them."""
    query = (select(Project.name, func.count(Output.id)).select_from(Output)
             .outerjoin(Project, Project.id == Output.project_id).group_by(Project.name).order_by(Project.name))
    by_project = {name or "(no project)": n for name, n in session.execute(query)}
    return {"total": sum(by_project.values()), "by_project": by_project}


# The registers whose part of the summary is more than a count by status.
PARTS: dict[str, Callable[[Session, Context], Any]] = {
    "projects": lambda s, ctx: project_summary(s),
    "risks": lambda s, ctx: {**risk_summary(risk_score_groups(s), ctx), "review_overdue": reviews_overdue(s, ctx)},
    "issues": lambda s, ctx: issue_summary(s),
    "assumptions": lambda s, ctx: assumption_summary(s, ctx.today),
    "dependencies": lambda s, ctx: dependency_summary(s, ctx.today),
    "decisions": lambda s, ctx: decision_summary(s, ctx.today),
    "stakeholders": lambda s, ctx: stakeholder_summary(s),
    "benefits": lambda s, ctx: benefit_summary(s, ctx.today),
    "outputs": lambda s, ctx: output_summary(s),
}


# The reporting cycle's registers, whose parts are read from its roll-up (status_rollup.py).
STATUS_PARTS: dict[str, Callable[[Session, StatusSummary], Any]] = {
    "status_reports": lambda s, st: {
        "total": s.scalar(select(func.count()).select_from(StatusReport)) or 0,
        "current_period": st["current_period"],
        "overall": st["overall"]},  # each project's latest overall RAG
    "milestones": lambda s, st: {
        "total": st["milestones_total"], "due": len(st["milestones_due"]),
        "slipped_or_late": len(st["milestones_slipped"])},
}


def overview_entries(summary: Summary) -> list[tuple[str, str, list[str]]]:
    """(register, heading, lines) of every register that declares an overview entry, in workbook order:
    the overview page's tiles and the board pack's list of registers."""
    parts: dict[str, Any] = dict(summary)
    return [(name, reg.overview.heading(parts[name]), reg.overview.lines(parts[name]))
            for name, reg in REGISTERS.items() if reg.overview is not None]


def summarize(source: Store | Session, ctx: Context | None = None, *, with_records: bool = False,
              today: date | None = None) -> Summary:
    """The whole summary as plain data (JSON-ready). Given a store, it reads one snapshot; given a
    session, it reads through it (call it inside ``store.snapshot()`` so the counts agree)."""
    if isinstance(source, Store):
        with source.snapshot() as session:
            return summarize(session, ctx, with_records=with_records, today=today)
    session = source
    ctx = ctx or load_context(session, today)
    program = session.scalars(select(Program).order_by(Program.id)).first()
    parts: dict[str, Any] = {"program": program.name if program else "", "as_of": (today or clock.today()).isoformat()}
    status = status_summary(session, ctx)  # the reporting cycle: read once, its registers' parts come from it
    for name, reg in REGISTERS.items():  # every register that declares an overview entry, under its name
        if reg.overview is None:
            continue
        if name in STATUS_PARTS:
            parts[name] = STATUS_PARTS[name](session, status)
        else:
            parts[name] = PARTS[name](session, ctx) if name in PARTS else count_by_status(session, reg)
    parts["actions"] = action_summary(session, ctx.today)  # across registers: risk and issue actions, decisions …
    parts["status"] = status  # latest RAG per project with its trend, milestones due and slipped
    out = cast(Summary, parts)
    if with_records:
        out["projects"]["records"] = record_list(session, "projects")
        out["risks"]["records"] = record_list(session, "risks")
        out["stakeholders"]["records"] = record_list(session, "stakeholders")
        out["benefits"]["records"] = record_list(session, "benefits")
    return out
