"""Issue 16, round speed51: an ordinary new row's values are the dict ``Planner._fast_values`` made of it, the row's ID
left in (the first key when the ID's column comes first, as the full way gives it), not a copy with the ID put back
in front. The register's rule still reads the record without the row's ID, an update still writes only what it
changes, and an ID column further right still gives the ID first: the same workbooks planned and imported with the
one-step plan and without it (``Planner.ordinary_rows``) give the same plan, values in the same order, rule
records, records and history."""

import pytest
from test_import_ordinary_rows import (
    HEADER,
    TAKEN,
    import_both,
    new_store,
    ordinary_rows,
    plan_both,
    plan_state,
    workbook,
)

from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.excel.row_planner import Planner
from pmo_desktop.models.registers import REGISTERS


@pytest.fixture
def stores(tmp_path):
    """Two offices: the first planned with the one-step plan, the second without it (``plan_both``)."""
    pair = [new_store(tmp_path / "on.pmo"), new_store(tmp_path / "off.pmo")]
    yield pair
    for s in pair:
        s.close()


@pytest.fixture
def rule_reads(monkeypatch):
    """The ID (or its absence) in each record the risks' rule was asked about while planning, in order."""
    seen: list[object] = []
    reg = REGISTERS["risks"]
    real = reg.check

    def recorded(record, ctx):
        seen.append(record.get("code", "no ID"))
        return real(record, ctx)

    monkeypatch.setattr(reg, "check", recorded)
    return seen


@pytest.fixture
def fast_dicts(monkeypatch):
    """The dicts ``_fast_values`` gave, by id."""
    made: dict[int, dict] = {}
    real = Planner._fast_values

    def kept(self, row):
        values = real(self, row)
        if values is not None:
            made[id(values)] = values
        return values

    monkeypatch.setattr(Planner, "_fast_values", kept)
    return made


def plan_values(plan):
    return [(p.report.row, p.report.action, list(p.values.items())) for s in plan.sheets for p in s.rows]


def test_new_rows_keep_the_fast_dict_and_the_rule_reads_no_id(stores, tmp_path, monkeypatch, rule_reads, fast_dicts):
    path = workbook(tmp_path / "first.xlsx", ordinary_rows(40, 51))
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, path))
    assert TAKEN[0] == 39
    assert plan_values(plans[0]) == plan_values(plans[1])  # the same values, keys in the same order
    inserts = [p for p in plans[0].sheets[0].rows if p.report.action is Action.INSERT]
    assert len(inserts) == 40 and all(next(iter(p.values)) == "code" for p in inserts)
    # the one-step rows' values are the dicts _fast_values made, not copies
    assert sum(id(p.values) in fast_dicts and fast_dicts[id(p.values)] is p.values for p in inserts) == 39
    # the rule read every record without its ID, planned either way (40 rows each)
    assert len(rule_reads) >= 80 and set(rule_reads) == {"no ID"}


def test_an_id_column_further_right_and_updates_the_same_both_ways(stores, tmp_path, monkeypatch, rule_reads):
    order = [1, 0, *range(2, len(HEADER))]  # "Risk title | Risk ID | …": the ID's column second
    header = [HEADER[i] for i in order]
    rows = [[r[i] for i in order] for r in ordinary_rows(30, 52)]
    plan, result = import_both(stores, monkeypatch, workbook(tmp_path / "first.xlsx", rows, header=header))
    assert result["inserted"] == 30 and TAKEN[0] == 29
    assert all(next(iter(p.values)) == "code" for p in plan.sheets[0].rows)
    assert set(rule_reads) == {"no ID", None}  # the plan's records without an ID; the write's with an ID of None
    # edits of the same IDs: each update writes what it changes, never the ID; the rule reads the stored ID
    edited = [[r[i] for i in order] for r in ordinary_rows(30, 53)]
    for row in edited[::3]:  # an ID written in other case is the same record's, and no change of its ID
        row[1] = row[1].lower()
    rule_reads.clear()
    path = workbook(tmp_path / "edited.xlsx", edited, header=header)
    plans = plan_both(stores, monkeypatch, lambda s: plan_import(s, path))
    assert plan_state(plans[0]) == plan_state(plans[1]) and plan_values(plans[0]) == plan_values(plans[1])
    updates = [p for p in plans[0].sheets[0].rows if p.report.action is Action.UPDATE]
    assert updates and TAKEN[0] >= 20 and all("code" not in p.values for p in updates)
    codes = {r[1].upper() for r in edited}
    assert rule_reads and set(rule_reads) <= codes
    plan, _result = import_both(stores, monkeypatch, path)
