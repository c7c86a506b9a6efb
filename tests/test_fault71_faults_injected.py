"""fault71: faults injected into what users do (docs/import-rounds.md, "Faults injected (fault71)").

1. A CSV whose first line is 100,000 spaces took 25 s before any reading (the search for its first line holding
   something tried each start of the blanks again): read in proportion to its size.
2. A CSV (or a sheet) whose header comes after thousands of blank lines was refused "no header row … in its first
   rows": the blank rows are looked past, in proportion to their number.
3. An .ods error cell saved with a number beside it (office:value="0") was read as that number ("Owner: 0").
4. A sheet whose every column under the header shows an Excel error was refused "No column … is mapped to a field
   … map at least one column": said as the errors they are.
5. ``--values FILE`` saved by Notepad (a UTF-8 mark, or UTF-16) was refused as "not valid JSON"; a key written
   twice, or two values the import reads as one sent to different choices, was taken as the last without a word.
6. An .xls that is a web page archive (MHTML, Excel's "Single File Web Page") was refused "no header row …".
7. A header row of broken formulas (#REF! in every cell) had the first record taken for the header: that record
   lost without a word, the others read under its values.
"""

from __future__ import annotations

import codecs
import json
import time
import zipfile
from pathlib import Path

import pytest
from cli_runner import run_cli
from imported import import_all, rows_of
from openpyxl import Workbook

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_workbook_import
from pmo_desktop.models.store import Store

HEADER = ["ID", "Title", "Owner", "Probability", "Impact", "Status"]


def _rows(n: int = 6) -> list[list[str]]:
    return [[f"R-{i}", f"Supplier may fail to deliver lot {i}", "Ana Ruiz", "High", "Medium", "Open"]
            for i in range(1, n + 1)]


def _csv(path: Path, before: str, rows: list[list[str]] | None = None) -> Path:
    lines = [",".join(HEADER)] + [",".join(r) for r in (rows or _rows())]
    path.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _book(path: Path, rows: list[list[object]], title: str = "Risks") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _office(tmp_path: Path) -> Path:
    office = tmp_path / "office.pmo"
    run_cli("new", office, cwd=tmp_path, ok=True)
    return office


# ------------------------------------------------------------------ 1. a first line of blanks
@pytest.mark.parametrize("after", ["\n", ""], ids=["own-line", "before-the-header"])
def test_a_csv_opening_with_a_hundred_thousand_spaces_is_read_in_proportion(sqlite_store: Store, tmp_path: Path,
                                                                           after: str) -> None:
    path = _csv(tmp_path / "risks.csv", " " * 100_000 + after)
    started = time.perf_counter()
    import_all(sqlite_store, path)
    took = time.perf_counter() - started
    assert sorted(r["code"] for r in rows_of(sqlite_store, "risks")) == [f"R-{i}" for i in range(1, 7)]
    assert took < 10, took  # 25 s on main for the reading alone (0.03 s now)


# ------------------------------------------------------------------ 2. a header after thousands of blank lines
@pytest.mark.parametrize("blank", ["\n", ",,,,,\n"], ids=["empty-lines", "empty-cells"])
def test_a_csv_whose_header_comes_after_seventy_thousand_blank_lines_is_refused_saying_so(
        sqlite_store: Store, tmp_path: Path, blank: str) -> None:
    path = _csv(tmp_path / "risks.csv", blank * 70_000)
    started = time.perf_counter()
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path)
    assert "its first 70,000 rows are blank" in str(refused.value)
    assert "its first filled row is row 70,001; delete the blank rows above it" in str(refused.value)
    assert time.perf_counter() - started < 30


