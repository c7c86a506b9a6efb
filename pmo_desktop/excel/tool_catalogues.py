"""A tool's catalogue of kinds of record, told from an office's register (issue 12, round 38's held-out miss).

A screening tool's list of the risk factors it checks ("Risk | Description | Category | Level | Type | Key |
Traversal Parameters | URL", keys ``reputational_risk_bribery_and_corruption``, categories ``adverse_media``)
names a title, a category and an ID as a register does, and its 563 rows were read as 563 risks. What it is
shows in its cells: identifiers written for a program where an office writes words (snake_case keys and
categories), beside columns only a program reads (links, parameter structures ``{'max': 3, …}``), and nothing
an office keeps on its own records — no owner, status, date, rating, response or action.

Decided once per sheet from its header's mapping and the sample of rows under it, so it costs nothing per row.
A register with an ID column, a link to its documents, or even snake_case IDs keeps its records: two signs of a
program are needed, one of them identifiers the register would read as its own field, and any field an office
keeps ends the question.

A program's own lookup table (round 52's held-out miss: a clinical tool's patient risk factors saved as
"risks.csv", "risk_id | label | description" over keys "risk_mrsa", "allergy_pcg", "is_shock") shows the second
sign in its header: every column named as a program names a field (lower case, no space, "risk_id" joined by an
underscore). An office's own small list ("ID | Title | Description" over "R-001") has neither sign and is kept.

A risk tool's seed table of the kinds of risk it knows (round 58's held-out miss, "risk_id | name | type_id |
description" over "R_TECH_01 | Malware and infections | TECH", "R_OPER_02 | Key personnel dependency | OPER")
shows the second sign in how its rows are grouped: a column not read as the ID holds a few codes, each on several
rows, and every row's ID is built of its own code ("R_TECH_01" of "TECH") — kinds numbered within their class, as a
taxonomy numbers them. A young register written by a program ("risk_id | name | description" over "R001") has no
such column and is kept; so is an office's list whose columns are named in words ("Risk ID | Category"), whatever
its IDs say.

A published catalogue of risks (round 62's miss, an AI risk repository saved as a "risk register": "canonical_risk_id
| row_type | name | description | mit_domain | … | source_frameworks" over 142 kinds of AI risk, each citing the
papers it comes from, "Weidinger2021 | Bengio2024 | …") shows the second sign in its cells: a column citing works by
their author and year, two or more on most rows — a taxonomy's sources, which no office writes against its own
risks. With every column named as a program names a field and nothing an office keeps, it is refused; a young
register "risk_id | title | description" cites nothing and is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..models.fields import Kind
from ..models.kinds import FieldKind
from .header_detection import PARENT, HeaderMatch

# lower-case words joined by underscores, as a program names a thing ("export_controls", "forced_labor");
# an office's codes are written otherwise ("R-001", "RSK_01", "Risk 4")
_IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
_ONE_WORD_RE = re.compile(r"^[a-z][a-z0-9_]*$")  # "sanctions" among identifiers: a program's name with no underscore
_LINK_RE = re.compile(r"^(?:https?|ftp)://\S+$", re.I)
# a program's settings written into a cell: a dictionary or a list ("{'max': 3, 'psa': False, …}", "[1, 2]")
_STRUCTURE_RE = re.compile(r"^(?:\{.*\}|\[.*\])$", re.S)

# the kinds of field a catalogue of kinds fills as a register does: what each kind is called, its code, its
# description, what class of thing it is. Any other field (a person, a date, a rating, a number, a tick) or a
# status, priority or response is kept by an office on its own records
_DESCRIBING_KINDS = (Kind.CODE, Kind.TEXT, Kind.LONGTEXT, Kind.ENUM, Kind.MULTI_ENUM)
_KEPT_BY_AN_OFFICE = frozenset({"status", "priority", "response"})

# a work cited by its author and year, as a taxonomy cites its sources: "Weidinger2021", "G'sell2024", "Shelby 2023",
# "Smith et al. (2020)"; a standard's number ("ISO 27001", "ISO/IEC 23894:2023") is not one
_CITATION_RE = re.compile(r"\b[A-Z][^\W\d_]+(?:['’][^\W\d_]+)?(?: et al\.?)?,? ?\(?(?:19|20)\d\d[a-z]?\)?(?![\w:/.-]*\d)")

# how the refusals below begin, so a workbook of nothing else is refused saying what it holds
CATALOGUE_REASONS = ("a tool's catalogue of kinds", "a published catalogue of risks")

MIN_ROWS = 3  # a sample this small says nothing of how a column is written


def office_field(match: HeaderMatch, name: str, describing: tuple[FieldKind, ...], kept: frozenset[str]) -> bool:
    """Whether the column read as ``name`` is what an office keeps on its records (an owner, a rating, a plan) rather
    than what describes a thing (``describing`` kinds, but the fields ``kept``): a catalogue has only the latter."""
    reg = match.kind.reg
    if name == PARENT:
        return False
    if name not in reg.field_names:
        return True  # a response plan, an action's owner or date, a tick-box rating: an office's
    return reg.field(name).kind not in describing or name in kept


def _office_field(match: HeaderMatch, name: str) -> bool:
    return office_field(match, name, _DESCRIBING_KINDS, _KEPT_BY_AN_OFFICE)


def _identifiers(values: list[str]) -> bool:
    """Every value a program's name (lower case, no space), two thirds of them joined by underscores."""
    return len(values) >= MIN_ROWS and all(_ONE_WORD_RE.match(v) for v in values) and \
        sum(1 for v in values if _IDENTIFIER_RE.match(v)) * 3 >= len(values) * 2


