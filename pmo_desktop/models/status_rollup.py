"""Queries of the reporting cycle: each project's latest status and its trend against the period
before, milestones due soon, slipped or late, and the draft a new period's report starts from.

Status reports are few (projects × periods), so they are read whole and ordered in Python by the
start of their period: a label of any cadence ("2026-11", "2026-W46", "2026-Q4") sorts by its date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from .fields import Context
from .program import Project
from .records import fetch_rows, load_context
from .registers.status import MILESTONES, STATUS_REPORTS
from .settings import REPORTING_CADENCE
from .status_rules import (
    DIMENSIONS,
    LATE,
    NEW,
    SLIPPED,
    due_soon,
    period_of,
    period_start,
    trend,
)

Record = dict[str, Any]


def _records(session: Session, reg: Any, ctx: Context) -> list[Record]:
    names = ["id", "version", *reg.field_names]
    return [dict(zip(names, row)) for row in fetch_rows(session, reg, ctx)]


def _order(report: Record) -> tuple[date, int]:
    return (period_start(report["period"] or "") or date.min, report["id"])


@dataclass
class ProjectStatus:
    """A project's latest status report beside the one before it."""

    project_id: int
    project: str
    latest: Record | None = None            # the status report record (None: the project never reported)
    previous: Record | None = None
    trends: dict[str, str] = field(default_factory=dict)   # dimension → Better / Worse / Same / New

    @property
    def overall(self) -> str:
        return (self.latest or {}).get("overall") or ""

    @property
    def trend(self) -> str:
        return self.trends.get("overall", NEW)

    @property
    def period(self) -> str:
        return (self.latest or {}).get("period") or ""


def reports_by_project(session: Session, ctx: Context | None = None) -> dict[str, list[Record]]:
    """Every status report, per project name, oldest period first."""
    ctx = ctx or load_context(session)
    out: dict[str, list[Record]] = {}
    for report in sorted(_records(session, STATUS_REPORTS, ctx), key=_order):
        out.setdefault(report["project"] or "", []).append(report)
    return out


def latest_status(session: Session, ctx: Context | None = None, *, include_closed: bool = False) -> list[ProjectStatus]:
    """Each project's latest report and its trend against the previous one, in the projects' order.
    Closed projects are left out unless asked for."""
    ctx = ctx or load_context(session)
    by_project = reports_by_project(session, ctx)
    query = select(Project.id, Project.name, Project.status).order_by(Project.code, Project.id)
    out = []
    for pid, name, status in session.execute(query):
        if status == "Closed" and not include_closed:
            continue
        reports = by_project.get(name, [])
        latest = reports[-1] if reports else None
        previous = reports[-2] if len(reports) > 1 else None
        trends = {d: trend((previous or {}).get(d), (latest or {}).get(d)) for d in DIMENSIONS}
        out.append(ProjectStatus(pid, name, latest, previous, trends))
    return out


def milestones(session: Session, ctx: Context | None = None) -> list[Record]:
    """Every milestone with its computed slip and state, as the register shows them."""
    return _records(session, MILESTONES, ctx or load_context(session))


def milestones_due(records: list[Record], today: date) -> list[Record]:
    """Not yet met and expected in the next 30 days, soonest first."""
    due = [m for m in records if due_soon(m, today)]
    return sorted(due, key=lambda m: (m["forecast"] or m["baseline"], m["code"]))


def milestones_slipped(records: list[Record]) -> list[Record]:
    """Late (past their date with no actual) or slipped (forecast after baseline), worst slip first."""
    return sorted((m for m in records if m["state"] in (LATE, SLIPPED)),
                  key=lambda m: (m["state"] != LATE, -(m["slip_days"] or 0), m["code"]))


def current_period(session: Session, ctx: Context | None = None) -> str:
    """Today's reporting period at this office's cadence."""
    ctx = ctx or load_context(session)
    return period_of(ctx.today, REPORTING_CADENCE.read(session).cadence)


@dataclass(frozen=True)
class Draft:
    """What "New status report" makes: the values of the new report, or the id of the report the
    current period already has (then nothing is made)."""

    period: str
    values: Record | None = None
    existing_id: int | None = None
    carried_from: str = ""    # the period the values were carried forward from ("" for a first report)


def draft_report(session: Session, project: str, ctx: Context | None = None) -> Draft:
    """The current period's report for ``project``, carried forward from its last report: ratings,
    commentary and asks copied, as a draft dated today. A project's first report starts blank."""
    ctx = ctx or load_context(session)
    period = current_period(session, ctx)
    reports = reports_by_project(session, ctx).get(project, [])
    for r in reports:
        if r["period"] == period:
            return Draft(period, existing_id=r["id"])
    earlier = [r for r in reports if _order(r)[0] < (period_start(period) or date.max)]
    values: Record = {"project": project, "period": period, "state": "Draft", "reported_on": ctx.today}
    last = earlier[-1] if earlier else (reports[-1] if reports else None)
    if last is not None:
        values["author"] = last["author"]
        for name in (*DIMENSIONS, "commentary", "asks"):
            values[name] = last[name]
    return Draft(period, values, carried_from=last["period"] if last else "")


# ------------------------------------------------------------------------------------ summary
class ProjectRag(TypedDict):
    project: str
    period: str        # "" when the project has not reported yet
    state: str
    ratings: dict[str, str]   # dimension → Green / Amber / Red / ""
    trend: str         # overall against the previous period: Better, Worse, Same or New


class MilestoneRef(TypedDict):
    id: str
    title: str
    project: str
    baseline: str      # ISO dates, "" when none
    forecast: str
    state: str
    slip_days: int | None


class StatusSummary(TypedDict):
    cadence: str
    current_period: str
    projects: list[ProjectRag]
    overall: dict[str, int]          # latest overall RAG → projects (Red, Amber, Green, Not reported)
    milestones_total: int
    milestones_due: list[MilestoneRef]     # next 30 days
    milestones_slipped: list[MilestoneRef]  # late or slipped, not yet met


NOT_REPORTED = "Not reported"


def _milestone_ref(m: Record) -> MilestoneRef:
    def iso(d: date | None) -> str:
        return d.isoformat() if d else ""

    return {"id": m["code"], "title": m["title"], "project": m["project"] or "", "baseline": iso(m["baseline"]),
            "forecast": iso(m["forecast"]), "state": m["state"], "slip_days": m["slip_days"]}


def status_summary(session: Session, ctx: Context | None = None) -> StatusSummary:
    ctx = ctx or load_context(session)
    statuses = latest_status(session, ctx)
    overall = {"Red": 0, "Amber": 0, "Green": 0, NOT_REPORTED: 0}
    projects: list[ProjectRag] = []
    for p in statuses:
        overall[p.overall or NOT_REPORTED] = overall.get(p.overall or NOT_REPORTED, 0) + 1
        latest = p.latest or {}
        projects.append({"project": p.project, "period": p.period, "state": latest.get("state") or "",
                         "ratings": {d: latest.get(d) or "" for d in DIMENSIONS}, "trend": p.trend})
    ms = milestones(session, ctx)
    return {"cadence": REPORTING_CADENCE.read(session).cadence, "current_period": current_period(session, ctx),
            "projects": projects, "overall": overall, "milestones_total": len(ms),
            "milestones_due": [_milestone_ref(m) for m in milestones_due(ms, ctx.today)],
            "milestones_slipped": [_milestone_ref(m) for m in milestones_slipped(ms)]}
