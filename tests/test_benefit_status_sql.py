"""The benefit status in SQL (``models/benefit_status_sql.py``) says what the Python rule says, for
every case of the rule, on SQLite and PostgreSQL; a windowed benefits register sorts, filters and
searches its Status column with it, in the database."""

from datetime import date

import pytest
from sqlalchemy import select

from pmo_desktop.models import benefit_rules as rules
from pmo_desktop.models import clock, records, windows
from pmo_desktop.models.benefit_status_sql import BENEFIT_STATUS_SQL
from pmo_desktop.models.benefits import Benefit
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.settings import BENEFIT_THRESHOLDS

BENEFITS = REGISTERS["benefits"]
PLAN = REGISTERS["benefit_plan"]
MEASURED = REGISTERS["benefit_measurements"]
ON, AT, OFF, NOT = rules.ON_TRACK, rules.AT_RISK, rules.OFF_TRACK, rules.NOT_MEASURED
D = date
# The day both are worked out on (the context's today): the cases' plans ending before it and measured before
# their end are judged against that end (``benefit_rules.judged_on``); the others at their measurement's day.
TODAY = D(2026, 5, 1)


def line(bv, bd, tv, td, **more):
    return {"baseline_value": bv, "baseline_date": bd, "target_value": tv, "target_date": td, **more}


