"""Importing a whole workbook: every register, then child sheets that replace the stored children."""

from datetime import date

import openpyxl
import pytest
from xlsx_factory import save, snapshot, whole_workbook

from pmo_desktop.excel.errors import ImportRefused
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, import_workbook, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS


def ids(store, register, code):
    with store.session() as s:
        return records.find_id_by_code(s, REGISTERS[register], code)


def children(store, register, parent_register, code):
    with store.session() as s:
        pid = records.find_id_by_code(s, REGISTERS[parent_register], code)
        return [r[2:] for r in records.fetch_rows(s, REGISTERS[register], parent_id=pid)]


def without_mappings(snap):
    snap["settings"] = [kv for kv in snap["settings"] if not kv[0].startswith("import_mapping:")]
    return snap


def test_every_sheet_is_recognised_in_dependency_order(demo_store, tmp_path):
    plan = plan_workbook_import(demo_store, whole_workbook(demo_store, tmp_path / "all.xlsx"))
    assert [(s.sheet, s.register) for s in plan.sheets] == [
        ("Risk register", "risks"), ("Stakeholder map", "stakeholders"), ("Communication plan", "communications"),
        ("Benefits plan", "benefits"), ("Risk actions", "risk_actions"),
        ("Benefit plan", "benefit_plan"), ("Benefit measurements", "benefit_measurements")]
    assert all(s.header_row == 3 for s in plan.sheets[:4]) and plan.sheets[4].header_row == 1
    assert plan.ok, plan.errors[:3]


def test_reimporting_a_whole_exported_workbook_changes_nothing(demo_store, tmp_path):
    path = whole_workbook(demo_store, tmp_path / "all.xlsx")
    before = snapshot(demo_store)
    plan = plan_workbook_import(demo_store, path)
    assert {r.action for r in plan.reports} == {Action.UPDATE, Action.SKIP}
    assert {r.reason for r in plan.reports} == {"no changes.", "same as stored."}
    result = apply_import(demo_store, plan)
    assert (result.inserted, result.updated, result.unchanged, result.children_replaced) == (0, 0, 30, 0)
    assert result.skipped == 10 + 19 + 9  # actions, plan points, measurements: the same as stored
    assert without_mappings(snapshot(demo_store)) == before


def test_child_sheet_rows_replace_the_stored_children(demo_store, tmp_path):
    """The action rows of a risk the sheet names are its actions; a risk the sheet no longer names keeps its
    actions, the preview saying so (left49: a colleague's sheet listing some risks' actions deleted every other
    updated risk's; the office's own stamped export still says a deletion, merged three ways)."""
    path = whole_workbook(demo_store, tmp_path / "all.xlsx")
    wb = openpyxl.load_workbook(path)
    actions = wb["Risk actions"]
    assert actions.cell(row=2, column=1).value == "R-001"
    kept = actions.cell(row=2, column=2).value
    actions.delete_rows(2)  # R-001 is named by no action row
    actions.append(["R-002", "Second action for R-002", "Priya Shah", date(2026, 5, 1), "Done"])
    risks = wb["Risk register"]
    risks.append(["R-050", "Brand new risk", "Threat", "Technical"])
    actions.append(["R-050", "Plan for the new risk", "Nia Brown", None, "Not started"])
    wb["Communication plan"].append([None, "Board away day", "Raj Mehta", "", "Workshop", "Ad hoc"])
    wb["Stakeholder map"].append(["S-100", "New regulator"])
    wb["Communication plan"].append([None, "Regulator briefing", "New regulator", "", "Letter", "Quarterly"])
    save(wb, path)
    plan = plan_workbook_import(demo_store, path)
    assert plan.ok, plan.errors[:3]
    said = next(s for s in plan.sheets if s.sheet == "Risk actions").note
    assert "Kept as they are: the 1 risk action of" in said and "this sheet does not name" in said
    apply_import(demo_store, plan)
    assert [a[0] for a in children(demo_store, "risk_actions", "risks", "R-001")] == [kept]
    assert [a[0] for a in children(demo_store, "risk_actions", "risks", "R-002")] == [
        "Agree mitigation plan for: stock data quality too poor to migrate", "Second action for R-002"]
    assert [a[:2] for a in children(demo_store, "risk_actions", "risks", "R-050")] == [
        ("Plan for the new risk", "Nia Brown")]
    with demo_store.session() as s:
        comms = {r[3]: r for r in records.fetch_rows(s, REGISTERS["communications"])}
    assert comms["Regulator briefing"][4] == "New regulator" and comms["Board away day"][4] == "Raj Mehta"


def test_child_rows_of_an_unknown_parent_refuse_the_import(demo_store, tmp_path):
    path = whole_workbook(demo_store, tmp_path / "all.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Benefit measurements"].append(["B-404", date(2026, 1, 1), 5, "MI", ""])
    wb["Benefit plan"].append(["B-001", "not a date", 5])
    save(wb, path)
    before = snapshot(demo_store)
    plan = plan_workbook_import(demo_store, path)
    reasons = {(r.sheet, r.code): r.reason for r in plan.errors}
    assert "There is no record “B-404” in the benefits plan or in this workbook." in \
        reasons[("Benefit measurements", "B-404")]
    assert "Date: “not a date” is not a date" in reasons[("Benefit plan", "B-001")]
    with pytest.raises(ImportRefused, match="2 rows of the workbook have errors"):
        apply_import(demo_store, plan)
    assert snapshot(demo_store) == before


def test_a_child_sheet_alone_needs_its_parent_column(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risk actions"
    ws.append(["Risk ID", "Action", "Actionee", "Due", "Status"])
    ws.append(["R-003", "Run a pilot store", "Aisha Patel", "2026-06-30", "In progress"])
    plan = plan_workbook_import(demo_store, save(wb, tmp_path / "acts.xlsx"))
    assert [(r.action, r.code) for r in plan.reports] == [(Action.INSERT, "R-003")]
    assert plan.sheets[0].replaced_children == 1
    apply_import(demo_store, plan)
    assert [a[0] for a in children(demo_store, "risk_actions", "risks", "R-003")] == ["Run a pilot store"]


def test_import_workbook_into_an_empty_office_in_one_call(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Comms plan"
    ws.append(["Communication", "Stakeholder", "Channel", "Frequency", "Owner", "Last held"])
    ws.append(["Monthly update", "Finance director", "Email", "Month", "Ann Lee", "01/02/2026"])
    people = wb.create_sheet("Stakeholder list")
    people.append(["Full name", "Org", "Influence (1-5)", "Interest (1-5)"])
    people.append(["Finance director", "Finance", 5, 3])
    result = import_workbook(store, save(wb, tmp_path / "comms.xlsx"))
    assert (result.inserted, result.sheets) == (2, ["Stakeholder list", "Comms plan"])
    with store.session() as s:
        comm = records.record_values(s, REGISTERS["communications"], 1)
    assert (comm["code"], comm["stakeholder"], comm["frequency"], comm["owner"], comm["last_held"]) == (
        "C-001", "Finance director", "Monthly", "Ann Lee", date(2026, 2, 1))
