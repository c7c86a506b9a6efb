"""Stakeholder domain rules, without a GUI: quadrants, engagement gap and matrix, communication rhythm."""

from datetime import date

import pytest

from pmo_desktop.models import stakeholder_rules as r


@pytest.mark.parametrize("power,interest,expected", [
    (5, 5, r.MANAGE_CLOSELY),
    (3, 3, r.MANAGE_CLOSELY),     # the midpoint counts as high on both axes
    (3, 2, r.KEEP_SATISFIED),
    (5, 1, r.KEEP_SATISFIED),
    (2, 3, r.KEEP_INFORMED),
    (1, 5, r.KEEP_INFORMED),
    (2, 2, r.MONITOR),
    (1, 1, r.MONITOR),
    (2.99, 3, r.KEEP_INFORMED),  # below the boundary is low, however close
    (None, 4, ""),
    (4, None, ""),
])
def test_quadrant_boundaries(power, interest, expected):
    assert r.quadrant(power, interest) == expected


def test_grid_divider_matches_the_quadrant_rule():
    assert r.quadrant(r.snap_level(r.DIVIDER + 0.01), 5) == r.MANAGE_CLOSELY
    assert r.quadrant(r.snap_level(r.DIVIDER - 0.01), 5) == r.KEEP_INFORMED


@pytest.mark.parametrize("position,level", [(0.2, 1), (1.49, 1), (1.5, 2), (2.5, 3), (4.6, 5), (7.0, 5), (-3, 1)])
def test_snap_level_rounds_halves_up_and_clamps(position, level):
    assert r.snap_level(position) == level


@pytest.mark.parametrize("current,desired,gap,band", [
    ("Unaware", "Leading", 4, "2+ levels to raise"),
    ("Resistant", "Neutral", 1, "1 level to raise"),
    ("Supportive", "Supportive", 0, "On target"),
    ("Leading", "Neutral", -2, "Above need"),
    (None, "Leading", None, "Not assessed yet"),
    ("Keen", "Leading", None, "Not assessed yet"),
])
def test_engagement_gap(current, desired, gap, band):
    assert r.engagement_gap(current, desired) == gap
    assert r.gap_band(gap) == band


def test_gap_labels():
    assert [r.gap_label(g) for g in (None, 0, 1, 3, -1)] == [
        "Not assessed yet", "On target", "1 level to raise", "3 levels to raise", "1 level above need"]


def test_engagement_matrix_marks_and_gap_cells():
    rows = r.engagement_matrix([
        {"id": 1, "code": "S-001", "name": "Ann", "current_engagement": "Resistant", "desired_engagement": "Supportive"},
        {"id": 2, "code": "S-002", "name": "Bob", "current_engagement": "Leading", "desired_engagement": "Leading"},
        {"id": 3, "code": "S-003", "name": "Cy", "current_engagement": None, "desired_engagement": "Neutral"},
    ])
    ann, bob, cy = rows
    assert [ann.mark(i) for i in range(5)] == ["", "C", "", "D", ""]
    assert [ann.in_gap(i) for i in range(5)] == [False, True, True, True, False]
    assert ann.gap == 2
    assert [bob.mark(i) for i in range(5)] == ["", "", "", "", "C D"]
    assert not any(bob.in_gap(i) for i in range(5)) and bob.gap == 0
    assert [cy.mark(i) for i in range(5)] == ["", "", "D", "", ""] and cy.gap is None


@pytest.mark.parametrize("frequency,held,due", [
    ("Monthly", date(2026, 1, 31), date(2026, 2, 28)),
    ("Monthly", date(2028, 1, 31), date(2028, 2, 29)),      # leap year
    ("Monthly", date(2026, 3, 31), date(2026, 4, 30)),
    ("Monthly", date(2026, 12, 15), date(2027, 1, 15)),     # across the year end
    ("Quarterly", date(2026, 11, 30), date(2027, 2, 28)),   # across the year end, clamped
    ("Quarterly", date(2026, 12, 31), date(2027, 3, 31)),
    ("Quarterly", date(2027, 11, 30), date(2028, 2, 29)),
    ("Weekly", date(2026, 12, 29), date(2027, 1, 5)),
    ("Fortnightly", date(2026, 2, 20), date(2026, 3, 6)),
])
def test_next_due_across_month_and_year_ends(frequency, held, due):
    assert r.next_due(frequency, held) == due


def test_next_due_without_a_rhythm_or_history():
    today = date(2026, 5, 6)
    assert r.next_due("Ad hoc", date(2026, 1, 1), planned_on=date(2026, 6, 1)) == date(2026, 6, 1)
    assert r.next_due("Ad hoc", date(2026, 1, 1)) is None
    assert r.next_due("Monthly", None, today=today) == today                 # never held: start now
    assert r.next_due("Monthly", None, planned_on=date(2026, 7, 1), today=today) == date(2026, 7, 1)


def test_overdue_only_after_the_due_day():
    due = r.next_due("Monthly", date(2026, 1, 31))  # 28 Feb 2026
    assert not r.is_overdue(due, date(2026, 2, 27))
    assert not r.is_overdue(due, date(2026, 2, 28))
    assert r.is_overdue(due, date(2026, 3, 1))
    assert not r.is_overdue(None, date(2026, 3, 1))


def test_week_bounds_are_monday_to_sunday():
    assert r.week_bounds(date(2026, 11, 25)) == (date(2026, 11, 23), date(2026, 11, 29))  # a Wednesday
    assert r.week_bounds(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))  # Monday
    assert r.week_bounds(date(2026, 11, 29)) == (date(2026, 11, 23), date(2026, 11, 29))  # Sunday
    assert r.week_bounds(date(2027, 1, 1)) == (date(2026, 12, 28), date(2027, 1, 3))      # across a year end


def _comm(i, frequency, held, planned=None, who="Ann"):
    return {"id": i, "code": f"C-{i:03d}", "message": f"Item {i}", "stakeholder": who, "audience": "",
            "owner": "Tom", "frequency": frequency, "last_held": held, "planned_on": planned}


def test_due_in_week():
    wednesday = date(2026, 11, 25)  # week 23–29 November
    comms = [
        _comm(1, "Weekly", date(2026, 11, 16)),      # due Mon 23: in the week, overdue by Wednesday
        _comm(2, "Monthly", date(2026, 10, 29)),     # due Sun 29: in the week, not overdue
        _comm(3, "Monthly", date(2026, 10, 31)),     # due Mon 30 Nov: next week
        _comm(4, "Quarterly", date(2026, 7, 31)),    # due 31 Oct: overdue from before the week
        _comm(5, "Ad hoc", None, date(2026, 11, 27)),
        _comm(6, "Ad hoc", None),                    # no date: never listed
        _comm(7, "Fortnightly", None),               # never held: due today
    ]
    items = r.due_in_week(comms, wednesday)
    assert [(i.code, i.due, i.overdue) for i in items] == [
        ("C-004", date(2026, 10, 31), True),
        ("C-001", date(2026, 11, 23), True),
        ("C-007", wednesday, False),
        ("C-005", date(2026, 11, 27), False),
        ("C-002", date(2026, 11, 29), False),
    ]
    only_week = r.due_in_week(comms, wednesday, include_overdue=False)
    assert [i.code for i in only_week] == ["C-001", "C-007", "C-005", "C-002"]
    # Looking at next week from today: the 30 November item appears, nothing before that week does.
    next_week = r.due_in_week(comms, date(2026, 12, 1), today=wednesday, include_overdue=False)
    assert [i.code for i in next_week] == ["C-003"]
