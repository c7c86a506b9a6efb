"""Fault round 40: a bare number where a date goes. "4" typed in a date cell was stored as 3 Jan 1900 (Excel's own
serials 1–60 are a day later than a count from 30 Dec 1899: Excel counts a 29 Feb 1900 that never was), "2026" as
18 Jul 1905, "1.5" as 31 Dec 1899 — a day no one meant, without a word. A number is taken for a date only as
Excel's serial of a register's date (1950 to 2099: a paste of a column that lost its date format, a system's
CSV); any other is refused, naming what Excel would make of it, the same typed, pasted, replaced and imported. A
date cell (formatted as one) holding a small serial still gives the day Excel shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import xlsxwriter
from cli_runner import run_cli
from PySide6.QtCore import Qt
from test_date_entry import open_view, stored, type_into_cell
from test_find_replace import alt, fill_in, open_dialog, risks_typed, set_column
from test_walkthrough21 import stored as stored_rows

from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.store import Store
from pmo_desktop.models.values import parse_date

REFUSED = {  # the number → what the refusal says of it
    "4": "not a date (as a date Excel would make it 4 Jan 1900)",
    "45": "not a date (as a date Excel would make it 14 Feb 1900)",
    "60": "not a date (as a date Excel would make it 29 Feb 1900, a day that never was)",
    "1.5": "not a date (as a date Excel would make it 1 Jan 1900)",
    "2026": "is a year, not a date; type the whole date",
    "150000": "not a date (as a date Excel would make it 7 Sep 2310)",
    "-3": "which is no date",
}


@pytest.mark.parametrize("text", sorted(REFUSED))
def test_a_bare_number_is_no_date_typed_as_text_or_held_as_a_number(text: str) -> None:
    for value in (text, float(text)):
        with pytest.raises(ValidationError) as refused:
            parse_date(value, "Raised")
        said = str(refused.value)
        assert said.startswith("Raised: ") and REFUSED[text] in said, said
        assert "e.g. 2026-03-31 or 31/03/2026" in said


def test_a_serial_of_a_registers_dates_is_read_and_a_yyyymmdd_number_as_its_text_is() -> None:
    for value, day in (("45000", date(2023, 3, 15)), (45000, date(2023, 3, 15)), ("46100.75", date(2026, 3, 19)),
                       (18264, date(1950, 1, 1)), (73050, date(2099, 12, 31)), ("20261205", date(2026, 12, 5)),
                       (20261205, date(2026, 12, 5))):
        assert parse_date(value, "Raised") == day, value


@pytest.mark.parametrize("keys", ["4", "45", "2026"])
def test_a_bare_number_typed_in_a_date_cell_is_refused_and_nothing_changes(qtbot, document, keys: str) -> None:
    messages: list[str] = []
    document.error.connect(messages.append)
    view, rid = open_view(qtbot, document, "risks")
    type_into_cell(qtbot, view, rid, "raised_on", keys, refused=True)
    assert len(messages) == 1 and f"\nRaised: “{keys}”" in messages[0], messages
    assert stored(document, "risks", rid, "raised_on") == date(2026, 1, 5)
    assert document.undo_stack.count() == 0
    type_into_cell(qtbot, view, rid, "raised_on", "45000")  # a serial as a paste of Excel's gives it: its day
    assert stored(document, "risks", rid, "raised_on") == date(2023, 3, 15)


def test_a_bare_number_pasted_in_a_date_cell_is_refused_and_nothing_changes(qtbot, document) -> None:
    messages: list[str] = []
    document.error.connect(messages.append)
    view, rid = open_view(qtbot, document, "risks")
    view.select_record(rid, view.model.column_of("raised_on"))
    view.paste_text("4\r\n")
    assert stored(document, "risks", rid, "raised_on") == date(2026, 1, 5)
    assert any("“4” is a number, not a date" in m for m in messages), messages


def test_replace_all_leaves_a_date_cell_a_bare_number_would_go_to_and_lists_it(empty_window, qtbot) -> None:
    window = empty_window
    view = risks_typed(window, qtbot, ["Supplier late", "Crane fails"])
    set_column(view, "raised_on", ["2026-05-04", "2026-05-04"])
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "4 May 2026", "4")
    alt(qtbot, Qt.Key.Key_A)
    assert [r["raised_on"] for r in stored_rows(window, "risks")] == [date(2026, 5, 4)] * 2
    assert dialog.refusals.toPlainText().count("“4” is a number, not a date") == 2


GENERAL = (4, 45, 2026, 1.5, 45000, 46100.5)
DATED = (1, 4, 59, 60, 61, 46000)
TITLES = [f"General {n}" for n in GENERAL] + [f"Dated {n}" for n in DATED]


def workbook(path: Path) -> Path:
    """Raised as General numbers (a column that lost its date format), then as date cells holding Excel's small
    serials: 1, 4, 59, 61 are the days Excel shows; 60 is its 29 Feb 1900, which never was."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Risks")
    dated = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Status", "Raised"])
    for row, title in enumerate(TITLES, start=1):
        ws.write_row(row, 0, [title, 2, 3, "Open"])
        number = float(title.split()[1])
        ws.write_number(row, 4, number, dated if title.startswith("Dated") else None)
    wb.close()
    return path


def test_an_import_refuses_a_bare_number_and_gives_a_date_cell_excels_own_day(sqlite_store, tmp_path: Path) -> None:
    plan = plan_import(sqlite_store, workbook(tmp_path / "numbers.xlsx"), register="risks")
    rows = {TITLES[r.report.row - 2]: r for r in plan.sheets[0].rows}
    for title, said in (("General 4", REFUSED["4"]), ("General 45", REFUSED["45"]), ("General 2026", REFUSED["2026"]),
                        ("General 1.5", REFUSED["1.5"]), ("Dated 60", REFUSED["60"])):
        reason = rows[title].report.reason
        assert reason.startswith("Raised: the cell holds ") and said in reason, (title, reason)
    days = {t: r.values["raised_on"] for t, r in rows.items() if not r.report.reason}
    assert days == {"General 45000": date(2023, 3, 15), "General 46100.5": date(2026, 3, 19),
                    "Dated 1": date(1900, 1, 1), "Dated 4": date(1900, 1, 4), "Dated 59": date(1900, 2, 28),
                    "Dated 61": date(1900, 3, 1), "Dated 46000": date(2025, 12, 9)}


def test_the_command_line_and_a_csv_say_the_same(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office, program_name="office").close()
    csv = tmp_path / "risks.csv"
    dated = "".join(f"Dated {d},2,3,Open,{d}/11/2026\n" for d in range(1, 9))  # the column is a date column
    csv.write_text("Title,Probability,Impact,Status,Raised\nA,2,3,Open,4\nB,2,3,Open,2026\nC,2,3,Open,45000\n"
                   + dated, encoding="utf-8")
    done = run_cli("import", "--dry-run", office, csv, cwd=tmp_path)
    assert "row 2: error — Raised: “4” is a number, not a date (as a date Excel would make it 4 Jan 1900)" in done.stdout
    assert "row 3: error — Raised: “2026” is a year, not a date" in done.stdout
    assert "row 4: error" not in done.stdout
