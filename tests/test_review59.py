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


def test_a_measurements_csv_alone_reads_a_percentage_as_its_benefits_per_cent(demo_store, tmp_path):
    """The "Benefit measurements" sheet saved alone as a CSV (fault72's sub-table CSVs), a measurement of B-005 —
    measured in % in the office — typed "62.5 %": with no benefits sheet beside it the unit was looked for only on
    the workbook's own benefit rows, and the measurement came in as 0.625, in silence."""
    import csv

    import openpyxl

    from pmo_desktop.excel.export import export_workbook
    from pmo_desktop.excel.importer import apply_import, plan_workbook_import
    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS

    benefits = REGISTERS["benefits"]
    with demo_store.session() as s:
        b5 = records.record_values(s, benefits, records.find_id_by_code(s, benefits, "B-005"))
    assert b5["unit"] == "%"
    path = export_workbook(demo_store, tmp_path / "round.xlsx")
    ws = openpyxl.load_workbook(path)["Benefit measurements"]
    out = tmp_path / "round-Benefit measurements.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        for cells in ws.iter_rows(values_only=True):
            writer.writerow(["" if c is None else f"{c:%Y-%m-%d}" if hasattr(c, "strftime") else c for c in cells])
        writer.writerow(["B-005", "2026-11-01", "62.5 %", "Survey", ""])
    plan = plan_workbook_import(demo_store, out)
    assert [s.register for s in plan.sheets] == ["benefit_measurements"]
    apply_import(demo_store, plan)
    with demo_store.session() as s:
        measured = [r[3] for r in records.fetch_rows(s, REGISTERS["benefit_measurements"], parent_id=b5["id"])]
    assert 62.5 in measured and 0.625 not in measured
