"""A response plan or action written as done ("Mitigated by moving the launch", "Completed: vendor replaced",
"MFA was implemented in March", "Umgesetzt: Backup getestet", "Se implementó MFA", "Mis en place en mars"):
the text reports a measure taken, so its action is imported done, its text kept whole. A plan stays open:
"Implement MFA" (a verb telling what to do), "MFA will be implemented", "should have been implemented", "Not
implemented", "Complete the review". Words per language: ``done`` in the language files —
- ``marks``: words saying done when they open the text followed by a separator or nothing ("Done – …",
  "Completed: …", "Erledigt"); a hyphen counts only with a space beside it ("Closed-loop monitoring" is a plan);
- ``participles``: past forms saying done when they open the text before more words ("Implemented MFA",
  "Mitigated by …") or follow an ``auxiliaries`` word within three words ("was implemented", "has already
  been implemented", "wurde im März umgesetzt", "a été mis en place"); ``after_auxiliary`` are past forms
  that, opening a text, read as adjectives ("Tested backup procedure", "Agreed approach") and so count only
  after an auxiliary ("Backup was tested in May");
- ``after_subject``: participles of languages whose notes put them after what was done, saying done
  anywhere after the first word ("MFA im März eingeführt", "MFA eingeführt im März", "Lieferant
  gewechselt"), unless a ``modals`` word says it is to come ("soll … eingeführt", "wird eingeführt");
- ``negations`` ("not", "nicht", "no", "pas") before the past form, ``modals`` ("should", "will", "muss")
  right before the auxiliary, or ``conditionals`` ("if", "once", "falls") anywhere before it keep it open
  ("If the vendor was replaced, retest").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import done_words, word_key, words_of

_TOKEN_RE = re.compile(r"[^\s/\-–—,;:()+&.!?]+")
_SEPARATORS = frozenset(":–—.,;!")


@dataclass(frozen=True)
class _DoneWords:
    marks: tuple[tuple[str, ...], ...]
    participles: tuple[tuple[str, ...], ...]
    after_auxiliary: tuple[tuple[str, ...], ...]
    auxiliaries: frozenset[str]
    after_subject: frozenset[str]
    negations: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]


@lru_cache(maxsize=None)
def _done_words() -> _DoneWords:
    def phrases(part: str) -> tuple[tuple[str, ...], ...]:
        out = {tuple(words_of(w)) for w in done_words(part)}
        return tuple(sorted((p for p in out if p), key=len, reverse=True))  # longest first: "mis en place"

    def words(part: str) -> frozenset[str]:
        return frozenset(k for w in done_words(part) if (k := word_key(w)))

    return _DoneWords(phrases("marks"), phrases("participles"), phrases("after_auxiliary"), words("auxiliaries"),
                      words("after_subject"), words("negations"), words("modals"), words("conditionals"))


def _starts_with(keys: list[str], at: int, options: tuple[tuple[str, ...], ...]) -> int:
    """The length of the first phrase of ``options`` the keys hold from ``at``, or 0."""
    for phrase in options:
        if tuple(keys[at:at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def says_done(text: str) -> bool:
    """Whether a plan or action text reports the measure as already taken (see the module's rule)."""
    tokens = list(_TOKEN_RE.finditer(text))
    if not tokens:
        return False
    keys = [word_key(t.group()) for t in tokens]
    w = _done_words()
    n = _starts_with(keys, 0, w.marks)
    if n:
        if n == len(tokens):
            return True  # "Done", "Completed"
        gap = text[tokens[n - 1].end():tokens[n].start()]
        if any(ch in _SEPARATORS for ch in gap) or ("-" in gap and gap != gap.strip()):
            return True  # "Completed: vendor replaced", "Done – backup tested"
    if _starts_with(keys, 0, w.participles) and len(tokens) > 1:
        return True  # "Implemented MFA in March", "Mitigated by moving the launch"
    for i, key in enumerate(keys):
        if key not in w.auxiliaries or (i and keys[i - 1] in w.modals) or any(k in w.conditionals for k in keys[:i]):
            continue
        for j in range(i + 1, min(i + 4, len(keys))):
            if keys[j] in w.negations or keys[j] in w.modals:
                break
            if _starts_with(keys, j, w.participles) or _starts_with(keys, j, w.after_auxiliary):
                return True  # "was implemented", "wurde im März umgesetzt", "a été mis en place"
    if not any(k in w.modals or k in w.conditionals for k in keys):
        return any(k in w.after_subject and keys[j - 1] not in w.negations for j, k in enumerate(keys) if j)
    return False
