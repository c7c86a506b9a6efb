"""The program office file: create, reopen, copy, and every refusal leaving the file unchanged."""

import hashlib
import os
import sqlite3
import stat

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_reopen_and_copy(tmp_path):
    path = tmp_path / "office.pmo"
    s = Store.create(path, program_name="Alpha")
    with s.transaction() as session:
        records.create_record(session, REGISTERS["projects"], {"name": "Tills"})
    copy = s.save_copy(tmp_path / "copy.pmo")
    s.close()

    for p in (path, copy):
        reopened = Store.open(p)
        assert reopened.program().name == "Alpha"
        with reopened.session() as session:
            assert [r[3] for r in records.fetch_rows(session, REGISTERS["projects"])] == ["Tills"]
        reopened.close()


def test_wal_mode_and_foreign_keys(sqlite_store):
    store = sqlite_store
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_copy_while_open_is_consistent(sqlite_store, tmp_path):
    store = sqlite_store
    with store.transaction() as session:
        for i in range(50):
            records.create_record(session, REGISTERS["projects"], {"name": f"Project {i}"})
    copy = store.save_copy(tmp_path / "snapshot.pmo")
    con = sqlite3.connect(copy)
    assert con.execute("select count(*) from project").fetchone()[0] == 50
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    con.close()


def test_create_refuses_existing_file(tmp_path):
    path = tmp_path / "exists.pmo"
    path.write_bytes(b"keep me")
    with pytest.raises(errors.StoreError, match="already exists"):
        Store.create(path)
    assert path.read_bytes() == b"keep me"


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.pmo"
    path.write_text("just some text")
    before = digest(path)
    with pytest.raises(errors.NotAProgramOfficeFile, match="not a PMO Desktop program office file"):
        Store.open(path)
    assert digest(path) == before


def test_foreign_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("create table things(x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(errors.NotAProgramOfficeFile, match="database, but not"):
        Store.open(path)
    assert digest(path) == before


def test_newer_schema_version_refused(tmp_path):
    path = tmp_path / "future.pmo"
    Store.create(path).close()
    con = sqlite3.connect(path)
    con.execute("update pmo_meta set value=? where key='schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.execute("pragma wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(path)
    with pytest.raises(errors.NewerFileVersion, match="newer PMO Desktop"):
        Store.open(path)
    assert digest(path) == before


def test_corrupt_file_refused(tmp_path):
    path = tmp_path / "broken.pmo"
    Store.create(path).close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # trash the second page, keep the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises((errors.CorruptFile, errors.NotAProgramOfficeFile)):
        Store.open(path)
    assert digest(path) == before


def _opens_for_viewing_only(path, reason: str) -> None:
    """A read-only office opens (tests/test_read_only_office.py has the rest); every write is refused."""
    before = digest(path)
    store = Store.open(path)
    try:
        assert store.read_only_reason == reason
        assert store.program() is not None
        with pytest.raises(errors.ReadOnlyFile, match="read only"):
            store.set_setting("risk_scale", {"size": 4})
    finally:
        store.close()
    assert digest(path) == before


def test_read_only_file_opens_for_viewing(tmp_path):
    """Also as root (who may write anything): a file without write permission is not ours to change."""
    path = tmp_path / "ro.pmo"
    Store.create(path).close()
    path.chmod(stat.S_IRUSR)
    _opens_for_viewing_only(path, "the file is read-only")


def test_read_only_as_the_system_says_even_as_root(tmp_path, monkeypatch):
    """Root ignores permissions, so also check the rule through os.access (what the store asks)."""
    path = tmp_path / "ro.pmo"
    Store.create(path).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    _opens_for_viewing_only(path, "the file is read-only")


def test_missing_file(tmp_path):
    with pytest.raises(errors.FileNotFound):
        Store.open(tmp_path / "nope.pmo")


def test_settings_round_trip(store):
    store.set_setting("risk_scale", {"size": 4})
    assert store.get_setting("risk_scale") == {"size": 4}
    assert store.get_setting("missing", 7) == 7


def test_a_sqlite_url_to_a_missing_file_creates_nothing(tmp_path):
    missing = tmp_path / "missing.pmo"
    with pytest.raises(errors.FileNotFound):
        Store.open(f"sqlite:///{missing}")
    assert not missing.exists()
