"""Fault round 69: a header or a cell as long as a cell holds, written into what the import keeps and says.

- A header listing its column's levels past any scale — "Impact 1.L1 2.L2 … 5000.L5000", 32,000 characters, a
  legend pasted into the header — names no field, and its column is kept in each row's notes under the header as
  the line's label (``note_labels``). Written whole, every row's notes were longer than a record holds and every row
  was refused, "Notes would be 64,026 characters … shorten the longest cell", no cell of the row being long. A
  label now takes 200 characters at most, the rows are imported, their values kept.
- A response written "strategy: what is done" of 40,000 characters in a CSV ("Avoiding: …") was quoted whole in the
  sheet's note, "Response: “Avoiding: x y z …” read as Avoid": a line of 32,887 characters in the preview and on
  the command line. A word read so is quoted on a line's room (80 characters), a dozen of them at most."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from cli_runner import run_cli
from sqlalchemy import text

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store

LEVELS = " ".join(f"{i}.L{i}" for i in range(1, 10_001))[:32_000]


def _office(tmp_path: Path) -> Path:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    return office


def test_rows_under_a_header_of_a_legend_no_scale_holds_are_imported(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    for row in (["ID", "Title", "Impact " + LEVELS, "Owner"], ["R-001", "Supplier late", 3, "Ann Lee"],
                ["R-002", "Crane slips", 2, "Bob Ray"]):
        ws.append(row)
    wb.save(tmp_path / "legend.xlsx")
    store = Store.open(_office(tmp_path))
    try:
        plan = plan_workbook_import(store, tmp_path / "legend.xlsx")
        assert not [r.reason for s in plan.sheets for r in s.reports if r.action.name == "ERROR"]
        apply_import(store, plan)
        notes = store.engine.connect().execute(text("SELECT code, notes FROM risk ORDER BY code")).all()
    finally:
        store.close()
    assert [code for code, _notes in notes] == ["R-001", "R-002"]
    assert notes[0][1].startswith("Impact 1.L1 2.L2 ") and notes[0][1].endswith("…: 3")
    assert len(notes[0][1]) < 250


def test_a_long_strategy_cell_is_quoted_on_a_lines_room(tmp_path: Path) -> None:
    (tmp_path / "responses.csv").write_text(
        "ID,Risk,Response,Owner\nR-1,Supplier late,\"Avoiding: " + "x y z " * 7_000 + "\",Ann Lee\n", encoding="utf-8")
    proc = run_cli("import", _office(tmp_path), tmp_path / "responses.csv", "--dry-run", cwd=tmp_path, ok=False)
    said = [line for line in proc.stdout.splitlines() + proc.stderr.splitlines() if "read as Avoid" in line]
    assert said and max(len(line) for line in said) < 400, [len(line) for line in said]
