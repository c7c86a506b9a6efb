"""A likelihood × impact grid whose axes describe their levels and whose cells are risks.

A training project's risk assessment is a grid: down the side "Improbable (unlikely to occur)" over three rows,
"Possible (likely occur)" over two, "Probable (will occur)" over three; across the top "Acceptable, little to no
effect", "Tolerable, not critical" …; in each cell a risk, written as a sentence (round 68's held-out set: 32
risks refused, no header row). ``header_detection.risk_grid`` reads a grid whose axes are the level words alone,
each level once; this reads one whose labels give the level word first and a description after it ("(", ",",
" - ", ":"), a side level standing over several consecutive rows. Each cell's text is a risk rated by its row's
level and its column's; which axis is the likelihood the descriptions' words tell ("occur", "likely": the
likelihood), else the side is, as in risk_grid. Decided once a sheet and said in its notes. No Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .vocabulary import value_words, word_key, words_of

# what parts a level's word from its description: "Improbable (unlikely …)", "Tolerable, not critical",
# "Low - little effect", "High: stops the project"
_DESCRIBED_RE = re.compile(r"^\s*([^(),:\n]+?)\s*(?:\(|,|\s-\s|:|\n|$)")
MIN_LEVELS = 3  # levels across, and label cells down the side (as risk_grid asks)
MIN_RISKS = 3


# the office's words of the levels 1–5, which the grid's rows are written in for the planner to read
_LEVELS = {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"}


def described_head(value: Any) -> str | None:
    """The word (three at most) a label opens with before describing it ("Acceptable" of "Acceptable, little to
    no effect"), or None: a label with no description, or no word, or a sentence."""
    if not isinstance(value, str) or not value.strip():
        return None
    found = _DESCRIBED_RE.match(value)
    if found is None:
        return None
    head = found.group(1).strip()
    return head if head != value.strip() and len(head.split()) <= 3 and re.search(r"[^\W\d_]", head) else None


def level_word(value: Any) -> str | None:
    """The level word a grid's axis label opens with ("Improbable" of "Improbable (unlikely to occur)"), when
    the label is written in words and describes its level after it; None for anything else."""
    head = described_head(value)
    return head if head is not None and word_key(head) in value_words("scale") else None


def _across_levels(row: Sequence[Any]) -> dict[int, int]:
    """The levels of the longest run of described labels side by side in a row, three of them level words at
    least, climbing or falling: a word the office does not know ("Acceptable" left of "Tolerable") takes the
    place beside its neighbour's, a step below the first level or above the last, between two the middle. {}
    when the row holds no such axis."""
    words = value_words("scale")
    best: dict[int, int] = {}
    c = 0
    while c < len(row):
        run = []
        while c < len(row) and described_head(row[c]) is not None:
            run.append(c)
            c += 1
        c += 1
        known = {k: int(words[word_key(level_word(row[k]))]) for k in run if level_word(row[k]) is not None}
        ordered = [known[k] for k in sorted(known)]
        if len(known) < MIN_LEVELS or len(set(ordered)) < len(ordered) or \
                ordered not in (sorted(ordered), sorted(ordered, reverse=True)) or len(run) <= len(best):
            continue
        step = 1 if ordered[-1] > ordered[0] else -1
        levels: dict[int, int] = {}
        for k in run:
            if k in known:
                levels[k] = known[k]
                continue
            before = [known[j] for j in run if j < k and j in known]
            after = [known[j] for j in run if j > k and j in known]
            place = (before[-1] + after[0]) // 2 if before and after else \
                (after[0] - step if after else before[-1] + step)
            levels[k] = min(5, max(1, place))
        if len(set(levels.values())) == len(levels):
            best = levels
    return best


def _axis_votes(labels: Sequence[Any]) -> int:
    """How many words of the labels' descriptions name a likelihood ("occur", "likely")."""
    axes = value_words("scale_axis")
    return sum(1 for x in labels for w in words_of(x) if axes.get(w) == "probability")


def _runs_once(keys: list[str]) -> bool:
    """Whether each level stands on one run of consecutive rows (a band of the side), not scattered."""
    seen: set[str] = set()
    for k, key in enumerate(keys):
        if key in seen and keys[k - 1] != key:
            return False
        seen.add(key)
    return True


def described_grid(rows: list[list[Any]]) -> tuple[list[list[Any]], str] | None:
    """The risks of such a grid as rows "Risk | Probability | Impact" (or "Risk | Impact | Probability", as the
    side is), and the sentence saying so once of the sheet; None when the sheet is no such grid."""
    best, levels = -1, dict[int, int]()
    for r, row in enumerate(rows):
        found = _across_levels(row)
        if len(found) > len(levels):
            best, levels = r, found
    if best < 0:
        return None
    across = sorted(levels)
    words = value_words("scale")
    side_col, side = -1, list[int]()
    for c in range(min(across)):
        cells = [r for r in range(best + 1, len(rows)) if c < len(rows[r]) and level_word(rows[r][c]) is not None]
        keys = [word_key(level_word(rows[r][c])) for r in cells]
        if len(cells) >= MIN_LEVELS and len(set(keys)) >= 2 and len(cells) > len(side) and \
                cells == list(range(cells[0], cells[0] + len(cells))) and _runs_once(keys):
            side_col, side = c, cells
    if side_col < 0:
        return None
    down_labels = [rows[r][side_col] for r in side]
    across_labels = [rows[best][c] for c in across]
    rows_are = "impact" if _axis_votes(across_labels) > _axis_votes(down_labels) else "probability"
    cols_are = "impact" if rows_are == "probability" else "probability"
    out: list[list[Any]] = [["Risk", rows_are.capitalize(), cols_are.capitalize()]]
    for r in side:
        for c in across:
            x = rows[r][c] if c < len(rows[r]) else None
            # a risk is written in words; a count, a score or a code in a cell is a heat map's, no risk
            if isinstance(x, str) and len(x.split()) >= 2 and level_word(x) is None:
                side_level = int(words[word_key(level_word(rows[r][side_col]))])
                out.append([" ".join(x.split()), _LEVELS[side_level], _LEVELS[levels[c]]])
    if len(out) - 1 < MIN_RISKS:
        return None
    placed = ", ".join(f"“{described_head(rows[best][c])}” {levels[c]}" for c in across)
    said = (f"A grid of risks: each cell's text is a risk, its {rows_are} the level its row's label opens with "
            f"(“{down_labels[0]}” is “{level_word(down_labels[0])}”), its {cols_are} its column's ({placed} of 5; "
            f"a word of no known level takes the place beside its neighbour's); {len(out) - 1} risks.")
    return out, said
