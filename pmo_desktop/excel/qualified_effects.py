"""Effect headers qualified by what is affected (issue 12, unseen set 74): "Effect On Database/System", "Effect On
Business", "System Effects", "End Effect" — the risk's effect word with a link and what it bears on after it, or
one word before it. Each such column is the effect; where a sheet has several, the first takes the field and the
others join it, each cell on a line labelled with its header (the planner's ``_joined_effects``), so that the effect
says every consequence the sheet wrote. Before, "Effect on project" was known (asked_headers: a scope noun after
the link) but "Effect On Database/System" and a second "Effect On Buisness" were kept in the notes, and an FMEA's
"System Effects" too: the effect of 20 risks of unseen set 74 only in the notes. Decided once per header. No Qt,
no openpyxl."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .vocabulary import scope_tail_words, word_key, words_of

EFFECT = "effect"
# the most words after the link ("Effect on the business operations"): a longer header is a sentence
_LONGEST_SCOPE = 4
_REMARK_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _effect_word(word: str, keys: Mapping[str, str]) -> bool:
    return keys.get(word_key(word)) == EFFECT


def qualified_effect(text: str, keys: Mapping[str, str]) -> bool:
    """Whether a header names the effect on something: the effect word alone of the register's header words
    (``keys``: "Effect", "Consequences") then a link ("on", "to") and a few words, or one word then the effect
    word ("System Effects")."""
    words = words_of(_REMARK_RE.sub(" ", text.replace("/", " ")))
    if len(words) < 2 or EFFECT not in keys.values():
        return False
    if _effect_word(words[0], keys) and words[1] in scope_tail_words()[0]:
        return 1 <= len(words) - 2 <= _LONGEST_SCOPE
    return len(words) == 2 and _effect_word(words[1], keys) and keys.get(word_key(words[0])) is None


def joined_effects(headers: list[str], mapping: Mapping[int, str], kept: Mapping[int, object],
                   keys: Mapping[str, str]) -> list[int]:
    """The columns whose cells make the effect together: the effect's own column, headed as a qualified effect,
    and every column kept in the notes (``kept``) headed so too; [] when there is no second one."""
    own = next((c for c, n in mapping.items() if n == EFFECT), None)
    if own is None or own >= len(headers) or not qualified_effect(str(headers[own] or ""), keys):
        return []
    others = [c for c in kept if c < len(headers) and c not in mapping and qualified_effect(str(headers[c] or ""), keys)]
    return sorted([own, *others]) if others else []
