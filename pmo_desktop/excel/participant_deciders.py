"""A decision log's participants as who decided, when no column names the decider (issue 12, classes81).

A log of decisions taken ("decision_id | date | decision | rationale | participants | … | status: active") names the
people who took each decision under "Participants" (or "Attendees", "Teilnehmer", "参与人"), and no column under a
decider's words ("Decided by", "Approver"). The participants were kept in the notes, the status saying the decision
is in force was read as Decided and then refused by the model's rule that a taken decision names who took it
(``models.raid_rules.check_decision``): every decision was stored Pending though the sheet says who took it, by
another name (unseen set 81, 24 rows).

Decided once a sheet, of its header and the cells under the column: on a sheet read as the decision log with no
column taking the decider, a column no field took headed by a participants word (``participants`` in the words
files) is who decided, when most of its filled cells name one person (a cell joining several names still gives
its first, the whole cell kept in the notes, as any one-person column does); a column of lists of attendees
("Ana, Ben, Chloé" on most rows) names no one decider and stays in the notes. Said once in the sheet notes. No
name is invented: a row with the column empty keeps its decision as the status allows.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .header_detection import HeaderMatch
from .vocabulary import _files, word_key
from .workbook_reader import column_letters

DECIDER = "decided_by"
# a tick's words, never a person's name ("Participants: yes")
_NO_NAMES = frozenset({"yes", "no", "y", "n", "x", "true", "false", "oui", "non", "ja", "nein", "si", "sim", "nao"})
# what joins several names in one cell: a list of attendees, not one decider
_SEVERAL_RE = re.compile(r"[,;/&+\n、，；]|\s(?:and|und|et|y|e|en|og|och|i|и)\s", re.I)


@lru_cache(maxsize=None)
def participant_words() -> frozenset[str]:
    """Keyed headers naming the people present at or taking part in a decision ("Participants", "Attendees"):
    ``participants`` in the words files."""
    return frozenset(k for data in _files() for w in data.get("participants", ()) if (k := word_key(w)))


def _one_name_each(values: list[Any]) -> bool:
    """Most filled cells are one name each: text with a letter (not a number, a tick or a yes), no list."""
    filled = [x for x in values if x is not None and str(x).strip()]
    texts = [x.strip() for x in filled if isinstance(x, str) and any(ch.isalpha() for ch in x)
             and word_key(x) not in _NO_NAMES]
    if not filled or len(texts) * 2 <= len(filled):
        return False
    single = sum(1 for t in texts if not _SEVERAL_RE.search(t))
    return single * 2 > len(filled)


def participants_decide(match: HeaderMatch, sample: list[list[Any]]) -> tuple[HeaderMatch, str] | None:
    """The match with its participants column read as who decided, and the sheet note saying so; None when the
    sheet is no decision log, a column takes the decider already, or no participants column names one person."""
    if match.kind.register != "decisions" or DECIDER in match.mapping.values():
        return None
    words = participant_words()
    for c, head in enumerate(match.headers):
        if not head or c in match.mapping or word_key(head) not in words:
            continue
        values = [r[c] for r in sample if c < len(r)]
        if not _one_name_each(values):
            continue
        mapping = dict(match.mapping)
        mapping[c] = DECIDER
        note = (f"“{head.strip()}” read as who decided (Decided by): no column names the decider, and the column "
                "names one person on most rows (a cell naming several gives the first, the whole cell kept in the "
                "notes).")
        return replace(match, mapping=mapping), note
    return None


def _a_day(x: Any) -> bool:
    return isinstance(x, (date, datetime))


def unheaded_days_decided(match: HeaderMatch, sample: list[list[Any]]) -> tuple[HeaderMatch, str] | None:
    """The match with a column under no header holding days on most filled rows read as the day decided, and the
    sheet note saying so, on a decision log with no column taking that day: a change log's dates written left of
    its header ("| VERSION | CHANGE | REASON | INITIAL" from B1, a day in column A on every row) were kept in the
    notes as "Column A", and the changes, logged by their initials, stayed Pending. None for any other sheet."""
    if match.kind.register != "decisions" or "decided_on" in match.mapping.values():
        return None
    width = max((len(r) for r in sample), default=0)
    for c in range(min(width, len(match.headers) + 1)):
        if c < len(match.headers) and match.headers[c] or c in match.mapping:
            continue
        values = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        if len(values) < 2 or sum(1 for x in values if _a_day(x)) * 10 < len(values) * 8:
            continue
        mapping = dict(match.mapping)
        mapping[c] = "decided_on"
        letter = column_letters(c)
        return replace(match, mapping=mapping), (f"Column {letter}, under no header, holds a day on most rows: read "
                                                 "as the day decided (Decided on).")
    return None
