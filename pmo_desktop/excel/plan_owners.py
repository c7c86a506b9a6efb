"""A plan and its owner written in one cell under a header naming both (issue 12, classes80).

A risk register headed a column "Response and owner" and wrote in it the measure, then after a semicolon who takes
it: "MFA and drills; IT", "Human review and reversible ledger; Customer service". Read as the plan, each whole cell
became the risk's action, the owner inside its text, and no risk or action had an owner (unseen set 80).

Decided once a column from the sheet's first rows: a column read as the plan (``@response_plan``) whose header is a
name of the plan (or of the response), one short joining word or a sign or nothing ("and", "&", "/", "und", "et",
"и" — any word of four letters at most), then a name of the owner or of the action's owner, in any words file's
words; and at least half of whose filled cells (two at least) end in a last "; " followed by a short name — four
words at most, no figure, no full stop. The text after that last semicolon is the action's owner, in a column the
import makes after the sheet's own ("Action owner", read as any action owner column is: with no owner column of the
risk's own, the risk's owner too), the text before it the plan; a cell with no such tail is the plan whole, with no
owner. Said once a sheet.

The owner may be written in brackets at the cell's end ("MFA and drills (IT)") or after a last dash between spaces
("MFA and drills – IT"; left58b): the column is read so only when most of its filled cells (two at least, more than
half) end in that shape, a short name as above — a bracket or a dash is commoner in a plan's own words ("Encrypt
backups (weekly)") than a semicolon, so one shape a column, decided from the sheet's first rows.
"""

from __future__ import annotations

from typing import Any

from .action_columns import ACTION_OWNER
from .header_detection import RESPONSE_PLAN, SheetKind, field_keys
from .vocabulary import word_key, words_of

MIN_CELLS = 2
MAX_JOINER = 4  # "and", "und", "et", "&": a joining word is short
MAX_OWNER_WORDS = 4  # "Customer service", "Head of GRC": a name, not a clause
MAX_OWNER = 40
MADE = "Action owner"


def _names_plan_and_owner(header: str, kind: SheetKind) -> bool:
    keys = field_keys(kind)
    words = words_of(header.replace("_", " "))
    for i in range(1, len(words)):
        for j in (i, i + 1):
            if j >= len(words) or (j > i and len(words[i]) > MAX_JOINER):
                continue
            left, right = keys.get(word_key(" ".join(words[:i]))), keys.get(word_key(" ".join(words[j:])))
            if left in (RESPONSE_PLAN, "response") and right in ("owner", ACTION_OWNER):
                return True
    return False


SEMICOLON, BRACKETS, DASH = ";", "()", "–"
SHAPES = (SEMICOLON, BRACKETS, DASH)
_DASHES = (" – ", " — ", " - ")


def _cut(text: str, shape: str) -> tuple[str, str] | None:
    """``text`` cut at its owner as ``shape`` writes it: after its last ";", inside a last "(…)" ending it, or after
    its last dash between spaces ("–", "—", "-")."""
    if shape == SEMICOLON:
        if ";" not in text:
            return None
        head, _, tail = text.rpartition(";")
        return head, tail
    if shape == BRACKETS:
        if not text.endswith(")") or "(" not in text:
            return None
        head, _, tail = text[:-1].rpartition("(")
        return (head, tail) if ")" not in tail else None
    at = max(text.rfind(d) for d in _DASHES)
    return (text[:at], text[at + 3:]) if at > 0 else None


def _split(cell: Any, shape: str = SEMICOLON) -> tuple[str, str] | None:
    """A cell's plan and its owner written as ``shape`` says ("MFA and drills; IT", "MFA and drills (IT)", "MFA
    and drills – IT"), or None when it ends in no name so written."""
    if not isinstance(cell, str) or (cut := _cut(cell.strip(), shape)) is None:
        return None
    head, tail = cut[0].strip(), cut[1].strip()
    if not head or not tail or len(tail) > MAX_OWNER or len(tail.split()) > MAX_OWNER_WORDS or \
            any(ch.isdigit() for ch in tail) or tail.endswith(".") or "\n" in tail:
        return None
    return head, tail


def plan_owners(kind: SheetKind, headers: list[Any], mapping: dict[int, str], rows: list[list[Any]],
                header_at: int) -> tuple[list[list[Any]], str] | None:
    """The sheet's rows (0-based ``header_at`` the header row) with each such plan cell cut at its owner and an
    "Action owner" column made after its own; with the sentence saying so. None when no column is so written."""
    if kind.register not in ("risks", "issues") or ACTION_OWNER in mapping.values():
        return None
    sample = rows[header_at + 1:header_at + 1 + 20]
    column = None
    shape = SEMICOLON
    for c, name in sorted(mapping.items()):
        if name != RESPONSE_PLAN or c >= len(headers) or not isinstance(headers[c], str) or \
                not _names_plan_and_owner(headers[c], kind):
            continue
        filled = [r[c] for r in sample if c < len(r) and r[c] is not None and str(r[c]).strip()]
        for shape in SHAPES:
            split = sum(1 for x in filled if _split(x, shape) is not None)
            # the semicolon's tail on half the cells (classes80); a bracket or a dash, commoner in a plan's own
            # words ("Encrypt backups (weekly)"), on most of them
            if split >= MIN_CELLS and (split * 2 >= len(filled) if shape == SEMICOLON else split * 2 > len(filled)):
                column = c
                break
        if column is not None:
            break
    if column is None:
        return None
    width = max(len(r) for r in rows)
    made: list[list[Any]] = []
    n = 0
    for i, r in enumerate(rows):
        line = list(r) + [None] * (width - len(r))
        owner = None
        if i == header_at:
            owner = MADE
        elif i > header_at and (parts := _split(line[column], shape)) is not None:
            line[column], owner = parts
            n += 1
        made.append([*line, owner])
    example = next(str(r[column]) for r in rows[header_at + 1:] if column < len(r) and _split(r[column], shape))
    where = {SEMICOLON: "after its last “;”", BRACKETS: "in brackets at its end", DASH: "after its last dash"}[shape]
    said = (f"“{headers[column]}” writes the plan, then {where} who takes it (“{example}”): on {n} "
            f"row{'s' if n != 1 else ''} that name is read as the action's owner, in the column {MADE} made by "
            "the import, the text before it the plan.")
    return made, said
