"""A record's status told by a column saying it was resolved, fixed or closed (issue 12, classes76a).

A bug list with no status column often says which bugs are over in a column of its own: "Resolved" holding the
day (05/10/2018) or a verdict ("reject", "can't recreate", "This is desired behaviour"), "Fixed By ( If Fixed )"
holding who fixed it. Such rows came in Open, the cell only in the notes (unseen set 76). The headers are the
phrases of ``closed_headers`` in the words files, whole once a bracketed aside is set aside ("( If Fixed )"):
``done`` a participle alone ("Resolved", "Fixed", "Behoben", "Résolu") — or an assumption's "Validated", a risk's
"Occurred" / "Случился ли риск?" (classes87b: answered yes, they were left Open) —, ``by`` the participle with who
("Fixed By", "Behoben von", "Corrigé par"), each under the status it gives (Resolved or Closed). Only on a sheet
with no status column, only for a column kept in the notes (its cells stay there, as written), decided per cell:

- empty, a placeholder ("n/a", "none": ``nothing``), a no (``bool``), an open status word ("pending", "open") or
  a negation before "yet" or a done word ("not yet", "not fixed"), or the register's noun alone ("issue", "defect":
  it still is one) — still open;
- a date (a date cell or a text that is one), or a yes (a word or a tick, "✓", "✔") — the header's status;
- a closing status word of the register ("reject", "won't fix", "duplicate") — that status;
- under a ``by`` header, any other text — who did it: the header's status;
- under a header of another status than Resolved / Closed ("Validated", "Occurred"), any other text — no say;
- under a ``done`` header, a version the fix went into ("v2.1", "build 45") or a text saying a fix was made (opening
  with a header's word, "Fixed in 2.1", or ``done_text.says_done``) — Resolved (Closed for "Closed as …"); a number
  alone as text ("1", "0") — no say; any
  other text is the verdict of a report closed without a fix ("This is desired behaviour", "14/11/18 can't
  recreate this bug") — Closed, the verdict kept in the notes.

A date under a header naming the day ("Date resolved", "Closed on") is ``row_planner.closing_status``'s.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from ..models import values as v
from ..models.errors import ValidationError
from .done_text import says_done
from .vocabulary import closed_header_words, negation_words, register_nouns, value_words, word_key, words_of

# ticks: a yes written as a mark ("✓" under "Occurred?", "✔" under "Validated")
_TICKS = frozenset({"✓", "✔", "☑", "✅", "🗸"})
_ASIDE_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# a version, build or release the fix went into ("v2.1", "1.0.3", "build 45", "R5")
_NUMBER_RE = re.compile(r"[\d\s.,%+-]+")
# — a bare "1" or "0" may be a flag, so a number alone counts only with a dot ("2.1")
_VERSION_RE = re.compile(r"(?i)(?:v|ver\.?|version|build|release|rel\.?|r)\s*\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)+[a-z]?")


@lru_cache(maxsize=1 << 10)
def closed_column(header: object, choices: tuple[str, ...]) -> tuple[str, bool] | None:
    """(the status a filled cell gives, whether the header names who did it) for a header of ``closed_headers``
    whose status (or the other of Resolved / Closed) is one of ``choices``; None for any other header."""
    if not isinstance(header, str):
        return None
    key = word_key(_ASIDE_RE.sub(" ", header))
    if not key:
        return None
    for by in (False, True):
        wanted = closed_header_words("by" if by else "done").get(key)
        if wanted is None:
            continue
        other = {"Resolved": "Closed", "Closed": "Resolved"}.get(wanted)
        status = wanted if wanted in choices else other if other in choices else None
        return None if status is None else (status, by)
    return None


def _a_date(raw: Any) -> bool:
    if isinstance(raw, (date, datetime)):
        return True
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > 20:
        return False
    try:
        return v.parse_date(raw.strip(), "date") is not None
    except ValidationError:
        return False


def closed_cell(raw: Any, status: str, by: bool, register: str, choices: Collection[str],
                default: object) -> tuple[str, str] | None:
    """(the status, what the cell held: "a date", "a name", "a verdict" …) a cell of a ``closed_column`` gives,
    or None when it leaves the record open (see the module's rule)."""
    if raw is None or isinstance(raw, bool) and not raw:
        return None
    if raw is True:
        return status, "a yes"
    if _a_date(raw):
        return status, "a date"
    if not isinstance(raw, str):
        return None  # a number: a version, a count — no say on the record's state
    text = " ".join(raw.split())
    if text.replace("\ufe0f", "") in _TICKS:
        return status, "a yes"  # a tick has no word: its key was empty, and the cell left the record open (fault74)
    key = word_key(text)
    if not key or key in value_words("nothing"):
        return None
    said = value_words("bool").get(key)
    if said is not None:
        return (status, "a yes") if said == "true" else None
    if key in register_nouns(register):
        return None  # "issue", "bug": it still is one
    choice = value_words(f"{register}.status").get(key)
    if choice is not None:
        return (choice, "a status word") if choice in choices and choice != default else None
    words = words_of(text)
    if words[0] in negation_words() and (len(words) == 1 or words[1] == "yet" or
                                         closed_header_words("done").get(words[1]) is not None):
        return None  # "not yet", "not fixed"
    if _NUMBER_RE.fullmatch(text):
        return None  # "1", "0", "45": a flag or a count written as text, no say on the record's state
    if by:
        return status, "a name"
    if status not in ("Resolved", "Closed"):
        return None  # "Validated", "Occurred" (a yes/no question): only a yes or a date answers it
    if _VERSION_RE.fullmatch(text):
        return ("Resolved" if "Resolved" in choices else status), "a version"  # "v2.1", "build 45": fixed there
    said = closed_header_words("done").get(words[0])
    if said is not None:  # "Fixed in 2.1", "Closed as duplicate": the header's own word opens the text
        return (said if said in choices else status), "a note of the fix"
    if says_done(text):
        return ("Resolved" if "Resolved" in choices else status), "a note of the fix"
    closed = "Closed" if "Closed" in choices else status
    return closed, "a verdict"
