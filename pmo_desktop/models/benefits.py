"""Benefits plan: benefit profiles, planned trajectory and measured actuals."""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Boolean, Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Audited, Base
from .program import Outcome, Person, Project, StrategicObjective


class Benefit(Audited, Base):
    __tablename__ = "benefit"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40), default="Non-financial")
    beneficiary: Mapped[str] = mapped_column(String(200), default="")
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    measure: Mapped[str] = mapped_column(String(200), default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    measurement_method: Mapped[str] = mapped_column(Text, default="")
    # how often it is measured is planned by someone: empty until then (every new benefit was "Monthly", unsaid)
    measurement_frequency: Mapped[str] = mapped_column(String(20), default="")
    baseline_value: Mapped[Optional[float]] = mapped_column(Float)
    baseline_date: Mapped[Optional[date]] = mapped_column(Date)
    target_value: Mapped[Optional[float]] = mapped_column(Float)
    target_date: Mapped[Optional[date]] = mapped_column(Date)
    window_start: Mapped[Optional[date]] = mapped_column(Date)
    window_end: Mapped[Optional[date]] = mapped_column(Date)
    lifecycle: Mapped[str] = mapped_column(String(20), default="Identified")
    confidence: Mapped[str] = mapped_column(String(20), default="")  # "Not assessed yet" until someone does
    dis_benefit: Mapped[bool] = mapped_column(Boolean, default=False)

    owner: Mapped[Optional[Person]] = relationship()
    projects: Mapped[list[Project]] = relationship(secondary="benefit_project")
    objectives: Mapped[list[StrategicObjective]] = relationship(secondary="benefit_objective")
    outcomes: Mapped[list[Outcome]] = relationship(secondary="benefit_outcome")
    plan: Mapped[list["BenefitPlanPoint"]] = relationship(
        back_populates="benefit", cascade="all, delete-orphan", order_by="BenefitPlanPoint.on"
    )
    measurements: Mapped[list["BenefitMeasurement"]] = relationship(
        back_populates="benefit", cascade="all, delete-orphan", order_by="BenefitMeasurement.on"
    )


class BenefitPlanPoint(Audited, Base):
    """One point of the planned trajectory: by this date we expect this value."""

    __tablename__ = "benefit_plan_point"

    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefit.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column("on_date", Date)
    value: Mapped[float] = mapped_column(Float)

    benefit: Mapped[Benefit] = relationship(back_populates="plan")


class BenefitMeasurement(Audited, Base):
    """A measured actual value of a benefit's KPI."""

    __tablename__ = "benefit_measurement"

    benefit_id: Mapped[int] = mapped_column(ForeignKey("benefit.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column("on_date", Date)
    value: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    benefit: Mapped[Benefit] = relationship(back_populates="measurements")
