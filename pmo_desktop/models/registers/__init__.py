"""Every register and sub-table, described once. ``REGISTERS["risks"]`` and so on."""

from __future__ import annotations

from ..fields import Register
from .benefits import BENEFITS, MEASUREMENTS, PLAN_POINTS
from .program import OBJECTIVES, OUTCOMES, OUTPUTS, PEOPLE, PROJECTS
from .risks import ISSUES, RISK_ACTIONS, RISKS
from .stakeholders import COMMUNICATIONS, STAKEHOLDERS

REGISTERS: dict[str, Register] = {
    r.name: r
    for r in (
        PROJECTS, PEOPLE, OBJECTIVES, OUTPUTS, OUTCOMES,
        RISKS, RISK_ACTIONS, ISSUES,
        STAKEHOLDERS, COMMUNICATIONS,
        BENEFITS, PLAN_POINTS, MEASUREMENTS,
    )
}

# The three registers a PMO exchanges as spreadsheets, in the order they appear in menus and workbooks.
MAIN_REGISTERS = ("risks", "stakeholders", "benefits")


def get_register(name: str) -> Register:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"Unknown register “{name}”; choose one of {', '.join(MAIN_REGISTERS)}.") from None
