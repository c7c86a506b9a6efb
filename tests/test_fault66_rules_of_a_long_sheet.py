"""Fault round 66: two rules decided once a column from the sheet's rows (classes67) were decided only on a sheet
short enough to hold (20,000 rows): past that, a column counting its priorities from P0 was read P1-based — P0
and P1 both Critical, P2 High, P3 Medium, said as if those were the tracker's own words — and a defect list
written as labelled lines ("Expected: … / Actual: …") was titled by what should have happened. A long export of a
bug tracker is where both are met. Each is now decided from the first 20,000 rows of a longer sheet.

The sheet's length is what matters, not 20,000 itself: the test lowers ``row_planner.KEEP_ROWS`` (read by the
planner at each sheet) to 2,000 and writes 2,500 rows — the same path as 20,500 rows past 20,000, at an eighth of
the time (6.2 s of CPU before)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pmo_desktop.excel import row_planner
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.store import Store

KEEP_ROWS = 2_000  # the most rows a sheet is held with while planned, lowered for these tests from 20,000
ROWS = KEEP_ROWS + 500  # past it: the rules are decided from the first KEEP_ROWS rows, read again


@pytest.fixture(autouse=True)
def _held_rows_lowered(monkeypatch) -> None:
    monkeypatch.setattr(row_planner, "KEEP_ROWS", KEEP_ROWS)


@pytest.fixture
def office(tmp_path: Path):
    store = Store.create(tmp_path / "office.pmo")
    yield store
    store.close()


def _csv(path: Path, head: list[str], row) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(head)
        writer.writerows(row(i) for i in range(1, ROWS + 1))
    return path


def test_a_long_trackers_priorities_counted_from_p0(office: Store, tmp_path: Path) -> None:
    source = _csv(tmp_path / "bugs.csv", ["Issue ID", "Summary", "Priority", "Status"],
                  lambda i: [f"BUG-{i}", f"Bug number {i} of the tracker", f"P{i % 4}", "Open"])
    [sheet] = plan_import(office, source).sheets
    assert [r.values["priority"] for r in sheet.rows[:4]] == ["High", "Medium", "Low", "Critical"]  # P1 … P0
    assert "“Priority” counts from P0: P0 is read as Critical, P1 as High" in sheet.note, sheet.note


def test_a_long_defect_list_of_labelled_lines_is_titled_by_its_actual_line(office: Store, tmp_path: Path) -> None:
    source = _csv(tmp_path / "Defect_Log.csv", ["Defect ID", "Module", "Description", "Severity", "Status"],
                  lambda i: [f"DF-{i}", "Login", f"Expected: Login {i} returns 200.\nActual: Login {i} returns 401.\n"
                             "Business impact: users are blocked.", "Major", "Open"])
    [sheet] = plan_import(office, source).sheets
    assert sheet.rows[0].values["title"] == "Login 1 returns 401.", sheet.rows[0].values
    assert "titled by its “Actual” line" in sheet.note, sheet.note
