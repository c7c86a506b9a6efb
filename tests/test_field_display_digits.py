"""A number written as text by a register's field (the import's notes, the board pack's changes since the last
meeting, a record's history) keeps every digit a user typed: it wrote six significant digits ("{:g}"), so a cost of
1234567 read "1.23457e+06" and 123456.7 read "123457" — a value changed without a word."""

from __future__ import annotations

import pytest

from pmo_desktop.models.registers import REGISTERS


@pytest.mark.parametrize(("value", "text"), [(1234567.0, "1234567"), (123456.7, "123456.7"), (2400000.0, "2400000"),
                                             (0.5, "0.5"), (76.13, "76.13"), (12.0, "12"), (1e16, "1E+16")])
def test_a_number_field_writes_every_digit(value: float, text: str) -> None:
    cost = next(f for f in REGISTERS["decisions"].fields if f.kind.value == "float")
    assert cost.display(value) == text
