"""A rating column written in whole per cent, "%" unwritten, on a sheet that rates so (issue 12, unseen set 74): an
FMEA's "Severity" of 100, 50, 20, 10, 0 and "Likeliness" of 80, 50, 20, 5, 2. Its numbers go past the largest
product of two ratings of the office's scale (25 of five levels), up to 100, so they can be neither levels, nor a
1–10 scale, nor scores: they are per cent of the worst, read as the probability's per cent are (0–20 % → 1 …
81–100 % → 5), the reading said in the sheet notes with each cell kept (row_planner's rescaled values). The rule for
a probability alone (value_translation: every number above the scale) left out a column whose small per cents (2,
5) are also levels; this one asks for numbers no other reading takes. Decided once a column. No Qt, no openpyxl."""

from __future__ import annotations

from collections.abc import Sequence

# the fewest numbers above 10 a column must hold: one alone is a slip, or a total under the table
_FEWEST_LARGE = 2


def whole_per_cents(numbers: Sequence[float], top: int) -> bool:
    """Whether a scale column's numbers (``top`` levels) are whole per cents: every one whole in 0–100, the largest
    past every product of two ratings (top × top), two at least above 10."""
    if not numbers or max(numbers) <= top * top or max(numbers) > 100 or min(numbers) < 0:
        return False
    return all(float(n).is_integer() for n in numbers) and sum(1 for n in numbers if n > 10) >= _FEWEST_LARGE
