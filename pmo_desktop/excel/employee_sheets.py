"""An employer's sheets of its employees, told from a register (issue 12, round 60's held-out miss).

An HR exercise's workbook ("Master": ID, names, job title, employment type, pay basis, rate, date of birth, hire
date, probation end…; "HR" and "Accounting" views of the same people; "Management": each employee's flag and
"Risk / Action") was read as 7 stakeholders and 4 risks. Employees are no register's records: what an employer keeps
on them — pay, hire date, probation, date of birth, employment type (``employment`` in the words files) — is
nothing a program office keeps on a stakeholder, a risk or any of its records.

Decided once per sheet from its header: three columns or more named by an employer's words make a sheet of
employees, unless the register's own judgement of each row is placed — a stakeholder's power, interest, attitude,
engagement or concerns, a risk's rating or response (a field of a scale or a choice, other than a status, which
an employee has too). A stakeholder list naming each person's role and department is not one: those are no
employer's words. A sheet whose every ID is an employee's of such a sheet ("Management": EMP-001 … under "Risk /
Action") is another view of the same people, refused with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch
from .vocabulary import employment_words, words_of

MIN_COLUMNS = 3  # one or two ("Start date", "Pay grade") may sit on a stakeholder list; three are an employee file
MIN_ROWS = 3
_JUDGING_KINDS = (Kind.SCALE, Kind.ENUM, Kind.MULTI_ENUM)
_JUDGING_TEXT = frozenset({"concerns"})  # a stakeholder's concerns: the office's own reading of each person


def _employers_word(header: Any) -> bool:
    words = words_of(header)
    return any(tuple(words[i:i + len(w)]) == w for w in employment_words() for i in range(len(words)))


def _judged_by_the_register(match: HeaderMatch) -> bool:
    reg = match.kind.reg
    for name in match.mapping.values():
        if name in reg.field_names and name != "status" and \
                (reg.field(name).kind in _JUDGING_KINDS or name in _JUDGING_TEXT):
            return True
    return False


def employee_sheet(match: HeaderMatch) -> str | None:
    """Why the sheet matched holds an employer's employees rather than the register's records, or None."""
    named = [str(h).strip() for h in match.headers if h is not None and _employers_word(h)]
    if len(named) < MIN_COLUMNS or match.kind.is_child or _judged_by_the_register(match):
        return None
    said = ", ".join(f"“{h}”" for h in named[:4])
    return (f"its rows are an employer's employees, not records of the {match.kind.reg.title.lower()}: {said} are what an employer "
            f"keeps on its staff, and no rating, engagement or response of the register's is given.")


def ids_of(match: HeaderMatch, rows: list[list[Any]]) -> set[str]:
    """The IDs of the rows under ``match``'s header (``rows`` as read below it), folded."""
    key = match.kind.reg.key_field.name if match.kind.reg.key_field is not None else None
    col = next((c for c, n in match.mapping.items() if n == key), None)
    if col is None:
        return set()
    return {str(r[col]).strip().casefold() for r in rows if col < len(r) and r[col] is not None and str(r[col]).strip()}


def same_people(match: HeaderMatch, rows: list[list[Any]], employees: Mapping[str, set[str]]) -> str | None:
    """Why a sheet whose every ID (three or more) is an employee's of a sheet refused as employees is another view
    of them, or None; a register judging its rows is kept."""
    ids = ids_of(match, rows)
    if len(ids) < MIN_ROWS or _judged_by_the_register(match):
        return None
    for title, staff in employees.items():
        if title != match.sheet_title and ids <= staff:
            return (f"its rows are the employees of “{title}” (the same IDs), seen another way: an employer's "
                    f"staff, not records of the {match.kind.reg.title.lower()}.")
    return None
