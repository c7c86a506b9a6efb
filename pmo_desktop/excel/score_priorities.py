"""A priority written as a score, where higher is worse (issue 12, fix54a).

"P1" or "Priority 1" is a rank: 1 is the first to handle, the most urgent (``value_translation.numbered_priority``).
A column headed by a rating word *and* a score word — "Severity score", "severidad_score", "Priority score",
"Schweregrad-Punkte" — holds a score instead: 4 is worse than 1. Read as a rank, a shop's four incidents scored
4, 3, 2, 1 came in Low, Medium, High, Critical — the worst one the least urgent (round 63's incidencias.csv).

Decided once a column, from its cells: a score of whole numbers whose scale fits the office's priorities one to
one is mapped onto them by rank from the top — the column's highest value (or the top its header declares,
"(1-4)") is the highest priority, each one less the next lower; the sheet notes say so. A scale with more values
than the office has priorities (1–10), or cells that are no whole numbers, cannot be mapped without a guess: the
column stays in the notes as written, the records come in by their title, and the notes say that too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .value_translation import declared_scale
from .vocabulary import score_words, word_key, words_of


def score_header(header: object) -> bool:
    """Whether a header says its column holds a score: one of its words is a score word ("Severity score",
    "severidad_score", "Schweregrad-Punkte"), or ends one glued to the rating ("SeverityScore")."""
    words = score_words()
    if any(w in words for w in words_of(str(header or "").replace("_", " "))):
        return True
    key = word_key(header)
    return any(key.endswith(w) and len(key) > len(w) + 2 for w in words)


def whole_number(raw: Any) -> int | None:
    """A cell's whole number of 0 or more ("4", 4, 4.0), None for any other cell."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        try:
            raw = float(raw.strip())
        except ValueError:
            return None
    if not isinstance(raw, (int, float)) or raw != raw or raw < 0 or raw != int(raw):
        return None
    return int(raw)


def score_top(cells: Iterable[Any], header: object, levels: int) -> int | None:
    """The top of a score column's scale when its numbers map one to one onto ``levels`` priorities: the
    highest of its values and the top its header declares ("Severity score (1-4)"), the scale starting at 1, or
    at 0 where a cell says 0. None when a cell is no whole number or the scale has more values than ``levels``."""
    numbers = set()
    for raw in cells:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        n = whole_number(raw)
        if n is None:
            return None
        numbers.add(n)
    if not numbers:
        return None
    top = max(max(numbers), declared_scale(header) or 0)
    bottom = 0 if 0 in numbers else 1
    return top if top - bottom + 1 <= levels else None


def scored_choice(choices: Sequence[str], number: int, top: int) -> str | None:
    """The priority of a score ``number`` on a scale up to ``top``, ``choices`` from the lowest up: the top is the
    highest choice, each one less the next lower. None past either end."""
    at = len(choices) - 1 - (top - number)
    return choices[at] if 0 <= at < len(choices) and number <= top else None


def score_note(header: str, top: int | None, choices: Sequence[str], shown: Sequence[Any]) -> str:
    """What the sheet notes say once of a score column read as the priority (``top``) or kept in the notes."""
    if top is not None:
        read = ", ".join(f"{n} as {c}" for n in range(top, -1, -1) if (c := scored_choice(choices, n, top)))
        return f"“{header}” is read as a score, {top} the highest (not a rank, where 1 is first): {read}."
    # its numbers as whole ones, highest first ("10, 9, 7", not "10.0, 7.0, 9.0"), then any other cell as written
    numbers = sorted({n for x in shown if (n := whole_number(x)) is not None}, reverse=True)
    others = [str(x).strip() for x in shown if x is not None and str(x).strip() and whole_number(x) is None]
    values = ", ".join(dict.fromkeys([*map(str, numbers), *others]))
    return (f"“{header}” holds scores ({values[:60]}) the {len(choices)} priorities ({', '.join(choices)}) cannot "
            "take one to one: kept in the notes as written, the records imported by their title.")
