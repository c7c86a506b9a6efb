"""A bug list written one sentence a line, with no header row (issue 12, classes77).

A developer's "Bug.xlsx": "Không xóa được học sinh khỏi lớp" (cannot remove a pupil from a class) and a dozen more,
one a row in column A, nothing else on the sheet; on another sheet the same under section words alone on their rows
("ADMIN", then "1. …", "2. …"; "CLIENT", then "1. …"), screenshot links beside some items. No ID, status or date:
no header search reads it and the bare-list reading (``unheaded_lists``) needs a code and a status on every row,
so the workbook was refused. Such a list looks the same as a to-do list; only its name tells them apart. Decided
once a sheet, from all its rows, and read only when all of this holds:
- the sheet's name names the issue log ("Bug", "Issues", "Lỗi", "问题记录": ``named_register``), or the workbook's
  where the sheet's says nothing ("Sheet1" of "Bug.xlsx"; the importer's ``_sentence_list``): an "Issue Log.xlsx"'s
  cover sheet of sentences is not its issues;
- every filled row has its text in the sheet's first column and, beside it, web addresses only (screenshots);
- each such text is an item — two words at least — or a section word: a short line (three words at most, no
  number) alone on its row, above items, in capitals or followed by an item numbered 1;
- five items at least, and most rows are items.
Each item is an issue titled by its sentence, a leading "1." / "2)" taken off (kept with the section in the notes),
the section word kept as the issue's group ("Section"), the links kept in the notes. Said in the sheet notes. A
list not so named (a to-do list, a shopping list) stays refused as before; a sheet with any other cell stays refused.
"""

from __future__ import annotations

import re
from typing import Any

from .unheaded_lists import named_register
from .workbook_reader import column_letters

_MIN_ITEMS = 5
_NUMBERED_RE = re.compile(r"^\s*(\d{1,3})[.)](?!\d)\s*(?=\S)")
_WEB_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
SECTION, NUMBER, LINK = "Section", "Number in its section", "Link"


def _text(x: Any) -> str:
    return "" if x is None else str(x).strip()


def _section_word(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and not any(ch.isdigit() for ch in text) and not _WEB_RE.match(text) and \
        not text.endswith((".", "!", "?", ":"))


def sentence_list(rows: list[list[Any]], sheet_title: str, file_name: str | None, title_label: str
                  ) -> tuple[list[list[Any]], str] | None:
    """The rows under a header made for them ("<title> | Link … | Section | Number in its section"), each item's
    sentence in the title column without its number, a section's own row left blank, and the note saying so; None
    for any other sheet (see the module's rule)."""
    if named_register(sheet_title, file_name) != "issues":
        return None
    table = [[_text(x) for x in r] for r in rows]
    width = max((len(r) for r in table), default=0)
    if width == 0:
        return None
    table = [r + [""] * (width - len(r)) for r in table]
    filled = [i for i, r in enumerate(table) if any(r)]
    if any(not table[i][0] for i in filled):
        return None  # a text not in the first column: another layout
    if any(x and not _WEB_RE.match(x) for i in filled for x in table[i][1:]):
        return None  # beside the text only links (screenshots): anything else is a table of its own
    kinds: dict[int, str] = {}
    for n, i in enumerate(filled):
        text = table[i][0]
        after = table[filled[n + 1]][0] if n + 1 < len(filled) else ""
        alone = not any(table[i][1:])
        first_of_numbered = (m := _NUMBERED_RE.match(after)) is not None and m.group(1) == "1"
        if alone and _section_word(text) and after and (text.isupper() or first_of_numbered):
            kinds[i] = SECTION
        elif len(text.split()) >= 2:
            kinds[i] = "item"
        else:
            return None  # a lone word that heads nothing: no such list
    items = [i for i, k in kinds.items() if k == "item"]
    if len(items) < _MIN_ITEMS or len(items) * 2 < len(filled):
        return None
    links = [c for c in range(1, width) if any(table[i][c] for i in items)]
    numbered = any(_NUMBERED_RE.match(table[i][0]) for i in items)
    sectioned = SECTION in kinds.values()
    header: list[Any] = [title_label] + [f"{LINK} {k}" if k > 1 else LINK for k in range(1, len(links) + 1)] + \
        [SECTION] * sectioned + [NUMBER] * numbered
    made: list[list[Any]] = [header]
    section = ""
    sections: list[str] = []
    for i, row in enumerate(table):
        if kinds.get(i) == SECTION:
            section = row[0]
            sections.append(section)
            made.append([None] * len(header))
        elif kinds.get(i) == "item":
            m = _NUMBERED_RE.match(row[0])
            title = row[0][m.end():].strip() if m else row[0]
            made.append([title, *(row[c] or None for c in links), *[section or None] * sectioned,
                         *[int(m.group(1)) if m else None] * numbered])
        else:
            made.append([None] * len(header))
    said = ", ".join(f"“{s}”" for s in sections)
    note = (f"The sheet has no header row: its {len(items)} lines of text in column {column_letters(0)} were read as "
            f"issues, each titled by its sentence, because the sheet's or the workbook's name names the issue log"
            + (f"; the section words alone on their rows ({said}) kept as each item's “{SECTION}”" if sections else "")
            + (f"; the items' numbers taken off their titles and kept as “{NUMBER}”" if numbered else "")
            + ("; the links beside them kept in the notes" if links else "")
            + ". The rows are numbered under a header made for them, one more than in the file.")
    return made, note
