"""An office from an older PMO Desktop opened on a disk with too little room to bring it up to date: the
backup copy (``NAME.pmo.vN.bak``) does not fit, or it fits and the migration does not, or both fit and
reading it then fails. Swept over the room left, for real on a small tmpfs. Every failure says the disk
is full in words about opening an older office (not "the copy was not saved", not a raw SQL error, not
"your change was not saved" for a change nobody made), and the office keeps every record."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Iterator

import pytest
from test_full_disk import fill
from tmpfs import mounted_tmpfs

from pmo_desktop.models import errors, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store
from pmo_desktop.models.summary import summarize


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "2m") as mount:
        yield mount


def older_office(folder: Path) -> Path:
    """The demo office as the previous version wrote it: its history without who made each change."""
    assert SCHEMA_VERSION == 7, "make the office of the version before the current one"
    path = folder / "older.pmo"
    create_demo(path).close()
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE record_history DROP COLUMN changed_by")
    con.execute("UPDATE pmo_meta SET value='6' WHERE key='schema_version'")
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")  # as a copy of it is kept: one self-contained file
    con.close()
    return path


def version_and_risks(path: Path) -> tuple[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (con.execute("SELECT value FROM pmo_meta WHERE key='schema_version'").fetchone()[0],
                con.execute("SELECT count(*) FROM risk").fetchone()[0])
    finally:
        con.close()


def test_opening_an_older_office_with_too_little_room(small_disk: Path, tmp_path: Path) -> None:
    source = older_office(tmp_path)
    size = source.stat().st_size
    said: set[str] = set()
    for room in range(size - 64_000, size + 40_000, 4_000):  # from no room for the backup to room for all
        for p in small_disk.iterdir():
            p.unlink()
        path = small_disk / "older.pmo"
        shutil.copyfile(source, path)
        fill(small_disk, leave=room)
        try:
            store = Store.open(path)
            try:
                with store.snapshot() as s:
                    summarize(s)
                    assert len(records.fetch_rows(s, REGISTERS["risks"])) == 10
            finally:
                store.close()
            said.add("opened")
        except errors.StoreError as e:
            text = str(e)
            assert "the disk is full" in text, text
            assert "older PMO Desktop" in text or "could not be read" in text, text
            assert "change was not saved" not in text and "SQL" not in text and "copy was not saved" not in text, text
            said.add(text.split(":")[0])
        (small_disk / "filler.bin").unlink()
        version, risks = version_and_risks(path)
        assert version in ("6", str(SCHEMA_VERSION)) and risks == 10
    assert "opened" in said and len(said) >= 3, said  # the sweep met the backup's failure and the migration's
