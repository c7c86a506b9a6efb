"""Fault injection, round 49: values nobody gave. An issue's priority, a dependency's criticality and a benefit's
confidence are empty in the office until someone assesses them (unassessed49). A workbook says so in its own words —
"Not prioritised yet", "TBD", "n/a", "-", "?" — in the very column that gives the levels of the other rows. Such a
column was taken for no priority at all when those words were most of it: its "High" and "Low" went into the
description, unplaced, and the preview said no column of the workbook gave a priority."""

from __future__ import annotations

import openpyxl

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

NOT_YET = ["Not prioritised yet", "TBD", "n/a", "-", "?", "Unknown", "tbc", "N/A", "—", "none"]


def _workbook(path, sheet, header, levels):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["ID", "Title", header])
    for i, level in enumerate(levels, 1):
        ws.append([f"X-{i:03}", f"Row {i} says {level}", level])
    wb.save(path)
    return path


def _stored(store, register, field):
    reg = REGISTERS[register]
    with store.session() as s:
        return {r["title"]: r[field] for r in (records.record_values(s, reg, row[0])
                                               for row in records.fetch_rows(s, reg))}


def test_a_priority_column_mostly_saying_not_yet_still_gives_the_levels_it_holds(sqlite_store, tmp_path):
    """Ten cells saying "not prioritised yet" in their own words, two giving a level: the two levels are placed,
    the ten are left not prioritised (none becomes a level), and the preview does not say the workbook has no
    priority column."""
    path = _workbook(tmp_path / "issues.xlsx", "Issues", "Priority", [*NOT_YET, "High", "Low"])
    plan = plan_workbook_import(sqlite_store, path)
    assert "Priority" not in " ".join(plan.unassessed_said())
    apply_import(sqlite_store, plan)
    stored = _stored(sqlite_store, "issues", "priority")
    assert stored["Row 11 says High"] == "High" and stored["Row 12 says Low"] == "Low"
    assert [stored[f"Row {i} says {w}"] for i, w in enumerate(NOT_YET, 1)] == [""] * len(NOT_YET)


def test_a_criticality_and_a_confidence_column_mostly_not_assessed_keep_their_levels(sqlite_store, tmp_path):
    """The same for a dependency's criticality and a benefit's confidence ("Not assessed yet")."""
    for register, sheet, header, field in (("dependencies", "Dependencies", "Criticality", "criticality"),
                                           ("benefits", "Benefits", "Confidence", "confidence")):
        words = ["Not assessed yet", *NOT_YET[1:]]
        path = _workbook(tmp_path / f"{register}.xlsx", sheet, header, [*words, "High", "Low"])
        plan = plan_workbook_import(sqlite_store, path)
        apply_import(sqlite_store, plan)
        stored = _stored(sqlite_store, register, field)
        assert stored["Row 11 says High"] == "High" and stored["Row 12 says Low"] == "Low", register
        assert [stored[f"Row {i} says {w}"] for i, w in enumerate(words, 1)] == [""] * len(words), register
