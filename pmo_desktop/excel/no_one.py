"""A person's cell that names no one (classes58a): an owner, an assignee or an action's owner written "N/A", "TBD",
"TBC", "none", "nobody", "unassigned", "to be assigned", "?" — or "k.A.", "à définir", "sin asignar", "не
назначен" in the other languages the words files hold (``values`` → ``person.nobody``). Each made a person of
that name, who then owned every such record in the office's people, its filters and its reports. Read as no one:
the record has no owner, and the sheet says how many cells were read so.

Decided per column, not per text: only a column of people is read this way — "N/A" under a title or in the notes
is the sheet's text, and "None" in a control's column says no control (``nothing``), each its own rule. A cell of
marks alone, no letter or figure ("?", "??", "-", "…"), names no one either.
"""

from __future__ import annotations

from functools import lru_cache

from .vocabulary import value_words, word_key

# longer than any word of ``person.nobody`` ("noch nicht zugewiesen"): a cell this long names someone, or says more
LONGEST = 40


@lru_cache(maxsize=1024)
def says_no_one(text: str) -> bool:
    """Whether a cell of a column of people names no one ("N/A", "TBD", "?", "nicht zugewiesen")."""
    if len(text) > LONGEST or not text.strip():
        return False
    key = word_key(text)
    return not key or key in _nobody_words()


@lru_cache(maxsize=1)
def _nobody_words() -> frozenset[str]:
    return frozenset(value_words("person.nobody"))
