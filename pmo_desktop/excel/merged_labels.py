"""A group's label merged down the rows it groups, from the header row (issue 12, classes87a, unseen set 87).

Two tables of risks stacked on one sheet, each under the same header, column A a label merged from the header row
down over the table's rows: "Proyecto" over A2:B14 (the project's risks), "Producto" over A17:B29 (the product's).
The header search read the merged cell on the header row as a column's header, "Proyecto" → the project column:
the first table's rows got no project and the second's the project "Producto", a project record made of a label.

A cell of the header row merged down over two data rows or more is no column's header: it labels the rows it
spans, as a caption over a block would. Each row takes the label of the merged range it lies in as its category
(the register's group field), the columns of the range beside the first left unread (they hold nothing of their
own). Decided once a sheet, from its merged ranges; only where the register has a category, two ranges at least
stand in those columns (one label per stacked table: a single one down one table is as often a heat map's axis,
"Likelihood" down A2:A6 beside the risk list, corpus3's unseen64) and every range starts on the header row or on a
row repeating it; said in the import's report.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .header_detection import HeaderMatch
from .workbook_reader import SheetReader, column_letters

# rows a label must span below its header row: one is a two-row header's lower half merged upward, not a group
SPANNED_MIN = 2
GROUP_LABEL = "Group"  # the labels' line in the notes where a column of the sheet gives the category


def _label_fields(match: HeaderMatch) -> str | None:
    names = match.kind.reg.field_names
    return next((n for n in ("category", "group") if n in names), None)


def merged_group_labels(reader: SheetReader, match: HeaderMatch
                        ) -> tuple[list[list[Any]], list[tuple[int, int, int, int]], HeaderMatch, str] | None:
    """The sheet's rows with each row's group label written in the label column, the merged ranges left, the
    match reading that column as the label's field, and the note; None for any other sheet."""
    field = _label_fields(match)
    if field is None or match.kind.is_child:
        return None
    # a category column of the sheet's own beside the labels (fault74: "Proyecto" A1:A3, "Producto" A5:A7 beside
    # "Categoría" were read as the project column again, a project "Producto" made): the labels are still no
    # column's header — each row's group, kept in its notes, the category the column's
    taken = next((c for c, n in match.mapping.items() if n == field), None)
    header_row = match.row  # 1-based
    merges = reader.merged_ranges()
    top = [r for r in merges if r[0] == header_row and r[2] - header_row >= SPANNED_MIN]
    if len(top) != 1:
        return None
    _, c1, _, c2 = top[0]
    rows = [list(r) for r in reader.all_rows()]
    header = rows[header_row - 1] if header_row <= len(rows) else []
    label = header[c1] if c1 < len(header) else None
    if not isinstance(label, str) or not label.strip():
        return None
    if not any(c not in range(c1, c2 + 1) for c in match.mapping):
        return None
    # every range of those columns: the first starting on the header row, the others on a row repeating it
    ranges = sorted(r for r in merges if r[1] == c1 and r[3] == c2)
    if len(ranges) < 2:
        return None  # one label down one table: as often a heat map's axis ("Likelihood" down A2:A6) beside a list
    heads = [h for i, h in enumerate(header) if h is not None and not c1 <= i <= c2]
    for r1, _, r2, _ in ranges:
        if r2 - r1 < SPANNED_MIN or r1 > len(rows):
            return None
        if r1 != header_row:
            again = rows[r1 - 1]
            if [h for i, h in enumerate(again) if h is not None and not c1 <= i <= c2] != heads:
                return None  # a label merged down rows of data, not from a header written again
    labels: list[str] = []
    for r1, _, r2, _ in ranges:
        text = rows[r1 - 1][c1] if c1 < len(rows[r1 - 1]) else None
        if not isinstance(text, str) or not text.strip():
            return None
        labels.append(text.strip())
        for r in range(r1 + 1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            row += [None] * (c2 + 1 - len(row))
            if any(row[c] is not None for c in range(c1, c2 + 1)):
                return None  # a merged range holds its value in its first cell alone
            row[c1] = text.strip()
    for r1, _, _, _ in ranges:
        for c in range(c1 + 1, c2 + 1):
            if c < len(rows[r1 - 1]):
                rows[r1 - 1][c] = None
    mapping = {c: n for c, n in match.mapping.items() if not c1 <= c <= c2}
    headers = ["" if c1 < i <= c2 else h for i, h in enumerate(match.headers)]
    if taken is None:
        mapping[c1] = field
    else:
        headers[c1] = GROUP_LABEL
        for r1, _, _, _ in ranges:
            rows[r1 - 1][c1] = GROUP_LABEL if r1 == header_row else None  # the header written again: no record
    left = [r for r in merges if r not in ranges]
    spans = ", ".join(f"“{t}” ({column_letters(c1)}{r1}:{column_letters(c2)}{r2})"
                      for t, (r1, _, r2, _) in zip(labels, ranges))
    each = "each" if len(labels) > 1 else "it"
    what = match.kind.reg.field(field).label.lower()
    note = (f"{spans} merged down column {column_letters(c1)} from the header row over the rows {each} groups: "
            + (f"read as each row's {what}, not as a column's header." if taken is None else
               f"kept in each row's notes as its “{GROUP_LABEL}” (its {what} is “{match.headers[taken]}”'s), not "
               "read as a column's header."))
    return rows, left, replace(match, mapping=mapping, headers=headers), note
