"""A tracker's "Task" that is a defect report (issue 12, left62).

An issue tracker's export keeps its bugs beside its planned work, and the rows typed as planned work (a task, a
story, a feature) are left out of the issue log, each said (``header_detection.raid_filter``). A tester typing a
defect report as a "Task" writes it as the bugs beside it all the same: steps to reproduce and an actual result,
as labelled lines of its description ("### Steps to reproduce", "**Фактический результат:**") or under columns
headed so. Such a row is kept as an issue, and the sheet's notes say which rows were (a QA course's YouTrack
export: three defect reports typed Task were left out as backlog work, unseen set 94). A task with neither stays
out: an expected result alone is a test case's, and a severity any tracker may give any row.

Decided per row, by the row's own fields; the words are the words files' ``bug_steps`` and ``results``' actual
(``result_columns``), in every language of the files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .result_columns import is_actual_label
from .vocabulary import bug_steps_words, word_key

_LABEL_MAX = 40  # characters: a longer line is text, not a label
# markdown and list marks around a label line ("### Steps to reproduce", "**Actual result:**", "- Steps:")
_MARKS_RE = re.compile(r"^[\s#*_>\-•]+|[\s#*_:：]+$")


def _defect_label(key: str) -> bool:
    return bool(key) and (is_actual_label(key) or key in bug_steps_words())


def defect_label(row: Sequence[Any], headers: Sequence[Any]) -> str | None:
    """The label saying a row is a defect report — a filled cell under a header naming the steps to reproduce or
    the actual result, or a line of a text cell labelled so — as written, else None."""
    for c, cell in enumerate(row):
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        head = headers[c] if c < len(headers) else None
        if isinstance(head, str) and _defect_label(word_key(head)):
            return head.strip()
        if not isinstance(cell, str) or "\n" not in cell:
            continue
        for line in cell.splitlines():
            label = _MARKS_RE.sub("", line.split(":", 1)[0] if ":" in line.strip(" *:") else line)
            if label and len(label) <= _LABEL_MAX and _defect_label(word_key(label)):
                return label
    return None
