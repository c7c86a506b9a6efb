"""A portfolio status report: one row a project, its status and what was said of it (classes84).

"Priority | Project | Status | Notes" under a "Status Report" title with the report's date beside it was read as
41 issues titled by each note's first line, the projects' own states ("Completed", "On Hold", "Not Started") read as
the issues' and the projects all left Active. Such a sheet is the office's status reports: one report a row, about
its project, as at the date the title block gives (its period that date's month), the notes its commentary, every
other column kept there under its header; the projects it makes take their state from the status column.

Decided once a sheet, after its header is found, from the sheet alone and its file's name:
- the sheet, its file, or a caption above its header names the status reports ("Status Report", "Project Status"
  — ``sheet_synonyms`` of the register);
- a column gives each row's project and none names the records of the register the header was read as (no title
  column of its own, no header saying that register's noun: an issue log under a status report's title stays one);
- another column holds a project's states (``projects.status`` in the words files) on most of its filled rows;
- a date stands above the header (the title block's "as at"), or heads the status column ("Projects | 2016-02-13").
Without a date the sheet reads as before: a report is of a period, and none would be invented. Nor when a project
is named on two rows: a report is one a project and a period, and the rows are the project's items (fault73).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from ..models.registers import REGISTERS
from ..models.status_rules import RAG_ALIASES, RAGS
from .header_detection import HeaderMatch, kind_for, named_by_its_last_words
from .vocabulary import register_nouns, value_words, word_key, words_of

STATUS_REPORTS = "status_reports"
PROJECT_STATES = "projects.status"  # the words files' project states: Proposed, Active, On hold, Closed
_TEXT_FIELDS = ("description", "notes", "commentary", "title", "cause", "effect", "rationale")
_MIN_STATES = 3  # rows naming a project's state, at least


# how the refusal of a status list that gives no period begins (classes93: a portfolio status list, one row a project
# with its state, RAG and details, no date anywhere, was refused as "no column names the records (Period …)" and told
# to set a title column — the period was what was missing, and the office makes none up)
UNDATED_REASON = "a portfolio status list, one row a project"


def undated_said(project_header: str) -> str:
    """Why a status reports' reading of one row a project, with no period anywhere, is not imported."""
    return (f"{UNDATED_REASON} (“{project_header}”), that gives no period: a status report is of a month, a week or "
            "a quarter, and no column, title or date above the header says which, so none is made up; add a Period "
            "column (such as 2025-10) and import it again — each project is then made from its name, the other "
            "columns kept in its report's commentary.")


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _named_a_status_report(name: str) -> bool:
    """The sheet's or the file's name, its first words ("Status Report_team", "Project Status 2018") or last."""
    kind = kind_for(STATUS_REPORTS)
    words = words_of(name.replace("_", " ").replace("-", " "))
    return named_by_its_last_words(kind, name) or \
        any(kind.matches_sheet_name(" ".join(words[:i])) for i in range(1, min(len(words), 4) + 1))


def _states(values: list[Any]) -> list[str] | None:
    words = value_words(PROJECT_STATES)
    cells = [word_key(str(v)) for v in values if v is not None and str(v).strip()]
    found = [words[c] for c in cells if c in words]
    return found if len(found) >= _MIN_STATES and 3 * len(found) >= 2 * len(cells) else None


def _repeated(names: Iterable[Any]) -> bool:
    """Whether a project is named on two rows: a report is one a project and a period, so rows naming a project
    twice are the project's items — an issue log's issues under a status report's title (fault73: read as reports,
    two of one project in one month stopped the whole import at its write, "conflicts with other records")."""
    seen: set[str] = set()
    for name in names:
        if isinstance(name, str) and (key := " ".join(name.split()).casefold()):
            if key in seen:
                return True
            seen.add(key)
    return False


