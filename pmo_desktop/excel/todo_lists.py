"""A list of things to do, named so in any language, is an action list and stays out (issue 12, classes81).

The office keeps actions on the risk, issue or decision they answer (rounds 39 and 45, classes78): a sheet whose
columns name things to do and by when is refused saying so, with how to keep its rows as issues all the same. Two
such lists were read as records because their columns did not say it: "id | name | description | goal_id |
due_date | assignee | status" saved as "actions_teamflow.csv" (a "name" column taken as the title: 2 risks), and a
Chinese to-do list "序号 | 项目 | 备注" on "Sheet1" of a workbook named "待办事项" ("to-do items": 项目, "item", read
as the project, one project and one issue made and eight rows left out). Their names said what they are: a word of
the sheet's name (a sheet left "Sheet1", or a CSV's, by its workbook's) naming things to do ("todo", "por hacer",
"待办": ``todo_names`` in the words files; "actions", "acciones", which name a company's shares as often, only
beside a column naming things to do or by when, "Task", "due_date": ``action_names``), the name saying no register's
noun and no column saying the register's noun or two fields only the register has (a risk's probability and impact).

Decided once a sheet, by its name and its header. Words of Latin, Cyrillic and other spaced scripts match whole words
of the name (its "_" and "-" read as spaces: "transactions" holds no "actions"); words in Chinese, Japanese or Korean
script, written without spaces, match anywhere in it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..models.values import normalise_key
from .header_detection import (
    _FOREIGN_WHAT,
    HeaderMatch,
    _nouns,
    header_variants,
    named_by_its_first_words,
    named_by_its_last_words,
    specific_fields,
)
from .vocabulary import _files, foreign_words, word_key, words_of

_UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=None)
def todo_name_words(part: str = "todo_names") -> tuple[frozenset[str], frozenset[str]]:
    """(words of spaced scripts, each its keyed words joined by a space; words of unspaced scripts, keyed) naming a
    list of things to do: ``todo_names`` in the words files, or ``action_names`` (words that name a company's
    shares as often: "actions", "acciones", "ações", "azioni")."""
    spaced: set[str] = set()
    unspaced: set[str] = set()
    for data in _files():
        for w in data.get(part, ()):
            if _UNSPACED_RE.search(w):
                unspaced.add(word_key(w))
            else:
                spaced.add(" ".join(words_of(w)))
    return frozenset(spaced - {""}), frozenset(unspaced - {""})


def _named_by(name: str, part: str) -> bool:
    spaced, unspaced = todo_name_words(part)
    words = " ".join(words_of(re.sub(r"[_\-]+", " ", name)))
    if any(f" {w} " in f" {words} " for w in spaced):
        return True
    key = word_key(name)
    return any(w in key for w in unspaced)


def _says_to_do(headers: list[Any]) -> bool:
    """A header naming things to do or by when each is to be done ("Task", "due_date": ``foreign.actions``)."""
    words = foreign_words("actions", "items") | foreign_words("actions", "due")
    return any(k in words for h in headers if isinstance(h, str) and h.strip() for k in header_variants(h))


def todo_word(name: str, headers: list[Any] | None = None) -> str | None:
    """``name`` as written when it names a list of things to do, or None: by a ``todo_names`` word alone ("todo",
    "待办"), or by an ``action_names`` word ("actions", which names a company's shares too: "acoes.csv" of stock
    tickers) beside a header saying things to do or by when (``headers``: the table's header, or its first rows)."""
    if _named_by(name, "todo_names") or (headers is not None and _named_by(name, "action_names") and
                                         _says_to_do(headers)):
        return name.strip()
    return None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def todo_list(match: HeaderMatch, title: str, file_name: str | None, book: str | None = None) -> str | None:
    """Why a sheet read as a register is a list of things to do (its name, or its workbook's when the sheet is
    named by it, says so), or None. ``book``: the workbook's name, which, naming the register ("Issues Log.xlsx"),
    makes its "TODO" sheet that register's (round 16)."""
    kind = match.kind
    if kind.is_child or specific_fields(kind, match.mapping) >= 2:
        return None
    if book is not None and (named_by_its_last_words(kind, book) or named_by_its_first_words(kind, book)):
        return None
    nouns = _nouns(kind)
    if any(n in normalise_key(h) for h in match.headers if h for n in nouns):
        return None  # "Risk | Action | Owner | Due": the register's records, with what is done about each
    for name in dict.fromkeys(x for x in (title, file_name) if x):
        if kind.matches_sheet_name(name) or any(n in normalise_key(name) for n in nouns):
            return None  # a name saying the register's noun ("Risk actions") is read by the register's rules
        if todo_word(name, match.headers) is not None:
            return (f"{_FOREIGN_WHAT['actions']} (its name “{name.strip()}”), not the {kind.reg.title.lower()}: "
                    f"its name says things to do, and no column names {_a(kind.reg.noun)}.")
    return None
