"""Declarative base shared by every table, with audit fields and an optimistic-lock version."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import DateTime, FromClause, Integer, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


def utcnow() -> datetime:
    # Naive UTC: SQLite has no time zones and PostgreSQL "timestamp" columns then agree.
    return datetime.now(timezone.utc).replace(tzinfo=None)


# Named constraints so that future migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def entities_by_table() -> dict[str, type[Any]]:
    """The mapped class of each table name (every entity maps one Table)."""
    return {m.local_table.name: m.class_ for m in Base.registry.mappers if isinstance(m.local_table, Table)}


class Audited:
    """Mixin: surrogate key, created/updated stamps, and a version that guards against lost updates.

    ``version`` is SQLAlchemy's ``version_id_col``: every UPDATE checks that the row still has the
    version this session read, so two editors can never silently overwrite each other.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    if TYPE_CHECKING:
        # Set by the declarative base on every mapped subclass; declared here for the type checker only.
        __table__: ClassVar[FromClause]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}
