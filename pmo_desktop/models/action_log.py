"""One action log across the program: what someone has to do, by when, and where it comes from.

Read-only: each line is a record of its own register (a risk's response action, a pending decision, an
assumption to validate, a communication due to a stakeholder), so it is edited where it lives. Plain
column queries, no ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from .program import Person
from .raid import Assumption, Decision
from .risks import IssueAction, IssueEntry, Risk, RiskAction
from .stakeholder_rules import next_due, week_bounds
from .stakeholders import Communication, Stakeholder

DONE = frozenset({"Done", "Cancelled", "Decided", "Superseded", "Validated", "Invalid", "Closed"})
VIEWS = ("all", "overdue", "week")


@dataclass(frozen=True)
class ActionItem:
    source: str            # "Risk", "Issue", "Decision", "Assumption", "Stakeholder engagement"
    source_code: str       # the source record's ID: R-004, DEC-002, A-001, C-003
    register: str          # the register holding the line (to go to it)
    record_id: int         # its id there (the risk for a risk action)
    action: str
    owner: str
    due: date | None
    status: str
    overdue: bool
    due_this_week: bool


def _item(source: str, code: str, register: str, rid: int, action: str, owner: str | None, due: date | None,
          status: str, today: date) -> ActionItem:
    _monday, sunday = week_bounds(today)
    open_ = status not in DONE
    return ActionItem(source, code, register, rid, action, owner or "", due, status,
                      open_ and due is not None and due < today,
                      open_ and due is not None and today <= due <= sunday)


def _rows(session: Session, today: date) -> Iterable[ActionItem]:
    Owner = aliased(Person)
    for rid, code, text, owner, due, status in session.execute(
            select(Risk.id, Risk.code, RiskAction.description, Owner.name, RiskAction.due, RiskAction.status)
            .join(Risk, Risk.id == RiskAction.risk_id).outerjoin(Owner, Owner.id == RiskAction.actionee_id)):
        yield _item("Risk", code, "risks", rid, text, owner, due, status or "Not started", today)
    for rid, code, text, owner, due, status in session.execute(
            select(IssueEntry.id, IssueEntry.code, IssueAction.description, Owner.name, IssueAction.due,
                   IssueAction.status)
            .join(IssueEntry, IssueEntry.id == IssueAction.issue_id)
            .outerjoin(Owner, Owner.id == IssueAction.actionee_id)):
        yield _item("Issue", code, "issues", rid, text, owner, due, status or "Not started", today)
    for rid, code, text, owner, due, status in session.execute(
            select(Decision.id, Decision.code, Decision.title, Owner.name, Decision.due, Decision.status)
            .outerjoin(Owner, Owner.id == Decision.decided_by_id).where(Decision.status == "Pending")):
        yield _item("Decision", code, "decisions", rid, f"Decide: {text}", owner, due, status, today)
    for rid, code, text, owner, due, status in session.execute(
            select(Assumption.id, Assumption.code, Assumption.title, Owner.name, Assumption.validate_by,
                   Assumption.status)
            .outerjoin(Owner, Owner.id == Assumption.owner_id).where(Assumption.status == "Open")):
        yield _item("Assumption", code, "assumptions", rid, f"Validate: {text}", owner, due, status, today)
    for rid, code, text, owner, frequency, held, planned, who, audience in session.execute(
            select(Communication.id, Communication.code, Communication.message, Owner.name, Communication.frequency,
                   Communication.last_held, Communication.planned_on, Stakeholder.name, Communication.audience)
            .outerjoin(Owner, Owner.id == Communication.owner_id)
            .outerjoin(Stakeholder, Stakeholder.id == Communication.stakeholder_id)):
        due = next_due(frequency, held, planned, today)
        if due is None:
            continue
        target = who or audience
        yield _item("Stakeholder engagement", code, "communications", rid, f"{text}" + (f" ({target})" if target else ""),
                    owner, due, "Planned", today)


def action_log(session: Session, today: date, view: str = "all", owner: str = "",
               include_done: bool = False) -> list[ActionItem]:
    """The program's actions, earliest due first (undated last). ``view``: "all", "overdue", or "week"
    (due from today to Sunday, and what is already overdue, since it is still to do this week);
    ``owner`` keeps one person's actions ("my actions", any case)."""
    if view not in VIEWS:
        raise ValueError(f"view is one of {', '.join(VIEWS)}")
    wanted = owner.strip().casefold()
    out = []
    for item in _rows(session, today):
        if not include_done and item.status in DONE:
            continue
        if wanted and item.owner.casefold() != wanted:
            continue
        if view == "overdue" and not item.overdue:
            continue
        if view == "week" and not (item.overdue or item.due_this_week):
            continue
        out.append(item)
    out.sort(key=lambda a: (a.due is None, a.due or date.min, a.source_code))
    return out


def owners(session: Session, today: date) -> list[str]:
    """Everyone with an open action, for the "my actions" chooser."""
    return sorted({a.owner for a in action_log(session, today) if a.owner}, key=str.casefold)
