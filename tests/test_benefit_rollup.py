"""Program roll-up of financial benefits: planned vs realized per month and quarter, cumulative."""

from datetime import date

import pytest

from pmo_desktop.models import records
from pmo_desktop.models.benefit_rollup import load_series, per_month_factor, program_rollup, rollup
from pmo_desktop.models.registers import REGISTERS

B, PLAN, MEAS = REGISTERS["benefits"], REGISTERS["benefit_plan"], REGISTERS["benefit_measurements"]


def add_benefit(s, values, plan=(), actuals=()):
    b = records.create_record(s, B, values)
    for on, v in plan:
        records.create_record(s, PLAN, {"on": on, "value": v}, parent_id=b.id)
    for on, v in actuals:
        records.create_record(s, MEAS, {"on": on, "value": v}, parent_id=b.id)
    return b.id


@pytest.fixture
def office(store):
    with store.transaction() as s:
        # Costs cut from 100 to 80 £k/month over Jan–Jun 2026: a flat 20 a month planned.
        add_benefit(s, {"title": "Cheaper stock", "category": "Financial cashable", "unit": "£k/month",
                        "baseline_value": 100},
                    plan=[(date(2026, 1, 1), 80), (date(2026, 6, 30), 80)],
                    actuals=[(date(2026, 1, 20), 90), (date(2026, 3, 5), 85)])
        # Revenue quoted per quarter: 30 £k/quarter planned = 10 a month, Apr–Jun.
        add_benefit(s, {"title": "Upsell", "category": "Financial non-cashable", "unit": "£k/quarter",
                        "baseline_value": 0, "window_start": date(2026, 4, 1), "window_end": date(2026, 6, 30)},
                    plan=[(date(2026, 4, 1), 30), (date(2026, 6, 30), 30)])
        # A financial dis-benefit: extra licence costs, 5 £k/month tolerated in Jan–Mar, counted negative.
        add_benefit(s, {"title": "Dual running licences", "category": "Financial cashable", "unit": "£k/month",
                        "baseline_value": 0, "dis_benefit": True},
                    plan=[(date(2026, 1, 1), 5), (date(2026, 3, 31), 5)], actuals=[(date(2026, 2, 10), 6)])
        # Non-financial: never in the roll-up.
        add_benefit(s, {"title": "Happier staff", "category": "Non-financial", "baseline_value": 50},
                    plan=[(date(2026, 1, 1), 50), (date(2026, 6, 30), 90)], actuals=[(date(2026, 2, 1), 70)])
    return store


def test_monthly_rollup_totals(office):
    with office.session() as s:
        r = program_rollup(s, "month")
    assert r.benefits == 3
    assert [p.label for p in r.periods] == ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026"]
    assert [p.planned for p in r.periods] == pytest.approx([15, 15, 15, 30, 30, 30])
    # Realized: cost 90 in Jan (10), 90 carried into Feb (10), 85 from Mar (15); licences 6 in Feb only.
    realized = [p.realized for p in r.periods]
    assert realized[:3] == pytest.approx([10, 10 - 6, 15])
    assert realized[3:] == [None, None, None]
    assert r.total_planned == pytest.approx(135)
    assert r.planned_to_date == pytest.approx(45)
    assert r.realized_to_date == pytest.approx(29)
    assert [p.cumulative_planned for p in r.periods] == pytest.approx([15, 30, 45, 75, 105, 135])


def test_quarterly_rollup_adds_up_the_same(office):
    with office.session() as s:
        r = program_rollup(s, "quarter")
    assert [p.label for p in r.periods] == ["Q1 2026", "Q2 2026"]
    assert [p.planned for p in r.periods] == pytest.approx([45, 90])
    assert r.periods[0].realized == pytest.approx(29)
    assert r.periods[1].realized is None
    assert r.total_planned == pytest.approx(135) and r.realized_to_date == pytest.approx(29)
    assert r.planned_to_date == pytest.approx(45) and r.measured_until == date(2026, 3, 1)


def test_to_date_figures_do_not_depend_on_the_period(office):
    with office.transaction() as s:  # measured into the middle of Q2 only
        bid = records.find_id_by_code(s, B, "B-001")
        records.create_record(s, MEAS, {"on": date(2026, 4, 10), "value": 82}, parent_id=bid)
    with office.session() as s:
        m, q = program_rollup(s, "month"), program_rollup(s, "quarter")
    assert m.planned_to_date == q.planned_to_date == pytest.approx(75)   # to April, not to the end of June
    assert m.realized_to_date == q.realized_to_date == pytest.approx(29 + 18)


def test_series_are_filtered_in_sql(office):
    with office.session() as s:
        financial = load_series(s, financial_only=True)
        everything = load_series(s)
    assert [b.title for b in financial] == ["Cheaper stock", "Upsell", "Dual running licences"]
    assert len(everything) == 4
    assert financial[0].plan == [(date(2026, 1, 1), 80), (date(2026, 6, 30), 80)]
    assert rollup([], "month").periods == []


@pytest.mark.parametrize("unit,factor", [("£k/month", 1), ("£k/quarter", 1 / 3), ("£ per year", 1 / 12),
                                         ("£k pa", 1 / 12), ("£/week", 52 / 12), ("£k", 1), ("", 1)])
def test_units_convert_to_monthly_amounts(unit, factor):
    assert per_month_factor(unit) == pytest.approx(factor)


def test_demo_rollup_is_consistent(demo_store):
    with demo_store.session() as s:
        m, q = program_rollup(s, "month"), program_rollup(s, "quarter")
    assert m.benefits == 3
    assert m.total_planned == pytest.approx(q.total_planned)
    assert m.realized_to_date == pytest.approx(q.realized_to_date)
    assert m.realized_to_date > 0
