"""An office that cannot be written here opens for viewing: every register reads, export, board pack,
summary and Save a Copy As work, every edit is refused before it starts with one message saying why,
and the file and its folder stay byte-for-byte as they were (no -wal, no -shm, no journal).

Three real ways a file is read-only: a colleague's file with mode 444, a folder we may not write, and a
read-only medium (a tmpfs remounted read-only; the tests run as root, where chmod alone would not stop
a write — hence the check of the permission bits, which these tests go through)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest
from tmpfs import mounted_tmpfs, remount_read_only

from pmo_desktop.models import errors, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def demo_office(folder: Path, mode: str) -> Path:
    """The demo office as an open office leaves it ("wal") or as Save a Copy As writes it ("copy")."""
    folder.mkdir(exist_ok=True)
    path = folder / "office.pmo"
    store = create_demo(folder / "source.pmo" if mode == "copy" else path)
    if mode == "copy":
        store.save_copy(path)
        store.close()
        for side in ("", "-wal", "-shm"):
            Path(f"{folder / 'source.pmo'}{side}").unlink(missing_ok=True)
    else:
        store.close()
    assert path.read_bytes()[18:20] == (b"\x02\x02" if mode == "wal" else b"\x01\x01")
    return path


def file_444(path: Path) -> None:
    path.chmod(0o444)


def folder_555(path: Path) -> None:
    path.parent.chmod(0o555)


@pytest.fixture
def read_only_medium(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of its own, remounted read-only by the test (a CD, a write-protected stick)."""
    with mounted_tmpfs(tmp_path / "medium", "8m") as mount:
        yield mount




WAYS: dict[str, tuple[Callable[[Path], None], str]] = {
    "file 444": (file_444, "the file is read-only"),
    "folder 555": (folder_555, "its folder is read-only"),
}


@pytest.fixture(params=[(way, mode) for way in [*WAYS, "read-only medium"] for mode in ("wal", "copy")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def read_only_office(request, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    way, mode = request.param
    if way == "read-only medium":
        medium = request.getfixturevalue("read_only_medium")
        path = demo_office(medium / "office", mode)
        remount_read_only(medium)
        yield path, "the disk it is on is read-only"
        return
    path = demo_office(tmp_path / "office", mode)
    make_read_only, reason = WAYS[way]
    make_read_only(path)
    try:
        yield path, reason
    finally:
        path.parent.chmod(0o755)


def test_a_read_only_office_opens_for_viewing_and_stays_untouched(read_only_office: tuple[Path, str],
                                                                   tmp_path: Path) -> None:
    from pmo_desktop.excel.boardpack_publish import publish_board_pack
    from pmo_desktop.excel.export import export_workbook

    path, reason = read_only_office
    before = listing(path.parent)
    store = Store.open(path)
    try:
        assert store.read_only and store.read_only_reason == reason
        with store.session() as s:
            counts = {name: len(records.fetch_rows(s, reg)) for name, reg in REGISTERS.items() if not reg.parent}
        assert counts["risks"] > 0 and counts["stakeholders"] > 0
        with pytest.raises(errors.ReadOnlyFile, match="read only") as refused:
            with store.transaction() as s:
                records.create_record(s, REGISTERS["projects"], {"name": "Never saved"})
        assert reason in str(refused.value) and "Save a Copy As" in str(refused.value)
        assert listing(path.parent) == before  # nothing beside it while it is open either
        out = tmp_path / "out"
        out.mkdir()
        export_workbook(store, out / "registers.xlsx")
        pack, kept = publish_board_pack(store, out / "board.pdf")
        assert pack.stat().st_size > 0 and kept is None  # no board snapshot kept in a read-only office
        assert store.data_version() is not None
        copy = store.save_copy(out / "mine.pmo")
    finally:
        store.close()
    assert listing(path.parent) == before
    editable = Store.open(copy)  # the way to edit it: a copy somewhere writable
    try:
        assert not editable.read_only
        with editable.transaction() as s:
            records.create_record(s, REGISTERS["projects"], {"name": "In my copy"})
        with editable.session() as s:
            assert len(records.fetch_rows(s, REGISTERS["risks"])) == counts["risks"]
    finally:
        editable.close()


def test_an_older_read_only_office_is_refused_untouched(tmp_path: Path) -> None:
    """Opening an older office migrates it, which writes: refused with what to do (and
    tests/test_file_refusals.py checks that nothing at all was touched)."""
    import sqlite3

    from pmo_desktop.models.schema import SCHEMA_VERSION

    path = demo_office(tmp_path / "office", "copy")
    con = sqlite3.connect(path)
    con.execute("update pmo_meta set value=? where key='schema_version'", (str(SCHEMA_VERSION - 1),))
    con.commit()
    con.close()
    path.chmod(0o444)
    with pytest.raises(errors.ReadOnlyFile, match="older PMO Desktop.*Copy it somewhere you can write"):
        Store.open(path)


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_command_line_reads_a_read_only_office_and_refuses_to_change_it(tmp_path: Path) -> None:
    path = demo_office(tmp_path / "office", "wal")
    path.chmod(0o444)
    before = listing(path.parent)
    out = tmp_path / "out"
    out.mkdir()
    summary = cli("summary", str(path))
    assert summary.returncode == 0 and "Risks" in summary.stdout, summary.stderr
    assert cli("export", str(path), str(out / "all.xlsx")).returncode == 0
    pack = cli("boardpack", str(path), str(out / "board.xlsx"))
    assert pack.returncode == 0 and "Kept no board snapshot" in pack.stdout, pack.stderr
    assert cli("import", str(path), str(out / "all.xlsx"), "--dry-run").returncode == 0
    imported = cli("import", str(path), str(out / "all.xlsx"))
    assert imported.returncode == 1
    assert imported.stderr.count("\n") == 1 and "read only (the file is read-only)" in imported.stderr
    assert listing(path.parent) == before


def test_a_read_only_office_a_crash_left_with_its_wal_shows_the_last_edits(tmp_path: Path) -> None:
    """What a kill leaves (.pmo and -wal, no -shm), then made read-only: read through the -wal, and
    the -shm SQLite needs for that is gone again at close."""
    import shutil
    import sqlite3

    path = demo_office(tmp_path / "office", "wal")
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE program SET name = 'Renamed just before the crash'")
    con.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for side in ("", "-wal"):
        shutil.copyfile(f"{path}{side}", f"{crashed / 'office.pmo'}{side}")
    con.close()
    (crashed / "office.pmo").chmod(0o444)
    before = listing(crashed)
    store = Store.open(crashed / "office.pmo")
    try:
        assert store.read_only
        program = store.program()
        assert program is not None and program.name == "Renamed just before the crash"
    finally:
        store.close()
    assert listing(crashed) == before
