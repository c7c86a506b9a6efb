"""Fault round 65: an office of the version before (5, without the financial year's start) opened where its backup's
name, ``NAME.pmo.v6.bak``, is taken — by the backup an earlier opening kept (the office then restored from a copy
and worked on in the older version again), by a folder, by a file its owner made read-only.

The backup was written over the one there, without a word: the office as it was before the first migration was
gone. A folder or a read-only file of that name kept the office from opening at all ("its backup copy … could not
be saved first: … is a folder; give the copy a file name"). Now the copy goes under the next free name,
``NAME.pmo.v6 (2).bak``, and whatever held the name is left as it was; a copy of an office then not brought up
to date (its migration failed, or another user's program migrated it meanwhile) is not kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_full_disk import fill
from test_older_office_on_a_full_disk import older_office, version_and_risks
from tmpfs import mounted_tmpfs

from pmo_desktop.models import errors
from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store


@pytest.mark.parametrize("taken_by", ["an earlier backup", "a folder", "a read-only file"])
def test_the_backup_goes_under_a_free_name_and_what_held_the_name_is_left(tmp_path: Path, taken_by: str) -> None:
    office = older_office(tmp_path)
    taken = tmp_path / "older.pmo.v6.bak"
    if taken_by == "a folder":
        taken.mkdir()
        (taken / "kept.txt").write_text("mine")
    else:
        taken.write_bytes(b"the backup kept the first time this office was opened")
        if taken_by == "a read-only file":
            taken.chmod(0o444)
    before = version_and_risks(office)
    store = Store.open(office)
    try:
        assert not store.read_only
    finally:
        store.close()
    assert version_and_risks(office) == (str(SCHEMA_VERSION), before[1])
    assert version_and_risks(tmp_path / "older.pmo.v6 (2).bak") == before  # the office as it was
    if taken_by == "a folder":
        assert (taken / "kept.txt").read_text() == "mine"
    else:
        assert taken.read_bytes() == b"the backup kept the first time this office was opened"


def test_a_migration_the_full_disk_refused_leaves_no_backup_to_pile_up(tmp_path: Path) -> None:
    """Found making the backup's name free: each opening whose migration the full disk refused (after its backup
    fitted) kept its backup — which now takes a name of its own each time, so every retry would leave one copy
    more on the disk that is full. The office is as it was, so the copy is removed; swept over the room left."""
    source = older_office(tmp_path)
    size = source.stat().st_size
    failed = 0
    with mounted_tmpfs(tmp_path / "disk", "2m") as disk:
        for room in range(size + 4_000, size + 40_000, 4_000):  # the backup fits, the migration may not
            for p in disk.iterdir():
                p.unlink()
            office = disk / "older.pmo"
            shutil.copyfile(source, office)
            fill(disk, leave=room)
            try:
                Store.open(office).close()
                left = [p.name for p in disk.iterdir() if p.name.endswith(".bak")]
                assert left == ["older.pmo.v6.bak"], left  # brought up to date: its copy as it was is kept
            except errors.StoreError as e:
                if "which failed" in str(e):  # the migration's own failure, its backup saved first
                    failed += 1
                    assert not [p for p in disk.iterdir() if p.name.endswith(".bak")], str(e)
            (disk / "filler.bin").unlink()
            assert version_and_risks(office)[1] == 10
    assert failed, "the sweep met no migration the full disk refused"
