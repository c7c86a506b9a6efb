"""Measurements outside the realization window, or of the wrong type, are refused and change nothing."""

from datetime import date

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS

B, MEAS = REGISTERS["benefits"], REGISTERS["benefit_measurements"]


@pytest.fixture
def benefit(store):
    with store.transaction() as s:
        b = records.create_record(s, B, {"title": "Fewer returns", "window_start": "2026-02-01",
                                         "window_end": "2026-12-31"})
        m = records.create_record(s, MEAS, {"on": "2026-03-01", "value": 5}, parent_id=b.id)
        return b.id, m.id


def measurements(store, bid):
    with store.session() as s:
        return records.fetch_rows(s, MEAS, parent_id=bid)


def test_new_measurement_outside_window_refused(store, benefit):
    bid, _ = benefit
    before = measurements(store, bid)
    with pytest.raises(errors.ValidationError) as info:
        with store.transaction() as s:
            records.create_record(s, MEAS, {"on": "05/01/2026", "value": 3}, parent_id=bid)
    assert str(info.value) == ("The measurement date 2026-01-05 is outside B-001's realization window "
                               "(2026-02-01 to 2026-12-31); change the date or widen the window.")
    assert info.value.field == "on"
    assert measurements(store, bid) == before


def test_moving_a_measurement_out_of_window_refused(store, benefit):
    bid, mid = benefit
    before = measurements(store, bid)
    with pytest.raises(errors.ValidationError, match="after|outside"):
        with store.transaction() as s:
            records.update_record(s, MEAS, mid, {"on": date(2027, 1, 1)})
    assert measurements(store, bid) == before
    with store.transaction() as s:  # inside the window is fine, and an open window accepts anything
        records.update_record(s, MEAS, mid, {"on": date(2026, 12, 31)})
        records.update_record(s, B, bid, {"window_start": None, "window_end": None})
        records.update_record(s, MEAS, mid, {"on": date(2030, 1, 1)})


@pytest.mark.parametrize("field,value,message", [("value", "lots", "Actual value: “lots” is not a number."),
                                                 ("on", "soon", "Date: “soon” is not a date")])
def test_wrong_type_refused(store, benefit, field, value, message):
    bid, mid = benefit
    before = measurements(store, bid)
    with pytest.raises(errors.ValidationError) as info:
        with store.transaction() as s:
            records.update_record(s, MEAS, mid, {field: value})
    assert str(info.value).startswith(message)
    assert measurements(store, bid) == before


def test_status_column_uses_baseline_to_target_when_no_trajectory(store):
    with store.transaction() as s:
        bid = records.create_record(s, B, {"title": "Fewer calls", "baseline_value": 1000, "baseline_date": "2026-01-01",
                                           "target_value": 600, "target_date": "2026-12-31"}).id
        records.create_record(s, MEAS, {"on": "2026-07-02", "value": 950}, parent_id=bid)  # plan there: ~800
    with store.session() as s:
        assert records.record_values(s, B, bid)["status_rag"] == "Off track"
