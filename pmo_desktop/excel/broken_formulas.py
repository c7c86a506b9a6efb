"""A column of broken formulas: an Excel error on every row, nothing to import (issue 12, round 60).

A sheet copied away from what its formulas pointed at keeps their errors: a Japanese issue log saved as CSV
numbered its rows with a formula, and every "No." became "#REF!". Read as the issues' IDs, each row was left out
("ID shows the Excel error #REF!") and none of its 15 issues was imported. A column whose every filled cell is an
Excel error holds no value of its own: it is not imported, said once, and the rows are read without it (a
record left without an ID gets a new one). One error among real values is still that row's to correct, as
before: only a whole column is set aside. Decided once per sheet from the sample under the header.
"""

from __future__ import annotations

from typing import Any

from .workbook_reader import EXCEL_ERRORS

MIN_CELLS = 3  # two errors could be two rows to correct; three and nothing else is the column's formula


def _error(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if text in EXCEL_ERRORS else None


def broken_columns(mapping: dict[int, str], sample: list[list[Any]]) -> dict[int, str]:
    """The placed columns whose every filled cell of the sample is an Excel error, each with its error ("#REF!")."""
    out: dict[int, str] = {}
    for c in mapping:
        cells = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        errors = [e for e in map(_error, cells) if e is not None]
        if len(errors) >= MIN_CELLS and len(errors) == len(cells):
            out[c] = errors[0]
    return out


class BrokenColumn(str):
    """What the report says of such a column (``said``), with the field the header named and the column's
    header: a required field's (the title's) is said on each row as its cells' error — "no column of the sheet
    holds it" was said of stacked forms or a table whose every title was "#REF!" or "#N/A" (fault70b)."""

    field: str
    header: str


def said(header: str, error: str, field: str = "") -> BrokenColumn:
    """What the report says of such a column; ``field``: the field its header named."""
    out = BrokenColumn(f"“{header}” shows the Excel error {error} on every row (a formula whose cells are gone): it "
                       "holds no values, so it is not imported.")
    out.field, out.header = field, header
    return out
