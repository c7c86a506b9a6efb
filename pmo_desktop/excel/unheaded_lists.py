"""A register's list saved with no header row at all (issue 12, round 33).

Command-line exports often write their rows bare: ``gh issue list`` gives "59 | OPEN | title | labels | date",
a script's dump gives "requirements; 59; open; OVI Fahrten-Kontrolle; https://…/issues/59; wichtig". Such a file
has no row naming its columns, so the import refused it whole. When the file's (or the sheet's) own name says
which register it holds, and every row — the first too — gives a number or code that differs from row to row, a
status that register knows and a text of some words that differs from row to row, the columns are read by their
values: the ID, the status, the title; web addresses, lists of tags and whatever else is kept in the notes under a
name saying what it holds. A header is made for the rows and the sheet read under it, as if the file had one.

A tracker's own log repeats now and then (unseen set 95: "101,ATM machine related issue,ATM Working now,Low,Open,
Name,2025-02-11,14:49:16" on every line, one issue entered twice under its ID and short titles such as "ATM
Machine" given three times): an ID may repeat once in twenty rows, the title three in four rows are distinct at
least, and of two such texts the leftmost is the title (a title stands before what is said of it). A column of
the register's priority words on every row, repeated down the rows, is the priority.

Anything short of that is still refused: a demo list ("Asset1, Risk1, Medium": no status, the "titles" repeat),
a table whose first row is its header (that row's cells give no status), a list of names with no status.
"""

from __future__ import annotations

import re
from typing import Any

from ..models.errors import ValidationError
from ..models.fields import Context, Kind
from ..models.values import parse_date
from .header_detection import MAIN_KINDS, SheetKind, named_by_its_last_words
from .value_translation import Translator
from .vocabulary import value_words, word_key
from .workbook_reader import column_letters

# a number or a code ("59", "BUG-101", "R 12"), as an ID column holds
_ID_RE = re.compile(r"^(?:#?\d{1,7}|[^\W\d_]{1,6}[-_. ]?\d{1,7})$")
_WEB_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# "disposition, dringend, P4": a list of short tags, as an export writes an item's labels
_TAG_LIST_RE = re.compile(r"^[^,;]{1,30}(?:[,;]\s*[^,;]{1,30})+$")
_MIN_ROWS = 3


def _text(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)  # a spreadsheet's number "1.0" under the ID is the issue 1
    return "" if x is None else str(x).strip()


def _a_date(x: str) -> bool:
    """A moment ("2023-05-12 09:46:09 +0000 UTC", when an issue was last updated): no record's title."""
    try:
        return parse_date(x, "date") is not None
    except ValidationError:
        return False


def _kind_named(sheet_title: str, file_name: str | None) -> SheetKind | None:
    # the name's last words, as a headed sheet's: "Dragon-Crypto-Gaming_issues.csv", "Apollo - issue log.csv"
    # name the issue log as "issues.csv" does (round 34: a game's 369 bugs so named were refused whole)
    names = [sheet_title] + ([file_name] if file_name else [])
    said = [k for k in MAIN_KINDS if any(named_by_its_last_words(k, n) for n in names)]
    return said[0] if len(said) == 1 else None


def _tags(column: list[str], rows: int) -> bool:
    """An item's labels: most cells a list of short tags ("disposition, dringend, P4"), or a few short words
    given again and again, some of them lists ("bug" on most rows, "bug, High" on some, none on a few)."""
    lists = sum(1 for x in column if _TAG_LIST_RE.match(x))
    if lists * 2 > rows:
        return True
    given = [x for x in column if x]
    return (lists > 0 and len({x.casefold() for x in given}) * 2 <= rows and
            all(_TAG_LIST_RE.match(x) or (len(x) <= 30 and len(x.split()) <= 3) for x in given))


