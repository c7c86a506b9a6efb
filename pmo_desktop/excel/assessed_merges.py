"""Which of two sheets listing the same records rates them, when a record's title is met on both.

A threat model's list of threats gives each the tool's default severity ("Medium" on every row), and its risk
assessment sheet rates the same threats, a likelihood and an impact of 1–5 each (round 68's held-out set: the
merge by title kept the list's "Medium" on 34 threats assessed 4 or 5). Where the earlier sheet gives a rating
field one value on all its rows and the later one varies it, written as numbers on the scale or under a header
(or on a sheet) saying it assesses, the later sheet's rating is the record's; the list's value goes to the
notes. Decided once per pair of sheets and field, said once on the assessing sheet. No Qt, no openpyxl.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ..models.fields import Kind, Register
from .import_plan import Action, SheetPlan
from .vocabulary import _files, words_of

# an earlier sheet's value is its default only when it stands on this many rows at least (two equal ratings
# are a coincidence, three the same word down a list a value nobody changed)
MIN_DEFAULT_ROWS = 3


@lru_cache(maxsize=None)
def assessing_words() -> frozenset[str]:
    """Keyed words of a header or a sheet's name saying its ratings are an assessment ("Risk Assessment",
    "Impact rating", "Scored likelihood"): ``assessing`` in the words files."""
    return frozenset(k for data in _files() for w in data.get("assessing", ()) for k in words_of(w))


def rated_fields(reg: Register) -> frozenset[str]:
    """The register's fields rated on a scale (a risk's likelihood and impact, before and after)."""
    return frozenset(f.name for f in reg.fields if f.kind is Kind.SCALE)


def assessing_fields(reg: Register, sheet: str, headers: Sequence[Any], mapping: dict[int, str],
                     rows: Iterable[Sequence[Any]]) -> frozenset[str]:
    """The rating fields a sheet assesses: its column holds numbers (the first rows the planner kept), or its
    header, or the sheet's name, says it is an assessment or a rating."""
    scaled = rated_fields(reg)
    columns = {c: name for c, name in mapping.items() if name in scaled}
    if not columns:
        return frozenset()
    words = assessing_words()
    named = bool(words & set(words_of(sheet)))
    out = {name for c, name in columns.items()
           if named or (c < len(headers) and words & set(words_of(headers[c])))}
    for row in rows:
        for c, name in columns.items():
            x = row[c] if c < len(row) else None
            if isinstance(x, (int, float)) and not isinstance(x, bool):
                out.add(name)
    return frozenset(out)


def one_value(plan: SheetPlan, name: str) -> Any:
    """The value every record of the sheet gives ``name``, on three rows at least, or None (no default there)."""
    seen = [p.values[name] for p in plan.rows if p.report.action in (Action.INSERT, Action.UPDATE)
            and p.values.get(name) not in (None, "", [])]
    if len(seen) < MIN_DEFAULT_ROWS or any(x != seen[0] for x in seen):
        return None
    return seen[0]


def varies(plan: SheetPlan, name: str) -> bool:
    """Whether the sheet's rows give ``name`` two values or more (an assessment, not a default)."""
    first = None
    for p in plan.rows:
        x = p.values.get(name)
        if x in (None, "", []):
            continue
        if first is None:
            first = x
        elif x != first:
            return True
    return False
