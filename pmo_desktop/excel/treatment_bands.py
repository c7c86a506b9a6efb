"""Columns grouped under a caption naming the treatment: one action, its owner, date and state (issue 12, classes75b).

A register's header of two or three rows groups some columns under a caption — "Tratamiento" over "Actividad |
Responsable | Fecha | Estado", "Treatment" over "Action | Owner | Due | Status". Read column by column, the activity
named no field and went to the notes, its "Responsable" became the risk's owner, its date and state were kept as
a second date and status (unseen set 75: three treatments, each closed, lost to the notes). The caption says what the
columns under it are: the treatment's — its text is the response plan (each cell the record's action), the person
the action's actionee, the date its due date, the state the action's status.

Decided once a sheet from its header rows: only a band of two columns or more under one caption that the register's
words read as the response or the plan, written over a text column the header rows give no field of the record's
own (or the plan already), on a sheet with no plan column elsewhere. Said once a sheet. The band's person is the
action's only: with no owner column of the record's own the record's owner is left empty (left57; it was taken from
the actionee, so only the records with a treatment had an owner, the one doing the work).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..models.fields import Kind
from .action_columns import ACTION_DUE, ACTION_OWNER, ACTION_STATUS, ACTIONS_OF
from .header_detection import RESPONSE_PLAN, HeaderMatch, SheetKind, map_header
from .vocabulary import register_nouns, words_of

# what a column under the caption held for the record, and what it holds for the action
_TO_ACTION = {"owner": ACTION_OWNER, "status": ACTION_STATUS}
_PLAN_TEXTS = (None, RESPONSE_PLAN, "description")  # a plan column's reading before: none, the plan, a text


def _name_field(kind: SheetKind) -> str:
    return kind.reg.name_field.name if kind.reg.name_field is not None else "title"


def _names_the_record(kind: SheetKind, header: str) -> bool:
    """A header naming the register's own record ("Risk Status", "Estado del riesgo"): its column is the record's."""
    nouns = register_nouns(kind.register)
    return any(w in nouns or w.rstrip("s") in nouns for w in words_of(header))


def _caption(filled: list[list[Any]], at: int, c: int, header: Any) -> str | None:
    """The nearest written cell above the header's in column ``c`` (merged cells filled) other than the header
    itself: the caption the column stands under, or None."""
    for r in range(at - 1, -1, -1):
        cell = filled[r][c] if c < len(filled[r]) else None
        if isinstance(cell, str) and cell.strip() and cell.strip() != str(header).strip():
            return cell.strip()
    return None


def _bands(match: HeaderMatch, filled: list[list[Any]], bare_header: list[Any]) -> list[tuple[str, list[int]]]:
    """Runs of two columns or more, each headed on the header row itself (not a cell merged down from a row above),
    under the same caption."""
    at = match.row - 1
    out: list[tuple[str, list[int]]] = []
    for c, cell in enumerate(bare_header):
        caption = _caption(filled, at, c, cell) if isinstance(cell, str) and cell.strip() else None
        if caption is None:
            continue
        if out and out[-1][0] == caption and out[-1][1][-1] == c - 1:
            out[-1][1].append(c)
        else:
            out.append((caption, [c]))
    return [(caption, cols) for caption, cols in out if len(cols) >= 2]


def treated_in_a_band(match: HeaderMatch, filled: list[list[Any]], bare: list[list[Any]]
                      ) -> tuple[HeaderMatch, str] | None:
    """The sheet with the columns under a treatment caption read as the record's action, its actionee, due date
    and status; with the note saying so. None when no such band stands in the header."""
    kind = match.kind
    if kind.register not in ACTIONS_OF or match.row < 2 or match.row > len(bare):
        return None
    naming = {c for c, n in match.mapping.items() if n in ("code", _name_field(kind))}
    headed = {c for c, h in enumerate(match.headers) if h and str(h).strip()}
    for caption, cols in _bands(match, filled, bare[match.row - 1]):
        if map_header(kind, [caption])[0].get(0) not in ("response", RESPONSE_PLAN) or set(cols) & naming or \
                set(cols) >= headed:
            continue  # a caption over the records' IDs or names, or over every column, is the table's title
        if any(n == RESPONSE_PLAN and c not in cols for c, n in match.mapping.items()):
            return None  # the plan stands elsewhere: the band's text is not it
        plan = next((c for c in cols if match.mapping.get(c) == RESPONSE_PLAN), None) or \
            next((c for c in cols if match.mapping.get(c) in _PLAN_TEXTS and match.duplicates.get(c) in _PLAN_TEXTS),
                 None)
        if plan is None:
            continue
        moved: dict[int, str] = {}
        for c in cols:
            name = match.mapping.get(c) or match.duplicates.get(c)
            if c == plan or name is None or name.startswith("@") or _names_the_record(kind, match.headers[c]):
                continue  # "Risk Status" under "Risk Mitigation": the risk's own, whatever the caption says
            if name in _TO_ACTION:
                moved[c] = _TO_ACTION[name]
            elif name in kind.reg.field_names and kind.reg.field(name).kind is Kind.DATE:
                moved[c] = ACTION_DUE
        if not moved:
            continue
        mapping = {**match.mapping, plan: RESPONSE_PLAN, **moved}
        duplicates = {c: n for c, n in match.duplicates.items() if c not in mapping}
        headers = match.headers
        said = ", ".join(f"“{headers[c].strip()}”" for c in sorted(moved))
        # the person doing the treatment is not the one answering for the record (left57): with no owner column of
        # the record's own, the owner is left empty, not taken from the action's actionee as a plain "Action owner"
        # beside a plan is (row_planner's _owner_from_actions)
        unowned = ACTION_OWNER in moved.values() and "owner" in kind.reg.field_names and \
            "owner" not in mapping.values()
        return replace(match, mapping=mapping, duplicates=duplicates, band=caption), (
            f"The columns under “{caption}” are the treatment: “{headers[plan].strip()}” is each record's action, "
            f"{said} its actionee, due date or status — not the record's own"
            + (f"; no column names the {kind.reg.noun}'s own owner, so it is left empty." if unowned else "."))
    return None
