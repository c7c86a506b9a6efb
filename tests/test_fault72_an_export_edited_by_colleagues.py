"""The office's own export sent round, edited the way colleagues edit it, and imported back — into the office that
exported it and into a new one (fault72): nothing lost, nothing silently changed, what cannot be taken refused in
the preview with its reason, never discovered by the import once it writes."""

import csv
import datetime as dt
import zipfile

import openpyxl
import pytest

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
SHEET = "Risk register"


def column(ws, label):
    return [c.value for c in ws[1]].index(label) + 1


def row_of(ws, code):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


def risk(store, code) -> dict:
    with store.session() as s:
        return records.record_values(s, RISKS, records.find_id_by_code(s, RISKS, code))


def actions(store) -> dict[str, list[tuple]]:
    """Each risk's actions as (description, status, due), by the risk's ID."""
    reg = REGISTERS["risk_actions"]
    names = ["id", "version", *reg.field_names]
    out: dict[str, list[tuple]] = {}
    with store.session() as s:
        for code in sorted(records.stored_codes(s, RISKS)):
            rid = records.find_id_by_code(s, RISKS, code)
            rows = [dict(zip(names, r)) for r in records.fetch_rows(s, reg, parent_id=rid)]
            out[code.upper()] = sorted((a["description"], a["status"], str(a["due"])) for a in rows)
    return out


def by_row(plan, sheet=SHEET):
    return {r.row: r for r in plan.reports if r.sheet == sheet}


def edited_export(store, tmp_path, edit):
    path = export_workbook(store, tmp_path / "round.xlsx")
    wb = openpyxl.load_workbook(path)
    edit(wb)
    wb.save(path)
    return path


@pytest.fixture
def fresh_store(tmp_path, empty_file_copy):
    s = Store.open(empty_file_copy(tmp_path / "new.pmo"))
    yield s
    s.close()


def test_an_id_typed_over_with_another_records_id_refuses_both_rows(demo_store, tmp_path):
    """R-004's row given R-005's ID: the first of the two rows was planned "will update R-005 — changes Title,
    Category, …" and "import the valid rows" wrote R-004's values over R-005."""
    def typed_over(wb):
        ws = wb[SHEET]
        ws.cell(row_of(ws, "R-004"), 1).value = "R-005"
    path = edited_export(demo_store, tmp_path, typed_over)
    before = risk(demo_store, "R-005")
    plan = plan_workbook_import(demo_store, path)
    rows = by_row(plan)
    assert rows[5].action == rows[6].action == Action.ERROR
    assert "R-005 is also on row 6, with other values" in rows[5].reason
    assert "Its other cells are R-004's as exported, and R-004 is on no row: was R-004's ID typed over?" in rows[5].reason
    assert "typed over" not in rows[6].reason  # R-005's own row
    with pytest.raises(Exception, match="None of the 2 rows"):
        apply_import(demo_store, plan, partial=True)
    assert risk(demo_store, "R-005") == before


def test_a_row_copied_and_edited_in_a_new_office_takes_neither(fresh_store, sqlite_demo_store, tmp_path):
    """The same ID on two rows of other values, into a new office: neither row is the record (both refused), and
    what names that record is refused with them rather than stopping the import as it writes."""
    def copied(wb):
        ws = wb[SHEET]
        cells = [c.value for c in ws[row_of(ws, "R-002")]]
        cells[1] = "A different risk pasted under the same ID"
        ws.append(cells)
    path = edited_export(sqlite_demo_store, tmp_path, copied)
    plan = plan_workbook_import(fresh_store, path)
    rows = by_row(plan)
    assert rows[3].action == Action.ERROR and rows[rows[3].row].code == "R-002"
    assert [r.action for r in plan.reports if r.sheet == SHEET and r.code == "R-002"] == [Action.ERROR] * 2
    linked = [r for r in plan.reports if r.sheet == "Decisions" and r.action == Action.ERROR]
    assert linked and all("Linked risks: R-002 is refused on its own row (Risk register row 3), so it cannot be named "
                          "here." in r.reason for r in linked)
    apply_import(fresh_store, plan, partial=True)
    with fresh_store.session() as s:
        assert "r-002" not in records.stored_codes(s, RISKS) and len(records.stored_codes(s, RISKS)) == 9


