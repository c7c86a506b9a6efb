"""Headers that name their field in a sentence rather than a word (issue 12, unseen set 70): a question ("Who will
deal with it?", "What is the impact?", "When was it raised?") and a field said with what it bears on ("Effect on
project"). Each is read only when nothing names the header as written, once per column, by the words of the words
files (``questions`` and ``scope_tails``), in any language they give; no Qt, no openpyxl."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from .vocabulary import question_words, scope_tail_words, telling_questions, word_key, words_of

# the most words a question heading a column has ("Who will be responsible for dealing with it?": 8)
LONGEST_QUESTION = 8
# a bracketed remark ("Effect on project (describe)"): no word of the sentence
_REMARK_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def asked_field(words: tuple[str, ...], keys: Mapping[str, str], fields: Collection[str],
                people: bool = False) -> str | None:
    """The field a header written as a question asks for, of ``fields`` (the register's), or None. ``words``: the
    header's keyed words; ``keys``: the register's header keys → field. "Who will deal with it?": a question word
    and a word saying what is asked of the one it names (deal, own, fix) — the owner, or the actionee of an action
    list, the first of the words file's fields the register has. "What is the impact?": a question word that opens
    on a field's name ("what", "which") — the field its other words name, as a header would (the impact). Before,
    such a column was kept in the notes (cwoodruff1992's bug list: who deals with each bug, 15 rows). "Who" alone
    names the owner too (CSCI-462's bug status per member), but not in a register of people (``people``): there it
    names the records themselves, the stakeholders; a register whose own words know the word (a communication
    plan's "Who", its audience) has it matched before this is asked."""
    asked = question_words()
    if not words or words[0] not in asked.said or len(words) > LONGEST_QUESTION:
        return None  # a longer sentence is a row's text ("When a checkin is done from the … page, …"), no header
    if len(words) == 1:
        return None if people else next((n for n in asked.alone.get(words[0], ()) if n in fields), None)
    for name, cues in asked.asks.get(words[0], {}).items():
        if name in fields and any(w in cues for w in words[1:]):  # "do" is a cue, though it is said around others
            return name
    rest = [w for w in words[1:] if w not in asked.fillers]
    if words[0] in asked.opened and rest:
        return keys.get(word_key(" ".join(rest)))
    return None


def scoped_field(words: tuple[str, ...], keys: Mapping[str, str]) -> str | None:
    """The field a header names before a tail saying what it bears on: "Effect on project", "Impact to the
    business" — a link ("on", "to"), articles, and a scope noun (project, programme, business) only. Its head
    names the field as the header alone would. "Impact on project" is known whole (the effect) and keeps its
    reading: this is asked only of a header nothing named. Before, "Effect on project" was kept in the notes:
    "effect" is one short word, which a longer header is not read by its start for (nottorp's 13 risks)."""
    links, articles, scopes = scope_tail_words()
    for i in range(1, len(words) - 1):
        if words[i] in links:
            tail = words[i + 1:]
            if not (all(w in articles or w in scopes for w in tail) and any(w in scopes for w in tail)):
                return None
            # "Impact on the business" is what "Impact on business" is (the effect), before "Impact" alone
            bare = word_key(" ".join(w for w in words if w not in articles))
            return keys.get(bare) or keys.get(word_key(" ".join(words[:i])))
    return None


# the most words a question ends with after its question words: "What do we need to communicate?" (5)
_TELLING_TAIL = 5


def telling_field(words: tuple[str, ...], fields: Collection[str]) -> str | None:
    """The field of a communication plan a header asks for as a question of telling: "What to communicate?" (the
    message), "¿A quién comunicar?" (the audience), "How to communicate?" (the channel), "When to inform?" (the
    frequency), "Who communicates?" (the owner) — a question's words (``communication_questions`` in the words
    files, any language they give), then a verb of telling among words said around it, nothing else. "Why
    communicate?" asks for no field (the purpose): such a column stays in the notes under its header. Before, the
    PMBOK communication matrix written as questions (unseen set 89: "¿Qué comunicar? | ¿Por qué comunicar? |
    Remitente | Destinatario") was refused whole, no column naming its messages."""
    if "message" not in fields:
        return None
    if (alone := {name for told in telling_questions() if (name := told.asks.get(words)) is not None}):
        # a question alone ("¿Qué?", "À qui ?", "Wann?"): the field every language asking it so names — German
        # "Wie?" asks how, Dutch "Wie?" who: no field
        return next(iter(alone)) if len(alone) == 1 and next(iter(alone)) in fields else None
    for told in telling_questions():
        for size in (3, 2, 1):
            name = told.asks.get(words[:size])
            if name is None:
                continue
            rest = [w for w in words[size:] if w not in told.fillers]
            if name in fields and 1 <= len(rest) <= _TELLING_TAIL and all(w in told.verbs for w in rest):
                return name
            break  # the longest question the language knows is the one asked
    return None


def sentence_field(text: str, keys: Mapping[str, str], fields: Collection[str], people: bool = False) -> str | None:
    """``asked_field``, ``telling_field`` or ``scoped_field`` of a header as written (its words keyed, a bracketed
    remark dropped)."""
    words = tuple(words_of(_REMARK_RE.sub(" ", text).replace("?", " ")))
    return asked_field(words, keys, fields, people) or telling_field(words, fields) or scoped_field(words, keys)


def _bare_question(cell: object) -> tuple[str, ...]:
    return tuple(words_of(_REMARK_RE.sub(" ", cell).replace("?", " "))) if isinstance(cell, str) else ()


def sender_beside_whom(row: Sequence[object], mapping: dict[int, str], fields: Collection[str]) -> dict[int, str]:
    """"Who? | To whom?" in a communication plan: the one asking who is the sender (the owner), the one asking to
    whom the audience — "Who?" alone was read as the audience, and "To whom?" kept in the notes. Asked by the
    words of ``communication_questions`` (a question alone, each language's), once per header."""
    if "audience" not in fields or "owner" not in fields or "owner" in mapping.values():
        return mapping
    who = whom = None
    for c, cell in enumerate(row):
        words = _bare_question(cell)
        if not words:
            continue
        for told in telling_questions():
            name = told.asks.get(words)
            if name == "owner" and who is None:
                who = c
            elif name == "audience" and whom is None:
                whom = c
    if who is None or whom is None or mapping.get(who) != "audience" or mapping.get(whom) not in (None, "audience"):
        return mapping
    out = dict(mapping)
    out[who] = "owner"
    out[whom] = "audience"
    return out