def test_a_sheet_whose_header_stands_far_down_is_refused_saying_so(sqlite_store: Store, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Risks"
    for i, row in enumerate([HEADER, *_rows()]):
        for j, x in enumerate(row, start=1):
            ws.cell(5001 + i, j).value = x
    wb.save(tmp_path / "far.xlsx")
    with pytest.raises(WorkbookError, match="its first 5,000 rows are blank.*first filled row is row 5,001"):
        plan_workbook_import(sqlite_store, tmp_path / "far.xlsx")


def test_a_header_under_a_hundred_blank_lines_is_still_found(sqlite_store: Store, tmp_path: Path) -> None:
    path = _csv(tmp_path / "risks.csv", "\n" * 100)
    plan = import_all(sqlite_store, path)
    assert plan.sheets[0].header_row == 101
    assert len(rows_of(sqlite_store, "risks")) == 6


# ------------------------------------------------------------------ 3. an .ods error cell saved with a number
def _ods(path: Path, rows: list[list[str]]) -> Path:
    """An .ods of text cells, "!" before a text making it an error cell saved with the value 0 beside it."""
    def cell(x: str) -> str:
        if x.startswith("!"):
            return (f'<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
                    f'calcext:value-type="error"><text:p>{x[1:]}</text:p></table:table-cell>')
        return f'<table:table-cell office:value-type="string"><text:p>{x}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(map(cell, r)) + "</table:table-row>" for r in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
               'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Risks">'
               f'{body}</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content)
    return path


def test_an_ods_error_cell_saved_with_a_number_is_its_error_not_the_number(sqlite_store: Store,
                                                                           tmp_path: Path) -> None:
    rows = [HEADER + ["Cost"]] + [r + (["!#DIV/0!"] if i in (2, 4) else [f"{i}00"]) for i, r in enumerate(_rows(), 1)]
    plan = import_all(sqlite_store, _ods(tmp_path / "risks.ods", rows))
    notes = {r["code"]: r["notes"] or "" for r in rows_of(sqlite_store, "risks")}
    assert len(notes) == 6
    assert "Cost: #DIV/0!" in notes["R-2"] and "Cost: #DIV/0!" in notes["R-4"] and "Cost: 100" in notes["R-1"]
    assert "Cost: 0" not in " ".join(notes.values())
    assert "“Cost” shows the Excel error #DIV/0! on 2 rows" in plan.sheets[0].note


def test_an_ods_column_of_errors_saved_with_numbers_is_set_aside_as_errors(sqlite_store: Store,
                                                                           tmp_path: Path) -> None:
    rows = [HEADER + ["Raised"]] + [r + ["!#REF!"] for r in _rows()]
    plan = import_all(sqlite_store, _ods(tmp_path / "risks.ods", rows))
    assert all(not r["raised_on"] for r in rows_of(sqlite_store, "risks"))
    assert len(rows_of(sqlite_store, "risks")) == 6
    said = " ".join(plan.sheets[0].ignored.values()) if isinstance(plan.sheets[0].ignored, dict) else ""
    assert "“Raised” shows the Excel error #REF! on every row" in said + plan.sheets[0].note


# ------------------------------------------------------------------ 4. every column an error
@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_sheet_whose_every_column_shows_errors_is_refused_saying_so(sqlite_store: Store, tmp_path: Path,
                                                                      kind: str) -> None:
    errors = [["#N/A" if j % 2 else "#REF!" for j in range(len(HEADER))] for _ in range(5)]
    if kind == "ods":
        path = _ods(tmp_path / "risks.ods", [HEADER] + [["!" + e for e in r] for r in errors])
    else:
        path = _book(tmp_path / "risks.xlsx", [HEADER, *errors])
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path)
    said = str(refused.value)
    assert "shows an Excel error on every row (“ID” #REF!, “Title” #N/A" in said
    assert "so it holds no values to import; correct the formulas" in said
    assert "map at least one column" not in said


