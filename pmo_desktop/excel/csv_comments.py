"""Comment lines of a CSV file (classes93): a Gantt tool's "milestones.csv" wrote its header, then six lines opening
with "#" explaining each column ("# nome_milestone : etichetta visibile della milestone …") and a commented-out
example ("# Fine OAuth2,103,103"), then its four milestones. Read as rows, the comments stood among the records and the
file was refused whole. A line under the first whose first filled cell opens with "#" and a space (or "##") and goes
on in words is the file's comment, as R, pandas and Gantt tools write them: it is read as no row (its cells blank, so
every rule sees the rows around it as they are) and said once in the sheet's note, with its text. The first line is
never one (a header "# ID | Title" is a header), nor is "#12" (a ticket's number), "# 12" (a number written after its
sign) or "#" alone (a number column). Where every line under the first opens so, none is a comment (fault75): a file
of comments only holds no records, so the "#" is how its first column writes its values ("# Infrastructure",
"# People" as categories) — read as comments, every record was dropped."""

from __future__ import annotations

import re
from typing import Any

_COMMENT_RE = re.compile(r"#(?:#+\s*|\s+)[^\W\d_]")  # goes on in a word, not a number
SHOWN = 2  # comment lines quoted in the note


def comment_lines(rows: list[list[Any]]) -> dict[int, str]:
    """Line number (1-based) → the comment's text, for the lines of ``rows`` (a CSV's) that are comments."""
    out: dict[int, str] = {}
    for number, row in enumerate(rows[1:], 2):
        first = next((x for x in row if x is not None and str(x).strip()), None)
        if isinstance(first, str) and _COMMENT_RE.match(first.strip()):
            out[number] = ",".join("" if x is None else str(x) for x in row).rstrip(",")
    filled = sum(1 for row in rows[1:] if any(x is not None and str(x).strip() for x in row))
    return {} if out and len(out) == filled else out  # every line so: the column's own way of writing, no comment


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
