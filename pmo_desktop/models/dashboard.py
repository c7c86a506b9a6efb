"""What the Program overview's dashboard tiles count, and which records each one opens: one read of
plain data (ids to filter on, a few titles to show), so the page only lays it out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .dependency_map import TROUBLE, effective_status
from .fields import Context
from .raid import Dependency
from .records import fetch_rows, load_context
from .registers import REGISTERS
from .risks import IssueEntry, Risk
from .status_rollup import ProjectStatus, latest_status, milestones, milestones_due, milestones_slipped
from .summary import OPEN, Summary, summarize
from .values import day_text

TOP = 5
COMMS_WITHIN_DAYS = 7


@dataclass(frozen=True)
class Item:
    """One record a tile names: its id (to filter on), ID and title."""

    id: int
    code: str
    title: str
    detail: str = ""


@dataclass
class Dashboard:
    summary: Summary
    projects: list[ProjectStatus]
    milestones_due: list[Item] = field(default_factory=list)
    milestones_slipped: list[Item] = field(default_factory=list)
    top_threats: list[Item] = field(default_factory=list)
    unscored_threats: int = 0  # open threats with no rating at all
    open_issues: list[Item] = field(default_factory=list)
    comms_due: list[Item] = field(default_factory=list)
    troubled_dependencies: list[Item] = field(default_factory=list)


def exposure_order() -> tuple[Any, ...]:
    """The order of the top threats (and opportunities), here and in the board pack: by the rating a risk has
    now — its residual score where the responses were assessed, else its inherent one (a risk no response
    has been weighed for is still as bad as it was) — the higher first, a risk not scored yet last. Ranked
    by residual alone, a threat rated Critical before responses fell below every Low one with a residual."""
    residual = Risk.residual_probability * Risk.residual_impact
    inherent = Risk.probability * Risk.impact
    return (func.coalesce(residual, inherent).desc().nulls_last(), inherent.desc().nulls_last(), Risk.id)


def _threats(session: Session, ctx: Context) -> list[Item]:
    """The open threats ranked as the board pack ranks them (``exposure_order``). Each says which rating it is
    ranked by, so an inherent rating is not read as what is left after the responses."""
    query = (select(Risk.id, Risk.code, Risk.title, Risk.residual_probability, Risk.residual_impact,
                    Risk.probability, Risk.impact)
             .where(Risk.status == OPEN, Risk.kind == "Threat")
             .order_by(*exposure_order()).limit(TOP))
    items = []
    for rid, code, title, rp, ri, p, i in session.execute(query):
        left, before = ctx.risk_scale.rating(rp, ri), ctx.risk_scale.rating(p, i)
        detail = left or (f"{before}, inherent" if before else "unscored")
        items.append(Item(rid, code, title, detail))
    return items


def _unscored_threats(session: Session) -> int:
    """Open threats with neither rating: listed last among the top threats, so counted where they are seen."""
    return session.scalar(
        select(func.count()).select_from(Risk)
        .where(Risk.status == OPEN, Risk.kind == "Threat",
               or_(Risk.residual_probability.is_(None), Risk.residual_impact.is_(None)),
               or_(Risk.probability.is_(None), Risk.impact.is_(None)))) or 0


UNPRIORITISED = REGISTERS["issues"].field("priority").unset.lower()  # an open issue's detail: "not prioritised yet"


def _issues(session: Session) -> list[Item]:
    rank = {"Critical": 0, "High": 1, "Medium": 2, "Low": 3}
    rows = sorted(session.execute(select(IssueEntry.id, IssueEntry.code, IssueEntry.title, IssueEntry.priority)
                                  .where(IssueEntry.status == OPEN)),
                  key=lambda r: (rank.get(r[3], 4), r[0]))
    # an issue nobody prioritised is listed last and says so ("not prioritised yet"), never ranked as a Medium
    return [Item(i, code, title, priority or UNPRIORITISED) for i, code, title, priority in rows]


def _comms_due(session: Session, ctx: Context) -> list[Item]:
    reg = REGISTERS["communications"]
    names = ["id", "version", *reg.field_names]
    horizon = ctx.today + timedelta(days=COMMS_WITHIN_DAYS)
    due = [dict(zip(names, r)) for r in fetch_rows(session, reg, ctx)]
    due = [c for c in due if c["next_due"] is not None and c["next_due"] <= horizon]
    due.sort(key=lambda c: (c["next_due"], c["code"]))
    return [Item(c["id"], c["code"], c["message"], "overdue" if c["overdue"] else day_text(c["next_due"]))
            for c in due]


def _dependencies(session: Session, ctx: Context) -> list[Item]:
    rows = session.execute(select(Dependency.id, Dependency.code, Dependency.title, Dependency.status,
                                  Dependency.needed_by).order_by(Dependency.id))
    out = []
    for did, code, title, status, needed_by in rows:
        effective = effective_status(status, needed_by, ctx.today)
        if effective in TROUBLE:
            out.append(Item(did, code, title, effective))
    return out


def _items(records: list[dict[str, Any]]) -> list[Item]:
    return [Item(m["id"], m["code"], m["title"],
                 f"{m['project'] or 'Program'} · {m['state']}" + (f" +{m['slip_days']}d" if m["slip_days"] else ""))
            for m in records]


def dashboard(session: Session, ctx: Context | None = None) -> Dashboard:
    """Everything the dashboard shows, read in one session (call it through ``office.read_snapshot``)."""
    ctx = ctx or load_context(session)
    ms = milestones(session, ctx)
    return Dashboard(
        summary=summarize(session, ctx, today=ctx.today),
        projects=latest_status(session, ctx),
        milestones_due=_items(milestones_due(ms, ctx.today)),
        milestones_slipped=_items(milestones_slipped(ms)),
        top_threats=_threats(session, ctx),
        unscored_threats=_unscored_threats(session),
        open_issues=_issues(session),
        comms_due=_comms_due(session, ctx),
        troubled_dependencies=_dependencies(session, ctx),
    )
