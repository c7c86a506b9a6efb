"""A published index or a catalogue of kinds, told from an office's register (issue 12, round 44's held-out misses).

Three files named as registers held no office's records, and their rows were read as records:

- a court's case index saved as "decisions.csv" ("court | division | year | number | date | url | title", 35,756
  cases titled "Kaye v Robertson", each at "/ew/cases/EWCA/Civ/1990/21.html"): no ruling column, so
  ``verdict_logs.rulings_not_decisions`` (rulings repeating a few words) did not see it;
- a teaching app's stakeholder picker ("stakeholder_selected | image_file | … | Title": "swimmer", "swimmer.jfif",
  "You have chosen: Swimmer"): the kinds of people a user may pick, each with its picture and its caption;
- a help desk's catalogue of known problems ("id | issue_detail | category_id | … | step1 | … | step5": "Wi-Fi not
  connecting" and the five steps that fix it): kinds of problem, not problems someone raised.

What they share, and an office's register has not:

- nothing an office keeps on its own records is placed: no owner or decider, status, priority, project, cost,
  rating, contact or engagement — only what describes a thing (its ID, its name, its text, a date it bears);
- and one sign of a list made by a program or published for readers, on every row of the sample:
  a column not read that a program built of two of the row's own cells or more around the same fixed words (the
  case's address made of its court, division, year and number) — of one cell it may be an office's own wording
  ("Keep the {group} informed"), and a link to the record in its own tool, made from its ID, is not one (an
  office's tracker links its records so); a picture of its own on every row (an image file: the app shows each
  kind beside its caption "You have chosen: Swimmer"); or a procedure in numbered columns ("step1" … "step5",
  three or more, every one filled): what to do for each kind, as a help desk's catalogue writes it.

The near class of round 43 (``numbered_catalogues``: a course catalogue with only its number and name placed) is
told by what its other columns lack (no field of any register, no level, status or date); these by what each row
carries. Both ask first that nothing an office keeps is placed, and that one runs first.

A thin register of an office ("ID | Title | Owner | Status"; a decision log with links, decided by someone) places
an office's field and is never asked. Decided once per sheet from its header's mapping and the sample of rows under
it: nothing is read per row.
"""

from __future__ import annotations

import re
from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch
from .tool_catalogues import office_field

MIN_ROWS = 3     # a sample this small says nothing of how a column is written
MIN_PARTS = 2    # an address built of two of its row's cells or more: one may be an office's own wording
MIN_STEPS = 3    # "step1 | step2" may be two actions an office keeps; three or more filled on every row are a procedure
# the kinds of field that only describe a thing (its ID, its name, its text, a date it bears); a person, a
# status or any choice, a project, a cost, a rating, a tick or links are what an office keeps on its own records
_DESCRIBING_KINDS = (Kind.CODE, Kind.TEXT, Kind.LONGTEXT, Kind.DATE)
_KEPT_BY_AN_OFFICE = frozenset({"contact"})  # a text field all the same: how the office reaches that person
_IMAGE_RE = re.compile(r"^\S[^\n]*\.(?:jpe?g|jfif|png|gif|webp|svg|bmp|tiff?)$", re.I)
_NUMBERED_RE = re.compile(r"^(.*?[^\W\d_])[\s_\-#.]*(\d{1,2})$")  # "step1", "Step 2", "step_3"
_PART_EDGE = r"(?<![^\W_]){}(?![^\W_])"  # a cell's value standing whole in another's text, not inside a word


def _cell(row: list[Any], c: int) -> str:
    return str(row[c]).strip() if c < len(row) and row[c] is not None else ""


def _header(match: HeaderMatch, c: int) -> str:
    return str(match.headers[c]).strip() if c < len(match.headers) and match.headers[c] else f"column {c + 1}"


def _office_field(match: HeaderMatch, name: str) -> bool:
    return office_field(match, name, _DESCRIBING_KINDS, _KEPT_BY_AN_OFFICE)


def _template(text: str, parts: list[str]) -> tuple[str, int]:
    """``text`` with each of ``parts`` (the row's other cells) standing whole in it taken out, and how many were:
    "/ew/cases/EWCA/Civ/1990/21.html" less EWCA, Civ, 1990 and 21 is "/ew/cases/////.html", 4."""
    folded = text.casefold()
    found = 0
    for part in sorted(parts, key=len, reverse=True):  # "1990" before "19", so no part is cut out of another
        folded, n = re.subn(_PART_EDGE.format(re.escape(part.casefold())), "\x00", folded)
        found += n
    return folded, found


