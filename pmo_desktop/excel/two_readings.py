"""Texts a workbook could have written one of two ways — a date day or month first (``date_order``), a number
with a decimal comma or point (``number_order``) — and what a column's texts say of the way they are written."""

from __future__ import annotations

from dataclasses import dataclass


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
