"""A sheet holding a pasted JSON (or code) export: no register's table, whatever its keys name.

A threat-modelling tool's JSON pasted into a sheet, one line a row, puts each key in the first column and its
value in the next ("title | Github endpoints are spoofed", "severity | Medium"), with the brackets of its
objects and lists on lines of their own ("{", "}", "["): read as a form, each sheet made one record of its first
object, merged by title into the real threat list and writing "[" as the risk's event (round 68's held-out set,
seven sheets). Such a sheet is skipped, said once. Told by its key column: brackets on lines of their own, or
keys written as a program names them ("ruleId", "$$hashKey", "font-weight"), and nothing else. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# a line of a JSON object or list that is its bracket alone ("{", "  },", "]")
_BRACKET_RE = re.compile(r"^\s*[\[\]{}]\s*,?\s*$")
# a key as a program writes it: one word, lower-case first, letters, digits, "_", "-" or "$" ("ruleId", "z",
# "$$hashKey", "font-weight"); a person labelling a form writes "Title", "Risk owner"
_KEY_RE = re.compile(r"^\s*\"?[$_]*[a-z][A-Za-z0-9_$-]*\"?\s*:?\s*$")
# a key only a program writes: a capital inside the word ("ruleId") or a "$" ("$$hashKey")
_CODE_KEY_RE = re.compile(r"^\s*\"?(?:\$+[A-Za-z]|[a-z]+[A-Z])")
# the brackets needed, and the share of the key column's cells that are brackets or keys
MIN_BRACKETS = 2
MIN_KEYS = 4


def _key_column(rows: Sequence[Sequence[Any]]) -> list[str]:
    """The texts of the sheet's first column holding any (the keys of an export pasted from A)."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        cells = [r[c] for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if cells:
            return [x if isinstance(x, str) else "" for x in cells]
    return []


def code_export(rows: Sequence[Sequence[Any]]) -> str | None:
    """Why a sheet is a pasted JSON export and no register (its first rows), or None. Its key column holds
    nothing but keys as a program writes them and brackets on lines of their own, two brackets at least — or,
    an object's lines alone (a key and its value a row, nothing more), four keys at least of which one only a
    program writes ("ruleId", "$$hashKey")."""
    keys = _key_column(rows)
    if len(keys) < MIN_KEYS:
        return None
    brackets = sum(1 for x in keys if _BRACKET_RE.match(x))
    if any(not _BRACKET_RE.match(x) and not _KEY_RE.match(x) for x in keys):
        return None
    if brackets < MIN_BRACKETS and (not any(_CODE_KEY_RE.match(x) for x in keys) or any(
            sum(1 for x in r if x is not None and str(x).strip()) > 2 for r in rows)):
        return None  # (an object's lines are a key and its value: "type | priority | issueCost" heads a table)
    said = next((x.strip() for x in keys if not _BRACKET_RE.match(x)), keys[0].strip())
    return (f"its rows are lines of a pasted JSON export (keys such as “{said}” down its first column"
            f"{', brackets on lines of their own' if brackets else ''}), not a register's table.")
