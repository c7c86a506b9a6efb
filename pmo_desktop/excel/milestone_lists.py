"""A milestone list as people keep it: a name and a plain date (classes93).

"name | description | rag | date | shape | swimlane" in "milestones.csv" was read as 12 risks (the name their title,
the date the day each was raised): of the milestones' fields only the title was named — the register's dates are
all qualified ("Baseline", "Planned date", "Due date") —, so its reading held one field, under the two a header must
name, and the risk register's won although the file's name says milestones. "Date | Label" in a file so named was
refused whole, and "Date | Milestone Title | Description or Activity | deliverable" of a timeline template was refused
as a schedule, the milestones register never weighed.

Decided once a header row, for a register whose records are named and dated by one date (``PLAIN_DATE``: a
milestone's baseline):
- ``plain_date``: a column headed by the plain word for a date ("Date", "Fecha", "Data", "Datum": ``plain_dates`` in
  the words files) is that date, where no other date of the register is read and the sheet, its file, its workbook or
  a caption names the register, or the header's own title column says its noun ("Milestone Title");
- ``dated_names``: beside that date, the one other column of the header, of distinct texts, names the records
  ("Date | Label": a timeline's labels);
- ``named_and_dated``: a sheet named as the register whose reading names and dates its records is that register
  when another's reading scores at most the name's weight more (header_detection._named_sheet) — the name is what
  tells a list of named dates apart, and no column says another register's noun.
A historical timeline with a "milestone" column and no date column ("month | year | milestone | status") and a task
tracker named "Milestones" ("Activity | Owner | … | Status % completion") are read as before: refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..models.fields import Kind
from ..models.registers import REGISTERS
from .vocabulary import plain_date_words, word_key, words_of

# register → the date a plain "Date" column gives its records
PLAIN_DATE = {"milestones": "baseline"}


def _date_fields(register: str) -> frozenset[str]:
    return frozenset(f.name for f in REGISTERS[register].fields if f.kind is Kind.DATE)


def says_its_noun(register: str, row: list[Any], mapping: dict[int, str], title: str | None,
                  nouns: frozenset[str]) -> bool:
    """The header's column naming the records says the register's noun ("Milestone Title", "nome_milestone")."""
    return any(n == title and c < len(row) and isinstance(row[c], str) and not nouns.isdisjoint(words_of(row[c]))
               for c, n in mapping.items())


def plain_date(register: str, row: list[Any], mapping: dict[int, str], named: bool) -> dict[int, str]:
    """``mapping`` with the one column headed by a plain date word read as the register's ``PLAIN_DATE`` field, on a
    sheet ``named`` as the register (or whose title column says its noun); else ``mapping`` as it is."""
    field = PLAIN_DATE.get(register)
    if field is None or not named or field in mapping.values() or not _date_fields(register).isdisjoint(mapping.values()):
        return mapping
    words = plain_date_words()
    cols = [c for c, cell in enumerate(row) if c not in mapping and isinstance(cell, str) and word_key(cell) in words]
    if len(cols) != 1:
        return mapping
    return {**mapping, cols[0]: field}


_DAY_RE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$")


def _a_day(value: Any) -> bool:
    return isinstance(value, (date, datetime)) or (isinstance(value, str) and _DAY_RE.match(value.strip()) is not None)


def dated_names(register: str, row: list[Any], mapping: dict[int, str], sample: list[list[Any]]) -> int | None:
    """The column naming the records of a two-column list of dates and names ("Date | Label"), the date read by
    ``plain_date``: the header's one other label, over distinct texts (not numbers nor dates) on two rows or more."""
    field = PLAIN_DATE.get(register)
    if field is None or list(mapping.values()) != [field]:
        return None
    labelled = [c for c, cell in enumerate(row) if isinstance(cell, str) and cell.strip()]
    if len(labelled) != 2 or any(cell is not None and not isinstance(cell, str) for cell in row):
        return None
    c = next(k for k in labelled if k not in mapping)
    cells = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
    texts = [" ".join(x.split()) for x in cells if isinstance(x, str) and not _a_number(x)]
    if len(texts) < 2 or len(texts) < len(cells) or any(_a_day(x) for x in cells):
        return None
    return c if len({t.casefold() for t in texts}) * 5 >= len(texts) * 4 else None


def plain_date_said(register: str, header: Any) -> str:
    """What the preview says of a plain date read as ``register``'s ``PLAIN_DATE`` field."""
    reg = REGISTERS[register]
    return (f"“{str(header).strip()}” read as each {reg.noun}'s {reg.field(PLAIN_DATE[register]).label.lower()} "
            f"date: a plain date on a sheet named as the {reg.title.lower()} (or whose title column says "
            f"“{reg.noun}”); change it in the mapping if the dates are forecasts or achieved.")


def _a_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def named_and_dated(register: str, fields: set[str], title: str | None) -> bool:
    """A reading naming the register's records and giving each its plain date (``PLAIN_DATE``)."""
    field = PLAIN_DATE.get(register)
    return field is not None and title is not None and {title, field} <= fields
