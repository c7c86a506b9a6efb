"""Round speed69 (issue 16): work an import did again and again, done once (counted, never timed).

The words of every file's value lists (``vocabulary.value_words_every``: some 5,900 words, each keyed) were made
again for each cell that the look for a row explaining its columns asked of them (``explained_columns``): 15 times
for a 2,000-risk register, 142 M instructions, 5 % of its import (docs/speed.md, round speed69)."""

from __future__ import annotations

from typing import Any

import pytest

from pmo_desktop.excel import explained_columns, vocabulary

# a template's row under its header saying what each column holds: two cells list the column's choices one a line
EXPLAINING = [("Who is responsible for the action?", "Owner"), ("High\nMedium\nLow", "Priority"),
              ("Open\nClosed", "Status"), ("Date the item was added to the list.", "Date Added")]


def test_the_value_words_of_every_file_are_keyed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows asking whether their cells list a column's choices key no value word again (main: every one of the
    files' value words for each cell asked, some 5,900 a cell), and the row is still found to explain its columns."""
    assert explained_columns.explains_the_columns(EXPLAINING)  # the words made at a first look, in any case
    keyed: list[Any] = []
    real = vocabulary.word_key
    monkeypatch.setattr(vocabulary, "word_key", lambda text: keyed.append(text) or real(text))
    for _ in range(3):
        assert explained_columns.explains_the_columns(EXPLAINING)
    assert keyed == []


def test_the_value_words_are_the_files_words() -> None:
    """What is kept is every value word of every file, keyed, as it was made each time."""
    made = {vocabulary.word_key(w) for data in vocabulary._files() for words in data.get("values", {}).values()
            for ws in words.values() for w in ws}
    assert vocabulary.value_words_every() == made
    assert {"high", "low", "closed"} <= made
