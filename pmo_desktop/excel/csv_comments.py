"""Comment lines of a CSV file (classes93): a Gantt tool's "milestones.csv" wrote its header, then six lines opening
with "#" explaining each column ("# nome_milestone : etichetta visibile della milestone …") and a commented-out
example ("# Fine OAuth2,103,103"), then its four milestones. Read as rows, the comments stood among the records and the
file was refused whole. A line under the first whose first cell opens with "#" and a space (or "##") and goes on in
words, above the records or below them all, is the file's comment, as R, pandas and Gantt tools write them: it is
read as no row (its cells blank, so every rule sees the rows around it as they are) and said once in the sheet's note,
with its text. The first line is never one (a header "# ID | Title" is a header), nor is "#12" (a ticket's number)
or "#" alone (a number column), nor a "#" line between records (review62: ``comment_lines``). Where every line
under the first opens so, none is a comment (fault75): a file of comments only holds no records, so the "#" is how
its first column writes its values ("# Infrastructure", "# People" as categories) — read as comments, every record
was dropped."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

# "#", a space (or "##"), then a word's letter: "# 1" is a number written with its sign, as an ID column writes it
_COMMENT_RE = re.compile(r"#(?:#+\s*|\s+)[^\W\d_]")
SHOWN = 2  # comment lines quoted in the note


def comment_lines(rows: list[list[Any]]) -> dict[int, str]:
    """Line number (1-based) → the comment's text, for the lines of ``rows`` (a CSV's) that are comments.

    The "#" opens the line — its first cell, as R's ``comment.char`` and pandas' ``comment`` read a line — and the
    line stands above the records (no more than two lines of text above it: a caption and the header) or below
    them all. A "#" line between records, or one whose "#" is not in its first cell, is a record written with a
    "#" ("# of failed logins doubled", under an empty ID): read as a row, as every other line (review62: stop 61's
    rule took such a record for a comment, and it was lost)."""
    found: dict[int, str] = {}
    filled: list[int] = []  # the lines of text that are no comments
    for number, row in enumerate(rows, 1):
        cells = [x for x in row if x is not None and str(x).strip()]
        if not cells:
            continue
        first = row[0]
        if number > 1 and isinstance(first, str) and _COMMENT_RE.match(first.strip()):
            found[number] = ",".join("" if x is None else str(x) for x in row).rstrip(",")
        else:
            filled.append(number)
    out: dict[int, str] = {}
    for number, text in found.items():
        above = bisect_left(filled, number)
        if above <= 2 or above == len(filled):
            out[number] = text
    # every line so: the column's own way of writing, no comment (fault75)
    return {} if found and not any(n > 1 for n in filled) else out


def blanked(rows: list[list[Any]], comments: dict[int, str]) -> list[list[Any]]:
    """``rows`` with each comment line's cells blank (its place kept, so row numbers stay the file's lines)."""
    return [[None] * len(row) if number in comments else row for number, row in enumerate(rows, 1)]


def comments_said(comments: dict[int, str]) -> str:
    """The sheet note saying a CSV's comment lines were read as no row."""
    lines = sorted(comments)
    where = f"line {lines[0]}" if len(lines) == 1 else \
        (f"lines {lines[0]}–{lines[-1]}" if lines[-1] - lines[0] + 1 == len(lines) else
         f"{len(lines)} lines ({', '.join(map(str, lines[:6]))}{' …' if len(lines) > 6 else ''})")
    quoted = "; ".join(f"“{_short(comments[n])}”" for n in lines[:SHOWN]) + (" …" if len(lines) > SHOWN else "")
    return (f"The CSV's {where} open{'s' if len(lines) == 1 else ''} with “#”: "
            f"{'its comment' if len(lines) == 1 else 'its comments'} ({quoted}), read as no record.")


def _short(text: str, most: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"
