"""An occurred risk becomes an entry of the issue log, linked back to the risk."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import clock, records
from .errors import ValidationError
from .fields import Context
from .registers.risks import ISSUES, RISKS
from .risk_escalation import get_risk
from .risks import IssueEntry


def issue_of(session: Session, risk_id: int) -> IssueEntry | None:
    return session.scalars(select(IssueEntry).where(IssueEntry.risk_id == risk_id).order_by(IssueEntry.id)).first()


def check_can_raise(session: Session, risk_id: int) -> None:
    """Refuse, with the reason, a risk that has not occurred or already has its issue."""
    risk = get_risk(session, risk_id)
    if risk.status != "Occurred":
        raise ValidationError(f"{risk.code} has not occurred (its status is {risk.status}); "
                              "set its status to Occurred before raising an issue.", "status")
    existing = issue_of(session, risk_id)
    if existing is not None:
        raise ValidationError(f"{risk.code} already has issue {existing.code} in the issue log.")


def raise_issue(session: Session, risk_id: int, on: date | None = None, ctx: Context | None = None) -> IssueEntry:
    """Create the issue for an occurred risk: same title, project and owner, priority from its rating."""
    check_can_raise(session, risk_id)
    ctx = ctx or records.load_context(session)
    risk = records.record_values(session, RISKS, risk_id, ctx)
    rating = risk["inherent_rating"] or risk["residual_rating"]
    priorities = ISSUES.field("priority").choices
    text = [f"{label}: {risk[name]}" for name, label in (("cause", "Cause"), ("event", "Event"), ("effect", "Effect"))
            if risk[name]]
    issue: IssueEntry = records.create_record(session, ISSUES, {
        "title": risk["title"], "project": risk["project"], "owner": risk["owner"], "raised_on": on or clock.today(),
        # an unrated risk's issue is not prioritised yet (it was "High", nobody's word); a rating the priorities
        # do not name (a scale's own band, "Very high") is High, as before
        "priority": rating if rating in priorities or not rating else "High", "risk": risk["code"],
        "description": "\n".join([f"Raised from risk {risk['code']}, which occurred."] + text),
    }, ctx)
    return issue
