"""A record written over several rows, one numbered step a row (issue 12, classes68b).

A tester writes a bug on its first row (ID, status, summary, the first step "1." and its result) and each further
step on a row of its own below it: the step's number, its text, the actual and expected result, a screenshot's
link. Such a row fills no title and no ID, and opens with a number as a form's section heading does ("3. | Click
Registration"), so it was skipped as a heading and the step showing the defect was lost (unseen set 67: 7 of a
tester's 24 bugs). What tells it apart is the number itself: it goes on with the numbering the record above has
written in the same column ("1.", "2." then "3."), where a section heading starts a numbering of its own.
And two such bugs under one summary are two tests of it, not a copy (``told_apart``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .vocabulary import result_words, word_key

_STEP_RE = re.compile(r"^\s*(\d{1,3})[.)]?\s*$")


def _step(text: str) -> int | None:
    m = _STEP_RE.match(text)
    return int(m.group(1)) if m else None


def step_number(value: Any) -> int | None:
    """The step a cell numbers ("3.", "3", 3), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if 0 < value < 1000 else None
    return _step(value) if isinstance(value, str) else None


def next_step(above: Any, below: Any) -> bool:
    """Whether ``below`` numbers the step after the last one ``above`` holds (the record's cell, its rows joined
    one a line: "1.\\n2." then "3."), the record's first step having been numbered there too."""
    if not isinstance(above, (str, int, float)) or isinstance(above, bool):
        return False
    lines = [x for x in str(above).splitlines() if x.strip()] if isinstance(above, str) else [above]
    if not lines or step_number(lines[0]) is None:
        return False
    last, then = step_number(lines[-1]), step_number(below)
    return last is not None and then is not None and then == last + 1


def _result_column(header: Any) -> bool:
    key = word_key(header) if isinstance(header, str) else ""
    return bool(key) and any(key in result_words(part) for part in ("actual", "expected", "input"))


def told_apart(row: Sequence[Any], first: Sequence[Any], headers: Sequence[Any], went_on: bool) -> bool:
    """Whether a row repeating a tester's record's summary is a record of its own: it writes a step or a result
    (a column headed by the words files' ``results``) and either writes one of them otherwise than the record,
    or the record went on over rows below (``went_on``), so its first row is not all there is to compare. The
    same summary over other steps is another test of the same thing, not the record pasted again."""
    filled = [c for c, h in enumerate(headers) if c < len(row) and _filled(row[c]) and _result_column(h)]
    if not filled:
        return False
    return went_on or any(str(row[c]).strip() != str(first[c] if c < len(first) else "").strip() for c in filled)


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
