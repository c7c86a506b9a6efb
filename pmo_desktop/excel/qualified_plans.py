"""A response-plan header with a qualifier before it (issue 12, classes72b).

A start-up's risk sheet headed its measures "MVP Mitigation (Anodiam-Led)": the remark in brackets is dropped as any
header's is, but "MVP Mitigation" was no header the words know, so the measures were kept in the notes on every row
(unseen set 72) where "Mitigation Strategy" makes them the risk's actions. One word before a name of the plan — a
product's, a phase's, a team's — qualifies it without making it another column: the plan, when that word names
nothing itself. A word that gives the column a reading of its own keeps it: when the rating was made ("Post
Mitigation", "Inherent …"), what is already in place ("Existing …", its own rule), an ID ("ID Mitigation" names the
actions by number), a negation, or any word a header of the register is known by ("Owner", "Cost", "Status").
English word order only: the name of the plan must be an English one. In Indonesian, French or Spanish the word
before is the head, the plan's name its complement — "PJ Tindak Lanjut" is the person in charge of the follow-up,
"Sistem Pengendalian" the control system (the regression dumps of rounds 48 and 49 made actions of names there).
Decided once a header (header_detection caches the cell's reading).
"""

from __future__ import annotations

from functools import lru_cache

from .vocabulary import (
    first_assessed_words,
    header_words,
    header_words_in,
    id_words,
    in_place_words,
    negation_words,
    reassessed_words,
    word_key,
)

MIN_QUALIFIER = 2  # "IT Mitigation"; a letter alone ("A Mitigation", a list's numbering) qualifies nothing


@lru_cache(maxsize=1)
def _own_reading_words() -> frozenset[str]:
    """The words before a plan's name that say which plan or rating it is, not whose: never a qualifier."""
    in_place = frozenset(phrase.split()[0] for phrase in in_place_words()[0])
    return first_assessed_words() | reassessed_words() | in_place | id_words() | negation_words()


def qualified_name(words: tuple[str, ...], keys: dict[str, str], plan: str, register: str) -> str | None:
    """``plan`` when the header's words are one qualifier, then an English name of the plan (``keys`` the
    register's keyed header words in every language); None otherwise."""
    if len(words) < 2:
        return None
    first = words[0]
    if len(first) < MIN_QUALIFIER or not first.isalpha() or first in keys or first in _own_reading_words():
        return None
    return plan if header_words_in(register, "English").get(word_key(" ".join(words[1:]))) == plan else None


def qualified_control(words: tuple[str, ...] | list[str], bare: frozenset[str], register: str) -> bool:
    """A control's bare name after one qualifier ("AWS Controls", "IT Control"): the qualifier names whose or which
    controls, not a plan of what is to be done — the words' own phrases ("Recommended Controls", "Security
    Controls", "Additional Controls") are known headers of their own and never so read."""
    if len(words) != 2 or words[1] not in bare:
        return False
    first = words[0]
    keys = header_words(register)
    return len(first) >= MIN_QUALIFIER and first.isalpha() and first not in keys and \
        first not in _own_reading_words() and word_key(" ".join(words)) not in keys
