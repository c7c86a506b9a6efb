"""Every file Store.open refuses is left byte-for-byte as it was (sha256), with nothing created beside
it: no -wal, no -shm, no -journal, no journal-mode change. Each class of bad file is made both as
Save a Copy As writes files (rollback journal) and as an open office leaves them (WAL)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.schema import SCHEMA_VERSION
from pmo_desktop.models.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def office(folder: Path, mode: str) -> Path:
    """A real program office with a few records, as a "wal" file or a "copy" (rollback journal)."""
    work = folder / "work"
    work.mkdir(exist_ok=True)
    store = Store.create(work / "source.pmo", program_name="Alpha")
    with store.transaction() as s:
        for i in range(30):
            records.create_record(s, REGISTERS["projects"], {"name": f"Project {i} " + "x" * 150})
    path = folder / "office.pmo"
    if mode == "copy":
        store.save_copy(path)
        store.close()
    else:
        store.close()
        os.replace(work / "source.pmo", path)
    with open(path, "rb") as fh:
        header = fh.read(20)
    assert header[18:20] == (b"\x02\x02" if mode == "wal" else b"\x01\x01")
    return path


def _edit(path: Path, sql: str, *params) -> None:
    """Change the file with sqlite3 itself, keeping its journal mode and leaving no side file."""
    con = sqlite3.connect(path)
    con.execute(sql, params)
    con.commit()
    con.close()
    assert not [p for p in path.parent.iterdir() if p.name.startswith(path.name + "-")]


def newer(path: Path) -> None:
    _edit(path, "update pmo_meta set value=? where key='schema_version'", str(SCHEMA_VERSION + 1))


def other_marker(path: Path) -> None:
    _edit(path, "update pmo_meta set value='some-other-app' where key='format'")


def no_version(path: Path) -> None:
    _edit(path, "delete from pmo_meta where key='schema_version'")


def no_marker_table(path: Path) -> None:
    _edit(path, "drop table pmo_meta")


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # the second page, header kept
    path.write_bytes(bytes(data))


def header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def older_and_read_only(path: Path) -> None:
    """Opened for viewing when read-only (tests/test_read_only_office.py), except when it would first
    have to be migrated: that writes, so it is refused."""
    _edit(path, "update pmo_meta set value=? where key='schema_version'", str(SCHEMA_VERSION - 1))
    path.chmod(0o444)


BAD: dict[str, tuple[Callable[[Path], None], type[errors.StoreError]]] = {
    "newer version": (newer, errors.NewerFileVersion),
    "other format marker": (other_marker, errors.NotAProgramOfficeFile),
    "no schema version": (no_version, errors.CorruptFile),
    "foreign database": (no_marker_table, errors.NotAProgramOfficeFile),
    "truncated": (truncated, errors.CorruptFile),
    "damaged": (damaged, errors.CorruptFile),
    "header only": (header_only, errors.CorruptFile),
    "older and read-only": (older_and_read_only, errors.ReadOnlyFile),
}


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: (digest(p) if p.is_file() else "dir") for p in folder.iterdir()}


def _assert_refused_untouched(path: Path, expected: type[errors.StoreError]) -> None:
    folder = path.parent
    before = _listing(folder)
    with pytest.raises(expected) as refused:
        Store.open(path)
    assert str(refused.value).strip()
    assert _listing(folder) == before  # same bytes, and nothing beside it (-wal, -shm, -journal)
    # A second attempt (e.g. the user tries again) changes nothing either.
    with pytest.raises(expected):
        Store.open(f"sqlite:///{path}")
    assert _listing(folder) == before


@pytest.mark.parametrize("mode", ["copy", "wal"])
@pytest.mark.parametrize("kind", list(BAD))
def test_every_refusal_leaves_the_file_and_folder_as_they_were(tmp_path: Path, kind: str, mode: str) -> None:
    path = office(tmp_path, mode)
    spoil, expected = BAD[kind]
    spoil(path)
    _assert_refused_untouched(path, expected)


@pytest.mark.parametrize("content", [b"", b"just some notes\n", b"SQLite format 2\x00" + b"\x00" * 200,
                                     b"PK\x03\x04" + b"\x00" * 100])
def test_files_that_are_not_databases(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.pmo"
    path.write_bytes(content)
    _assert_refused_untouched(path, errors.NotAProgramOfficeFile)


def test_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "folder.pmo"
    path.mkdir()
    (path / "inside.txt").write_text("keep")
    before = _listing(tmp_path)
    with pytest.raises(errors.NotAProgramOfficeFile, match="folder"):
        Store.open(path)
    assert _listing(tmp_path) == before and _listing(path) == {"inside.txt": digest(path / "inside.txt")}


def test_a_file_of_this_version_is_switched_to_wal_only_once_accepted(tmp_path: Path) -> None:
    """The control: the same copy, not spoiled, opens, and only then becomes a WAL file."""
    path = office(tmp_path, "copy")
    store = Store.open(path)
    try:
        with store.session() as s:
            assert len(records.fetch_rows(s, REGISTERS["projects"])) == 30
        assert path.read_bytes()[18:20] == b"\x02\x02"
    finally:
        store.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("office.pmo-")]


def test_a_crashed_newer_office_with_its_wal_is_refused_untouched(tmp_path: Path) -> None:
    """What a newer PMO Desktop leaves when it crashes: the .pmo and a -wal holding its last commits
    (here the version bump itself), no -shm. Refused from what the -wal says; nothing created."""
    path = office(tmp_path, "wal")
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("UPDATE pmo_meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    con.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    shutil.copyfile(path, crashed / "office.pmo")  # copied while open: as a kill -9 leaves them
    shutil.copyfile(f"{path}-wal", crashed / "office.pmo-wal")
    con.close()
    _assert_refused_untouched(crashed / "office.pmo", errors.NewerFileVersion)
    assert sorted(p.name for p in crashed.iterdir()) == ["office.pmo", "office.pmo-wal"]
