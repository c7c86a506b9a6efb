"""The project a title block above the header names (issue 12, classes87b, unseen set 87).

A register often opens with a title block: "Реестр рисков" on the first row, "Проект | Автоматизация расследования
мошенничества" on the next, "PM | Юрьев Максим" under it — a label in one cell, its value in the next filled cell
to its right, the block sometimes written twice side by side. The sheet's rows have no project column: the project
is said once, above them, for all. Before, the block was dropped without a word.

The project is the value beside a label that is one of the words naming the register's project column in any
language ("Project", "Проект", "Proyecto", "Projekt", "Project name", a colon after it or not), on a row above
the header, the value a text of letters and not itself a label; where the block names it more than once, every
value must be the same (else none is taken). Where the row under the pair fills the cells under its label and its
value too, the block may as well be labels across over their values ("Project | Project Manager" over "Harbour Data
Platform | Mia Stone": the project is the cell under "Project", not "Project Manager"): the pair is taken only when
its label is written as one (a colon after it), or a pair stands over it in the same cells ("DEPARTMENT | …" over
"PROJECT NAME | MeetMe": a block of pairs down the side, a row of labels having none over it), or the cell under it
reads as a label (a colon after it, a register's header word, or fewer words than the value, the value no header
word and not opening with the label's word: "PM" under "Проект" beside a project of three words); else no project
is taken (review61). Each record with no project of
its own takes it, said once a sheet.
The other label–value pairs of the block ("PM | Юрьев Максим") are said in the report as not imported.
Decided once a sheet, on the rows above the header only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..models import values as v
from ..models.registers import REGISTERS
from .vocabulary import header_words, word_key

_LETTERS_RE = re.compile(r"[^\W\d_]{2}")


def _project_labels(register: str) -> frozenset[str]:
    return frozenset(k for k, name in header_words(register).items() if name == "project")


def _text(cell: Any) -> str:
    return " ".join(cell.split()) if isinstance(cell, str) else ""


def label_pairs(rows: Sequence[Sequence[Any]]) -> list[tuple[int, str, str]]:
    """(row index, label, value) of each row above the header made of label–value pairs only: texts two by two,
    a label of four words at most beside a value of letters ("Проект | Автоматизация …", "PM: | Юрьев Максим")."""
    out: list[tuple[int, str, str]] = []
    for i, cells in enumerate(rows):
        at = [c for c, cell in enumerate(cells) if not v.is_blank(cell)]
        filled = [_text(cells[c]) if isinstance(cells[c], str) else cells[c] for c in at]
        if not filled or len(filled) % 2 or not all(isinstance(c, str) and c for c in filled) or \
                any(at[k + 1] != at[k] + 1 for k in range(0, len(at), 2)):
            continue  # each value in the cell right of its label
        pairs = [(filled[k].rstrip(":： ").strip(), filled[k + 1]) for k in range(0, len(filled), 2)]
        if all(label and len(label.split()) <= 4 and _LETTERS_RE.search(value) and not value.endswith(":")
               for label, value in pairs):
            for label, value in dict.fromkeys(pairs):
                out.append((i, label, value))
    return out


def titled_project(rows: Sequence[Sequence[Any]], register: str) -> tuple[str, str, int] | None:
    """(the project, its label as written, its row index) the title block above the header names, or None."""
    labels = _project_labels(register)
    found = [(value, label, i) for i, label, value in label_pairs(rows) if word_key(label) in labels]
    if not found or len({word_key(value) for value, _label, _i in found}) != 1:
        return None
    if not all(_a_pair_not_labels_over_values(rows, i, label, value) for value, label, i in found):
        return None
    return found[0]


@lru_cache(maxsize=1)
def _every_header_word() -> frozenset[str]:
    return frozenset(k for register in REGISTERS for k in header_words(register))


def _a_pair_not_labels_over_values(rows: Sequence[Sequence[Any]], i: int, label: str, value: str) -> bool:
    """Whether the pair ``label`` | ``value`` of row ``i`` is one, not two labels of a row of labels over the row of
    their values: told only where the row below fills the cells under both (see the module's docstring)."""
    cells = rows[i]
    at = next((c for c in range(len(cells) - 1) if isinstance(cells[c], str) and
               cells[c].strip().rstrip(":： ").strip() == label and _text(cells[c + 1]) == value), None)
    below = rows[i + 1] if i + 1 < len(rows) else ()
    if at is None or at + 1 >= len(below) or v.is_blank(below[at]) or v.is_blank(below[at + 1]):
        return True  # nothing under the pair: a label and its value
    if cells[at].strip().endswith((":", "：")):
        return True  # "Project: | …": written as a label
    above = rows[i - 1] if i > 0 else ()
    if at + 1 < len(above) and isinstance(above[at], str) and above[at].strip() and \
            isinstance(above[at + 1], str) and above[at + 1].strip():
        return True  # a pair over it in the same cells ("DEPARTMENT | …" over "PROJECT NAME | …"): pairs down the side
    under = below[at]
    if not isinstance(under, str):
        return False  # a date or a number under the label: its value, the row a row of labels
    known = _every_header_word()
    if under.strip().endswith((":", "：")) or word_key(under) in known:
        return True  # the label of the pair below
    words = _text(value).split()
    return len(_text(under).split()) < len(words) and word_key(value) not in known and \
        word_key(words[0]) != word_key(label.split()[0])
