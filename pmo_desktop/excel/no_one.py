"""A person's cell that names no one (classes58a): an owner, an assignee or an action's owner written "N/A", "TBD",
"TBC", "none", "nobody", "unassigned", "to be assigned", "?" — or "k.A.", "à définir", "sin asignar", "не
назначен" in the other languages the words files hold (``values`` → ``person.nobody``). Each made a person of
that name, who then owned every such record in the office's people, its filters and its reports. Read as no one:
the record has no owner, and the sheet says how many cells were read so.

Decided per column, not per text: only a column of people is read this way — "N/A" under a title or in the notes
is the sheet's text, and "None" in a control's column says no control (``nothing``), each its own rule. A cell of
marks alone, no letter or figure ("?", "??", "-", "…"), names no one either.

A post not filled yet (classes61a): "Vacant", "to be recruited", "pending hire" (``person.vacancy``), and a
placeholder given with its reason — "TBD – pending hire", "TBC (new hire)", "N/A - vacant", "TBD: Finance to
nominate" (a word of either list, then a dash with spaces, a bracket, a colon, a semicolon or a comma, then anything)
— name no one either, but say something the empty field does not (a hire is needed, who will nominate), so the
cell is kept in the record's notes under its header. A name with a remark ("Ann Lee (acting)") starts with no such
word and is a person, as before; a hyphen without spaces joins a name ("Na-Young"), never a reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import value_words, word_key, words_of

# longer than any word of ``person.nobody`` ("noch nicht zugewiesen"): a cell this long names someone, or says more
LONGEST = 40
# a placeholder with its reason ("TBD – pending hire"): a line, not a paragraph
LONGEST_SAID = 120

# What a placeholder says: nothing more than the empty field (BARE), or more, to be kept in the notes (KEPT)
BARE, KEPT = "bare", "kept"

# where a placeholder's reason starts: a dash between spaces (a hyphen inside a word joins a name), a bracket,
# a colon, a semicolon or a comma
_REASON_RE = re.compile(r"\s+[-–—]+\s*|\s*[–—]\s*|\s*[(\[:;,]\s*")


@lru_cache(maxsize=1024)
def no_one_said(text: str) -> str | None:
    """How a cell of a column of people names no one: BARE ("N/A", "TBD", "?": the empty field says it all), KEPT
    (a post not filled, or a placeholder with its reason: the cell is kept in the notes), or None (it names
    someone)."""
    if len(text) > LONGEST_SAID or not text.strip():
        return None
    key = word_key(text)
    if not key or (len(text) <= LONGEST and key in _nobody_words()):
        return BARE
    if key in _vacancy_words():
        return KEPT
    head = _REASON_RE.split(text.strip(), maxsplit=1)
    if len(head) == 2 and head[1] and (word_key(head[0]) in _nobody_words() or word_key(head[0]) in _vacancy_words()):
        return KEPT  # "TBD – pending hire", "TBC (new hire)", "N/A - vacant"
    words = words_of(text)
    for i in range(1, min(len(words), 4)):  # "TBD pending hire": a placeholder, then a vacancy's words
        if "".join(words[:i]) in _nobody_words() and "".join(words[i:]) in _vacancy_words():
            return KEPT
    return None


@lru_cache(maxsize=1)
def _nobody_words() -> frozenset[str]:
    return frozenset(value_words("person.nobody"))


@lru_cache(maxsize=1)
def _vacancy_words() -> frozenset[str]:
    return frozenset(value_words("person.vacancy"))
