"""A risk list rated by a matrix sheet that places the risks' IDs (issue 12, classes75b).

A student team's risk list gives no likelihood or impact column; a sheet beside it, "Risikomatrix", draws the grid:
likelihood levels down the side ("sehr hoch (4)" … "Gering (1)" under "Eintrittswahrscheinlichkeit"), damage levels
along the bottom ("Gering (1)" … "sehr hoch (4)", then "Schaden"), and in the cells the IDs of the list's risks ("7",
"1, 5"). The grid was skipped as no table and every risk came in unrated (unseen set 75). A sheet whose cells where
two axes of levels meet hold nothing but the list's IDs, each once, rates those risks: each gets its row's level and
its column's level, the axis a caption's words call the likelihood or the impact (one told, the other is the other).

Decided once a list from the workbook's other sheets: only for a risk list with an ID column and no likelihood or
impact column of its own; only a grid of three levels a side at least, its cells all IDs of the list (three risks at
least placed, none twice). The list gets two columns made after its own, read as any rating is (a level by its
place on its axis); said once. A risk the grid does not place stays unrated. No Qt, no database.
"""

from __future__ import annotations

import re
from typing import Any

from .value_translation import word_level_of_rank
from .vocabulary import value_words, word_key, words_of

MIN_LEVELS = 3   # a side of the grid: three levels at least
MIN_PLACED = 3   # risks the grid places, at least
MAX_ROWS = 60    # a matrix is a small sheet: a longer one is a table, not looked at
_LABELS = {"probability": "Likelihood", "impact": "Impact"}
_BRACKETED_RE = re.compile(r"\(\s*(\d{1,2})\s*\)\s*$")   # "Hoch (3)"
_ID_RE = re.compile(r"^[^\W\d_]{0,4}[-_.]?\d+[a-z]?$", re.I)  # "7", "R-3", "RK12"
_SPLIT_RE = re.compile(r"[,;/\n]+|\s+")


def _rank_key(value: Any) -> int | None:
    """A level label's place: its number in brackets ("Hoch (3)"), else its level word's level ("Medium")."""
    if not isinstance(value, str) or not re.search(r"[^\W\d_]", value):
        return None
    m = _BRACKETED_RE.search(value)
    if m is not None:
        return int(m.group(1))
    level = value_words("scale").get(word_key(value.strip()), "")
    return int(level) if level.isdigit() else None


def _id_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() if value is not None and not isinstance(value, bool) else ""


def _ids_in(value: Any) -> list[str] | None:
    """The IDs a grid cell holds ("1, 5", 7), [] for an empty cell, None for a cell holding anything else."""
    text = _id_text(value)
    parts = [p for p in _SPLIT_RE.split(text) if p]
    return parts if all(_ID_RE.match(p) for p in parts) else None


def _axes(rows: list[list[Any]]) -> tuple[int, list[int], int, list[int]] | None:
    """(side column, its label rows, axis row, its label columns) of the grid's two axes of levels, or None."""
    side_col, side_rows = -1, list[int]()
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        at = [r for r in range(len(rows)) if _rank_key(rows[r][c] if c < len(rows[r]) else None) is not None]
        keys = {_rank_key(rows[r][c]) for r in at}
        if len(at) >= MIN_LEVELS and len(keys) == len(at) and len(at) > len(side_rows):
            side_col, side_rows = c, at
    if side_col < 0:
        return None
    axis_row, axis_cols = -1, list[int]()
    for r, row in enumerate(rows):
        if r in side_rows:
            continue
        at = [c for c in range(side_col + 1, len(row)) if _rank_key(row[c]) is not None]
        if len(at) >= MIN_LEVELS and len({_rank_key(row[c]) for c in at}) == len(at) and len(at) > len(axis_cols):
            axis_row, axis_cols = r, at
    return (side_col, side_rows, axis_row, axis_cols) if axis_row >= 0 else None


