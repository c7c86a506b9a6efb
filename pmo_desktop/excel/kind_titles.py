"""A sheet whose only column naming its rows is a "<noun> type" of one-word kinds (issue 12, classes61b).

"Dependency type" over Internal / External / Technical on every row, "Risk type" over Financial / Technical, and
no text saying what each thing is: read so, each record was titled by its kind ("Internal" six times), or the
sheet refused for naming nothing. Decided once per sheet, as a PMO user reads it:

- with none of the register's own fields placed — no owner, status or rating (a level, a priority, a
  criticality) — the rows are the kinds themselves, a catalogue or a summary ("ID | Dependency type | Weight",
  "Risk type | Number of risks"): no register's records, refused saying why;
- with them, each row is a record the office tracks, known by its kind and its ID: titled "<kind> <noun> <ID>"
  ("Financial risk R4"; "Internal dependency, row 3" where the sheet gives no ID), the kind kept as itself (the
  category where the register has one free, else in the notes), said once in the sheet notes.

The column is found by its header (its last word a sorting word, a word before it) and its values (three at
least, each one word of letters). Nothing here knows Qt or openpyxl."""

from __future__ import annotations

from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch, sorting_word
from .sample_columns import filled_texts
from .vocabulary import words_of

_TRACKED = frozenset({"owner", "status", "priority", "criticality"})  # besides a rating (a scale)
MIN_VALUES = 3


def kind_column(match: HeaderMatch, sample: list[list[Any]]) -> int | None:
    """The column taken for the title that holds the rows' kinds, a word each, under a "<noun> type" header."""
    reg = match.kind.reg
    title = next((f.name for f in reg.fields if f.required), None)
    c = next((c for c, n in match.mapping.items() if n == title), None)
    if c is None or match.kind.is_child or c >= len(match.headers) or c == match.titled_by:
        return None  # (an issue list taken as titled by its kind, ``titled_by_its_kind``, is that rule's, said there)
    head = words_of(match.headers[c])
    if len(head) < 2 or not sorting_word(head[-1]):
        return None
    values = filled_texts(sample, c)
    if len(values) < MIN_VALUES or any(len(words_of(v)) != 1 or not any(ch.isalpha() for ch in v) for v in values):
        return None
    return c


def tracked_fields(match: HeaderMatch) -> list[str]:
    """The register's own fields placed that say its rows are records the office tracks."""
    reg = match.kind.reg
    return [n for n in match.mapping.values() if n in reg.field_names and
            (n in _TRACKED or reg.field(n).kind is Kind.SCALE)]


def catalogue_reason(match: HeaderMatch, c: int, sample: list[list[Any]]) -> str:
    """Why a sheet of kinds with no field of the register's own is refused."""
    reg = match.kind.reg
    kinds = list(dict.fromkeys(filled_texts(sample, c)))
    shown = ", ".join(kinds[:4]) + (" …" if len(kinds) > 4 else "")
    return (f"its rows are kinds of {reg.name} (“{match.headers[c]}”: {shown}) with nothing else naming them, and no "
            f"owner, status or rating of the {reg.title.lower()} is given: a catalogue or a summary, not records "
            "the office tracks.")


def titled_rows(rows: list[list[Any]], header_row: int, c: int, id_col: int | None, noun: str
                ) -> list[list[Any]]:
    """The sheet's rows with each record's kind (column ``c``) written as its title, "<kind> <noun> <ID>", and
    the kind kept as it was in a column added at the right under the same header (``header_row``: 0-based)."""
    width = max((len(r) for r in rows), default=0)
    out = []
    for i, row in enumerate(rows):
        cells = [*row, *([None] * (width - len(row)))]
        kind = cells[c]
        if i > header_row and kind is not None and str(kind).strip():
            code = cells[id_col] if id_col is not None else None
            said = str(code).strip() if code is not None and str(code).strip() else None
            cells[c] = f"{str(kind).strip()} {noun} {said}" if said else f"{str(kind).strip()} {noun}, row {i + 1}"
        out.append([*cells, kind])
    return out


def kind_title_note(header: str, noun: str, with_id: bool) -> str:
    how = f"“<kind> {noun} <ID>”" if with_id else f"“<kind> {noun}, row <n>”"
    return (f"No column says what each {noun} is but “{header}”, a kind in a word on every row, and each row has "
            f"the {noun}'s own owner, status or rating: each is titled by its kind ({how}), the kind read as "
            "itself too.")
