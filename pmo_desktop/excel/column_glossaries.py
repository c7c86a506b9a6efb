"""A sheet describing another sheet's columns, told from a register (issue 12, round 62).

An ISO 27001 risk register's "Doc Info" sheet explains each column of the "Risk Register" sheet beside it: "Risk
Identification | Risk ID | Unique Identification of Risk", then "Threats | Probable event that may harm …",
"Likelihood (b) | Probability of occurrence …", one line a column. Read with "Risk ID" as its header, it made 23
risks coded "Threats", "Vulnerability", "Likelihood (b)" and titled by what each column means.

What it is shows across the workbook: the cells naming its rows are, two in three, the headers of another sheet
read as a register — a glossary of that sheet's columns, not records. The sheet is skipped, saying whose columns it
describes. A register whose records happen to share a word with another sheet's header ("Budget" among risks beside
a "Budget" column) is far from two in three, and is read. Decided once per sheet from the sample under its header.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .header_detection import SAMPLE, HeaderMatch, named_by_its_last_words
from .vocabulary import words_of

MIN_NAMED = 5  # a glossary lists a table's columns; three or four names prove nothing


def _key(text: Any) -> str:
    return " ".join(words_of(text)) if isinstance(text, str) else ""


def describes_columns(match: HeaderMatch, rows: Sequence[list[Any]],
                      others: Sequence[HeaderMatch]) -> str | None:
    """Why the sheet matched is a glossary of another sheet's columns (``others``: the workbook's other sheets
    read as registers), or None. ``rows`` are the sheet's rows under its header."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    naming = [c for c, n in match.mapping.items() if n in ("code", title)]
    for other in others:
        if other.sheet_title == match.sheet_title:
            continue
        headers = {k for h in other.headers if (k := _key(h))}
        for c in naming:
            names = [str(r[c]).strip() for r in rows[:SAMPLE] if c < len(r) and isinstance(r[c], str) and r[c].strip()]
            known = [n for n in names if _key(n) in headers]
            if len(names) >= MIN_NAMED and len(known) * 3 >= len(names) * 2:
                shown = ", ".join(f"“{n}”" for n in known[:3])
                return (f"it describes the columns of sheet “{other.sheet_title}” ({shown} …: {len(known)} of the "
                        f"{len(names)} names under “{match.headers[c]}” are its headers), a glossary, not records.")
    return None


# A definitions sheet (issue 12, classes85). A risk register workbook's "Risk Management Doc." sheet under "# | Risk
# Assessment | Risk Control | Resource Link" defines the discipline's terms, a paragraph a cell ("Risk Assessment is a
# subset of risk management, focusing on …"), a term now and then in the "#" column ("Root Cause Analysis"): read with
# "Risk Assessment" as the title, it made six risks of the definitions. A register's rows say what each record is in
# a line and give it something of a record's own — an ID, a rating, an owner, a status, a date, a plan. A sheet whose
# header names nothing but an ID and the title (the rest kept in the notes), whose ID column names no record (empty, or
# words with no digit: terms) and whose titles are paragraphs, two in three of twelve words or more, holds definitions:
# skipped, saying why. Decided once a sheet from the sample under its header, in any language (by the cells' shape).
_TEXT_ONLY = frozenset({"code", "notes", "description"})
DEFINITIONS_REASON = "its rows are definitions of terms"  # how the skip's reason opens (importer's refusal)
PARAGRAPH_WORDS = 12
MIN_DEFINED = 3


def defines_terms(match: HeaderMatch, rows: Sequence[list[Any]]) -> str | None:
    """Why the sheet matched holds definitions of terms, not records (see above), or None."""
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    title_col = next((c for c, n in match.mapping.items() if n == title), None)
    if title_col is None or match.kind.is_child or any(n != title and n not in _TEXT_ONLY
                                                       for n in match.mapping.values()):
        return None
    sheet = match.sheet_title or ""
    if match.kind.matches_sheet_name(sheet) or named_by_its_last_words(match.kind, sheet):
        # a sheet named as the register ("Issues", "Risk register") holds its records, however long their titles
        # and however empty its "#" column: an issue list of paragraphs was skipped as a glossary (fault73)
        return None
    code_col = next((c for c, n in match.mapping.items() if n == "code"), None)
    if code_col is None:
        # a glossary keeps the register's "#" column, left without numbers; a list of long texts with no ID column
        # at all ("Page Name | Issues", each page's change requests in sentences) is records (classes84's lists)
        return None
    titled = [r for r in rows[:SAMPLE] if title_col < len(r) and isinstance(r[title_col], str) and r[title_col].strip()]
    if len(titled) < MIN_DEFINED:
        return None
    if code_col is not None and any(code_col < len(r) and r[code_col] is not None and
                                    any(ch.isdigit() for ch in str(r[code_col])) for r in titled):
        return None  # its rows numbered or coded: records, however long their titles
    paragraphs = [r[title_col] for r in titled if len(words_of(r[title_col])) >= PARAGRAPH_WORDS]
    if len(paragraphs) * 3 < len(titled) * 2:
        return None
    first = " ".join(paragraphs[0].split())
    shown = first if len(first) <= 50 else first[:49] + "…"
    return (f"{DEFINITIONS_REASON}, not records: {len(paragraphs)} of the {len(titled)} cells under "
            f"“{match.headers[title_col].strip()}” are paragraphs (“{shown}”), and no row has an ID, a rating, an "
            "owner, a status or a date — a glossary.")
