"""Board snapshots: the office's register data frozen inside the file when a board pack is published,
listed and reopened later, read only.

A snapshot is one ``board_snapshot`` row: every table's rows as the pack read them (``history.State``),
JSON compressed with zlib — a few kilobytes for the demo office. It is reopened by loading it into a
private in-memory office (``history.materialise``), so every page, query and report reads it as it
reads the live office, and nothing can write to it. The same door opens the office "as at" a past date
from the record history: ``open_source`` takes either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from . import clock, history
from . import values as v
from .errors import ValidationError
from .history_tables import BoardSnapshot
from .office import Office


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    taken_at: datetime
    label: str
    size: int  # bytes, compressed

    @property
    def title(self) -> str:
        return f"{self.label} (taken {v.moment_text(self.taken_at)})"


def default_label(day: date | None = None) -> str:
    day = day or clock.today()
    return f"Board pack {v.day_text(day)}"  # "4 Dec 2026", as every date is shown


def take(session: Session, label: str = "", packed: bytes | None = None) -> int:
    """Freeze the office as this session reads it (or ``packed``, a state read earlier); returns its id."""
    blob = packed if packed is not None else history.pack(history.current_state(session))
    label = (label or default_label()).strip()[:200]
    snap = BoardSnapshot(taken_at=clock.now(), label=label, data=blob)
    session.add(snap)
    session.flush()
    return snap.id


def list_snapshots(session: Session) -> list[SnapshotInfo]:
    """Every snapshot, oldest first."""
    S = BoardSnapshot
    rows = session.execute(select(S.id, S.taken_at, S.label, func.length(S.data)).order_by(S.taken_at, S.id))
    return [SnapshotInfo(i, at, label, size or 0) for i, at, label, size in rows]


def latest(session: Session) -> SnapshotInfo | None:
    found = list_snapshots(session)
    return found[-1] if found else None


def find(session: Session, ref: str) -> SnapshotInfo:
    """A snapshot by its number or its label (as the CLI and the dialogs name them)."""
    ref = ref.strip().lstrip("#")
    found = list_snapshots(session)
    for s in found:
        if ref.isdigit() and s.id == int(ref):
            return s
    for s in found:
        if s.label.casefold() == ref.casefold():
            return s
    raise ValidationError(f"There is no board snapshot “{ref}”; snapshots: {_known(found)}.")


def _known(found: list[SnapshotInfo]) -> str:
    return ", ".join(f"#{s.id} “{s.label}”" for s in found) or "none yet (publish a board pack first)"


def load_state(session: Session, snapshot_id: int) -> history.State:
    blob = session.scalar(select(BoardSnapshot.data).where(BoardSnapshot.id == snapshot_id))
    if blob is None:
        raise ValidationError(f"There is no board snapshot #{snapshot_id}.")
    return history.unpack(blob)


def remove(session: Session, snapshot_id: int) -> None:
    session.execute(delete(BoardSnapshot).where(BoardSnapshot.id == snapshot_id))


# ------------------------------------------------------------------------ a past state to read
@dataclass(frozen=True)
class Source:
    """A state of the office to read: now (``office`` itself), a board snapshot, or a past day."""

    office: Office
    label: str            # "Now", "Board pack 31 Oct 2026", "31 Oct 2026"
    day: date             # the day its computed columns are worked out for
    read_only: bool
    # The office whose history made this state, and the moment the state ends: the history rows before it made it
    # (None: every row, the office now). What changed between two states is then also who changed it
    # (``what_changed``). None for a state not from this office's history.
    kept_in: Office | None = None
    until: datetime | None = None


def open_snapshot(office: Office, snapshot_id: int) -> Source:
    info = next((s for s in office.read(list_snapshots) if s.id == snapshot_id), None)
    if info is None:
        raise ValidationError(f"There is no board snapshot #{snapshot_id}.")
    state = office.read(load_state, snapshot_id)
    return Source(history.materialise(state, info.label), info.label, info.taken_at.date(), True, office,
                  info.taken_at + timedelta(microseconds=1))  # the changes saved up to the moment it was taken


def open_as_at(office: Office, day: date) -> Source:
    """The office as it stood at the end of ``day``, from the record history."""
    if day >= clock.today():
        return now(office)
    label = v.day_text(day)
    return Source(history.materialise(office.read(history.state_at, day), label), label, day, True, office,
                  history.end_of(day))


def now(office: Office) -> Source:
    return Source(office, "Now", clock.today(), False, office)


def open_source(office: Office, ref: str | None) -> Source:
    """``None``/"now", a snapshot's number or label, or a date (2026-10-31) read from the history."""
    if ref is None or ref.strip().lower() in ("", "now", "today"):
        return now(office)
    try:
        day = date.fromisoformat(ref.strip())
    except ValueError as not_a_day:
        try:
            return open_snapshot(office, office.read(find, ref).id)
        except ValidationError as e:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref.strip()):  # meant as a date: say why it is none
                known = _known(office.read(list_snapshots))
                raise ValidationError(f"“{ref.strip()}” is not a date ({not_a_day}), nor the name of a board "
                                      f"snapshot; snapshots: {known}.") from e
            raise
    return open_as_at(office, day)
