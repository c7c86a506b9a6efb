"""A list of texts under a group written once (classes84): "Page Name | Issues", "Area | Issue".

Two columns, one the register's records headed by its noun ("Issues"), the other a group each record falls under
("Page Name", "Area"), written on the first row of its group and left blank below: "Home Page | Pictures change …",
" | Services click …", " | Followers count …", "Newsletter Page | …". With no ID or number column the header named
one field only, and the rule reading a list named by its noun alone asked every row for two cells: the rows the
group leaves blank have one, and the whole list was refused ("SL | Issue" was read).

Decided once a sheet, from its first rows: the other column's cells are short labels (four words at most, one
line), it fills the first row, and it is left blank on at least one row whose record is written. Such a column is a
group: each row takes the label written last above it, kept under the column's header with the record (in the
description of an issue), said once a sheet.
"""

from __future__ import annotations

from typing import Any

MAX_WORDS = 4  # words in a group's label at most: a longer cell is a text of its own


def _filled(x: Any) -> bool:
    return x is not None and str(x).strip() != ""


def _label(x: Any) -> bool:
    return isinstance(x, str) and "\n" not in x.strip() and 0 < len(x.split()) <= MAX_WORDS


def labels_records(rows: list[list[Any]], group: int, text: int) -> bool:
    """Whether column ``group`` holds short labels of the records of column ``text`` (an area, a page), written
    once over a group or on each row it applies to, some record rows left blank: the list's second column all the
    same, whose blank rows are records too (fault73: "Area | Issues" written on each row, blank where no area is,
    was refused whole once the blanks were no group's)."""
    written = [r for r in rows if text < len(r) and _filled(r[text])]
    labels = [r[group] for r in rows if group < len(r) and _filled(r[group])]
    return len(written) >= 2 and bool(labels) and all(_label(x) for x in labels) and \
        any(group >= len(r) or not _filled(r[group]) for r in written)


def written_once(rows: list[list[Any]], group: int, text: int) -> bool:
    """Whether column ``group`` labels the records of column ``text`` once a group (see the module)."""
    written = [r for r in rows if text < len(r) and _filled(r[text])]
    if len(written) < 2:
        return False
    first = next((r for r in rows if any(_filled(x) for x in r)), None)
    if first is None or group >= len(first) or not _label(first[group]):
        return False
    labels = [r[group] for r in rows if group < len(r) and _filled(r[group])]
    if any(" ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()
           for a, b in zip(labels, labels[1:])):
        # "Finance" written on two rows in a row: the column is written on each row it applies to, and a row
        # left blank has none — carried down, "Nobody owns the shared mailbox" was said to be Finance's (fault73)
        return False
    return all(_label(x) for x in labels) and any(group >= len(r) or not _filled(r[group]) for r in written)


def group_columns(rows: list[list[Any]], mapping: dict[int, str], headers: list[str], title: str | None
                  ) -> tuple[int, ...]:
    """The group column of a two-column list read by its title alone (``written_once``), else ()."""
    named = [c for c, n in mapping.items() if n == title]
    if title is None or len(mapping) != 1 or len(named) != 1:
        return ()
    others = [c for c, h in enumerate(headers) if h and c != named[0]]
    if len(others) != 1 or not written_once(rows, others[0], named[0]):
        return ()
    return (others[0],)
