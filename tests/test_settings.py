"""Per-file settings are declared once (key, type, default, validation) and read and written only through
their declaration: a test walks every one."""

import pytest

from pmo_desktop.models import errors
from pmo_desktop.models.benefit_rules import Thresholds
from pmo_desktop.models.raid_rules import DecisionRights
from pmo_desktop.models.risk_review import ReviewCadence
from pmo_desktop.models.risk_rules import RiskScale
from pmo_desktop.models.settings import (
    BENEFIT_THRESHOLDS,
    DECISION_RIGHTS,
    REPORTING_CADENCE,
    REVIEW_CADENCE,
    RISK_SCALE,
    SETTINGS,
)
from pmo_desktop.models.status_rules import ReportingCadence

CHANGED = {RISK_SCALE.key: RiskScale(4, ("Low", "Medium", "High", "Extreme")),
           BENEFIT_THRESHOLDS.key: Thresholds(0.2, 0.5),
           DECISION_RIGHTS.key: DecisionRights(250_000.0, cross_project_is_program=False),
           REVIEW_CADENCE.key: ReviewCadence((("Critical", 7), ("High", 14)), 30),
           REPORTING_CADENCE.key: ReportingCadence("Weekly")}


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.key)
def test_every_setting_defaults_round_trips_and_undoes(store, setting):
    with store.session() as s:
        default = setting.read(s)
    assert default == setting.load(None) and setting.label
    new = CHANGED[setting.key]
    assert new != default
    with store.transaction() as s:
        assert setting.write(s, new) == default  # the previous value, for undo
    with store.session() as s:
        assert setting.read(s) == new


def test_a_bad_scale_is_refused_and_nothing_is_written(store):
    with pytest.raises(errors.ValidationError, match="between 2 and 10 levels"), store.transaction() as s:
        RISK_SCALE.write(s, RiskScale(12, tuple(f"L{i}" for i in range(12))))
    with store.session() as s:
        assert RISK_SCALE.read(s) == RiskScale()


def test_a_damaged_setting_reads_as_its_default(store):
    from pmo_desktop.models.program import Setting

    with store.transaction() as s:
        s.merge(Setting(key=BENEFIT_THRESHOLDS.key, value='"not an object"'))
    with store.session() as s:
        assert BENEFIT_THRESHOLDS.read(s) == Thresholds()