# (what, the benefit's values, plan points in the order entered, measurements in that order, expected status)
CASES = [
    ("nothing", {}, [], [], NOT),
    ("a plan, never measured", {}, [(D(2026, 1, 1), 0), (D(2026, 12, 31), 100)], [], NOT),
    ("measured, no plan, no line", {"baseline_value": 10}, [], [(D(2026, 3, 1), 5)], NOT),
    ("a line with no target date", line(0, D(2026, 1, 1), 100, None), [], [(D(2026, 6, 1), 50)], NOT),
    ("a line whose target is on its baseline date", line(0, D(2026, 1, 1), 100, D(2026, 1, 1)), [],
     [(D(2026, 6, 1), 50)], NOT),
    ("a line, on plan halfway", line(0, D(2026, 1, 1), 100, D(2026, 12, 31)), [], [(D(2026, 7, 2), 50)], ON),
    ("a line, behind", line(0, D(2026, 1, 1), 100, D(2026, 12, 31)), [], [(D(2026, 7, 2), 30)], OFF),
    ("a line, measured before the baseline", line(0, D(2026, 1, 1), 100, D(2026, 12, 31)), [],
     [(D(2025, 12, 1), -10)], OFF),
    ("a line, measured after the target", line(0, D(2026, 1, 1), 100, D(2026, 12, 31)), [],
     [(D(2027, 3, 1), 85)], AT),
    ("a falling line (a cost to cut), ahead", line(500, D(2026, 1, 1), 300, D(2026, 12, 31)), [],
     [(D(2026, 7, 2), 350)], ON),
    ("a falling line, behind", line(500, D(2026, 1, 1), 300, D(2026, 12, 31)), [], [(D(2026, 7, 2), 480)], OFF),
    ("points, exactly the at-risk threshold", {"baseline_value": 0}, [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)],
     [(D(2026, 12, 1), 90)], ON),
    ("points, between the thresholds", {"baseline_value": 0}, [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)],
     [(D(2026, 12, 1), 80)], AT),
    ("points, exactly the off-track threshold", {"baseline_value": 0}, [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)],
     [(D(2026, 12, 1), 75)], AT),
    ("points, past the off-track threshold", {"baseline_value": 0}, [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)],
     [(D(2026, 12, 1), 74)], OFF),
    ("points entered out of date order, between two", {"baseline_value": 10},
     [(D(2026, 9, 1), 70), (D(2026, 1, 1), 10), (D(2026, 5, 1), 40)], [(D(2026, 6, 17), 44)], AT),
    ("measured before the first point", {"baseline_value": 10}, [(D(2026, 3, 1), 20), (D(2026, 9, 1), 80)],
     [(D(2026, 1, 15), 19)], ON),
    ("measured after the last point", {"baseline_value": 10}, [(D(2026, 3, 1), 20), (D(2026, 9, 1), 80)],
     [(D(2027, 1, 15), 60)], OFF),
    ("two points on one date: the later entered wins from it", {"baseline_value": 0},
     [(D(2026, 1, 1), 0), (D(2026, 6, 1), 20), (D(2026, 6, 1), 60), (D(2026, 12, 1), 100)],
     [(D(2026, 6, 1), 55)], ON),
    ("two points on one date, measured just before it", {"baseline_value": 0},
     [(D(2026, 1, 1), 0), (D(2026, 6, 1), 20), (D(2026, 6, 1), 60), (D(2026, 12, 1), 100)],
     [(D(2026, 5, 31), 19)], ON),
    ("two measurements on one date: the later entered counts", {"baseline_value": 0},
     [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)], [(D(2026, 12, 1), 100), (D(2026, 12, 1), 50)], OFF),
    ("the latest measurement counts, not the last entered", {"baseline_value": 0},
     [(D(2026, 1, 1), 0), (D(2026, 12, 1), 100)], [(D(2026, 12, 1), 100), (D(2026, 2, 1), 0)], ON),
    ("no baseline: the plan's first value", {}, [(D(2026, 1, 1), 200), (D(2026, 12, 1), 100)],
     [(D(2026, 12, 1), 115)], AT),
    ("the farthest point decides the direction (first entered of equals: down)", {"baseline_value": 100},
     [(D(2026, 1, 1), 90), (D(2026, 6, 1), 110)], [(D(2026, 6, 1), 120)], OFF),
    ("the farthest point decides the direction (first entered of equals: up)", {"baseline_value": 100},
     [(D(2026, 6, 1), 110), (D(2026, 1, 1), 90)], [(D(2026, 6, 1), 120)], ON),
    ("early in the trajectory: a quarter of the whole at least", {"baseline_value": 0},
     [(D(2026, 1, 1), 0), (D(2026, 12, 31), 1000)], [(D(2026, 1, 11), 5)], ON),
    ("a flat plan at a value", {"baseline_value": 50}, [(D(2026, 1, 1), 50), (D(2026, 12, 1), 50)],
     [(D(2026, 6, 1), 40)], AT),
    ("a flat plan at zero", {"baseline_value": 0}, [(D(2026, 1, 1), 0)], [(D(2026, 6, 1), -1)], OFF),
    ("a dis-benefit within its tolerance", {"baseline_value": 0, "dis_benefit": True},
     [(D(2026, 1, 1), 0), (D(2026, 6, 1), 40), (D(2026, 12, 1), 0)], [(D(2026, 6, 1), 42)], ON),
    ("a dis-benefit beyond its tolerance", {"baseline_value": 0, "dis_benefit": True},
     [(D(2026, 1, 1), 0), (D(2026, 6, 1), 40), (D(2026, 12, 1), 0)], [(D(2026, 9, 1), 35)], OFF),
    ("a dis-benefit on a line", line(100, D(2026, 1, 1), 80, D(2026, 12, 31), dis_benefit=True), [],
     [(D(2026, 12, 31), 76)], AT),
    ("fractions of days and values", {"baseline_value": 1.5}, [(D(2026, 1, 3), 1.5), (D(2026, 10, 7), 9.25)],
     [(D(2026, 4, 29), 4.2)], AT),
    ("a line ended, last measured on its way: judged against its target", line(50, D(2025, 2, 1), 20, D(2026, 3, 31)),
     [], [(D(2025, 9, 1), 35)], OFF),
    ("a line ended, measured since its end", line(50, D(2025, 2, 1), 20, D(2026, 3, 31)), [], [(D(2026, 4, 15), 22)],
     ON),
    ("points ended, last measured on their way", {"baseline_value": 0}, [(D(2025, 1, 1), 0), (D(2026, 3, 1), 100)],
     [(D(2025, 7, 1), 40)], OFF),
    ("points ended, two on the last day: the later entered is the end", {"baseline_value": 0},
     [(D(2025, 1, 1), 0), (D(2026, 3, 1), 80), (D(2026, 3, 1), 100)], [(D(2026, 2, 1), 85)], AT),
    ("a dis-benefit whose plan ended, last measured at its peak", {"baseline_value": 0, "dis_benefit": True},
     [(D(2025, 1, 1), 0), (D(2025, 6, 1), 40), (D(2026, 1, 1), 0)], [(D(2025, 6, 1), 38)], OFF),
]


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def benefits(store):
    """One benefit per case; returns {id: (what, expected)}."""
    made = {}
    with store.transaction() as s:
        for what, values, plan, measured, expected in CASES:
            b = records.create_record(s, BENEFITS, {"title": what, **values})
            s.flush()
            for on, value in plan:
                records.create_record(s, PLAN, {"on": on, "value": value}, parent_id=b.id)
            for on, value in measured:
                records.create_record(s, MEASURED, {"on": on, "value": value}, parent_id=b.id)
            made[b.id] = (what, expected)
    return made


