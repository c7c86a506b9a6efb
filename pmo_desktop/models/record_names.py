"""A record said by its code and name ('R-001 “Crane delivery slips”'): undo steps and messages name records so."""

from __future__ import annotations

from typing import Any

from .registers import REGISTERS

NAME_CUT = 40  # characters of a name said; a longer one is cut with "…"


def code_and_name(code: str, name: str) -> str:
    """'R-001 “Crane delivery slips”', a name cut to ``NAME_CUT`` characters."""
    if len(name) > NAME_CUT:
        name = name[:NAME_CUT - 1] + "…"
    return " ".join(filter(None, (code, f"“{name}”" if name else "")))


def code_and_name_of(session: Any, register_name: str, record_id: int) -> str:
    """The code and name of one record of a register (a measurement's benefit), "" once it is gone; run inside
    the office's read (``Office.read``), views opening no session of their own."""
    register = REGISTERS[register_name]
    record = session.get(register.entity, record_id)
    if record is None:
        return ""
    key, name = register.key_field, register.name_field
    return code_and_name(str(getattr(record, key.name, "") or "") if key else "",
                         str(getattr(record, name.name, "") or "") if name else "")
