"""A decision register that names the option chosen (issue 12, classes88).

"ID | Flujo Elegido | Motivo Principal | Flujo descartado más tentador | Por qué se descarta" (the flow chosen, the
main reason, the most tempting flow rejected, why it was rejected): each row is a choice made between options. No
header said "Decision", so the records were titled by the reason, the choice itself kept in the notes, and the option
rejected too. Read now: a column whose header says chosen ("elegido", "chosen", "gewählt", "choisi", "采用" …:
``choices_made.chosen`` in the words files) over texts is the decision's title; the first column whose header says
rejected ("descartado", "rejected", "verworfen", "écarté" …: ``choices_made.rejected``, a header of two words or
more) over texts is its options considered; a second one (why it was rejected) is kept with the options
considered, labelled with its header (``row_planner``, left61; it was in the rationale's notes), said.

Such a register records decisions taken, not pending ones. The office records a decision as taken with its date and
who took it (``models.raid_rules.check_decision``): where the sheet has both columns its rows are Decided by the
planner's rule for a log naming both (``row_planner._decided_when_given``; a row missing either stays Pending), and
the sheet says so; where it has not, they stay Pending and the sheet says why, never a date or a decider made up (as
``confirmed_notes`` says of a confirmed note).

Decided once a sheet from its header and the sample under it. No Qt, no openpyxl.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .vocabulary import _files, words_of

# the least number of filled cells under a header before its values say what it holds
_LEAST_VALUES = 2


def _spaceless(word: str) -> bool:
    """A word of a script written without spaces (Chinese, Japanese, Korean): found inside a header's words."""
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff" for ch in word)


@lru_cache(maxsize=None)
def choice_words(part: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of ``choices_made.<part>`` ("chosen" or "rejected") of every words file, each as its keyed
    words, longest first."""
    phrases = {tuple(ws) for data in _files() for w in data.get("choices_made", {}).get(part, ())
               if (ws := words_of(w))}
    return tuple(sorted(phrases, key=len, reverse=True))


def _says(header: Any, part: str) -> bool:
    if not isinstance(header, str):
        return False
    words = words_of(header)
    for phrase in choice_words(part):
        if len(phrase) == 1 and _spaceless(phrase[0]):
            if any(phrase[0] in w for w in words):
                return True
            continue
        n = len(phrase)
        if any(tuple(words[k:k + n]) == phrase for k in range(len(words) - n + 1)):
            return True
    return False


def says_rejected(header: Any) -> bool:
    return _says(header, "rejected")


def says_chosen(header: Any) -> bool:
    """A header naming the option chosen ("Flujo Elegido", "Chosen option"), not one rejected ("not chosen",
    "不採用" holding "採用")."""
    return _says(header, "chosen") and not says_rejected(header)


def _texts(c: int, sample: list[list[Any]]) -> bool:
    """Texts written out under the header: two at least, every one a text, most of two words or more."""
    values = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
    if len(values) < _LEAST_VALUES or not all(isinstance(x, str) for x in values):
        return False
    return sum(1 for x in values if len(words_of(x)) >= 2) * 2 >= len(values)


def choice_made(row: list[Any], mapping: dict[int, str], sample: list[list[Any]], titled_by: int | None
                ) -> tuple[dict[int, str], int | None, str]:
    """The mapping of a decision sheet with a column naming the option chosen: that column the title (where no
    header named the title: the column taken for it by default, ``titled_by``, goes back to the notes), the first
    column naming the option rejected the options considered. Returns the mapping, the chosen column (None when
    the sheet has none) and what the sheet notes say of it."""
    chosen = [c for c, h in enumerate(row) if says_chosen(h) and mapping.get(c) in (None, "title", "options")
              and _texts(c, sample)]
    if len(chosen) != 1:
        return mapping, None, ""
    (c,) = chosen
    out = dict(mapping)
    tc = next((k for k, n in out.items() if n == "title"), None)
    if tc is not None and tc != c and tc != titled_by:
        return mapping, None, ""  # a column headed as the decision names the records; the choice is not read
    if tc is not None and tc != c:
        del out[tc]
    out[c] = "title"
    said = [f"“{_shown(row[c])}” names the option chosen: the decision of each row."]
    rejected = [k for k, h in enumerate(row) if k != c and says_rejected(h) and len(words_of(h)) >= 2
                and k not in out and _texts(k, sample)]
    if rejected and "options" not in out.values():
        out[rejected[0]] = "options"
        said.append(f"“{_shown(row[rejected[0]])}” is the option rejected, read as the options considered.")
        # a second such column (why it was rejected) is kept with the options, said by the planner (left61)
    return out, c, " ".join(said)


def taken_said(mapping: dict[int, str], headers: list[str], chosen: int) -> str:
    """What the sheet says of its decisions' state: Decided where the sheet says when and by whom, else why they
    stay Pending."""
    if "status" in mapping.values():
        return ""
    if "decided_on" in mapping.values() and "decided_by" in mapping.values():
        return "Each row records a choice made: the decisions are Decided (a row without its date or decider stays Pending)."
    head = headers[chosen] if chosen < len(headers) else ""
    return (f"Each row records a choice made (“{' '.join(head.split())}”), yet the decisions stay Pending: no column "
            "says when and by whom each was taken, and the office records a decision as taken with both — fill in "
            "“Decided on” and “Decided by” to record them decided.")


def _shown(header: Any) -> str:
    return " ".join(str(header).split())

