"""The date a choice says happened, given today when a cell is made that choice in a table (``Field.stamped_when``):
a decision marked Decided is decided today, unless its own date is typed over."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from ...models.fields import Field
from ...models.values import day_text
from .commands import CellEdits


def stamp_dates(fields: list[Field], edits: CellEdits, held: Callable[[int, str], Any], today: date) -> list[str]:
    """Adds to ``edits`` today's date for each empty date a choice edited there stamps (``held(record_id, field)``:
    the value the record holds now); what each says in the status bar, in order. A date edited in the same step
    keeps the value it was given."""
    stamps = [f for f in fields if f.stamped_when is not None and f.stamped_when[0] in edits.fields]
    said: list[str] = []
    if not stamps:
        return said
    edited = [edits[i] for i in range(len(edits))]
    for f in stamps:
        assert f.stamped_when is not None
        choice_field, choice = f.stamped_when
        dated = {e.record_id for e in edited if e.field == f.name}
        for e in edited:
            if e.field != choice_field or e.new != choice or e.record_id in dated:
                continue
            if held(e.record_id, f.name) not in (None, ""):
                continue
            edits.add(e.record_id, f.name, None, today)
            dated.add(e.record_id)
            said.append(f"{f.label}: today, {day_text(today)} — {choice}; type over it if it was earlier.")
    return said
