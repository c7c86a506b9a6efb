"""Texts a workbook could have written one of two ways — a date day or month first (``date_order``), a number
with a decimal comma or point (``number_order``) — and what a column's texts say of the way they are written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass
class TwoReadings:
    """How many of a column's texts only the first way reads, how many only the second, and how many read
    either way as different values (with one of those kept as the preview's example)."""

    first: int = 0
    second: int = 0
    either: int = 0
    example: str = ""

    def add(self, other: TwoReadings) -> None:
        self.first += other.first
        self.second += other.second
        self.either += other.either
        self.example = self.example or other.example

    def settled(self, first: str, second: str) -> str | None:
        """``first`` or ``second``: the way the texts settle; None when they settle none or contradict each
        other."""
        if self.first and not self.second:
            return first
        if self.second and not self.first:
            return second
        return None

    @property
    def any(self) -> bool:
        return bool(self.first or self.second or self.either)


def texts_counted(values: Iterable[Any]) -> Iterable[tuple[str, int]]:
    """Each distinct text of a column (of class ``str``) with how many of its cells write it, in the order first
    written: what the evidence weighs. A column repeats its few values on every row, so each is weighed once, the
    cells counted in C (a look at every cell in Python was some 2,000 instructions a row, speed58). A text of a
    class of its own (a formula's, ``Uncalculated``) could stand equal to a plain text and be counted with it:
    a column holding one is read cell by cell, as before, such texts left out."""
    texts = list(filter(_IS_TEXT, values))
    if _PLAIN_TEXT.issuperset(map(type, texts)):
        return Counter(texts).items()
    return ((x, 1) for x in texts if x.__class__ is str)


_IS_TEXT = str.__instancecheck__  # a text cell, subclasses too (``filter`` of a column's cells, in C)
_PLAIN_TEXT = frozenset({str})
