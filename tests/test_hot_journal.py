"""A program office left with a hot -journal: another program (the sqlite3 shell, DB Browser, a script)
was killed while writing the file in rollback-journal mode — the mode Save a Copy As writes. The file
holds some of that unfinished transaction's pages; the -journal holds the pages as they were.

Opened where it can be written, the unfinished transaction is undone and the office is exactly as at
its last commit. A file refused (a newer version) keeps its bytes and its journal; a read-only one says
what to do, not "read-only" as if nothing could be done or "damaged".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store

PROJECTS = REGISTERS["projects"]
NAMES = [f"Project {i}" for i in range(5)]

# Killed mid-transaction with the page cache too small to hold it: changed pages are already in the file.
KILLED_WRITER = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size=1")
con.execute("BEGIN")
con.execute("UPDATE project SET name = name || ' (unfinished)'")
con.execute("CREATE TABLE scratch(x)")
con.execute("INSERT INTO scratch VALUES (randomblob(300000))")
os._exit(0)
"""


def office_with_hot_journal(folder: Path, schema_version: int = SCHEMA_VERSION) -> Path:
    source = Store.create(folder / "source.pmo", program_name="Alpha")
    with source.transaction() as s:
        for name in NAMES:
            records.create_record(s, PROJECTS, {"name": name})
    path = source.save_copy(folder / "office.pmo")  # a rollback-journal file
    source.close()
    if schema_version != SCHEMA_VERSION:  # as a newer PMO Desktop left it, committed
        con = sqlite3.connect(path)
        con.execute("UPDATE pmo_meta SET value=? WHERE key='schema_version'", (str(schema_version),))
        con.commit()
        con.close()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=True, timeout=120)
    assert Path(f"{path}-journal").stat().st_size > 0
    with pytest.raises(sqlite3.OperationalError):  # hot: SQLite will not read it without undoing it
        sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("SELECT 1 FROM project").fetchall()
    return path


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def names(store: Store) -> list[str]:
    with store.session() as s:
        return sorted(r[PROJECTS.field_names.index("name") + 2] for r in records.fetch_rows(s, PROJECTS))


def test_the_unfinished_change_is_undone_and_the_office_opens(tmp_path: Path) -> None:
    path = office_with_hot_journal(tmp_path)
    store = Store.open(path)
    try:
        assert not store.read_only
        assert names(store) == NAMES  # as at its last commit: nothing of the killed transaction
        with store.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.close()
    assert not Path(f"{path}-journal").exists()


def test_the_command_line_opens_it_too(tmp_path: Path) -> None:
    path = office_with_hot_journal(tmp_path)
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "summary", str(path), "--json"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"projects"' in done.stdout


def test_a_newer_office_with_a_hot_journal_is_refused_untouched(tmp_path: Path) -> None:
    path = office_with_hot_journal(tmp_path, SCHEMA_VERSION + 1)
    before = listing(tmp_path)
    with pytest.raises(errors.NewerFileVersion):
        Store.open(path)
    assert listing(tmp_path) == before  # the file and its journal as they were, and nothing beside them


def test_a_read_only_office_with_a_hot_journal_says_what_to_do(tmp_path: Path) -> None:
    path = office_with_hot_journal(tmp_path)
    path.chmod(0o444)
    before = listing(tmp_path)
    with pytest.raises(errors.ReadOnlyFile, match=r"left half-written.*office\.pmo-journal.*Copy both files"):
        Store.open(path)
    assert listing(tmp_path) == before
