"""Stakeholder map and communication plan."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Audited, Base
from .program import Person, Project


class Stakeholder(Audited, Base):
    __tablename__ = "stakeholder"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    group: Mapped[str] = mapped_column("group_name", String(100), default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    program_level: Mapped[bool] = mapped_column(Boolean, default=False)
    power: Mapped[Optional[int]] = mapped_column(Integer)
    interest: Mapped[Optional[int]] = mapped_column(Integer)
    # Assessments: empty ("Not assessed yet") until someone makes them — no level nobody chose. An office made
    # before keeps the levels it holds: no migration changes a stored value.
    attitude: Mapped[str] = mapped_column(String(20), default="")
    current_engagement: Mapped[str] = mapped_column(String(20), default="")
    desired_engagement: Mapped[str] = mapped_column(String(20), default="")
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    concerns: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    owner: Mapped[Optional[Person]] = relationship()
    projects: Mapped[list[Project]] = relationship(secondary="stakeholder_project")
    communications: Mapped[list["Communication"]] = relationship(
        back_populates="stakeholder", cascade="all, delete-orphan", order_by="Communication.id"
    )


class Communication(Audited, Base):
    """A line of the communication plan, for one stakeholder or for a group (audience)."""

    __tablename__ = "communication"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    stakeholder_id: Mapped[Optional[int]] = mapped_column(ForeignKey("stakeholder.id", ondelete="CASCADE"))
    audience: Mapped[str] = mapped_column(String(200), default="")
    message: Mapped[str] = mapped_column(String(300))
    channel: Mapped[str] = mapped_column(String(60), default="")
    frequency: Mapped[str] = mapped_column(String(20), default="Monthly")
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    last_held: Mapped[Optional[date]] = mapped_column(Date)
    # Only used for "Ad hoc" items, whose next date cannot be derived from a rhythm.
    planned_on: Mapped[Optional[date]] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")  # an imported plan's purpose, key dates, remarks …

    stakeholder: Mapped[Optional[Stakeholder]] = relationship(back_populates="communications")
    owner: Mapped[Optional[Person]] = relationship()
