"""Two kinds of row in one table, linked by their IDs (issue 12, round 40's junk).

A help bot's "issues.xlsx" keeps in one table ("IssueID | ParentID | Label | Solution") the applications it
knows (A1 … A12, each listing under "ParentID" the known issues that touch it, "I1,I2") and the known issues
(I1 … I5, each with its solution). Read as one issue log, the 12 applications became 12 junk issues.

What tells the two kinds apart is the table's own structure, not the letters themselves:

- the IDs fall into exactly two families, each written as letters then a number ("A7", "I-2");
- one family's rows point at the other's through a column of the same table's IDs (one or several, "I1,I2");
- those pointing rows fill nothing but their ID, their name and that column, while the other family fills a
  column of its own there ("Solution") that the pointing rows leave empty.

The pointing rows then name the things the records concern (applications, systems, sites), not records: each is
left out with the reason, the records imported. A family whose rows carry anything more (an owner, a date, a
description) is kept; so is a log of sub-issues numbered like their parents (one family).

Decided once per sheet from the first rows under the header; each row is then tested on its own cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..models.fields import a_noun
from .header_detection import HeaderMatch

_ID_RE = re.compile(r"^([^\W\d_]+)[-_ .]?\d+$")
_LIST_RE = re.compile(r"[,;\s]+")
MIN_ROWS = 2  # rows of each family: one row of a kind says nothing of the kind


def _text(row: Sequence[Any], c: int | None) -> str:
    return str(row[c]).strip() if c is not None and c < len(row) and row[c] is not None else ""


def _family(code: str) -> str | None:
    m = _ID_RE.match(code)
    return m.group(1).casefold() if m else None


def _filled_beyond(row: Sequence[Any], own: set[int]) -> bool:
    return any(_text(row, c) for c in range(len(row)) if c not in own)


def rows_of_another_kind(match: HeaderMatch, rows: list[list[Any]]) -> Callable[[Sequence[Any]], str | None] | None:
    """A row filter leaving out the rows of the pointing family (see the module's text), or None."""
    reg = match.kind.reg
    if match.kind.is_child or reg.key_field is None:
        return None
    code = next((c for c, n in match.mapping.items() if n == reg.key_field.name), None)
    title_name = next((f.name for f in reg.fields if f.required), None)
    title = next((c for c, n in match.mapping.items() if n == title_name), None)
    coded = [r for r in rows if _text(r, code)]
    families = Counter(_family(_text(r, code)) for r in coded)
    if code is None or title is None or None in families or len(families) != 2 or min(families.values()) < MIN_ROWS:
        return None
    ids = {_text(r, code).casefold(): _family(_text(r, code)) for r in coded}
    width = max(len(r) for r in coded)
    for link in range(width):
        if link in (code, title):
            continue
        pointing = [r for r in coded if _text(r, link)]
        if len(pointing) < MIN_ROWS:
            continue
        owners = {_family(_text(r, code)) for r in pointing}
        targets = {ids.get(t.casefold()) for r in pointing for t in _LIST_RE.split(_text(r, link)) if t}
        if len(owners) != 1 or len(targets) != 1 or owners == targets or None in targets:
            continue  # not a column of the other family's IDs, written on one family's rows alone
        mine = next(iter(owners)) or ""  # every ID is in a family (checked above)
        own = {code, title, link}
        others = [r for r in coded if _family(_text(r, code)) != mine]
        if any(_filled_beyond(r, own) for r in coded if _family(_text(r, code)) == mine):
            return None  # the pointing rows say something of their own: records too
        content = next((c for c in range(width) if c not in own and
                        sum(1 for r in others if _text(r, c)) * 2 >= len(others)), None)
        if content is None:
            return None
        written = _ID_RE.match(_text(others[0], code))
        return _filter(match, code, link, content, mine, written.group(1) if written else "", own)
    return None


def _filter(match: HeaderMatch, code: int, link: int, content: int, mine: str, theirs: str,
            own: set[int]) -> Callable[[Sequence[Any]], str | None]:
    noun = match.kind.reg.noun
    link_header = str(match.headers[link]).strip() if link < len(match.headers) else f"column {link + 1}"
    content_header = str(match.headers[content]).strip() if content < len(match.headers) else f"column {content + 1}"

    def why(row: Sequence[Any]) -> str | None:
        said = _text(row, code)
        if _family(said) != mine or _filled_beyond(row, own):
            return None
        return (f"“{said}” is a row of another kind in the same table (IDs “{said[:len(mine)]}…” beside the "
                f"{noun}s' “{theirs}…”): it names something and lists under “{link_header}” the {noun}s that "
                f"concern it, with none of their own columns (“{content_header}”) filled; not {a_noun(noun)}.")

    return why

