"""The office's financial year (fiscal61): the month it starts in, kept in the file with the program's details and
edited in File ▸ Program Details…, by which an import reads "Q2 FY25", "H1 FY26" and "FY2025/26" in a date column
as the period's last day. Each test failed on main 5dd8d77 (no such setting: "Q1 FY26" gave no date)."""

from __future__ import annotations

from datetime import date

import pytest
from imported import by_code, import_all, rows_of
from openpyxl import load_workbook
from real_world_factory import write_xlsx

from pmo_desktop.excel.boardpack_data import read_board_pack
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models import financial_year, records
from pmo_desktop.models.office import Office
from pmo_desktop.models.record_history import history_of
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

PROGRAM = REGISTERS["program"]
FIELD = "financial_year_start"


def set_start(office: Office, month: str | None) -> None:
    """As Program Details saves it: one write of the program's record through the office core."""
    [program] = rows_of(office.store, "program")
    ctx = office.read(records.load_context)
    office.write(records.update_many, PROGRAM, {program["id"]: {FIELD: month}}, ctx,
                 {program["id"]: program["version"]}, {program["id"]: {FIELD: program[FIELD]}})


def test_the_year_start_is_kept_in_the_file_undone_and_in_the_history(tmp_path):
    """Set (April), undone (back to not set), set again (October): the file reopened reads October, and the
    program's history shows each change as a Program Details edit is shown."""
    store = Store.create(tmp_path / "office.pmo")
    office = Office(store)
    assert office.read(financial_year.year_start) is None  # a new office: not set
    set_start(office, "April")
    assert office.read(financial_year.year_start) == 4
    set_start(office, None)  # Edit ▸ Undo writes the value before back
    assert office.read(financial_year.year_start) is None
    set_start(office, "October")
    store.close()
    store = Store.open(tmp_path / "office.pmo")
    try:
        office = Office(store)
        assert office.read(financial_year.year_start) == 10
        [program] = rows_of(store, "program")
        steps = office.read(lambda s: history_of(s, PROGRAM, program["id"], records.load_context(s)))
        moved = [field for step in steps for field in step.fields if field[0] == "Financial year starts in"]
        assert [(before, after) for _label, before, after in moved] == [
            ("—", "October"), ("April", "—"), ("—", "April")]
    finally:
        store.close()


def test_a_file_from_before_opens_with_it_not_set_and_takes_it(tmp_path):
    """A version 5 file (no such column) is moved forward on open: not set, then set like any other file."""
    import sqlite3

    path = tmp_path / "old.pmo"
    Store.create(path).close()
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE program DROP COLUMN financial_year_start")
    con.execute("update pmo_meta set value='5' where key='schema_version'")
    con.commit()
    con.close()
    store = Store.open(path)
    try:
        assert (tmp_path / "old.pmo.v5.bak").exists()
        office = Office(store)
        assert office.read(financial_year.year_start) is None
        set_start(office, "January")
        assert office.read(financial_year.year_start) == 1
    finally:
        store.close()


def test_a_month_not_a_month_is_refused(sqlite_store):
    from pmo_desktop.models.errors import ValidationError

    with pytest.raises(ValidationError, match="Financial year starts in"):
        set_start(Office(sqlite_store), "Smarch")


FISCAL = {  # the cell → its last day with a year from April ("FY25" ends in 2025, "FY2025/26" starts in 2025)
    "Q1 FY26": date(2025, 6, 30),
    "FY25 Q2": date(2024, 9, 30),
    "Q2 2025/26": date(2025, 9, 30),
    "H1 FY26": date(2025, 9, 30),
    "FY2025": date(2025, 3, 31),
    "FY2025/26": date(2026, 3, 31),
}


def _book(tmp_path):
    return write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["ID", "Risk", "Probability", "Impact", "Target date"],
        ["R1", "Supplier delay", 3, 4, "Q1 2026"],
        *[[f"R{i}", f"Risk number {i}", 2, 3, cell] for i, cell in enumerate(FISCAL, start=2)]]})


