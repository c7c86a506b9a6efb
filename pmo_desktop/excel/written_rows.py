"""A row of written-out text: a row whose cells are sentences heads no table (issues 12 and 16, grid55).

A header names its columns in a few words ("Risk ID", "Who will deal with it?"). A row whose first dozen filled
cells are nearly all sentences is a grid of written-out text — a risk grid with a risk written in every cell, a
notebook pasted into Excel, a survey's free answers — or a record's values. The header search gives such a row up
at its first cells instead of asking every register of every cell: a 1,000 × 1,000 grid of sentences asked each of
its top rows' 512 cells of every register, and every row of the sheet again as a form's labels, and did not finish
planning. Decided once per row, from its first cells only, so it costs the same on any width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SENTENCE_WORDS = 6   # a cell of this many words or more is written out, a sentence: no column's name
# Chinese and Japanese write a sentence without spaces between its words: one "word" of any length. Such a text of
# this many characters of their scripts is a sentence (a word there is one to three characters: some six words or
# more); a header of theirs is short ("风险描述", "应对措施负责人")
SENTENCE_CHARS = 15
FIRST_CELLS = 12     # the filled cells a row is judged by, its first ones
WRITTEN_CELLS = 10   # ... of which this many sentences make the row written-out text


def _unspaced_chars(text: str) -> int:
    """The characters of ``text`` in scripts written without spaces (CJK ideographs, kana)."""
    return sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u4dbf" or
               "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


def is_sentence(text: str) -> bool:
    """Whether a cell's text (stripped) is written out: ``SENTENCE_WORDS`` words, or in Chinese or Japanese
    ``SENTENCE_CHARS`` characters of their scripts (grid55 counted words only: a grid of Chinese sentences, one
    "word" each, was searched cell by cell as before)."""
    if len(text.split(None, SENTENCE_WORDS)) >= SENTENCE_WORDS:
        return True
    return len(text) >= SENTENCE_CHARS and not text.isascii() and _unspaced_chars(text) >= SENTENCE_CHARS


def written_out(cells: Sequence[Any]) -> bool:
    """Whether a row (its cells as read, or as text with "" for an empty one) is written-out text: of its first
    ``FIRST_CELLS`` filled cells (it has that many at least), ``WRITTEN_CELLS`` or more are sentences, each other
    than the rest. A row label or two among them ("Very low (rare)" heading a grid's row, a record's field name)
    leave it written out; a narrow table's header, of fewer cells, is never one, nor a long caption merged over
    many columns ("Primary Assets (specify a separate column for each primary asset …)" over "C | I | A": one
    text however many cells it fills, round 34's)."""
    filled = 0
    sentences: set[str] = set()
    for cell in cells:
        if cell is None:
            continue
        text = cell.strip() if cell.__class__ is str else str(cell).strip()
        if not text:
            continue
        filled += 1
        if is_sentence(text):
            sentences.add(text)
        if filled == FIRST_CELLS:
            return len(sentences) >= WRITTEN_CELLS
    return False


WRITTEN_REASON = "its rows are sentences in nearly every cell"
MIN_WRITTEN_ROWS = 3  # rows of sentences a sheet's top rows hold at least to be said as written-out text


def written_sheet(rows: Sequence[Sequence[Any]]) -> str | None:
    """Why a sheet no header search reads is written-out text (its top ``rows``), or None: most of its filled rows
    are sentences in nearly every cell (``written_out``), three at least. Said as such in the report, not as a
    header not found (the header search gave those rows up unasked)."""
    filled = [row for row in rows if any(x is not None and str(x).strip() for x in row)]
    written = [row for row in filled if written_out(row)]
    if len(written) < MIN_WRITTEN_ROWS or len(written) * 2 < len(filled):
        return None
    first = next(str(x).strip() for x in written[0] if x is not None and is_sentence(str(x).strip()))
    shown = first if len(first) <= 60 else first[:57].rstrip() + "…"
    return (f"{WRITTEN_REASON} (“{shown}” …, {len(written)} of its first {len(rows)} rows): written-out text, such "
            "as a grid of risks written out or a survey's free answers, with no header row naming a table's columns.")
