"""Forms whose labels sit beside a section column (issue 12, classes74b).

A tester's defect template often names its sections in a column of their own before the labels ("Category |
Titles | Input" over "Defect id | I D Number | 1", "— | Name | Age field accepts 0", "Defect Details | Summary |
…", "Results | Actual Results | …"): the section's name on its first row only, the label beside it, the value
beside the label, and the whole block again for the next defect. Read as label | value pairs from column A, the
section and the label were taken for a pair and the sheet for one table. Without that column each row is a label
and its value, as any form's (``form_sheets.form_blocks``), so each block reads as a record.

The section column is decided once per sheet: its first column holds short texts on fewer than half the rows
whose next column holds a label, two at least (a section starts a few rows), and every row it fills has its
label or its value beside it (a section, not a value of its own). A row whose label cell is empty is labelled by
its section ("Test URL | | http://…": a section of one field); a label naming no field of a register beside a
section naming one of its fields ("I D Number" beside "Defect id", an issue's ID) is labelled by the section: the
section is the field, the label a word about how it is written.
"""

from __future__ import annotations

from typing import Any

from .header_detection import MAIN_KINDS, SheetKind, map_header

MAX_SECTION = 40  # characters: a longer text in the first column is a value or a note, no section's name
MIN_SECTIONS = 2  # sections a column names at least to be a section column
MIN_LABELS = 6    # rows with a label in the label column, at least: a form, not a few lines


def _short(cell: Any, limit: int) -> str | None:
    if isinstance(cell, str) and (text := cell.strip()) and len(text) <= limit and "\n" not in text:
        return text
    return None


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _section_names_it(section: str, label: str) -> bool:
    """Whether a register's words name a field by the section ("Defect id") and none by the label beside it ("I D
    Number"): the section is then the field's name."""
    def named(kind: SheetKind, text: str) -> bool:
        return bool(map_header(kind, [text.rstrip(":：").strip()])[0])

    return any(named(kind, section) and not named(kind, label) for kind in MAIN_KINDS)


def without_sections(rows: list[list[Any]]) -> list[list[Any]] | None:
    """``rows`` with their section column taken out (see the module's rule): each row its label (or its
    section's name) and its value, then any cells further right; None when the sheet has no section column."""
    used = [r for r in rows if any(_filled(x) for x in r)]
    if not used:
        return None
    first = min(next(c for c, x in enumerate(r) if _filled(x)) for r in used)
    lab, val = first + 1, first + 2
    labelled = [r for r in used if len(r) > lab and _short(r[lab], 80) is not None]
    if len(labelled) < MIN_LABELS:
        return None
    sectioned = [r for r in labelled if _filled(r[first])]
    if not MIN_SECTIONS <= len(sectioned) or len(sectioned) * 2 >= len(labelled):
        return None
    if any(_short(r[first], MAX_SECTION) is None for r in sectioned):
        return None
    if any(_filled(r[first]) and not (len(r) > lab and _filled(r[lab]) or len(r) > val and _filled(r[val]))
           for r in used[1:]):
        return None  # a first-column text standing alone below the top: a caption or a note, not a section's
    out: list[list[Any]] = []
    for row in rows:
        cells = list(row) + [None] * (val + 1 - len(row))
        section, label, rest = cells[first], cells[lab], cells[val:]
        if not _filled(label):
            label = section  # a section of one field, its name its label (or a title alone on its row)
        elif _filled(section) and isinstance(label, str) and isinstance(section, str) and \
                _section_names_it(section, label):
            label = section
        out.append([*cells[:first], label, *rest])
    return out
