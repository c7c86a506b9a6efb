"""The office's financial year: the month it starts in (File ▸ Program Details), and the days its quarters, halves
and years end on — what an import reads "Q2 FY25", "H1 FY26" or "FY2025/26" in a date cell as.

The naming convention, decided (fiscal61) and said in the dialog and the README: "FY25" and "FY2025" are the
financial year that **ends** in 2025 (the UK's and Australia's usage, and the US federal government's); "FY2025/26"
is the one that **starts** in 2025. With a year from April, FY26 and FY2025/26 are both April 2025 – March 2026.
With a year from January every financial year is its calendar year.
"""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .program import Program

MONTHS = tuple(calendar.month_name[1:])  # "January" … "December", as the setting is stored and shown

CONVENTION = "“FY25” is the financial year that ends in 2025, “FY2025/26” the one that starts in 2025."
NAMING = "“FY25” ending in 2025, “FY2025/26” starting in 2025"  # the same, as an import's note says it


def year_start(session: Session) -> int | None:
    """The month (1–12) the office's financial year starts in, or None where Program Details has not set it."""
    return month_of(session.scalars(select(Program.financial_year_start).order_by(Program.id)).first())


def month_of(name: str | None) -> int | None:
    """The month a stored value names: "April" as Program Details writes it, and "april" or "Apr" as the file edited
    by hand holds it; None for a value naming no month ("13", a newer version's word), which Program Details shows
    and keeps as it is until a month is chosen (``views/program_dialog``)."""
    text = (name or "").strip().casefold()
    return next((n for n, month in enumerate(MONTHS, start=1) if text in (month.casefold(), month[:3].casefold())),
                None)


def period_end(start: int, months: int, number: int, year: int, spanned: bool) -> date:
    """The last day of the ``number``-th period of ``months`` months (3: a quarter, 6: a half, 12: the year) of a
    financial year starting in month ``start``: the year named by ``year`` — the year it ends in, or where
    ``spanned`` ("2025/26") the year it starts in. Q1 FY26 from April → 30 June 2025; FY2025/26 → 31 March 2026."""
    first = year if spanned or start == 1 else year - 1  # the calendar year its first month is in
    after = start - 1 + months * number  # months from January of ``first`` to the month after the period
    following = date(first + after // 12, after % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def month_name(start: int | None) -> str:
    return MONTHS[start - 1] if start else ""
