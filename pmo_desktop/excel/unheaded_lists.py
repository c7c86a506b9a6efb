"""A register's list saved with no header row at all (issue 12, round 33).

Command-line exports often write their rows bare: ``gh issue list`` gives "59 | OPEN | title | labels | date",
a script's dump gives "requirements; 59; open; OVI Fahrten-Kontrolle; https://…/issues/59; wichtig". Such a file
has no row naming its columns, so the import refused it whole. When the file's (or the sheet's) own name says
which register it holds, and every row — the first too — gives a number or code that differs from row to row, a
status that register knows and a text of some words that differs from row to row, the columns are read by their
values: the ID, the status, the title; web addresses, lists of tags and whatever else is kept in the notes under a
name saying what it holds. A header is made for the rows and the sheet read under it, as if the file had one.

Anything short of that is still refused: a demo list ("Asset1, Risk1, Medium": no status, the "titles" repeat),
a table whose first row is its header (that row's cells give no status), a list of names with no status.
"""

from __future__ import annotations

import re
from typing import Any

from ..models.errors import ValidationError
from ..models.fields import Context, Kind
from ..models.values import parse_date
from .header_detection import MAIN_KINDS, SheetKind
from .value_translation import Translator
from .workbook_reader import column_letters

# a number or a code ("59", "BUG-101", "R 12"), as an ID column holds
_ID_RE = re.compile(r"^(?:#?\d{1,7}|[^\W\d_]{1,6}[-_. ]?\d{1,7})$")
_WEB_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# "disposition, dringend, P4": a list of short tags, as an export writes an item's labels
_TAG_LIST_RE = re.compile(r"^[^,;]{1,30}(?:[,;]\s*[^,;]{1,30})+$")
_MIN_ROWS = 3


def _text(x: Any) -> str:
    return "" if x is None else str(x).strip()


def _a_date(x: str) -> bool:
    """A moment ("2023-05-12 09:46:09 +0000 UTC", when an issue was last updated): no record's title."""
    try:
        return parse_date(x, "date") is not None
    except ValidationError:
        return False


def _kind_named(sheet_title: str, file_name: str | None) -> SheetKind | None:
    names = [sheet_title] + ([re.sub(r"[_\-]+", " ", file_name)] if file_name else [])
    said = [k for k in MAIN_KINDS if any(k.matches_sheet_name(n) for n in names)]
    return said[0] if len(said) == 1 else None


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


def made_header(rows: list[list[Any]], sheet_title: str, file_name: str | None) -> tuple[list[str], str] | None:
    """The header a bare list of one register's records lacks (see the module's rule), and a note saying how
    its columns were read; None for any other sheet."""
    kind = _kind_named(sheet_title, file_name)
    if kind is None or "status" not in kind.reg.field_names or kind.reg.field("status").kind is not Kind.ENUM:
        return None
    table = [[_text(x) for x in row] for row in rows if any(_text(x) for x in row)]
    if len(table) < _MIN_ROWS:
        return None
    width = max(len(r) for r in table)
    table = [r + [""] * (width - len(r)) for r in table]
    columns = [[r[c] for r in table] for c in range(width)]
    filled = [c for c in range(width) if all(columns[c])]  # the ID, status and title are given on every row

    def distinct(c: int) -> bool:
        return len({x.casefold() for x in columns[c]}) == len(table)

    ids = [c for c in filled if distinct(c) and all(_ID_RE.match(x) for x in columns[c])]
    statuses = [c for c in filled if c not in ids and _all_statuses(kind, columns[c])]
    if not ids or len(statuses) != 1:
        return None
    taken = {ids[0], statuses[0]}
    webs = {c for c in filled if c not in taken and all(_WEB_RE.match(x) for x in columns[c])}
    tags = {c for c in range(width) if c not in taken | webs and
            sum(1 for x in columns[c] if _TAG_LIST_RE.match(x)) * 2 > len(table)}
    texts = [c for c in filled if c not in taken | webs | tags and distinct(c) and
             not all(_ID_RE.match(x) for x in columns[c]) and not all(_a_date(x) for x in columns[c]) and
             sum(1 for x in columns[c] if len(x.split()) >= 2) * 2 >= len(table)]
    if not texts:
        return None
    title = max(texts, key=lambda c: sum(len(x) for x in columns[c]))
    header = [f"Column {column_letters(c)}" for c in range(width)]
    header[ids[0]], header[statuses[0]], header[title] = "ID", "Status", "Title"
    for c in webs:
        header[c] = "Web address" if len(webs) == 1 else f"Web address ({column_letters(c)})"
    for c in tags:
        header[c] = "Labels" if len(tags) == 1 else f"Labels ({column_letters(c)})"
    read = ", ".join(f"{column_letters(c)} as {header[c]}" for c in sorted({ids[0], statuses[0], title}))
    note = (f"The sheet has no header row: its columns were read by their values ({read}; the others kept in the "
            "notes), and the rows are numbered under a header made for them, one more than in the file.")
    return header, note