def test_an_import_reads_fiscal_periods_by_the_offices_year_start(sqlite_store, tmp_path):
    """With the year starting in April each fiscal quarter, half and year is its last day, the cell kept in the notes
    and the sheet's note naming the month it was read by; a calendar quarter is read as before."""
    set_start(Office(sqlite_store), "April")
    plan = import_all(sqlite_store, _book(tmp_path))
    risks = by_code(sqlite_store, "risks")
    assert risks["R1"]["proximity"] == date(2026, 3, 31)
    for i, (cell, day) in enumerate(FISCAL.items(), start=2):
        assert risks[f"R{i}"]["proximity"] == day, cell
        assert f"Target date: {cell}" in risks[f"R{i}"]["notes"]
    note = plan.sheets[0].note
    assert "read as its last day by the office's financial year, which starts in April" in note
    assert "Q1 FY26 → 30 Jun 2025" in note and "FY2025/26 → 31 Mar 2026" in note


@pytest.mark.parametrize("start", ["October", None])
def test_a_column_of_fiscal_periods_alone_is_the_date_column(sqlite_store, tmp_path, start):
    """A target date column holding nothing but financial years' periods went to the notes whole, with no note
    saying why: it is the date column, read by the year start (from October, the US federal year: "Q1 FY26" is
    October–December 2025) or, not set, left empty with the note saying where to set it."""
    if start:
        set_start(Office(sqlite_store), start)
    book = write_xlsx(tmp_path / "risks.xlsx", {"Risks": [
        ["ID", "Risk", "Probability", "Impact", "Target date"],
        ["R1", "Supplier delay", 3, 4, "Q1 FY26"], ["R2", "Office move", 2, 3, "H2 FY26"],
        ["R3", "Late invoices", 2, 2, "FY2027"]]})
    plan = import_all(sqlite_store, book)
    risks = by_code(sqlite_store, "risks")
    days = [date(2025, 12, 31), date(2026, 9, 30), date(2027, 9, 30)] if start else [None] * 3
    assert [risks[c]["proximity"] for c in ("R1", "R2", "R3")] == days
    assert risks["R2"]["notes"] == "Target date: H2 FY26"
    assert ("starts in October" if start else "3 cells name a fiscal year or a part of one") in plan.sheets[0].note


def test_not_set_an_import_gives_no_date_and_says_where_to_set_it(sqlite_store, tmp_path):
    plan = import_all(sqlite_store, _book(tmp_path))
    risks = by_code(sqlite_store, "risks")
    for i, cell in enumerate(FISCAL, start=2):
        assert risks[f"R{i}"]["proximity"] is None
        assert f"Target date: {cell}" in risks[f"R{i}"]["notes"]
    note = plan.sheets[0].note
    assert "6 cells name a fiscal year or a part of one" in note
    assert "set it in File ▸ Program Details…" in note


def test_the_export_and_board_pack_do_not_carry_it(tmp_path):
    """The year start is the office's setting, not the program's to report: a program still named after its file,
    nothing else given, keeps its pack titled "Program" (``Program.details_given``); the export's Program sheet has
    the columns it had, and an export imported again into a new office leaves that office's setting alone."""
    store = Store.create(tmp_path / "office.pmo", program_name="office")
    try:
        set_start(Office(store), "July")
        data = read_board_pack(store)
        assert (data.program, data.title, data.office_file) == ("", "Program", "office.pmo")
        path = tmp_path / "out.xlsx"
        export_workbook(store, path)
    finally:
        store.close()
    headers = [c.value for c in next(load_workbook(path, read_only=True)["Program"].iter_rows(max_row=1))]
    assert headers == [f.label for f in PROGRAM.fields if f.name != FIELD]
    other = Store.create(tmp_path / "other.pmo")
    try:
        import_all(other, path)
        assert Office(other).read(financial_year.year_start) is None
    finally:
        other.close()


def test_the_command_lines_import_reads_them_by_the_offices_year_start_too(tmp_path, capsys):
    from pmo_desktop.cli import main

    office = tmp_path / "office.pmo"
    store = Store.create(office)
    set_start(Office(store), "April")
    store.close()
    assert main(["import", str(office), str(_book(tmp_path))]) == 0, capsys.readouterr()
    assert "starts in April" in capsys.readouterr().out
    store = Store.open(office)
    try:
        risks = by_code(store, "risks")
        assert [risks[f"R{i}"]["proximity"] for i in range(2, len(FISCAL) + 2)] == list(FISCAL.values())
    finally:
        store.close()
