"""Which decimal separator a workbook writes its numbers with, when they are written as text: 12,5 or 12.5.

A number typed in the grid is read as written, but a text such as "2.500" or "1,234" reads as a number either
way: English 2.5 and 1234, German or French 2500 and 1.234. Read the English way in a German CSV whose other
cells say "12,5" and "1.234.567,89", a cost of two thousand five hundred became 2.5 without a word — a silent
change of the user's data. So, as with dates (``date_order``), a column is read the way its own texts show:

- a column whose texts include one only a decimal comma reads (12,5; 1.234,56; 1.234.567) and none only a
  decimal point reads (12.5; 1,234.56; 1,234,567) reads its ambiguous texts with a decimal comma
  ("2.500" → 2500, "1,234" → 1.234), and the other way round the English way;
- a column with no such text follows the number columns of its sheet, and then of the other sheets of
  the file (their first rows, and the sheets planned before it whole);
- with no evidence anywhere, the English way, as before; the preview then says that numbers such as 2.500
  were read that way, so a reader who knows otherwise sees it before importing.

Real number cells, and texts that read one way only, are never in doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..models.values import DECIMAL_COMMA, DECIMAL_POINT, decimal_mark
from .two_readings import TwoReadings, texts_counted


class NumberEvidence(TwoReadings):
    """``TwoReadings`` of numbers: first, the texts only a decimal comma reads (12,5; 1.234,56); second, those
    only a decimal point reads (12.5; 1,234.56); either, those both read as different numbers (2.500)."""

    @property
    def decimal(self) -> str | None:
        return self.settled(DECIMAL_COMMA, DECIMAL_POINT)


_MONEY_SIGN_RE = re.compile(r"[£$€¥₹]|\b(?:usd|eur|gbp|chf)\b", re.I)


def evidence_of(values: Iterable[Any]) -> NumberEvidence:
    found = NumberEvidence()
    for x, times in texts_counted(values):
        if _MONEY_SIGN_RE.search(x):
            continue  # "€ 40.000": an amount reads its group of three as thousands (value_translation.money)
        mark = decimal_mark(x)
        if mark == DECIMAL_COMMA:
            found.first += times
        elif mark == DECIMAL_POINT:
            found.second += times
        elif mark == "":
            found.either += times
            found.example = found.example or x.strip()
    return found


def column_decimals(columns: dict[int, list[Any]], before: NumberEvidence | None = None
                    ) -> tuple[dict[int, str], NumberEvidence, str]:
    """Each number column's decimal separator (column → DECIMAL_COMMA or DECIMAL_POINT) for the columns holding
    a text that reads either way; the sheet's evidence (for the sheets after it); and an example of a text read
    the English way only for want of evidence ("" when there is none). ``before``: the evidence of the rest of
    the file (``Planner.file_numbers``), the last fallback."""
    evidence = {c: evidence_of(cells) for c, cells in columns.items()}
    sheet = NumberEvidence()
    for e in evidence.values():
        sheet.add(e)
    fallback = sheet.decimal or (before.decimal if before is not None else None)
    decimals: dict[int, str] = {}
    unsettled = ""
    for c, e in evidence.items():
        if not e.either:
            continue  # nothing ambiguous: every text reads one way only
        decimal = e.decimal or fallback
        if decimal is None:
            decimal = DECIMAL_POINT
            unsettled = unsettled or e.example
        decimals[c] = decimal
    return decimals, sheet, unsettled
