"""fault70b: the faults fault57 found and left (docs/import-rounds.md, "Faults found last round, fixed").

1. An Excel error in a column kept in the notes was left out of the notes without a word: kept as written, said
   once a column (a column whose every cell is an error is set aside and said, as a placed one is).
2. A sheet refused for a header naming too few of a register's columns was said on the command line as "no header
   row … check the workbook" alone: the preview's reason is given.
3. Stacked forms (or a table) whose every title is an error cell said "Issue cannot be empty (no column of the sheet
   holds it …)": each row says its title's error, as one error cell among titles is said.
4. A full disk stopping the rows-left-out workbook was said as folders that "cannot be written": the disk is full.
5. A JSON document after more than 64 KB of blanks was read as a CSV: JSON is looked for past leading blanks.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from cli_runner import run_cli
from imported import import_all, rows_of
from openpyxl import Workbook

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models.store import Store


def _book(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


# ------------------------------------------------------------------ 1. error cells of a column kept in the notes
def test_an_error_cell_of_a_column_kept_in_the_notes_is_kept_as_written_and_said(sqlite_store, tmp_path):
    rows = [["ID", "Title", "Owner", "Status", "Supplier", "Lookup"]]
    for i in range(1, 7):
        rows.append([f"I-{i}", f"Printer queue stalls {i}", "Ana Ruiz", "Open",
                     "#N/A" if i in (2, 5) else f"Acme {i}", "#REF!" if i % 2 else "#DIV/0!"])
    path = _book(tmp_path / "log.xlsx", rows, "Issues")
    plan = import_all(sqlite_store, path)
    notes = {r["title"]: r["description"] or "" for r in rows_of(sqlite_store, "issues")}
    assert len(notes) == 6
    assert "Supplier: #N/A" in notes["Printer queue stalls 2"] and "Supplier: #N/A" in notes["Printer queue stalls 5"]
    assert "Supplier: Acme 1" in notes["Printer queue stalls 1"]
    sheet = plan.sheets[0]
    assert "“Supplier” shows the Excel error #N/A on 2 rows (3, 6): kept in the notes as written." in sheet.note
    # a column of errors alone is kept so too (set aside, it changed how a sheet's group rows were read)
    assert "Lookup: #REF!" in notes["Printer queue stalls 1"] and "Lookup: #DIV/0!" in notes["Printer queue stalls 2"]
    assert "“Lookup” shows the Excel error #REF!, #DIV/0! on 6 rows" in sheet.note


# ------------------------------------------------------------------ 2. the command line gives a weak header's reason
def test_the_command_line_says_why_a_sheet_with_a_weak_header_was_refused(tmp_path):
    strategies = ["Mitigate", "Accept", "Contingency plan", "Transfer"]
    rows = [["Ref", "Heading", "Approach", "Narrative"]]
    rows += [[f"Q-{i:02d}", f"Item {i}", strategies[i % 4], f"Work done on item {i}"] for i in range(1, 13)]
    path = _book(tmp_path / "book.xlsx", rows, "Answers")
    Store.create(tmp_path / "office.pmo").close()
    run = run_cli("import", "office.pmo", path, "--dry-run", cwd=tmp_path)
    assert run.returncode != 0
    assert "sheet “Answers”: only 2 of its columns name" in run.stderr, run.stderr
    assert "choose that sheet and the register in the import preview" in run.stderr


# ------------------------------------------------------------------ 3. every title an error cell
def _forms(title_of) -> list[list[object]]:
    rows: list[list[object]] = [["BUG REPORT"]]
    for i in range(1, 8):
        rows += [["Section", "Field", "Entry"],
                 ["Bug ID", "Reference number", i],
                 [None, "Reported by", "Lee Chan"],
                 ["Bug details", "Summary", title_of(i)],
                 [None, "Steps to reproduce", "1) Open the list.\n2) Sort it."],
                 [None, "Priority", "Low"],
                 [None, "Assigned To", "Ola Berg"],
                 ["Outcome", "Actual Result", "The list is empty."],
                 [None, "Expected Result", "The list is sorted."]]
    return rows


@pytest.mark.parametrize("shape", ["forms", "table"])
def test_titles_all_error_cells_are_said_as_their_errors(sqlite_store, tmp_path, shape):
    def error(i: int) -> str:
        return "#REF!" if i % 2 else "#N/A"

    if shape == "forms":
        path = _book(tmp_path / "bugs.xlsx", _forms(error), "Bugs")
    else:
        rows = [["ID", "Title", "Owner", "Status"]] + [[f"I-{i}", error(i), "Ana Ruiz", "Open"] for i in range(1, 8)]
        path = _book(tmp_path / "log.xlsx", rows, "Issues")
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    errors = plan.errors
    assert len(errors) == 7 and plan.valid_count == 0
    for e in errors:
        assert "shows the Excel error #" in e.reason and "no column of the sheet holds it" not in e.reason, e.reason
    assert "#N/A" in errors[1].reason and "#REF!" in errors[0].reason


def test_one_error_title_among_others_is_said_once(sqlite_store, tmp_path):
    rows = [["ID", "Title", "Owner", "Status"]] + \
        [[f"I-{i}", "#REF!" if i == 2 else f"Backup fails {i}", "Ana Ruiz", "Open"] for i in range(1, 6)]
    plan = plan_workbook_import(sqlite_store, _book(tmp_path / "log.xlsx", rows, "Issues"), create_missing=True)
    (error,) = plan.errors
    assert error.reason == "Issue shows the Excel error #REF!; correct or clear that cell."


# ------------------------------------------------------------------ 4. a full disk under the rows left out
def test_a_full_disk_under_the_rows_left_out_is_said(sqlite_store, tmp_path, monkeypatch):
    from pmo_desktop.excel import atomic

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "save_atomically", full)
    rows = [["ID", "Title", "Owner", "Status"]] + \
        [[f"I-{i}", "" if i == 3 else f"Backup fails {i}", "Ana Ruiz", "Open"] for i in range(1, 6)]
    path = _book(tmp_path / "log.xlsx", rows, "Issues")
    plan = plan_workbook_import(sqlite_store, path, create_missing=True)
    result = apply_import(sqlite_store, plan, partial=True)
    assert result.left_out == 1 and result.left_out_path is None
    summary = result.summary()
    assert "the disk is full" in summary and "nothing of it is lost" in summary, summary  # one row: "it" (walk57b)
    assert "can be written" not in summary
    assert len(rows_of(sqlite_store, "issues")) == 4


# ------------------------------------------------------------------ 5. JSON after a run of blanks
@pytest.mark.parametrize("name", ["records.json", "records.txt", "export.csv"])
@pytest.mark.parametrize("blank", [" ", "\n", "\t \r\n"])
def test_json_after_more_than_the_sample_of_blanks_is_json(sqlite_store, tmp_path, name, blank):
    path = tmp_path / name
    path.write_text(blank * (100_000 // len(blank)) + '[{"id": 1, "title": "Supplier late"}]', encoding="utf-8")
    with pytest.raises(WorkbookError, match="is data in JSON"):
        plan_workbook_import(sqlite_store, path)


def test_json_after_blanks_in_utf16_is_json(sqlite_store, tmp_path):
    path = tmp_path / "records.json"
    path.write_bytes(("\ufeff" + " " * 70_000 + '[{"id": 1}]').encode("utf-16-be"))
    with pytest.raises(WorkbookError, match="is data in JSON"):
        plan_workbook_import(sqlite_store, path)


def test_a_csv_after_blank_lines_is_still_read_as_a_csv(sqlite_store, tmp_path):
    """Blanks before a CSV's header leave it a CSV (its header then past the rows looked at: said as a CSV's)."""
    path = tmp_path / "risks.txt"
    path.write_text("\n" * 70_000 + "ID,Risk,Owner\nR1,Supplier late,Ann Lee\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path)
    assert "JSON" not in str(refused.value) and "has a header row naming" in str(refused.value)


def test_the_window_says_a_full_disk_under_the_rows_left_out(qtbot, tmp_path):
    from pmo_desktop.views.left_out_banner import LeftOutBanner

    banner = LeftOutBanner(None)
    qtbot.addWidget(banner)
    banner.show_left_out(2, tmp_path / "log.xlsx", None, "the disk is full")
    said = banner.accessibleName()
    assert "the disk is full" in said and "nothing of them is lost" in said and "can be written" not in said
