"""A person's cell that names no one (classes58a): an owner, an assignee or an action's owner written "N/A", "TBD",
"TBC", "none", "nobody", "unassigned", "to be assigned", "?" — or "k.A.", "à définir", "sin asignar", "не
назначен" in the other languages the words files hold (``values`` → ``person.nobody``). Each made a person of
that name, who then owned every such record in the office's people, its filters and its reports. Read as no one:
the record has no owner, and the sheet says how many cells were read so.

Decided per column, not per text: only a column of people is read this way — "N/A" under a title or in the notes
is the sheet's text, and "None" in a control's column says no control (``nothing``), each its own rule. A cell of
marks alone, no letter or figure ("?", "??", "-", "…"), names no one either.

A status word of the register (classes76a): "Known Bug" under "Raised By" made a person "Known Bug" owning the
bug (unseen set 76). A cell of a column of people that is, whole, a status word of the register (``values`` →
``<register>.status``) of two words or more ("Known Bug", "In progress") or closing the record ("Fixed",
"Duplicate") names no one; it is kept in the notes under its header. One word of an open state ("QA",
"Development") may name a team, and "Y" / "N" an initial: they stay people.

A post not filled yet (classes61a): "Vacant", "to be recruited", "pending hire" (``person.vacancy``), and a
placeholder given with its reason — "TBD – pending hire", "TBC (new hire)", "N/A - vacant", "TBD: Finance to
nominate" (a word of either list, then a dash with spaces, a bracket, a colon, a semicolon or a comma, then anything)
— name no one either, but say something the empty field does not (a hire is needed, who will nominate), so the
cell is kept in the record's notes under its header. A name with a remark ("Ann Lee (acting)") starts with no such
word and is a person, as before; a hyphen without spaces joins a name ("Na-Young"), never a reason.

"No" and the column's own noun (classes69c): "Нет исполнителя" under "Исполнитель", "No assignee", "Kein
Bearbeiter", "Sin responsable" — a word of denial or of no one in any words file (``negations``, the one-word
``person.nobody`` and ``nothing``), then one word of the same stem as the column's header or as a name of an owner
column in any words file (``headers`` → ``owner``). A tracker's export writes it on every unassigned task, and
it made a person owning all of them (unseen set 69, a YouTrack export). The noun is asked for, not any word: "Nie
Ming" and "No Hong-chul" are people, their surnames only spelt as a denial.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models.registers import REGISTERS
from .vocabulary import guidance_words, header_words, negation_words, value_words, word_key, words_of

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
def no_one_said(text: str, header: object = None, register: str | None = None) -> str | None:
    """How a cell of a column of people (headed ``header``, of ``register``) names no one: BARE ("N/A", "TBD",
    "?": the empty field says it all), KEPT (a post not filled, a placeholder with its reason, or a status word
    of the register: the cell is kept in the notes), or None (it names someone)."""
    if _instruction(text):
        return KEPT  # "LISTAR CON NOMBRE Y APELLIDO EL PERSONAL …", "Enter the name of the person …": a template's
        # instruction where the name goes, no one's name (classes92: a person was made of it)
    if len(text) > LONGEST_SAID or not text.strip():
        return None
    key = word_key(text)
    if not key or (len(text) <= LONGEST and key in _nobody_words()):
        return BARE
    if register is not None and len(text) <= LONGEST and _a_state(key, len(words_of(text)), register):
        return KEPT  # "Known Bug", "In progress", "Fixed" under "Raised By": the record's state, not a person
    if key in _vacancy_words():
        return KEPT
    head = _REASON_RE.split(text.strip(), maxsplit=1)
    if len(head) == 2 and head[1] and (word_key(head[0]) in _nobody_words() or word_key(head[0]) in _vacancy_words()):
        return KEPT  # "TBD – pending hire", "TBC (new hire)", "N/A - vacant"
    words = words_of(text)
    for i in range(1, min(len(words), 4)):  # "TBD pending hire": a placeholder, then a vacancy's words
        if "".join(words[:i]) in _nobody_words() and "".join(words[i:]) in _vacancy_words():
            return KEPT
    if len(text) <= LONGEST and _no_and_its_noun(tuple(words), header):
        return BARE
    return None


# an instruction is a sentence: this many words at least ("Enter owner name" may be a team's odd name, kept)
_INSTRUCTION_WORDS = 5
# guidance words that begin a name as often as an instruction ("From Finance …", "Example Ltd"): no verb
# ("State Revenue Office …", "Track and Trace Team …": a word that is a noun as often opens an office's name)
_NOT_TELLING = frozenset(word_key(w) for w in ("from", "e.g", "eg", "example", "optional", "aquí", "hier", "z.b",
                                              "state", "track", "rate", "type", "place", "capture"))


def _instruction(text: str) -> bool:
    """A template's instruction written where a person's name goes: five words or more opening with a verb telling
    what to write ("Listar con nombre y apellido …", "Enter the name of …": ``guidance`` in the words files)."""
    words = words_of(text)
    return len(words) >= _INSTRUCTION_WORDS and words[0] in guidance_words() and words[0] not in _NOT_TELLING


def _a_state(key: str, words: int, register: str) -> bool:
    """A status word of the register (``values`` → ``<register>.status``) no one is named by: one of two words or
    more ("Known Bug", "In progress", "On hold"), or one closing the record ("Fixed", "Closed", "Duplicate"). One
    word of an open state may be a team ("QA", "Development", "Triage"), and a yes or a no ("Y", "N") an initial:
    those stay people."""
    status = value_words(f"{register}.status").get(key)
    if status is None or key in value_words("bool"):
        return False
    return words >= 2 or status != REGISTERS[register].defaults.get("status", "Open") if register in REGISTERS \
        else words >= 2


# the fewest letters two forms of one noun share at the start ("исполнитель", "исполнителя"; "assignee", "assigned")
_STEM = 4
# the letters a form may add or change at its end beyond the stem it shares (a case ending, "-ee" for "-ed")
_ENDING = 3


def _no_and_its_noun(words: tuple[str, ...], header: object) -> bool:
    """"Нет исполнителя", "No assignee", "Kein Bearbeiter", "无负责人": a word of denial, then the column's own
    noun (or an owner column's name in any words file)."""
    if len(words) == 2:
        no, noun = words
    elif len(words) == 1 and not words[0].isascii():  # a script written without spaces: "无" glued to its noun
        no = next((w for w in _no_words() if len(w) <= 2 and words[0].startswith(w) and len(words[0]) > len(w)), "")
        noun = words[0][len(no):]
    else:
        return False
    if no not in _no_words() or not noun:
        return False
    nouns = _owner_nouns() | set(words_of(header) if isinstance(header, str) else ())
    return any(_same_stem(noun, n) for n in nouns)


def _same_stem(a: str, b: str) -> bool:
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared >= max(_STEM if a.isascii() else 1, min(len(a), len(b)) - _ENDING)


@lru_cache(maxsize=1)
def _no_words() -> frozenset[str]:
    one_word = {w for w in (*_nobody_words(), *value_words("nothing")) if w and len(words_of(w)) == 1}
    return frozenset(negation_words() | one_word)


@lru_cache(maxsize=1)
def _owner_nouns() -> frozenset[str]:
    """One-word names of an owner's column in every words file and register ("исполнитель", "assignee")."""
    return frozenset(w for register in REGISTERS for w, name in header_words(register).items()
                     if name in ("owner", "@action_owner") and w)


@lru_cache(maxsize=1)
def _nobody_words() -> frozenset[str]:
    return frozenset(value_words("person.nobody"))


@lru_cache(maxsize=1)
def _vacancy_words() -> frozenset[str]:
    return frozenset(value_words("person.vacancy"))