def _program_column_names(headers: list[Any]) -> str | None:
    """The first header joined by an underscore when every header is written as a program names a field
    ("risk_id | label | description"): a table a program keeps for itself, or None. An office names its columns
    in words ("Risk ID", "Title"); a header of one lower-case word alone ("label") says nothing either way."""
    named = [str(h).strip() for h in headers if h is not None and str(h).strip()]
    if len(named) < 2 or not all(_ONE_WORD_RE.match(h) for h in named):
        return None
    return next((h for h in named if _IDENTIFIER_RE.match(h)), None)


def tool_catalogue(match: HeaderMatch, rows: list[list[Any]], above: Sequence[list[Any]] = ()) -> str | None:
    """Why the sheet matched is a tool's catalogue of kinds of record, not an office's register, or None.

    ``above`` is the sheet's rows down to the header row, as written. A catalogue whose labels say the
    register's noun ("MRSA risk", "Pseudomonas risk") has its first record taken for the header's second line,
    under "risk_id | label | description" (round 52's held-out file, labelled in English): when the line over
    the header names every column as a program does, the table is judged under that line, the header row
    being its first record — so the catalogue is refused however its labels are worded."""
    if match.kind.is_child or any(_office_field(match, n) for n in match.mapping.values()):
        return None
    why = _judged(match, match.headers, rows) or _numbered_within_kinds(match, match.headers, rows) or \
        _cites_sources([str(h) if h is not None else "" for h in match.headers], rows)
    if why is None and len(above) >= 2 and len(above) == match.row and \
            _program_column_names(above[-2]) is not None:
        line = [str(h) if h is not None else "" for h in above[-2]]
        why = _judged(match, line, [above[-1], *rows]) or _cites_sources(line, [above[-1], *rows])
    return why