def named_register(sheet_title: str, file_name: str | None) -> str | None:
    """The register a bare list's name says it holds, which its made header is read as (the header alone,
    "ID, Status, Title", fits a risk as well as an issue)."""
    kind = _kind_named(sheet_title, file_name)
    return kind.register if kind is not None else None


def _all_statuses(kind: SheetKind, values: list[str]) -> bool:
    f = kind.reg.field("status")
    translator, ctx = Translator(kind.register, add_unknown=False), Context()
    for x in values:
        if len(x.split()) > 2:
            return False
        try:
            translator.parse(f, x, ctx)
        except ValidationError:
            return False
    return True


def _read_by_values(kind: SheetKind, table: list[list[str]]) -> tuple[list[str], tuple[int, int, int]] | None:
    """The header made for a bare list's rows (see the module's rule) and its ID, status and title columns."""
    if len(table) < _MIN_ROWS:
        return None
    width = max(len(r) for r in table)
    table = [r + [""] * (width - len(r)) for r in table]
    columns = [[r[c] for r in table] for c in range(width)]
    filled = [c for c in range(width) if all(columns[c])]  # the ID, status and title are given on every row

    def distinct(c: int) -> bool:
        return len({x.casefold() for x in columns[c]}) == len(table)

    def mostly_distinct(c: int) -> bool:
        # an ID given twice now and then (one issue entered twice, unseen set 95): one in twenty may
        return len({x.casefold() for x in columns[c]}) >= len(table) - len(table) // 20

    def fairly_distinct(c: int) -> bool:
        # a tracker's titles repeat now and then ("[Bug]:" left as the template gave it, "ATM Machine" three
        # times in a bank's log): three in four distinct at least; a demo's "Risk1, Risk1, Risk3" repeats more
        return len({x.casefold() for x in columns[c]}) * 4 >= len(table) * 3

    ids = [c for c in filled if (distinct(c) or mostly_distinct(c)) and all(_ID_RE.match(x) for x in columns[c])]
    statuses = [c for c in filled if c not in ids and _all_statuses(kind, columns[c])]
    if not ids or len(statuses) != 1:
        return None
    taken = {ids[0], statuses[0]}
    webs = {c for c in filled if c not in taken and all(_WEB_RE.match(x) for x in columns[c])}
    tags = {c for c in range(width) if c not in taken | webs and _tags(columns[c], len(table))}
    texts = [c for c in filled if c not in taken | webs | tags and fairly_distinct(c) and
             not all(_ID_RE.match(x) for x in columns[c]) and not all(_a_date(x) for x in columns[c]) and
             sum(1 for x in columns[c] if len(x.split()) >= 2) * 2 >= len(table)]
    if not texts:
        return None
    title = _title_column(texts, columns)
    priority = _priority_column(kind, [c for c in filled if c not in taken | webs | tags | {title}], columns)
    header = [f"Column {column_letters(c)}" for c in range(width)]
    header[ids[0]], header[statuses[0]], header[title] = "ID", "Status", "Title"
    if priority is not None:
        header[priority] = "Priority"
    for c in webs:
        header[c] = "Web address" if len(webs) == 1 else f"Web address ({column_letters(c)})"
    for c in tags:
        header[c] = "Labels" if len(tags) == 1 else f"Labels ({column_letters(c)})"
    return header, (ids[0], statuses[0], title)


def _title_column(texts: list[int], columns: list[list[str]]) -> int:
    """The title among the columns of texts: the one with the most text (a dump's "title" beside a short label),
    but of two whose texts are alike in length — neither twice the other's — the leftmost: a title stands before
    what is said of it ("ATM machine related issue | ATM Working now", unseen set 95)."""
    longest = max(texts, key=lambda c: sum(len(x) for x in columns[c]))
    size = sum(len(x) for x in columns[longest])
    alike = [c for c in texts if 2 * sum(len(x) for x in columns[c]) > size]
    return min(alike)


