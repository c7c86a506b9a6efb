"""A register written one record a column (issue 12, classes68a).

A tester's bug report may run its field names down one column ("ID number", "Name", "Reporter", "Steps to
reproduce", "Expected result", "Severity", "Priority"), each bug one column to their right, the sections the
fields fall in ("Bug overview", "Bug tracking") in the column before. No row of such a sheet names the register's
columns, so the import refused the whole file (58 bugs of one workbook, unseen set 67). Its field names are a
header all the same, written down instead of across: the sheet is read turned — its columns as rows — by the
same header detection a sheet's rows are read by, not by a second one.

Asked only of a sheet of at most ``MAX_FIELDS`` rows on which no row header was found, or one naming fewer than
``MIN_NAMED`` fields (the sheet's first line, "Bug ID | ID number | 1 | 2 | 3", reads as an ID column's header),
so no cost on ordinary sheets; and decided once a sheet: when the turned sheet's header names ``MIN_NAMED``
fields in words (not letters alone, a matrix's rows) and more than the row header did, stands in one of its first
columns (``HEADER_COLUMNS``: sections or a caption may come before it), and two columns at least to its right hold
records. A form of one record ("Risk ID | R1", ``form_sheets``) has one column of values, so it stays a form; a
form of label | value pairs side by side ("Risk ID | R1 | Owner | Ann") has labels where the records would be, so
it is not turned either; nor a sheet of lists side by side, most of whose cells stand on rows no field name is on.
The sheet notes say how it was read, since the preview's letters and row numbers are then the sheet's rows and columns.
"""

from __future__ import annotations

from typing import Any

from .csv_overflow import placeholder
from .header_detection import MAIN_KINDS, HeaderMatch, map_header, named_by_its_last_words, real_fields
from .key_names import register_heading
from .vocabulary import word_key
from .workbook_reader import column_letters

MAX_FIELDS = 200     # rows a record-a-column sheet has (one a field): a longer sheet with no header is a list, never turned
HEADER_COLUMNS = 3   # the field names stand in one of the sheet's first columns
MIN_RECORDS = 2      # columns of records right of the names: one is a form (form_sheets), not a register
MIN_NAMED = 3        # fields a row header names at least for the sheet never to be read turned
MIN_DESCRIBED = 5    # names described beside them for the column of names to be a glossary (describes_names)


def named_fields(match: HeaderMatch) -> int:
    """The fields a header's own words name (a title column chosen for want of one, ``titled_by``, not counted)."""
    return len(real_fields({c: n for c, n in match.mapping.items() if c != match.titled_by}))


def worded_fields(match: HeaderMatch) -> int:
    """The fields a turned sheet's names give in words: a letter alone ("A", "F", "G" down a ratings matrix's first
    column, people rated on skills) names a row of a matrix, not a field, however a words file reads it."""
    return len(real_fields({c: n for c, n in match.mapping.items() if c != match.titled_by
                            and c < len(match.headers) and len(match.headers[c].strip()) > 1}))


def names_few(match: HeaderMatch) -> bool:
    """Whether a header found on a sheet's rows names too few fields to rule out its columns being the records
    ("Bug ID | ID number | 1 | 2 | 3", the first line of a record-a-column sheet, names an ID alone)."""
    return named_fields(match) < MIN_NAMED


def _filled(x: Any) -> bool:
    return x is not None and not (isinstance(x, str) and not x.strip())


def turned(rows: list[list[Any]]) -> list[list[Any]] | None:
    """The sheet's used block with its columns as rows (row n is the sheet's column n), or None for a sheet too long
    to be one record a column or with fewer than three filled columns."""
    if not rows or len(rows) > MAX_FIELDS:
        return None
    width = max((c + 1 for r in rows for c, x in enumerate(r) if _filled(x)), default=0)
    if width < HEADER_COLUMNS:
        return None
    return [[r[c] if c < len(r) else None for r in rows] for c in range(width)]


def records_a_column(match: HeaderMatch, rows: list[list[Any]]) -> bool:
    """Whether a header found on the turned sheet (``rows``) is its field names: in one of its first columns, with
    ``MIN_RECORDS`` columns of values at least to its right, none of them a second column of labels (a form's pairs
    side by side name as many fields as the names do)."""
    if match.row > HEADER_COLUMNS:
        return False
    named = len(real_fields(match.mapping))
    names = rows[match.row - 1]
    records = 0
    beside: set[int] = set()  # the sheet's rows whose values stand beside a field name
    astray: set[int] = set()  # … and those with none (a step going on under its field; or notes, lists)
    for row in rows[match.row:]:
        if not any(_filled(x) for x in row):
            continue
        labels = [x.strip() if isinstance(x, str) and len(x) <= 80 else None for x in row]
        if 2 * len(real_fields(map_header(match.kind, labels)[0])) >= named:
            return False  # labels again: label | value pairs side by side, a form
        records += 1
        for at, x in enumerate(row):
            if _filled(x):
                (beside if at < len(names) and _filled(names[at]) else astray).add(at)
    # a record's values stand beside the field names; a sheet of lists and notes side by side ("Tasks | ToDo |
    # Waterfall | Hybrid" down a design sheet's columns, under a column that happens to read "ID | Name | Type")
    # has most of them on rows no name is on
    return records >= MIN_RECORDS and 2 * len(astray) <= len(beside) and not _titled_by_labels(match, rows)


