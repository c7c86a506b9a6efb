"""Lengths said of a cell the reader cut (fault66).

A cell longer than Excel lets one be is read only to its first 32,768 letters (``workbook_reader``, fault65: a
50 MB line was looked through whole for header words). Its row is refused, but a length counted on what was read
is the cut's, not the file's: a CSV cell of 40,000 characters was said to have "held 32,768". What is known is
said instead — more than 32,767 — wherever a message counts such a cell."""

from __future__ import annotations

from typing import Any

from .workbook_reader import LONGEST_CELL


def was_cut(value: Any) -> bool:
    """True of a text as long as the reader's cut leaves one (or one as long, uncut: "more than" is true of it)."""
    return value.__class__ is str and len(value) > LONGEST_CELL


def characters(count: int, cut: bool) -> str:
    """“40,000 characters”'s words for a count of ``count``, or what is known where a cut cell was counted."""
    return f"more than {LONGEST_CELL:,} characters" if cut else f"{count:,} characters"