def _priority_column(kind: SheetKind, candidates: list[int], columns: list[list[str]]) -> int | None:
    """The one column whose every value is a priority the register knows ("Low", "High", "Critical"), a few
    words given again down the rows, on a register that has a priority; None otherwise."""
    if "priority" not in kind.reg.field_names or kind.reg.field("priority").kind is not Kind.ENUM:
        return None
    f = kind.reg.field("priority")
    translator, ctx = Translator(kind.register, add_unknown=False), Context()

    def reads(x: str) -> bool:
        try:
            return len(x.split()) <= 2 and translator.parse(f, x, ctx) not in (None, "")
        except ValidationError:
            return False

    found = [c for c in candidates if len({x.casefold() for x in columns[c]}) * 2 <= len(columns[c]) and
             all(reads(x) for x in columns[c])]
    return found[0] if len(found) == 1 else None


def _bare_table(rows: list[list[Any]], sheet_title: str, file_name: str | None
                ) -> tuple[SheetKind, list[list[str]]] | None:
    kind = _kind_named(sheet_title, file_name)
    if kind is None or "status" not in kind.reg.field_names or kind.reg.field("status").kind is not Kind.ENUM:
        return None
    return kind, [[_text(x) for x in row] for row in rows if any(_text(x) for x in row)]


def _read_note(header: list[str], keys: tuple[int, ...]) -> str:
    read = set(keys) | {c for c, h in enumerate(header) if h == "Priority"}  # a priority read by its words too
    return ", ".join(f"{column_letters(c)} as {header[c]}" for c in sorted(read))


def made_header(rows: list[list[Any]], sheet_title: str, file_name: str | None) -> tuple[list[str], str] | None:
    """The header a bare list of one register's records lacks (see the module's rule), and a note saying how
    its columns were read; None for any other sheet."""
    bare = _bare_table(rows, sheet_title, file_name)
    made = _read_by_values(*bare) if bare is not None else None
    if made is None:
        return None
    header, keys = made
    note = (f"The sheet has no header row: its columns were read by their values ({_read_note(header, keys)}; the "
            "others kept in the notes), and the rows are numbered under a header made for them, one more than in "
            "the file.")
    return header, note


def own_words_header(rows: list[list[Any]], sheet_title: str, file_name: str | None
                     ) -> tuple[list[str], str] | None:
    """A bare list under a first row of the sheet's own words naming none of the register's columns ("| Fechado?
    | | Lista de issues de My Study Plan | Label |" over `gh issue list` rows pasted into a spreadsheet, round
    34): the header that row becomes, its ID, status and title read by the values below as a bare list's are
    (the sheet's words kept for its other columns), and a note saying so; None for any other sheet. The first
    filled row is replaced by this header: under the ID and the status it gives none, so it is no record."""
    bare = _bare_table(rows, sheet_title, file_name)
    if bare is None or len(bare[1]) <= _MIN_ROWS:
        return None
    kind, table = bare
    made = _read_by_values(kind, table[1:])
    if made is None:
        return None
    header, keys = made
    first = table[0] + [""] * (len(header) - len(table[0]))
    i, s, _t = keys
    if (first[i] and _ID_RE.match(first[i])) or (first[s] and _all_statuses(kind, [first[s]])) or \
            any(_a_date(x) for x in first if x):
        return None
    for c, word in enumerate(first[:len(header)]):
        if word and c not in keys and word not in header:
            header[c] = word
    note = (f"The sheet's header row names none of the register's columns: its columns were read by the values "
            f"below it ({_read_note(header, keys)}; the others kept in the notes under the sheet's own headers).")
    return header, note


