"""Benefit variance and status: interpolation at and between trajectory points, thresholds, dis-benefits."""

from datetime import date

import pytest

from pmo_desktop.models import benefit_rules as rules
from pmo_desktop.models.errors import ValidationError

# Revenue to grow: 0 on 1 Jan, 100 on 11 Jan (10 days), 300 on 31 Jan (20 days).
PLAN = [(date(2026, 1, 1), 0.0), (date(2026, 1, 11), 100.0), (date(2026, 1, 31), 300.0)]
TODAY = date(2026, 1, 31)  # no plan below has ended before it: each actual judged at its own day


@pytest.mark.parametrize("on,expected", [
    (date(2025, 12, 1), 0.0),     # before the plan: its first value
    (date(2026, 1, 1), 0.0),      # at a point
    (date(2026, 1, 6), 50.0),     # halfway between the first two points
    (date(2026, 1, 11), 100.0),   # at the middle point
    (date(2026, 1, 16), 150.0),   # a quarter of the way along the second segment
    (date(2026, 1, 31), 300.0),   # at the last point
    (date(2026, 6, 1), 300.0),    # after the plan: its last value
])
def test_planned_value_interpolates_linearly(on, expected):
    assert rules.planned_value(PLAN, on) == pytest.approx(expected)


def test_planned_value_ignores_entry_order_and_handles_empty_plan():
    assert rules.planned_value(list(reversed(PLAN)), date(2026, 1, 6)) == pytest.approx(50.0)
    assert rules.planned_value([], date(2026, 1, 6)) is None


def test_variance_uses_the_latest_measurement_against_the_plan_at_its_date():
    measured = [(date(2026, 1, 16), 120.0), (date(2026, 1, 6), 55.0)]
    on, actual, planned_on, planned = rules.variance(PLAN, measured, TODAY)
    assert (on, actual, planned_on, planned) == (date(2026, 1, 16), 120.0, date(2026, 1, 16), pytest.approx(150.0))
    a = rules.assess(PLAN, measured, baseline=0.0, today=TODAY)
    assert a.variance == pytest.approx(-30.0)
    assert a.shortfall == pytest.approx(30 / 150)  # behind by a fifth of the improvement planned by then
    assert a.status == rules.AT_RISK


@pytest.mark.parametrize("actual,expected", [
    (100.0, rules.ON_TRACK),   # exactly on plan at a trajectory point
    (130.0, rules.ON_TRACK),   # ahead of plan
    (90.0, rules.ON_TRACK),    # 10% behind: the at-risk threshold itself is still on track
    (89.0, rules.AT_RISK),
    (75.0, rules.AT_RISK),     # 25%: the off-track threshold itself
    (74.0, rules.OFF_TRACK),
])
def test_status_thresholds_at_a_trajectory_point(actual, expected):
    assert rules.status(PLAN, [(date(2026, 1, 11), actual)], 0.0, today=TODAY) == expected


def test_status_between_points_uses_interpolated_plan():
    # On 21 Jan the plan is 200: 185 is 7.5% behind, 170 is 15% behind.
    assert rules.status(PLAN, [(date(2026, 1, 21), 185.0)], 0.0, today=TODAY) == rules.ON_TRACK
    assert rules.status(PLAN, [(date(2026, 1, 21), 170.0)], 0.0, today=TODAY) == rules.AT_RISK
    assert rules.status(PLAN, [(date(2026, 1, 21), 140.0)], 0.0, today=TODAY) == rules.OFF_TRACK


def test_configurable_thresholds_change_the_verdict():
    measured = [(date(2026, 1, 21), 170.0)]  # 15% behind
    assert rules.status(PLAN, measured, 0.0, thresholds=rules.Thresholds(0.2, 0.4), today=TODAY) == rules.ON_TRACK
    assert rules.status(PLAN, measured, 0.0, thresholds=rules.Thresholds(0.05, 0.1), today=TODAY) == rules.OFF_TRACK
    t = rules.Thresholds.from_setting({"at_risk": 0.05, "off_track": 0.1})
    assert t == rules.Thresholds(0.05, 0.1)
    assert rules.Thresholds.from_setting({"at_risk": "junk"}) == rules.Thresholds()
    assert rules.Thresholds.from_setting({"at_risk": 0.5, "off_track": 0.1}) == rules.Thresholds()
    with pytest.raises(ValidationError, match="at-risk threshold"):
        rules.Thresholds(0.5, 0.1)


def test_a_falling_kpi_is_judged_in_its_direction():
    plan = [(date(2026, 1, 1), 420.0), (date(2026, 7, 1), 250.0)]  # lost sales to cut
    on = date(2026, 4, 1)  # plan there: 420 - 170 * 90/181
    planned = rules.planned_value(plan, on)
    assert rules.status(plan, [(on, planned - 20)], 420.0, today=TODAY) == rules.ON_TRACK   # better than plan
    assert rules.status(plan, [(on, planned + 5)], 420.0, today=TODAY) == rules.ON_TRACK
    assert rules.status(plan, [(on, planned + 15)], 420.0, today=TODAY) == rules.AT_RISK   # 15 of 84.5 planned: 18%
    assert rules.status(plan, [(on, 430.0)], 420.0, today=TODAY) == rules.OFF_TRACK       # worse than baseline


