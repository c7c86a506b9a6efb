"""An office of this version with a table or a column of its schema gone (dropped or renamed by another
program, a tool's "clean-up", a half-done repair) is refused at open as damaged, saying what is missing,
and the file is left byte-for-byte as it was, with nothing beside it.

Before, such a file opened, and each page, export or board pack failed on its own when it met the gap:
a board pack was written over last month's and then said its snapshot was not kept "for lack of room
… make room", the ``snapshots`` and ``changes`` commands printed SQLite's own words and SQL, and an
office without its history table refused every edit one at a time."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.models import errors
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]

# What another program did to the file → what the refusal names.
DAMAGE = {
    "board snapshots dropped": ("DROP TABLE board_snapshot", "its table “board_snapshot” is missing"),
    "history dropped": ("DROP TABLE record_history", "its table “record_history” is missing"),
    "a register dropped": ("DROP TABLE stakeholder", "its table “stakeholder” is missing"),
    "a column dropped": ("ALTER TABLE risk DROP COLUMN cause", "the column “cause” of its table “risk” is missing"),
    "a column renamed": ("ALTER TABLE risk RENAME COLUMN proximity TO proximity_old",
                         "the column “proximity” of its table “risk” is missing"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in folder.iterdir() if p.is_file()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "office.pmo"
    create_demo(path).close()
    return path


def spoiled(demo: Path, folder: Path, statement: str) -> Path:
    path = folder / "office.pmo"
    path.write_bytes(demo.read_bytes())
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    con.execute(statement)
    con.commit()
    con.close()
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_refused_at_open_saying_what_is_missing_and_left_as_it_was(demo: Path, tmp_path: Path, damage: str) -> None:
    statement, missing = DAMAGE[damage]
    folder = tmp_path / "office"
    folder.mkdir()
    path = spoiled(demo, folder, statement)
    before = listing(folder)
    with pytest.raises(errors.CorruptFile) as refused:
        Store.open(path)
    assert str(refused.value) == f"“office.pmo” is damaged ({missing}). Open a backup copy instead."
    pack = tmp_path / "board.pdf"
    pack.write_bytes(b"last month's pack")
    for args in (["boardpack", str(path), str(pack)], ["snapshots", str(path)], ["changes", str(path)],
                 ["export", str(path), str(tmp_path / "office.xlsx")], ["summary", str(path)]):
        done = cli(*args)
        assert done.returncode == 1 and done.stderr == f"pmo-desktop: {refused.value}\n", (args, done.stderr)
    assert pack.read_bytes() == b"last month's pack" and not (tmp_path / "office.xlsx").exists()
    assert listing(folder) == before  # same bytes, no -wal or -shm beside it


def test_the_window_refuses_it_and_stays_on_the_office_it_had(qtbot, main_window, demo: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.pmo"
    first.write_bytes(demo.read_bytes())
    assert main_window.open_path(str(first))
    folder = tmp_path / "office"
    folder.mkdir()
    path = spoiled(demo, folder, DAMAGE["board snapshots dropped"][0])
    before = listing(folder)
    assert not main_window.open_path(str(path))
    texts = [b.text() for b in main_window.findChildren(QMessageBox)]
    assert texts == ["“office.pmo” is damaged (its table “board_snapshot” is missing). Open a backup copy instead."]
    assert main_window.document.store.path == first
    assert listing(folder) == before


def test_an_office_with_more_than_it_needs_is_no_damage(demo: Path, tmp_path: Path) -> None:
    """A table or a column beyond the schema (an index a sort built, a column a newer build of this version
    added) is not missing anything: the office opens and edits as before."""
    path = spoiled(demo, tmp_path, "ALTER TABLE risk ADD COLUMN someone_elses TEXT")
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE a_tool_of_theirs (x)")
    con.commit()
    con.close()
    Store.open(path).close()
