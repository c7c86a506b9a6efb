"""Keys a sheet writes under or beside its table, spelling out the codes of one of its columns.

A register that writes its categories as codes ("FF4", "Xmen") often explains them in a small two-column list
below the table ("Categories Key" over "FF4 | Human Resources Internal", "Xmen | Human Resources External"),
and a column of numbers with a meaning of its own ("Rank" 1–7) in a list captioned with the column's name
("Risk Rank" over "1 | Disaster" … "7 | Excelsior!"). The codes alone say nothing to the office: the record
takes what the key says they mean.

A key is a run of rows, each with a short code and a text beside it and nothing right and left of the pair,
under a caption standing alone over the codes. It spells out a column when its codes cover at least two of
the column's values and half of them, and none of its meanings is a value the column holds itself (that is
a list of the column's choices, a drop-down's written beside "Status": "Open | Closed"), and, for a column
of numbers (which any numbered list would "cover"), only when its caption names the column (a word of the column's header, written in no other
header of the table, is in the caption: "Risk Rank" names "Rank" but not "Risk Owner").

No Qt here, no openpyxl.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import repeat
from operator import is_
from types import NoneType
from typing import Any, Iterable, Mapping, Sequence

#: a key is looked for on sheets up to this many rows (hand-made registers; a key under a log of
#: thousands of rows is not worth a second read of it)
MAX_ROWS = 3000
#: longest code a key spells out ("FF4", "Xmen", "1"); longer cells are texts, not codes
MAX_CODE = 12

_LETTER_RE = re.compile(r"[^\W\d_]")
_IS_TEXT = str.__instancecheck__  # a text cell (``filter`` of a row's texts, in C)
#: a pair's shape among a row's blank marks (1 blank, 0 filled), the row's edges blank: blank, code, meaning, blank
_PAIR_SHAPE = b"\x01\x00\x00\x01"


@dataclass
class Key:
    caption: str
    col: int                       # the column of its codes (the meanings are in the next one)
    rows: set[int] = field(default_factory=set)          # excel row numbers of its codes
    caption_row: int = 0
    meanings: dict[str, str] = field(default_factory=dict)  # code key → meaning
    numbers: bool = True           # every code a number


def code_key(x: Any) -> str:
    """A cell as a key's code: short, spaces folded, case ignored; a number by its value (1.0 is "1")."""
    if x is None or isinstance(x, bool):
        return ""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    text = " ".join(str(x).split())
    return text.casefold() if text and len(text) <= MAX_CODE else ""


