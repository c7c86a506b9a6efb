"""Today, for every rule that depends on it: computed columns, defaults, exports and the board pack.

Nothing in the office core calls ``date.today()`` itself: a ``Context`` carries the day it was made
for (``records.load_context(session, today=...)``), so a screen, an export and a board pack made
together agree on what "today" is, and a board pack "as at" a date computes every column as at that
date. ``frozen(day)`` sets today for a block (tests, and reports drawn up as at a past date).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timezone

_fixed: ContextVar[date | None] = ContextVar("pmo_today", default=None)


def today() -> date:
    """The day the office works in: the real date unless ``frozen`` says otherwise."""
    return _fixed.get() or date.today()


@contextmanager
def frozen(day: date) -> Iterator[date]:
    token = _fixed.set(day)
    try:
        yield day
    finally:
        _fixed.reset(token)


def is_frozen() -> bool:
    return _fixed.get() is not None


def now() -> datetime:
    """The moment a change is recorded (the record history): now, or the time of day on the frozen day."""
    real = datetime.now()
    day = _fixed.get()
    return real if day is None else datetime.combine(day, real.time())


def as_utc(local: datetime) -> datetime:
    """A moment of this machine's clock (naive, local) as the audit columns keep theirs (naive UTC: ``created_at``,
    a risk's rating history): where a local day begins among them. Far from UTC (Kiritimati, +14) a day's morning
    is the day before in UTC, and in St John's (−3:30) its evening the day after: compared as they are, a risk
    closed at 21:00 on 30 November counted as still open on the month's last day."""
    try:
        return local.astimezone(timezone.utc).replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # the calendar's first or last day: no zone moves it further
        return local


def as_local(utc: datetime) -> datetime:
    """A naive UTC moment of the audit columns on this machine's clock (naive, local), as ``as_utc`` undoes."""
    try:
        return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        return utc
