"""A program's output, its columns named as identifiers, told from a register (issue 12, round 60).

An LLM classifier wrote its trace of each example to "decision_log.csv": "idx | text | true | baseline_label |
baseline_score | llm_label | … | decision_trace | explanation_full" — 22 columns, 19 of them a program's field
names (lower-case words joined by underscores). Only "decision_trace" said anything of the decision log, so its
rows were read as decisions titled "use llm_primary (conf=0.710 …)", every other column in the notes.

A register read from its title alone, with eight columns or more beside it that no field takes, three headers in
four of them identifiers a program names its fields with, is that program's output: the file adds nothing and
says why. An office's CSV written by a tool ("risk_id | risk_title | owner_name | due_date") places its columns, so
it is read as before. Decided once per sheet from its header.

An ID read beside that title changes nothing (round 62): a data set of the UN General Assembly's votes saved as
"decisions.csv" ("decision_id | session_id | meeting_record_id | page_number | … | decision_mode | …") had its
"decision_id" read as the decisions' IDs and "decision_mode" as their title, and 22,820 decisions were made, each
titled "recorded vote" or "motion". A program numbers whatever it writes; an ID says what a row is called, never
what it is, so the title is still all that reads as the register.

A program names its columns as one lower-case word each as often as it joins two by an underscore: a civic app's
sample reports saved as "issues.csv" ("issue_id | user_id | title | text | lat | lng | rep_name | … | up_vote |
flag_count") were 8 issues titled "pothole", "graffiti" (round 62's held-out set). Every header so written, one
at least joined by an underscore, is a program's as three identifiers in four are.
"""

from __future__ import annotations

import re

from ..models.fields import a_noun
from .header_detection import HeaderMatch, real_fields

MIN_UNREAD = 8  # a register's few columns a language's words do not know yet are not a program's dozen fields
_IDENTIFIER_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
# every header one lower-case word, "issue_id" among them ("title | text | lat | lng | up_vote"): a program's
# columns too, however few are joined by an underscore (round 62's held-out civic app)
_ONE_WORD_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def program_output(match: HeaderMatch) -> str | None:
    """Why a sheet read as a register from its title alone is a program's output, or None."""
    reg = match.kind.reg
    title = next((f.name for f in reg.fields if f.required), None)
    key = {reg.key_field.name} if reg.key_field is not None else set()  # an ID beside the title changes nothing
    if title is None or real_fields(match.mapping) - key != {title}:
        return None
    headers = [(c, str(h).strip()) for c, h in enumerate(match.headers) if h is not None and str(h).strip()]
    unread = [h for c, h in headers if c not in match.mapping]
    if len(unread) < MIN_UNREAD:
        return None
    names = [h for _, h in headers if _IDENTIFIER_RE.match(h)]
    if len(names) * 4 < len(headers) * 3 and not (names and all(_ONE_WORD_RE.match(h) for _, h in headers)):
        return None
    naming = next(h for c, h in headers if match.mapping.get(c) == title)
    shown = ", ".join(f"“{h}”" for h in names[:3])
    return (f"its columns are a program's fields ({shown} …: {len(names)} of its {len(headers)} headers are "
            f"identifiers), and only “{naming}” reads as {a_noun(reg.noun)}'s {reg.field(title).label.lower()}: "
            "a program's output, not an office's register.")
