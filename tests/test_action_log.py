"""The program's one action log: risk actions, pending decisions, assumptions to validate and
communications due, with overdue, due this week and "my actions"."""

from datetime import date

from pmo_desktop.models import records
from pmo_desktop.models.action_log import action_log, owners
from pmo_desktop.models.registers import REGISTERS

TODAY = date(2027, 1, 13)  # a Wednesday: this week runs Monday 11 to Sunday 17


def test_one_log_across_the_registers(store):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
        risk = records.create_record(s, REGISTERS["risks"], {"title": "Vendor late"})
        act = REGISTERS["risk_actions"]
        records.create_record(s, act, {"description": "Chase vendor", "actionee": "Ann",
                                       "due": date(2027, 1, 10)}, parent_id=risk.id)
        records.create_record(s, act, {"description": "Second source", "actionee": "Bob",
                                       "due": date(2027, 1, 15)}, parent_id=risk.id)
        records.create_record(s, act, {"description": "Done already", "actionee": "Ann",
                                       "due": date(2027, 1, 1), "status": "Done"}, parent_id=risk.id)
        issue = records.create_record(s, REGISTERS["issues"], {"title": "Tills down"})
        records.create_record(s, REGISTERS["issue_actions"], {"description": "Restore tills", "actionee": "Bob",
                                                               "due": date(2027, 1, 12)}, parent_id=issue.id)
        records.create_record(s, REGISTERS["decisions"], {"title": "Pick vendor", "decided_by": "ann",
                                                          "due": date(2027, 1, 17)})
        records.create_record(s, REGISTERS["assumptions"], {"title": "Stores open", "owner": "Bob",
                                                            "validate_by": date(2027, 2, 1)})
        stakeholder = records.create_record(s, REGISTERS["stakeholders"], {"name": "Board"})
        records.create_record(s, REGISTERS["communications"], {"message": "Monthly review", "owner": "Ann",
                                                               "stakeholder": "Board", "frequency": "Monthly",
                                                               "last_held": date(2026, 12, 1)})
        assert stakeholder.id
    with store.session() as s:
        everything = action_log(s, TODAY)
        overdue = action_log(s, TODAY, "overdue")
        week = action_log(s, TODAY, "week")
        mine = action_log(s, TODAY, owner="ANN")
        people = owners(s, TODAY)
    assert [(a.source, a.source_code, a.action, a.owner, a.due) for a in everything] == [
        ("Stakeholder engagement", "C-001", "Monthly review (Board)", "Ann", date(2027, 1, 1)),
        ("Risk", "R-001", "Chase vendor", "Ann", date(2027, 1, 10)),
        ("Issue", "I-001", "Restore tills", "Bob", date(2027, 1, 12)),
        ("Risk", "R-001", "Second source", "Bob", date(2027, 1, 15)),
        ("Decision", "DEC-001", "Decide: Pick vendor", "Ann", date(2027, 1, 17)),
        ("Assumption", "A-001", "Validate: Stores open", "Bob", date(2027, 2, 1)),
    ]
    assert [a.action for a in overdue] == ["Monthly review (Board)", "Chase vendor", "Restore tills"]
    assert all(a.overdue for a in overdue)
    # Due this week: from today to Sunday, and what is overdue (still to do this week).
    assert [a.action for a in week] == ["Monthly review (Board)", "Chase vendor", "Restore tills", "Second source",
                                        "Decide: Pick vendor"]
    assert [a.due_this_week for a in week] == [False, False, False, True, True]
    assert {a.owner for a in mine} == {"Ann"} and len(mine) == 3
    assert people == ["Ann", "Bob"]
    with store.session() as s:
        assert "Done already" in [a.action for a in action_log(s, TODAY, include_done=True)]
