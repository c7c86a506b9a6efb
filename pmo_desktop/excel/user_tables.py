"""An application's table of users is no stakeholder register (issue 12, classes82).

A VBA task mailer's "Tracker.xlsm" kept its users on a sheet "Users" — "Id | Name | Email", "U001 | User 1 |
user1@…", the placeholder names "User 1" … "User 9" written over again — beside its "Tasks" and "Lists" sheets: the
stakeholder register took it by "Name" and "Email" alone (23 stakeholders made of an app's accounts). A stakeholder
register says something of each person for the programme (a role, an organisation, an interest, an influence, an
engagement); a table giving only an ID, a name and a contact is a list of people, and it is an application's list of
its users when its sheet's name (a sheet left "Sheet1", or a CSV's, by its workbook's) is a system's word ("Users",
"Accounts", "Members", "Logins", "Benutzer", "Utilisateurs", "Пользователи", "用户": ``user_tables`` in the words
files) or its names are numbered placeholders ("User 1", "User 2", "member_3": one word and a number, on most rows).
Refused saying so, once a sheet; a sheet named as the stakeholder register, or a column naming a stakeholder, keeps
the register's reading.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..models.values import normalise_key
from .header_detection import HeaderMatch, _nouns, real_fields
from .todo_lists import _named_by

# what an application keeps of its users: who, and how to reach them (a note beside at most)
_USER_FIELDS = frozenset({"code", "name", "contact", "notes"})
_PLACEHOLDER_RE = re.compile(r"^\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)[\s_#\-.]*(\d{1,3})\s*$")
USER_TABLE_REASON = "an application's table of users"  # how its reason begins: said as the refusal when alone


def _placeholder_stem(values: list[Any]) -> str | None:
    """The word most names are numbered under ("User" of "User 1", "User 2", …) when most filled names are that
    word and a number (three at least), else None."""
    names = [str(x).strip() for x in values if x is not None and str(x).strip()]
    stems = Counter(m.group(1).casefold() for x in names if (m := _PLACEHOLDER_RE.match(x)))
    if not stems:
        return None
    stem, count = stems.most_common(1)[0]
    return stem if count >= 3 and count * 2 > len(names) else None


def user_table(match: HeaderMatch, title: str, file_name: str | None, rows: list[list[Any]]) -> str | None:
    """Why a sheet read as the stakeholder register is an application's table of users, or None. ``file_name``:
    the workbook's name when it names the sheet (a "Sheet1", a CSV); ``rows``: the rows under the header."""
    kind = match.kind
    if kind.register != "stakeholders" or not real_fields(match.mapping) <= _USER_FIELDS:
        return None
    nouns = _nouns(kind)
    names = [x for x in (title, file_name) if x]
    if any(kind.matches_sheet_name(n) or any(w in normalise_key(n) for w in nouns) for n in names) or \
            any(w in normalise_key(h) for h in match.headers if isinstance(h, str) for w in nouns):
        return None  # "Stakeholders" / "Stakeholder | Email": the register's, however few its columns
    column = next((c for c, n in match.mapping.items() if n == "name"), None)
    if column is None:
        return None
    said = next((n.strip() for n in names if _named_by(n, "user_tables")), None)
    stem = _placeholder_stem([r[column] if column < len(r) else None for r in rows])
    if stem is not None and any(w in normalise_key(stem) for w in nouns):
        stem = None  # "Stakeholder 1", "Stakeholder 2": a register's template rows
    if said is None and stem is None:
        return None
    header = str(match.headers[column]).strip()
    if said is not None:
        why = f"its name “{said}” is a system's word for its users"
    else:
        numbered = (stem or "").title()
        why = f"its names under “{header}” are numbered placeholders (“{numbered} 1”, “{numbered} 2”, …)"
    return (f"{USER_TABLE_REASON} (an ID, a name and a contact, nothing more; {why}), not the stakeholder register: "
            "no column says a stakeholder's role, organisation, interest, influence or engagement.")
