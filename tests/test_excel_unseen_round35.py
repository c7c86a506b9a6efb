"""Classes of problem found on round 35 of real public workbooks (docs/import-rounds.md): each test writes a
workbook of that shape and checks what a user gets."""

from __future__ import annotations

import datetime as dt

import pytest
from imported import import_all, named, rows_of
from real_world_factory import write_xlsx

from pmo_desktop.excel.errors import WorkbookError

D = dt.datetime


def test_a_teams_diary_of_work_done_side_by_side_adds_no_decisions(sqlite_store, tmp_path):
    """"Change Log.xlsx" of a student team: each member's "Change | Date" columns side by side under their
    name ("Created Draft Project Proposal", 2019-02-04). It gave 41 decisions named by the first member's
    entries, the others' in their rationale. Changes made with only their dates beside them are a diary, not
    decisions: nothing is imported, and the reason is said. A change request log (an ID, who asked, the
    outcome) still goes to the decision log."""
    people = ["Ryan", "Matthew", "Ethan"]
    rows: list[list[object]] = [[None, "Team Knuth Change Log"],
                                [None, *[x for p in people for x in (p, None, None)]],
                                [None, *[x for _ in people for x in ("Change", "Date", None)]]]
    for i in range(8):
        rows.append([None, *[x for j, p in enumerate(people)
                             for x in (f"Created part {i} of the {p.lower()} work", D(2019, 2, 4 + i + j), None)]])
    path = write_xlsx(tmp_path / "Change Log.xlsx", {"Sheet1": rows})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    # one person's diary alone, in a sheet named so: the same
    path = write_xlsx(tmp_path / "diary.xlsx", {"Change Log": [
        ["Change", "Date"], *[[f"Added screen {i}", D(2019, 3, 1 + i)] for i in range(5)]]})
    with pytest.raises(WorkbookError, match="No sheet"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "decisions") == []

    # a change request log keeps going to the decision log
    path = write_xlsx(tmp_path / "cr.xlsx", {"Change Log": [
        ["Change", "Date", "Requested by", "Decision"],
        ["Move go-live to June", D(2024, 2, 2), "Cy", "Approved"],
        ["Drop the legacy report", D(2024, 1, 20), "Bob", "Rejected"]]})
    import_all(sqlite_store, path)
    assert set(named(sqlite_store, "decisions")) == {"Move go-live to June", "Drop the legacy report"}


def test_staff_goals_grouped_by_category_are_no_stakeholders(sqlite_store, tmp_path):
    """An HR sheet of staff goals (employee, department, position, goal category, weight, plan, actual):
    no column named the stakeholders, so the goal's category stood in for their names — 438 stakeholders
    named "Управленческая". A stand-in column repeating a few values over the rows groups them, it names no
    one: the sheet is refused, saying so. A list of stakeholder groups, each named once, is read as before."""
    cats = ["Управленческая", "Проектная", "Развивающая"]
    rows: list[list[object]] = [["Сотрудник", "Подразделение", "Должность", "Категория цели", "Вес, %", "План", "Факт"]]
    for i in range(12):
        rows.append([f"Сотрудник {i // 4}", "Управление", "Заместитель" if i < 8 else "Аналитик", cats[i % 3],
                     10, 75, 70 + i])
    path = write_xlsx(tmp_path / "KPI.xlsx", {"Goals": rows})
    with pytest.raises(WorkbookError, match="grouping of the rows"):
        import_all(sqlite_store, path)
    assert rows_of(sqlite_store, "stakeholders") == []

    groups = [["Stakeholder Group", "Organisation", "Role", "Interest"],
              ["Board", "Acme", "Sponsor", "High"], ["Staff", "Acme", "Users", "Medium"],
              ["Suppliers", "Various", "Vendors", "Low"], ["Regulator", "FCA", "Oversight", "High"]]
    import_all(sqlite_store, write_xlsx(tmp_path / "stakeholders.xlsx", {"Stakeholders": groups}))
    assert set(named(sqlite_store, "stakeholders")) == {"Board", "Staff", "Suppliers", "Regulator"}
