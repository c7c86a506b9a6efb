"""Review of stop 59's merged rules (review59): the defects found, each a workbook of the shape through the real
import. Each test failed on main bf45c1da."""

from __future__ import annotations

from datetime import date

from imported import import_all, rows_of
from real_world_factory import write_xlsx


def test_a_stage_gate_plan_numbered_by_its_phases_is_no_template(sqlite_store, tmp_path):
    """"Phase 1 | Gate 1 | Ana Silva | 3 Mar 2025 | Done", "Phase 2 | Gate 2 | …": each phase ends at its gate, and
    the rows carry real dates — filled in by someone, not a template's numbered placeholders (template_rows skipped
    all three milestones)."""
    rows: list[list[object]] = [["Milestone", "Stage gate", "Owner", "Due date", "Status"]]
    rows += [[f"Phase {n}", f"Gate {n}", owner, date(2025, 3 * n, 1), status]
             for n, owner, status in [(1, "Ana Silva", "Done"), (2, "Tom Berg", "In progress"),
                                      (3, "Li Wei", "Not started")]]
    import_all(sqlite_store, write_xlsx(tmp_path / "Programme plan.xlsx", {"Milestones": rows}))
    assert sorted(r["title"] for r in rows_of(sqlite_store, "milestones")) == ["Phase 1", "Phase 2", "Phase 3"]


def test_a_risk_list_numbered_by_its_work_packages_is_no_template(sqlite_store, tmp_path):
    """"Package 1 | Ana Silva | Workstream 1 | 12 Feb 2025": dated by the person who raised it."""
    rows: list[list[object]] = [["Risk", "Owner", "Workstream", "Date raised", "Probability", "Impact"]]
    rows += [[f"Package {n}", owner, f"Workstream {n}", date(2025, 2, n + 10), 2, 3]
             for n, owner in [(1, "Ana Silva"), (2, "Tom Berg"), (3, "Li Wei")]]
    import_all(sqlite_store, write_xlsx(tmp_path / "risks.xlsx", {"Risk Register": rows}))
    assert len(rows_of(sqlite_store, "risks")) == 3
