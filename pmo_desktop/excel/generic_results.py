"""An actual result that says nothing but "Found issue" (issue 12, classes68b).

A defect log with no title column is titled by its actual result (``result_columns``): what went wrong. But a tester
pressed for time writes only a generic phrase there — "Found issue", "Bug", "Error", "Not working" — and 23 of a QA
team's 103 defects were all titled "Found issue" (unseen set 66), told apart by nothing in the list. Such a cell
names no defect: the row's own description, else its steps to reproduce, title it, the phrase kept in the
description. Decided per row (the other rows' actual results stay their titles), said once a sheet. The phrases are
the words files' ``results`` → ``generic``; the steps' column is found by its ``input`` words ("Steps to reproduce").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..models.fields import Field
from .vocabulary import result_words, word_key

# "1- ", "1. ", "Step 1:" before a step's text
_STEP_LEAD_RE = re.compile(r"^\s*(?:step\s*)?\d{1,3}\s*[-.):]\s*", re.IGNORECASE)
# "… as email 2. Click submit": the next step numbered on the same line
_STEP_INLINE_RE = re.compile(r"\s+\d{1,2}[.)]\s+(?=[^\W\d_])")
_LINK_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def is_generic(text: str) -> bool:
    """Whether an actual result says only a generic phrase ("Found issue", "Not working")."""
    return word_key(text) in result_words("generic")


def said_by_instead(register: str, headers: Sequence[Any], title_col: int | None,
                    fields: Sequence[tuple[int, Field]]) -> list[int]:
    """The columns that title a defect in place of a generic actual result, in order (the description, then the
    steps), when the title column is an actual result's; else no columns."""
    if register != "issues" or title_col is None or title_col >= len(headers) or \
            word_key(headers[title_col]) not in result_words("actual"):
        return []
    described = [c for c, f in fields if f.name == "description" and c != title_col]
    steps = [c for c, h in enumerate(headers) if c != title_col and word_key(h) in result_words("input")]
    return described + [c for c in steps if c not in described]


def titled_instead(row: Sequence[Any], width: int, columns: Sequence[int]) -> str | None:
    """The title the first of ``columns`` filled on the row gives: its text, steps one after another on a line
    without their numbers ("Leave the first name empty; Click submit")."""
    for c in columns:
        cell = row[c] if c < width else None
        if isinstance(cell, str) and cell.strip() and not is_generic(cell):
            text = cell.strip()
            if len(text) > 1 and text[0] == text[-1] == '"':  # a cell quoted whole, as a CSV's field is
                text = text[1:-1].replace('""', '"')
            lines = [_STEP_LEAD_RE.sub("", step).strip() for line in text.splitlines()
                     for step in _STEP_INLINE_RE.split(line)]
            # (a step that is only a link or a number says nothing a title can: the link stays in the notes)
            said = "; ".join(x for x in lines if x and not x.isdigit() and not _LINK_RE.fullmatch(x))
            if said:
                return said
    return None


def generic_note(headers: Sequence[Any], said: Counter[str], columns: Sequence[int]) -> str:
    """What the preview says once a sheet of the rows titled in place of their generic actual result."""
    rows = sum(said.values())
    phrases = ", ".join(f"“{p}”" for p, _n in said.most_common(3))
    by = " or ".join(f"“{' '.join(str(headers[c]).split())}”" for c in columns if c < len(headers))
    return (f"{rows} {'row says' if rows == 1 else 'rows say'} only {phrases} as the actual result, which names no "
            f"defect: titled by {by} instead, the phrase kept in the description.")
