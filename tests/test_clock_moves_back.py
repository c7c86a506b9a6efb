"""The computer's clock moves back across midnight (summer time ending, the network's time correcting a
fast clock): a change made after another is never recorded before it, so "as at" the day before does
not show a change made after midnight. A clock that was far ahead is not followed. The clock is set by
replacing the one ``datetime.now`` the office reads (models/clock.py); the database is real."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from pmo_desktop.models import clock, history, records
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

PROJECTS = REGISTERS["projects"]
DAY1 = date.today() + timedelta(days=10)  # after the project's creation at the real time
DAY2 = DAY1 + timedelta(days=1)


@pytest.fixture
def set_clock(monkeypatch):
    class Clock(datetime):
        at: datetime | None = None

        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206  (the signature of datetime.now)
            return cls.at if cls.at is not None else datetime.now(tz)

    monkeypatch.setattr(clock, "datetime", Clock)

    def to(moment: datetime) -> None:
        Clock.at = moment
    return to


def rename(store: Store, project_id: int, name: str) -> None:
    with store.transaction() as s:
        records.update_record(s, PROJECTS, project_id, {"name": name})


def name_as_at(store: Store, day: date) -> str:
    with store.session() as s:
        return history.state_at(s, day)["project"][0]["name"]


def test_a_change_after_midnight_stays_after_midnight_when_the_clock_moves_back(tmp_path: Path, set_clock) -> None:
    store = Store.create(tmp_path / "office.pmo")
    try:
        with store.transaction() as s:
            pid = records.create_record(s, PROJECTS, {"name": "Tills"}).id
        set_clock(datetime.combine(DAY2, datetime.min.time()) + timedelta(minutes=5))
        rename(store, pid, "Tills, after midnight")
        set_clock(datetime.combine(DAY1, datetime.min.time()) + timedelta(hours=23, minutes=55))  # back 10 min
        rename(store, pid, "Tills, later still")
        assert name_as_at(store, DAY1) == "Tills"
        assert name_as_at(store, DAY2) == "Tills, later still"
        with store.session() as s:
            times = list(s.scalars(select(RecordHistory.changed_at).order_by(RecordHistory.id)))
        assert times == sorted(times)
    finally:
        store.close()


def test_a_clock_that_was_far_ahead_is_not_followed(tmp_path: Path, set_clock) -> None:
    store = Store.create(tmp_path / "office.pmo")
    try:
        with store.transaction() as s:
            pid = records.create_record(s, PROJECTS, {"name": "Tills"}).id
        set_clock(datetime.combine(DAY1 + timedelta(days=30), datetime.min.time()))  # a wrong date, then put right
        rename(store, pid, "Tills, on the wrong date")
        right = datetime.combine(DAY1, datetime.min.time()) + timedelta(hours=9)
        set_clock(right)
        rename(store, pid, "Tills, clock put right")
        with store.session() as s:
            last = s.scalars(select(RecordHistory.changed_at).order_by(RecordHistory.id.desc())).first()
        assert last == right
    finally:
        store.close()
