"""Many-to-many link tables. A stakeholder, a risk or a benefit relates to several projects
without being duplicated."""

from sqlalchemy import Column, ForeignKey, Table

from .base import Base


def _link(name: str, left: str, right: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(f"{left}_id", ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        Column(f"{right}_id", ForeignKey(f"{right}.id", ondelete="CASCADE"), primary_key=True),
    )


output_outcome = _link("output_outcome", "output", "outcome")
risk_project = _link("risk_project", "risk", "project")
stakeholder_project = _link("stakeholder_project", "stakeholder", "project")
benefit_project = _link("benefit_project", "benefit", "project")
benefit_objective = _link("benefit_objective", "benefit", "objective")
benefit_outcome = _link("benefit_outcome", "benefit", "outcome")
assumption_risk = _link("assumption_risk", "assumption", "risk")
decision_risk = _link("decision_risk", "decision", "risk")
decision_issue = _link("decision_issue", "decision", "issue_entry")
decision_project = _link("decision_project", "decision", "project")
