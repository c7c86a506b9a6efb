"""The program, its strategic objectives, its projects and the people who own things."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Audited, Base


class Program(Audited, Base):
    """One per file: the program this office runs."""

    __tablename__ = "program"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    sponsor: Mapped[str] = mapped_column(String(200), default="")
    manager: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[Optional[date]] = mapped_column(Date)
    end_date: Mapped[Optional[date]] = mapped_column(Date)
    # the month the office's financial year starts in ("April"), or None: not set (``financial_year``)
    financial_year_start: Mapped[Optional[str]] = mapped_column(String(9))

    @property
    def details_given(self) -> bool:
        """Whether File ▸ Program Details has given anything beside the name: a new office's program has its file's
        name and nothing else, which the overview points to and the board pack does not print as a title."""
        return any((self.sponsor, self.manager, self.start_date, self.end_date, self.description))

    def own_name(self, file_stem: str | None) -> str:
        """The program's name where it has one of its own, else "". A new office's program is named after its file
        ("office") until File ▸ Program Details gives it one: a name still the file's (``file_stem``), with nothing
        else given, is not the program's. The one rule for the board pack's title and the overview's heading: the
        pack said "Program" while the overview was still headed "office" (walk45)."""
        name = self.name.strip()
        if not name or (file_stem is not None and name == file_stem and not self.details_given):
            return ""
        return self.name


class StrategicObjective(Audited, Base):
    __tablename__ = "objective"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")


class Person(Audited, Base):
    """Anyone who owns, manages or is actioned on something. Names are unique within a file."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")


class Project(Audited, Base):
    __tablename__ = "project"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    manager_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    sponsor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(30), default="Active")
    start_date: Mapped[Optional[date]] = mapped_column(Date)
    end_date: Mapped[Optional[date]] = mapped_column(Date)
    budget: Mapped[Optional[float]] = mapped_column(Float)
    description: Mapped[str] = mapped_column(Text, default="")

    manager: Mapped[Optional[Person]] = relationship(foreign_keys=[manager_id])
    sponsor: Mapped[Optional[Person]] = relationship(foreign_keys=[sponsor_id])
    outputs: Mapped[list["Output"]] = relationship(back_populates="project", cascade="all, delete-orphan")


class Output(Audited, Base):
    """A deliverable of a project that enables outcomes (benefits map)."""

    __tablename__ = "output"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    description: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Optional[Project]] = relationship(back_populates="outputs")
    outcomes: Mapped[list["Outcome"]] = relationship(secondary="output_outcome", back_populates="outputs")


class Outcome(Audited, Base):
    """A change in the business that outputs enable and benefits depend on."""

    __tablename__ = "outcome"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")

    outputs: Mapped[list[Output]] = relationship(secondary="output_outcome", back_populates="outcomes")


class Setting(Base):
    """Per-file settings as JSON text: risk scale and bands, benefit thresholds, import mappings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
