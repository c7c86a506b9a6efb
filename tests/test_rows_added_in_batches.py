"""Rows a table adds at once (a paste run past the end, the ✱ line) are written by the bulk insert, a batch of
1,000 a statement with the same rules row by row (issue 16): written one record at a time, 5–18 ms each, a paste
of 4,000 rows took 40 s. The records are the ones a row at a time made: IDs in order, placeholders, names
added, a sub-table's rule on its parent, a refusal naming its row, Cancel between batches."""

from datetime import date

import pytest
from sqlalchemy import select

from pmo_desktop.models import records
from pmo_desktop.models.errors import OperationCancelled, ValidationError
from pmo_desktop.models.program import Person
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store


@pytest.fixture
def store(tmp_path):
    store = Store.create(tmp_path / "office.pmo")
    yield store
    store.close()


def test_thousands_of_risks_in_order_with_their_ids_told_as_they_go(store):
    reg = REGISTERS["risks"]
    rows = [{"title": f"Risk {i}", "owner": "Dana Reyes" if i % 2 else ""} for i in range(2_500)]
    told: list[tuple[int, int]] = []
    with store.transaction() as s:
        ids = records.create_many(s, reg, rows, records.load_context(s), progress=lambda d, t: told.append((d, t)))
    assert told == [(1_000, 2_500), (2_000, 2_500)]
    with store.session() as s:
        stored = records.fetch_rows(s, reg)
    assert [r[0] for r in stored] == ids
    code, title, owner = (reg.field_names.index(n) + 2 for n in ("code", "title", "owner"))
    assert [(r[code], r[title]) for r in stored][:2] == [("R-001", "Risk 0"), ("R-002", "Risk 1")]
    assert stored[-1][code] == "R-2500"
    assert {r[owner] for r in stored} == {"Dana Reyes", None}
    with store.session() as s:
        assert s.scalars(select(Person.name)).all() == ["Dana Reyes"]  # added once


def test_blank_names_of_a_register_without_ids_are_numbered_one_by_one(store):
    """People have no ID and a unique name: three pasted rows with no name get three placeholder names (in one
    statement they had all been "New people 0", a clash)."""
    with store.transaction() as s:
        records.create_many(s, REGISTERS["people"], [{"name": "Ann"}, {}, {"email": "b@x.org"}, {}], None)
    with store.session() as s:
        names = s.scalars(select(Person.name).order_by(Person.id)).all()
    assert names == ["Ann", "New people 2", "New people 3", "New people 4"]


def test_a_measurement_outside_its_benefits_window_is_refused_naming_its_row(store):
    """The sub-table's rule sees its parent, as a record added alone does: the 1,201st measurement, a day past
    the window, refuses the whole paste, saying which row."""
    with store.transaction() as s:
        bid = records.create_record(s, REGISTERS["benefits"], {"title": "Fewer returns", "window_start": "2026-01-01",
                                                               "window_end": "2026-12-31"}).id
    rows = [{"on": date(2026, 6, 1), "value": i} for i in range(1_200)] + [
        {"on": date(2027, 1, 1), "value": 1}]
    with pytest.raises(ValidationError, match="outside B-001's realization window") as refused:
        with store.transaction() as s:
            records.create_many(s, REGISTERS["benefit_measurements"], rows, None, parent_id=bid)
    assert refused.value.row_index == 1_200
    with store.session() as s:
        assert records.fetch_rows(s, REGISTERS["benefit_measurements"], parent_id=bid) == []


def test_cancel_between_batches_adds_nothing(store):
    with pytest.raises(OperationCancelled):
        with store.transaction() as s:
            records.create_many(s, REGISTERS["risks"], [{"title": f"R{i}"} for i in range(1_500)], None,
                                cancelled=lambda: True)
    with store.session() as s:
        assert records.fetch_rows(s, REGISTERS["risks"]) == []


def test_a_unique_name_stored_or_given_twice_is_refused_in_words(store):
    """Projects' names are unique: a name another project holds, or one an earlier row of the same paste gives, is
    refused as typing it is — not as the database's "UNIQUE constraint failed"."""
    reg = REGISTERS["projects"]
    with store.transaction() as s:
        records.create_many(s, reg, [{"name": "North Quay"}], None)
    for rows, row in (([{"name": "South Dock"}, {"name": "North Quay"}], 1),
                      ([{"name": "East Pier"}, {"name": "West Pier"}, {"name": "East Pier"}], 2)):
        with pytest.raises(ValidationError, match="There is already a project named") as refused:
            with store.transaction() as s:
                records.create_many(s, reg, rows, None)
        assert refused.value.row_index == row
