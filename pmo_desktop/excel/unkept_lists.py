"""Lists the office keeps no register of, said as what they are when no header row was found (issue 12, round 65).

A workbook whose one sheet is an action tracker ("S.No | Task Category | Task Description | Owner | Status") or a
lessons-learned log (a title block over "SL. NO | DATE RAISED | EVENT | LESSON CATEGORY | …") has no header the
import takes for a register's, and was refused with "No sheet … has a header row naming register columns …;
check the workbook" — as if the table were broken and could be mended. The sheet's name (a CSV's, its file's)
says what it holds, and the office keeps no such register: actions are kept on the risk or issue they answer, and
lessons are no register at all. The refusal says so instead. Nothing else changes: such a sheet was already
refused (round 39's action lists, refused by their columns, ended in the same generic words and are said so too),
and a refusal that says how to map a sheet by hand (a header found, no column naming the records) stays.

Decided once a workbook, of its one sheet's name, by the words files (``foreign.actions.sheets``,
``foreign.lessons.sheets``, and a word of the name naming things to do, ``todo_names``: classes81).
"""

from __future__ import annotations

from typing import Any

from .todo_lists import todo_word
from .vocabulary import foreign_words, word_key

# what each list is, said after "is named as"
_WHAT = {"actions": "an action list, and the office keeps actions on the risk or issue they answer, not in a "
                    "register of their own (to keep each as an issue of its own, choose Issues for the sheet in the "
                    "preview, or import it with --register issues)",
         "lessons": "a lessons-learned log, and the office keeps no register of lessons"}


def named_as_unkept(title: str, rows: list[list[Any]] | None = None) -> str | None:
    """What a sheet named ``title`` holds, when its name says a list the office keeps no register of, or None.
    ``rows``: its first rows, whose cells may say things to do or by when ("task", "due") beside a name that says
    actions only as it may say shares ("actions_<team>", todo_lists)."""
    key = word_key(title)
    if not key:
        return None
    for what, said in _WHAT.items():
        if any(w in key for w in foreign_words(what, "sheets")):
            return said
    # a word of the name naming things to do ("actions_dau", "待办事项": ``todo_names``, todo_lists; classes81)
    cells = [x for row in (rows or [])[:3] for x in row]
    return _WHAT["actions"] if todo_word(title, cells) is not None else None


def unkept_message(file_name: str, title: str, said: str) -> str:
    """The refusal of a workbook whose one sheet ``title`` is named as a list the office keeps no register of."""
    return f"“{file_name}” holds no register's records: its sheet “{title}” is named as {said}; nothing was imported."
