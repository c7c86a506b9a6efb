"""Escalating a project risk or issue to the program and back, and what the program view shows.

An escalated risk (or issue) keeps its source project (``project``) and its history: escalation only
moves it to program level, marks it escalated and records when and why. Each step writes a history row
whose note says what happened, so the trend and the audit trail show escalations. The same functions
serve both registers: ``entity`` is ``Risk`` (the default) or ``IssueEntry``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from . import clock
from .errors import RecordNotFound, ValidationError
from .links import risk_project
from .program import Person, Project
from .risk_rules import RiskScale
from .risks import IssueEntry, IssueHistory, Risk, RiskHistory, history_row_written

Escalatable = Risk | IssueEntry
NOUNS: dict[type, str] = {Risk: "risk", IssueEntry: "issue"}


@dataclass(frozen=True)
class EscalationState:
    """The escalation fields of a risk, kept by commands so that undo can put them back."""

    level: str
    escalated: bool
    escalated_on: date | None
    reason: str


def get_risk(session: Session, risk_id: int) -> Risk:
    risk = session.get(Risk, risk_id)
    if risk is None:
        raise RecordNotFound("That risk no longer exists (someone may have deleted it).")
    return risk


def get_record(session: Session, record_id: int, entity: type[Escalatable] = Risk) -> Escalatable:
    """The risk or issue to escalate; RecordNotFound when someone deleted it meanwhile."""
    if entity is Risk:
        return get_risk(session, record_id)
    obj: Escalatable | None = session.get(IssueEntry, record_id)
    if obj is None:
        raise RecordNotFound(f"That {NOUNS[entity]} no longer exists (someone may have deleted it).")
    return obj


def state_of(risk: Escalatable) -> EscalationState:
    return EscalationState(risk.level, bool(risk.escalated), risk.escalated_on, risk.escalation_reason or "")


def _flush_with_note(session: Session, risk: Escalatable, note: str) -> None:
    """Flush (the history hook writes this transaction's snapshot row) and label that row."""
    if isinstance(risk, IssueEntry):
        session.add(IssueHistory(issue=risk, level=risk.level or "Project", status=risk.status or "Open",
                                 priority=risk.priority or "", note=note))
        session.flush()
        return
    session.flush()
    row = history_row_written(session, risk)
    if row is None:  # nothing tracked changed (only the reason or date): still record the step
        row = RiskHistory(risk=risk, probability=risk.probability, impact=risk.impact,
                          residual_probability=risk.residual_probability, residual_impact=risk.residual_impact,
                          status=risk.status or "Open", level=risk.level or "Project")
        session.add(row)
    row.note = note
    session.flush()


def _apply_state(risk: Escalatable, state: EscalationState) -> None:
    risk.level = state.level
    risk.escalated = state.escalated
    risk.escalated_on = state.escalated_on
    risk.escalation_reason = state.reason


def escalate(session: Session, risk_id: int, reason: str, on: date | None = None,
             entity: type[Escalatable] = Risk) -> EscalationState:
    """Move a project risk (or issue) to the program. Returns its state before, for undo."""
    risk = get_record(session, risk_id, entity)
    noun = NOUNS[entity]
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"Give a reason for escalating {risk.code} to the program.", "escalation_reason")
    if risk.level == "Program":
        raise ValidationError(f"{risk.code} is already a program {noun}, so it cannot be escalated.", "level")
    if risk.project_id is None:
        raise ValidationError(f"{risk.code} has no project; set the project it comes from before escalating it.",
                              "project")
    before = state_of(risk)
    _apply_state(risk, EscalationState("Program", True, on or clock.today(), reason))
    _flush_with_note(session, risk, f"escalated: {reason}")
    return before


def de_escalate(session: Session, risk_id: int, entity: type[Escalatable] = Risk) -> EscalationState:
    """Return an escalated risk (or issue) to its source project. Returns its state before, for undo."""
    risk = get_record(session, risk_id, entity)
    noun = NOUNS[entity]
    if risk.level != "Program" or not risk.escalated:
        where = (f"a project {noun}" if risk.level != "Program"
                 else f"a program {noun} that was not escalated from a project")
        raise ValidationError(f"{risk.code} is {where}, so it cannot be de-escalated.", "level")
    if risk.project_id is None:
        raise ValidationError(f"{risk.code} has no source project to return to; set its project first.", "project")
    before = state_of(risk)
    _apply_state(risk, EscalationState("Project", False, None, ""))
    _flush_with_note(session, risk, "de-escalated")
    return before


def restore_escalation(session: Session, risk_id: int, state: EscalationState, note: str,
                       entity: type[Escalatable] = Risk) -> None:
    """Put the escalation fields back as they were (undo of an escalation or de-escalation)."""
    risk = get_record(session, risk_id, entity)
    _apply_state(risk, state)
    _flush_with_note(session, risk, note)


# ------------------------------------------------------------------------------------ program view
@dataclass(frozen=True)
class ProgramRisk:
    id: int
    code: str
    title: str
    owner: str
    status: str
    rating: str
    residual_rating: str
    source_project: str          # the project it was escalated from ("" for a native program risk)
    projects: tuple[str, ...] = field(default_factory=tuple)  # every project it touches, source first
    escalated: bool = False
    escalated_on: date | None = None
    reason: str = ""
    kind: str = ""               # Threat / Opportunity: an opportunity's rating is drawn in its own colours


def program_risks(session: Session, scale: RiskScale, include_closed: bool = True) -> list[ProgramRisk]:
    """Program-level risks with the projects each touches (its source project and related projects).

    Two plain queries (no ORM objects), so a program with thousands of program risks stays quick.
    """
    Owner, Source = aliased(Person), aliased(Project)
    query = (select(Risk.id, Risk.code, Risk.title, Owner.name, Risk.status, Risk.probability, Risk.impact,
                    Risk.residual_probability, Risk.residual_impact, Source.name, Risk.escalated, Risk.escalated_on,
                    Risk.escalation_reason, Risk.kind)
             .outerjoin(Owner, Owner.id == Risk.owner_id).outerjoin(Source, Source.id == Risk.project_id)
             .where(Risk.level == "Program").order_by(Risk.code))
    if not include_closed:
        query = query.where(Risk.status != "Closed")
    rows = session.execute(query).all()
    related: dict[int, list[str]] = {}
    links = (select(risk_project.c.risk_id, Project.name).join(Project, Project.id == risk_project.c.project_id)
             .join(Risk, Risk.id == risk_project.c.risk_id).where(Risk.level == "Program"))
    for rid, name in session.execute(links):
        related.setdefault(rid, []).append(name)
    rate: dict[tuple[int | None, int | None], str] = {}

    def rating(p: int | None, i: int | None) -> str:
        if (p, i) not in rate:
            rate[(p, i)] = scale.rating(p, i)
        return rate[(p, i)]

    out = []
    for rid, code, title, owner, status, p, i, rp, ri, source, escalated, on, reason, kind in rows:
        projects = tuple(dict.fromkeys(([source] if source else []) + sorted(related.get(rid, []))))
        out.append(ProgramRisk(rid, code, title, owner or "", status, rating(p, i), rating(rp, ri), source or "",
                               projects, bool(escalated), on, reason or "", kind or ""))
    return out