def _titled_by_labels(match: HeaderMatch, rows: list[list[Any]]) -> bool:
    """Whether the records' titles are the register's own column names ("Risk | Mitigation Plan | Approval Status |
    Next Steps" across a status report's empty risk table, under its label | value block and milestones): the row
    is a table's header with no rows under it, not a field of records (classes84: read turned, it made risks
    "Mitigation Plan" and "Next Steps" and a project "Overall Status"). Most filled titles naming a field say so."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    at = next((c for c, n in match.mapping.items() if n == title), None)
    if at is None:
        return False
    titles = [row[at].strip() for row in rows[match.row:] if at < len(row) and isinstance(row[at], str)
              and row[at].strip()]
    labels = sum(1 for t in titles if len(t) <= 80 and map_header(match.kind, [t])[0])
    return bool(titles) and 2 * labels > len(titles)


def describes_names(match: HeaderMatch, rows: list[list[Any]]) -> bool:
    """Whether the column right of the field names explains them, a glossary's ("Asset ID | Unique identification of
    the asset", "Threats | Probable event that may harm …", round 62's "Doc Info"): every value beside a name a
    phrase of three words or more, ``MIN_DESCRIBED`` of them at least. A record has short values among its fields
    (an ID, a date, a severity, a person), so a column of records is never all phrases."""
    if match.row >= len(rows):
        return False
    names, beside = rows[match.row - 1], rows[match.row]
    values = [beside[at] for at, name in enumerate(names) if _filled(name) and at < len(beside) and _filled(beside[at])]
    return len(values) >= MIN_DESCRIBED and all(isinstance(x, str) and len(x.split()) >= 3 for x in values)


def turned_note(match: HeaderMatch) -> str:
    """What the sheet notes say of a sheet read turned."""
    names = column_letters(match.row - 1)
    first = column_letters(match.row)
    return (f"Read one record a column: the field names are in column {names}, each record a column to their right. "
            f"Read turned, the letters said for its fields are the sheet's rows (A is row 1) and the row numbers "
            f"its columns (row {match.row + 1} is column {first}).")


# A register laid out turned whose labels name few of its fields (issue 12, left59: unseen set 81's French
# communication plan, "Plan de communication" — six stages across row 3, "Objectifs souhaités" and "Principales
# actions associés" down column A, a sentence in each cell, under a merged title). The rule above needs three field
# names down the column; these labels are the plan's own. Decided once a sheet, asked only of a sheet no header
# search reads and the rule above does not turn: when the sheet's name (or its file's) names one register, a row
# heads two columns or more with short names (its label cell empty, only a title above it), two rows or more under
# it are labelled in a column left of the heads, every value under the heads stands on a labelled row, no head names
# a field of the register (then the row is a header, the column under none the records' names), and at least
# half of the values are phrases of three words or more (a plan's, not a matrix's levels, scores or letters), each
# column is a record: named by its head, each label's text under its label (a field where the label names one, else
# the notes). A column whose every value is a placeholder ("X", "-", "n/a") holds no record and is left out; both said.
MAX_HEAD_WORDS = 8   # words of a record's head at most: longer is a sentence, not a name
MIN_LABELS = 2       # labelled rows under the heads, at least
MIN_PHRASE_WORDS = 3  # words of a value for it to be a phrase


def _text(x: Any) -> str:
    return " ".join(str(x).split()) if _filled(x) else ""


def _no_value(text: str) -> bool:
    return placeholder(text) or len(word_key(text)) <= 1


def _heads_row(rows: list[list[Any]], at: int, cols: list[int], kind: Any) -> bool:
    """Whether row ``at`` (its filled columns ``cols``) names records across: short distinct names, no figure, its
    first cell right of the labels' column, and no header of the register's columns."""
    if len(cols) < MIN_RECORDS or cols[0] == 0 or \
            any(len(_text(rows[at][c]).split()) > MAX_HEAD_WORDS or isinstance(rows[at][c], (int, float))
                for c in cols) or len({word_key(rows[at][c]) for c in cols}) != len(cols):
        return False
    return not map_header(kind, [_text(x) or None for x in rows[at]])[0]


def records_across(rows: list[list[Any]], sheet_title: str, file_name: str | None
                   ) -> tuple[list[list[Any]], str, str] | None:
    """(the records one a row under a header made for them, the note, the register) when the sheet is a register
    laid out turned under record heads (see above); None for any other sheet. Two such blocks one under the other,
    a blank row between (the second's names across, its labels again down the same column), are one register's
    records too (fault73: the sheet was refused "no header row")."""
    if not rows or len(rows) > MAX_FIELDS:
        return None
    names = [sheet_title] + ([file_name] if file_name else [])
    kinds = [k for k in MAIN_KINDS if any(named_by_its_last_words(k, n) for n in names)]
    if len(kinds) != 1 or (heading := register_heading(kinds[0])) is None:
        return None
    kind = kinds[0]
    filled = [[c for c, x in enumerate(r) if _filled(x)] for r in rows]
    # the heads: the first row of two filled cells or more (above it only a title or a caption, a cell a row)
    at = next((i for i, cols in enumerate(filled) if len(cols) >= MIN_RECORDS), None)
    if at is None or not _heads_row(rows, at, filled[at], kind):
        return None  # (the label column left of the heads is empty on this row: no header row of a list)
    blocks: list[tuple[int, list[int], list[int]]] = [(at, filled[at], [])]  # (heads' row, heads, labelled rows)
    label_col: int | None = None
    for r in range(at + 1, len(rows)):
        if not filled[r]:
            continue
        heads, labelled = blocks[-1][1], blocks[-1][2]
        first = filled[r][0]
        if label_col is not None and first > label_col and labelled and not filled[r - 1] and \
                _heads_row(rows, r, filled[r], kind):
            blocks.append((r, filled[r], []))  # after a blank row, the next block's names across
            continue
        if first >= heads[0] or (label_col is not None and first != label_col) or \
                any(c not in heads for c in filled[r][1:]) or not isinstance(rows[r][first], str) or \
                len(_text(rows[r][first]).split()) > MAX_HEAD_WORDS:
            return None  # a value on a row no label is on, or beside no head: lists side by side, not records
        label_col = first
        labelled.append(r)
    if label_col is None or any(len(labelled) < MIN_LABELS for _at, _heads, labelled in blocks):
        return None
    values = [(rows[r][c], _text(rows[r][c])) for _at, heads, labelled in blocks for r in labelled for c in heads
              if c < len(rows[r]) and _filled(rows[r][c])]
    phrases = sum(1 for _x, v in values if len(v.split()) >= MIN_PHRASE_WORDS)
    if not values or 2 * phrases < len(values) or any(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                      for x, _v in values):
        return None
    labels: list[str] = []  # every block's labels, in the order first written
    for _at, _heads, labelled in blocks:
        for r in labelled:
            if (label := _text(rows[r][label_col])) not in labels:
                labels.append(label)
    made: list[list[Any]] = [[heading, *labels]]
    kept_all: list[tuple[int, list[int]]] = []
    left: list[tuple[int, int]] = []
    for head_row, heads, labelled in blocks:
        kept = [c for c in heads if any(_filled(x) and not _no_value(_text(x))
                                        for x in (rows[r][c] if c < len(rows[r]) else None for r in labelled))]
        kept_all.append((head_row, kept))
        left += [(head_row, c) for c in heads if c not in kept]
        for c in kept:
            record: list[Any] = [_text(rows[head_row][c])] + [None] * len(labels)
            for r in labelled:
                record[1 + labels.index(_text(rows[r][label_col]))] = rows[r][c] if c < len(rows[r]) else None
            made.append(record)
    if len(made) - 1 < MIN_RECORDS:
        return None
    said = ", ".join(f"“{x}”" for x in labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    count = len(made) - 1
    if len(blocks) == 1:
        heads, kept = blocks[0][1], kept_all[0][1]
        note = (f"Read one record a column: the {count} names across row {at + 1} "
                f"({column_letters(heads[0])}–{column_letters(heads[-1])}) are the {kind.reg.title.lower()}'s, each "
                f"column a record, the labels down column {column_letters(label_col)} ({said}) its fields, under a "
                f"header made for them: rows 2–{count + 1} are the sheet's columns "
                f"{', '.join(column_letters(c) for c in kept)}.")
    else:
        rows_said = ", ".join(str(b[0] + 1) for b in blocks[:-1]) + f" and {blocks[-1][0] + 1}"
        note = (f"Read one record a column, in {len(blocks)} blocks one under the other: the {count} names across rows "
                f"{rows_said} are the {kind.reg.title.lower()}'s, each column a record, the labels down column "
                f"{column_letters(label_col)} ({said}) its fields, under a header made for them: rows 2–{count + 1} "
                "are the blocks' columns, " + "; ".join(
                    f"row {head_row + 1}'s {', '.join(column_letters(c) for c in kept)}"
                    for head_row, kept in kept_all) + ".")
    if left:
        note += (" Left out: " + ", ".join(f"column {column_letters(c)} (“{_text(rows[r][c])}”)"
                                          + (f" of row {r + 1}" if len(blocks) > 1 else "") for r, c in left) +
                 ", every value a placeholder.")
    return made, note, kind.register
