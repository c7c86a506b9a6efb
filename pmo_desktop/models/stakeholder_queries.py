"""Small read queries behind the stakeholder screens: project scope, grid points, the matrix and
the communications due in a week. Each selects only the columns it needs (no ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Union

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from . import records
from .links import stakeholder_project
from .program import Project
from .registers.stakeholders import COMMUNICATIONS
from .stakeholder_rules import DueItem, MatrixRow, due_in_week, engagement_matrix
from .stakeholders import Communication, Stakeholder

# A scope is None (everyone), PROGRAM (program-level stakeholders) or a project id.
PROGRAM = "program"
Scope = Union[None, str, int]


def scope_choices(session: Session) -> list[tuple[str, Scope]]:
    """What the project filter offers, in order."""
    projects = session.execute(select(Project.id, Project.name).order_by(Project.name)).all()
    return [("All stakeholders", None), ("Program level", PROGRAM)] + [(name, pid) for pid, name in projects]


def _scope_condition(scope: Scope) -> ColumnElement[bool] | None:
    if scope is None:
        return None
    if scope == PROGRAM:
        return Stakeholder.program_level.is_(True)
    linked = select(stakeholder_project.c.stakeholder_id).where(stakeholder_project.c.project_id == scope)
    return Stakeholder.id.in_(linked)


def stakeholder_ids(session: Session, scope: Scope) -> set[int] | None:
    """The stakeholders in a scope; None for "everyone" (no filter)."""
    condition = _scope_condition(scope)
    if condition is None:
        return None
    return set(session.scalars(select(Stakeholder.id).where(condition)))


def communication_ids(session: Session, scope: Scope) -> set[int] | None:
    """Communications for the scope's stakeholders, plus those addressed to a group (no stakeholder)."""
    condition = _scope_condition(scope)
    if condition is None:
        return None
    in_scope = select(Stakeholder.id).where(condition)
    query = select(Communication.id).where(or_(Communication.stakeholder_id.is_(None),
                                               Communication.stakeholder_id.in_(in_scope)))
    return set(session.scalars(query))


@dataclass(frozen=True)
class GridPoint:
    id: int
    version: int
    code: str
    name: str
    power: int | None
    interest: int | None
    attitude: str
    current_engagement: str
    desired_engagement: str


def grid_points(session: Session, scope: Scope = None) -> list[GridPoint]:
    S = Stakeholder
    query = select(S.id, S.version, S.code, S.name, S.power, S.interest, S.attitude, S.current_engagement,
                   S.desired_engagement).order_by(S.id)
    condition = _scope_condition(scope)
    if condition is not None:
        query = query.where(condition)
    return [GridPoint(*row) for row in session.execute(query)]


def matrix_rows(session: Session, scope: Scope = None) -> list[MatrixRow]:
    points = grid_points(session, scope)
    return engagement_matrix({"id": p.id, "code": p.code, "name": p.name, "current_engagement": p.current_engagement,
                              "desired_engagement": p.desired_engagement} for p in points)


def communications_due(session: Session, day: date, today: date | None = None, scope: Scope = None,
                       include_overdue: bool = True) -> list[DueItem]:
    """The communications due in the Monday–Sunday week of ``day`` across the program (or a scope)."""
    ids = communication_ids(session, scope)
    rows = records.fetch_rows(session, COMMUNICATIONS, ids=sorted(ids) if ids is not None else None)
    names = ["id", "version", *COMMUNICATIONS.field_names]
    return due_in_week((dict(zip(names, r)) for r in rows), day, today, include_overdue)
