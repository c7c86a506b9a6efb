"""Fault round 45: an office named within 8 bytes of the longest name a disk takes (255 bytes: 123 accented
letters and ".pmo" are 250 of them). SQLite keeps its own files beside an office under the office's name and a
suffix ("-journal" while a file is made, copied or checked; "-wal", "-shm" while it is open), and those names
cannot be made. Before, ``new`` wrote the office, then said "Could not use “…-journal”: File name too long" —
and the file stayed under that name, which no later command or window could open (and ``new`` again said it
already existed); Save a Copy As wrote a copy no one could open. Now such a name is refused before anything is
written, saying how long a name may be; a file that has one (copied here from elsewhere) is refused untouched,
saying to rename it. A name of 247 bytes, the longest that leaves room, is a program office like any other."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cli_runner import run_cli

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import LONGEST_OFFICE_NAME, Store

TOO_LONG = "é" * 123 + ".pmo"  # 250 bytes: a valid file name, without room for "-journal" beside it
LONGEST = "é" * 121 + "e.pmo"  # 247 bytes: room for every file SQLite makes beside it


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_new_under_a_name_without_room_writes_nothing_and_says_how_long_a_name_may_be(tmp_path: Path) -> None:
    assert len(TOO_LONG.encode()) == 250 and len(LONGEST.encode()) == LONGEST_OFFICE_NAME == 247
    proc = run_cli("new", TOO_LONG, cwd=tmp_path)
    assert proc.returncode != 0
    assert "250 bytes long" in proc.stderr and "at most 247 bytes" in proc.stderr, proc.stderr
    assert "-journal”: File name too long" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # no office left under the name, no temporary file
    assert run_cli("new", LONGEST, cwd=tmp_path).returncode == 0  # the longest name that leaves room


def test_a_file_copied_under_such_a_name_is_refused_untouched_saying_to_rename_it(tmp_path: Path) -> None:
    Store.create(tmp_path / "office.pmo").close()
    (tmp_path / TOO_LONG).write_bytes((tmp_path / "office.pmo").read_bytes())
    before = listing(tmp_path)
    with pytest.raises(errors.StoreError) as refused:
        Store.open(tmp_path / TOO_LONG)
    assert "Rename it to a name of at most 247 bytes" in str(refused.value)
    proc = run_cli("summary", TOO_LONG, cwd=tmp_path)
    assert proc.returncode != 0 and "Rename it" in proc.stderr, proc.stderr
    assert listing(tmp_path) == before


def test_save_a_copy_under_such_a_name_writes_nothing_and_the_longest_name_opens(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "office.pmo")
    try:
        with store.transaction() as s:
            records.create_record(s, REGISTERS["risks"], {"title": "Supplier fails", "probability": 2, "impact": 3})
        before = listing(tmp_path)
        with pytest.raises(errors.StoreError) as refused:
            store.save_copy(tmp_path / TOO_LONG)
        assert str(refused.value).startswith("The copy was not saved: the name “")
        assert "Choose a name of at most 247 bytes" in str(refused.value)
        assert listing(tmp_path) == before
        store.save_copy(tmp_path / LONGEST)
    finally:
        store.close()
    copy = Store.open(tmp_path / LONGEST)
    try:
        with copy.transaction() as s:
            records.create_record(s, REGISTERS["risks"], {"title": "Depot floods", "probability": 1, "impact": 4})
        with copy.session() as s:
            assert len(records.fetch_rows(s, REGISTERS["risks"])) == 2
    finally:
        copy.close()
