"""Fault round 66: a date column whose cells are mostly days no calendar has ("2025-02-30", "2025-02-29": a system
counting every month 30 days, a formula gone wrong) is not read as dates — each cell is kept whole in its record's
notes ("Raised: 2025-02-30"), nothing lost — but neither the preview nor the command line said so: the register
came in with no raised date at all, as if the workbook had none. The sheet's note says it, once for the column,
with how many of the cells looked at are such days and one of them; a column of a few such days among real ones is
still read as dates, its impossible days refused row by row as before."""

from __future__ import annotations

import csv
from pathlib import Path

from cli_runner import run_cli

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.store import Store

SAID = ("“Raised” kept in the notes: not read as dates, as 8 of its first 10 cells are days no calendar has "
        "(“2025-02-29”); correct them and import again to have the Raised dates.")


def register_csv(path: Path, impossible: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Title", "Owner", "Raised"])
        for i in range(1, 11):
            day = f"2025-02-{30 - i % 2}" if i > 10 - impossible else f"2025-03-{i:02d}"
            writer.writerow([f"R-{i}", f"Risk {i}", "Ann", day])
    return path


def test_the_preview_says_once_why_the_column_went_to_the_notes(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "office.pmo")
    try:
        plan = plan_import(store, register_csv(tmp_path / "risks.csv", 8), register="risks")
    finally:
        store.close()
    [sheet] = plan.sheets
    assert sheet.note.count("days no calendar has") == 1 and SAID in sheet.note, sheet.note
    assert "raised_on" not in sheet.mapping.values()
    assert [r.values["notes"] for r in sheet.rows][2:4] == ["Raised: 2025-02-29", "Raised: 2025-02-30"]  # nothing lost
    # a few such days among real ones: still a date column, those rows refused one by one as before
    store = Store.open(tmp_path / "office.pmo")
    try:
        [sheet] = plan_import(store, register_csv(tmp_path / "risks.csv", 3), register="risks").sheets
    finally:
        store.close()
    assert "raised_on" in sheet.mapping.values() and "calendar" not in sheet.note
    assert sum(r.report.action == Action.ERROR for r in sheet.rows) == 3


def test_the_command_line_says_it(tmp_path: Path) -> None:
    Store.create(tmp_path / "office.pmo").close()
    register_csv(tmp_path / "risks.csv", 8)
    proc = run_cli("import", "office.pmo", "risks.csv", cwd=tmp_path, ok=True)
    assert f"Sheet “risks”: {SAID}" in proc.stdout + proc.stderr, proc.stdout + proc.stderr

