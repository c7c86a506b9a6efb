"""A data set of measured things, told from a register that names its records without a title column
(issue 12, round 59).

An environmental monitoring app kept its pollutants in "risks.xlsx": "risk_id | pollutant_name | substance_type |
danger_class | gdk | concentration | rfc | sfi" — each row a substance, its class, its permitted limit, its
measured concentration and two toxicity factors. No header names a title, so the title was taken from the column
of distinct names beside the numbered IDs (header_detection.repeated_texts), and 11 "risks" were made of the
substances.

What it is shows in what is placed and what is left: nothing of a register beside the ID and the title taken for
want of one (no owner, status, rating, date or plan), and the columns left over are mostly numbers on every row,
three at least. An office's list of records named without a "Title" column places more than its ID (a risk's
likelihood, an issue's status, an owner); a table of readings places nothing but its row numbers.

Decided once per sheet from the sample of rows under the header, so it costs nothing per row.
"""

from __future__ import annotations

from typing import Any

from .header_detection import HeaderMatch
from .sample_columns import filled_cells

MIN_MEASURES = 3  # columns of numbers beside the names: fewer is a register's score or count, not readings


def a_number(value: Any) -> bool:
    """A number, or a text that reads as one (a CSV's cells); never a yes/no."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    try:
        float(str(value).strip())
        return True
    except ValueError:
        return False


def measurements_not_records(match: HeaderMatch, sample: list[list[Any]]) -> str | None:
    """Why the sheet matched is a data set of measured things (see the module's docstring), or None."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    col = match.titled_by
    if match.kind.is_child or title is None or col is None or match.mapping.get(col) != title:
        return None
    if not set(match.mapping.values()) <= {title, "code"}:
        return None  # the sheet places something of the register besides its IDs: its records are named so
    filled = [r for r in sample if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < MIN_MEASURES:
        return None
    measures, words = [], 0
    for c, header in enumerate(match.headers):
        values = filled_cells(filled, c)
        if c in match.mapping or not header or not values:
            continue
        if len(values) * 2 >= len(filled) and all(a_number(v) for v in values):
            measures.append(header)
        else:
            words += 1
    if len(measures) < MIN_MEASURES or len(measures) <= words:
        return None
    shown = ", ".join(f"“{h}”" for h in measures[:3]) + (" …" if len(measures) > 3 else "")
    return (f"a data set of measured things, not a register: its rows are named by “{match.headers[col]}”, taken "
            f"for want of a title column, and beside their IDs it holds only readings ({shown}), nothing a "
            f"{match.kind.reg.noun} has (owner, status, rating, date).")