def portfolio_report(match: HeaderMatch | None, rows: list[list[Any]], sheet_title: str,
                     book: str | None) -> HeaderMatch | None:
    """The status reports' reading of a sheet read as ``match`` when it is a portfolio status report (see the
    module), else None. ``rows``: the sheet's top rows as written (merged cells not filled)."""
    if match is None or match.kind.is_child or match.kind.register == STATUS_REPORTS:
        return None
    project = next((c for c, n in match.mapping.items() if n == "project"), None)
    if project is None:
        return None
    title = next((f.name for f in match.kind.reg.fields if f.required), None)
    if title in match.mapping.values():
        return None  # its records are named by a column of their own
    nouns = register_nouns(match.kind.register)
    if any(set(words_of(h)) & nouns for h in match.headers if h):
        return None
    above = rows[:match.row - 1]
    kind = kind_for(STATUS_REPORTS)
    if not _named_as_reports(rows, match, sheet_title, book):
        return None
    body = rows[match.row:]
    if _repeated(r[project] if project < len(r) else None for r in body):
        return None
    status = next((c for c in range(len(match.headers)) if c != project and
                   _states([r[c] if c < len(r) else None for r in body]) is not None), None)
    if status is None:
        return None
    header_cell = rows[match.row - 1][status] if status < len(rows[match.row - 1]) else None
    day = _day(header_cell) or next((d for line in above for x in line if (d := _day(x)) is not None), None)
    if day is None:
        return None
    text = next((c for name in _TEXT_FIELDS for c, n in match.mapping.items() if n == name and c != status), None)
    mapping = {project: "project"} | ({text: "commentary"} if text is not None else {})
    said = (f"Read as status reports, not as the {REGISTERS[match.kind.register].title.lower()}: one a project, as at "
            f"{day.isoformat()} (the date {'heading “Status”' if _day(header_cell) else 'above the header'}), the "
            f"column “{match.headers[status] or 'Status'}” giving each project's state"
            + (f" and “{match.headers[text]}” its commentary" if text is not None else "") + ".")
    return replace(match, kind=kind, mapping=mapping, duplicates={}, demoted={}, titled_by=None, refused=(),
                   ladders={}, grades_said=said, band="",
                   constants={"period": f"{day.year}-{day.month:02d}", "reported_on": day},
                   project_status=status)


_RAG_WORDS = frozenset(w.casefold() for w in (*RAGS, *(k for k in RAG_ALIASES if len(k) > 1)))


def _rags(values: list[Any]) -> bool:
    """Green / Amber / Red on every filled cell (two at least): a column of RAG ratings."""
    cells = [" ".join(str(v).split()).casefold() for v in values if v is not None and str(v).strip()]
    return len(cells) >= 2 and all(c in _RAG_WORDS for c in cells)


def _numbers_only(values: list[Any]) -> bool:
    cells = [v for v in values if v is not None and str(v).strip() not in ("", "-")]
    return bool(cells) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells)


def undated_report(match: HeaderMatch | None, rows: list[list[Any]], sheet_title: str, book: str | None,
                   saved_on: date | None) -> HeaderMatch | None:
    """A portfolio status list with no period anywhere (classes93): the status reports' reading of a sheet named as
    them, one row a project, no column, title or date above the header giving the period — read as at the day the
    workbook was last saved (its own document properties: when what it says was written), said; its column of RAG
    words ("Status": Green, Amber) each report's overall rating, a column of numbers read as the commentary
    ("Progress" 0.1 … 1) kept in it under its header instead. Without a saved day (a CSV) the sheet is refused,
    saying the period is missing (``undated_said``): no date is made up. ``rows``: the top rows as written."""
    if match is None or match.kind.register != STATUS_REPORTS or saved_on is None or \
            "period" in match.mapping.values() or "period" in match.constants:
        return None
    project = next((c for c, n in match.mapping.items() if n == "project"), None)
    if project is None:
        return None
    if not _named_as_reports(rows, match, sheet_title, book):
        return None
    body = [r for r in rows[match.row:] if any(x is not None and str(x).strip() for x in r)]
    names = [r[project] if project < len(r) else None for r in body]
    if _repeated(names) or sum(1 for n in names if isinstance(n, str) and n.strip()) < 2:
        return None

    def column(c: int) -> list[Any]:
        return [r[c] if c < len(r) else None for r in body]

    mapping = dict(match.mapping)
    said = [f"Read as status reports as at {saved_on.isoformat()}, the day the workbook was last saved (its own "
            "properties say so): one row a project, and no column, title or date above the header gives the period "
            "— if the list was written for another month, add a Period column and import it again."]
    if "overall" not in mapping.values():
        rag = next((c for c in range(len(match.headers)) if c not in mapping and _rags(column(c))), None)
        if rag is not None:
            mapping[rag] = "overall"
            said.append(f"“{match.headers[rag]}” (Green, Amber, Red) is each report's overall RAG.")
    for c, n in list(mapping.items()):
        if n == "commentary" and _numbers_only(column(c)):
            del mapping[c]  # "Progress" 0.1 … 1: kept in the commentary under its header, not made the text
    return replace(match, mapping=mapping, grades_said=" ".join(x for x in (match.grades_said, *said) if x),
                   constants={**match.constants, "period": f"{saved_on.year}-{saved_on.month:02d}",
                              "reported_on": saved_on})


