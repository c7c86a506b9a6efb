"""A CSV that a spreadsheet opened in one column and saved again: the text of the CSV it was, taken back out.

A comma-separated file opened by an Excel whose list separator is the semicolon (as in most of Europe) lands
with each line in column A; saved again as CSV, every line becomes that one cell, quoted where it holds quotes,
followed by the row's empty cells (a line ``"2229968422,Improve …,""While …"",2024-04-07";;;;;``), and a cell typed over several
lines is cut into rows at each line break. Read as it stands, it is one column of text and was refused whole
(a 470-issue GitHub dump, import round 32's held-out set). Each row's one cell, joined back with the line
breaks, is the original file, which the reader then reads as any CSV.

Only a file of that shape is unwrapped: its first line ends in a run of one delimiter, every row has the same
number of cells, most rows fill only the first, and the first line's cell is itself a header of at least
three cells under another delimiter. A line of the original holding that delimiter was split at it when opened
(a body's "CREATE DATABASE x;"): its cells are joined back at it. A one-column list whose cells hold commas has
no such run and stays as it is.
No Qt, no database: text in, text out.
"""

from __future__ import annotations

import csv
import io
import re

_OUTER = (";", "\t", ",")
_FILLED_RE = re.compile(r"\S")


def first_filled_line(text: str) -> str | None:
    """The first line of ``text`` holding something other than blanks, whole (its leading blanks kept), or None.
    Found from the first such letter, in C: a search for the line itself (``[^\\n]*?\\S``) tried each start
    of a line of blanks again to its end — a CSV opening with 100,000 spaces took 25 s before any reading."""
    found = _FILLED_RE.search(text)
    if found is None:
        return None
    at = found.start()
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:len(text) if end < 0 else end]


def unwrapped(text: str) -> tuple[str, str] | None:
    """The CSV inside ``text`` and its delimiter when ``text`` is a CSV saved again from one column, else
    None. The delimiter is the one the first line's cell splits at: a guess from the rest would be misled by
    the quotes and commas of the cells' own text."""
    # the first line found alone: a list of every line of a 200 MB file was 300 MB more to hold
    first = (first_filled_line(text) or "").rstrip("\r")
    for outer in _OUTER:
        run = len(first) - len(first.rstrip(outer))
        if run == 0:
            continue
        rows = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=outer) if r]
        if len(rows) < 2 or any(len(r) != run + 1 for r in rows):
            return None  # a spreadsheet pads every row it saves to the same width
        header = rows[0][0]
        inner = next((d for d in _OUTER if d != outer and len(next(csv.reader([header], delimiter=d))) >= 3), None)
        if inner is None:
            return None
        if 2 * sum(not any(c.strip() for c in r[1:]) for r in rows) <= len(rows):
            return None  # a table of its own whose header leaves its other cells empty: its rows fill them
        # A line the spreadsheet split at the delimiter it was opened with is joined back at it.
        return "\n".join(outer.join(r).rstrip(outer) for r in rows), inner
    return None
