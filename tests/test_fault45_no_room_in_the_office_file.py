"""Fault round 45: the disk fills up (or the account's file-size limit is met) where the -wal still has room.

An office's -wal keeps the room its biggest transaction took and is written over from its start once its pages are
in the .pmo, so on a full disk (or one over ``ulimit -f``) a new change still went into it — and was said saved
("Saved", "Kept board snapshot #1") — while the checkpoint meant to copy it into the .pmo failed part-way, the
failure swallowed. The .pmo alone, what a copy, a backup or a move to a roomier disk takes, was left torn: refused
as damaged ("database disk image is malformed") until its -wal was replayed into it, and a -wal stayed beside it
after the program closed. Now such a change is refused before it commits, saying why, and kept to retry as any
other the full disk refuses: the .pmo alone holds exactly what was said saved. A real small disk and a real limit."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Iterator

import pytest
from test_file_size_limit_said import SAID, limited
from test_full_disk import fill
from tmpfs import mounted_tmpfs

from pmo_desktop.models import errors, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "8m") as mount:
        yield mount


def alone(office: Path, where: Path) -> int:
    """How many risks the .pmo alone holds, copied as a file manager copies it (no -wal), checked whole."""
    copy = where / "plain-copy.pmo"
    shutil.copyfile(office, copy)
    con = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(con.execute("SELECT count(*) FROM risk").fetchone()[0])
    finally:
        con.close()
        copy.unlink()


def add(store: Store, count: int, mark: str) -> None:
    with store.transaction() as s:
        records.create_records(s, RISKS, [{"title": f"{mark} {i}", "notes": "n" * 200} for i in range(count)])


def test_a_change_the_full_disk_has_no_room_for_in_the_office_file_is_refused_not_half_saved(
        disk: Path, tmp_path: Path) -> None:
    office = disk / "office.pmo"
    store = Store.create(office)
    try:
        add(store, 2000, "Risk")  # the -wal now has room for a change of that size
        assert alone(office, tmp_path) == 2000
        filler = fill(disk)
        with pytest.raises(errors.DiskFailure, match="the disk is full"):
            add(store, 300, "New")
        assert alone(office, tmp_path) == 2000  # whole, and what was said saved
        filler.unlink()
        add(store, 300, "New")  # the same change once there is room
        assert alone(office, tmp_path) == 2300
    finally:
        store.close()
    assert sorted(os.listdir(disk)) == ["office.pmo"]


PACK = """
import sys
from pmo_desktop import cli
sys.exit(cli.main(["boardpack", "office.pmo", "pack.pdf"]))
"""


def test_a_board_pack_past_the_file_size_limit_keeps_no_snapshot_in_the_wal_alone(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    create_demo(office).close()
    # A limit under the size of an office copied in from elsewhere: the -wal and the -shm fit, the .pmo cannot grow.
    limit = 64 * 1024
    assert office.stat().st_size > limit
    done = limited(["-c", PACK], limit, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "its board snapshot could not be kept" in done.stderr and SAID in done.stderr, done.stderr
    assert (tmp_path / "pack.pdf").stat().st_size > 1000  # the pack itself was written
    assert not (tmp_path / "office.pmo-wal").exists()  # nothing left only in a -wal
    con = sqlite3.connect(f"file:{office}?immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM board_snapshot").fetchone()[0] == 0
    finally:
        con.close()
