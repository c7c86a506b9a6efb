"""Risk register: risks at project and program level, their actions, history and the issue log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from itertools import repeat
from typing import Any, Optional

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .base import Audited, Base, utcnow
from .program import Person, Project


class Risk(Audited, Base):
    __tablename__ = "risk"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    cause: Mapped[str] = mapped_column(Text, default="")
    event: Mapped[str] = mapped_column(Text, default="")
    effect: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="Threat")
    category: Mapped[str] = mapped_column(String(60), default="")
    level: Mapped[str] = mapped_column(String(20), default="Project")
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    raised_on: Mapped[Optional[date]] = mapped_column(Date)
    proximity: Mapped[Optional[date]] = mapped_column(Date)
    probability: Mapped[Optional[int]] = mapped_column(Integer)
    impact: Mapped[Optional[int]] = mapped_column(Integer)
    residual_probability: Mapped[Optional[int]] = mapped_column(Integer)
    residual_impact: Mapped[Optional[int]] = mapped_column(Integer)
    impact_areas: Mapped[str] = mapped_column(String(100), default="")
    response: Mapped[str] = mapped_column(String(20), default="")
    trigger: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="Open")
    notes: Mapped[str] = mapped_column(Text, default="")
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_reason: Mapped[str] = mapped_column(Text, default="")
    escalated_on: Mapped[Optional[date]] = mapped_column(Date)
    reviewed_on: Mapped[Optional[date]] = mapped_column(Date)

    project: Mapped[Optional[Project]] = relationship(foreign_keys=[project_id])
    owner: Mapped[Optional[Person]] = relationship(foreign_keys=[owner_id])
    related_projects: Mapped[list[Project]] = relationship(secondary="risk_project")
    actions: Mapped[list["RiskAction"]] = relationship(
        back_populates="risk", cascade="all, delete-orphan", order_by="RiskAction.id"
    )
    history: Mapped[list["RiskHistory"]] = relationship(
        back_populates="risk", cascade="all, delete-orphan", order_by="RiskHistory.id"
    )


class ActionColumns:
    """What an action of a risk or an issue holds: what, who, by when, how far (registers.action_fields)."""

    description: Mapped[str] = mapped_column(Text)
    actionee_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    due: Mapped[Optional[date]] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="Not started")

    @declared_attr
    def actionee(cls) -> Mapped[Optional[Person]]:
        return relationship(Person)


class RiskAction(ActionColumns, Audited, Base):
    __tablename__ = "risk_action"

    risk_id: Mapped[int] = mapped_column(ForeignKey("risk.id", ondelete="CASCADE"))

    risk: Mapped[Risk] = relationship(back_populates="actions")


class RiskHistory(Base):
    """A dated snapshot of a risk's scores and status, written whenever one of them changes."""

    __tablename__ = "risk_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risk.id", ondelete="CASCADE"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    probability: Mapped[Optional[int]] = mapped_column(Integer)
    impact: Mapped[Optional[int]] = mapped_column(Integer)
    residual_probability: Mapped[Optional[int]] = mapped_column(Integer)
    residual_impact: Mapped[Optional[int]] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")

    risk: Mapped[Risk] = relationship(back_populates="history")


