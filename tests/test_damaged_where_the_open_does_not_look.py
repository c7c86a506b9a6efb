"""Damage the open's check (``PRAGMA quick_check``) does not see, or reports in garbled words: a schema
entry whose name is not UTF-8, a record's text that is not UTF-8 (another program wrote Windows-1252
bytes into it, or a few bytes changed). Found by overwriting random bytes
of an office (/work/rounds/fault11/probes/fuzz_office.py); made here on purpose.

Each is said to be damage, in one sentence, and nothing is written: before, the first was an
"Unexpected error (UnicodeDecodeError …)" and the others "cannot be reached … Retry when it is back"."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]
RISKS = REGISTERS["risks"]


def office(folder: Path) -> Path:
    path = folder / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        records.create_record(s, RISKS, {"title": "Supplier slips"})
    export_workbook(store, folder / "first.xlsx")  # the first export names the office in it: done before the damage
    store.close()
    return path


def spoil(path: Path, *statements: str) -> str:
    con = sqlite3.connect(path)
    con.execute("PRAGMA writable_schema=ON")
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def test_a_schema_entry_with_a_garbled_name_is_refused_as_damaged(tmp_path: Path) -> None:
    path = office(tmp_path)
    before = spoil(path, "UPDATE sqlite_master SET name = CAST(X'52E9BE' AS TEXT), "
                         "sql = CAST(X'435245415445205441424C45205249534BE9BE2028' AS TEXT) WHERE name = 'board_snapshot'")
    with pytest.raises(errors.CorruptFile, match="is damaged"):
        Store.open(path)
    done = cli("summary", str(path))
    assert done.returncode == 1 and "is damaged" in done.stderr and "Unexpected" not in done.stderr, done.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("damage", [
    "UPDATE risk SET title = CAST(X'43616684E9' AS TEXT)",  # not UTF-8
    # A column renamed in the schema is refused at open now: tests/test_office_with_a_table_missing.py.
])
def test_damage_met_on_reading_is_said_to_be_damage(tmp_path: Path, damage: str) -> None:
    path = office(tmp_path)
    spoil(path, damage)
    store = Store.open(path)
    try:
        with pytest.raises(errors.CorruptFile, match=r"is damaged .*Open a backup copy"):
            with store.snapshot() as s:
                records.fetch_rows(s, RISKS)
        with pytest.raises(errors.CorruptFile, match="your change was not saved"):
            with store.transaction() as s:
                records.fetch_rows(s, RISKS)
                records.create_record(s, RISKS, {"title": "Never half-saved"})
    finally:
        store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    done = cli("export", str(path), str(tmp_path / "office.xlsx"))
    assert done.returncode == 1 and "is damaged" in done.stderr and "cannot be reached" not in done.stderr, done.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and not (tmp_path / "office.xlsx").exists()
