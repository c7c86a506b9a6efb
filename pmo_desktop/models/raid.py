"""Assumptions, dependencies and decisions: the RAID logs beside the risk register and the issue log."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Audited, Base
from .program import Person, Project
from .risks import IssueEntry, Risk


class Assumption(Audited, Base):
    """Something the program takes as true without proof, to be validated by a date."""

    __tablename__ = "assumption"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    raised_on: Mapped[Optional[date]] = mapped_column(Date)
    validate_by: Mapped[Optional[date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="Open")
    impact_if_false: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Optional[Project]] = relationship()
    owner: Mapped[Optional[Person]] = relationship()
    risks: Mapped[list[Risk]] = relationship(secondary="assumption_risk")


class Dependency(Audited, Base):
    """What one project needs from another project, or from an external party or another program."""

    __tablename__ = "dependency"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))          # what is needed
    from_project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    external_party: Mapped[str] = mapped_column(String(200), default="")  # when it comes from outside
    to_project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    needed_by: Mapped[Optional[date]] = mapped_column(Date)
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="On track")
    criticality: Mapped[str] = mapped_column(String(20), default="")  # "Not assessed yet" until someone does
    notes: Mapped[str] = mapped_column(Text, default="")

    from_project: Mapped[Optional[Project]] = relationship(foreign_keys=[from_project_id])
    to_project: Mapped[Optional[Project]] = relationship(foreign_keys=[to_project_id])
    owner: Mapped[Optional[Person]] = relationship()


class Decision(Audited, Base):
    """A decision, pending or taken, at program or project level (the office's decision rights)."""

    __tablename__ = "decision"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))          # what is (to be) decided
    options: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(20), default="Program")
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    cost_impact: Mapped[Optional[float]] = mapped_column(Float)
    decided_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="Pending")
    due: Mapped[Optional[date]] = mapped_column(Date)
    decided_on: Mapped[Optional[date]] = mapped_column(Date)
    rationale: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Optional[Project]] = relationship()
    decided_by: Mapped[Optional[Person]] = relationship()
    projects: Mapped[list[Project]] = relationship(secondary="decision_project")
    risks: Mapped[list[Risk]] = relationship(secondary="decision_risk")
    issues: Mapped[list[IssueEntry]] = relationship(secondary="decision_issue")


# The tables this module adds to a file of schema version 1 (see schema.MIGRATIONS[2]).
TABLES = ("assumption", "dependency", "decision", "assumption_risk", "decision_risk", "decision_issue",
          "decision_project")
