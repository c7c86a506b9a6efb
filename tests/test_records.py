"""Register definitions drive validation, name resolution, delete/undo and conflicts."""

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]
PROJECTS = REGISTERS["projects"]


def row_dict(session, reg, rid):
    return records.record_values(session, reg, rid)


def test_codes_are_assigned_in_sequence(store):
    with store.transaction() as s:
        a = records.create_record(s, RISKS, {"title": "A"})
        b = records.create_record(s, RISKS, {"title": "B"})
    assert (a.code, b.code) == ("R-001", "R-002")


def test_values_as_people_type_them(store):
    with store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Tills"})
        r = records.create_record(s, RISKS, {"title": "Late", "probability": "High", "impact": "VH",
                                             "raised_on": "31/03/2026", "project": "tills", "owner": "Ann Lee",
                                             "status": "live", "impact_areas": "cost; time"})
        rid = r.id
    with store.session() as s:
        rec = row_dict(s, RISKS, rid)
    assert rec["probability"] == 4 and rec["impact"] == 5 and rec["inherent_score"] == 20
    assert rec["inherent_rating"] == "Critical"
    assert rec["project"] == "Tills" and rec["owner"] == "Ann Lee" and rec["status"] == "Open"
    assert rec["impact_areas"] == "Time; Cost"
    assert rec["raised_on"].isoformat() == "2026-03-31"


@pytest.mark.parametrize("field,value,message", [
    ("probability", 6, "from 1 to 5"),
    ("probability", "often", "not a level"),
    ("raised_on", "yesterday-ish", "not a date"),
    ("project", "No such project", "no project called"),
    ("status", "Sleeping", "not one of"),
    ("title", "  ", "cannot be empty"),
])
def test_bad_values_are_refused_and_change_nothing(store, field, value, message):
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Keep"}).id
    with pytest.raises(errors.ValidationError, match=message):
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {field: value})
    with store.session() as s:
        assert row_dict(s, RISKS, rid)["title"] == "Keep"


def test_cross_field_rules(store):
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "X", "raised_on": "2026-05-01"}).id
    with pytest.raises(errors.ValidationError, match="Proximity"):
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"proximity": "2026-04-01"})
    with pytest.raises(errors.ValidationError, match="not a response to a threat"):
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"response": "Exploit"})


def test_delete_and_restore_brings_back_children_links_and_references(demo_store):
    with demo_store.session() as s:
        before = {n: records.fetch_rows(s, REGISTERS[n]) for n in ("projects", "risks", "risk_actions", "stakeholders", "benefits", "outputs")}
        pos = next(r[0] for r in before["projects"] if r[3] == "Point of sale replacement")
    with demo_store.transaction() as s:
        snap = records.delete_records(s, PROJECTS, [pos])
    with demo_store.session() as s:
        risks_after = records.fetch_rows(s, RISKS)
        assert all(r[RISKS.field_names.index("project") + 2] != "Point of sale replacement" for r in risks_after)
    with demo_store.transaction() as s:
        records.restore_records(s, snap)
    with demo_store.session() as s:
        after = {n: records.fetch_rows(s, REGISTERS[n]) for n in before}
    assert after == before


def test_stale_edit_is_a_conflict(store):
    with store.transaction() as s:
        r = records.create_record(s, RISKS, {"title": "Base"})
        rid, version = r.id, r.version
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"title": "Theirs"}, expected_version=version)
    with pytest.raises(errors.EditConflict) as info:
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {"title": "Mine"}, expected_version=version)
    assert info.value.mine == "Mine" and info.value.theirs == "Theirs"


def test_history_written_when_scores_change(store):
    from sqlalchemy import select

    from pmo_desktop.models.risks import RiskHistory

    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "H", "probability": 2, "impact": 2}).id
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"notes": "no score change"})
    with store.transaction() as s:
        records.update_record(s, RISKS, rid, {"probability": 4})
    with store.session() as s:
        hist = s.scalars(select(RiskHistory).where(RiskHistory.risk_id == rid).order_by(RiskHistory.id)).all()
    assert [(h.probability, h.note) for h in hist] == [(2, "created"), (4, "changed")]


def test_a_name_another_record_has_is_refused_in_plain_words(store):
    with store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": "Tills"})
        pid = records.create_record(s, PROJECTS, {"name": "Stock"}).id
    for attempt in (lambda s: records.update_record(s, PROJECTS, pid, {"name": "Tills"}),
                    lambda s: records.create_record(s, PROJECTS, {"name": "Tills"}),
                    lambda s: records.create_record(s, REGISTERS["people"], {"name": "Ann Lee"})
                    if records.create_record(s, REGISTERS["people"], {"name": "Ann Lee"}) else None):
        with pytest.raises(errors.ValidationError, match="There is already a (project|person) named") as e:
            with store.transaction() as s:
                attempt(s)
        assert "UNIQUE" not in str(e.value) and "duplicate key" not in str(e.value)
    with store.session() as s:
        assert records.record_values(s, PROJECTS, pid)["name"] == "Stock"
