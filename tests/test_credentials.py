"""Passwords for a shared office: found in the URL, PGPASSWORD, ~/.pgpass or a prompt; never shown or
remembered in clear. Checked against the real PostgreSQL test server with a role that has a password."""

import itertools

import pytest

from pmo_desktop.models import db_url, errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

_names = itertools.count(1)


def test_urls_shown_and_remembered_without_the_password():
    url = "postgresql+psycopg://ann:p%40ss%3Aw%2Frd@db.example.org:5433/office"
    assert db_url.display(url) == "ann@db.example.org:5433/office"
    assert db_url.without_password(url) == "postgresql+psycopg://ann@db.example.org:5433/office"
    assert "p%40ss" not in db_url.hide_password(url) and "***" in db_url.hide_password(url)
    assert db_url.without_password("postgresql+psycopg://ann@host/db") == "postgresql+psycopg://ann@host/db"


@pytest.fixture
def alice(pg_server, tmp_path, monkeypatch):
    """A login role with a password, owning an empty database; no password source set up yet."""
    n = next(_names)
    user, password, database = f"alice{n}", f"Alice-pw-{n}", f"alicedb{n}"
    pg_server.sql(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
    pg_server.sql(f"CREATE DATABASE {database} OWNER {user}")
    monkeypatch.setenv("HOME", str(tmp_path))  # libpq looks for ~/.pgpass here
    for var in ("PGPASSWORD", "PGPASSFILE", "PGSERVICE"):
        monkeypatch.delenv(var, raising=False)
    url = pg_server.url(database, user=user, password=None)
    yield {"user": user, "password": password, "url": url, "port": pg_server.port, "database": database}
    pg_server.drop_database(database)
    pg_server.sql(f"DROP ROLE IF EXISTS {user}")


def assert_usable_and_secret_free(store, password):
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
    store.engine.dispose()  # new connections later (reconnects) still authenticate
    with store.session() as s:
        assert len(records.fetch_rows(s, REGISTERS["projects"])) == 1
    for shown in (store.display_name, store.url_to_remember):
        assert password not in shown
    assert "@127.0.0.1" in store.url_to_remember and ":" + password not in store.url_to_remember


@pytest.mark.postgres
def test_password_from_the_pgpass_file(alice, tmp_path):
    pgpass = tmp_path / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{alice['port']}:{alice['database']}:{alice['user']}:{alice['password']}\n")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    store = Store.create(alice["url"], program_name="From pgpass")
    try:
        assert_usable_and_secret_free(store, alice["password"])
    finally:
        store.close()
    reopened = Store.open(alice["url"])
    assert reopened.program().name == "From pgpass"
    reopened.close()


@pytest.mark.postgres
def test_password_from_the_environment(alice, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", alice["password"])
    store = Store.create(alice["url"])
    try:
        assert_usable_and_secret_free(store, alice["password"])
    finally:
        store.close()


@pytest.mark.postgres
def test_password_from_the_prompt_after_a_wrong_one(alice):
    asked = []
    answers = iter(["wrong", alice["password"]])

    def prompt(name):
        asked.append(name)
        return next(answers)

    store = Store.create(alice["url"], password_prompt=prompt)
    try:
        assert asked == [f"{alice['user']}@127.0.0.1:{alice['port']}/{alice['database']}"] * 2
        assert_usable_and_secret_free(store, alice["password"])
    finally:
        store.close()


@pytest.mark.postgres
def test_no_password_anywhere_is_a_clear_refusal(alice):
    with pytest.raises(errors.AuthenticationFailed, match="needs a password.*PGPASSWORD.*pgpass"):
        Store.open(alice["url"])
    with pytest.raises(errors.AuthenticationFailed, match="no password was given"):
        Store.open(alice["url"], password_prompt=lambda name: None)  # the user pressed Cancel


@pytest.mark.postgres
def test_wrong_password_in_the_url_is_not_echoed(alice):
    url = alice["url"].replace(f"{alice['user']}@", f"{alice['user']}:Not-{alice['password']}@")
    with pytest.raises(errors.StoreError) as info:
        Store.open(url)
    assert alice["password"] not in str(info.value)
