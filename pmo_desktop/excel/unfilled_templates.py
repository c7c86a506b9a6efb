"""A row of an automation's unfilled placeholders (issue 12, classes70a).

A workflow tool's log (n8n, Zapier, a mail merge) writes each column's template where the row's value goes —
"{{ $json.title }}", "${incident.id}", "<<Owner>>" — and a sheet saved before the tool ran, or beside its real
rows, keeps rows of those templates alone. Unseen set 70 read such a row as an issue titled "{{ $json.title }}" (its
ten copies skipped as repeats). A row whose every filled cell is such a template, or a template's bracketed
prompt ("[Insert risk title]", a form's "<Add more if needed>": classes74b; an empty template's example row of
"<Category>", "<1-10>", "<Initials>" beside its ID's mask "Rx###": classes97), holds nothing written: it is skipped, the reason said on the row and once for the
sheet. A row writing a real value beside a template (a title and "{{ $json.status }}") is a record, as before.
Decided per row, only for a row whose texts hold a brace, a "<<" or a "[" at all. No Qt, no database."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# one template: "{{ $json.title }}", "{{ $json.actions.join('; ') }}", "${incident.id}", "<<Owner>>", or a bracketed
# prompt of words ("[Insert title]", "[Owner]": no digit, an ID written in brackets is an ID). A "{{" runs to its first
# "}}" and no further (atomic): free to run on to a later one, a cell of 40 "{{ a }}" and a word after them was tried
# every way to cut it, 2^40, and the import never ended (fault68); "{{ a }} text {{ b }}" is a record's text.
# A form's prompt in single angle brackets ("<Summarize the content>", "<dd/mm/yyyy>", "‹Add more if needed›") is a
# template's too: words only, as a bracketed prompt (an "<5 %" or a "<2 days" holds a digit and is a value; classes74b).
# A scale's range in angle brackets is a prompt too ("<1-10>", "<Score 1–5>": classes97), a value never closes so.
_ONE = (r"(?:(?>\{\{.*?\}\})|\$\{[^{}]*\}|<<[^<>]*>>|\[[^\[\]\d]{1,40}\]|<[^<>\d]{1,40}>|‹[^‹›\d]{1,40}›"
        r"|<[^<>\d]{0,30}\d+\s*[-–]\s*\d+[^<>\d]{0,30}>)")
_ONLY_TEMPLATES_RE = re.compile(rf"\s*{_ONE}(?:\s*{_ONE})*\s*", re.S)
_MARKS = ("{{", "${", "<", "[", "‹")
# An ID's mask beside such templates ("Rx###", "ID-###", "###"): the template's own code column, nothing written; on
# its own (no template in the row) it makes nothing of the row (classes97)
_MASK_RE = re.compile(r"\s*[^\W\d_]{0,6}[-_. ]?#{2,}\s*")


def unfilled_template(row: Sequence[Any]) -> str | None:
    """The first template of a row whose every filled cell is an unfilled template (an ID's mask "Rx###" beside
    them), else None. A number, a date or any text that is no template makes the row a record's."""
    first: str | None = None
    for x in row:
        if x is None:
            continue
        if x.__class__ is not str:
            return None
        text = x.strip()
        if not text:
            continue
        if not text.startswith(_MARKS) or _ONLY_TEMPLATES_RE.fullmatch(text) is None:
            if _MASK_RE.fullmatch(text) is not None:
                continue
            return None
        first = first or text
    return first


def might_be_unfilled(joined: str) -> bool:
    """Whether a row's texts joined hold a template's mark at all (the cheap test before ``unfilled_template``)."""
    return any(map(joined.__contains__, _MARKS))  # in C: no generator's frame a row


def unfilled_reason(template: str, first: int | None = None) -> str:
    """The row's skip reason; after the sheet's ``first`` such row, said short (the sheet's note says the rest)."""
    if first is not None:
        return f"unfilled placeholders, as row {first}: not a record."
    shown = template if len(template) <= 40 else template[:39] + "…"
    return f"unfilled placeholders of a template or an automation (“{shown}”): nothing written, not a record."


def unfilled_note(count: int, first: int) -> str:
    """The sheet's note, said once."""
    rows = f"{count} rows, the first row {first}," if count > 1 else f"row {first}"
    return (f"{rows} hold only unfilled placeholders (“{{{{ … }}}}”, “${{…}}”, “<<…>>”, “[Insert …]”, “<Add …>”): a template's "
            "or an automation's rows with nothing written, skipped.")
