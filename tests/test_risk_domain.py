"""Risk domain rules without a GUI: scale and bands, escalation, issues, heat map counts, trend, history."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_escalation import de_escalate, escalate, program_risks, restore_escalation
from pmo_desktop.models.risk_heatmap import RiskFilter, heat_map
from pmo_desktop.models.risk_issues import raise_issue
from pmo_desktop.models.risk_rules import Band, RiskScale
from pmo_desktop.models.risk_scale_config import owner_warning, set_risk_scale
from pmo_desktop.models.risk_trend import open_risk_trend, period_ends
from pmo_desktop.models.risks import IssueEntry, Risk, RiskHistory

RISKS, PROJECTS, ISSUES = REGISTERS["risks"], REGISTERS["projects"], REGISTERS["issues"]
FOUR = RiskScale(4, ("Rare", "Possible", "Likely", "Certain"),
                 (Band("Low", 1, "#2e7d32"), Band("Medium", 4, "#f9a825"), Band("High", 8, "#ef6c00"),
                  Band("Critical", 12, "#c62828")))


def make(store, **values):
    with store.transaction() as s:
        return records.create_record(s, RISKS, {"title": "A risk", **values}).id


def values(store, rid):
    with store.session() as s:
        return records.record_values(s, RISKS, rid)


def history(store, rid):
    with store.session() as s:
        return [(h.level, h.status, h.probability, h.impact, h.note)
                for h in s.scalars(select(RiskHistory).where(RiskHistory.risk_id == rid).order_by(RiskHistory.id))]


@pytest.fixture
def project(store):
    with store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Tills"})
        records.create_record(s, PROJECTS, {"name": "Stock"})
    return "Tills"


# ------------------------------------------------------------------------------- scale and bands
def test_four_level_scale_scores_and_bands(store):
    with store.transaction() as s:
        set_risk_scale(s, FOUR)
    rid = make(store, probability="Likely", impact=3, residual_probability=1, residual_impact="certain")
    rec = values(store, rid)
    assert (rec["probability"], rec["inherent_score"], rec["inherent_rating"]) == (3, 9, "High")
    assert (rec["residual_score"], rec["residual_rating"]) == (4, "Medium")
    with pytest.raises(errors.ValidationError, match="from 1 to 4"):
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"impact": 5})
    assert FOUR.rating(4, 3) == "Critical" and FOUR.rating(1, 3) == "Low" and FOUR.rating(2, 2) == "Medium"


def test_scale_smaller_than_used_scores_is_refused_and_changes_nothing(store):
    rid = make(store, probability=5, impact=2)
    with pytest.raises(errors.ValidationError, match=r"R-001 is scored at level 5.*at least 5"):
        with store.transaction() as s:
            set_risk_scale(s, FOUR)
    assert store.get_setting("risk_scale") is None
    assert values(store, rid)["inherent_rating"] == "High"


@pytest.mark.parametrize("scale,message", [
    (RiskScale(4, ("a", "b", "c"), FOUR.bands), "name to each of the 4 levels"),
    (RiskScale(4, FOUR.level_names, (Band("Low", 2, "#000000"),)), "start at score 1"),
    (RiskScale(4, FOUR.level_names, (Band("Low", 1, "#000000"), Band("High", 17, "#ffffff"))), "above the highest"),
    (RiskScale(4, FOUR.level_names, (Band("Low", 1, "red"),)), "must look like"),
    (RiskScale(11, tuple(str(i) for i in range(11)), FOUR.bands), "between 2 and 10"),
])
def test_bad_scales_are_refused(store, scale, message):
    with pytest.raises(errors.ValidationError, match=message):
        with store.transaction() as s:
            set_risk_scale(s, scale)


def test_owner_warning_only_for_top_bands_without_owner():
    scale = RiskScale()
    assert "critical risk with no owner" in owner_warning("Critical", None, scale)
    assert owner_warning("High", "Ann", scale) == ""
    assert owner_warning("Medium", None, scale) == ""


# ------------------------------------------------------------------------------------ escalation
def test_escalation_round_trip_keeps_source_project_and_history(store, project):
    rid = make(store, level="Project", project=project, related_projects="Stock", probability=4, impact=4)
    with store.transaction() as s:
        before = escalate(s, rid, "Hits the stock project too", on=date(2026, 3, 2))
    rec = values(store, rid)
    assert (rec["level"], rec["escalated"], rec["escalated_on"], rec["project"]) == ("Program", True, date(2026, 3, 2), "Tills")
    assert rec["escalation_reason"] == "Hits the stock project too"
    with store.session() as s:
        [pr] = program_risks(s, RiskScale())
    assert pr.projects == ("Tills", "Stock") and pr.source_project == "Tills" and pr.rating == "Critical"
    with store.transaction() as s:
        de_escalate(s, rid)
    rec = values(store, rid)
    assert (rec["level"], rec["escalated"], rec["project"], rec["escalated_on"]) == ("Project", False, "Tills", None)
    notes = [h[4] for h in history(store, rid)]
    assert notes == ["created", "escalated: Hits the stock project too", "de-escalated"]
    assert [h[0] for h in history(store, rid)] == ["Project", "Program", "Project"]
    with store.session() as s:
        assert program_risks(s, RiskScale()) == []
    with store.transaction() as s:  # undo of the de-escalation puts back the escalation exactly
        restore_escalation(s, rid, before.__class__("Program", True, date(2026, 3, 2), "again"), "undo")
    assert values(store, rid)["escalation_reason"] == "again"


@pytest.mark.parametrize("setup,action,message", [
    ({"level": "Program"}, "escalate", "already a program risk"),
    ({"level": "Project"}, "escalate-no-reason", "Give a reason"),
    ({"level": "Project", "project": None}, "escalate", "has no project"),
    ({"level": "Project"}, "de-escalate", "is a project risk"),
    ({"level": "Program"}, "de-escalate", "not escalated from a project"),
])
def test_escalation_refusals_change_nothing(store, project, setup, action, message):
    rid = make(store, **{"project": project, **setup})
    before = values(store, rid)
    with pytest.raises(errors.ValidationError, match=message):
        with store.transaction() as s:
            if action == "escalate":
                escalate(s, rid, "reason")
            elif action == "escalate-no-reason":
                escalate(s, rid, "   ")
            else:
                de_escalate(s, rid)
    assert values(store, rid) == before


def test_history_written_when_scores_or_status_change_only(store):
    rid = make(store, probability=2, impact=2)
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"impact": 4})
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"notes": "no history for notes"})
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"status": "Closed"})
    assert [(h[1], h[2], h[3]) for h in history(store, rid)] == [("Open", 2, 2), ("Open", 2, 4), ("Closed", 2, 4)]


# ---------------------------------------------------------------------------------------- issues
def test_occurred_risk_becomes_linked_issue_once(store, project):
    rid = make(store, project=project, owner="Ann Lee", probability=4, impact=5, event="Tills fail")
    with pytest.raises(errors.ValidationError, match="has not occurred.*Occurred before raising"):
        with store.transaction() as s:
            raise_issue(s, rid)
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"status": "Occurred"})
        issue_id = raise_issue(s, rid, on=date(2026, 4, 1)).id
    with store.session() as s:
        issue = records.record_values(s, ISSUES, issue_id)
    assert (issue["code"], issue["risk"], issue["project"], issue["owner"]) == ("I-001", "R-001", "Tills", "Ann Lee")
    assert issue["priority"] == "Critical" and issue["raised_on"] == date(2026, 4, 1)
    assert "Event: Tills fail" in issue["description"]
    with pytest.raises(errors.ValidationError, match="already has issue I-001"):
        with store.transaction() as s:
            raise_issue(s, rid)
    with store.session() as s:
        assert len(s.scalars(select(IssueEntry)).all()) == 1


# -------------------------------------------------------------------------------------- heat map
def test_heat_map_counts_cells_with_filters(demo_store):
    scale = RiskScale()
    with demo_store.session() as s:
        every = heat_map(s, scale)
        open_only = heat_map(s, scale, flt=RiskFilter(open_only=True))
        residual = heat_map(s, scale, residual=True, flt=RiskFilter(open_only=True))
        program = heat_map(s, scale, flt=RiskFilter(levels=frozenset({"Program"})))
        critical = heat_map(s, scale, flt=RiskFilter(ratings=frozenset({"Critical"})))
        marcus = heat_map(s, scale, flt=RiskFilter(owners=frozenset({"Marcus Lee"})))
        all_risks = s.scalars(select(Risk)).all()
        owners = {r.id: r.owner.name for r in all_risks}
    assert sum(c.count for c in every.values()) == len(all_risks) == 10
    assert sum(c.count for c in open_only.values()) == 8
    assert sum(c.count for c in residual.values()) == 8
    assert sum(c.count for c in program.values()) == 4
    by_id = {r.id: r for r in all_risks}
    for (p, i), cell in every.items():
        assert cell.count == len(cell.ids)
        assert all((by_id[x].probability, by_id[x].impact) == (p, i) for x in cell.ids)
    assert {by_id[x].code for c in critical.values() for x in c.ids} == {
        r.code for r in all_risks if r.probability * r.impact >= 16}
    assert {owners[x] for c in marcus.values() for x in c.ids} == {"Marcus Lee"}
    assert every[(4, 4)].count == 1 and residual[(2, 3)].count == 1


# ----------------------------------------------------------------------------------------- trend
def test_period_ends():
    assert period_ends(date(2026, 1, 15), date(2026, 3, 10)) == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 10)]
    assert period_ends(date(2026, 3, 2), date(2026, 3, 18), "week") == [date(2026, 3, 8), date(2026, 3, 15), date(2026, 3, 18)]


def test_trend_rebuilds_open_risks_by_rating_from_history(store):
    a = make(store, probability=2, impact=2)       # Low
    b = make(store, probability=4, impact=4)       # Critical
    with store.transaction() as s:
        records.update_record(s, RISKS, a, {"probability": 5, "impact": 4})  # → Critical
        records.update_record(s, RISKS, b, {"status": "Closed"})
    # Place the history on known dates: a and b raised in January, a rescored and b closed in March.
    stamps = {a: [datetime(2026, 1, 10), datetime(2026, 3, 5)], b: [datetime(2026, 1, 20), datetime(2026, 3, 31, 23)]}
    with store.transaction() as s:
        for rid, when in stamps.items():
            rows = s.scalars(select(RiskHistory).where(RiskHistory.risk_id == rid).order_by(RiskHistory.id)).all()
            for row, at in zip(rows, when, strict=True):
                row.recorded_at = at
    with store.session() as s:
        points = open_risk_trend(s, RiskScale(), date(2026, 1, 1), date(2026, 4, 15))
    assert [p.on for p in points] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 15)]
    assert [(p.counts["Low"], p.counts["Critical"]) for p in points] == [(1, 1), (1, 1), (0, 1), (0, 1)]
    assert [p.total for p in points] == [2, 2, 1, 1]
