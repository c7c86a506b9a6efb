"""Fault round 46: an undo gives back exactly what was there — every column of every table.

Fault injected: a delete of a record others refer to, undone, on the demo office (SQLite and PostgreSQL) — a person
who owns risks, actions, projects, stakeholders, benefits and RAID entries; a project those name; a risk with its
actions, issues and projects; a stakeholder on the map. The database clears the references (ON DELETE SET NULL) and
the undo points them again, but by an UPDATE that stamped ``updated_at`` on each: the undo of a delete of Marcus Lee
gave 23 records a new "updated" time, as if edited that moment. And the record history was told of the references
the delete cleared but not of the undo putting them back: its last entry of each such record still said "owner
blank", so the office "as at" today (a board snapshot's comparison, what changed since) showed those risks ownerless
while the office had their owner back. A reference set again since the delete (someone chose a new owner) was
overwritten by the undo with the one before; it is kept.

The office is dumped before the delete and after the undo and compared whole; a real database, nothing stood in for.
"""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import func, select

from pmo_desktop.models import history, records, references
from pmo_desktop.models.base import Base
from pmo_desktop.models.history_tables import RecordHistory
from pmo_desktop.models.office import Office
from pmo_desktop.models.registers import REGISTERS

PAST = {RecordHistory.__tablename__, "board_snapshot"}


def every_table(office: Office) -> dict[str, set[tuple]]:
    return office.read(lambda s: {t.name: {tuple(r) for r in s.execute(select(t))}
                                  for t in Base.metadata.sorted_tables if t.name not in PAST})


def most_referred(office: Office, register: str) -> int:
    """The record of ``register`` that most rows of the office refer to."""
    table = REGISTERS[register].entity.__table__

    def count(s) -> int:
        refs = references.references_to(table)
        ids = s.scalars(select(table.c.id)).all()
        return max(ids, key=lambda i: sum(s.scalar(select(func.count()).select_from(r.table)
                                                   .where(r.column == i)) or 0 for r in refs))
    return office.read(count)


def as_history_has_it(office: Office) -> dict[str, set[tuple]]:
    """Every register's rows as the record history rebuilds today (what "as at", snapshots and changes read)."""
    state = office.read(history.state_at, date.today())
    live = office.read(history.current_state)
    return {name: {tuple(sorted((k, str(v)) for k, v in row.items())) for row in rows} for name, rows in state.items()
            if name in live}


@pytest.mark.parametrize("register", ["people", "projects", "risks", "stakeholders"])
def test_a_delete_undone_gives_back_every_column_of_every_table(demo_store, register):
    office = Office(demo_store)
    doomed = most_referred(office, register)
    before = every_table(office)
    time.sleep(0.01)  # a stamp taken now differs from the demo's
    snapshot, _ = office.write(records.delete_records, REGISTERS[register], [doomed])
    assert snapshot.cleared or register in ("risks", "stakeholders")  # a person and a project are referred to
    time.sleep(0.01)
    office.write(records.restore_records, snapshot)
    after = every_table(office)
    changed = {name: (sorted(before[name] - after[name])[:2], sorted(after[name] - before[name])[:2])
               for name in before if before[name] != after[name]}
    assert not changed, changed
    same_as_history(office)


def test_a_reference_chosen_again_since_the_delete_is_kept_by_its_undo(demo_store):
    """Ann's risks are given to Bob after Ann was deleted; the undo of Ann's delete puts Ann back, but the risk
    Bob now owns stays his (the undo put Ann over Bob's name, without a word)."""
    office = Office(demo_store)
    people, risks = REGISTERS["people"], REGISTERS["risks"]
    ann = most_referred(office, "people")
    risk = Base.metadata.tables["risk"]
    owned = office.read(lambda s: s.scalars(select(risk.c.id).where(risk.c.owner_id == ann).order_by(risk.c.id))
                        .all())
    assert len(owned) >= 2
    snapshot, _ = office.write(records.delete_records, people, [ann])
    bob = office.write(lambda s: records.create_records(s, people, [{"name": "Bob Newowner"}],
                                                        records.load_context(s), with_ids=True))[0][0]
    office.write(lambda s: records.update_records(s, risks, [(owned[0], {"owner": "Bob Newowner"})],
                                                  records.load_context(s)))
    office.write(records.restore_records, snapshot)
    owners = office.read(lambda s: dict(s.execute(select(risk.c.id, risk.c.owner_id)
                                                  .where(risk.c.id.in_(owned))).all()))
    assert owners[owned[0]] == bob
    assert all(owners[i] == ann for i in owned[1:])


def same_as_history(office: Office) -> None:
    live = office.read(history.current_state)
    as_at_today = as_history_has_it(office)
    for name, rows in live.items():
        if name in as_at_today:
            assert {tuple(sorted((k, str(v)) for k, v in row.items())) for row in rows} == as_at_today[name], name


def test_a_merge_of_people_and_its_undo_are_in_the_record_history(demo_store):
    """The People page's merge moves every reference by an UPDATE of its own, which the record history did not
    hear of: after "Merge Marcus Lee into Linda Osei" the office as at today still had Marcus's risks owned by
    him — a person no longer in the office, so owned by no one — on every page "as at", in a board snapshot's
    comparison and in what changed since."""
    office = Office(demo_store)
    people = REGISTERS["people"]
    merged = most_referred(office, "people")
    keep = office.read(lambda s: s.scalar(select(func.min(people.entity.id)).where(people.entity.id != merged)))
    before = every_table(office)
    undo, _ = office.write(references.merge_with_undo, people.entity, keep, [merged])
    same_as_history(office)
    office.write(references.unmerge, people, keep, undo)
    same_as_history(office)
    after = every_table(office)
    for name in before:  # back as they were, but for the stamps of the records the merge changed
        def values(rows: set[tuple], name: str = name) -> set[tuple]:
            columns = [c.name for c in Base.metadata.tables[name].c]
            return {tuple(v for c, v in zip(columns, row) if c not in ("updated_at", "version")) for row in rows}
        assert values(before[name]) == values(after[name]), name