def statuses(store) -> tuple[dict[int, str], dict[int, str]]:
    """(the Python rule's status, the SQL expression's) of every benefit."""
    column = 2 + BENEFITS.field_names.index("status_rag")
    with store.session() as s:
        ctx = records.load_context(s)
        python = {row[0]: row[column] for row in records.fetch_rows(s, BENEFITS, ctx)}
        in_sql = dict(s.execute(select(Benefit.id, BENEFIT_STATUS_SQL(Benefit, ctx))).all())
    return python, in_sql


def test_the_sql_status_is_the_python_rules_in_every_case(store, benefits):
    python, in_sql = statuses(store)
    assert {bid: python[bid] for bid in benefits} == {bid: expected for bid, (_w, expected) in benefits.items()}
    assert {rules.ON_TRACK, rules.AT_RISK, rules.OFF_TRACK, rules.NOT_MEASURED} <= set(python.values())
    wrong = {benefits[bid][0]: (python[bid], in_sql[bid]) for bid in benefits if in_sql[bid] != python[bid]}
    assert not wrong, wrong

    with store.transaction() as s:  # the file's own thresholds, in both
        BENEFIT_THRESHOLDS.write(s, rules.Thresholds(at_risk=0.02, off_track=0.4))
    python2, in_sql2 = statuses(store)
    assert python2 != python  # the thresholds matter to these cases
    wrong = {benefits[bid][0]: (python2[bid], in_sql2[bid]) for bid in benefits if in_sql2[bid] != python2[bid]}
    assert not wrong, wrong


def test_a_windowed_benefits_register_sorts_filters_and_searches_status_in_the_database(store, benefits):
    status = BENEFITS.field("status_rag")
    assert windows.has_sql(BENEFITS, status)
    python, _ = statuses(store)
    with store.session() as s:
        ctx = records.load_context(s)
        every = windows.fetch_ids(s, BENEFITS, windows.Window(), ctx)
        for descending in (False, True):
            in_db = windows.fetch_ids(s, BENEFITS, windows.Window(sort_field="status_rag", descending=descending), ctx)
            # as the in-memory table sorts: by the text shown, ties in id order
            assert list(in_db) == sorted(every, key=lambda i: python[i], reverse=descending)
        for shown in rules.STATUSES:
            ids = windows.fetch_ids(s, BENEFITS, windows.Window(column_filters={"status_rag": frozenset({shown})}), ctx)
            assert set(ids) == {bid for bid, text in python.items() if text == shown}
        found = windows.fetch_ids(s, BENEFITS, windows.Window(search="at ris"), ctx)
        assert set(found) >= {bid for bid, text in python.items() if text == rules.AT_RISK}
        assert set(found) == {bid for bid, text in python.items() if text == rules.AT_RISK} | {
            bid for bid, (what, _e) in benefits.items() if "at ris" in what.lower()}


def test_the_status_column_of_a_windowed_benefits_table_sorts_and_filters_in_the_database(qtbot, store, benefits,
                                                                                          monkeypatch):
    from PySide6.QtCore import Qt

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table import RegisterView, windowed

    monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
    python_passes = []
    real_pass = windows._python_pass
    monkeypatch.setattr(windows, "_python_pass", lambda *a, **k: python_passes.append(1) or real_pass(*a, **k))
    python, _ = statuses(store)
    view = RegisterView(Document(store), BENEFITS)
    qtbot.addWidget(view)
    view.show()
    assert isinstance(view.model, windowed.WindowedRegisterModel)
    column = view.model.column_of("status_rag")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    shown = [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]
    assert shown == sorted(python.values(), reverse=True)
    view.set_column_filter("status_rag", {rules.AT_RISK})
    assert view.proxy.rowCount() == sum(1 for text in python.values() if text == rules.AT_RISK) > 0
    assert {view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())} == {rules.AT_RISK}
    assert python_passes == []  # the database sorted and filtered: no pass over the rows in Python
