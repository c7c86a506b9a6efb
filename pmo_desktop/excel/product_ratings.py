"""A risk's rating written as its product: "5×5=25", "3x5=15", "L3 x I4", "4*5" (issue 12, classes80).

A data platform's risk register headed its ratings "Initial L×I" and "Residual" and wrote in each cell the
likelihood, the impact and their product: "5×5=25", "2×5=10". Neither header names a field, so both columns went to
the notes and no risk had a rating (unseen set 80). A cell so written gives both levels, and its printed result
checks them.

Decided once a column from the sheet's first rows: on a risk sheet, a column no field takes (or a score or a rating
the office works out itself) whose every filled cell (two at least; a placeholder such as "N/A" or "-" aside) is two
whole levels joined by "×", "x", "*" or "·", each with a letter before it or not, then "=" and their product or
nothing — and whose header names both levels ("L×I", "P x I", "Likelihood × Impact": a word of either in any words
file, or the letters of "L × S = R"), or says which rating it is ("Initial", "Inherent", "Residual", "Target": the
``first_assessed`` and ``reassessed`` words), or names a score or a rating. Which level comes first is told by the
header's pair, else by the cells' letters ("L3 x I4"), else by another such column's header on the sheet; with none,
the likelihood comes first, as "likelihood × impact" is written, and the sentence says so. A header saying a later
rating makes the residual pair; any other the risk's own. A field another column gives already is not made twice.

Read as the import's other made columns are (``matrix_codes``): the sheet's rows with a likelihood and an impact
column (and a residual pair) made after its own, named by the fields, read under the header found again as any
rating is, on the scale its levels show; said once a sheet. A cell whose product is not the result printed beside it
gives no level (which of the three is wrong the sheet does not say): that risk stays unrated there, said with its
rows. The column itself stays where it was (the notes keep the cell as written).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .csv_overflow import placeholder
from .header_detection import _LEVEL_LETTERS, _NOW_WORDS, REASSESSED, SheetKind, field_keys
from .vocabulary import _files, first_assessed_words, reassessed_words, word_key, words_of

MIN_CELLS = 2  # one such cell is a cell, not the column's way of writing
MAX_LEVEL = 10  # a level of a 1–10 scale at most; "12x20" is a size, not a rating
# one cell: an optional letter before each level, the sign, the product after "=" or nothing
_CELL_RE = re.compile(r"\s*([^\W\d_]{1,2})?\s*(\d{1,2})\s*(?:[×✕*·]|(?<=[\d\s])[xX](?=[\s\d]|[^\W\d_]\d))\s*"
                      r"([^\W\d_]{1,2})?\s*(\d{1,2})\s*(?:=\s*(\d{1,3}(?:[.,]0+)?))?\s*")
# a header's pair: the word before a product sign and the word after it ("Initial L×I", "Likelihood x Impact")
_PAIR_RE = re.compile(r"([^\W\d_]+)\s*[×✕*·]\s*([^\W\d_]+)|([^\W\d_]+)\s+[xX]\s+([^\W\d_]+)|"
                      r"(?<![^\W\d_])([^\W\d_])[xX]([^\W\d_])(?![^\W\d_])")
_LEVELS = ("probability", "impact")
_SCORES = {"inherent_score": False, "inherent_rating": False, "residual_score": True, "residual_rating": True}
_MADE = {"probability": "Likelihood", "impact": "Impact", "residual_probability": "Residual likelihood",
         "residual_impact": "Residual impact"}


@lru_cache(maxsize=1)
def _letter_orders() -> dict[tuple[str, str], frozenset[tuple[str, str]]]:
    """Two letters → the orders of the two levels they can stand for: the letters of "L × S = R" (L, P the
    likelihood; S, I, C the impact), and in each language of the files the first letters of its one-word
    likelihood and impact headers, a letter starting words of both levels there standing for neither ("W", "A"
    in German)."""
    alphabets = [dict(_LEVEL_LETTERS)]
    for data in _files():
        initials: dict[str, set[str]] = {}
        for name in _LEVELS:
            for w in data.get("headers", {}).get("risks", {}).get(name, ()):
                if len(words_of(w)) == 1 and len(w) >= 4:
                    initials.setdefault(w.strip()[0].lower(), set()).add(name)
        alphabets.append({letter: names.pop() for letter, names in initials.items() if len(names) == 1})
    out: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for one in alphabets:
        for x, first in one.items():
            for y, second in one.items():
                if first != second:
                    out.setdefault((x, y), set()).add((first, second))
    return {pair: frozenset(orders) for pair, orders in out.items()}


def _order_of(left: str, right: str, kind: SheetKind) -> tuple[str, str] | None:
    """The two levels two names stand for, in their order: words of the files ("Likelihood", "Impact") or letters
    ("L", "I"); None when they name no such pair, or either order."""
    keys = field_keys(kind)
    if len(left) > 1 and len(right) > 1:
        first, second = keys.get(word_key(left), ""), keys.get(word_key(right), "")
        return (first, second) if {first, second} == set(_LEVELS) else None
    orders = _letter_orders().get((left.lower(), right.lower()), frozenset())
    return next(iter(orders)) if len(orders) == 1 else None


def _header_pair(header: str, kind: SheetKind) -> tuple[str, str] | None:
    m = _PAIR_RE.search(header)
    if m is None:
        return None
    left, right = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
    return _order_of(left, right, kind)


def _cell(text: Any) -> tuple[str, int, str, int, int | None] | None:
    """A product cell's parts: (letter, level, letter, level, result or None); None for any other cell."""
    if not isinstance(text, str):
        return None
    m = _CELL_RE.fullmatch(text)
    if m is None:
        return None
    a, b = int(m.group(2)), int(m.group(4))
    if not (1 <= a <= MAX_LEVEL and 1 <= b <= MAX_LEVEL):
        return None
    result = int(m.group(5).replace(",", ".").split(".")[0]) if m.group(5) else None
    return m.group(1) or "", a, m.group(3) or "", b, result


