"""A date column of days no calendar has, said once (fault66).

A column whose cells are mostly days written as dates but impossible ("2025-02-30", month 13 — a system's export
counting every month 30 days, a template's formula gone wrong) does not fit its date field (``check_values``): its
cells are kept whole in each record's notes ("Raised: 2025-02-30"), nothing lost — but neither the preview nor the
command line said so, and a register imported with no raised date at all looked like a register that had none.
The sheet's note says it once a column, with how many of the cells looked at are such days and one of them."""

from __future__ import annotations

from typing import Any

from ..models import values as v
from ..models.errors import ValidationError
from ..models.fields import Field
from . import date_order

# what the sheet's note says of such a column, after "“Raised” kept in the notes: " (importer.title_note)
IMPOSSIBLE_DAYS = "days no calendar has"


def impossible_days_why(f: Field, values: list[Any], header: object) -> str | None:
    """Why the date column of ``values`` (its first cells) is kept in the notes, when it is for days no calendar
    has: they and the real days together would have made it a date column. None when it is not for them."""
    order = date_order.header_order(header) or date_order.evidence_of(values).order or v.DAY_FIRST
    real = impossible = 0
    example = ""
    for x in values:
        try:
            v.parse_date(x, f.label, order, relative_words=False)
            real += 1
        except v.ImpossibleDate:
            impossible += 1
            example = example or v.parse_text(x)[:40]  # a number as the cell shows it: "99999999", not "….0"
        except ValidationError:
            pass
    if not impossible or (real + impossible) * 2 < len(values):
        return None
    return (f"not read as dates, as {impossible:,} of its first {len(values):,} cells are {IMPOSSIBLE_DAYS} "
            f"(“{example}”); correct them and import again to have the {f.label} dates")
