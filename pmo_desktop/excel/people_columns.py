"""A column of people's names taken to name a register's records (issue 12, round 61).

A sheet naming a register (a file "change_log.csv") whose headers name no title column has its records named by
a fallback: its one column of distinct texts, or of texts that vary most (``header_detection.repeated_texts``).
An IT controls audit's sample "change_log.csv" ("change_id | user_id | user_name | type_changement | environnement
| statut_ticket | date_changement | heure_changement") had one such column, "user_name": its eight production
changes became eight decisions titled "Thomas Bernard", "Karim Tazi" … A column headed as a person's name
("user_name", "Employee Name", "Author"), every cell of it a name, says who — never what is decided, risked or
at issue; only a register of people (the stakeholders) is named by it. Without it, such a sheet names no record
and adds nothing, as a table whose headers name nothing does.

Decided once a sheet, of the fallback's column and the sample of rows under the header.
"""

from __future__ import annotations

import re
from typing import Any

from .vocabulary import people_header_words, words_of

_NAME_WORDS = frozenset({"name", "names", "nombre", "nom", "nome", "naam", "navn", "namn", "nimi"})
# a person's full name (two to four capitalised words of letters: "Thomas Bernard", "Anne-Marie O'Neil"), or a
# login written as one word ("tbernard", "j.doe")
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w.'’-]*")
_LOGIN_RE = re.compile(r"[A-Za-z][\w.-]{1,30}")
PEOPLES_REGISTERS = frozenset({"stakeholders"})


def _a_persons_name(text: str) -> bool:
    words = text.split()
    if len(words) == 1:
        return _LOGIN_RE.fullmatch(text) is not None
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and _NAME_WORD_RE.fullmatch(w) for w in words)


def headed_as_a_person(header: Any) -> bool:
    """A header naming a person's name: its words are a people word ("user", "employee", "author" …:
    ``people_headers`` in the words files) and "name" at most ("user_name", "Employee Name", "Author")."""
    words = set(words_of(header)) if isinstance(header, str) else set()
    people = people_header_words()
    return bool(words & people) and words <= people | _NAME_WORDS


def names_people(register: str, header: Any, values: list[Any]) -> bool:
    """Column ``header`` over ``values``, taken to name the records of ``register`` though no header says so,
    holds people's names: it names no record but a person's (``PEOPLES_REGISTERS``)."""
    if register in PEOPLES_REGISTERS or not headed_as_a_person(header):
        return False
    texts = [x.strip() for x in values if isinstance(x, str) and x.strip()]
    return len(texts) >= 2 and all(_a_persons_name(t) for t in texts)
