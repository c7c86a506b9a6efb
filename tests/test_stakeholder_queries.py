"""Stakeholder queries on a real file: project scope without duplicates, matrix rows, this week's communications."""

from datetime import date

from sqlalchemy import func, select

from pmo_desktop.models import records
from pmo_desktop.models import stakeholder_queries as q
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.stakeholders import Stakeholder
from pmo_desktop.models.store import Store

STAKEHOLDERS = REGISTERS["stakeholders"]
COMMUNICATIONS = REGISTERS["communications"]


def _office(store):
    with store.transaction() as s:
        for name in ("Tills", "Stock", "Loyalty"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
        linda = records.create_record(s, STAKEHOLDERS, {"name": "Linda", "projects": "Tills; Stock",
                                                        "program_level": True, "power": 4, "interest": 4}).id
        bob = records.create_record(s, STAKEHOLDERS, {"name": "Bob", "projects": ["Loyalty"], "power": 2}).id
        cara = records.create_record(s, STAKEHOLDERS, {"name": "Cara", "program_level": "yes"}).id
    return linda, bob, cara


def test_one_stakeholder_in_several_projects_and_the_program(store, tmp_path):
    linda, bob, cara = _office(store)
    path = store.target
    store.close()
    reopened = Store.open(path)
    try:
        with reopened.session() as s:
            assert s.scalar(select(func.count()).select_from(Stakeholder).where(Stakeholder.name == "Linda")) == 1
            choices = q.scope_choices(s)
            assert [label for label, _ in choices] == ["All stakeholders", "Program level", "Loyalty", "Stock", "Tills"]
            by_label = dict(choices)
            assert q.stakeholder_ids(s, None) is None
            assert q.stakeholder_ids(s, q.PROGRAM) == {linda, cara}
            assert q.stakeholder_ids(s, by_label["Tills"]) == {linda}
            assert q.stakeholder_ids(s, by_label["Stock"]) == {linda}
            assert q.stakeholder_ids(s, by_label["Loyalty"]) == {bob}
            points = q.grid_points(s, by_label["Tills"])
            assert [(p.name, p.power, p.interest) for p in points] == [("Linda", 4, 4)]
            assert records.record_values(s, STAKEHOLDERS, linda)["projects"] == "Stock; Tills"
    finally:
        reopened.close()


def test_matrix_rows_follow_the_records(store):
    linda, bob, _ = _office(store)
    with store.transaction() as s:
        records.update_record(s, STAKEHOLDERS, linda, {"current_engagement": "Neutral", "desired_engagement": "Leading"})
    with store.session() as s:
        rows = {r.name: r for r in q.matrix_rows(s)}
    assert rows["Linda"].gap == 2 and rows["Linda"].mark(2) == "C" and rows["Linda"].mark(4) == "D"
    # not assessed (no level nobody chose, round unassessed47): no mark, no gap
    assert [rows["Bob"].mark(level) for level in range(5)] == [""] * 5 and rows["Bob"].gap is None


def test_communications_due_this_week_across_the_program(store):
    linda, bob, _ = _office(store)
    with store.transaction() as s:
        records.create_record(s, COMMUNICATIONS, {"message": "Monthly review", "stakeholder": "Linda",
                                                  "frequency": "Monthly", "last_held": date(2026, 10, 31)})
        records.create_record(s, COMMUNICATIONS, {"message": "Loyalty catch-up", "stakeholder": "Bob",
                                                  "frequency": "Weekly", "last_held": date(2026, 11, 20)})
        records.create_record(s, COMMUNICATIONS, {"message": "Newsletter", "audience": "All staff",
                                                  "frequency": "Quarterly", "last_held": date(2026, 8, 27)})
    with store.session() as s:
        week = q.communications_due(s, date(2026, 11, 25))
        assert [(i.message, i.who, i.due, i.overdue) for i in week] == [
            ("Loyalty catch-up", "Bob", date(2026, 11, 27), False),
            ("Newsletter", "All staff", date(2026, 11, 27), False),
        ]
        # On Monday 30 November, Linda's monthly review (31 Oct + 1 month) is due today; the
        # weekly catch-up (due 27 Nov) and the newsletter (due 27 Nov) are overdue.
        dec = q.communications_due(s, date(2026, 12, 2), today=date(2026, 11, 30))
        assert [(i.message, i.overdue) for i in dec] == [("Loyalty catch-up", True), ("Newsletter", True),
                                                        ("Monthly review", False)]
        tills = dict(q.scope_choices(s))["Tills"]
        scoped = q.communications_due(s, date(2026, 12, 2), today=date(2026, 11, 30), scope=tills)
        assert [i.message for i in scoped] == ["Newsletter", "Monthly review"]  # group items stay in every scope