class IssueEntry(Audited, Base):
    """Issue log: what happened. An occurred risk becomes an issue linked back to it."""

    __tablename__ = "issue_entry"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    project_id: Mapped[Optional[int]] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    owner_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    raised_on: Mapped[Optional[date]] = mapped_column(Date)
    # Empty ("Not prioritised yet") until someone triages the issue: no priority nobody chose. An office made before
    # keeps the priorities it holds: no migration changes a stored value.
    priority: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="Open")
    risk_id: Mapped[Optional[int]] = mapped_column(ForeignKey("risk.id", ondelete="SET NULL"))
    # Escalation from its project to the program and back, as for risks (see risk_escalation).
    level: Mapped[str] = mapped_column(String(20), default="Project")
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    escalation_reason: Mapped[str] = mapped_column(Text, default="")
    escalated_on: Mapped[Optional[date]] = mapped_column(Date)

    project: Mapped[Optional[Project]] = relationship()
    owner: Mapped[Optional[Person]] = relationship()
    risk: Mapped[Optional[Risk]] = relationship()
    history: Mapped[list["IssueHistory"]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueHistory.id")
    actions: Mapped[list["IssueAction"]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueAction.id")


class IssueAction(ActionColumns, Audited, Base):
    """What someone does to resolve an issue, by when (in the program's action log with risk actions)."""

    __tablename__ = "issue_action"

    issue_id: Mapped[int] = mapped_column(ForeignKey("issue_entry.id", ondelete="CASCADE"))

    issue: Mapped[IssueEntry] = relationship(back_populates="actions")


class IssueHistory(Base):
    """A dated step in an issue's life at the program: escalated, de-escalated, undone (with the reason)."""

    __tablename__ = "issue_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue_entry.id", ondelete="CASCADE"), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    level: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    issue: Mapped[IssueEntry] = relationship(back_populates="history")


# -------------------------------------------------------------------- history of scores and status
from sqlalchemy import event  # noqa: E402
from sqlalchemy import inspect as _inspect  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

TRACKED = ("probability", "impact", "residual_probability", "residual_impact", "status", "level")


@event.listens_for(Session, "before_flush")
def _record_risk_history(session: Session, _ctx: object, _instances: object) -> None:
    """Write a dated snapshot whenever a risk is created or its scores, status or level change,
    so trends can be drawn from the file itself. One row per risk per transaction: a risk created
    and then given its values within one transaction (autoflush in between) gets one row, not two."""
    written: dict[Risk, RiskHistory] = session.info.setdefault(HISTORY_KEY, {})
    new = [obj for obj in session.new if isinstance(obj, Risk)]  # session.new is rebuilt on every access:
    dirty = [obj for obj in session.dirty if isinstance(obj, Risk)]  # read it once, not once per object
    for obj, note in [(o, "created") for o in new] + [(o, "changed") for o in dirty]:
        state = _inspect(obj)
        if note == "changed" and not any(state.attrs[a].history.has_changes() for a in TRACKED):
            continue
        row = written.get(obj)
        if row is None or _inspect(row).deleted or _inspect(row).detached:
            row = RiskHistory(risk=obj, note=note)
            session.add(row)
            written[obj] = row
        row.probability, row.impact = obj.probability, obj.impact
        row.residual_probability, row.residual_impact = obj.residual_probability, obj.residual_impact
        row.status, row.level = obj.status or "Open", obj.level or "Program"


HISTORY_KEY = "risk_history_rows"


def history_row_written(session: Session, risk: Risk) -> RiskHistory | None:
    """The history row this transaction wrote for the risk (after a flush), so callers can label it."""
    written: dict[Risk, RiskHistory] = session.info.get(HISTORY_KEY, {})
    return written.get(risk)


def _history_table() -> Table:
    """The history table for Core inserts: the ORM's bulk path costs several times more per row."""
    return Base.metadata.tables[RiskHistory.__tablename__]


def _history_after_bulk_insert(session: Session, ids: list[int], rows: list[dict[str, Any]]) -> None:
    """The "created" snapshot for risks inserted in bulk (records.create_records), as the flush hook writes."""
    from .bulk import insert_tuples

    now = utcnow()
    # a column at a time, each value taken by ``dict.get`` through ``map`` and the rows zipped, all in C: a
    # row's tuple put together in Python cost more than its INSERT (docs/speed.md, round speed61)
    scores = [map(dict.get, rows, repeat(name)) for name in (
        "probability", "impact", "residual_probability", "residual_impact")]
    insert_tuples(session.connection(), _history_table(), (
        "risk_id", "recorded_at", "probability", "impact", "residual_probability", "residual_impact", "status",
        "level", "note"), list(zip(ids, repeat(now), *scores, _or(map(dict.get, rows, repeat("status")), "Open"),
                                   _or(map(dict.get, rows, repeat("level")), "Program"), repeat("created"))))


def _or(values: Iterable[Any], blank: str) -> list[Any]:
    """Each value, or ``blank`` for an empty one (``value or blank``), worked out once per distinct value."""
    values = list(values)
    if not set(map(type, values)) <= {str, type(None)}:  # texts are equal only when they are the same text
        return [x or blank for x in values]
    memo = {x: x or blank for x in set(values)}
    return list(map(memo.__getitem__, values))


def _history_after_bulk_update(session: Session, written: list[tuple[int, dict[str, Any], frozenset[str]]]) -> None:
    """The "changed" snapshot for risks updated in bulk (records.update_records) whose scores, status or
    level changed, as the flush hook writes for one risk: one INSERT for the whole batch."""
    from .bulk import insert_rows

    now = utcnow()
    rows = [{"risk_id": rid, "recorded_at": now, "probability": r["probability"], "impact": r["impact"],
             "residual_probability": r["residual_probability"], "residual_impact": r["residual_impact"],
             "status": r["status"] or "Open", "level": r["level"] or "Program", "note": "changed"}
            for rid, r, changed in written if changed & _TRACKED_COLUMNS]
    if rows:
        insert_rows(session.connection(), _history_table(), rows)


_TRACKED_COLUMNS = frozenset(Risk.__table__.c[a].name for a in TRACKED)

from . import records as _records  # noqa: E402  (records imports no entity module: no cycle)

_records.AFTER_BULK_INSERT[Risk] = _history_after_bulk_insert
_records.AFTER_BULK_UPDATE[Risk] = _history_after_bulk_update
