"""Classes of problem round 60's held-out set showed (docs/import-rounds.md, "Round 60's held-out classes"), fixed
after its figure was written down: each test writes a file of that shape (never the fetched file)."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def _import(store, path):
    apply_import(store, plan_workbook_import(store, path, create_missing=True), partial=True)


def test_rows_named_by_dates_are_no_records(sqlite_store, tmp_path):
    """A budget optimiser's "decision_log.csv" ("decision_for_date | rationale | search_budget | …") named each row
    by the day it ran, month first ("3/13/2025"): 20 decisions titled by a date. No register names its records by a
    date alone: nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["decision_for_date", "rationale", "search_budget", "social_budget"]]
    for day in range(10, 16):
        rows.append([f"3/{day}/2025", f"Search: target={150 + day}.5, applied={148 + day}.0", 140 + day, 90 - day])
    with pytest.raises(WorkbookError, match=r"named by dates \(“decision_for_date”: “3/10/2025”, “3/11/2025” …\)"):
        _import(sqlite_store, write_csv(tmp_path / "decision_log.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []
    # decisions named in words beside their dates are read
    log = [["Date", "Decision", "Decided by"], ["3/13/2025", "Move the launch to May", "Board"],
           ["3/14/2025", "Hire two testers", "PMO"], ["3/15/2025", "Drop the legacy API", "Board"]]
    import_all(sqlite_store, write_csv(tmp_path / "decisions.csv", log))
    assert len(rows_of(sqlite_store, "decisions")) == 3


def test_a_log_stamped_to_the_second_with_no_decider_adds_no_decisions(sqlite_store, tmp_path):
    """A coding agent's "change_log.csv" ("Date | Time | Category | Description | Status"), each entry stamped to the
    second and "Completed": 5 decisions nobody took. A decision log with no decider whose rows carry a time to the
    second on every row is a program's log: nothing is made, and the refusal says why. A change board's log naming
    who decided is read, however it stamps its rows."""
    rows: list[list[object]] = [["Date", "Time", "Category", "Description", "Status"],
                                ["2026-06-06", "14:29:12", "Analysis", "Analysed the scripting framework", "Completed"],
                                ["2026-06-06", "15:09:19", "Database", "Linked the player stats", "Completed"],
                                ["2026-06-06", "15:32:16", "Feature", "Added the click trigger", "Completed"],
                                ["2026-06-06", "16:03:58", "Refactoring", "Decoupled the input handling", "Completed"]]
    with pytest.raises(WorkbookError, match=r"program's log.*“Time” stamps each to the second \(“14:29:12” …\)"):
        _import(sqlite_store, write_csv(tmp_path / "change_log.csv", rows))
    assert rows_of(sqlite_store, "decisions") == []
    board = [["Date", "Time", "Decision", "Decided by", "Status"],
             ["2026-06-06", "14:29:12", "Approve the new supplier", "Board", "Approved"],
             ["2026-06-06", "15:09:19", "Defer the data migration", "Board", "Approved"],
             ["2026-06-07", "10:02:41", "Hire two testers", "PMO", "Approved"]]
    import_all(sqlite_store, write_csv(tmp_path / "decision_log.csv", board))
    assert len(rows_of(sqlite_store, "decisions")) == 3
