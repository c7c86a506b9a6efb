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
