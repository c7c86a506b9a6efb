"""A second table under the register with its own header row (classes64): after a gap under the records, a row of
labels only ("UC | Name | Documentation [h] | Coding [h] | …") where the register's rating, number and date columns
hold words that are none of their values. Unseen set 64 read a student team's use-case effort table under its
risks as seven more risks, and the figures beside as people. Such a row ends the register's table: it and the rows
under it are another table's, each said in the report, none a record.

Decided once per sheet, on the first such row: the columns it is asked of are the register's typed ones (a
level, a number, a date), where a data row holds a figure or a level word and a header holds a label. Two of
them at least must hold a label, and no cell of the row a figure: one odd word in a risk's rating (a typo, "TBD")
is a bad value, said on its row as before, not a table's end."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models.fields import Field, Kind
from .vocabulary import value_words, word_key

# the least number of typed columns holding a label for a row to read as another table's header
_LABELLED_TYPED = 2
_DIGIT_RE = re.compile(r"\d")


def another_header(row: Sequence[Any], fields: Sequence[tuple[int, Field]]) -> bool:
    """Whether ``row`` (a row after a gap under the records) reads as the header of another table."""
    filled = [x for x in row if x is not None and (x.__class__ is not str or x.strip())]
    if len(filled) < 3 or any(x.__class__ is not str for x in filled):
        return False
    levels = value_words("scale")
    labelled = 0
    for c, f in fields:
        if not (f.kind is Kind.SCALE or f.kind is Kind.DATE or f.kind.numeric) or c >= len(row):
            continue
        x = row[c]
        if x.__class__ is not str or not x.strip():
            continue
        if _DIGIT_RE.search(x) or word_key(x) in levels:
            return False  # "3", "2024-05-01", "High": a record's value, however odd the rest
        labelled += 1
    return labelled >= _LABELLED_TYPED
