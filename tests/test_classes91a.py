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


def test_severity_under_likelihood_and_impact_captions_gives_each_its_level(sqlite_store, tmp_path):
    """"Likelihood" and "Impact" each merged over "Score | Severity": the import took the likelihood's score as the
    probability and the likelihood's "Severity" as the impact. Each caption's own column of level words gives its
    field; the scores stay in the notes; said."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Assessment"
    ws.append(["Ref", "Risk", "Likelihood", None, "Impact", None, "Owner"])
    ws.append([None, None, "Score", "Severity", "Score", "Severity", None])
    ws.merge_cells("C1:D1")
    ws.merge_cells("E1:F1")
    words = ["LOW", "MEDIUM", "HIGH"]
    pairs = [(0, 2), (1, 1), (2, 0), (2, 2), (0, 1)]
    for i, (p, m) in enumerate(pairs, start=1):
        ws.append([f"R{i}", f"Vendor {i} ships the parts late", [2, 4.5, 7.5][p], words[p], [1.5, 5, 8][m], words[m],
                   "Dana Smith"])
    wb.save(tmp_path / "assessment.xlsx")
    plan = import_all(sqlite_store, tmp_path / "assessment.xlsx")
    risks = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert [(risks[f"R{i}"]["probability"], risks[f"R{i}"]["impact"]) for i in range(1, 6)] == \
        [(2, 4), (3, 3), (4, 2), (4, 4), (2, 3)]
    said = " ".join(s.note for s in plan.sheets)
    assert "under “Likelihood” gives the probability" in said


def _rating_blocks(path: Path, merged: bool) -> Path:
    """A threat-rating sheet: three header rows, each threat a block of five rows — its name, data flow, ratings
    and plan on the first row, its description under the name on the second, one rated factor a row — and a
    legend past an empty column beside it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Threats"
    ws.append([])
    ws.append([None, "Data Flow", "Threat Name", "Likelihood Factors", None, None, None, "Impact Factors", None, None,
               None, "Overall Severity", "Mitigation", None, "Overall Severity Key"])
    ws.append([None, None, None, "Factor", "Value", "Likelihood", None, "Factor", "Value", "Impact", None])
    ws.append([None, None, None, None, None, "Score", "Severity", None, None, "Score", "Severity"])
    ws.merge_cells("F3:G3")
    ws.merge_cells("J3:K3")
    words = ["LOW", "MEDIUM", "HIGH"]
    legend = [["Impact", "HIGH", "Medium", "High"], [None, "MEDIUM", "Low", "Medium"], [None, "LOW", "Note", "Low"],
              ["Levels", None, None, None], ["0 to <3", "LOW", None, None], ["3 to <6", "MEDIUM", None, None]]
    factors = [("Skill", "5 - Some skill", "Loss of data", "7 - Much data"),
               ("Motive", "4 - Some reward", "Loss of service", "3 - Some service"),
               ("Opportunity", "7 - Easy access", "Money lost", "2 - Little"),
               ("Discovery", "3 - Hard", "Name damaged", "5 - Some")]
    row = 5
    for t in range(6):
        p, m = t % 3, (t + 1) % 3
        first = [f"Analyst {t % 2 + 1}", f"Flow {t + 1}. Sensor to store", f"T{t + 1} - Tampering with stored "
                 f"readings of sensor {t + 1}", *factors[0][:2], [2, 4.5, 7][p], words[p], *factors[0][2:],
                 [2, 4.5, 7][m], words[m], "High" if t % 2 else "Medium", f"Sign the readings of sensor {t + 1}"]
        ws.append(first + [None] + (legend[t] if t < len(legend) else []))
        second = [None, None, f"Readings of sensor {t + 1} may be changed on the way to the store by an attacker.",
                  *factors[1][:2], None, None, *factors[1][2:]]
        ws.append(second)
        for f in factors[2:]:
            ws.append([None, None, None, *f[:2], None, None, *f[2:]])
        if merged:
            for col in "ABFGJKLM":
                ws.merge_cells(f"{col}{row}:{col}{row + 3}")
            ws.merge_cells(f"C{row + 1}:C{row + 3}")
        row += 4
    wb.save(path)
    return path


def test_threat_rating_blocks_beside_a_legend_are_one_risk_a_block(sqlite_store, tmp_path):
    """Each threat is a block of rows under three header rows, a legend beside past an empty column. The legend's
    column titled the records (rows left out, legend cells made risks); the description under the name made a
    risk of its own. Now: the legend names nothing, "Threat Name" names the records before the data flow, the
    description under the name goes on with its block into the notes, each group's "Severity" gives its level."""
    import_all(sqlite_store, _rating_blocks(tmp_path / "rating.xlsx", merged=False))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == sorted(f"T{t} - Tampering with stored readings of sensor {t}" for t in range(1, 7))
    first = risks["T1 - Tampering with stored readings of sensor 1"]
    assert (first["probability"], first["impact"]) == (2, 3)
    assert "may be changed on the way to the store" in (first["notes"] or "")
    assert any("Sign the readings of sensor 1" in str(a) for a in rows_of(sqlite_store, "risk_actions"))


def test_threat_rating_blocks_merged_down_are_one_risk_a_block(sqlite_store, tmp_path):
    """The same blocks with the ratings merged down each block and the description merged over its rows."""
    import_all(sqlite_store, _rating_blocks(tmp_path / "rating.xlsx", merged=True))
    risks = {r["title"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(risks) == sorted(f"T{t} - Tampering with stored readings of sensor {t}" for t in range(1, 7))
    third = risks["T3 - Tampering with stored readings of sensor 3"]
    assert (third["probability"], third["impact"]) == (4, 2)
    assert "may be changed on the way to the store" in (third["notes"] or "")
