"""A design notebook's lists read as a register's columns, told from a register (issue 12, classes65b).

A task tool's design notebook ("Projects": "ID | Goals and Objectives | Group by | ToDo | Problem | …") writes a
list of its own under each heading — field names ("Name", "Description", "Type") under "ID", questions and notes
("Do I care what this is called?") under "Problem" — each list on rows of its own. Its headings matched an issue
log's ID and title, and its notes were read as five issues. What it is shows in two signs together: the columns
the register reads are filled but never on one row (no record has an ID beside its title, nor an owner, status or
date beside either: lists side by side, not a table), and half of their cells or more are questions or field
names (what the notebook asks and plans, not what went wrong). An issue list of short problems fills its ID or
its status beside each problem, or one column alone, and stays a register. Decided once per sheet, from the rows
under the header.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..models.registers import REGISTERS
from .header_detection import HeaderMatch
from .vocabulary import header_words, word_key

MIN_CELLS = 4  # fewer notes say nothing of a notebook


@lru_cache(maxsize=1)
def _field_names() -> frozenset[str]:
    """Keyed header words of every register, in every language: what a notebook planning a tool lists."""
    return frozenset(k for register in REGISTERS for k in header_words(register))


def _asked_or_named(value: str) -> bool:
    return value.rstrip().endswith(("?", "？", "؟")) or word_key(value) in _field_names()


def notebook_lists(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why the sheet matched is a notebook's lists side by side, not the register (see the module), or None."""
    if match.kind.is_child or len(match.mapping) < 2:
        return None
    cells: list[str] = []
    used: set[int] = set()
    for r in rows:
        filled = [c for c in match.mapping if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if len(filled) > 1:
            return None  # a row across the columns: a record of the table
        cells += [str(r[c]).strip() for c in filled]
        used.update(filled)
    if len(used) < 2 or len(cells) < MIN_CELLS or sum(map(_asked_or_named, cells)) * 2 < len(cells):
        return None
    shown = next(c for c in cells if _asked_or_named(c))
    return (f"a notebook's lists side by side, not the {match.kind.reg.title.lower()}: its columns are filled on rows "
            f"of their own, none beside another, and half their cells are questions or field names (“{shown[:50]}”).")
