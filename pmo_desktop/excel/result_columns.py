"""A tester's "Expected Result" and "Actual Result" columns side by side (issue 12, left39 and classes66a).

A defect report written in a test-case template names no column "Issue" or "Bug": what went wrong is the actual
result, what should have happened the expected one. Wherever such a pair of columns stands in a header row, the
actual result names the record — a sheet no header search reads (``defect_reports``) and a sheet whose header
row is found but names no title (``header_detection``'s fallback, which otherwise took the first column of texts:
103 defects of a QA team's tracker were titled by what should have happened, unseen set 66). Decided once, here.
The words are the words files' ``results`` (classes68b: English only before, so "Фактический результат",
"Resultado actual", "Ist" / "Soll" read nothing), headers and a description's line labels alike.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import result_words, word_key


def result_columns(row: list[Any]) -> tuple[int, int] | None:
    """(the actual result's column, the expected result's column) of a header row naming both, else None."""
    keys = [word_key(x) if isinstance(x, str) else "" for x in row]
    actual_words, expected_words = result_words("actual"), result_words("expected")
    actual = next((c for c, k in enumerate(keys) if k in actual_words), None)
    expected = next((c for c, k in enumerate(keys) if k in expected_words), None)
    return None if actual is None or expected is None else (actual, expected)


def is_actual_label(key: str) -> bool:
    """Whether a word key names the actual result ("actual", "actual result", "observed behaviour")."""
    return key in result_words("actual")


def is_result_label(key: str) -> bool:
    """Whether a word key names a test's expected result or its input (its steps): a label beside the actual
    result's."""
    return key in result_words("expected") or key in result_words("input")