def _fields(rows: list[list[Any]], side_col: int, axis_row: int, skip: set[tuple[int, int]]) -> tuple[str, str] | None:
    """(the side's field, the axis's field) by the captions' words: one beside the side (its column or left of it,
    off the axis row) names the side's scale, one on the axis row or right of the side the axis's."""
    words = value_words("scale_axis")
    side: set[str] = set()
    axis: set[str] = set()
    for r, row in enumerate(rows):
        for c, x in enumerate(row):
            if (r, c) in skip or not isinstance(x, str):
                continue
            said = {words[w] for w in words_of(x) if w in words}
            (side if c <= side_col and r != axis_row else axis).update(said)
    side_is = side.pop() if len(side) == 1 else None
    axis_is = axis.pop() if len(axis) == 1 else None
    other = {"probability": "impact", "impact": "probability"}
    side_is = side_is or (other[axis_is] if axis_is else None)
    axis_is = axis_is or (other[side_is] if side_is else None)
    return (side_is, axis_is) if side_is and axis_is and side_is != axis_is else None


def placed_ids(rows: list[list[Any]], codes: set[str]) -> tuple[dict[str, dict[str, int]], str] | None:
    """Each ID the grid of ``rows`` places → {field: level 1–5}, with a line naming the axes; None when the sheet
    is no grid of the list's IDs (``codes``, keyed)."""
    if len(rows) > MAX_ROWS:
        return None
    found = _axes(rows)
    if found is None:
        return None
    side_col, side_rows, axis_row, axis_cols = found
    placed: dict[str, tuple[int, int]] = {}
    for r in side_rows:
        for c in axis_cols:
            ids = _ids_in(rows[r][c] if c < len(rows[r]) else None)
            if ids is None:
                return None  # a word in a cell: a grid of risks' names or a heat map's, not of IDs
            for code in ids:
                if word_key(code) not in codes or word_key(code) in placed:
                    return None
                placed[word_key(code)] = (r, c)
    if len(placed) < MIN_PLACED:
        return None
    skip = {(r, side_col) for r in side_rows} | {(axis_row, c) for c in axis_cols}
    fields = _fields(rows, side_col, axis_row, skip)
    if fields is None:
        return None
    side_field, axis_field = fields
    side_rank = _ranks([rows[r][side_col] for r in side_rows])
    axis_rank = _ranks([rows[axis_row][c] for c in axis_cols])
    out = {code: {side_field: word_level_of_rank(side_rank[side_rows.index(r)], len(side_rows)),
                  axis_field: word_level_of_rank(axis_rank[axis_cols.index(c)], len(axis_cols))}
           for code, (r, c) in placed.items()}
    said = (f"“{str(rows[side_rows[0]][side_col]).strip()}” … “{str(rows[side_rows[-1]][side_col]).strip()}” down "
            f"({_LABELS[side_field].lower()}), “{str(rows[axis_row][axis_cols[0]]).strip()}” … "
            f"“{str(rows[axis_row][axis_cols[-1]]).strip()}” across ({_LABELS[axis_field].lower()})")
    return out, said


def _ranks(labels: list[Any]) -> list[int]:
    """Each label's rank from the lowest (1) by its place key."""
    keys = [_rank_key(x) or 0 for x in labels]
    order = sorted(keys)
    return [order.index(k) + 1 for k in keys]


def rated_rows(rows: list[list[Any]], header_at: int, code_col: int, ratings: dict[str, dict[str, int]]
               ) -> list[list[Any]]:
    """The list's rows (0-based ``header_at`` its header) with a likelihood and an impact column made after its own,
    each risk's level from the grid where it places the risk's ID. An empty column stands before them: they are
    no part of a table the sheet has beside the list (a key of its statuses, keyed_legends)."""
    width = max(len(r) for r in rows) + 1
    out: list[list[Any]] = []
    for i, r in enumerate(rows):
        line = list(r) + [None] * (width - len(r))
        made: list[Any] = [None, None]
        if i == header_at:
            made = [_LABELS["probability"], _LABELS["impact"]]
        elif i > header_at and code_col < len(r) and (rated := ratings.get(word_key(_id_text(r[code_col])))):
            made = [rated["probability"], rated["impact"]]
        out.append(line + made)
    return out
