"""create_records writes exactly what create_record writes, for a whole batch at once."""

import pytest
from sqlalchemy import func, select

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import RiskHistory

RISKS = REGISTERS["risks"]
ROWS = [
    {"title": "Late", "probability": "High", "impact": "VH", "raised_on": "31/03/2026", "project": "Customer loyalty",
     "owner": "Ann Lee", "status": "live", "impact_areas": "cost; time", "related_projects": ["Customer loyalty"]},
    {"code": "R-077", "title": "Coded", "kind": "Opportunity", "response": "Exploit", "owner": "ann lee"},
    {"title": "Plain"},
]


def written(store, ids):
    with store.session() as s:
        rows = records.fetch_rows(s, RISKS, ids=ids)
        history = s.execute(select(RiskHistory.risk_id, RiskHistory.probability, RiskHistory.impact,
                                   RiskHistory.status, RiskHistory.level, RiskHistory.note)
                            .where(RiskHistory.risk_id.in_(ids)).order_by(RiskHistory.risk_id)).all()
    return [r[2:] for r in rows], [h[1:] for h in history]


def test_batch_and_one_by_one_agree(demo_store, tmp_path):
    from pmo_desktop.models.demo import create_demo

    other = create_demo(tmp_path / "other.pmo")
    try:
        with demo_store.transaction() as s:
            ids = records.create_records(s, RISKS, ROWS)
        with other.transaction() as s:
            one = [records.create_record(s, RISKS, dict(r)).id for r in ROWS]
        assert written(demo_store, ids) == written(other, one)
        rows, history = written(demo_store, ids)
        assert [r[0] for r in rows] == ["R-011", "R-077", "R-078"]
        assert rows[0][RISKS.field_names.index("related_projects")] == "Customer loyalty"
        assert history[0] == (4, 5, "Open", RISKS.defaults["level"], "created")  # main made new risks project-level
    finally:
        other.close()


def test_a_refused_row_names_its_position(demo_store):
    with pytest.raises(errors.ValidationError) as err:
        with demo_store.transaction() as s:
            records.create_records(s, RISKS, [{"title": "ok"}, {"code": "R-001", "title": "clash"}])
    assert err.value.row_index == 1 and "already used" in str(err.value)
    with demo_store.session() as s:
        assert len(records.fetch_rows(s, RISKS)) == 10


CHANGES = [("R-001", {"impact": "1", "owner": "New Person", "related_projects": "Customer loyalty; Inventory management"}),
           ("R-003", {"title": "Retitled", "status": "Closed"})]


def test_batch_update_and_one_by_one_agree(demo_store, tmp_path):
    from pmo_desktop.models.demo import create_demo

    other = create_demo(tmp_path / "other.pmo")
    try:
        for store, batch in ((demo_store, True), (other, False)):
            with store.transaction() as s:
                pairs = [(records.find_id_by_code(s, RISKS, code), dict(values)) for code, values in CHANGES]
                if batch:
                    records.update_records(s, RISKS, pairs)
                else:
                    for rid, values in pairs:
                        records.update_record(s, RISKS, rid, values)
        ids = [1, 3]
        assert written(demo_store, ids) == written(other, ids)
        rows, history = written(demo_store, ids)
        assert rows[0][RISKS.field_names.index("impact")] == 1 and rows[0][RISKS.field_names.index("owner")] == "New Person"
        assert history[-1][-1] == "changed"
    finally:
        other.close()


def test_batch_update_refuses_like_update_record(demo_store):
    with pytest.raises(errors.ValidationError) as err:
        with demo_store.transaction() as s:
            records.update_records(s, RISKS, [(1, {"title": "fine"}), (2, {"raised_on": "2030-01-01"})])
    assert err.value.row_index == 1 and "Proximity cannot be before" in str(err.value)
    with pytest.raises(errors.RecordNotFound):
        with demo_store.transaction() as s:
            records.update_records(s, RISKS, [(999, {"title": "gone"})])
    with demo_store.session() as s:
        assert records.record_values(s, RISKS, 1)["title"] == "POS supplier delivers late"


def test_batch_update_writes_only_what_changed_and_bumps_versions(demo_store):
    """Rows changing different columns go out together; a row given its own values is left alone (same
    version, no history), a changed score writes one history row, a title alone writes none, and what
    the session already held of a record reads the new values."""
    from pmo_desktop.models.risks import Risk

    with demo_store.session() as s:
        before = {r[0]: r for r in records.fetch_rows(s, RISKS, ids=[1, 2, 3])}
        history_before = s.scalar(select(func.count()).select_from(RiskHistory))
    title = RISKS.field_names.index("title") + 2
    with demo_store.transaction() as s:
        held = s.get(Risk, 3)
        assert held.title == before[3][title]
        records.update_records(s, RISKS, [(1, {"impact": "1"}), (2, {"title": before[2][title]}),
                                          (3, {"title": "Retitled", "status": "Closed"})])
        assert held.title == "Retitled" and held.status == "Closed"
    with demo_store.session() as s:
        after = {r[0]: r for r in records.fetch_rows(s, RISKS, ids=[1, 2, 3])}
        notes = s.execute(select(RiskHistory.risk_id, RiskHistory.impact, RiskHistory.status)
                          .order_by(RiskHistory.id.desc()).limit(2)).all()
        history_after = s.scalar(select(func.count()).select_from(RiskHistory))
    assert after[2] == before[2]  # nothing changed: same version, same values
    assert after[1][1] == before[1][1] + 1 and after[3][1] == before[3][1] + 1
    assert after[1][RISKS.field_names.index("impact") + 2] == 1 and after[3][title] == "Retitled"
    assert history_after == history_before + 2  # R-001's impact, R-003's status; not R-003's title alone
    assert sorted(notes) == [(1, 1, before[1][RISKS.field_names.index("status") + 2]), (3, after[3][2 + RISKS.field_names.index("impact")], "Closed")]
