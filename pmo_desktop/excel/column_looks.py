"""The looks at an ordinary row's ID, title and first cell (a template's worked example, a title saying nothing, a
total), decided once a column for the one-step plan of a sheet's rows (``row_planner._plan_ordinary``).

Each look asked of every row cost some 10,000 instructions a row on a register whose IDs and titles are all
different (speed67): a key made, a pattern tried, a title's words found. Over a column held whole the same
questions are asked once, of its texts joined in C, and answered for every cell: "none of them can be" lets the
planner skip the look on each of its rows; "one might" leaves every row looked at as before. Each answer errs only
towards looking: a text joined to the next may show a match neither holds, never hide one."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from .vocabulary import example_words, keys_of, sample_words, words_of_all

# what a cell can hold besides a text: none reads as a total's word (``values.parse_text`` writes digits, a date)
_NOT_TEXT = frozenset({int, float, bool, date, datetime, time, timedelta})


@lru_cache(maxsize=None)
def example_re() -> re.Pattern[str]:
    """Any of the example words, found in a value's letters and digits run together."""
    return re.compile("|".join(sorted(map(re.escape, example_words()), key=len, reverse=True)) or "(?!)")


def no_example_ids(texts: Sequence[str]) -> bool:
    """No text can mark the template's worked example as an ID (``row_planner._example``, which asks only an ASCII
    ID whose key the example words' pattern finds): every one ASCII and the pattern found in none of their keys,
    searched once over the keys joined at NULs (no example word holds one, so none is found across two)."""
    return all(map(str.isascii, texts)) and example_re().search("\0".join(keys_of(texts))) is None


def no_example_titles(texts: Sequence[str], nothing: Collection[str]) -> bool:
    """No text can be the worked example's title (``row_planner._example_title`` needs an example or a sample word
    among its words, or among those before a dash or a colon, which are its words too) nor says nothing (its
    whole key a word of ``nothing``)."""
    return (example_words() | sample_words()).isdisjoint(words_of_all(texts)) and \
        not any(map(nothing.__contains__, keys_of(texts)))


@lru_cache(maxsize=None)
def _at_each_line(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags | re.M)


def no_totals(cells: Sequence[Any], total: re.Pattern[str]) -> bool:
    """No cell opens with a total's word (``total``, anchored at the start, as matched on the stripped text): the
    texts joined at line breaks and searched once at each line's start (a text's own line break adds places to
    look, never hides one; ``\\s*`` at the start takes the spaces ``strip`` would have); the other cells numbers,
    dates or flags."""
    texts = [x for x in cells if x.__class__ is str]
    if len(texts) != len(cells) and not {x.__class__ for x in cells if x.__class__ is not str} <= _NOT_TEXT:
        return False
    return _at_each_line(total).search("\n".join(texts)) is None
