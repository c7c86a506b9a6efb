"""Two copies of one list side by side, read as a register's IDs and titles (issue 12, round 61's held-out set).

A tracker's export ("issues.xlsx", one sheet a year of a product backlog) kept a sheet reviewing its columns for a
migration: the export's column names down column A ("Issue key", "Issue id", "Parent id" …), the columns to keep
down column H under "Summary", a "Yes" beside each. Read with column A as the IDs and H as the titles, its 213 rows
made 58 issues named "Issue key", "Status" … — each title another row's ID. A register's ID never names another of
its records: where most names under the title are IDs of other rows, the two columns are one list written twice
(a comparison, a mapping, a review of fields), and the sheet adds nothing and says why.

Decided once a sheet, of the sample of rows under the header.
"""

from __future__ import annotations

from typing import Any

from .header_detection import HeaderMatch
from .sample_columns import filled_texts

MIN_ROWS = 5  # fewer rows say nothing of a list


def listed_twice(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why a sheet whose titles are, half at least, the IDs of its other rows holds no records, or None."""
    reg = match.kind.reg
    key = reg.key_field.name if reg.key_field is not None else None
    title = next((f.name for f in reg.fields if f.required), None)
    if match.kind.is_child or key is None or title is None:
        return None
    code_col = next((c for c, n in match.mapping.items() if n == key), None)
    title_col = next((c for c, n in match.mapping.items() if n == title), None)
    if code_col is None or title_col is None:
        return None
    codes = {t.lower() for t in filled_texts(rows, code_col)}
    names = filled_texts(rows, title_col)
    if len(names) < MIN_ROWS or len(codes) < MIN_ROWS:
        return None
    # each title against the IDs of the rows (its own row's ID equal to its title is a list keyed by its names)
    by_row = [(str(r[code_col]).strip().lower(), str(r[title_col]).strip())
              for r in rows if code_col < len(r) and title_col < len(r) and r[title_col] is not None
              and str(r[title_col]).strip()]
    others = [n for own, n in by_row if n.lower() in codes and n.lower() != own]
    if len(others) * 2 < len(by_row):
        return None
    head = match.headers[title_col] if title_col < len(match.headers) and match.headers[title_col] else "the title"
    shown = ", ".join(f"“{n}”" for n in list(dict.fromkeys(others))[:3])
    return (f"its names under “{head}” are its own IDs again ({shown} …: {len(others)} of {len(by_row)} name another "
            f"row's ID): one list written twice, side by side, not {reg.title.lower()}.")