def code_text(x: Any) -> str:
    """A code as written, a whole number without its ".0"."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return " ".join(str(x).split())


def _is_number(code: str) -> bool:
    try:
        float(code)
    except ValueError:
        return False
    return True


def _filled(row: Sequence[Any], c: int) -> bool:
    x = row[c] if 0 <= c < len(row) else None
    return x is not None and not (isinstance(x, str) and not x.strip())


def _meaning(x: Any) -> str:
    return " ".join(x.split()) if isinstance(x, str) and _LETTER_RE.search(x) else ""


def _pair_places(row: Sequence[Any], start: int) -> list[int]:
    """The columns from ``start`` where a pair could stand: the cell and the next filled, the cells left and right
    of them not (the row's edges count as blank). Found among the row's blank marks made in C, so that a record's
    row, filled across, costs no look at each of its cells (a register of 2,000 rows looked at 66,000 cells)."""
    if "" in row or any(map(str.isspace, filter(_IS_TEXT, row))):  # blank texts: each cell judged as _filled does
        marks = bytes(not _filled(row, c) for c in range(len(row)))
    else:
        marks = bytes(map(is_, row, repeat(None)))
    shape = b"\x01" + marks + b"\x01"
    places = []
    at = shape.find(_PAIR_SHAPE, start)
    while at >= 0:
        places.append(at)  # the shape's first mark is the cell left of the pair's: ``at`` is the pair's column
        at = shape.find(_PAIR_SHAPE, at + 1)
    return places


def _column_blanks(column: tuple[Any, ...], every: int) -> int:
    """A column's blank cells (as ``_filled`` judges them: None, an empty text or one of spaces) as the bits
    ``8 * row`` of a number (``every``: all the rows' bits). A column all blank or all filled costs a count and a
    look at its classes, in C; only a column holding both, or a blank text, is marked cell by cell."""
    empty = column.count(None)
    if empty == len(column):
        return every
    classes = set(map(type, column))
    if str in classes:
        texts = list(filter(None, column)) if classes <= {str, NoneType} else \
            [x for x in column if x.__class__ is str]
        if len(texts) + empty < len(column) and classes <= {str, NoneType} or "" in texts or \
                any(map(str.isspace, texts)):  # an empty text, or one of spaces: blank, cell by cell
            return int.from_bytes(bytes(not _filled(column, r) for r in range(len(column))), "little")
    if not empty:
        return 0
    return int.from_bytes(bytes(map(is_, column, repeat(None))), "little")


def _rows_with_places(cells: list[Sequence[Any]], start: int) -> set[int]:
    """The rows (their places in ``cells``) where ``_pair_places`` finds a place from ``start``: a cell and the
    next filled, the cells left and right of them blank (a row's edges blank). Found for all the rows at once,
    a column at a time (each column's blank cells as the bits of a number): a register's rows, filled across,
    hold none, and each was looked at cell by cell (round speed60b)."""
    if not cells:
        return set()
    every = int.from_bytes(b"\x01" * len(cells), "little")
    blanks = [_column_blanks(column, every) for column in itertools.zip_longest(*cells)]
    found = 0
    for c in range(max(start, 0), len(blanks) - 1):
        left = blanks[c - 1] if c > 0 else every
        right = blanks[c + 2] if c + 2 < len(blanks) else every
        found |= left & right & ~blanks[c] & ~blanks[c + 1] & every
    marks = found.to_bytes(len(cells), "little")
    return {m.start() for m in re.finditer(b"[^\x00]", marks)} if found else set()


def find_keys(rows: Iterable[tuple[int, Sequence[Any]]], skip_rows: set[int] | None = None,
              min_col: int = 0) -> list[Key]:
    """The keys among ``rows`` (excel row number, cells): runs of "code | meaning" pairs, each pair with
    empty cells left and right of it, under a caption alone over its code column. ``min_col``: only pairs from
    that column on (beside a table); ``skip_rows``: rows that are not looked at (the table's records)."""
    keys: list[Key] = []
    open_runs: dict[int, Key] = {}  # code column → the key being read there
    previous: tuple[int, Sequence[Any]] | None = None
    numbered = rows if isinstance(rows, list) else list(rows)
    placed = _rows_with_places([row for _n, row in numbered], min_col)
    for i, (number, row) in enumerate(numbered):
        if skip_rows and number in skip_rows:
            previous, open_runs = None, {}
            continue
        if i not in placed:  # no pair's place: the row opens no key and ends those above
            previous, open_runs = (number, row), {}
            continue
        pairs = {c for c in _pair_places(row, max(min_col, 0))
                 if code_key(row[c]) and _meaning(row[c + 1]) and code_key(row[c]) != code_key(row[c + 1])}
        runs: dict[int, Key] = {}
        for c in sorted(pairs):
            key = open_runs.get(c)
            if key is None:
                if previous is None or previous[0] != number - 1:
                    continue
                above = previous[1]
                caption = above[c] if c < len(above) else None
                if not isinstance(caption, str) or not _LETTER_RE.search(caption) or _filled(above, c + 1) or \
                        _filled(above, c - 1):
                    continue
                key = Key(" ".join(caption.split()), c, caption_row=previous[0])
                keys.append(key)
            code = code_key(row[c])
            if code in key.meanings:  # a code twice is no key
                key.meanings[code] = ""
            else:
                key.meanings[code] = _meaning(row[c + 1])
            key.rows.add(number)
            key.numbers = key.numbers and _is_number(code)
            runs[c] = key
        open_runs = runs
        previous = (number, row)
    return [k for k in keys if len(k.meanings) >= 2 and all(k.meanings.values())]


def among_records(key: Key, rows: Mapping[int, Sequence[Any]], headers: Sequence[Any], keyed: set[tuple[int, int]]) -> bool:
    """Whether a "key" is the table's own records: a key stands apart from them, under the table (its rows fill
    none of the table's other columns, but for other keys' cells ``keyed``, two keys side by side) or beside it
    (past the table's columns). Two of the table's own columns on rows that fill others are records — a status
    and a comment on rows whose column before them was blank ("Моніторинг | Принцип: не автоматизуємо хаос"
    under a row's lone "Відкритий") spelt every status out as another row's comment, and risks were left out."""
    if key.col + 1 >= len(headers):
        return False  # beside the table: its rows are the records' rows, its columns none of theirs
    headed = [c for c, h in enumerate(headers) if h is not None and str(h).strip() and c not in (key.col, key.col + 1)]
    return any(_filled(row, c) and (number, c) not in keyed
               for number in (key.caption_row, *key.rows) if (row := rows.get(number)) is not None for c in headed)


def key_cells(keys: Iterable[Key]) -> set[tuple[int, int]]:
    """The cells (excel row, column) the keys are written in: captions, codes and meanings."""
    cells = set()
    for key in keys:
        cells.add((key.caption_row, key.col))
        for number in key.rows:
            cells.update({(number, key.col), (number, key.col + 1)})
    return cells


def _stem(word: str) -> str:
    word = "".join(ch for ch in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(ch))
    return word


def _same_word(a: str, b: str) -> bool:
    """One word, singular or plural, in any of the languages the office reads ("Category"/"Categories",
    "Kategorie"/"Kategorien", "Rank"/"Ranking")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3:
        return True
    # categor-y / categor-ies
    return len(short) >= 5 and short.endswith("y") and long == short[:-1] + "ies"


def _words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[^\W\d_]+", text)]


def names_column(caption: str, header: str, other_headers: Iterable[str]) -> bool:
    """The caption names the column: a word of its header that no other header of the table has."""
    others = {w for h in other_headers for w in _words(h)}
    own = [w for w in _words(header) if not any(_same_word(w, o) for o in others)]
    return any(_same_word(w, c) for w in own for c in _words(caption))


def key_for(values: Iterable[Any], header: str, other_headers: Sequence[str], keys: Sequence[Key],
            numbers_allowed: bool = True) -> Key | None:
    """The key spelling out a column of these values (see the module's rule), or None."""
    distinct = {k for k in (code_key(v) for v in values) if k}
    if len(distinct) < 2:
        return None
    best: tuple[int, int, Key] | None = None
    for key in keys:
        covered = len(distinct & key.meanings.keys())
        if covered < 2 or covered * 2 < len(distinct):
            continue
        if any(code_key(meaning) in distinct for meaning in key.meanings.values()):
            continue  # its "meanings" are the column's own values: a list of its choices (a drop-down's), no key
        named = names_column(key.caption, header, other_headers)
        if key.numbers and (not named or not numbers_allowed):
            continue
        rank = (int(named), covered, key)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return best[2] if best is not None else None
