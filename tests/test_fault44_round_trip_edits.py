"""The office's own export, edited by a colleague in Excel or LibreOffice the way colleagues do, imported back
into the office it came from: every change either taken or said, nothing created twice, nothing dropped in
silence."""

import csv

import openpyxl

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]
SHEET = "Risk register"


def column(ws, label):
    return [c.value for c in ws[1]].index(label) + 1


def row_of(ws, code):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


def risk(store, code) -> dict:
    with store.session() as s:
        return records.record_values(s, RISKS, records.find_id_by_code(s, RISKS, code))


def risk_codes(store) -> list[str]:
    with store.session() as s:
        return sorted(records.stored_codes(s, RISKS))


def reports(plan, sheet=SHEET):
    return [r for r in plan.reports if r.sheet == sheet]


def test_retyped_ids_update_their_records_instead_of_creating_copies(demo_store, tmp_path):
    """“r-1”, “R-0002”, “ R-003 ” are R-001, R-002, R-003: read as new IDs, the first two were created a
    second time and their records reported as deleted from the workbook."""
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    codes_before = risk_codes(demo_store)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    notes = column(ws, "Notes")
    for code, typed, note in (("R-001", "r-1", "n1"), ("R-002", "R-0002", "n2"), ("R-003", " R-003 ", "n3")):
        r = row_of(ws, code)
        ws.cell(r, 1).value = typed
        ws.cell(r, notes).value = note
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    assert plan.ok, plan.summary()
    assert not [r for r in reports(plan) if r.action in (Action.INSERT, Action.ERROR)]
    assert not [r for r in reports(plan) if "deleted from the workbook" in r.reason]
    said = {r.code: r.reason for r in reports(plan) if r.action == Action.UPDATE}
    assert said["R-001"] == "ID “r-1” read as R-001: changes Notes."
    apply_import(demo_store, plan)
    assert risk_codes(demo_store) == codes_before
    assert [risk(demo_store, c)["notes"] for c in ("R-001", "R-002", "R-003")] == ["n1", "n2", "n3"]


def test_a_retyped_parent_id_on_the_actions_sheet_is_its_risk(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Risk actions"]
    r = row_of(ws, "R-001")
    ws.cell(r, 1).value = "r-1"
    ws.cell(r, column(ws, "Status")).value = "Done"
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    assert plan.ok, plan.summary()
    actions = next(s for s in plan.sheets if s.register == "risk_actions")
    assert set(actions.replace_parents) == {"r-001"}


def test_one_id_on_two_rows_is_refused_unless_the_rows_are_the_same(demo_store, tmp_path):
    """A row copied and edited: the copy's values were written over the record, the original row's said
    “same as the office's” — one of the two colleagues' versions went without a word."""
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    original = row_of(ws, "R-002")
    cells = [c.value for c in ws[original]]
    ws.append(cells)  # an exact copy: nothing to choose between
    ws.append(cells)
    ws.cell(ws.max_row, column(ws, "Notes")).value = "the copy's note"
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    copy, edited = reports(plan)[-2:]
    assert copy.verb == "will merge" and f"repeats row {original}" in copy.reason
    assert edited.action == Action.ERROR
    assert f"R-002 is also on row {original}, with other values" in edited.reason
    assert not plan.ok


def test_renamed_and_added_columns_are_said_and_a_deleted_one_kept(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws.cell(1, column(ws, "Notes")).value = "Comments"
    ws.cell(row_of(ws, "R-001"), column(ws, "Comments")).value = "typed under a renamed column"
    ws.delete_cols(column(ws, "Owner"))
    extra = ws.max_column + 1
    ws.cell(1, extra).value = "My comment"
    ws.cell(2, extra).value = "mine"
    ws.cell(3, extra).value = "mine too"
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    note = next(s for s in plan.sheets if s.sheet == SHEET).note
    assert "Column “Comments” is not one of the export's columns, so the 1 value in it is not imported" in note
    assert "Column “My comment” is not one of the export's columns, so the 2 values in it are not imported" in note
    assert "Not in the workbook, so kept as the office has them: Owner, Notes." in note
    assert "Inherent score" not in note  # the export's calculated columns are its own, not the colleague's
    owner = risk(demo_store, "R-001")["owner"]
    apply_import(demo_store, plan)
    assert risk(demo_store, "R-001")["owner"] == owner


def test_a_renamed_sheet_is_read_as_its_register_and_an_added_one_is_said(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws.title = "Risks (Dec)"
    ws.cell(row_of(ws, "R-001"), column(ws, "Notes")).value = "edited on a renamed sheet"
    mine = wb.create_sheet("My notes", 0)
    mine.append(["Thing", "Comment"])
    mine.append(["a", "b"])
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    sheet = next(s for s in plan.sheets if s.register == "risks")
    assert sheet.sheet == "Risks (Dec)" and "Read as the export's “Risk register” sheet, renamed." in sheet.note
    assert ("My notes", "not a sheet of the export, so nothing on it is imported.") in plan.skipped_sheets
    apply_import(demo_store, plan)
    assert risk(demo_store, "R-001")["notes"] == "edited on a renamed sheet"


def test_a_month_first_csv_of_the_register_keeps_every_date(demo_store, tmp_path):
    """The register saved as CSV by LibreOffice or Excel in the US writes 02/01/2026 for 1 February: read
    day first, R-001 was raised on 2 January in silence and 01/19/2027 was refused."""
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    out = tmp_path / f"{SHEET}.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for cells in ws.iter_rows(values_only=True):
            writer.writerow(["" if c is None else c.strftime("%m/%d/%Y") if hasattr(c, "strftime") else c
                             for c in cells])
    before = {code: risk(demo_store, code) for code in risk_codes(demo_store)}
    plan = plan_workbook_import(demo_store, out)
    assert plan.ok, plan.summary()
    assert "are written month first" in next(s for s in plan.sheets if s.register == "risks").note
    assert not [r for r in plan.reports if r.action == Action.UPDATE], [str(r) for r in plan.reports]
    apply_import(demo_store, plan)
    assert {code: risk(demo_store, code) for code in risk_codes(demo_store)} == before


def test_an_emptied_cell_empties_the_field_and_says_so(demo_store, tmp_path):
    path = export_workbook(demo_store, tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws.cell(row_of(ws, "R-001"), column(ws, "Owner")).value = None
    ws.cell(row_of(ws, "R-002"), column(ws, "Status")).value = "Parked"  # outside its drop-down
    wb.save(path)
    plan = plan_workbook_import(demo_store, path)
    said = {r.code: r for r in reports(plan) if r.code in ("R-001", "R-002")}
    assert said["R-001"].reason == "changes Owner (emptied)."
    assert said["R-002"].action == Action.ERROR  # refused, and not also reported deleted from the workbook
    assert [r.reason for r in reports(plan) if r.code == "R-002"] == [said["R-002"].reason]
