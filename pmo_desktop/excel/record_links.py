"""A list of records each given by its web address: "项目 | star | bug地址" — a research list of bugs filed in other
projects, one row a bug, the project it was filed in, its stars and the bug's address (unseen set 83). No column is
headed as the records' title; the column headed by the register's noun and a word for a link ("bug地址", "Issue link",
"Ссылка на баг": ``record_links`` in the words files) holding web addresses says each row is one record of the register,
and the column of distinct texts beside it (the project each bug was filed in, one a row) names them. The address is
kept in the notes under its header, as any column no field takes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .vocabulary import record_link_words, word_key

# a web address anywhere in a cell ("SPARK-23509: https://…", "Issue #621: https://…")
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MIN_ROWS = 3  # a list of fewer rows says too little of its columns


def _filled(sample: list[list[Any]], c: int) -> list[Any]:
    return [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]


def link_column(register: str, row: Sequence[Any], sample: list[list[Any]]) -> int | None:
    """The column headed as the records' own web address whose cells hold one, four in five at least."""
    words = record_link_words(register)
    for c, cell in enumerate(row):
        if not isinstance(cell, str) or word_key(cell.strip().rstrip(":：")) not in words:
            continue
        values = _filled(sample, c)
        if len(values) >= _MIN_ROWS and \
                sum(1 for x in values if isinstance(x, str) and _ADDRESS_RE.search(x)) * 5 >= len(values) * 4:
            return c
    return None


def _names_apart(values: list[Any]) -> bool:
    """Texts, not figures nor addresses, nine in ten told apart: one a record."""
    texts = [str(x).strip() for x in values if isinstance(x, str) and not _ADDRESS_RE.search(x)]
    if len(values) < _MIN_ROWS or len(texts) * 10 < len(values) * 9 or \
            sum(1 for t in texts if any(ch.isalpha() for ch in t)) * 10 < len(texts) * 9:
        return False
    return len({word_key(t) for t in texts}) * 10 >= len(texts) * 9


def linked_records(register: str, row: Sequence[Any], mapping: dict[int, str], sample: list[list[Any]],
                   free: Sequence[str]) -> tuple[int, int] | None:
    """(link column, naming column) of a list whose rows are records each at its own web address, or None. The
    naming column is one the header left unread or gave a field in ``free`` (the project: "项目" over each bug's
    project, one a row — a register's project repeats over its records), the first of distinct texts."""
    link = link_column(register, row, sample)
    if link is None:
        return None
    for c in range(len(row)):
        if c == link or (c in mapping and mapping[c] not in free):
            continue
        if _names_apart(_filled(sample, c)):
            return link, c
    return None