# A list of one register's items under captions, no header and no IDs (round 35's held-out "issues.xlsx": "Home
# page", then "http://…/version1/ | Login problem when resized | Done", "| forgot password link problem …", an empty
# row, "Reports page" …). Read only when all of this holds, decided once a sheet from all its rows:
# - the file's or the sheet's name says the register (as for a bare list above);
# - one column holds the items: a text of two words or more on each item row, mostly distinct within a caption;
# - two captions at least: rows whose one filled cell stands left of that column, each above items;
# - left of the items, a cell beside an item (the page's address, a caption of its own) on a third of them at most;
# - right of the items, at most one column, every value in it a status the register knows or a word for nothing
#   ("Done", "NA"), and nothing further right.
# A sheet of labelled steps ("Pretest | …", "Posttest | …" under "Course-I": a label beside every item) or of two
# texts a row is not such a list, and stays refused.
_MIN_ITEMS = 5


def _page_address(row: list[str]) -> str:
    """The web address a row holds alone, else ""."""
    filled = [x for x in row if x]
    return filled[0] if len(filled) == 1 and _WEB_RE.match(filled[0]) else ""


def captioned_list(rows: list[list[Any]], sheet_title: str, file_name: str | None
                   ) -> tuple[list[list[Any]], str] | None:
    """The rows of a list of items under captions (see above) under a header made for them — the items' column
    headed with the register's title, the status column "Status", each caption carried onto its items in a
    column "Group" added at the right — and a note saying so; None for any other sheet."""
    bare = _bare_table(rows, sheet_title, file_name)
    if bare is None:
        return None
    kind = bare[0]
    table = [[_text(x) for x in row] for row in rows]
    width = max((len(r) for r in table), default=0)
    table = [r + [""] * (width - len(r)) for r in table]
    # a lone web address is the page's address under its caption, not a caption of its own
    lone = [(i, next(c for c, x in enumerate(r) if x)) for i, r in enumerate(table)
            if sum(1 for x in r if x) == 1 and not any(_WEB_RE.match(x) for x in r if x)]
    nothing = value_words("nothing")
    multi = [i for i, r in enumerate(table) if sum(1 for x in r if x) >= 2]
    for items in range(1, width):
        texts = [i for i in multi if len(table[i][items].split()) >= 2] + \
            [i for i, c in lone if c == items and len(table[i][items].split()) >= 2]
        if len(texts) < _MIN_ITEMS or any(not table[i][items] for i in multi):
            continue
        captions = [i for i, c in lone if c < items]
        if len(captions) < 2 or any(not any(i > c for i in texts) for c in captions):
            continue
        beside = [i for i in texts if any(table[i][c] for c in range(items))]
        if len(beside) * 3 > len(texts):
            continue
        right = [c for c in range(items + 1, width) if any(table[i][c] for i in texts)]
        if len(right) > 1 or (right and not _all_statuses(kind, [table[i][right[0]] for i in texts
                                                                  if table[i][right[0]] and
                                                                  word_key(table[i][right[0]]) not in nothing])):
            continue
        title = kind.reg.name_field
        header: list[Any] = [""] * width + ["Group"]
        header[items] = title.label if title is not None else "Title"
        if right:
            header[right[0]] = "Status"
        made: list[list[Any]] = [header]
        caption: Any = None
        group: Any = None
        listed = False  # an item stands under the caption already
        for i, row in enumerate(rows):
            if i in captions:
                caption = group = table[i][next(c for c, x in enumerate(table[i]) if x)]
                listed = False
            elif caption is not None and not listed and group == caption and _page_address(table[i]):
                # a web address alone under a caption, before any item (round 35's "Courses page", then
                # "http://…/courses.php"): the page's address, carried with the caption onto its items; it was
                # skipped as a row with nothing in the columns read, and lost
                group = f"{caption} ({_page_address(table[i])})"
            listed = listed or i in texts
            cells = list(row) + [None] * (width - len(row))
            made.append(cells + [group if i in texts else None])
        note = (f"The sheet has no header row: its items in column {column_letters(items)} were read as the "
                f"{kind.reg.title.lower()}'s, each with the caption above it kept as its group"
                + (f" and column {column_letters(right[0])} as its status" if right else "")
                + "; the rows are numbered under a header made for them, one more than in the file.")
        return made, note
    return None
