"""Project status over time: a status report per project and reporting period (RAG by dimension, a
commentary, what the project asks of the program) and the project's key milestones."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Audited, Base
from .program import Person, Project


class StatusReport(Audited, Base):
    """One project's status for one reporting period ("2026-11", "2026-W46", "2026-Q4")."""

    __tablename__ = "status_report"
    # One report per project and period: "New status report" finds the period's report, never a twin.
    __table_args__ = (UniqueConstraint("project_id", "period", name="uq_status_report_project_period"),)

    code: Mapped[str] = mapped_column(String(20), unique=True)
    period: Mapped[str] = mapped_column(String(10))
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default="Draft")
    reported_on: Mapped[Optional[date]] = mapped_column(Date)
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    overall: Mapped[str] = mapped_column(String(10), default="")
    schedule: Mapped[str] = mapped_column(String(10), default="")
    cost: Mapped[str] = mapped_column(String(10), default="")
    scope: Mapped[str] = mapped_column(String(10), default="")
    quality: Mapped[str] = mapped_column(String(10), default="")
    benefits: Mapped[str] = mapped_column(String(10), default="")
    commentary: Mapped[str] = mapped_column(Text, default="")
    asks: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Optional[Project]] = relationship()
    author: Mapped[Optional[Person]] = relationship()


class Milestone(Audited, Base):
    """A key milestone of a project: the date agreed (baseline), the date now expected (forecast) and
    the date it was met (actual)."""

    __tablename__ = "milestone"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    baseline: Mapped[Optional[date]] = mapped_column(Date)
    forecast: Mapped[Optional[date]] = mapped_column(Date)
    actual: Mapped[Optional[date]] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Optional[Project]] = relationship()
    owner: Mapped[Optional[Person]] = relationship()


# The tables this module adds to a file of schema version 2 (see schema.MIGRATIONS[3]).
TABLES = ("status_report", "milestone")
