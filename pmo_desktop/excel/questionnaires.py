"""A questionnaire, a survey or a quiz, told from a register (issue 12, round 59's held-out miss).

A voting-advice app's "issues.csv" ("id | issue | question": 27 statements to agree or disagree with, each under a
topic — "Housing" ×4, "Taxation" ×4 …) was read as 27 issues titled by their topic, the statement kept in the notes.
What it is shows in two signs together: a column of questions — headed as one ("question", "statement", "Frage",
"pregunta": ``questionnaire.questions`` in the words files) over a sentence on each row, or most of its cells
ending in "?" — and nothing an office keeps on its records placed (no owner, status, date, rating, response or
action): each row is something to ask, not something the office tracks. Then the column naming the rows either
repeats a few topics (what the questions are grouped under) or is the questions themselves beside a column of
answers or options (a quiz, a FAQ).

An issue log whose titles are phrased as questions ("Who approves the budget?") keeps its issues: it has a status,
an owner or a date raised, and any such field ends the question. Decided once per sheet from its header's mapping
and the sample of rows under it, so it costs nothing per row.
"""

from __future__ import annotations

from typing import Any

from ..models.fields import Kind
from .header_detection import HeaderMatch
from .tool_catalogues import office_field
from .vocabulary import questionnaire_words, word_key, words_of

MIN_ROWS = 4  # fewer rows say nothing of topics repeating or of a column of questions
# what a questionnaire fills as a register does: its ID, its question or topic as a title, text, a kind
_DESCRIBING_KINDS = (Kind.CODE, Kind.TEXT, Kind.LONGTEXT, Kind.ENUM, Kind.MULTI_ENUM)
_KEPT_BY_AN_OFFICE = frozenset({"status", "priority", "response"})


def _headed(header: Any, part: str) -> bool:
    """Whether a header names a column of questions (or of answers, ``part``): the whole header is one of those
    words ("Survey Question", "Option A"), or its first word ("Question (EN)", "question_text") — not a later
    word: "Risk Statement" names a risk."""
    words = questionnaire_words(part)
    first = words_of(header)[:1]
    return word_key(header) in words or (bool(first) and first[0] in words)


def _sentences(values: list[str]) -> bool:
    """A statement or question on (nearly) every row: four in five distinct, three words a cell on the mean."""
    return len({v.casefold() for v in values}) * 5 >= len(values) * 4 and \
        sum(len(v.split()) for v in values) >= 3 * len(values)


def _asked(values: list[str]) -> bool:
    """Two cells in three or more end in a question mark (any script's: "?", "？", "؟")."""
    return sum(1 for v in values if v.rstrip().endswith(("?", "？", "؟"))) * 3 >= len(values) * 2


def questionnaire(match: HeaderMatch, rows: list[list[Any]]) -> str | None:
    """Why the sheet matched is a questionnaire (a survey's or a quiz's questions), not the register, or None."""
    if match.kind.is_child or any(office_field(match, n, _DESCRIBING_KINDS, _KEPT_BY_AN_OFFICE)
                                  for n in match.mapping.values()):
        return None
    name = next((f.name for f in match.kind.reg.fields if f.required), None)  # the field naming the records
    title = next((c for c, n in match.mapping.items() if n == name), None)
    if title is None:
        return None
    filled = [r for r in rows if title < len(r) and r[title] is not None and str(r[title]).strip()]
    if len(filled) < MIN_ROWS:
        return None
    width = max(len(match.headers), max(len(r) for r in filled))

    def column(c: int) -> list[str]:
        return [str(r[c]).strip() for r in filled if c < len(r) and r[c] is not None and str(r[c]).strip()]

    # the column of questions: filled on half the rows at least, a sentence a cell, asked or headed so
    asked = next((c for c in range(width) if len(values := column(c)) * 2 >= len(filled) and _sentences(values)
                  and (_asked(values) or (c < len(match.headers) and _headed(match.headers[c], "questions")))), None)
    if asked is None:
        return None
    header = str(match.headers[asked]).strip() if asked < len(match.headers) and match.headers[asked] else \
        f"column {asked + 1}"
    shown = column(asked)[0]
    shown = shown if len(shown) <= 50 else shown[:50].rstrip() + " …"
    topics = column(title)
    if asked != title and len(set(topics)) * 2 <= len(topics):
        said = ", ".join(f"“{t}”" for t in list(dict.fromkeys(topics))[:3])
        return (f"a questionnaire, not a register: “{header}” asks a question or states something to answer on each "
                f"row (“{shown}”), grouped under a few topics of “{match.headers[title]}” ({said} …), and no owner, "
                f"status, date or rating is kept.")
    answers = [str(h).strip() for c, h in enumerate(match.headers) if c != asked and h is not None and
               _headed(h, "answers")]
    if asked == title and answers:
        return (f"a questionnaire, not a register: “{header}” asks a question on each row (“{shown}”), beside "
                f"“{answers[0]}”, and no owner, status, date or rating is kept.")
    return None

