"""A second table under the register with its own header row (classes64): after a gap under the records, a row of
labels only ("UC | Name | Documentation [h] | Coding [h] | …") where the register's rating, number and date columns
hold words that are none of their values. Unseen set 64 read a student team's use-case effort table under its
risks as seven more risks, and the figures beside as people. Such a row ends the register's table: it and the rows
under it are another table's, each said in the report, none a record.

Decided once per sheet, on the first such row: the columns it is asked of are the register's typed ones (a
level, a number, a date), where a data row holds a figure or a level word and a header holds a label. Two of
them at least must hold a label, and no cell of the row a figure: one odd word in a risk's rating (a typo, "TBD")
is a bad value, said on its row as before, not a table's end.

Or (left57) a row of short labels restating the register's own header in one column and naming others beside it
("No | Discussed items | Decisions | PIC" under "No | Name | Role | Organisation"): a meeting's points under its
attendees, read as three more stakeholders. A register with no typed column met no rule before.

Or (classes89) a row of short labels wider than the register's own header — filling two columns at least that the
header leaves unheaded, and writing none of its labels — after a gap (and a caption, most often): "Phase | Task /
Activity | PM | PO | TI" under a roles table "Code | Role | Organisation | Description", a RACI matrix of tasks
under the parties it names (unseen set 89). Its letters under the roles table's columns had made them fit no field,
and the roles table was refused; read with it, its tasks were 19 junk stakeholders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models.fields import Field, Kind
from .vocabulary import value_words, word_key

# the least number of typed columns holding a label for a row to read as another table's header
_LABELLED_TYPED = 2
_DIGIT_RE = re.compile(r"\d")
_LABEL_WORDS = 4  # words of a column's label at most


def same_label(cell: str, header: str) -> bool:
    """Whether a cell writes a header's text, whatever its case and spacing ("ISSUE  ID" under "Issue ID")."""
    return cell.strip() == header.strip() or " ".join(cell.split()).casefold() == " ".join(header.split()).casefold()


def _restates_a_header(row: Sequence[Any], fields: Sequence[tuple[int, Field]], headers: Sequence[Any]) -> bool:
    """A row of short labels (no figure, four words each at most) that writes the sheet's own header in one of its
    columns at least ("No" over "No") and other labels in two of the register's columns ("Discussed items",
    "Decisions" under "Name", "Role"): the
    header of a second table sharing the first's leading columns — a meeting's points under its attendees."""
    same = other = 0
    mapped = {c for c, _f in fields}
    for c, x in enumerate(row):
        if x.__class__ is not str or not x.strip():
            continue
        head = headers[c] if c < len(headers) else None
        if head.__class__ is str and head.strip() and same_label(x, head):
            same += 1
        elif c in mapped:
            other += 1
    filled = [x for x in row if x is not None and (x.__class__ is not str or x.strip())]
    return same >= 1 and other >= 2 and all(len(x.split()) <= _LABEL_WORDS for x in filled)


def wider_header(row: Sequence[Any], headers: Sequence[Any]) -> bool:
    """A row of three short labels at least (no figure, four words each at most) filling two columns or more that
    ``headers`` leaves unheaded, and two at least of those it heads, writing none of the header's labels: the
    header of a wider table of its own below (a RACI matrix of tasks under the roles it names), not a record
    written beside the table, nor a copy of the table set beside it (unseen set 69's "Ryzyka")."""
    filled = 0
    unheaded = 0
    under = 0  # labels over the header's own columns: a table below it, not one set beside it
    for c, x in enumerate(row):
        if x is None:
            continue
        if x.__class__ is not str or _DIGIT_RE.search(x) or len(x.split()) > _LABEL_WORDS:
            return False
        if not x.strip():
            continue
        filled += 1
        head = headers[c] if c < len(headers) else None
        if head.__class__ is str and head.strip():
            if same_label(x, head):
                return False  # the header written again over a wider row: the same table
            under += 1
        else:
            unheaded += 1
    return filled >= 3 and unheaded >= 2 and under >= 2


def unheaded_filled(row: Sequence[Any], headers: Sequence[Any]) -> set[int]:
    """The columns ``row`` fills that ``headers`` leaves unheaded."""
    return {c for c, x in enumerate(row) if x is not None and (x.__class__ is not str or x.strip()) and
            not (c < len(headers) and headers[c].__class__ is str and headers[c].strip())}


def another_header(row: Sequence[Any], fields: Sequence[tuple[int, Field]], headers: Sequence[Any] = ()) -> bool:
    """Whether ``row`` (a row after a gap under the records) reads as the header of another table."""
    filled = [x for x in row if x is not None and (x.__class__ is not str or x.strip())]
    if len(filled) < 3 or any(x.__class__ is not str for x in filled):
        return False
    if headers and not any(_DIGIT_RE.search(x) for x in filled) and _restates_a_header(row, fields, headers):
        return True  # (a figure in a row of texts: a record's)
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
