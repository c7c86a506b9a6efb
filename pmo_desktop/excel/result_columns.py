"""A tester's "Expected Result" and "Actual Result" columns side by side (issue 12, left39 and classes66a).

A defect report written in a test-case template names no column "Issue" or "Bug": what went wrong is the actual
result, what should have happened the expected one. Wherever such a pair of columns stands in a header row, the
actual result names the record — a sheet no header search reads (``defect_reports``) and a sheet whose header
row is found but names no title (``header_detection``'s fallback, which otherwise took the first column of texts:
103 defects of a QA team's tracker were titled by what should have happened, unseen set 66). Decided once, here.
"""

from __future__ import annotations

from typing import Any

from .vocabulary import word_key

_ACTUAL = frozenset(word_key(w) for w in (
    "actual result", "actual results", "actual", "actual output", "actual behaviour", "actual behavior",
    "observed result", "observed behaviour", "observed behavior", "result actual",
    "resultado obtenido", "resultado actual", "resultado real", "resultat obtenu", "фактический результат"))
_EXPECTED = frozenset(word_key(w) for w in (
    "expected result", "expected results", "expected", "expected output", "expected behaviour", "expected behavior",
    "result expected", "resultado esperado", "resultat attendu", "ожидаемый результат"))


def result_columns(row: list[Any]) -> tuple[int, int] | None:
    """(the actual result's column, the expected result's column) of a header row naming both, else None."""
    keys = [word_key(x) if isinstance(x, str) else "" for x in row]
    actual = next((c for c, k in enumerate(keys) if k in _ACTUAL), None)
    expected = next((c for c, k in enumerate(keys) if k in _EXPECTED), None)
    return None if actual is None or expected is None else (actual, expected)


# the lines of a defect's description a tester labels besides the actual result (labelled_results): what should
# have happened and what was put in
_INPUT = frozenset(word_key(w) for w in ("input", "inputs", "input data", "test input", "test data", "steps"))


def is_actual_label(key: str) -> bool:
    """Whether a word key names the actual result ("actual", "actual result", "observed behaviour")."""
    return key in _ACTUAL


def is_result_label(key: str) -> bool:
    """Whether a word key names a test's expected result or its input: a label beside the actual result's."""
    return key in _EXPECTED or key in _INPUT