def project_states(all_rows: list[list[Any]], match: HeaderMatch) -> dict[str, str]:
    """Each project the report names (keyed in lower case) → the office's state its status cell says."""
    project = next((c for c, n in match.mapping.items() if n == "project"), None)
    status = match.project_status
    if project is None or status is None:
        return {}
    words = value_words(PROJECT_STATES)
    out: dict[str, str] = {}
    for r in all_rows[match.row:]:
        name = r[project] if project < len(r) else None
        state = words.get(word_key(str(r[status]))) if status < len(r) and r[status] is not None else None
        if isinstance(name, str) and name.strip() and state is not None:
            out.setdefault(" ".join(name.split()).lower(), state)
    return out


_DATED_SCAN = 5  # rows from the top a report's "Projects | <date>" header may stand on


def dated_report(rows: list[list[Any]], sheet_title: str, book: str | None) -> HeaderMatch | None:
    """A status report of one date with no header found (left59b): "Projects | 2016-02-13" on the sheet's first
    filled row, each row under it a project and what was said of it that day. Decided once a sheet: the sheet or its
    file names the status reports, the row's first cell is the register's project column (``map_header``), the cell
    right of it a date and nothing else on the row; a second column must hold text under it. Read: the project, the
    text its commentary, reported on that date (its period that month). ``rows``: the top rows as written."""
    if not (_named_a_status_report(sheet_title) or (book is not None and _named_a_status_report(book))):
        return None
    from .header_detection import map_header
    kind = kind_for(STATUS_REPORTS)
    at = next((i for i, r in enumerate(rows[:_DATED_SCAN]) if any(x is not None and str(x).strip() for x in r)), None)
    if at is None:
        return None
    filled = [(c, x) for c, x in enumerate(rows[at]) if x is not None and str(x).strip()]
    if len(filled) != 2 or not isinstance(filled[0][1], str) or _day(filled[1][1]) is None \
            or filled[1][0] != filled[0][0] + 1:
        return None
    project, status = filled[0][0], filled[1][0]
    if map_header(kind, [None] * project + [filled[0][1]])[0].get(project) != "project":
        return None
    said = sum(1 for r in rows[at + 1:] if status < len(r) and isinstance(r[status], str) and r[status].strip())
    if said < 2:
        return None
    day = _day(filled[1][1])
    assert day is not None
    headers = [""] * project + [filled[0][1].strip(), day.isoformat()]
    return HeaderMatch(kind, at + 1, {project: "project", status: "commentary"}, headers, 2.0,
                       grades_said=(f"Read as status reports as at {day.isoformat()} (the date heading column "
                                    f"{status + 1}, no header naming it): one a project, what the column says of it "
                                    "its commentary; a row naming a project alone (a section's caption, a project "
                                    "nothing was said of) makes no report."),
                       constants={"period": f"{day.year}-{day.month:02d}", "reported_on": day})


def _named_as_reports(rows: list[list[Any]], match: HeaderMatch, sheet_title: str, book: str | None) -> bool:
    """Whether the sheet, the workbook or a caption above the header names status reports."""
    kind = kind_for(STATUS_REPORTS)
    captions = [x.strip() for line in rows[:match.row - 1] for x in line if isinstance(x, str) and x.strip()]
    return (_named_a_status_report(sheet_title) or (book is not None and _named_a_status_report(book))
            or any(kind.matches_sheet_name(x) for x in captions))
