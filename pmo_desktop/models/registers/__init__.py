"""Every register and sub-table, described once. ``REGISTERS["risks"]`` and so on."""

from __future__ import annotations

from ..fields import Register
from .benefits import BENEFITS, MEASUREMENTS, PLAN_POINTS
from .program import OBJECTIVES, OUTCOMES, OUTPUTS, PEOPLE, PROGRAM, PROJECTS
from .raid import ASSUMPTIONS, DECISIONS, DEPENDENCIES
from .risks import ISSUE_ACTIONS, ISSUES, RISK_ACTIONS, RISKS
from .stakeholders import COMMUNICATIONS, STAKEHOLDERS
from .status import MILESTONES, STATUS_REPORTS

# Every register, in the order of a whole-office workbook: what others refer to comes first (people,
# projects, objectives, outcomes before outputs that enable them), each sub-table right after its parent.
REGISTERS: dict[str, Register] = {
    r.name: r
    for r in (
        PROGRAM, PEOPLE, PROJECTS, OBJECTIVES, OUTCOMES, OUTPUTS,
        RISKS, RISK_ACTIONS, ISSUES, ISSUE_ACTIONS, ASSUMPTIONS, DEPENDENCIES, DECISIONS,
        STAKEHOLDERS, COMMUNICATIONS,
        BENEFITS, PLAN_POINTS, MEASUREMENTS,
        MILESTONES, STATUS_REPORTS,
    )
}

# The three registers a PMO exchanges as spreadsheets, in the order they appear in menus and workbooks.
MAIN_REGISTERS = ("risks", "stakeholders", "benefits")


def children(name: str) -> list[Register]:
    """What a register brings into a workbook: its sub-tables (risk actions of the risk register) and the
    registers exported with it (the communication plan with the stakeholder map), in workbook order."""
    return [r for r in REGISTERS.values() if name in (r.parent_register, r.exported_with)]


def top_level() -> list[str]:
    """Registers that stand on their own (the CLI's register names), in workbook order."""
    return [name for name, r in REGISTERS.items() if r.parent_register is None and r.exported_with is None]


def get_register(name: str) -> Register:
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"Unknown register “{name}”; choose one of {', '.join(MAIN_REGISTERS)}.") from None
