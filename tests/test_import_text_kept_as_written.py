"""Text a workbook holds comes in exactly as written, and the refused rows of a partial import go to the
"rows left out" workbook exactly as written too — ready to fix and import again.

Faults injected (fault12): a CSV whose quoted cell runs over several lines, as Excel saves a cell typed
with Alt+Enter; a CSV cell holding a character Python counts as a line end (a vertical tab or form feed
pasted from Word or PowerPoint, U+2028); refused rows whose text starts like a formula (a notes cell of
"- " bullets), holds a control character, or comes from a CSV whose name no sheet may carry."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from cli_runner import run_cli
from sqlalchemy import text as text_sql

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import LEFT_OUT_SUFFIX, apply_import, plan_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.fields import CONTROL_CHARACTER as CONTROL
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

BULLETS = "- supplier named in the contract\n- second source being sought"


def risks(store: Store) -> dict[str, dict[str, object]]:
    reg = REGISTERS["risks"]
    with store.session() as s:
        rows = records.fetch_rows(s, reg)
    names = ["id", "version", *reg.field_names]
    return {r[names.index("title")]: dict(zip(names, r, strict=False)) for r in rows}


def write_csv_bytes(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_csv_cell_over_several_lines_keeps_its_line_breaks(sqlite_store, tmp_path):
    # as Excel saves "CSV UTF-8": rows end with CRLF, a line break typed in a cell is a bare LF
    path = write_csv_bytes(tmp_path / "risks.csv",
                           "Title,Probability,Impact,Notes\r\n"
                           f"Supplier slips,4,3,\"{BULLETS}\"\r\n"
                           "Data centre move late,2,5,\"one\r\ntwo\"\r\n")
    apply_import(sqlite_store, plan_import(sqlite_store, path, register="risks"))
    got = risks(sqlite_store)
    assert got["Supplier slips"]["notes"] == BULLETS
    assert got["Data centre move late"]["notes"] == "one\ntwo"  # a CRLF inside a cell is one line break


@pytest.mark.parametrize("odd", ["\u2028", "\x85"], ids=["line separator", "next line"])
def test_a_character_python_reads_as_a_line_end_does_not_split_a_csv_row(sqlite_store, tmp_path, odd):
    path = write_csv_bytes(tmp_path / "risks.csv",
                           "Title,Probability,Impact,Owner\r\n"
                           f"Supplier{odd}slips,4,3,Ann\r\n"
                           "Data centre move late,2,5,Ann\r\n")
    plan = plan_import(sqlite_store, path, register="risks")
    assert plan.ok and plan.valid_count == 2, [(e.row, e.reason) for e in plan.errors]
    apply_import(sqlite_store, plan)
    got = risks(sqlite_store)
    assert sorted(got) == sorted([f"Supplier{odd}slips", "Data centre move late"])
    assert got[f"Supplier{odd}slips"]["probability"] == 4


@pytest.mark.parametrize("odd, name", [("\x0b", "VT"), ("\x0c", "FF"), ("\x1e", "RS")],
                         ids=["vertical tab", "form feed", "record separator"])
def test_a_control_character_python_reads_as_a_line_end_is_refused_in_its_own_row(sqlite_store, tmp_path, odd,
                                                                                   name):
    """Not split either: the row is one, refused naming the character (an xlsx cannot carry it)."""
    path = write_csv_bytes(tmp_path / "risks.csv",
                           "Title,Probability,Impact,Owner\r\n"
                           f"Supplier{odd}slips,4,3,Ann\r\n"
                           "Data centre move late,2,5,Ann\r\n")
    plan = plan_import(sqlite_store, path, register="risks")
    assert [(e.row, e.reason) for e in plan.errors] == [
        (2, f"Title holds an invisible {name} character (code {ord(odd)}) after “Supplier”, which the office "
            "cannot keep; type the text again without it.")]
    apply_import(sqlite_store, plan, partial=True)
    assert sorted(risks(sqlite_store)) == ["Data centre move late"]


def left_out_rows(path: Path) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(path)
    return [tuple(c.value for c in row) for row in wb.worksheets[0].iter_rows()]


def test_rows_left_out_keep_their_text_exactly_and_as_text(sqlite_store, tmp_path):
    path = write_csv_bytes(tmp_path / "risks.csv",
                           "Title,Probability,Impact,Owner,Notes\r\n"
                           "Good one,2,2,Ann,fine\r\n"
                           f"\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",9,9,@Ann,\"{BULLETS}\"\r\n"
                           "Good two,3,2,Ann,fine\r\n")
    result = apply_import(sqlite_store, plan_import(sqlite_store, path, register="risks"), partial=True)
    assert result.inserted == 2 and result.left_out == 1
    assert result.left_out_path == tmp_path / f"risks{LEFT_OUT_SUFFIX}"
    header, row = left_out_rows(result.left_out_path)
    assert header[1:] == ("Title", "Probability", "Impact", "Owner", "Notes")
    # the very text of the source, not "'- supplier …" — fixed and imported again, it is what was written
    assert row[1:] == ('=HYPERLINK("http://evil.example/","x")', "9", "9", "@Ann", BULLETS)
    ws = openpyxl.load_workbook(result.left_out_path).worksheets[0]
    assert all(ws.cell(2, col).data_type == "s" for col in (2, 5, 6))  # text, never a live formula
    assert all(ws.cell(2, col).quotePrefix for col in (2, 5, 6))      # and it stays text when edited


def test_a_left_out_row_with_a_control_character_is_written_and_the_import_reported(tmp_path):
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    source = tmp_path / "risks.xlsx"
    wb = xlsxwriter.Workbook(source)  # xlsxwriter writes control characters as Excel does (_x000B_)
    ws = wb.add_worksheet("Risks")
    for i, r in enumerate([["Title", "Probability", "Impact", "Owner"], ["Good one", 2, 2, "Ann"],
                           ["Fine also", 3, 2, "Ann"], ["Supplier\x0bslips", 9, 9, "Ann"], ["Good three", 2, 2, "Ann"]]):
        ws.write_row(i, 0, r)
    wb.close()
    proc = run_cli("import", office, source, "--register", "risks", "--partial", cwd=tmp_path)
    # before: the three rows were committed, then "Unexpected error (IllegalCharacterError …)" and exit 1
    assert proc.returncode == 0, proc.stderr
    assert "Imported 3 new" in proc.stdout and "rows left out.xlsx" in proc.stdout
    header, row = left_out_rows(tmp_path / f"risks{LEFT_OUT_SUFFIX}")
    assert row[1] == "Supplier_x000B_slips" and row[2:] == (9, 9, "Ann")  # as Excel writes it (openpyxl reads it so)
    from python_calamine import CalamineWorkbook  # a spreadsheet reads the source's very text

    assert CalamineWorkbook.from_path(str(tmp_path / f"risks{LEFT_OUT_SUFFIX}")).get_sheet_by_index(0) \
        .to_python()[1][1] == "Supplier\x0bslips"


def test_rows_left_out_of_a_csv_whose_name_no_sheet_may_carry(tmp_path):
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    source = write_csv_bytes(tmp_path / "risks [v2: final?].csv",
                             "Title,Probability,Impact\r\nGood one,2,2\r\nBad one,9,9\r\nGood two,3,3\r\n")
    proc = run_cli("import", office, source, "--register", "risks", "--partial", cwd=tmp_path)
    # before: "Unexpected error (ValueError: Invalid character [ found in sheet title)" after the commit
    assert proc.returncode == 0, proc.stderr
    assert "Imported 2 new" in proc.stdout
    written = tmp_path / f"risks [v2: final?]{LEFT_OUT_SUFFIX}"
    assert left_out_rows(written)[1][1:] == ("Bad one", "9", "9")


# Text an office may hold that an xlsx cannot carry as it is: the export writes CR as LF and leaves out
# control characters (XML has no room for them) — refused at the door now, an office from before may hold one.
AS_STORED = {"windows line breaks": "one\r\ntwo", "old Mac line break": "one\rtwo",
             "vertical tab from Word": "Supplier\x0bslips", "bell": "x\x07y", "NUL": "A\x00B"}


def test_reimporting_an_untouched_export_changes_no_record(sqlite_store, tmp_path):
    with sqlite_store.transaction() as s:
        for name, text in AS_STORED.items():
            risk = records.create_record(s, REGISTERS["risks"], {"title": name, "notes": CONTROL.sub("", text)})
            if CONTROL.search(text):  # refused by the field's rule now; an office from before it may hold one
                s.execute(text_sql("UPDATE risk SET notes = :t WHERE id = :i"), {"t": text, "i": risk.id})
    before = risks(sqlite_store)
    plan = plan_workbook_import(sqlite_store, export_workbook(sqlite_store, tmp_path / "office.xlsx"))
    # before: each of them "changes Notes" — the workbook's text looked like the colleague's edit
    assert [(r.report.row, r.report.reason) for sh in plan.sheets for r in sh.rows
            if r.report.action == Action.UPDATE] == []
    result = apply_import(sqlite_store, plan)
    assert result.updated == 0
    assert risks(sqlite_store) == before  # the very text, versions unchanged


def test_a_colleagues_edit_of_such_a_text_is_still_taken(sqlite_store, tmp_path):
    with sqlite_store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Supplier slips", "notes": "one\r\ntwo"})
    path = export_workbook(sqlite_store, tmp_path / "office.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Risk register"]
    notes = [c.value for c in ws[1]].index("Notes") + 1
    ws.cell(2, notes).value = "one\ntwo\nthree"
    wb.save(path)
    result = apply_import(sqlite_store, plan_workbook_import(sqlite_store, path))
    assert result.updated == 1 and risks(sqlite_store)["Supplier slips"]["notes"] == "one\ntwo\nthree"
