"""A sheet describing another sheet's columns, told from a register (issue 12, round 62).

An ISO 27001 risk register's "Doc Info" sheet explains each column of the "Risk Register" sheet beside it: "Risk
Identification | Risk ID | Unique Identification of Risk", then "Threats | Probable event that may harm …",
"Likelihood (b) | Probability of occurrence …", one line a column. Read with "Risk ID" as its header, it made 23
risks coded "Threats", "Vulnerability", "Likelihood (b)" and titled by what each column means.

What it is shows across the workbook: the cells naming its rows are, two in three, the headers of another sheet
read as a register — a glossary of that sheet's columns, not records. The sheet is skipped, saying whose columns it
describes. A register whose records happen to share a word with another sheet's header ("Budget" among risks beside
a "Budget" column) is far from two in three, and is read. Decided once per sheet from the sample under its header.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .header_detection import SAMPLE, HeaderMatch
from .vocabulary import words_of

MIN_NAMED = 5  # a glossary lists a table's columns; three or four names prove nothing


def _key(text: Any) -> str:
    return " ".join(words_of(text)) if isinstance(text, str) else ""


def describes_columns(match: HeaderMatch, rows: Sequence[list[Any]],
                      others: Sequence[HeaderMatch]) -> str | None:
    """Why the sheet matched is a glossary of another sheet's columns (``others``: the workbook's other sheets
    read as registers), or None. ``rows`` are the sheet's rows under its header."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    naming = [c for c, n in match.mapping.items() if n in ("code", title)]
    for other in others:
        if other.sheet_title == match.sheet_title:
            continue
        headers = {k for h in other.headers if (k := _key(h))}
        for c in naming:
            names = [str(r[c]).strip() for r in rows[:SAMPLE] if c < len(r) and isinstance(r[c], str) and r[c].strip()]
            known = [n for n in names if _key(n) in headers]
            if len(names) >= MIN_NAMED and len(known) * 3 >= len(names) * 2:
                shown = ", ".join(f"“{n}”" for n in known[:3])
                return (f"it describes the columns of sheet “{other.sheet_title}” ({shown} …: {len(known)} of the "
                        f"{len(names)} names under “{match.headers[c]}” are its headers), a glossary, not records.")
    return None
