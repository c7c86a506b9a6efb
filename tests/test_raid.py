"""The RAID logs without a GUI: assumptions, dependencies and decisions, their rules, the decision rights
setting, and the migration that adds them to a file of the first schema version."""

import sqlite3
from datetime import date

import pytest

from pmo_desktop.models import errors, records, schema
from pmo_desktop.models.raid import TABLES
from pmo_desktop.models.raid_rules import DecisionRights
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risk_escalation import escalate
from pmo_desktop.models.risks import IssueEntry
from pmo_desktop.models.settings import DECISION_RIGHTS
from pmo_desktop.models.store import Store

A, D, DEC = REGISTERS["assumptions"], REGISTERS["dependencies"], REGISTERS["decisions"]


def add(store, reg, **values):
    with store.transaction() as s:
        return records.create_record(s, reg, values).id


def read(store, reg, rid):
    with store.session() as s:
        return records.record_values(s, reg, rid)


@pytest.fixture
def office(store):
    with store.transaction() as s:
        for name in ("Tills", "Stores", "Web"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
        records.create_record(s, REGISTERS["risks"], {"title": "Supplier late"})
    return store


def test_assumption_codes_links_and_rules(office):
    rid = add(office, A, title="Stores open on Sundays", owner="Ann Lee", validate_by=date(2027, 3, 1),
              risks="R-001", impact_if_false="Roll-out takes twice as long")
    rec = read(office, A, rid)
    assert rec["code"] == "A-001" and rec["status"] == "Open" and rec["risks"] == "R-001" and rec["owner"] == "Ann Lee"
    assert read(office, A, add(office, A, title="Second"))["code"] == "A-002"
    with pytest.raises(errors.ValidationError, match="validated before it was raised"):
        add(office, A, title="x", raised_on=date(2027, 2, 1), validate_by=date(2027, 1, 1))
    with pytest.raises(errors.ValidationError, match="Impact if false"):
        add(office, A, title="x", status="False")  # an alias of Invalid, with no impact said
    with pytest.raises(errors.ValidationError, match="R-404"):
        add(office, A, title="x", risks="R-404")
    with office.transaction() as s:
        records.update_record(s, A, rid, {"status": "Confirmed"})
    assert read(office, A, rid)["status"] == "Validated"


def test_dependency_between_projects_or_from_outside(office):
    rid = add(office, D, title="Store network", from_project="Stores", to_project="Tills",
              needed_by=date(2027, 4, 1), criticality="High")
    rec = read(office, D, rid)
    assert (rec["code"], rec["status"], rec["from_project"], rec["to_project"]) == ("D-001", "On track", "Stores", "Tills")
    assert read(office, D, add(office, D, title="Card scheme approval", external_party="Visa",
                                to_project="Tills", status="Amber"))["status"] == "At risk"
    # Ends not known yet (a RAID log's dependency often names neither, or only its party) are kept, to be
    # filled in (a party with no project needing it was refused: walkthrough 33).
    assert read(office, D, add(office, D, title="Network upgrade"))["to_project"] is None
    assert read(office, D, add(office, D, title="x", external_party="Visa"))["external_party"] == "Visa"
    with pytest.raises(errors.ValidationError, match="not both"):
        add(office, D, title="x", from_project="Stores", external_party="Visa", to_project="Tills")
    with pytest.raises(errors.ValidationError, match="cannot depend on itself"):
        add(office, D, title="x", from_project="Tills", to_project="Tills")
    with pytest.raises(errors.ValidationError, match="no project called"):
        add(office, D, title="x", from_project="Nowhere", to_project="Tills")


def test_decision_level_against_the_offices_decision_rights(office):
    did = add(office, DEC, title="Use one till vendor", options="A; B; C", level="Project", project="Tills",
              cost_impact=10_000, due=date(2027, 2, 1))
    rec = read(office, DEC, did)
    assert rec["code"] == "DEC-001" and rec["status"] == "Pending"
    with pytest.raises(errors.ValidationError, match="program decision: its cost impact"):
        add(office, DEC, title="x", level="Project", project="Tills", cost_impact=80_000)
    with pytest.raises(errors.ValidationError, match="program decision: it affects 2 projects"):
        add(office, DEC, title="x", level="Project", project="Tills", projects="Stores")
    # a project decision whose project is not named yet is kept (typed along its row, Level comes first)
    assert read(office, DEC, add(office, DEC, title="x", level="Project"))["project"] is None
    with pytest.raises(errors.ValidationError, match="has a date"):
        with office.transaction() as s:
            records.update_record(s, DEC, did, {"status": "Decided", "decided_by": "Ann Lee"})
    with office.transaction() as s:
        records.update_record(s, DEC, did, {"status": "Decided", "decided_by": "Ann Lee",
                                            "decided_on": date(2027, 1, 20), "risks": "R-001"})
    # The office raises its threshold: the same decision is now the project's to take.
    with office.transaction() as s:
        DECISION_RIGHTS.write(s, DecisionRights(100_000, cross_project_is_program=False))
    add(office, DEC, title="Cheaper", level="Project", project="Tills", projects="Stores", cost_impact=80_000)
    with pytest.raises(errors.ValidationError, match="negative"), office.transaction() as s:
        DECISION_RIGHTS.write(s, DecisionRights(-1))


def _as_version_1(path):
    """What a file of the first version holds: none of the RAID tables, and version 1 in its marker."""
    con = sqlite3.connect(path)
    for table in (*reversed(TABLES), "issue_history", "issue_action"):
        con.execute(f"DROP TABLE {table}")
    for column in ("level", "escalated", "escalation_reason", "escalated_on"):
        con.execute(f"ALTER TABLE issue_entry DROP COLUMN {column}")
    con.execute("ALTER TABLE risk DROP COLUMN reviewed_on")
    con.execute("update pmo_meta set value='1' where key='schema_version'")
    con.commit()
    con.close()


def test_a_version_1_file_gains_the_raid_logs_on_open(tmp_path):
    path = tmp_path / "old.pmo"
    s = Store.create(path)
    with s.transaction() as t:
        records.create_record(t, REGISTERS["projects"], {"name": "Tills"})
        records.create_record(t, REGISTERS["issues"], {"title": "Vendor insolvent", "project": "Tills"})
    s.close()
    _as_version_1(path)
    store = Store.open(path)
    try:
        assert (tmp_path / "old.pmo.v1.bak").exists()
        with store.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(schema.SCHEMA_VERSION)
        rid = add(store, D, title="Network", external_party="Telco", to_project="Tills")
        assert read(store, D, rid)["to_project"] == "Tills"
        issue = read(store, REGISTERS["issues"], 1)  # an old issue is a project issue, not escalated
        assert (issue["level"], issue["escalated"], issue["escalation_reason"]) == ("Project", False, "")
        with store.transaction() as s:
            escalate(s, 1, "Hits every store", entity=IssueEntry)
    finally:
        store.close()
