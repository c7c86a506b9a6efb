"""A plain copy of the .pmo file (what a file manager or a backup tool makes, ignoring -wal and -shm)
holds every committed edit whenever no transaction is running: after each edit, while another window
has the file open, once an export's snapshot ends, and after closing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

PROJECTS = REGISTERS["projects"]


def plain_copy_names(path: Path, folder: Path) -> list[str]:
    """Copy only the .pmo file, as a file manager would, and read the project names from the copy."""
    folder.mkdir(exist_ok=True)
    copy = folder / f"copy{len(list(folder.iterdir()))}.pmo"
    shutil.copyfile(path, copy)
    con = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [r[0] for r in con.execute("SELECT name FROM project ORDER BY id")]
    finally:
        con.close()


def add(store: Store, name: str) -> None:
    with store.transaction() as s:
        records.create_record(s, PROJECTS, {"name": name})


def test_every_edit_is_in_the_file_itself_at_once(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    store = Store.create(path)
    try:
        names = []
        for i in range(25):
            add(store, f"P{i}")
            names.append(f"P{i}")
            assert plain_copy_names(path, tmp_path / "copies") == names
        with store.transaction() as s:  # an edit of an existing record too
            rid = records.fetch_rows(s, PROJECTS)[3][0]
            records.update_record(s, PROJECTS, rid, {"name": "P3 renamed"})
        names[3] = "P3 renamed"
        assert plain_copy_names(path, tmp_path / "copies") == names
    finally:
        store.close()
    assert plain_copy_names(path, tmp_path / "copies") == names
    assert not Path(f"{path}-wal").exists()


def test_two_windows_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    a, b = Store.open(path), Store.open(path)
    try:
        for i in range(10):
            add(a if i % 2 else b, f"P{i}")
            with (b if i % 2 else a).session() as s:  # the other window refreshes
                assert len(records.fetch_rows(s, PROJECTS)) == i + 1
            assert plain_copy_names(path, tmp_path / "copies") == [f"P{k}" for k in range(i + 1)]
    finally:
        a.close()
        b.close()


def test_an_edit_made_during_an_export_is_in_the_file_once_the_export_ends(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    exporter, editor = Store.open(path), Store.open(path)
    try:
        add(editor, "before")
        with exporter.snapshot() as snap:
            add(editor, "during")  # the export keeps reading its snapshot; the edit is committed
            assert [r[3] for r in records.fetch_rows(snap, PROJECTS)] == ["before"]
        # The export's end checkpoints what it held back: no further edit is needed.
        assert plain_copy_names(path, tmp_path / "copies") == ["before", "during"]
    finally:
        exporter.close()
        editor.close()
