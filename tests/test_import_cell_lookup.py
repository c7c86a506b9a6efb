"""The planner reads a row's values by one lookup per cell (what a column's parse step made of a cell value seen
on an earlier row): a value seen before gives what it gave then, and only that. These rows repeat values whose
step gives more than a value (a flag, an error, a note), or values that are equal across classes (1.0 and TRUE):
each row must be planned as the steps plan it cell by cell."""

import openpyxl
from xlsx_factory import save

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.row_planner import Planner

HEADER = ["Risk ID", "Risk title", "Likelihood", "Impact", "Response", "Cause"]


def sheet(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risk register"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    return save(wb, path)


def planned(store, path):
    rows = plan_import(store, path, register="risks").sheets[0].rows
    return [(p.report.action, p.report.reason, p.values) for p in rows]


def planned_cell_by_cell(store, path, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(Planner, "_fast_values", lambda self, row: None)
        return planned(store, path)


def test_a_flag_cell_after_equal_numbers_is_planned_as_the_steps_plan_it(store, tmp_path, monkeypatch):
    ones = [[f"R-{i:03d}", f"Supplier slips {i}", 3, 1, "Reduce", "Stretched"] for i in range(1, 5)]
    flags = [[f"R-{i:03d}", f"Supplier slips {i}", 3, True, "Reduce", "Stretched"] for i in range(5, 7)]
    path = sheet(tmp_path / "flags.xlsx", [*ones, *flags])  # TRUE and 1.0 are one key in a dict
    plan = planned(store, path)
    assert [p[0] for p in plan[:4]] == [Action.INSERT] * 4 and all(p[2]["impact"] == 1 for p in plan[:4])
    assert plan == planned_cell_by_cell(store, path, monkeypatch)
    assert plan[4][:2] == plan[5][:2] and plan[4][:2] != plan[3][:2]  # TRUE is no impact of 1


def test_a_repeated_cell_that_gives_more_than_a_value_gives_it_on_every_row(store, tmp_path, monkeypatch):
    rows = [[f"R-{i:03d}", f"Supplier slips {i}", 3, 2, "Escalate / Reduce", "  Stretched  "] for i in range(1, 4)]
    rows += [[f"R-{i:03d}", f"Supplier slips {i}", "#N/A", 2, "Reduce", "Stretched"] for i in range(4, 6)]
    path = sheet(tmp_path / "repeats.xlsx", rows)
    plan = planned(store, path)
    assert plan == planned_cell_by_cell(store, path, monkeypatch)
    for action, _reason, values in plan[:3]:  # the response each time: the Escalated flag and the strategy
        assert action == Action.INSERT
        assert values["escalated"] is True and values["response"] == "Reduce" and values["cause"] == "Stretched"
        assert "Response: Escalate / Reduce" in values["notes"]
    for action, reason, _values in plan[3:]:  # the Excel error each time
        assert action == Action.ERROR and "#N/A" in reason
