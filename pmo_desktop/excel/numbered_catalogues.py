"""A catalogue of numbered, named things, told from a thin register (issue 12, round 43's held-out miss).

A university's course catalogue saved as "dependencies.csv" ("Number | Name | Credits | Offered | Prerequisites |
Concurrent | BS CS Required | Software Security | …") was read as 35 risks on its "Number" and "Name" alone: an
identifier and a name are what every list of things has, and the rest of the catalogue went to the notes.

What a register has and such a catalogue has not: beside the ID and the name, something the register keeps. A
short register ("ID | Title | Owner | Status") names a field of its own in a header, or writes in its cells what
the register's fields take — a level ("High"), a status ("Open"), a date. A catalogue's other columns name no
field of any register (credits, terms offered, prerequisites, degree tracks) and hold numbers, marks ("X") and
words of their own.

So a sheet is refused when all of these hold, and any one failing keeps its records:

- the only fields placed are the register's ID and its title, the title under a word any list uses for what it
  names ("Name", "Title", "Description"), not under the register's own noun ("Risk") — and a description, which any
  list of things has too: its column counts among the others below, its header's field word aside (left58b: a
  Portuguese association's member benefits "ID | TITULO | DESCRICAO_BENEFICIO | ICONE", refused while Portuguese
  had no benefits description word, was read as benefits once it had; "BENEFIT_DESCRIPTION" in English too);
- at least ``MIN_OTHER_COLUMNS`` other columns have content, and none of their headers names a field of any
  register (a column of people under "Owner" or dates under "Due" would be kept by an office);
- no value of those columns reads as one of the register's choices (a level, a status, a category, a response)
  and none is a date.

Decided once per sheet from its header's mapping and the sample of rows under it: nothing is read per row.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..models.fields import Kind
from .header_detection import ALL_KINDS, HeaderMatch, field_keys, header_variants, real_fields
from .vocabulary import value_words, word_key

DESCRIPTION = "description"  # what any list of things has beside its ID and name (left58b): one of the "others"
MIN_ROWS = 3           # a sample this small says nothing of what the columns hold
MIN_OTHER_COLUMNS = 2  # one column beside an ID and a name says too little to call the sheet anything
# ... unless its header names the catalogue each row is listed in ("code | name | catalog": a health fund's
# procedure groups saved as "benefits.csv", 1,347 read as benefits in round 48)
_CATALOGUE_RE = re.compile(r"catalog|katalog", re.I)
# a day written as text ("2024-05-10", "10/05/2024", "10.5.24"): an office dates what it keeps
_DATE_TEXT_RE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
# the choice fields whose words say the value is the register's (a level, a status, a category, a response)
_CHOICE_KINDS = (Kind.ENUM, Kind.MULTI_ENUM, Kind.SCALE)


def _cell(row: list[Any], c: int) -> str:
    return str(row[c]).strip() if c < len(row) and row[c] is not None else ""


def _names_any_field(header: Any) -> bool:
    """The header names a field of some register, in any language of the word files."""
    variants = header_variants(header)
    return any(v in field_keys(kind) for kind in ALL_KINDS for v in variants)


def _register_words(match: HeaderMatch) -> frozenset[str]:
    """Every value word the register's choice fields take: its levels, statuses, categories, responses …"""
    reg = match.kind.reg
    out: set[str] = set()
    for f in reg.fields:
        if f.kind not in _CHOICE_KINDS:
            continue
        out |= set(value_words("scale" if f.kind is Kind.SCALE else f"{match.kind.register}.{f.name}"))
        out |= {word_key(x) for x in (*(f.choices or ()), *(f.aliases or {}))}
    out.discard("")
    return frozenset(out)


def _reads_as_the_registers(value: Any, words: frozenset[str]) -> bool:
    if isinstance(value, date):
        return True
    text = str(value).strip()
    return bool(_DATE_TEXT_RE.match(text)) or word_key(text) in words


def numbered_catalogue(match: HeaderMatch, rows: list[list[Any]], generic_title: bool) -> str | None:
    """Why the sheet matched is a catalogue of numbered, named things, not the register, or None.
    ``generic_title``: the title column is headed by a word any list uses ("Name", "Title")."""
    kind = match.kind
    reg = kind.reg
    if kind.is_child or not generic_title or reg.key_field is None:
        return None
    title = next((f.name for f in reg.fields if f.required), None)
    placed = real_fields(match.mapping)
    described = next((c for c, n in match.mapping.items() if n == DESCRIPTION), None)
    if placed - {DESCRIPTION} != {reg.key_field.name, title} or len(match.mapping) != 2 + (described is not None):
        return None  # anything else placed (an owner, a status, a response plan) is the register's own
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < MIN_ROWS:
        return None
    width = max(len(match.headers), max(len(r) for r in filled))
    words = _register_words(match)
    others: list[str] = []
    for c in range(width):
        if (c in match.mapping and c != described) or not any(_cell(r, c) for r in filled):
            continue
        header = match.headers[c] if c < len(match.headers) else None
        if c != described and header is not None and str(header).strip() and _names_any_field(header):
            return None
        if any(_reads_as_the_registers(r[c], words) for r in filled if _cell(r, c)):
            return None
        others.append(f"“{str(header).strip()}”" if header is not None and str(header).strip() else f"column {c + 1}")
    if len(others) < MIN_OTHER_COLUMNS and not any(_CATALOGUE_RE.search(x) for x in others):
        return None  # one column beside the ID and the name says what the sheet is only by naming the catalogue
    code, name = (f"“{str(match.headers[c]).strip()}”" for c in sorted(match.mapping) if c != described)
    said = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
    return (f"a catalogue of numbered, named things, not the {reg.title.lower()}: only {code} and {name} read as "
            f"fields, and its other columns ({said}) name no field of any register and hold no level, status "
            "or date.")