def test_an_action_of_a_risk_nobody_has_is_refused_in_the_preview(demo_store, tmp_path):
    """An action row naming R-099: "will insert", then the import stopped whole — "A risk actions entry must
    belong to a record" — the valid rows with it."""
    def orphan(wb):
        ws = wb["Risk actions"]
        ws.append(["R-099", "Chase a risk no one has", "Tom Walker", dt.datetime(2027, 1, 4), "Not started"])
        notes = wb[SHEET]
        notes.cell(row_of(notes, "R-001"), column(notes, "Notes")).value = "taken"
    path = edited_export(demo_store, tmp_path, orphan)
    plan = plan_workbook_import(demo_store, path)
    refused = [r for r in plan.errors]
    assert [(r.sheet, r.code) for r in refused] == [("Risk actions", "R-099")]
    assert refused[0].reason.startswith("There is no record “R-099” in the risk register or in this workbook.")
    apply_import(demo_store, plan, partial=True)
    assert risk(demo_store, "R-001")["notes"] == "taken"


def test_actions_of_a_risk_deleted_from_the_sheet_into_a_new_office(fresh_store, sqlite_demo_store, tmp_path):
    def deleted(wb):
        ws = wb[SHEET]
        ws.delete_rows(row_of(ws, "R-003"))
    path = edited_export(sqlite_demo_store, tmp_path, deleted)
    plan = plan_workbook_import(fresh_store, path)
    refused = [(r.sheet, r.code) for r in plan.errors]
    assert ("Risk actions", "R-003") in refused
    result = apply_import(fresh_store, plan, partial=True)
    assert result.inserted > 100
    with fresh_store.session() as s:
        assert len(records.stored_codes(s, RISKS)) == 9


def test_names_the_office_lacks_are_refused_in_the_preview(demo_store, tmp_path):
    """A project no one has, "Projects affected" typed with commas, a decision linked to a risk no one has: each
    "will update", then "could not be written, so nothing was imported" — a colleague's other edits with it."""
    def names(wb):
        ws = wb[SHEET]
        ws.cell(row_of(ws, "R-002"), column(ws, "Project")).value = "A project nobody has"
        ws.cell(row_of(ws, "R-003"), column(ws, "Projects affected")).value = \
            "Inventory management, Point of sale replacement"
        ws.cell(row_of(ws, "R-001"), column(ws, "Notes")).value = "taken"
        d = wb["Decisions"]
        d.cell(row_of(d, "DEC-001"), column(d, "Linked risks")).value = "R-001; R-077"
    path = edited_export(demo_store, tmp_path, names)
    plan = plan_workbook_import(demo_store, path)
    said = {(r.sheet, r.code): r.reason for r in plan.errors}
    assert said == {
        (SHEET, "R-002"): "Project: there is no project called “A project nobody has”.",
        (SHEET, "R-003"): "Projects affected: there is no project called “Inventory management, Point of sale "
                          "replacement”. Its names are written with commas: separate them with “;” (“Inventory "
                          "management; Point of sale replacement”).",
        ("Decisions", "DEC-001"): "Linked risks: there is no risk called “R-077”.",
    }
    apply_import(demo_store, plan, partial=True)
    assert risk(demo_store, "R-001")["notes"] == "taken"


def test_a_refused_action_row_keeps_its_risks_stored_actions(demo_store, tmp_path):
    """A risk's actions are replaced as a whole: with one of its rows refused (a status outside the list, a due
    date that is no date), importing the valid rows alone deleted the risk's stored actions and wrote the others
    — R-002's one action was lost, and R-001's edited one gave way to the new one."""
    def edits(wb):
        a = wb["Risk actions"]
        a.cell(row_of(a, "R-001"), 5).value = "Parked"
        a.append(["R-001", "A second action", "Tom Walker", dt.datetime(2027, 1, 4), "Not started"])
        a.cell(row_of(a, "R-002"), 4).value = "not a date"
        a.cell(row_of(a, "R-003"), 5).value = "Done"
    path = edited_export(demo_store, tmp_path, edits)
    before = actions(demo_store)
    plan = plan_workbook_import(demo_store, path)
    rows = by_row(plan, "Risk actions")
    assert rows[12].action == Action.ERROR
    assert rows[12].reason == ("The risk actions of R-001 are taken as a whole, and row 2 of them is refused: correct "
                               "that row and this one comes in with it (until then the office keeps R-001's own).")
    apply_import(demo_store, plan, partial=True)
    after = actions(demo_store)
    assert after["R-001"] == before["R-001"] and after["R-002"] == before["R-002"]
    assert [s for _d, s, _due in after["R-003"]] == ["Done"]
    left = openpyxl.load_workbook(tmp_path / "round - rows left out.xlsx").worksheets[0]
    assert any(row[2] == "A second action" for row in left.iter_rows(values_only=True))


