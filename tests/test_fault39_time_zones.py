"""Fault round 39: the machine's time zone far from UTC, and across a change of summer time.

A risk's rating history (the trend chart, a page "as at" a day) keeps its moments in UTC, as the audit columns do,
and was cut at the end of a day of this machine's clock as if that were UTC too: in St John's (−3:30) a risk
raised at 21:30 on 30 November counted from December, and in Kiritimati (+14) one raised at 09:00 on 1 December
counted in November. The process runs in each zone for real (TZ, time.tzset)."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from pmo_desktop.models import history, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_rules import RiskScale
from pmo_desktop.models.risk_trend import first_recorded, open_risk_trend
from pmo_desktop.models.risks import RiskHistory


@pytest.fixture
def zone(request):
    """The process in ``request.param``'s time zone, as a user there runs it; the one before restored after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _raised_at(store, zone: str, local: datetime) -> None:
    """A risk whose rating history starts at ``local`` (this zone's clock), kept as the office keeps it: UTC."""
    with store.transaction() as s:
        risk = records.create_record(s, REGISTERS["risks"], {"title": "Supplier late", "probability": 3,
                                                             "impact": 3})
        row = s.query(RiskHistory).filter_by(risk_id=risk.id).one()
        row.recorded_at = local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC).replace(tzinfo=None)


@pytest.mark.parametrize("zone,local,first_counted", [
    ("America/St_Johns", datetime(2026, 11, 30, 21, 30), date(2026, 11, 30)),     # UTC: 1 Dec 01:00
    ("Pacific/Kiritimati", datetime(2026, 12, 1, 9, 0), date(2026, 12, 5)),       # UTC: 30 Nov 19:00
    ("America/St_Johns", datetime(2026, 10, 31, 22, 0), date(2026, 10, 31)),      # summer time then; UTC 1 Nov
], indirect=["zone"])
def test_the_risk_trend_counts_a_change_on_the_day_it_was_made_here(store, zone: str, local: datetime,
                                                                    first_counted: date) -> None:
    _raised_at(store, zone, local)
    with store.session() as s:
        points = open_risk_trend(s, RiskScale(), date(2026, 10, 1), date(2026, 12, 5), "month")
        assert first_recorded(s) == local.date()
    assert {p.on: p.total for p in points} == {p.on: 1 if p.on >= first_counted else 0 for p in points}


@pytest.mark.parametrize("zone", ["America/St_Johns"], indirect=True)
def test_a_page_as_at_a_day_holds_the_rating_history_made_that_day_here(store, zone: str) -> None:
    _raised_at(store, zone, datetime(2026, 11, 30, 21, 30))
    with store.session() as s:
        assert len(history.state_at(s, date(2026, 11, 30))["risk_history"]) == 1
        assert history.state_at(s, date(2026, 11, 29))["risk_history"] == []
