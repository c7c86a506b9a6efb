"""A checklist register: each row's name in the label columns left of its number (issue 12, classes85).

A risk-identification template lists what to look for before its register columns: "Risk Identification Heuristics"
over three columns (a group, a name, what it means: "Project Factors | Learning Curve | When developers are new …"),
then "Risk No. | Date Identified | … | Risk Description | … | Probability | Impact". The assessor fills the dates and
ratings of the items that apply and leaves "Risk Description" empty: the row's name is the checklist's. Unseen set 85
left the two assessed rows out ("Title cannot be empty") with the 125 prefilled ones.

- **The title** (``checklist_title``, decided once a sheet from the rows under its header): the register's title
  column is empty on every row; left of the ID column stand two columns at least no field takes, under one caption
  (the same header text, a merged cell written over them); of those, the one filled on most rows (two in three of the
  numbered rows) with short names (six words at most) names each row — read as the title, said in the sheet note;
  of two so filled, the one whose names are told apart (a group written on every row names no row; fault73).
  The column the header named as the title stays, empty, in the notes.
- **The rows** (``row_planner``): on such a sheet a row filling no field but its name and its number is a checklist
  item nobody assessed — skipped, said on the row; a row with a date, a rating, an owner or any other field is a
  record titled by its name.
No Qt, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .header_detection import HeaderMatch
from .vocabulary import words_of

_NAME_WORDS = 6
_MIN_LABELS = 2


def _filled(x: Any) -> bool:
    return x is not None and (x.__class__ is not str or bool(x.strip()))


def label_columns(headers: Sequence[Any], code_col: int, mapping: dict[int, str]) -> list[int]:
    """The columns left of the ID column under one caption no field takes (two at least), else []."""
    left = [c for c in range(code_col) if c < len(headers)]
    if len(left) < _MIN_LABELS or any(c in mapping for c in left):
        return []
    captions = {str(headers[c]).strip() for c in left}
    return left if len(captions) == 1 and "" not in captions else []


def checklist_title(match: HeaderMatch, rows: Sequence[Sequence[Any]]) -> tuple[HeaderMatch, str] | None:
    """The match with its title read from the checklist's name column, and the sheet note; None otherwise."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    title_col = next((c for c, n in match.mapping.items() if n == title), None)
    code_col = next((c for c, n in match.mapping.items() if n == "code"), None)
    if title_col is None or code_col is None or match.kind.is_child:
        return None
    labels = label_columns(match.headers, code_col, match.mapping)
    numbered = [r for r in rows if code_col < len(r) and _filled(r[code_col])]
    if not labels or len(numbered) < 3 or any(title_col < len(r) and _filled(r[title_col]) for r in rows):
        return None
    best: tuple[int, int, int] | None = None  # (rows named, names told apart, column)
    for c in labels:
        names = [" ".join(r[c].split()).casefold() for r in numbered if c < len(r) and r[c].__class__ is str
                 and r[c].strip() and len(words_of(r[c])) <= _NAME_WORDS]
        # as many rows named, the column naming each its own wins: "Site | Falls from ladders", the group written
        # on every row, titled two risks "Site" (fault73)
        if best is None or (len(names), len(set(names))) > best[:2]:
            best = (len(names), len(set(names)), c)
    if best is None or best[0] * 3 < len(numbered) * 2:
        return None
    name_col = best[2]
    mapping = {c: n for c, n in match.mapping.items() if c != title_col}
    mapping[name_col] = str(title)
    caption = str(match.headers[name_col]).strip()
    note = (f"“{str(match.headers[title_col]).strip()}” is empty on every row: each row's name is in the columns under "
            f"“{caption}” left of “{str(match.headers[code_col]).strip()}” — read as its title; a row naming nothing "
            "else (no date, rating or owner) is a checklist item nobody assessed, skipped.")
    return replace(match, mapping=mapping), note
