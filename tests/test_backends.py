"""The same program office on SQLite and PostgreSQL: schema, migration, lookups, restored ids."""

import threading
import time

import pytest
from sqlalchemy import select, text

from pmo_desktop.models import errors, records, schema
from pmo_desktop.models import store as store_module
from pmo_desktop.models.program import Person
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]
PROJECTS = REGISTERS["projects"]


@pytest.mark.postgres
def test_create_on_postgresql_builds_the_schema_and_reopens(pg_url):
    s = Store.create(pg_url, program_name="Shared office")
    with s.transaction() as session:
        records.create_record(session, PROJECTS, {"name": "Tills"})
    s.close()
    reopened = Store.open(pg_url)
    try:
        assert reopened.program().name == "Shared office"
        assert "pmo_admin" in reopened.display_name and "pmo-test-secret" not in reopened.display_name
        with reopened.session() as session:
            assert [r[3] for r in records.fetch_rows(session, PROJECTS)] == ["Tills"]
    finally:
        reopened.close()
    with pytest.raises(errors.StoreError, match="already holds a program office"):
        Store.create(pg_url)


@pytest.mark.postgres
def test_empty_postgresql_database_is_not_an_office(pg_url):
    with pytest.raises(errors.NotAProgramOfficeFile):
        Store.open(pg_url)


def test_migration_runs_on_open(store_url, monkeypatch):
    """A database of the previous schema version is moved forward in one transaction, on both backends."""
    Store.open(store_url).close()
    next_version = schema.SCHEMA_VERSION + 1

    def add_column(conn):
        conn.execute(text("ALTER TABLE risk ADD COLUMN proximity_note VARCHAR(50)"))

    monkeypatch.setattr(schema, "SCHEMA_VERSION", next_version)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", next_version)
    monkeypatch.setitem(schema.MIGRATIONS, next_version, add_column)
    s = Store.open(store_url)
    try:
        with s.engine.connect() as conn:
            assert schema.read_meta(conn)["schema_version"] == str(next_version)
            conn.execute(text("SELECT proximity_note FROM risk"))
    finally:
        s.close()


def test_two_users_opening_an_old_office_at_once_migrate_it_once(store_url, monkeypatch):
    Store.open(store_url).close()
    next_version = schema.SCHEMA_VERSION + 1
    runs = []

    def slow_migration(conn):
        runs.append(1)
        conn.execute(text("ALTER TABLE risk ADD COLUMN proximity_note VARCHAR(50)"))
        time.sleep(0.3)  # the other user opens meanwhile

    monkeypatch.setattr(schema, "SCHEMA_VERSION", next_version)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", next_version)
    monkeypatch.setitem(schema.MIGRATIONS, next_version, slow_migration)
    opened, failures = [], []

    def open_it():
        try:
            opened.append(Store.open(store_url))
        except Exception as e:  # noqa: BLE001 - reported below
            failures.append(e)

    threads = [threading.Thread(target=open_it, daemon=True) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for s in opened:
        s.close()
    assert not failures and len(opened) == 2 and runs == [1]


def test_newer_version_refused_on_both_backends(store_url):
    s = Store.open(store_url)
    with s.engine.begin() as conn:
        schema.write_meta(conn, schema.SCHEMA_VERSION + 1)
    s.close()
    with pytest.raises(errors.NewerFileVersion, match="newer PMO Desktop"):
        Store.open(store_url)


def test_names_with_accents_match_in_any_case(store):
    """SQLite's lower() and PostgreSQL's in the C locale fold ASCII only: “Élodie” must still be one person."""
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "A", "owner": "Élodie Durand"})
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "B", "owner": "Élodie Durand"})
        records.create_record(s, RISKS, {"title": "C", "owner": "élodie DURAND"})
    with store.session() as s:
        assert s.scalars(select(Person.name)).all() == ["Élodie Durand"]
        owners = {r[RISKS.field_names.index("owner") + 2] for r in records.fetch_rows(s, RISKS)}
    assert owners == {"Élodie Durand"}


def test_codes_match_in_any_case(store):
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "A"})
        assert records.find_id_by_code(s, RISKS, " r-001 ") is not None
        with pytest.raises(errors.ValidationError, match="already used"):
            records.create_record(s, RISKS, {"title": "B", "code": "r-001"})


def test_restored_ids_do_not_collide_with_new_records(demo_store, store):
    """Rows put back with their ids (undo of a delete, or rows copied from another office) must move
    PostgreSQL's id sequences past them, or the next new record would reuse an id."""
    objectives = REGISTERS["objectives"]
    with demo_store.transaction() as s:
        ids = [r[0] for r in records.fetch_rows(s, objectives)]
        snap = records.delete_records(s, objectives, ids)
    snap.rows = [(name, rows) for name, rows in snap.rows if name == "objective"]  # no benefits here
    with store.transaction() as s:  # an empty office whose sequences never reached these ids
        records.restore_records(s, snap)
    with store.transaction() as s:
        new = records.create_record(s, objectives, {"title": "After restore"})
    assert new.id > max(ids)
    with store.session() as s:
        assert len(records.fetch_rows(s, objectives)) == len(ids) + 1


@pytest.mark.parametrize("field,value", [("title", "x" * 301), ("owner", "y" * 201), ("code", "R-" + "9" * 30)])
def test_too_long_text_is_refused_the_same_on_both(store, field, value):
    """PostgreSQL enforces VARCHAR lengths, SQLite does not: both refuse with the same message."""
    with store.transaction() as s:
        rid = records.create_record(s, RISKS, {"title": "Keep"}).id
    with pytest.raises(errors.ValidationError, match="too long"):
        with store.transaction() as s:
            records.update_record(s, RISKS, rid, {field: value})
    with store.session() as s:
        assert records.record_values(s, RISKS, rid)["title"] == "Keep"


@pytest.mark.postgres
def test_value_out_of_range_for_postgresql_is_a_validation_error(pg_store_url):
    s = Store.open(pg_store_url)
    try:
        with s.transaction() as session:
            rid = records.create_record(session, RISKS, {"title": "Keep"}).id
        with pytest.raises(errors.ValidationError, match="does not fit"):
            with s.transaction() as session:
                session.get(RISKS.entity, rid).probability = 10 ** 12  # past PostgreSQL's integer
    finally:
        s.close()
