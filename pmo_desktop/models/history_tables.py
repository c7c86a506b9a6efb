"""The tables that keep the office's past: every record's values after each change (``record_history``)
and the frozen copies of the office kept when a board pack is published (``board_snapshot``)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RecordHistory(Base):
    """One record of one register as it stood after a change: its row and its links as JSON (``data``),
    or NULL once deleted. The latest row per record up to a day is the register as at that day."""

    __tablename__ = "record_history"
    __table_args__ = (Index("ix_record_history_record", "register", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    data: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
    # Who made the change (``models/who``): the server login, or on a file the name set on the computer or its
    # login. NULL on a row written before version 7: not known, shown "—".
    changed_by: Mapped[Optional[str]] = mapped_column(String(100), nullable=True)


class BoardSnapshot(Base):
    """The office's register data as a board pack showed it, frozen: every table's rows, JSON, zlib."""

    __tablename__ = "board_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime)
    label: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
