"""Letter grades whose direction the workbook states (issue 12, unseen set 74): a probability column of A–E is read
as a school's grades, A the highest, unless the workbook says otherwise — a key listing the letters with what each
means ("A | Extremely unlikely …", "E | Frequent …", on a legend sheet or beside the table), or the range written
above the header as a scale's numbers are ("(A - E)" over the column, as "(1 - 6)" stands over the one beside it):
the first letter the lowest step. Either gives the direction and the number of steps (five letters are the office's
five levels, A = 1); the reading is said in the sheet notes. Before, a CubeSat FMEA's key ran A = extremely
unlikely … E = frequent and its letters were read A → 4, B → 3, C → 2: every probability backwards, unsaid.
Decided once a column. No Qt, no openpyxl."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .vocabulary import range_join_words, value_words, word_key, words_of

# a bracketed remark after a key's words ("Remote (relatively few failures)")
_REMARK_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_FEWEST_KEYED = 3  # letters a key lists, A, B, C at least
_LONGEST_KEY = 3  # words of a key's level ("Reasonably Possible"), its bracketed remark left out


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern[str]:
    """A range of letters over a column, written as a scale's numbers are: "(A - E)", "A–E", "A to E", and in the
    words files' languages ("A bis E", "A a E", "A à E", "A до E": ``range_joins``, left57)."""
    joins = sorted(range_join_words(), key=len, reverse=True)
    words = "".join(f"|{re.escape(w)}" for w in joins)
    return re.compile(r"\(?\s*([A-Z])\s*(?:-|–|—|~|～" + words + r")\s*([A-Z])\s*\)?")


def letter_range(cell: Any) -> int | None:
    """The number of steps a range of letters above a header states, first letter A, running up ("(A - E)": 5);
    None for any other cell."""
    found = _range_re().fullmatch(cell.strip()) if isinstance(cell, str) else None
    if found is None or found.group(1) != "A" or found.group(2) <= "A":
        return None
    return ord(found.group(2)) - ord("A") + 1


def _word_level(text: str) -> int | None:
    """The level the office's words give a key's text ("Frequent (…)": 5), by the text whole or, past a qualifier,
    its last word ("Extremely unlikely": unlikely, 2); None when neither is a level word."""
    words = words_of(_REMARK_RE.sub(" ", text))
    if len(words) > _LONGEST_KEY:
        return None  # a sentence beside a letter, no key's level word
    levels = value_words("scale")
    for key in (word_key(" ".join(words)), word_key(words[-1]) if words else ""):
        if key and (level := levels.get(key)) is not None and level.isdigit():
            return int(level)
    return None


def lettered_key(rows: list[list[Any]]) -> dict[str, int]:
    """The steps a key of letters gives, letter → step from 1 (the lowest), from a run of rows whose first cell is
    the next letter from A with words beside it, when the office's words read its first and last lines as
    different levels: they say which way it runs. {} when the rows hold no such key."""
    for start, row in enumerate(rows):
        if _letter_row(row) != "A":
            continue
        texts: list[str] = []
        for line in rows[start:]:
            if _letter_row(line) != chr(ord("A") + len(texts)):
                break
            texts.append(next(str(x) for x in line[1:] if isinstance(x, str) and x.strip()))
        levels = [level for t in texts if (level := _word_level(t)) is not None]
        if len(texts) < _FEWEST_KEYED or len(levels) < 2 or levels[0] == levels[-1]:
            continue
        size = len(texts)
        rising = levels[0] < levels[-1]
        return {chr(ord("A") + i): (i + 1 if rising else size - i) for i in range(size)}
    return {}


def _letter_row(row: list[Any]) -> str | None:
    """The letter a key's line opens with ("A | Extremely unlikely"), its words in a cell after it; else None."""
    cells = [x for x in row if x is not None and str(x).strip()]
    if len(cells) < 2 or not isinstance(cells[0], str) or len(cells[0].strip()) != 1 or not cells[0].strip().isupper():
        return None
    return cells[0].strip() if any(isinstance(x, str) and len(x.strip()) > 1 for x in cells[1:]) else None


def stated_steps(letters: set[str], keys: list[dict[str, int]], above: Any) -> tuple[dict[str, int], int, str] | None:
    """(letter → step from 1, the number of steps, what stated it) for a column's letters (upper case), by the first
    of the workbook's keys (``lettered_key``) that lists them all, else by a range above the header
    (``letter_range``) that takes them in; None when the workbook states neither."""
    for key in keys:
        if key and letters <= set(key):
            return key, len(key), "the workbook's key of the letters"
    size = letter_range(above)
    if size is not None and all(ord(x) - ord("A") < size for x in letters):
        return {chr(ord("A") + i): i + 1 for i in range(size)}, size, f"the range “{above.strip()}” above the header"
    return None
