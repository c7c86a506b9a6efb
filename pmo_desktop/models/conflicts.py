"""Resolving an edit conflict: the user saw “someone else changed this” and chose what to do.

Three choices, each written at the record's *current* version, so a third editor who saves in the
meantime causes a new ``EditConflict`` rather than being overwritten in turn:

- ``KEEP_THEIRS``: nothing is written; the record stays as the other editor left it.
- ``OVERWRITE``: every value of your edit is written over theirs — the whole edit as you made it
  (all pasted cells, every field of a form), including fields you left as they were, which puts those
  back to what you saw.
- ``REAPPLY``: your *changes* are replayed on top of their version: only the fields whose value you
  actually changed (yours differs from what you started from, ``base_values``) are written; their
  changes to every other field are kept. For a single cell edit this is the same as overwriting that
  cell. Without ``base_values`` every field of the edit counts as changed (same as overwrite).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from . import records
from .errors import EditConflict, ValidationError
from .fields import Context, Register


class Resolution(str, Enum):
    KEEP_THEIRS = "keep theirs"
    OVERWRITE = "overwrite"
    REAPPLY = "re-apply"


def _same(reg: Register, name: str, a: Any, b: Any, ctx: Context) -> bool:
    """Equal as the register understands them: “High” and 4, “a; b” and ["b", "a"] compare equal."""
    f = reg.field(name)
    try:
        pa, pb = f.parse(a, ctx), f.parse(b, ctx)
    except ValidationError:
        return bool(a == b)
    if isinstance(pa, list) and isinstance(pb, list):
        return sorted(x.lower() for x in pa) == sorted(x.lower() for x in pb)
    if isinstance(pa, str) and isinstance(pb, str):
        return pa.strip() == pb.strip()
    return bool(pa == pb)


def changed_values(reg: Register, conflict: EditConflict, ctx: Context) -> dict[str, Any]:
    """The fields of the edit whose value the user changed from what they started from."""
    if conflict.base_values is None:
        return dict(conflict.mine_values)
    return {name: value for name, value in conflict.mine_values.items()
            if name not in conflict.base_values or not _same(reg, name, value, conflict.base_values[name], ctx)}


def values_to_write(reg: Register, conflict: EditConflict, choice: Resolution, ctx: Context) -> dict[str, Any]:
    """What ``resolve`` writes for ``choice`` (empty for keep theirs), e.g. to preview it in the dialog."""
    if choice is Resolution.KEEP_THEIRS:
        return {}
    if choice is Resolution.OVERWRITE:
        return dict(conflict.mine_values)
    return changed_values(reg, conflict, ctx)


def resolve(session: Session, reg: Register, conflict: EditConflict, choice: Resolution | str,
            ctx: Context | None = None) -> int:
    """Apply the user's choice in ``session`` (a ``store.transaction()``); returns the record's version
    afterwards. Raises a new ``EditConflict`` when the record changed again since the conflict."""
    choice = Resolution(choice)
    ctx = ctx or records.load_context(session)
    values = values_to_write(reg, conflict, choice, ctx)
    if not values:
        return conflict.current_version
    theirs = {n: conflict.theirs_values.get(n) for n in values}
    return records.update_record(session, reg, conflict.record_id, values, ctx,
                                 expected_version=conflict.current_version, base_values=theirs)
