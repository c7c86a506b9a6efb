"""Fault round 39: where an office's data meets a spreadsheet's limits. Each value an office can hold either
goes through its export and comes back unchanged ("no changes" on re-import), or is refused with what to do.

Faults injected: a date at the very end of Excel's calendar (31/12/9999, a sheet's "no date yet") on a risk and
on a communication — the next review or next due date a day past the calendar's end stopped every export and
board pack with "Unexpected error (OverflowError)"; a date before 1900, which Excel has no date number for —
exported as 0 or a negative number (##### in Excel), re-imported as "no date"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2026, 12, 5)


def _reasons(store, path: Path) -> list[str]:
    plan = plan_import(store, path)
    return [r.report.reason for sheet in plan.sheets for r in sheet.rows if r.report.reason != "no changes."]


def test_the_last_day_of_excels_calendar_exports_and_comes_back(store, tmp_path: Path) -> None:
    last = date(9999, 12, 31)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Someday", "raised_on": last, "probability": 3,
                                                      "impact": 3})
        records.create_record(s, REGISTERS["communications"], {"message": "Someday", "frequency": "Monthly",
                                                               "last_held": last})
        records.create_record(s, REGISTERS["communications"], {"message": "Weekly", "frequency": "Weekly",
                                                               "last_held": date(9999, 12, 30)})
    out = export_workbook(store, tmp_path / "office.xlsx")
    risk = openpyxl.load_workbook(out)["Risk register"]
    header = [c.value for c in risk[1]]
    assert risk.cell(2, header.index("Raised") + 1).value.date() == last
    assert risk.cell(2, header.index("Next review") + 1).value is None  # no day follows the calendar's last
    assert _reasons(store, out) == []
    pack = write_board_pack(store, tmp_path / "pack.xlsx", TODAY)
    assert pack.exists()


def test_a_date_before_1900_is_written_as_text_and_reads_back_the_same(store, tmp_path: Path) -> None:
    days = [date(1, 1, 1), date(1850, 3, 1), date(1899, 12, 30), date(1899, 12, 31), date(1900, 1, 1),
            date(1900, 2, 28), date(1900, 3, 1)]
    with store.transaction() as s:
        for i, day in enumerate(days):
            records.create_record(s, REGISTERS["risks"], {"title": f"Risk {i}", "raised_on": day, "status": "Closed"})
        records.create_record(s, REGISTERS["decisions"], {"title": "Charter", "due": date(1850, 3, 1)})
    out = export_workbook(store, tmp_path / "office.xlsx")
    ws = openpyxl.load_workbook(out)["Risk register"]
    col = [c.value for c in ws[1]].index("Raised") + 1
    shown = [ws.cell(2 + i, col).value for i in range(len(days))]
    assert shown[:4] == ["0001-01-01", "1850-03-01", "1899-12-30", "1899-12-31"]  # text, never 0 or -18202
    assert [d.date() for d in shown[4:]] == days[4:]  # Excel's own dates stay date cells
    assert _reasons(store, out) == []
    pack = openpyxl.load_workbook(write_board_pack(store, tmp_path / "pack.xlsx", TODAY))
    texts = [c.value for ws in pack for row in ws.iter_rows() for c in row if c.value is not None]
    assert "1 Mar 1850" in texts
    assert not any(isinstance(t, (int, float)) and t < 0 for t in texts)


@pytest.mark.parametrize("day", [date(1850, 3, 1), date(9999, 12, 31)])
def test_the_edges_of_the_calendar_through_the_command_line(tmp_path: Path, day: date) -> None:
    from cli_runner import run_cli as run

    from pmo_desktop.models.store import Store

    office = tmp_path / "office.pmo"
    store = Store.create(str(office))
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Edge", "raised_on": day})
    store.close()
    assert run("export", office, tmp_path / "out.xlsx", cwd=tmp_path).returncode == 0
    again = run("import", office, tmp_path / "out.xlsx", "--dry-run", cwd=tmp_path)
    assert again.returncode == 0 and ": error" not in again.stdout, again.stdout + again.stderr
    assert run("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path).returncode == 0
