"""A risk rated by the cell of the sheet's likelihood–impact matrix its code names (issue 12, classes65b).

A student project's risk list gave each risk, under "Risk Code", the label of the cell it falls in ("D4") of a
matrix beside the list: its columns headed by impact levels ("Negligible | Acceptable | Major | Problematic |
Catastrophic"), its rows by likelihood bands ("75% - 100%" … "0% - 24%"), its cells labelled "A1" … "E4". No
column rated the risks: the matrix's side was read as the first risks' impact, and no risk got the rating its cell
gives. Decided once a sheet: when most risks' codes are labels of the matrix's cells, each risk gets its cell's
column level and row level, in two columns the import makes after the sheet's own (named by the fields, read as
any rating is: a band of per cent as per cent, a level by its place on its axis), said once; the matrix itself is
no column of the list. A code that names no cell leaves the risk unrated, as before. No Qt, no database.
"""

from __future__ import annotations

import re
from typing import Any

from .value_translation import word_level_of_rank
from .vocabulary import value_words, word_key, words_of

# the level words a matrix's axis writes over its columns at the least ("Negligible | … | Major | … | Catastrophic")
AXIS_WORDS = 3
_PER_CENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
_FIRST_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_AXIS_LABELS = {"probability": "Likelihood", "impact": "Impact"}


def axis_steps(headers: list[Any], columns: list[int]) -> list[int]:
    """The levels of the level words heading ``columns``, in their order (words of the sheet's own skipped)."""
    levels = value_words("scale")
    return [int(level) for c in columns if c < len(headers) and isinstance(headers[c], str) and headers[c].strip()
            and (level := levels.get(word_key(headers[c]), "")).isdigit()]


def an_axis(steps: list[int], least: int = AXIS_WORDS) -> bool:
    """Level words, three at least (``least``), each another level, rising or falling as an axis's do."""
    return len(steps) >= least and len(set(steps)) == len(steps) and steps in (sorted(steps), sorted(steps, reverse=True))


def _axis_run(headers: list[Any]) -> list[int] | None:
    """The columns of a matrix's axis in the header: from its first level word to its last, every header between
    written (a word of the sheet's own among them, "Acceptable")."""
    levels = value_words("scale")
    worded = [c for c, h in enumerate(headers) if isinstance(h, str) and word_key(h) in levels]
    if len(worded) < AXIS_WORDS:
        return None
    run = list(range(worded[0], worded[-1] + 1))
    if any(not (isinstance(headers[c], str) and headers[c].strip()) for c in run) or not an_axis(axis_steps(headers, run)):
        return None
    return run


def axis_in_header(headers: list[Any]) -> bool:
    """Whether a header row holds a matrix's axis of level words (asked before the sheet is read whole)."""
    return _axis_run(headers) is not None


def _side_ranks(labels: list[str]) -> list[int] | None:
    """Each side label's rank from the lowest (1): by its first number ("0% - 24%" under "75% - 100%"), or by its
    level word; None when the labels cannot be ordered so."""
    numbers = [_FIRST_NUMBER_RE.search(x) for x in labels]
    if all(numbers):
        keys: list[float] = [float(m.group(0).replace(",", ".")) for m in numbers if m]
    else:
        levels = value_words("scale")
        found = [levels.get(word_key(x), "") for x in labels]
        if not all(f.isdigit() for f in found):
            return None
        keys = [float(f) for f in found]
    if len(set(keys)) != len(keys):
        return None
    order = sorted(keys)
    return [order.index(k) + 1 for k in keys]


def _axis_field(headers: list[Any], run: list[int], side: list[str]) -> str | None:
    """The field the header's axis rates: told by its words (severities → impact, chances → likelihood), else by
    the side's bands of per cent (a chance: the header is the impact)."""
    axes = value_words("scale_axis")
    votes = [axes[w] for c in run for w in words_of(headers[c]) if w in axes]
    said = set(votes)
    if len(said) == 1:
        return said.pop()
    if all(_PER_CENT_RE.search(x) for x in side):
        return "impact"
    return None


