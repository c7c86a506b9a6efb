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
  ("If the vendor was replaced, retest");
- written noun first, as a status line: a subject of one to four words, then a past form of ``participles`` or
  ``after_auxiliary`` or a word of ``marks`` ("Vendor replaced", "Backup tested and verified", "Firewall rules
  updated in March", "MFA rollout complete", "Training delivered to all staff"), the past form as written
  ending the text or followed by a separator or one of ``links`` ("in", "and", "to": "Issue updated
  guidance" is an order, its past form an adjective) — when no word of the subject
  is a past form, mark, auxiliary, modal ("Vendor to be replaced") or one of ``prepositions``, the text does
  not open with one of ``plan_openers`` before an object ("Ensure backups tested"), and no word anywhere is a
  negation, conditional or one of ``habits``: a control done again and again is a plan kept up ("Backups tested
  monthly", "Controls reviewed as needed"). A text opening with the past form stays a plan or habit, as
  above ("Tested backup procedure", "Updated risk register monthly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import done_words, value_words, word_key, words_of

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
    habits: frozenset[str]
    plan_openers: frozenset[str]
    prepositions: frozenset[str]
    links: frozenset[str]
    # the past forms and marks as written, lower case, for the noun-first reading: the keys above are stems,
    # which "update programme schedule" (an order) shares with "updated"
    written: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=None)
def _done_words() -> _DoneWords:
    def phrases(part: str) -> tuple[tuple[str, ...], ...]:
        out = {tuple(words_of(w)) for w in done_words(part)}
        return tuple(sorted((p for p in out if p), key=len, reverse=True))  # longest first: "mis en place"

    def words(part: str) -> frozenset[str]:
        return frozenset(k for w in done_words(part) if (k := word_key(w)))

    return _DoneWords(phrases("marks"), phrases("participles"), phrases("after_auxiliary"), words("auxiliaries"),
                      words("after_subject"), words("negations"), words("modals"), words("conditionals"),
                      words("habits"), words("plan_openers"), words("prepositions"), words("links"),
                      tuple(sorted({tuple(w.lower().split()) for part in ("participles", "after_auxiliary", "marks")
                                    for w in done_words(part) if w.strip()}, key=len, reverse=True)))


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
        if any(k in w.after_subject and keys[j - 1] not in w.negations for j, k in enumerate(keys) if j):
            return True
    return _noun_first(keys, [t.group().lower() for t in tokens], text, tokens, w)


_SUBJECT_WORDS = 4  # "Backup and DR plan tested": longer subjects read as sentences, not status lines


def _noun_first(keys: list[str], raw: list[str], text: str, tokens: list[re.Match[str]], w: _DoneWords) -> bool:
    """A status line: a short subject, then a past form or a mark as written ("Vendor replaced", "MFA rollout
    complete"), ending the text or followed by a separator or a linking word ("… updated in March", "… tested
    and verified"): followed by a noun it is an adjective ("Issue updated guidance", "Reinforce agreed scope")."""
    if any(k in w.negations or k in w.habits or k in w.conditionals for k in keys):
        return False
    for j in range(1, min(_SUBJECT_WORDS, len(raw) - 1) + 1):
        n = _starts_with(raw, j, w.written)
        if not n:
            continue
        end = j + n
        if end < len(raw):
            gap = text[tokens[end - 1].end():tokens[end].start()]
            if not (any(ch in _SEPARATORS or ch in "-–—()" for ch in gap) or raw[end] in w.links):
                return False  # "Issue updated milestone guidance": a past form before a noun describes it
        subject = keys[:j]
        if any(_starts_with(raw, i, w.written) for i in range(j)):
            return False
        if any(k in w.auxiliaries or k in w.prepositions or k in w.modals for k in subject):
            return False  # "Vendor to be replaced", "Vendor needs replaced"
        return not (j > 1 and subject[0] in w.plan_openers)  # "Ensure backups tested": an order
    return False


# the parts of a plan's text: a spaced dash, a comma, a semicolon, a full stop, a colon, a bracket or a new line
# parts it ("Risk in the green zone - not handled", "Accepted, no further action"); "n/a" and "follow-up" stay whole
_PARTS_RE = re.compile(r"\s[-–—]+\s|[–—]|[,;.:()!\n]")
# an aside in brackets after the phrase ("No action required (low score)") is no step of a plan
_ASIDE_RE = re.compile(r"\([^()]*\)")
# the most words a part after the phrase has when it still only qualifies it ("Not handled – green zone", "No
# action, for now"); a longer one goes on to what is done ("No further action; escalate to the sponsor")
_QUALIFIER_WORDS = 2


@lru_cache(maxsize=4096)
def says_not_acted_on(text: str) -> bool:
    """Whether a plan's text says the risk is not acted on ("Risk in the green zone - not handled", "Accepted, no
    further action", "No action required", "Риск в зеленой зоне - не рассматривается", "Keine Maßnahmen
    erforderlich"): one of its parts is, whole, a phrase of ``not_acted_on`` in the words files, and it is the
    text's last say — what stands before it is the reason or the strategy ("Accepted", "Risk in the green
    zone"), what follows it a bracketed aside or a qualifier of two words at most ("Not handled – green zone").
    Such a text is no action to take: the import makes no action of it and keeps it in the record's notes. A
    part must be the phrase alone, so "No action until the vendor replies; then escalate" is still an action,
    and so is a text going on after the phrase to a step of its own (classes58a): "No further action; escalate
    to the sponsor", "No action required. Continue to monitor monthly"."""
    phrases = _not_acted_on()
    parts = [part for part in _PARTS_RE.split(_ASIDE_RE.sub(" ", text)) if part.strip()]
    said = [i for i, part in enumerate(parts) if word_key(part) in phrases]
    return bool(said) and all(len(words_of(part)) <= _QUALIFIER_WORDS for part in parts[said[-1] + 1:])


@lru_cache(maxsize=1)
def _not_acted_on() -> frozenset[str]:
    return frozenset(value_words("not_acted_on"))
