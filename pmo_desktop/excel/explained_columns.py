"""A row under an empty template's header explaining each column (issue 12, classes72a).

A meeting's action-items template wrote, under "ID | % | Date Added | Owner | Description | Priority | Target
Date | …", a row saying what each column holds — "Unique ID", "Who is responsible for addressing the action
item?", "Date item was added to list.", "Code Red - All Hands On Deck / High / Med / Low" — then fifteen numbered
empty rows. The guidance rule (``vocabulary.guidance_row``) knows a hint by its first word ("Enter …", "A brief
description of …"), and none of these begins so: the row was made a risk titled "A complete detail of the action
item …" and a person "Who is responsible …?" (unseen set 72). Such a cell explains its column when it asks what
the column holds ("Who is responsible …?"), says its header's words and more ("Date item was added to list." under
"Date Added"), lists the column's choices one a line, or tells what to write as a guidance cell does. The row is
no record when two in three of its filled cells so explain and it is the only row of the sheet naming anything
(the template is empty): decided by the planner (``row_planner``), which skips it with its reason. A first record
whose cells happen to say their headers' words has records under it, and stays a record. No Qt, no database."""

from __future__ import annotations

from typing import Any

from .vocabulary import question_words, tells_what_to_write, value_words_every, word_key, words_of

# the fewest text cells a row explains its columns with: one or two are a record's as easily
_TEXTS_MIN = 3
# the fewest lines of choices a cell lists ("High / Med / Low" one a line)
_CHOICES_MIN = 2


def _asks(text: str) -> bool:
    """A question about the column: a question word first, a question mark last ("Who is responsible …?")."""
    words = words_of(text)
    return text.rstrip().endswith("?") and bool(words) and words[0] in question_words().said


def _says_its_header(text: str, header: Any) -> bool:
    """The header's words said again with more ("Unique ID" under "ID", "Completion date of action item." under
    "Done Date"): at least one word of the header among more words than the header has."""
    said = set(words_of(header)) - question_words().fillers
    words = words_of(text)
    return bool(said) and len(words) > len(words_of(header)) and not said.isdisjoint(words)


def _lists_choices(text: str) -> bool:
    """The column's choices, one a line ("Code Red …", "High", "Med", "Low"): two lines at least a value word."""
    every = value_words_every()
    return sum(1 for line in text.splitlines() if word_key(line) in every) >= _CHOICES_MIN


def explains_its_column(cell: Any, header: Any) -> bool:
    """Whether ``cell``, under ``header``, says what the column holds rather than holding it."""
    if not isinstance(cell, str) or not cell.strip():
        return False
    return _asks(cell) or _lists_choices(cell) or tells_what_to_write(cell) or _says_its_header(cell, header)


def explains_the_columns(cells: list[tuple[Any, Any]]) -> bool:
    """Of (cell, its column's header) pairs of a row, three texts at least, two in three of the filled cells
    explaining their columns (``explains_its_column``)."""
    filled = [(x, h) for x, h in cells if x is not None and str(x).strip()]
    if sum(1 for x, _h in filled if isinstance(x, str)) < _TEXTS_MIN:
        return False
    return sum(1 for x, h in filled if explains_its_column(x, h)) * 3 >= len(filled) * 2