def _products(cells: list[Any]) -> bool:
    filled = [c for c in cells if c is not None and str(c).strip() and not placeholder(str(c))]
    return len(filled) >= MIN_CELLS and all(_cell(c) is not None for c in filled)


def _stage(header: str, kind: SheetKind) -> bool | None:
    """Whether a header says a later rating (True), the first (False), or neither (None)."""
    later, first = reassessed_words() - _NOW_WORDS, first_assessed_words()
    keys = [word_key(w) for w in words_of(header)]
    if any(k in later for k in keys):
        return True
    if any(k in first for k in keys):
        return False
    return _SCORES.get(field_keys(kind).get(word_key(header), ""))


def product_ratings(kind: SheetKind, headers: list[Any], mapping: dict[int, str], rows: list[list[Any]],
                    header_at: int) -> tuple[list[list[Any]], str] | None:
    """The sheet's rows (0-based ``header_at`` the header row) with a likelihood and an impact column (and a
    residual pair) made after its own from its product cells; with the sentence saying so. None when no column
    is so written."""
    if kind.register != "risks":
        return None
    sample = rows[header_at + 1:header_at + 1 + 20]
    taken = set(mapping.values())
    found: list[tuple[int, bool, tuple[str, str] | None]] = []  # (column, residual, order the header tells)
    for c, head in enumerate(headers):
        if not isinstance(head, str) or not head.strip() or mapping.get(c) not in (None, *_SCORES):
            continue
        if not _products([r[c] if c < len(r) else None for r in sample]):
            continue
        pair = _header_pair(head, kind)
        stage = _stage(head, kind)
        if pair is None and stage is None:
            continue  # the header says nothing of ratings: the cells may be sizes, not levels
        residual = bool(stage)
        fields = (REASSESSED["probability"], REASSESSED["impact"]) if residual else _LEVELS
        if any(f in taken or f not in kind.reg.field_names for f in fields) or \
                any(r == residual for _, r, _ in found):
            continue
        found.append((c, residual, pair))
    if not found:
        return None
    told = next((pair for _, _, pair in found if pair is not None), None)
    width = max(len(r) for r in rows)
    made = [list(r) + [None] * (width - len(r)) for r in rows]
    said: list[str] = []
    for c, residual, pair in found:
        names = (REASSESSED["probability"], REASSESSED["impact"]) if residual else _LEVELS
        made[header_at] += [_MADE[names[0]], _MADE[names[1]]]
        unread: list[int] = []
        assumed = False
        for i in range(header_at + 1, len(rows)):
            parts = _cell(rows[i][c] if c < len(rows[i]) else None)
            levels: list[Any] = [None, None]
            if parts is not None:
                la, a, lb, b, result = parts
                order = pair or (_order_of(la, lb, kind) if la and lb else None) or told
                if order is None:
                    order, assumed = _LEVELS, True
                if result is not None and a * b != result:
                    unread.append(i + 1)
                else:
                    levels = [a, b] if order == _LEVELS else [b, a]
            made[i] += levels
        what = "residual likelihood and impact" if residual else "likelihood and impact"
        text = (f"“{headers[c]}” writes each risk's {what} as their product (“{_example(rows, c, header_at)}”): "
                f"read into the columns {_MADE[names[0]]} and {_MADE[names[1]]} made by the import, the score worked "
                "out again")
        if assumed:
            text += "; nothing says which level comes first, so the first is read as the likelihood"
        if unread:
            shown = ", ".join(str(n) for n in unread[:5]) + (" …" if len(unread) > 5 else "")
            text += (f"; on row{'s' if len(unread) > 1 else ''} {shown} the product is not the result written, "
                     "so that rating is left empty (the cell kept in the notes)")
        said.append(text + ".")
    return made, " ".join(said)


def _example(rows: list[list[Any]], c: int, header_at: int) -> str:
    return next(str(r[c]).strip() for r in rows[header_at + 1:] if c < len(r) and _cell(r[c]) is not None)
