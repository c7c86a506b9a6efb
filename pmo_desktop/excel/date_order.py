"""Which way round a workbook writes its dates: 25/03/2026 (day first) or 03/25/2026 (month first).

A date typed in the grid follows the user's locale, but a workbook comes from whoever wrote it: a US
colleague's log says 03/25/2026. Read day first, that row was refused and every 03/04/2026 beside it became
3 April without a word — a silent change of the user's data. So a column is read the way its own texts
show it is written:

- a header naming the order ("Date (mm/dd/yy)", "Fecha dd/mm/aaaa") decides;
- else the column's texts: one that only month first can read (03/25/2026) and none that only day first can
  (25/03/2026) makes the column month first, and the other way round day first;
- a column whose texts read either way (03/04/2026 only) follows the other date columns of its sheet;
- with no evidence anywhere, day first, as most of the world writes dates; the preview then says that
  dates such as 03/04/2026 were read day first, so a reader who knows otherwise sees it before importing.

Dates written with a month name, ISO dates and real date cells are never in doubt, nor are dates written with
dots (08.11.2022: day first, as German Excel's CSV writes them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ..models.errors import ValidationError
from ..models.values import DAY_FIRST, MONTH_FIRST, parse_date
from .two_readings import TwoReadings, texts_counted

_SLASHED = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](?:\d{4}|\d{2})(?:[ T].*)?\s*")
_MONTH_FIRST_HEADER = re.compile(r"\bm{1,2}\s*[/.\-]\s*d{1,2}\b", re.I)
_DAY_FIRST_HEADER = re.compile(r"\bd{1,2}\s*[/.\-]\s*m{1,2}\b", re.I)


class DateEvidence(TwoReadings):
    """``TwoReadings`` of dates: first, the texts only day first reads (25/03/2026); second, those only month
    first reads (03/25/2026); either, those both read as different days (03/04/2026)."""

    @property
    def order(self) -> str | None:
        return self.settled(DAY_FIRST, MONTH_FIRST)


def evidence_of(values: Iterable[Any]) -> DateEvidence:
    found = DateEvidence()
    for x, times in texts_counted(values):
        m = _SLASHED.fullmatch(x)
        if m is None:
            continue
        first, second = int(m[1]), int(m[2])
        if "." in x and first <= 31 and second <= 12 and first and second:
            # 08.11.2022: dots are written day first (de, ru, pl, cs…), no locale dots month first
            found.first += times
        elif first > 12 >= second:
            found.first += times
        elif second > 12 >= first:
            found.second += times
        elif first != second and first <= 12 and second <= 12 and first and second:
            found.either += times
            found.example = found.example or x.strip()
    return found


def header_order(header: object) -> str | None:
    """The order a header names ("Opened (mm/dd/yy)", "Fecha (dd/mm/aaaa)"), None when it names none."""
    if not isinstance(header, str):
        return None
    if _MONTH_FIRST_HEADER.search(header):
        return MONTH_FIRST
    if _DAY_FIRST_HEADER.search(header):
        return DAY_FIRST
    return None


def column_orders(columns: dict[int, tuple[object, list[Any]]]) -> tuple[dict[int, str], str | None, str]:
    """Each date column's order (column → DAY_FIRST or MONTH_FIRST) from its header and texts, for the columns
    holding dates written as numbers; the sheet's order when its columns settle one; and an example of a text
    read day first only for want of evidence ("" when there is none). ``columns``: column → (header, cells)."""
    evidence = {c: evidence_of(cells) for c, (_header, cells) in columns.items()}
    named = {c: order for c, (header, _cells) in columns.items() if (order := header_order(header))}
    sheet = DateEvidence()
    for e in evidence.values():
        sheet.add(e)
    sheet_order = sheet.order or (next(iter(set(named.values()))) if len(set(named.values())) == 1 else None)
    orders: dict[int, str] = {}
    unsettled = ""
    for c, e in evidence.items():
        if not e.any:
            continue  # no date written as numbers: nothing to read either way
        order = named.get(c) or e.order or sheet_order
        if order is None:
            order = DAY_FIRST
            unsettled = unsettled or e.example
        orders[c] = order
    return orders, sheet_order, unsettled


_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def year_of_yearless(values: Iterable[Any]) -> int | None:
    """The year a date column's dates written without one ("14-May", "3 March": Excel's "d-mmm" cells as a CSV
    writes them) belong to: the one year all its other dates — cells and texts — give; None when it has no such
    text, or its dates span years (they are then read in the current year, as a typed "15 March" is)."""
    years: set[int] = set()
    yearless = False
    for x in values:
        if isinstance(x, (date, datetime)):
            years.add(x.year)
        elif x.__class__ is str and x.strip():
            found = _YEAR_RE.search(x)
            if found is not None:
                years.add(int(found.group(1)))
            elif any(ch.isalpha() for ch in x) and not yearless:
                try:
                    yearless = parse_date(x, "", today=date(1999, 1, 1)) != parse_date(x, "", today=date(2000, 1, 1))
                except (ValidationError, ValueError):
                    pass
        if len(years) > 1:
            return None
    return years.pop() if yearless and len(years) == 1 else None
