"""Rows that name themselves as things of another kind than the register read (issue 12, round 61's held-out miss).

Cities' climate actions saved as "actions.csv" ("id | city | actionName | category | investmentUSD | status |
description | owner") were read as risks, each titled by its description, because a risk register's words place
the ID, the category, the status and the owner — while the column that names each row, "actionName", was kept in
the notes. Two signs say what the rows are: a column headed by a noun and a naming word ("actionName", "Action
Title") holding one name a row, and the sheet's or the file's own name saying the same noun ("actions"). When that
noun names none of the office's registers, the rows are those things, not the register's records.

Decided once per sheet from its header, its name and the sample under the header; nothing per row. A risk register
with a "Project Name" column is kept: the sheet or file must be named for the same noun and not for the register's
own ("Project risks.csv" is a register of risks by project), and a noun naming one of our registers ("issueName" in
"issues.csv") is left to that register's reading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .header_detection import ALL_KINDS, HeaderMatch, singular_word
from .vocabulary import naming_words, register_nouns, words_of

_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "actionName" is the words "action name"
MIN_ROWS = 3  # a sample this small says nothing of a column
OTHER_THINGS_REASON = "its rows name themselves as "  # how the refusal begins (a workbook of nothing else says it)


@lru_cache(maxsize=1)
def _all_register_nouns() -> frozenset[str]:
    return frozenset(singular_word(n) for k in ALL_KINDS for n in register_nouns(k.register))


def _named_noun(header: Any) -> str | None:
    """The noun of a header made of one noun and one naming word ("actionName" → "action"), or None."""
    words = [singular_word(w) for w in words_of(_CAMEL_RE.sub(" ", str(header or "")))]
    naming = [w for w in words if w in naming_words()]
    if len(words) != 2 or len(naming) != 1:
        return None
    noun = next(w for w in words if w not in naming)
    return noun if noun.isalpha() else None


def named_as_other_things(match: HeaderMatch, rows: list[list[Any]], sheet_title: str, book: str) -> str | None:
    """Why the sheet's rows are things its own name and a naming column call otherwise than the register's records
    (see the module's note), or None."""
    if match.kind.is_child or "title" not in match.mapping.values():
        return None
    said = {singular_word(w) for text in (sheet_title, book) for w in words_of(_CAMEL_RE.sub(" ", text))}
    if said & {singular_word(n) for n in register_nouns(match.kind.register)}:
        return None  # "Project risks.csv": the name says the register's records too, of each project
    for c, header in enumerate(match.headers):
        if c in match.mapping or (noun := _named_noun(header)) is None or noun not in said or \
                noun in _all_register_nouns():
            continue
        names = [str(r[c]).strip() for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if len(names) < MIN_ROWS or len(set(names)) < len(names):
            continue  # one name a row, or the column names no thing
        record = match.kind.reg.noun
        return (f"{OTHER_THINGS_REASON}{noun}s, not {record} records: “{header}” names each (“{names[0]}”) "
                f"as the sheet's or the file's name does, where a {record} would be titled by its "
                f"“{match.headers[next(k for k, n in match.mapping.items() if n == 'title')]}”.")
    return None
