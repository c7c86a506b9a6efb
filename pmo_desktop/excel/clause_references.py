"""A plan or control column holding only references to a standard's clauses (issue 12, classes80).

An ISO 27001 gap assessment headed a column "Related Controls" beside "Existing Controls" and "Recommended
Treatment", and wrote in it only the Annex A clause numbers each risk touches: "8.2, 5.18", "8.25, 8.28, 8.29". Read
by its header (a qualifier before a control's bare name, ``qualified_plans.qualified_control``) it was the controls
in place, and every risk got an invented done action titled "8.2, 5.18" (unseen set 80). A reference names a clause;
it states no measure.

Decided once a column from the sheet's first rows: a column read as the plan (``@response_plan``, a risk's or an
issue's actions) whose every filled cell is a list of clause references — "A.8.25", "8.2, 5.18", "A.5.15; A.5.17",
"AC-2, IA-5(1)", "CC6.1": figures joined by dots, with a letter code of one to four capitals or "§" before them or not,
several joined by commas, semicolons, slashes or line breaks, and no word at all — is kept in the records' notes
under its header instead, and said once a sheet. So that a column of lone decimal numbers ("2.5") is not taken for
one, the column must show a reference that no number is: a list of two or more, a letter code, or two dots; and
no cell may be a date ("2026-03-01", "12/05/2026"). A placeholder cell ("N/A", "-") counts for neither. No words
are involved: the rule is the same in every language.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .csv_overflow import placeholder
from .header_detection import RESPONSE_PLAN, HeaderMatch

MIN_CELLS = 2  # one cell is a cell, not the column's way of writing
# one reference: "A.8.25", "8.2", "AC-2(1)", "CC6.1", "PR.AC-1", "§ 5.3", "Annex A.5.15" is not (a word)
_REFERENCE = r"(?:§\s?)?(?:[A-Z]{1,4}(?:\.[A-Z]{1,4})?[.\- ]?)?\d+(?:[.\-]\d+)*(?:\s?\(\d+\)|[a-z])?"
_LIST_RE = re.compile(rf"\s*{_REFERENCE}(?:\s*[,;/\n]\s*{_REFERENCE})*\s*[,;]?\s*")
_NUMBER_RE = re.compile(r"\s*\d+(?:\.\d+)?\s*")
# a date is no reference: "2026-03-01", "12/05/2026", "1.4.2026"
_DATE_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _references(cells: list[Any]) -> bool:
    """Whether every filled cell (two at least, placeholders left out) is a list of clause references, one of them
    at least no number could be."""
    filled = [str(c).strip() for c in cells if c is not None and not isinstance(c, bool) and str(c).strip()]
    if any(not isinstance(c, str) for c in cells if c is not None and str(c).strip()):
        return False  # a number typed as a number is a number
    texts = [t for t in filled if not placeholder(t)]
    if len(texts) < MIN_CELLS or not all(_LIST_RE.fullmatch(t) and not _DATE_RE.search(t) for t in texts):
        return False
    return any(not _NUMBER_RE.fullmatch(t) for t in texts)


def references_not_plans(match: HeaderMatch, sample: list[list[Any]]) -> tuple[HeaderMatch, str] | None:
    """The sheet with its plan columns of clause references kept in the notes, and the sentence saying so; None
    when no plan column is so written."""
    columns = [c for c, n in sorted(match.mapping.items()) if n == RESPONSE_PLAN and
               _references([r[c] if c < len(r) else None for r in sample])]
    if not columns:
        return None
    mapping = {c: n for c, n in match.mapping.items() if c not in columns}
    shown = ", ".join(f"“{match.headers[c]}”" for c in columns)
    first = next(str(r[columns[0]]).strip() for r in sample if columns[0] < len(r) and r[columns[0]] is not None
                 and str(r[columns[0]]).strip() and not placeholder(str(r[columns[0]])))
    said = (f"{shown} {'holds' if len(columns) == 1 else 'hold'} only references to a standard's clauses "
            f"(“{first}”), no measure written out: kept in the notes, not read as actions.")
    return replace(match, mapping=mapping), said