def _cites_sources(headers: list[str], rows: list[list[Any]]) -> str | None:
    """With every column named as a program names a field, a column citing two works or more by author and year on
    two in three of the rows that fill it, a third of the rows at least ("Weidinger2021 | Bengio2024"): a published catalogue of risks and its sources, not an
    office's own records. ``None`` otherwise."""
    program_names = _program_column_names(headers)
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if program_names is None or len(filled) < MIN_ROWS:
        return None
    for c in range(max(len(r) for r in filled)):
        # a taxonomy's sub-kinds cite through their parent: the column is judged on the rows that fill it
        cells = [str(r[c]).strip() for r in filled if c < len(r) and r[c] is not None and str(r[c]).strip()]
        citing = [cell for cell in cells if len(_CITATION_RE.findall(cell)) >= 2]
        if len(citing) < MIN_ROWS or len(cells) * 3 < len(filled) or len(citing) * 3 < len(cells) * 2:
            continue
        header = str(headers[c]).strip() if c < len(headers) and headers[c] else f"column {c + 1}"
        cited = ", ".join(f"“{m.group(0)}”" for m in list(_CITATION_RE.finditer(citing[0]))[:2])
        return (f"a published catalogue of risks, not an office's register: “{header}” cites the works each row "
                f"comes from ({cited} …), beside a program's column names (“{program_names}”), and no owner, status, "
                f"date or rating is kept.")
    return None


def _numbered_within_kinds(match: HeaderMatch, headers: list[str], rows: list[list[Any]]) -> str | None:
    """With every column named as a program names a field, a column other than the ID holding a few codes, each on
    two rows or more, that stand whole in every row's own ID ("TECH" in "R_TECH_01"): the ID numbers each row within
    its kind, as a taxonomy of kinds does. ``None`` when any part is missing."""
    code = next((c for c, n in match.mapping.items() if n == "code"), None)
    if code is None or _program_column_names(headers) is None:
        return None
    filled = [r for r in rows if code < len(r) and r[code] is not None and str(r[code]).strip()]
    if len(filled) < MIN_ROWS:
        return None
    ids = [{p.casefold() for p in re.split(r"[\W_]+", str(r[code]).strip()) if p} for r in filled]
    for c in range(max(len(r) for r in filled)):
        if c == code:
            continue
        values = [str(r[c]).strip() if c < len(r) and r[c] is not None else "" for r in filled]
        kinds = set(values)
        if "" in kinds or len(kinds) * 2 > len(values) or \
                any(values.count(v) < 2 for v in kinds) or \
                not all(v.casefold() in parts for v, parts in zip(values, ids, strict=True)):
            continue
        header = str(headers[c]).strip() if c < len(headers) and headers[c] else f"column {c + 1}"
        return (f"a tool's catalogue of kinds, not an office's register: each ID numbers its row within a kind "
                f"(“{filled[0][code]}” under “{values[0]}” of “{header}”), beside a program's "
                f"column names (“{_program_column_names(headers)}”), and no owner, status, date or rating is kept.")
    return None


def _judged(match: HeaderMatch, headers: list[str], rows: list[list[Any]]) -> str | None:
    filled = [r for r in rows if any(x is not None and str(x).strip() for x in r)]
    if len(filled) < MIN_ROWS:
        return None
    width = max(len(headers), max(len(r) for r in filled))
    named: list[tuple[str, str]] = []  # (header, first value) of each column of identifiers
    machine: list[str] = []            # headers of columns of links or of settings
    read_as_field = False
    for c in range(width):
        values = [str(r[c]).strip() for r in filled if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if not values:
            continue
        header = str(headers[c]).strip() if c < len(headers) and headers[c] else f"column {c + 1}"
        if _identifiers(values):
            named.append((header, values[0]))
            read_as_field = read_as_field or c in match.mapping
        elif all(_LINK_RE.match(v) for v in values):
            machine.append(f"links (“{header}”)")
        elif all(_STRUCTURE_RE.match(v) for v in values):
            machine.append(f"a program's settings (“{header}”)")
    if (program_names := _program_column_names(headers)) is not None:
        machine.append(f"a program's column names (“{program_names}”)")
    if not read_as_field or len(named) + len(machine) < 2:
        return None
    said = " and ".join(f"“{h}”" for h, _ in named[:2])
    verb = "hold" if len(named) > 1 else "holds"
    examples = ", ".join(f"“{v}”" for _, v in named[:2])
    beside = f", beside {' and '.join(machine)}" if machine else ""
    return (f"a tool's catalogue of kinds, not an office's register: {said} {verb} a program's identifiers "
            f"({examples}) where an office writes words{beside}, and no owner, status, date or rating is kept.")
