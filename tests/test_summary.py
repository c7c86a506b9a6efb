"""Counts per register from aggregate queries agree with the rows, and a snapshot read stays put."""

from collections import Counter

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.summary import NOT_RATED, heat_map_counts, risk_score_groups, summarize


def rows(store, name):
    with store.session() as s:
        return [dict(zip(["id", "version", *REGISTERS[name].field_names], r))
                for r in records.fetch_rows(s, REGISTERS[name])]


def test_counts_agree_with_the_rows(demo_store):
    data = summarize(demo_store, with_records=True)
    risks = rows(demo_store, "risks")
    open_risks = [r for r in risks if r["status"] == "Open"]
    assert data["risks"]["total"] == len(risks)
    assert data["risks"]["by_status"] == dict(Counter(r["status"] for r in risks))
    assert data["risks"]["by_level"] == dict(Counter(r["level"] for r in risks))
    expected = Counter(r["inherent_rating"] or NOT_RATED for r in open_risks)
    assert {k: v for k, v in data["risks"]["open_by_rating"].items() if v} == dict(expected)
    residual = Counter(r["residual_rating"] or NOT_RATED for r in open_risks)
    assert {k: v for k, v in data["risks"]["open_by_residual_rating"].items() if v} == dict(residual)
    for level, counts in data["risks"]["open_by_level_and_rating"].items():
        assert {k: v for k, v in counts.items() if v} == dict(
            Counter(r["inherent_rating"] or NOT_RATED for r in open_risks if r["level"] == level))
    stakeholders = rows(demo_store, "stakeholders")
    assert {k: v for k, v in data["stakeholders"]["by_quadrant"].items() if v} == dict(
        Counter(s["quadrant"] for s in stakeholders))
    benefits = rows(demo_store, "benefits")
    assert {k: v for k, v in data["benefits"]["by_status"].items() if v} == dict(
        Counter(b["status_rag"] for b in benefits))
    assert [r["id"] for r in data["risks"]["records"]] == [r["code"] for r in risks]
    assert data["projects"]["total"] == 5 and data["program"] == "Retail Transformation Programme"


def test_heat_map_counts_open_scored_risks(demo_store):
    with demo_store.session() as s:
        groups = risk_score_groups(s)
    risks = [r for r in rows(demo_store, "risks") if r["status"] == "Open"]
    assert heat_map_counts(groups) == Counter((r["probability"], r["impact"]) for r in risks)
    assert heat_map_counts(groups, residual=True) == Counter(
        (r["residual_probability"], r["residual_impact"]) for r in risks)


def test_snapshot_does_not_see_a_change_committed_meanwhile(demo_store):
    with demo_store.snapshot() as s:
        first = summarize(s)["risks"]["total"]
        with demo_store.transaction() as other:  # another window adds a risk mid-report
            records.create_record(other, REGISTERS["risks"], {"title": "Arrived during the report"})
        assert summarize(s)["risks"]["total"] == first
    assert summarize(demo_store)["risks"]["total"] == first + 1
