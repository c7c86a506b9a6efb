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


def broken_header(rows: list[list[Any]], header_row: int) -> str | None:
    """The error shown by a row of broken formulas right above the row taken for the header (``header_row``,
    1-based, of ``rows``), when that row shows an Excel error in every column the taken row fills and in two at
    least: the sheet's own header, its formulas' cells gone (a header spelled by "=Lists!A1" … once that sheet was
    deleted). The row under it is then the first record, read as a header: it was lost without a word and the
    others read under its values (fault71)."""
    if header_row < 2 or header_row - 2 >= len(rows):
        return None
    above, taken = rows[header_row - 2], rows[header_row - 1]
    errors = {c: e for c, e in enumerate(map(_error, above)) if e is not None}
    filled = {c for c, x in enumerate(taken) if x is not None and str(x).strip()}
    others = [x for c, x in enumerate(above) if c not in errors and x is not None and str(x).strip()]
    if len(errors) < 2 or others or not filled <= set(errors):
        return None
    return next(iter(errors.values()))
