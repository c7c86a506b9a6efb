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
from datetime import date, datetime

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
