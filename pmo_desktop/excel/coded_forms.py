"""A form titled by its own code (issue 12, classes68a).

A team that keeps one bug a sheet names each sheet by the bug's code ("CP-002") and writes the same code again
under the form's "Title" label; the defect itself is said further down, in a sentence under a label naming the
register's record ("Defect type", "Tipo de defecto") or in the description. Read as a form (``form_sheets``),
every record was titled by its code and the code field left to be numbered afresh (4 bugs of a team's report,
unseen set 67).

Decided per form: when the value under the title's label equals the sheet's name or has the shape of a code
(a number, or a few letters and a number: "CP-002", "R7"), it is the record's code — unless the form gives an ID of its
own — and the record is titled by the form's first sentence that says what the record is: under a label naming
the register's record, else the description's, else the actual result's. A form with no such sentence keeps its
title as written. Said in the sheet's notes.
"""

from __future__ import annotations

import re
from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch
from .result_columns import is_actual_label
from .vocabulary import register_nouns, word_key, words_of

SENTENCE_WORDS = 4  # words a value has at least to say what the record is ("Funcional" names a kind, no defect)


# a record's code: a number, or a few letters and a number ("7", "CP-002", "RSK7", "BUG 12")
_CODE_RE = re.compile(r"^(?:#?\d{1,7}|[^\W\d_]{1,6}[-_. ]?\d{1,7})$")


def code_shaped(text: str) -> bool:
    """Whether ``text`` reads as a record's code ("CP-002", "RSK7"), not as words saying what the record is."""
    return _CODE_RE.match(text) is not None


def _sentence(value: Any) -> bool:
    return isinstance(value, str) and len(value.split()) >= SENTENCE_WORDS


def coded_form(match: HeaderMatch, rows: list[list[Any]], sheet_title: str
               ) -> tuple[list[list[Any]], dict[int, str], str] | None:
    """For a form read as its labels over one row of values (``rows``) whose title is its code: the rows (a copy of
    the description's column added when the description titles it), the mapping with the code read as the ID and
    the title from the sentence that says what the record is, and the note; None for any other form."""
    reg = match.kind.reg
    title = next((f.name for f in reg.fields if f.required), None)
    key = reg.key_field.name if reg.key_field is not None else None
    header, values = rows[0], rows[1]
    at = next((c for c, n in match.mapping.items() if n == title), None)
    if title is None or at is None or at >= len(values) or values[at] is None:
        return None
    code = str(values[at]).strip()
    if word_key(code) != word_key(sheet_title) and not code_shaped(code):
        return None
    nouns = register_nouns(match.kind.register) | {word_key(reg.noun)}

    def free_text(c: int) -> bool:  # a column kept in the notes, or one of the register's texts
        name = match.mapping.get(c)
        return name is None or name in reg.field_names and reg.field(name).kind in (Kind.TEXT, Kind.LONGTEXT)

    said = [c for c in range(len(header)) if c != at and c < len(values) and _sentence(values[c]) and free_text(c)]
    naming = [c for c in said if isinstance(header[c], str) and nouns & set(words_of(header[c]))]
    described = [c for c in said if match.mapping.get(c) == "description"]
    actual = [c for c in said if isinstance(header[c], str) and is_actual_label(word_key(header[c]))]
    source = next(iter(naming or described or actual), None)
    if source is None:
        return None
    mapping = {c: n for c, n in match.mapping.items() if c != at}
    if key is not None and key not in mapping.values():
        mapping[at] = key
    if source in mapping:  # the description titles the record and stays its description: a copy of it titles
        header, values = [*header, header[source]], [*values, values[source]]
        source = len(header) - 1
    mapping[source] = title
    note = (f"“{header[at]}” holds the form's code ({code}), not what the record is: "
            + (f"read as its {reg.field(key).label}, " if mapping.get(at) == key and key is not None else "")
            + f"the record titled by “{header[source]}”.")
    return [header, values], mapping, note