def test_a_cell_past_excels_limit_is_said_as_more_than_it(demo_store, tmp_path):
    """A 40,000-character note (no spreadsheet program writes one; a tool can): refused, as "32,768 characters",
    the length the reader cut it to."""
    def long_note(wb):
        ws = wb[SHEET]
        ws.cell(row_of(ws, "R-002"), column(ws, "Notes")).value = "n" * 30_000
    path = edited_export(demo_store, tmp_path, long_note)
    longer = tmp_path / "longer.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(longer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            out.writestr(item, data.replace(b"n" * 30_000, b"n" * 40_000))
    plan = plan_workbook_import(demo_store, longer)
    assert [r.reason for r in plan.errors] == ["Notes is too long (more than 32,767 characters; at most 32,767)."]


def test_a_register_saved_as_csv_into_a_new_office_says_no_reading_it_did_not_make(fresh_store, sqlite_demo_store,
                                                                                  tmp_path):
    """The risk register saved as CSV and imported into a new office without its projects: every row refused for
    its project, and the sheet's note said "Status: “Accept” read as Open; “Transfer” read as Closed" — the
    response column's words, looked at beside the status column to see whether the rows were typed one column
    off, said as the status's reading."""
    path = export_workbook(sqlite_demo_store, tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    out = tmp_path / "risks.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for cells in ws.iter_rows(values_only=True):
            writer.writerow(["" if c is None else c.strftime("%m/%d/%Y") if hasattr(c, "strftime") else c
                             for c in cells])
    plan = plan_workbook_import(fresh_store, out)
    sheet = plan.sheets[0]
    assert sheet.register == "risks" and len(plan.errors) == 10
    assert "Status:" not in sheet.note and "read as Open" not in sheet.note


def test_a_percentage_typed_into_a_benefit_measured_in_per_cent_is_the_per_cent_it_shows(demo_store, tmp_path):
    """B-005 is measured in %: its target 75 typed over as 80 % (Excel keeps 0.8, shown 80 %), its baseline as the
    text "60 %", a measurement of 62 % added: read as 0.8, 0.6 and 0.62 — a target of 0.8 per cent — in silence."""
    def typed(wb):
        ws = wb["Benefits plan"]
        r = row_of(ws, "B-005")
        target = ws.cell(r, column(ws, "Target"))
        target.value, target.number_format = 0.8, "0%"
        ws.cell(r, column(ws, "Baseline")).value = "60 %"
        money = ws.cell(row_of(ws, "B-001"), column(ws, "Target"))  # £k/month: a number shown so is its number
        money.value, money.number_format = 240, "0%"
        m = wb["Benefit measurements"]
        m.append(["B-005", dt.datetime(2026, 11, 1), 0.625, "Survey", None])
        m.cell(m.max_row, 3).number_format = "0.0%"
    path = edited_export(demo_store, tmp_path, typed)
    plan = plan_workbook_import(demo_store, path)
    sheet = next(s for s in plan.sheets if s.register == "benefits")
    assert "are read as the per cent they show: 80 % as 80, not 0.8." in sheet.note
    apply_import(demo_store, plan)
    reg = REGISTERS["benefits"]
    with demo_store.session() as s:
        b5 = records.record_values(s, reg, records.find_id_by_code(s, reg, "B-005"))
        b1 = records.record_values(s, reg, records.find_id_by_code(s, reg, "B-001"))
        measured = [r for r in records.fetch_rows(s, REGISTERS["benefit_measurements"], parent_id=b5["id"])]
    assert (b5["baseline_value"], b5["target_value"], b1["target_value"]) == (60.0, 80.0, 240.0)
    assert 62.5 in [r[3] for r in measured]


def test_percentage_cells_of_an_ods_are_found_where_libreoffice_marks_them(tmp_path):
    """LibreOffice saves a cell typed "80%" as office:value-type="percentage" with the value 0.8, which calamine
    reads as 0.8: the export saved as .ods by a colleague is read by where its cells are marked so."""
    from pmo_desktop.excel.percent_cells import percent_cells

    cell = '<table:table-cell office:value-type="{}" office:value="{}"><text:p>x</text:p></table:table-cell>'
    rows = ['<table:table-row>' + cell.format("string", "") * 2 + '</table:table-row>',
            '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/>'
            '</table:table-row>',
            '<table:table-row><table:table-cell/>' + cell.format("float", "0.8") + cell.format("percentage", "0.8")
            + '</table:table-row>']
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Other"><table:table-row>' + cell.format("percentage", "0.1")
               + '</table:table-row></table:table><table:table table:name="Benefits plan">' + "".join(rows)
               + '</table:table></office:spreadsheet></office:body></office:document-content>')
    path = tmp_path / "b.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    assert percent_cells(path, "Benefits plan") == {(3, 2)}
    assert percent_cells(path, "Other") == {(0, 0)}
    assert percent_cells(tmp_path / "missing.ods", "Benefits plan") == set()


