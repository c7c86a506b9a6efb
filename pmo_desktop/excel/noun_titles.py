"""A column headed "the name of the record" in the register's own noun (issue 12, classes75a).

A Colombian builder's 2,883 site notifications (unseen set 75) headed their name column "NOMBRE DE INCIDENCIA"
("the incident's name") beside "DESCRIPCIÓN". Neither word alone is a title header of the Spanish words file the
way it is written here, and the column's first 200 rows are empty (the older notifications were never named),
so the sample under the header held no names to find it by: the description's first sentence titled all 2,883
and the names the office gave 2,163 of them were kept in the notes.

The header says what it is by its words alone: a plain title word ("nombre", "título", "Название", "名称":
``plain_titles`` in the words files) and one of the register's nouns ("incidencia", "problema", "defect":
``nouns``), and nothing else but short joining words ("de", "do", "of"). It is decided once a sheet from the
header; the rows it leaves empty are titled by their description (``untitled_rows``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from .vocabulary import plain_title_words, word_key, words_of

# the longest joining word left out between the two ("de", "del", "do", "of", "la"): a word of three letters
# or fewer
_JOINING_LETTERS = 3


def noun_named_column(row: list[Any], taken: Collection[int], a_noun: Callable[[str], bool]) -> int | None:
    """The first column not ``taken`` whose header is a plain title word and a noun of the register (``a_noun``)
    with only joining words between or around them, else None."""
    titles = plain_title_words()
    for c, cell in enumerate(row):
        if c in taken or cell.__class__ is not str:
            continue
        words = [w for w in words_of(cell) if len(w) > _JOINING_LETTERS]
        if len(words) != 2:
            continue
        keys = [word_key(w) for w in words]
        if any(k in titles for k in keys) and any(a_noun(k) for k in keys if k not in titles):
            return c
    return None
