"""A defect's description written as labelled lines — "Input: …", "Expected: …", "Actual: …" (issue 12, classes67).

A test team writes each defect in one cell: what was typed, what should have happened, what happened, and often why
it matters, one labelled line each. With no title column the record was titled by the cell's first line, which is
"Expected: …" or "Input: …" — what should have happened, or the input, not the defect (80 defects of a student
team's log, unseen set 67). The defect is the "Actual" line: it titles the record, the cell kept whole in the
description. Decided once per column: only where most of its cells carry an "Actual" line among other labelled
lines, so a single description that happens to say "Actual:" changes nothing. The label words are
``result_columns``' own, the words files' ``results`` in every language ("Фактический результат:", "Resultado
actual:", "Ist:" — classes68b; English only before).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .result_columns import is_actual_label, is_result_label
from .vocabulary import word_key

# a line opening with a label of a few words and a colon: "Actual: …", "Actual result: …", "Business impact: …"
_LABEL_RE = re.compile(r"^\s*[-•*]?\s*([^\W\d_][^\W\d_ '’.-]*(?:[ '’.-]+[^\W\d_]+){0,3})\s*:\s*(\S.*?)\s*$")
# where a labelled line ends: a line break, or a run of spaces before the next label (classes69c: a Spanish defect
# report writes "Resultado Obtenido: … Resultado esperado: …" on one line, its parts padded apart with spaces)
_LABEL_BREAK_RE = re.compile(r"\r?\n|[ \t]{3,}(?=[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3} ?:)")
LABELLED_SHARE = 0.5  # more than this share of a column's texts carry the labels: the column is read so


def actual_line(text: Any) -> str | None:
    """The text of a cell's "Actual: …" line when the cell is made of labelled lines (another beside it names an
    expected result or an input), else None."""
    if not isinstance(text, str) or ("\n" not in text and "   " not in text):
        return None
    actual: str | None = None
    others = 0
    for line in _LABEL_BREAK_RE.split(text):
        if (m := _LABEL_RE.match(line)) is None:
            continue
        key = word_key(m.group(1))
        if is_actual_label(key):
            actual = actual if actual is not None else m.group(2)
        elif is_result_label(key):
            others += 1
    return actual if others else None


def labelled_column(cells: Iterable[Any]) -> bool:
    """Whether a column's texts are labelled results: most of its non-empty texts have an "Actual" line."""
    texts = [c for c in cells if isinstance(c, str) and c.strip()]
    return bool(texts) and sum(actual_line(c) is not None for c in texts) > LABELLED_SHARE * len(texts)
