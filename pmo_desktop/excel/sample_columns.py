"""A column's filled cells in the rows under a header: what most once-a-sheet rules read of a column.

A cell with nothing but spaces counts as empty, as a user reading the sheet sees it."""

from __future__ import annotations

from typing import Any


def filled_cells(rows: list[list[Any]], c: int) -> list[Any]:
    """Column ``c``'s filled cells, as read (a short row has none there)."""
    return [r[c] for r in rows if c < len(r) and r[c] is not None and str(r[c]).strip()]


def filled_texts(rows: list[list[Any]], c: int) -> list[str]:
    """Column ``c``'s filled cells as texts, their surrounding spaces left out."""
    return [str(x).strip() for x in filled_cells(rows, c)]