# ------------------------------------------------------------------ 5. --values as Notepad saves it
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_value_translations_saved_by_notepad_are_read(tmp_path: Path, encoding: str) -> None:
    office = _office(tmp_path)
    _book(tmp_path / "risks.xlsx", [HEADER, *[r[:5] + ["Watch list"] for r in _rows()]])
    (tmp_path / "values.json").write_text(json.dumps({"status": {"Watch list": "Closed"}}), encoding=encoding)
    assert (tmp_path / "values.json").read_bytes()[:2] in (codecs.BOM_UTF8[:2], codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    done = run_cli("import", office, "risks.xlsx", "--values", "values.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    store = Store.open(office)
    try:
        assert {r["status"] for r in rows_of(store, "risks")} == {"Closed"}
    finally:
        store.close()


@pytest.mark.parametrize("text, said", [
    ('{"status": {"Watch list": "Closed", "Watch list": "Open"}}', "give “Watch list” twice in one table"),
    ('{"status": {"Watch list": "Closed"}, "status": {"Watch list": "Open"}}', "give “status” twice in one table"),
    ('{"risks": {"status": {"Watch list": "Closed", "watch list ": "Open"}}}',
     "send “Watch list” to “Closed” and “watch list ” to “Open”, but the import reads those two values as one"),
])
def test_value_translations_saying_two_things_of_one_value_are_refused(tmp_path: Path, text: str, said: str) -> None:
    office = _office(tmp_path)
    _book(tmp_path / "risks.xlsx", [HEADER, *[r[:5] + ["Watch list"] for r in _rows()]])
    (tmp_path / "values.json").write_text(text, encoding="utf-8")
    done = run_cli("import", office, "risks.xlsx", "--values", "values.json", cwd=tmp_path)
    assert done.returncode != 0
    assert said in done.stderr
    store = Store.open(office)
    try:
        assert rows_of(store, "risks") == []
    finally:
        store.close()


# ------------------------------------------------------------------ 6. a web page archive named .xls
@pytest.mark.parametrize("name", ["risks.xls", "risks.mht"])
def test_a_web_page_archive_is_refused_as_what_it_is(sqlite_store: Store, tmp_path: Path, name: str) -> None:
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>"
                                for r in [HEADER, *_rows()]) + "</table>"
    (tmp_path / name).write_text(
        'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="----=_Part"\r\n'
        '\r\n------=_Part\r\nContent-Location: file:///C:/risks.htm\r\nContent-Transfer-Encoding: 8bit\r\n'
        f'Content-Type: text/html; charset="utf-8"\r\n\r\n<html><body>{table}</body></html>\r\n------=_Part--\r\n',
        encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"is a web page archive \(MHTML.*save it as an Excel Workbook"):
        plan_workbook_import(sqlite_store, tmp_path / name)


# ------------------------------------------------------------------ 7. a header row of broken formulas
@pytest.mark.parametrize("error", ["#REF!", "#N/A"])
def test_a_header_row_of_broken_formulas_does_not_make_the_first_record_a_header(sqlite_store: Store,
                                                                                tmp_path: Path, error: str) -> None:
    # records whose first reads as header words ("Risk 1" under "Title"): it was taken for the header, lost
    rows = [[f"R-{i}", f"Risk {i}", "Ana Ruiz", "High", "Medium", "Open"] for i in range(1, 7)]
    path = _book(tmp_path / "risks.xlsx", [[error] * len(HEADER), *rows])
    with pytest.raises(WorkbookError) as refused:
        plan_workbook_import(sqlite_store, path)
    assert f"its header row, row 1, shows the Excel error {error} in every column" in str(refused.value)
    assert "the row under it is no header but the first record" in str(refused.value)


def test_a_header_row_of_broken_formulas_over_plain_records_reads_them_by_their_values(
        sqlite_store: Store, tmp_path: Path) -> None:
    path = _book(tmp_path / "risks.xlsx", [["#REF!"] * len(HEADER), *_rows()])
    plan = import_all(sqlite_store, path)
    assert sorted(r["code"] for r in rows_of(sqlite_store, "risks")) == [f"R-{i}" for i in range(1, 7)]
    assert "its columns were read by the values below it" in plan.sheets[0].note


def test_a_row_of_errors_over_a_header_of_more_columns_leaves_the_header_read(sqlite_store: Store,
                                                                             tmp_path: Path) -> None:
    # a totals row broken over two columns above the real header: the header stands, every record read
    path = _book(tmp_path / "risks.xlsx", [[None, None, None, "#REF!", "#REF!"], HEADER, *_rows()])
    import_all(sqlite_store, path)
    assert len(rows_of(sqlite_store, "risks")) == 6


# ------------------------------------------------------------------ 8. serials past any calendar in a date column
def test_a_date_column_of_serials_past_any_calendar_is_said_as_days_no_calendar_has(sqlite_store: Store,
                                                                                    tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(HEADER + ["Raised"])
    for i, r in enumerate(_rows(10), start=1):
        ws.append(r + [3_000_000 + i if i % 5 else 45_300 + i])  # 8 past 31 Dec 9999 (Excel shows #####), 2 days
        ws.cell(i + 1, len(HEADER) + 1).number_format = "dd/mm/yyyy"
    wb.save(tmp_path / "risks.xlsx")
    plan = import_all(sqlite_store, tmp_path / "risks.xlsx")
    note = plan.sheets[0].note
    assert "“Raised” kept in the notes: not read as dates, as 8 of its first 10 cells are days no calendar has " \
           "(“3000001”)" in note, note
    notes = {r["code"]: r["notes"] for r in rows_of(sqlite_store, "risks")}
    assert "Raised: 3000001" in notes["R-1"] and len(notes) == 10


# ------------------------------------------------------------------ 9. direction marks at a cell's ends
LRM, RLM = "\u200e", "\u200f"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_direction_marks_at_a_cells_ends_are_dropped_as_other_invisible_characters(sqlite_store: Store,
                                                                                   tmp_path: Path, kind: str) -> None:
    rows = _rows(3) + [
        [f"{LRM}R-4{RLM}", "Customs hold at the border", f"{LRM}Ana Ruiz{RLM}", "High", f"{RLM}Medium", "Open"],
        ["R-5", LRM + RLM, "Ana Ruiz", "High", "Medium", "Open"],  # a title of marks alone: no title
        ["R-6", f"{RLM}Permit {LRM}שלב ב{LRM} delayed{RLM}", "Ana Ruiz", "High", "Medium", "Open"],
    ]
    if kind == "csv":
        path = _csv(tmp_path / "risks.csv", "", rows)
    else:
        path = _book(tmp_path / "risks.xlsx", [HEADER, *rows])
    plan = import_all(sqlite_store, path)
    stored = {r["code"]: r for r in rows_of(sqlite_store, "risks")}
    assert sorted(stored) == ["R-1", "R-2", "R-3", "R-4", "R-6"]  # not "\u200eR-4\u200f"
    assert stored["R-4"]["owner"] == "Ana Ruiz" and stored["R-4"]["impact"] == 3
    assert [p["name"] for p in rows_of(sqlite_store, "people")] == ["Ana Ruiz"]  # not a second Ana Ruiz
    assert stored["R-6"]["title"] == f"Permit {LRM}שלב ב{LRM} delayed"  # the writer's marks inside are kept
    assert [r.report.reason for s in plan.sheets for r in s.rows if r.report.code == "R-5"] == [
        "Title cannot be empty."]
