"""Fault round 65: an office of the version before (5, without the financial year's start) opened where its backup's
name, ``NAME.pmo.v5.bak``, is taken — by the backup an earlier opening kept (the office then restored from a copy
and worked on in the older version again), by a folder, by a file its owner made read-only.

The backup was written over the one there, without a word: the office as it was before the first migration was
gone. A folder or a read-only file of that name kept the office from opening at all ("its backup copy … could not
be saved first: … is a folder; give the copy a file name"). Now the copy goes under the next free name,
``NAME.pmo.v5 (2).bak``, and whatever held the name is left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_older_office_on_a_full_disk import older_office, version_and_risks

from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store


@pytest.mark.parametrize("taken_by", ["an earlier backup", "a folder", "a read-only file"])
def test_the_backup_goes_under_a_free_name_and_what_held_the_name_is_left(tmp_path: Path, taken_by: str) -> None:
    office = older_office(tmp_path)
    taken = tmp_path / "older.pmo.v5.bak"
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
    assert version_and_risks(tmp_path / "older.pmo.v5 (2).bak") == before  # the office as it was
    if taken_by == "a folder":
        assert (taken / "kept.txt").read_text() == "mine"
    else:
        assert taken.read_bytes() == b"the backup kept the first time this office was opened"
