"""Who refers to a record, merging duplicates (every reference follows, links without duplicates), and
the program's own details as a register."""

from sqlalchemy import select

from pmo_desktop.models import records, references
from pmo_desktop.models.program import Person, Program, Project
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]


def test_merge_a_duplicate_person_moves_every_reference(store):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills", "manager": "Helen"})
        records.create_record(s, RISKS, {"title": "Late", "owner": "Helen"})
        records.create_record(s, RISKS, {"title": "Costly", "owner": "Helen Brooks"})
        helen = s.scalar(select(Person.id).where(Person.name == "Helen"))
        brooks = s.scalar(select(Person.id).where(Person.name == "Helen Brooks"))
    with store.session() as s:
        assert references.usage(s, Person, [helen]) == {"projects": 1, "risk register": 1}
        assert references.usage_sentence(references.usage(s, Person, [helen])) in (
            "1 in projects and 1 in risk register", "1 in risk register and 1 in projects")
    with store.transaction() as s:
        assert references.merge_into(s, Person, brooks, [helen]) == 2
    with store.session() as s:
        owners = {r[3]: r[RISKS.field_names.index("owner") + 2] for r in records.fetch_rows(s, RISKS)}
        assert owners == {"Late": "Helen Brooks", "Costly": "Helen Brooks"}
        assert s.get(Person, helen) is None
        assert records.fetch_rows(s, REGISTERS["projects"])[0][4] == "Helen Brooks"


def test_merge_projects_keeps_links_without_duplicates(store):
    with store.transaction() as s:
        for name in ("Tills", "Tills (old)", "Stock"):
            records.create_record(s, REGISTERS["projects"], {"name": name})
        records.create_record(s, RISKS, {"title": "Both", "related_projects": "Tills; Tills (old); Stock"})
        ids = {p.name: p.id for p in s.scalars(select(Project))}
    with store.transaction() as s:
        references.merge_into(s, Project, ids["Tills"], [ids["Tills (old)"]])
    with store.session() as s:
        [row] = records.fetch_rows(s, RISKS)
        assert row[RISKS.field_names.index("related_projects") + 2] == "Stock; Tills"


def test_program_details_are_a_register(store):
    program = REGISTERS["program"]
    with store.session() as s:
        pid = s.scalar(select(Program.id))
    with store.transaction() as s:
        records.update_record(s, program, pid, {"name": "Retail 2030", "sponsor": "Dana Okafor",
                                                "start_date": "2026-01-01", "end_date": "2028-12-31"})
    assert store.program().name == "Retail 2030" and store.program().sponsor == "Dana Okafor"