def _built_from_its_row(match: HeaderMatch, filled: list[list[Any]], width: int, least: int = MIN_PARTS,
                        besides: frozenset[int] = frozenset(), read_too: bool = False) -> str | None:
    """A column the register does not read whose every value is the same fixed words around two cells of its row
    or more, a different value on each row: an address or a reference a program builds (the case's page from its
    court, division, year and number). Made of one cell it may be an office's own wording ("Keep the {group}
    informed"), and the register's ID is not one of those cells: a link to each record in the office's tracker
    is made from it."""
    code = next((c for c, n in match.mapping.items() if n == "code"), None)
    for c in range(width):
        if (c in match.mapping and not read_too) or c in besides:
            continue
        values = [_cell(r, c) for r in filled]
        if not all(values) or len(set(values)) < len(values):
            continue
        templates: set[str | None] = set()
        for r, value in zip(filled, values, strict=True):
            parts = [v for k in range(width) if k not in (c, code) and (v := _cell(r, k)) and v != value]
            fixed, found = _template(value, parts)
            templates.add(fixed if found >= least else None)
            if None in templates or len(templates) > 1:
                break
        shared = next(iter(templates)) if len(templates) == 1 else None
        if shared is not None and re.search(r"[^\W\d_]", shared):
            example = values[0] if len(values[0]) <= 60 else values[0][:57] + "…"
            return f"“{_header(match, c)}” built by a program from each row's own cells (“{example}”)"
    return None


def _pictures(match: HeaderMatch, filled: list[list[Any]], width: int) -> str | None:
    """A column the register does not read holding an image file on every row, and a caption a program made of
    each row's own name ("You have chosen: Swimmer"): each row a thing an app shows. A picture alone is no sign —
    a stakeholder list may carry each person's photo ("Name | Role | Organisation | Photo")."""
    for c in range(width):
        if c in match.mapping:
            continue
        values = [_cell(r, c) for r in filled]
        if all(values) and all(_IMAGE_RE.match(v) for v in values):
            # the caption may be read as a describing field (the picker's "Title" as the role): none an office keeps is
            caption = _built_from_its_row(match, filled, width, least=1, besides=frozenset({c}), read_too=True)
            if caption is not None:
                return f"a picture on every row (“{_header(match, c)}”: “{values[0]}”) and {caption}"
    return None


def _numbered_steps(match: HeaderMatch, filled: list[list[Any]], width: int) -> str | None:
    """Three columns or more the register does not read, headed by one word numbered 1, 2, 3 … ("step1" …
    "step5"), every one filled on every row: a procedure for each row, as a catalogue says what to do for a kind."""
    series: dict[str, list[tuple[int, int]]] = {}
    for c in range(width):
        if c in match.mapping or not (m := _NUMBERED_RE.match(_header(match, c))):
            continue
        series.setdefault(m.group(1).casefold(), []).append((int(m.group(2)), c))
    for numbered in series.values():
        numbers = sorted(n for n, _ in numbered)
        if len(numbers) >= MIN_STEPS and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and \
                numbers[0] in (0, 1) and all(_cell(r, c) for _, c in numbered for r in filled):
            first, last = min(numbered)[1], max(numbered)[1]
            return f"a procedure of {len(numbers)} numbered steps on every row (“{_header(match, first)}” … " \
                   f"“{_header(match, last)}”)"
    return None


def item_catalogue(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why the sheet matched is a published index or a catalogue of kinds, not an office's register, or None."""
    kind = match.kind
    if kind.is_child or not match.mapping or any(_office_field(match, n) for n in match.mapping.values()):
        return None
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < MIN_ROWS:
        return None
    width = max(len(match.headers), max(len(r) for r in filled))
    sign = _built_from_its_row(match, filled, width) or _pictures(match, filled, width) or \
        _numbered_steps(match, filled, width)
    if sign is None:
        return None
    return (f"its rows are a published index or a catalogue of kinds, not an office's {kind.reg.title.lower()}: "
            f"{sign}, and no owner, status, project or cost is kept on them.")
