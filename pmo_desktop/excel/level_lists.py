"""A list laid out by level: the header row is one scale's levels, each record's text under its own (issue 12,
classes83).

A test campaign's "缺陷.xlsx" (defects): "(blank) | P1 | P2 | P3 | P4 | P5", the application written once over its
group in column A (merged down: firefox, vlc, gimp …), each defect's text in the column of its priority, one a row.
No header word names a field, so the workbook was refused "no header row" (30 defects). Decided once a sheet, and read
only when all of this holds:
- a row among the first ones fills three cells or more after its first column, each a level of the issue log's
  priority as the words files and the register know them ("P1" … "P5", "S1", "High | Medium | Low", "Critical |
  Major | Minor", "高 | 中 | 低", "Высокий | Средний | Низкий"), all written alike (all ranks, or all words), no
  level twice, no single Latin letter ("A | B | C" names columns); its first cell empty or a label, not a level;
- under it, every filled cell is in a level's column or in the first column, each level cell a text with letters
  (no ticks, no figures), one a row on four rows in five at least (a list, not a cross-tab of counts or marks), three
  texts at least;
- the sheet's or the workbook's name names no other register;
- the first column's names are no scale's levels themselves: "Impact | Very Low … Very High" over rows "Very High",
  "High" … is a probability-impact matrix (a heat map placing each risk), two scales, not a list by one (fault73).
Each text is an issue titled by it, its priority the level its column is headed by (read as any priority cell is,
said in the sheet note as "P1" is), the first column's name — merged or written once over the rows under it, carried
down — kept in the notes under its header, or "Column A" when it has none. Said in the sheet notes."""

from __future__ import annotations

import re
from typing import Any

from ..models.errors import ValidationError
from ..models.fields import Context
from ..models.registers import REGISTERS
from .unheaded_lists import named_register
from .value_translation import Translator
from .vocabulary import word_key

_TOP = 10           # rows looked through for the levels' header
_MIN_LEVELS = 3
_MIN_TEXTS = 3
_RANK_RE = re.compile(r"^\s*(?:p(?:rio(?:rity)?)?|s(?:ev(?:erity)?)?)\s*[-.]?\s*[0-9]\s*$", re.I)
_MADE_TITLE, _MADE_LEVEL, _UNHEADED = "Title", "Priority", "Column A"


def _text(x: Any) -> str:
    return "" if x is None else str(x).strip()


def _levels(cells: list[str]) -> bool:
    """Whether texts are three or more distinct levels of the issue log's priority, all written alike."""
    if len(cells) < _MIN_LEVELS or len({word_key(x) for x in cells}) != len(cells):
        return False
    ranks = [bool(_RANK_RE.match(x)) for x in cells]
    if any(ranks):
        return all(ranks)
    if any(len(word_key(x)) < 2 and word_key(x).isascii() for x in cells):
        return False  # "A | B | C": letters naming columns, not "A" as a level
    translator = Translator("issues", add_unknown=False)
    f, ctx = REGISTERS["issues"].field("priority"), Context()
    for x in cells:
        try:
            translator.parse(f, x, ctx)
        except ValidationError:
            return False
    return not translator.by_part.get(f.name) and not translator.slips.get(f.name)


def level_list(rows: list[list[Any]], sheet_title: str, file_name: str | None
               ) -> tuple[list[list[Any]], str] | None:
    """The rows under a header made for them ("Title | Priority | <first column's header>"), one text a row, and the
    note saying so; None for any other sheet (see the module's rule)."""
    if named_register(sheet_title, file_name) not in (None, "issues"):
        return None
    table = [[_text(x) for x in r] for r in rows]
    h = next((i for i, r in enumerate(table[:_TOP]) if sum(1 for x in r[1:] if x) >= _MIN_LEVELS), None)
    if h is None or any(sum(1 for x in r if x) > 1 for r in table[:h]):
        return None  # a title line above, at most: a table above is another layout
    head = table[h]
    cols = [c for c in range(1, len(head)) if head[c]]
    if not _levels([head[c] for c in cols]) or (head[0] and _levels([head[0], *(head[c] for c in cols)])):
        return None
    groups = list(dict.fromkeys(r[0] for r in table[h + 1:] if r and r[0]))
    if len(groups) >= _MIN_LEVELS and _levels(groups):
        return None  # levels down column A too ("Impact" over Very High … Very Low): a matrix of two scales, a heat map
    group_label = head[0] or _UNHEADED
    made: list[list[Any]] = [[None, None, None] for _ in range(h)] + [[_MADE_TITLE, _MADE_LEVEL, group_label]]
    group, texts, single, filled_rows = "", 0, 0, 0
    for r in table[h + 1:]:
        if any(x for c, x in enumerate(r) if c and c not in cols):
            return None  # a cell under no level: another layout
        if r and r[0]:
            group = r[0]
        found = [(c, r[c]) for c in cols if c < len(r) and r[c]]
        if not found:
            made.append([None, None, None])
            continue
        filled_rows += 1
        single += len(found) == 1
        for c, x in found:
            if not any(ch.isalpha() for ch in x) or len(x) < 2:
                return None  # ticks, marks or figures under the levels: a cross-tab, not a list
            made.append([x, head[c], group or None])
            texts += 1
    if texts < _MIN_TEXTS or single * 5 < filled_rows * 4:
        return None
    levels = " | ".join(head[c] for c in cols)
    where = f"“{head[0]}”" if head[0] else "column A (no header)"
    note = (f"Read as a list by level: the header “{levels}” is one scale's levels, so each text under a level is one "
            f"issue with that level as its priority; the name in {where}, written once over its group, is kept in the "
            f"notes of each issue under it as “{group_label}”.")
    return made, note