def coded_ratings(headers: list[Any], mapping: dict[int, str], rows: list[list[Any]], header_at: int
                  ) -> tuple[list[list[Any]], str] | None:
    """The sheet's rows (0-based ``header_at`` the header row) with the matrix blanked out and two columns made
    after the sheet's own, each risk's likelihood and impact by the cell its code names; with the sentence saying
    so. None when the sheet has no such matrix, or its risks' codes name none of its cells."""
    code = next((c for c, n in mapping.items() if n == "code"), None)
    run = _axis_run(headers)
    if code is None or run is None or code in run:
        return None
    side_col = next((c for c in (run[0] - 1, run[-1] + 1) if 0 <= c and c != code and
                     any(c < len(r) and isinstance(r[c], str) and r[c].strip() for r in rows[header_at + 1:])), None)
    if side_col is None:
        return None
    cells: dict[str, tuple[int, int]] = {}  # a cell's label → (its side row, its place on the header's axis)
    side_rows: list[int] = []
    for i in range(header_at + 1, len(rows)):
        r = rows[i]
        label = r[side_col] if side_col < len(r) else None
        if not (isinstance(label, str) and label.strip()):
            break  # the matrix ends at its side's first empty cell
        side_rows.append(i)
        for place, c in enumerate(run):
            x = r[c] if c < len(r) else None
            if isinstance(x, str) and x.strip():
                cells.setdefault(word_key(x), (i, place))
    side = [str(rows[i][side_col]).strip() for i in side_rows]
    ranks = _side_ranks(side) if len(side) >= AXIS_WORDS else None
    field = _axis_field(headers, run, side)
    codes = [word_key(r[code]) for r in rows[header_at + 1:] if code < len(r) and r[code] is not None
             and str(r[code]).strip()]
    if ranks is None or field is None or len(codes) < AXIS_WORDS or sum(k in cells for k in codes) * 5 < len(codes) * 4:
        return None
    other = "probability" if field == "impact" else "impact"
    steps = axis_steps(headers, run)
    rising = steps == sorted(steps)
    per_cent = all(_PER_CENT_RE.search(x) for x in side)

    def header_level(place: int) -> int:
        rank = place + 1 if rising else len(run) - place
        return word_level_of_rank(rank, len(run))

    def side_value(row: int) -> Any:
        k = side_rows.index(row)
        return side[k] if per_cent else word_level_of_rank(ranks[k], len(side))

    block = _block(rows, [side_col, *run], header_at)
    if any(mapping.get(c) not in (None, "probability", "impact") for c in block):
        return None  # the list's own columns right beside the matrix: not told apart, so nothing is made
    end = side_rows[-1]
    out: list[list[Any]] = []
    width = max(len(r) for r in rows)
    for i, r in enumerate(rows):
        line = list(r) + [None] * (width - len(r))
        if i <= end:
            line = [None if c in block else x for c, x in enumerate(line)]
        made: list[Any] = [None, None]
        if i == header_at:
            made = [_AXIS_LABELS[other], _AXIS_LABELS[field]]
        elif i > header_at and code < len(r) and r[code] is not None and (at := cells.get(word_key(r[code]))):
            made = [side_value(at[0]), header_level(at[1])]
        out.append(line + made)
    shown = ", ".join(f"“{h}”" for h in (headers[run[0]], headers[run[-1]]))
    said = (f"Rated by the matrix beside the list ({shown} across, “{side[0]}” … “{side[-1]}” down): each risk's "
            f"“{headers[code]}” names the cell it falls in, whose column gives its {_AXIS_LABELS[field].lower()} and "
            f"whose row its {_AXIS_LABELS[other].lower()}, in the columns {_AXIS_LABELS[other]} and "
            f"{_AXIS_LABELS[field]} made by the import; the matrix is not imported.")
    return out, said


def _block(rows: list[list[Any]], columns: list[int], header_at: int) -> set[int]:
    """The matrix's columns: its side and axis, and the columns beside them up to an empty one (its captions)."""
    def empty(c: int) -> bool:
        return all(c >= len(r) or r[c] is None or not str(r[c]).strip() for r in rows[:header_at + 1 + AXIS_WORDS * 3])

    out = set(range(min(columns), max(columns) + 1))
    c = min(columns) - 1
    while c >= 0 and not empty(c):
        out.add(c)
        c -= 1
    return out
