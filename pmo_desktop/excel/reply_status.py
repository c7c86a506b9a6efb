"""A reply that is a status word (issue 12, classes69c).

A customer's list of problems answered by the developer in a column beside each ("说明", "Reply", "Comments"):
where the sheet has no status column, the reply is where it says a problem is over — "done", "done；the field
was already there", "已完成", "erledigt". Such rows came in Open, the word only in the description or the notes
(unseen set 69). In the column read as the records' description, a cell that is a closing status word of the register (``values`` → ``<register>.status``), or
begins with one before a semicolon, a colon or a line break, gives the record that status. Decided per cell,
only on a sheet with no status column, only for a status other than a new record's own (an "Open" written there
says nothing the default does not), and said in the sheet's notes. A yes or a no (``bool``), which some status
lists hold, answers the column's own question ("major_update: Yes"), not whether the record is over.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .vocabulary import value_words, word_key

# where a reply's first part ends: "done；客户信息中已有所属行业" is "done" and why
_PART_END_RE = re.compile(r"[;；:：\n]")
# longer than a status word with its punctuation: a sentence, not a status
_LONGEST = 30


def said_status(text: object, register: str, choices: Collection[str], default: object) -> str | None:
    """The status a reply cell says ("done" → Resolved), or None."""
    if not isinstance(text, str):
        return None
    first = _PART_END_RE.split(text.strip(), maxsplit=1)[0].strip()
    if not first or len(first) > _LONGEST:
        return None
    key = word_key(first)
    if key in value_words("bool"):
        return None  # "Yes", "No": the answer to the column's question ("major_update"), which no status word says
    choice = value_words(f"{register}.status").get(key)
    return choice if choice is not None and choice in choices and choice != default else None
