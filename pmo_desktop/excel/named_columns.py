"""The column that names a register's records when its header says something else (issue 12, classes69a).

Two shapes of unseen set 68, each decided once a sheet from the header and the values under it:

- an "ID" column written in words ("Error ID": "Hive query fails at 20GB of data"): no code, each row's name.
  It was kept in the notes and the description titled the records; the rows with no description were skipped
  as section headings and lost (``worded_ids``);
- a column of long texts under a header naming no field ("Reason": the failure of each run of a bot) beside a
  "Comments" column: the comments (what was done about it) titled the records, and the rows not commented on
  were skipped as text under the header (``said_beside_comments``);
- and the column that names nothing: a template's drop-down lists written beside its empty table ("Risk,
  Assumption, Issue, Open, Closed, Critical …"), taken for the title column, made a record of each choice
  (``choice_list_beside``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .vocabulary import action_notes_words, id_words, value_words_every, word_key, words_of

# the least number of filled cells a column needs before its values say what it holds
_LEAST_VALUES = 2


def _values(c: int, sample: list[list[Any]]) -> list[Any]:
    return [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]


def _phrases(values: list[Any]) -> bool:
    """Distinct texts written with spaces, each of two words or more (a code has one: "ERR-101", "R1") and a word of letters only
    (a list of codes, "R1, R2, R5", has none), half of them three or more words: the names of things written out
    ("S3distcp data loss"), not identifiers."""
    if len(values) < _LEAST_VALUES or not all(isinstance(x, str) for x in values):
        return False
    if not all(" " in x.strip() for x in values):
        return False  # an identifier spelled as one token ("event:mobile_app_release_v5_4") is a code, not a name
    said = [words_of(x) for x in values]
    keys = {" ".join(words) for words in said}
    return all(len(words) >= 2 and any(len(w) >= 4 and w.isalpha() for w in words) for words in said) and \
        sum(1 for words in said if len(words) >= 3) * 2 >= len(said) and len(keys) == len(values)


def worded_ids(row: list[Any], mapping: dict[int, str], sample: list[list[Any]], title: str,
               description_stems: tuple[str, ...]) -> dict[int, str]:
    """An unread column headed as identifiers ("Error ID", its last word one of ``ids`` in the words files)
    whose values are phrases, on a sheet whose records are named by no column or by their description: that
    column is the title, and the description column, had it taken the title, is the description again.
    A column of codes ("ERR-101") stays in the notes as before."""
    tc = next((c for c, n in mapping.items() if n == title), None)
    if tc is not None and not (tc < len(row) and isinstance(row[tc], str) and (words := words_of(row[tc]))
                               and words[-1].startswith(description_stems)):
        return mapping
    ids = id_words()
    for c, cell in enumerate(row):
        words = words_of(cell) if isinstance(cell, str) else []
        if c in mapping or len(words) < 2 or words[-1] not in ids or not _phrases(_values(c, sample)):
            continue
        out = {k: n for k, n in mapping.items() if k != tc}
        if tc is not None and "description" not in mapping.values():
            out[tc] = "description"
        out[c] = title
        return out
    return mapping


# a file's path or name: folders parted by slashes ("/home/me/input/…"), or a name ending in its extension
_PATH_RE = re.compile(r"[\\/][^\s\\/]+[\\/]|\.[A-Za-z][A-Za-z0-9]{1,3}\s*$")


def _a_path(text: str) -> bool:
    return _PATH_RE.search(text) is not None


def said_beside_comments(row: list[Any], mapping: dict[int, str], sample: list[list[Any]],
                         title: str) -> dict[int, str]:
    """A register with no title column whose description is read from a comments column ("Comments",
    "Remarks": ``action_notes`` in the words files, what was said or done about each record), beside an unread
    column of long texts filled on more rows than the comments ("Reason": what went wrong): the long texts
    name the records; the comments stay their description. A comments column left empty on the whole sheet
    stops nothing (classes88: an issue list's later sheet, "Date | Item | comments | Status" with only its items
    written, lost every row), but then the long texts must be the one column the header left unread that holds
    anything (a timesheet's "Task Details" beside its unread employee, board and hours names no issue), and no file
    paths: an empty "notes" column beside a log's paths (round 40's HadyTagg) says nothing of what names the rows."""
    if title in mapping.values():
        return mapping
    dc = next((c for c, n in mapping.items() if n == "description"), None)
    if dc is None or dc >= len(row) or not isinstance(row[dc], str) or word_key(row[dc]) not in action_notes_words():
        return mapping
    commented = len(_values(dc, sample))
    for c, cell in enumerate(row):
        values = _values(c, sample)
        if c in mapping or not isinstance(cell, str) or not words_of(cell) or len(values) <= commented or \
                len(values) < _LEAST_VALUES or not all(isinstance(x, str) for x in values):
            continue
        if commented < _LEAST_VALUES and (any(k != c and k not in mapping and _values(k, sample)
                                              for k in range(max(len(row), max(map(len, sample), default=0))))
                                          or sum(1 for x in values if _a_path(x)) * 2 >= len(values)):
            # the comments empty, only the one column of texts the header left unread names the rows: beside other
            # unread columns (a timesheet's employee, board and hours beside its task details) it may be anything;
            # and an empty "notes" column beside a log's file paths (round 40's HadyTagg) says nothing of names
            continue
        distinct = len({" ".join(words_of(x)) for x in values})
        if sum(1 for x in values if len(words_of(x)) > 4) * 2 > len(values) and distinct * 3 >= len(values) * 2:
            # most of them sentences, and most told apart: a source cited on every row of a table of parameters
            # ("technology_data….xlsx 22 Utility-scale PV" on 160 rows, round 54) names none of them
            return {**mapping, c: title}
    return mapping


@lru_cache(maxsize=1)
def _choice_words() -> frozenset[str]:
    return frozenset(value_words_every())


def choice_list_beside(row: list[Any], mapping: dict[int, str], sample: list[list[Any]], title: str) -> dict[int, str]:
    """The title column of a table whose other columns hold nothing, when its cells (its header too, where it
    is one) are distinct words of the registers' own choices (statuses, levels, RAID types, "Bug" and "New
    Feature": ``values`` in the words files): a template's drop-down lists beside its empty table, no records.
    The column is given up; the table, empty, makes nothing. A list beside a table of records is no title
    column there, the table's own one is."""
    tc = next((c for c, n in mapping.items() if n == title), None)
    if tc is None or any(c != tc and _values(c, sample) for c in mapping):
        return mapping
    items = _values(tc, sample)
    head = row[tc] if tc < len(row) else None
    if isinstance(head, str) and word_key(head) in _choice_words():
        items = [head, *items]
    keys = [word_key(x) if isinstance(x, str) else "" for x in items]
    words = _choice_words()
    if len(keys) < _LEAST_VALUES or not all(k in words for k in keys) or len(set(keys)) < len(keys):
        return mapping
    return {c: n for c, n in mapping.items() if c != tc}