def test_early_in_a_trajectory_small_noise_is_not_off_track():
    plan = [(date(2026, 1, 1), 0.0), (date(2026, 12, 31), 365.0)]
    # After 2 days 2 is planned; 1 is 50% of that but only 1/91 of the floor (a quarter of 365).
    assert rules.status(plan, [(date(2026, 1, 3), 1.0)], 0.0, today=TODAY) == rules.ON_TRACK


def test_dis_benefit_exceeding_the_tolerated_harm_is_the_shortfall():
    plan = [(date(2026, 1, 1), 0.0), (date(2026, 4, 1), 10.0), (date(2026, 10, 1), 0.0)]  # tolerated peak 10
    on = date(2026, 4, 1)
    assert rules.status(plan, [(on, 6.0)], 0.0, dis_benefit=True, today=TODAY) == rules.ON_TRACK    # less harm than feared
    assert rules.status(plan, [(on, 11.0)], 0.0, dis_benefit=True, today=TODAY) == rules.ON_TRACK   # 10% over the peak
    assert rules.status(plan, [(on, 12.0)], 0.0, dis_benefit=True, today=TODAY) == rules.AT_RISK
    assert rules.status(plan, [(on, 14.0)], 0.0, dis_benefit=True, today=TODAY) == rules.OFF_TRACK
    # At the end the plan is back to 0: still 3 units of harm is 30% of the peak: off track.
    assert rules.status(plan, [(date(2026, 10, 1), 3.0)], 0.0, dis_benefit=True, today=TODAY) == rules.OFF_TRACK
    # The same numbers as a benefit would be "ahead of plan".
    assert rules.status(plan, [(on, 14.0)], 0.0, today=TODAY) == rules.ON_TRACK


def test_once_the_plan_has_ended_unmeasured_the_latest_actual_is_judged_against_its_end():
    """A benefit last measured on its way, whose plan (or the target date of its line) ended since, is judged against
    the plan's end until it is measured again: on plan in mid-January, it is not "On track" in March for a target
    never shown to be met (walk41)."""
    measured = [(date(2026, 1, 16), 150.0)]  # on plan that day
    assert rules.status(PLAN, measured, 0.0, today=TODAY) == rules.ON_TRACK
    a = rules.assess(PLAN, measured, 0.0, today=date(2026, 3, 1))
    assert (a.on, a.planned_on, a.planned, a.status) == (date(2026, 1, 16), date(2026, 1, 31), 300.0, rules.OFF_TRACK)
    assert a.past_the_end and a.shortfall == pytest.approx(0.5)
    assert rules.judged_on(PLAN, date(2026, 1, 31), date(2026, 3, 1)) == date(2026, 1, 31)  # measured at its end
    assert rules.judged_on(PLAN, date(2026, 2, 10), date(2026, 3, 1)) == date(2026, 2, 10)  # measured after it
    assert rules.judged_on(PLAN, date(2026, 1, 16), date(2026, 1, 31)) == date(2026, 1, 16)  # ending today
    line = rules.effective_plan([], 50.0, date(2026, 2, 1), 20.0, date(2026, 10, 31))  # disputes to cut
    assert rules.status(line, [(date(2026, 6, 1), 35.0)], 50.0, today=date(2026, 10, 31)) == rules.ON_TRACK
    assert rules.status(line, [(date(2026, 6, 1), 35.0)], 50.0, today=date(2026, 12, 6)) == rules.OFF_TRACK
    assert rules.status(line, [(date(2026, 11, 2), 21.0)], 50.0, today=date(2026, 12, 6)) == rules.ON_TRACK


def test_not_measured_without_plan_or_actuals():
    assert rules.status(PLAN, [], 0.0, today=TODAY) == rules.NOT_MEASURED
    assert rules.status([], [(date(2026, 1, 1), 3.0)], 0.0, today=TODAY) == rules.NOT_MEASURED


def test_window_message():
    start, end = date(2026, 2, 1), date(2026, 12, 31)
    assert rules.window_problem(date(2026, 3, 1), start, end, "B-001") is None
    assert rules.window_problem(date(2026, 3, 1), None, None) is None
    msg = rules.window_problem(date(2026, 1, 5), start, end, "B-001")
    assert msg == ("The measurement date 2026-01-05 is outside B-001's realization window "
                   "(2026-02-01 to 2026-12-31); change the date or widen the window.")
    assert "open end" in rules.window_problem(date(2026, 1, 5), start, None)


def test_without_a_trajectory_the_plan_runs_straight_from_baseline_to_target():
    implied = rules.effective_plan([], 100.0, date(2026, 1, 1), 200.0, date(2026, 12, 31))
    assert implied == [(date(2026, 1, 1), 100.0), (date(2026, 12, 31), 200.0)]
    assert rules.effective_plan(PLAN, 100.0, date(2026, 1, 1), 200.0, date(2026, 12, 31)) == PLAN
    assert rules.effective_plan([], 100.0, None, 200.0, date(2026, 12, 31)) == []
    assert rules.status(implied, [(date(2026, 7, 2), 150.0)], 100.0, today=TODAY) == rules.ON_TRACK


def test_one_pass_interpolation_agrees_with_planned_value():
    plan = PLAN + [(date(2026, 1, 11), 120.0)]  # a second point on the same date: the later one wins
    days = [date(2025, 12, 1)] + [date(2026, 1, d) for d in range(1, 32)] + [date(2026, 3, 1)]
    assert rules.planned_values(plan, days) == pytest.approx([rules.planned_value(plan, d) for d in days])
    assert rules.planned_values([], days[:2]) == [None, None]
