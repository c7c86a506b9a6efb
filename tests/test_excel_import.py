"""Importing registers from workbooks built like real ones: title blocks, synonyms, merged cells,
text and Excel dates, spacer and notes rows; a preview that changes nothing; all or nothing."""

from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import delete
from xlsx_factory import register_sheet, save, set_cached_formula_value, snapshot

from pmo_desktop.excel.errors import ImportCancelled, ImportRefused, MappingError, WorkbookError
from pmo_desktop.excel.header_detection import PARENT, layout_key
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, importable_fields, plan_import, saved_mapping
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import Risk

RISKS = REGISTERS["risks"]


def risk(store, code):
    with store.session() as s:
        rid = records.find_id_by_code(s, RISKS, code)
        return None if rid is None else records.record_values(s, RISKS, rid)


def real_risk_log(path):
    """A register as a colleague sends it: a merged title block, its own words for the columns,
    values typed every which way, a spacer row, a section note and a trailing note."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risk Log"
    ws["A1"] = "Retail Transformation – RAID log"
    ws.merge_cells("A1:J1")
    ws["A2"] = "Owner: PMO"
    ws["D2"] = "Version 3"
    ws.append([])
    ws.append(["Risk No.", "Risk Description", "Risk Owner", "Likelihood", "Impact (1-5)", "Score", "RAG",
               "Date Raised", "Project", "Status"])
    ws.append(["R-001", "POS supplier delivers late", "Marcus Lee", "High", "4", "=D5*E5", "Red",
               "31/03/2026", "Point of sale replacement", "Live"])
    ws.append(["R-101", "Data centre move slips", "Priya Shah", "H", 5, 20, "Red",
               datetime(2026, 2, 1), "Inventory management", "Open"])
    ws.append([None, "Key supplier insolvent", "Nia Brown", "25%", "Very high", None, "Amber",
               46100, None, "open"])
    ws.append([])
    ws.append(["R-102", "Trainers unavailable in peak", "Aisha Patel", 3, "Medium", None, None,
               "1 Mar 2026", "Store operations training", "Active"])
    ws.append(["Notes: scores reviewed at the monthly risk meeting."])
    ws.append([None, None, None, None, None, None, "Source: PMO"])
    return save(wb, path)


def test_header_found_below_a_title_block_with_synonyms(demo_store, tmp_path):
    plan = plan_import(demo_store, real_risk_log(tmp_path / "log.xlsx"))
    sheet = plan.sheets[0]
    assert (sheet.register, sheet.sheet, sheet.header_row) == ("risks", "Risk Log", 4)
    assert sheet.mapping == {0: "code", 1: "title", 2: "owner", 3: "probability", 4: "impact",
                             7: "raised_on", 8: "project", 9: "status"}
    assert "calculated" in sheet.ignored[5] and "calculated" in sheet.ignored[6]  # Score, RAG


def test_values_as_people_type_them_are_imported(demo_store, tmp_path):
    plan = plan_import(demo_store, real_risk_log(tmp_path / "log.xlsx"))
    actions = [(r.row, r.action, r.code) for r in plan.reports]
    assert actions == [
        (5, Action.UPDATE, "R-001"), (6, Action.INSERT, "R-101"), (7, Action.INSERT, "R-103"),
        (8, Action.SKIP, ""), (9, Action.INSERT, "R-102"), (10, Action.SKIP, ""), (11, Action.SKIP, ""),
    ]
    assert "blank spacer" in plan.reports[3].reason
    assert "note" in plan.reports[5].reason and "note" in plan.reports[6].reason
    result = apply_import(demo_store, plan)
    assert (result.inserted, result.updated, result.skipped) == (3, 1, 3)
    r1 = risk(demo_store, "R-001")
    assert (r1["probability"], r1["impact"], r1["raised_on"], r1["status"]) == (4, 4, date(2026, 3, 31), "Open")
    r101 = risk(demo_store, "R-101")
    assert (r101["probability"], r101["impact"], r101["raised_on"]) == (4, 5, date(2026, 2, 1))
    assert r101["project"] == "Inventory management" and r101["owner"] == "Priya Shah"
    new = risk(demo_store, "R-103")  # no ID in the sheet: the next free one after the sheet's own
    # "25%": ⌈0.25 × 5⌉ = 2, the level the number 0.25 gets (README: 20–40 % → 2), not the typed entry's rounding
    assert (new["title"], new["probability"], new["impact"], new["owner"]) == ("Key supplier insolvent", 2, 5, "Nia Brown")
    assert new["raised_on"] == date(2026, 3, 19)  # Excel serial 46100
    r102 = risk(demo_store, "R-102")
    assert (r102["probability"], r102["impact"], r102["raised_on"]) == (3, 3, date(2026, 3, 1))


def test_a_dry_plan_changes_nothing(demo_store, tmp_path):
    before = snapshot(demo_store)
    plan = plan_import(demo_store, real_risk_log(tmp_path / "log.xlsx"))
    assert plan.count(Action.INSERT) == 3
    assert snapshot(demo_store) == before


def test_one_bad_row_refuses_the_whole_import(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Probability", "Impact", "Raised", "Project"])
    ws.append(["R-001", "Changed title", 2, 2, "2026-01-01", None])
    ws.append([None, "Fine new risk", 1, 1, None, None])
    ws.append([None, "Impossible", 9, "huge", "next Tuesday", "No such project"])
    ws.append([None, "Also fine", 2, 3, None, None])
    path = save(wb, tmp_path / "bad.xlsx")
    before = snapshot(demo_store)
    plan = plan_import(demo_store, path)
    assert not plan.ok and [r.row for r in plan.errors] == [4]
    reason = plan.errors[0].reason
    for words in ("Probability must be a level from 1 to 5", "Impact: “huge” is not a level",
                  "Raised: “next Tuesday” is not a date", "no project called “No such project”"):
        assert words in reason
    with pytest.raises(ImportRefused) as err:
        apply_import(demo_store, plan)
    assert "nothing was imported" in str(err.value) and err.value.plan is plan
    assert snapshot(demo_store) == before
    assert "1 to update" in plan.summary() and "1 with errors" in plan.summary()


def test_a_row_that_no_longer_fits_at_apply_time_rolls_everything_back(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Probability"])
    ws.append([None, "New one", 2])
    ws.append(["R-002", "Renamed", 3])
    plan = plan_import(demo_store, save(wb, tmp_path / "r.xlsx"))
    assert plan.ok
    with demo_store.transaction() as s:  # someone deletes R-002 between preview and import
        s.execute(delete(Risk).where(Risk.code == "R-002"))
    before = snapshot(demo_store)
    with pytest.raises(ImportRefused, match="row 3 .*R-002.* nothing was imported"):
        apply_import(demo_store, plan)
    assert snapshot(demo_store) == before


def test_reimporting_an_exported_register_updates_and_duplicates_nothing(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    register_sheet(wb.active, demo_store, "risks", title_block=True)
    wb.active.title = "Risk register"
    path = save(wb, tmp_path / "export.xlsx")
    before = snapshot(demo_store)
    plan = plan_import(demo_store, path)
    assert {r.action for r in plan.reports} == {Action.UPDATE}
    assert {r.reason for r in plan.reports} == {"no changes."}
    result = apply_import(demo_store, plan)
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 10)
    after = snapshot(demo_store)
    after["settings"] = [kv for kv in after["settings"] if not kv[0].startswith("import_mapping:")]
    assert after == before
    ws = wb.active
    ws.cell(row=4, column=2, value="Retitled by a colleague")  # R-001's title
    save(wb, path)
    plan = plan_import(demo_store, path)
    assert [(r.code, r.reason) for r in plan.reports if r.reason != "no changes."] == [("R-001", "changes Title.")]
    apply_import(demo_store, plan)
    assert risk(demo_store, "R-001")["title"] == "Retitled by a colleague"
    with demo_store.session() as s:
        assert len(records.fetch_rows(s, RISKS)) == 10


def test_two_level_header_with_merged_group_cells(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Project risk register"])
    ws.append(["", "", "Inherent", "", "Residual", ""])
    ws.merge_cells("C2:D2")
    ws.merge_cells("E2:F2")
    ws.append(["Ref", "Risk", "Probability", "Impact", "Probability", "Impact"])
    ws.append(["A-1", "Vendor lock-in", 4, 4, 2, 3])
    plan = plan_import(store, save(wb, tmp_path / "two.xlsx"))
    assert plan.sheets[0].header_row == 3
    assert plan.sheets[0].mapping == {0: "code", 1: "title", 2: "probability", 3: "impact",
                                      4: "residual_probability", 5: "residual_impact"}
    apply_import(store, plan)
    r = risk(store, "A-1")
    assert (r["probability"], r["impact"], r["residual_probability"], r["residual_impact"]) == (4, 4, 2, 3)


def test_cells_merged_down_several_rows_give_each_row_their_value(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Risk title", "Project", "Owner"])
    ws.append(["One", "Customer loyalty", "Ann"])
    ws.append(["Two", None, "Ann"])
    ws.append(["Three", None, "Bo"])
    ws.merge_cells("B2:B4")
    ws.append(["Four", "Wide text merged across two columns", None])
    ws.merge_cells("B5:C5")
    ws.cell(row=5, column=2).value = None
    plan = plan_import(demo_store, save(wb, tmp_path / "m.xlsx"))
    apply_import(demo_store, plan)
    with demo_store.session() as s:
        rows = {r[3]: r for r in records.fetch_rows(s, RISKS)}
    project = RISKS.field_names.index("project") + 2
    owner = RISKS.field_names.index("owner") + 2
    assert [rows[t][project] for t in ("One", "Two", "Three")] == ["Customer loyalty"] * 3
    assert rows["Four"][project] is None and rows["Four"][owner] is None


def test_formulas_give_their_cached_value_and_text_starting_with_equals_stays_text(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Probability", "Notes"])
    ws.append(["R-001", "Formula row", "=1+2", None])
    for text in ("=HYPERLINK(\"http://evil\")", "+44 20 7946 0000", "-minus", "@sum", "\tTabbed"):
        ws.append([None, text, 1, None])
        ws.cell(row=ws.max_row, column=2).data_type = "s"  # as the exporter writes user text: never a formula
    ws.cell(row=2, column=4).value = "=CONCAT(\"a\",\"b\")"
    ws.cell(row=2, column=4).data_type = "s"
    path = set_cached_formula_value(save(wb, tmp_path / "f.xlsx"), "1+2", "3")
    plan = plan_import(store, path)
    assert plan.ok, plan.errors
    apply_import(store, plan)
    assert risk(store, "R-001")["probability"] == 3
    assert risk(store, "R-001")["notes"] == "=CONCAT(\"a\",\"b\")"
    with store.session() as s:
        titles = [r[3] for r in records.fetch_rows(s, RISKS)]
    assert titles[1:] == ["=HYPERLINK(\"http://evil\")", "+44 20 7946 0000", "-minus", "@sum", "Tabbed"]


def test_excel_error_values_are_reported_not_imported(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Impact"])
    ws.append(["R-001", "Broken", "#REF!"])
    plan = plan_import(store, save(wb, tmp_path / "e.xlsx"))
    assert plan.errors[0].reason == "Impact shows the Excel error #REF!; correct or clear that cell."


def test_sheet_and_register_are_chosen_when_not_given(store, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Instructions"
    wb.active.append(["Fill in the stakeholder list on the next sheet."])
    ws = wb.create_sheet("Stakeholder analysis")
    ws.append(["Stakeholder", "Organisation", "Influence", "Interest", "Stance", "Current", "Desired"])
    ws.append(["Finance director", "Finance", "High", "M", "Sceptic", "Neutral", "Supportive"])
    plan = plan_import(store, save(wb, tmp_path / "s.xlsx"))
    sheet = plan.sheets[0]
    assert (sheet.sheet, sheet.register) == ("Stakeholder analysis", "stakeholders")
    apply_import(store, plan)
    with store.session() as s:
        row = records.record_values(s, REGISTERS["stakeholders"], 1)
    assert (row["power"], row["interest"], row["attitude"], row["code"]) == (4, 3, "Critic", "S-001")


def test_no_register_found_is_a_clear_refusal(store, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Shopping", "list"])
    wb.active.append(["Milk", "Eggs"])
    with pytest.raises(WorkbookError, match="No sheet of “shop.xlsx” has a header row"):
        plan_import(store, save(wb, tmp_path / "shop.xlsx"))
    with pytest.raises(WorkbookError, match="no sheet called “Nope”"):
        plan_import(store, tmp_path / "shop.xlsx", sheet="Nope")
    with pytest.raises(WorkbookError, match="cannot be imported from Excel"):
        plan_import(store, tmp_path / "shop.xlsx", register="people")


def test_mapping_override_is_remembered_per_layout(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Ref", "What could go wrong", "Hands", "Odd column"])
    ws.append(["X-1", "Flood", "Ann", "3"])
    path = save(wb, tmp_path / "odd.xlsx")
    # only "Ref"? "Hands" is no risk word ("Who" is the owner since classes70b's questions): nothing found
    with pytest.raises(WorkbookError):
        plan_import(store, path)
    mapping = {0: "code", 1: "title", 2: "owner", 3: "impact"}
    plan = plan_import(store, path, register="risks", sheet="Sheet", mapping=mapping)
    assert plan.sheets[0].mapping == mapping
    apply_import(store, plan)
    assert risk(store, "X-1")["impact"] == 3
    saved = saved_mapping(store, layout_key(["Ref", "What could go wrong", "Hands", "Odd column"]))
    assert saved == {"register": "risks", "mapping": {"0": "code", "1": "title", "2": "owner", "3": "impact"}}
    again = plan_import(store, path, register="risks", sheet="Sheet", header_row=1)
    assert again.sheets[0].mapping == mapping and again.reports[0].action == Action.UPDATE


def test_bad_mapping_overrides_are_refused(store, tmp_path):
    path = real_risk_log(tmp_path / "log.xlsx")
    with pytest.raises(MappingError, match="Columns A and B are both mapped to “Title”"):
        plan_import(store, path, mapping={0: "title", 1: "title"})
    with pytest.raises(MappingError, match="Column C is mapped to “colour”"):
        plan_import(store, path, mapping={2: "colour"})
    assert ("code", "ID") in importable_fields("risks")
    assert importable_fields("risk_actions")[0] == (PARENT, "Risk ID")


def test_wrong_types_are_row_errors_and_change_nothing(demo_store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title", "Raised", "Probability", "Escalated", "Threat / opportunity"])
    ws.append(["R-001", "OK", date(2026, 1, 1), 2, "yes", "T"])
    ws.append(["R-002", 42, "soon", datetime(2026, 1, 1), "perhaps", "Maybe"])
    path = save(wb, tmp_path / "types.xlsx")
    before = snapshot(demo_store)
    plan = plan_import(demo_store, path)
    assert [r.row for r in plan.errors] == [3]
    for words in ("Raised: “soon” is not a date", "Probability", "Escalated: “perhaps” is not yes or no",
                  "“Maybe” is not one of Threat, Opportunity"):
        assert words in plan.errors[0].reason
    with pytest.raises(ImportRefused):
        apply_import(demo_store, plan)
    assert snapshot(demo_store) == before


def test_missing_required_column_for_new_rows_is_an_error(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Status", "Owner"])
    ws.append(["R-009", "Open", "Ann"])
    plan = plan_import(store, save(wb, tmp_path / "n.xlsx"))
    assert plan.errors[0].reason == ("Title cannot be empty (no column of the sheet holds it: choose the column "
                                     "that does for “Title” in the preview's mapping).")


def test_duplicate_ids_in_a_sheet_are_errors_unless_the_titles_name_another_record(store, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ID", "Title"])
    ws.append(["R-001", "Supplier fails"])
    ws.append(["r-001", "Supplier fails to deliver"])  # the same record twice: which one is meant?
    ws.append(["R-001", "Key engineer leaves"])        # numbering restarted: another record
    plan = plan_import(store, save(wb, tmp_path / "d.xlsx"))
    assert [e.row for e in plan.errors] == [3]
    assert "appears twice in this import (row 2 and row 3)" in plan.errors[0].reason
    assert "added as a new record" in plan.reports[2].reason and plan.reports[2].action.value == "insert"


def big_sheet(path, n):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Title", "Probability", "Impact"])
    for i in range(n):
        ws.append([f"Risk {i}", 1 + i % 5, 1 + i % 3])
    return save(wb, path)


def test_progress_is_reported_and_cancel_rolls_everything_back(store, tmp_path):
    path = big_sheet(tmp_path / "big.xlsx", 300)
    seen = []
    plan = plan_import(store, path, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 2 and seen[-1][0] == seen[-1][1] and seen == sorted(seen)
    before = snapshot(store)
    calls = []

    def cancel_on_second_check():
        calls.append(1)
        return len(calls) >= 2

    with pytest.raises(ImportCancelled, match="nothing was imported"):
        apply_import(store, plan, cancelled=cancel_on_second_check)
    assert snapshot(store) == before
    with pytest.raises(ImportCancelled):
        plan_import(store, path, cancelled=lambda: True)
    applied = []
    result = apply_import(store, plan, progress=lambda d, t: applied.append((d, t)))
    assert result.inserted == 300 and applied[-1] == (300, 300)


def test_each_register_has_one_sheet_kind_however_it_is_made():
    """Header detection keys its caches by a register's kind, hashed and compared as the one object it is:
    a kind made again, copied or unpickled (a plan handed to another process) is that register's own."""
    import copy
    import pickle

    from pmo_desktop.excel.header_detection import ALL_KINDS, SheetKind, kind_for

    for kind in ALL_KINDS:
        for again in (SheetKind(kind.register), kind_for(kind.register), copy.copy(kind), copy.deepcopy(kind),
                      pickle.loads(pickle.dumps(kind))):
            assert again is kind
            assert again == kind and hash(again) == hash(kind)
    assert SheetKind("risks") != SheetKind("issues")
    assert len({SheetKind("risks"), SheetKind("risks"), SheetKind("issues")}) == 2