# a record's short code: letters, maybe a separator, digits ("R1", "RSK-07", "I.12") — no name of anything
_SHORT_CODE = re.compile(r"[^\W\d_]{1,5}[-_#./]?\d{1,6}", re.UNICODE)  # ("Risk 1", a word and its number: a title)


def _a_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) or \
        isinstance(x, str) and re.fullmatch(r"\d{1,6}(?:\.0)?", x.strip()) is not None


def coded_titles(row: list[Any], mapping: dict[int, str], sample: list[list[Any]], title: str, key: str | None,
                 description_stems: tuple[str, ...]) -> tuple[dict[int, str], str | None]:
    """The title column holding only short codes, each its own ("Risk": "R1" … "R8"), beside a column headed as a
    description whose values are phrases ("Description": "Inadequate funding to complete project"): the codes are
    the records' codes and the description names them (classes90; the way round of ``worded_ids``). A code column
    of bare numbers ("No.": 1, 2, 3 …) yields the code and is kept in the notes; a code column of codes of its own
    leaves the sheet as it was. Decided once a sheet from the header and the values; returns the mapping and what
    the import's report says of it."""
    tc = next((c for c, n in mapping.items() if n == title), None)
    if tc is None or key is None:
        return mapping, None
    codes = _values(tc, sample)
    if len(codes) < _LEAST_VALUES or not all(isinstance(x, str) and _SHORT_CODE.fullmatch(x.strip()) for x in codes) \
            or len({str(x).strip().lower() for x in codes}) != len(codes):
        return mapping, None
    kc = next((c for c, n in mapping.items() if n == key), None)
    if kc is not None and not all(_a_number(x) for x in _values(kc, sample)):
        return mapping, None
    for c, cell in enumerate(row):
        words = words_of(cell) if isinstance(cell, str) else []
        if c == tc or not words or not words[0].startswith(description_stems) or \
                mapping.get(c) not in (None, "description") or not _phrases(_values(c, sample)):
            continue
        out = {k: n for k, n in mapping.items() if k not in (tc, kc, c)}
        out[tc] = key
        out[c] = title
        said = (f"“{row[tc]}” holds only short codes ({codes[0]} …): read as the code, the records titled by "
                f"“{row[c]}”" + (f"; “{row[kc]}” (their numbers) kept in the notes." if kc is not None else "."))
        return out, said
    return mapping, None
