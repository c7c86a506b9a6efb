"""Naming the office's program in a test: the one record the program register holds, made or renamed."""

from pmo_desktop.models import records
from pmo_desktop.models.program import Program
from pmo_desktop.models.registers import REGISTERS


def name_program(store, name: str) -> None:
    with store.transaction() as s:
        program = s.query(Program).one_or_none()
        if program is None:
            records.create_record(s, REGISTERS["program"], {"name": name})
        else:
            program.name = name
