"""A tracker's labels written into the column naming its records (issue 12, left39).

Google Code, and trackers after it, keep an issue's type, priority and milestone as labels of the form
``Key-Value`` ("Type-Defect", "Priority-High", "Milestone-Release1.0", "OpSys-All"); an export of its list can
write them at the end of the summary: "StackOverflowError Type-Defect Priority-High". Read so, every issue was
Medium and titled with its labels. A sheet whose title column ends that way on most rows is read as if each
label key were a column of its own (its header the key), the title without them: the priority is then the
priority, the type the category or a tracker's kind (a "Type-Enhancement" is planned work, left out of the issue
log as a tracker's backlog is), the rest kept labelled in the notes. Decided once a sheet, from its first rows.
"""

from __future__ import annotations

import re
from typing import Any

from .vocabulary import word_key

# The keys a tracker writes labels under (Google Code's own: Type, Priority, Milestone, Release, Component,
# OpSys, Security, Performance, Usability, Restrict; others' for the same things). Only these: a title ending in
# "Follow-up" or "Wi-Fi" holds no label, and a column qualifies only by its rows' type, priority or severity.
_KEYS = frozenset(word_key(k) for k in (
    "Type", "Priority", "Pri", "Severity", "Sev", "Milestone", "Release", "Component", "OpSys", "OS", "Security",
    "Performance", "Usability", "Restrict", "Status", "Version", "Target", "Area", "Module", "Browser", "Sprint",
    "Effort", "Estimate", "Stars"))
_SAYING = frozenset(word_key(k) for k in ("Type", "Priority", "Pri", "Severity", "Sev"))
_LABEL_RE = re.compile(r"([A-Z][A-Za-z]{1,19})-(\S+)")


def trailing_labels(text: Any) -> tuple[str, list[tuple[str, str]]] | None:
    """The text without the ``Key-Value`` labels ending it, and those labels in order (key as written, value);
    None when it ends in none or holds nothing else."""
    if not isinstance(text, str):
        return None
    words = text.split()
    labels: list[tuple[str, str]] = []
    while words and (found := _LABEL_RE.fullmatch(words[-1])) is not None and word_key(found.group(1)) in _KEYS:
        labels.insert(0, (found.group(1), found.group(2)))
        words.pop()
    if not labels or not words:
        return None
    return " ".join(words), labels


def labelled_title_column(rows: list[list[Any]], title_col: int) -> bool:
    """Whether the title column of these rows (the first under the header) carries a tracker's labels: three rows
    at least, and most of its filled cells ending in labels that say a type, a priority or a severity."""
    cells = [r[title_col] for r in rows if title_col < len(r) and isinstance(r[title_col], str) and r[title_col].strip()]
    labelled = 0
    for cell in cells:
        found = trailing_labels(cell)
        if found is not None and any(word_key(k) in _SAYING for k, _ in found[1]):
            labelled += 1
    return labelled >= 3 and labelled * 2 > len(cells)


def split_labels(rows: list[list[Any]], header_index: int, title_col: int) -> tuple[list[list[Any]], list[str]]:
    """The rows with each label key as a column of its own after the last (the header row given the keys as
    written, first seen first), the title cells without their labels; and those keys. Two labels of one key on a
    row are joined ("Component-UI Component-Parser" → "UI, Parser")."""
    width = max((len(r) for r in rows), default=0)
    keys: list[str] = []
    index: dict[str, int] = {}
    split: dict[int, list[tuple[str, str]]] = {}
    for i in range(header_index + 1, len(rows)):
        row = rows[i]
        found = trailing_labels(row[title_col]) if title_col < len(row) else None
        if found is None:
            continue
        split[i] = found[1]
        for key, _ in found[1]:
            if word_key(key) not in index:
                index[word_key(key)] = len(keys)
                keys.append(key)
    out: list[list[Any]] = []
    for i, row in enumerate(rows):
        row = list(row) + [None] * (width - len(row))
        added: list[Any] = [None] * len(keys)
        if i == header_index:
            added = list(keys)
        elif i in split:
            title = trailing_labels(row[title_col])
            assert title is not None
            row[title_col] = title[0]
            for key, value in split[i]:
                at = index[word_key(key)]
                added[at] = value if added[at] is None else f"{added[at]}, {value}"
        out.append(row + added)
    return out, keys