def test_the_actions_sheet_saved_alone_as_csv_is_read_as_the_risks_actions(demo_store, tmp_path):
    """LibreOffice saves the sheet shown as a CSV of its own ("round-Risk actions.csv"). Read as a colleague's
    register, "Risk ID | Action | Actionee | Due | Status" was the risk register: each risk's title written over by
    its action's text, R-009's Closed and R-010's Occurred by "Open" from the action's "Not started"."""
    path = export_workbook(demo_store, tmp_path / "round.xlsx")
    ws = openpyxl.load_workbook(path)["Risk actions"]
    out = tmp_path / "round-Risk actions.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for cells in ws.iter_rows(values_only=True):
            cells = ["" if c is None else f"{c.day} {c:%b %Y}" if hasattr(c, "strftime") else c for c in cells]
            if cells[0] == "R-003":
                cells[4] = "Done"
            writer.writerow(cells)
    titles = {code: risk(demo_store, code)["title"] for code in ("R-001", "R-009", "R-010")}
    statuses = {code: risk(demo_store, code)["status"] for code in ("R-009", "R-010")}
    before = actions(demo_store)
    plan = plan_workbook_import(demo_store, out)
    assert [s.register for s in plan.sheets] == ["risk_actions"]
    apply_import(demo_store, plan)
    assert {code: risk(demo_store, code)["title"] for code in titles} == titles
    assert {code: risk(demo_store, code)["status"] for code in statuses} == statuses
    after = actions(demo_store)
    assert [s for _d, s, _due in after["R-003"]] == ["Done"]
    assert {k: x for k, x in after.items() if k != "R-003"} == {k: x for k, x in before.items() if k != "R-003"}


def test_a_records_row_whose_id_was_typed_over_with_another_records_is_refused(demo_store, tmp_path):
    """R-005's row deleted and R-004's ID typed over with "R-005": R-004's title, owner and levels were written over
    R-005 ("will update R-005 — changes Title, Category, …") and R-004 said deleted from the workbook."""
    def typed_over(wb):
        ws = wb[SHEET]
        ws.delete_rows(row_of(ws, "R-005"))
        ws.cell(row_of(ws, "R-004"), 1).value = "R-005"
        ws.cell(row_of(ws, "R-001"), column(ws, "Notes")).value = "taken"
    path = edited_export(demo_store, tmp_path, typed_over)
    before = risk(demo_store, "R-005")
    plan = plan_workbook_import(demo_store, path)
    assert [(r.row, r.reason) for r in plan.errors] == [
        (5, "Its cells but the ID are R-004's as exported, and R-004 is on no other row: R-004's ID typed over with "
            "R-005? Type R-004 back, or change more than its ID to make it R-005.")]
    apply_import(demo_store, plan, partial=True)
    assert risk(demo_store, "R-005") == before and risk(demo_store, "R-001")["notes"] == "taken"
