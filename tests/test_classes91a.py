"""Unseen set 91's miss classes as general rules (classes91a)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from imported import import_all, rows_of
from openpyxl.styles import PatternFill

_FILLS = ["FF92D050", "FFFFFF00", "FFFF6565", "FFC00000", "FF7030A0"]


def _ticked_book(path: Path, groups: list[tuple[str, int]], marks: list[list[int]], merged: bool = True,
                 mark: str = "x") -> Path:
    """A risk log "No | Risk | <group over n unlabelled columns> … | Owner", a mark in one column of each group
    per row, the group's columns filled green → red; the group's header merged across its columns or written
    over the first only. ``marks[r][g]``: the column (0-based) of group g marked on row r."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.cell(1, 1, "Team risk log")
    header = ["No", "Risk"]
    for label, n in groups:
        header += [label] + [None] * (n - 1)
    header.append("Owner")
    for c, x in enumerate(header, start=1):
        if x is not None:
            ws.cell(3, c, x)
    col = 3
    for _, n in groups:
        if merged:
            ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + n - 1)
        col += n
    for r, row_marks in enumerate(marks):
        ws.cell(4 + r, 1, r + 1)
        ws.cell(4 + r, 2, f"Supplier number {r + 1} delivers the parts late")
        col = 3
        for (_, n), m in zip(groups, row_marks):
            for k in range(n):
                cell = ws.cell(4 + r, col + k, mark if k == m else None)
                cell.fill = PatternFill("solid", fgColor=_FILLS[k * 4 // max(n - 1, 1) if n < 5 else k])
            col += n
        ws.cell(4 + r, col, "Dana Smith")
    wb.save(path)
    return path


def test_x_in_one_of_three_unlabelled_columns_under_a_merged_header_is_the_level(sqlite_store, tmp_path):
    """"Likelihood" and "Impact" each merged over three columns with no label under them, one "x" per row: the
    import kept "Likelihood: x" in the notes and lost which column held it. The column's place is the level, left
    to right low → high, said in the sheet's note."""
    marks = [[0, 2], [1, 1], [2, 0], [1, 2]]
    plan = import_all(sqlite_store, _ticked_book(tmp_path / "risks.xlsx", [("Likelihood", 3), ("Impact", 3)], marks))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert len(risks) == 4
    got = [(risks[f"Supplier number {i} delivers the parts late"]["probability"],
            risks[f"Supplier number {i} delivers the parts late"]["impact"]) for i in range(1, 5)]
    assert got == [(2, 4), (3, 3), (4, 2), (3, 4)]
    assert all(": x" not in (r["notes"] or "") for r in risks.values())
    said = " ".join(s.note for s in plan.sheets)
    assert "no label names" in said


def test_a_ticked_level_grid_beside_a_probability_grid_is_the_impact(sqlite_store, tmp_path):
    """"Probability" over five columns written over the first only, "Risk Level" merged over three, ticks "✓":
    the probability by place 1–5, the risk level — no scale field of its own — the impact, said."""
    marks = [[0, 0], [4, 2], [2, 1], [1, 1], [3, 2]]
    plan = import_all(sqlite_store, _ticked_book(tmp_path / "log.xlsx", [("Probability", 5), ("Risk Level", 3)],
                                                 marks, merged=False, mark="✓"))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    got = [(risks[f"Supplier number {i} delivers the parts late"]["probability"],
            risks[f"Supplier number {i} delivers the parts late"]["impact"]) for i in range(1, 6)]
    assert got == [(1, 2), (5, 4), (3, 3), (2, 3), (4, 4)]
    said = " ".join(s.note for s in plan.sheets)
    assert "as the impact" in said


def test_unlabelled_columns_holding_words_are_no_ticked_levels(sqlite_store, tmp_path):
    """The rule reads marks only: a group whose columns hold other words is read as before (kept, never a level)."""
    marks = [[0, 2], [1, 1], [2, 0]]
    path = _ticked_book(tmp_path / "risks.xlsx", [("Likelihood", 3), ("Impact", 3)], marks, mark="see note")
    import_all(sqlite_store, path)
    risks = rows_of(sqlite_store, "risks")
    assert len(risks) == 3
    assert all(r["probability"] is None for r in risks)
