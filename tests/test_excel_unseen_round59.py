"""Classes of problem found by import round 59's first run (docs/import-rounds.md, "Round 59"): each test writes a
file of that shape (never the fetched file) and checks what a user gets."""

from __future__ import annotations

import pytest
from imported import import_all, rows_of
from real_world_factory import write_csv, write_xlsx

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import apply_import, plan_workbook_import


def test_a_data_set_of_measured_things_named_risks_adds_nothing(sqlite_store, tmp_path):
    """A monitoring app's "risks.xlsx" ("risk_id | species_name | habitat_type | protection_class | count | density |
    depth_m"): each row a species and its readings. No column is headed Title, so the names beside the numbered IDs
    were taken for titles and every species became a risk. Nothing of a register is placed beside the IDs and the
    columns left are numbers: nothing is made, and the refusal says why."""
    rows: list[list[object]] = [["risk_id", "species_name", "habitat_type", "protection_class", "count", "density",
                                 "depth_m"]]
    species = ["Grey heron", "Common toad", "Red kite", "Sand lizard", "Great crested newt", "Otter"]
    for k, name in enumerate(species):
        rows.append([k + 1, name, "wetland" if k % 2 else "woodland", 1 + k % 3, 12 + 7 * k, 0.25 + k / 8,
                     3.5 * (k + 1)])
    path = write_xlsx(tmp_path / "risks.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match=r"data set of measured things.*“species_name”.*“protection_class”"):
        apply_import(sqlite_store, plan_workbook_import(sqlite_store, path, create_missing=True), partial=True)
    assert rows_of(sqlite_store, "risks") == []
    # the rule leaves a register named the same way alone: beside the IDs and the names it places a rating (the
    # likelihood) and an owner, so its rows are risks, whatever numbers stand beside them
    register: list[list[object]] = [["risk_id", "hazard_name", "likelihood", "owner", "cost_low", "cost_high",
                                     "days"]]
    for k, name in enumerate(["Crane failure on site", "Late steel delivery", "Flooded excavation"]):
        register.append([k + 1, name, 2 + k, "Site manager", 1000 * (k + 1), 5000 * (k + 1), 3 + k])
    import_all(sqlite_store, write_csv(tmp_path / "risks.csv", register))
    assert len(rows_of(sqlite_store, "risks")) == 3


def test_a_dependency_log_linking_two_things_in_twin_columns_is_read(sqlite_store, tmp_path):
    """A programme's "dependencies.csv" ("Task 1 | Start | End | Task 2 | Start | End | Dependency type | Dependency
    status | Comment"): each row two tasks of the plan, each with its own dates. No column is "what is needed", so
    every dependency was refused. The twin columns name together what each dependency is: its title names both
    (no direction: the dependency type says which waits), each task's dates reach the notes under its own name, "Slowing"
    is at risk and "Blocked" late; a row naming one task alone links nothing and is left out."""
    rows: list[list[object]] = [
        ["Task 1", "Start", "End", "Task 2", "Start", "End", "Dependency type", "Dependency status", "Comment"],
        ["T2.1 Draft the procurement rules", "01/02/25", "30/06/25", "T1.3 Agree the budget lines", "01/01/25",
         "31/03/25", "Requires", "No problem", "Rules need the budget lines"],
        ["T3.2 Train the regional staff", "01/05/25", "30/09/25", "T3.1 Write the training handbook", "01/03/25",
         "31/05/25", "Finish to Start (FtS)", "Slowing", "Handbook chapters late"],
        ["T4.4 Open the shared portal", "01/06/25", "31/12/25", "T4.2 Sign the hosting contract", "01/04/25",
         "30/06/25", "Finish to Start (FtS)", "Blocked", "Contract still with legal"],
        ["T5.1 Hold the partner forum", "01/09/25", "30/09/25", "", "", "", "", "", ""],
        ["T2.3 Publish the call", "01/07/25", "31/07/25", "T2.1 Draft the procurement rules", "01/02/25",
         "30/06/25", "Finish to Start (FtS)", "No problem", ""],
    ]
    import_all(sqlite_store, write_csv(tmp_path / "dependencies.csv", rows))
    deps = {r["title"]: r for r in rows_of(sqlite_store, "dependencies")}
    assert len(deps) == 4
    slowed = deps["T3.2 Train the regional staff ↔ T3.1 Write the training handbook"]
    assert slowed["status"] == "At risk"
    assert "Task 1 Start: 01/05/25" in slowed["notes"] and "Task 2 End: 31/05/25" in slowed["notes"]
    assert "Finish to Start (FtS)" in slowed["notes"]
    assert deps["T4.4 Open the shared portal ↔ T4.2 Sign the hosting contract"]["status"] == "Late"
    assert not any(t.startswith("T5.1") for t in deps)
