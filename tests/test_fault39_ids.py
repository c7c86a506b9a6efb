"""Fault round 39: IDs with zeros before them. The office keeps "007" and "0012345" as text; a colleague's copy
that a spreadsheet read as numbers holds 7 and 12345. Its import added them as new stakeholders "7" and "12345"
beside the office's own — a second Bond — where they are the same records."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

STAKEHOLDERS = REGISTERS["stakeholders"]


def test_an_id_a_spreadsheet_made_a_number_is_the_offices_id_with_its_zeros(store, tmp_path: Path) -> None:
    with store.transaction() as s:
        for code, name in (("007", "James Bond"), ("0012345", "Zoe Zero"), ("07", "Ann Seven"), ("0007", "Bo Seven")):
            records.create_record(s, STAKEHOLDERS, {"code": code, "name": name, "role": "Agent"})
    path = tmp_path / "stakeholders.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Stakeholders")
    ws.write_row(0, 0, ["ID", "Name", "Role"])
    ws.write_row(1, 0, [7, "James Bond", "Spy"])
    ws.write_row(2, 0, [12345, "Zoe Zero", "Clerk"])
    ws.write_row(3, 0, [8, "Nat New", "Guest"])
    wb.close()
    plan = plan_import(store, path, register="stakeholders")
    said = [(r.report.action.name, r.report.code) for sheet in plan.sheets for r in sheet.rows]
    # 7 is "007" only when one ID of the office is 7 with zeros before it: "07" and "0007" are two, so neither
    assert said == [("INSERT", "7"), ("UPDATE", "0012345"), ("INSERT", "8")]
    apply_import(store, plan)
    with store.session() as s:
        kept = {r.code: r.role for r in s.query(STAKEHOLDERS.entity)}
    assert kept == {"007": "Agent", "0012345": "Clerk", "07": "Agent", "0007": "Agent", "7": "Spy", "8": "Guest"}


def test_an_id_a_spreadsheet_made_a_number_updates_its_record(store, tmp_path: Path) -> None:
    with store.transaction() as s:
        records.create_record(s, STAKEHOLDERS, {"code": "007", "name": "James Bond", "role": "Agent"})
    path = tmp_path / "stakeholders.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Stakeholders")
    ws.write_row(0, 0, ["ID", "Name", "Role"])
    ws.write_row(1, 0, [7, "James Bond", "Spy"])
    wb.close()
    plan = plan_import(store, path, register="stakeholders")
    assert [(r.report.action.name, r.report.code) for sheet in plan.sheets for r in sheet.rows] == [("UPDATE", "007")]
    apply_import(store, plan)
    with store.session() as s:
        assert {r.code: r.role for r in s.query(STAKEHOLDERS.entity)} == {"007": "Spy"}
