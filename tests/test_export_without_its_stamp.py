"""The office's own export that lost its stamp sheet is still read as our export. A colleague copies the
sheets into a workbook of their own, or a program that keeps no very hidden sheet saves it: read by the rules
for registers kept by hand, the outcomes, outputs and programme had no title column, every link to them
failed, and nothing was imported ("Outcomes row 2: Title cannot be empty", walkthrough 25)."""

from __future__ import annotations

import openpyxl
from test_office_round_trip import everything

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.excel.stamp import STAMP_SHEET
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.summary import summarize


def _import_into_a_new_office(tmp_path, path):
    fresh = Store.create(tmp_path / "fresh.pmo")
    plan = plan_workbook_import(fresh, path)
    assert plan.ok, plan.summary()
    apply_import(fresh, plan)
    return fresh, plan


def _records(store) -> dict:
    out = {}
    with store.session() as s:
        for name, reg in REGISTERS.items():
            out[name] = sorted((tuple(map(repr, r[2:])) for r in records.fetch_rows(s, reg)), key=str)
    return out


def test_the_export_with_its_stamp_sheet_deleted_rebuilds_the_office(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "office.xlsx")
    book = openpyxl.load_workbook(path)
    del book[STAMP_SHEET]
    book.save(path)
    fresh, _plan = _import_into_a_new_office(tmp_path, path)
    try:
        assert everything(fresh) == everything(demo_store)
        assert summarize(fresh) == summarize(demo_store)
    finally:
        fresh.close()


def test_its_sheets_copied_as_values_into_a_new_workbook_rebuild_every_record(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "office.xlsx")
    source = openpyxl.load_workbook(path)
    copy = openpyxl.Workbook()
    copy.remove(copy.active)
    for ws in source.worksheets:
        if ws.sheet_state == "visible":
            target = copy.create_sheet(ws.title)
            for row in ws.iter_rows(values_only=True):
                target.append(row)
    copied = tmp_path / "copied by a colleague.xlsx"
    copy.save(copied)
    fresh, _plan = _import_into_a_new_office(tmp_path, copied)
    try:
        assert _records(fresh) == _records(demo_store)
    finally:
        fresh.close()


def test_a_sheet_of_the_users_own_beside_them_is_read_as_any_workbook(demo_store, tmp_path):
    """Only a workbook wholly in our form is read as our export: with a sheet of the user's own it is read
    by the rules for registers kept by hand, which say what they make of that sheet."""
    path = export_workbook(demo_store, tmp_path / "office.xlsx")
    book = openpyxl.load_workbook(path)
    del book[STAMP_SHEET]
    mine = book.create_sheet("My notes")
    mine.append(["Things to chase", "Who"])
    mine.append(["Ask finance about the budget line", "Ana"])
    book.save(path)
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        plan = plan_workbook_import(fresh, path)
        said = dict(plan.skipped_sheets)  # the rules for any workbook say what they made of the user's sheet
        assert "My notes" in said or any(sheet.sheet == "My notes" for sheet in plan.sheets)
    finally:
        fresh.close()
