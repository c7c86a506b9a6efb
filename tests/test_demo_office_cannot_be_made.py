"""The demo office cannot be made: the disk fills up while the demo program is written into it, or the
user's data folder is on a read-only disk. `new --demo` and the window's demo office (made once in the
data folder, then reused) say why in one message and leave nothing half-made — before, an empty office
stayed under the demo's name, and the window opened it as "the demo" from then on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from test_full_disk import fill
from tmpfs import mounted_tmpfs, remount_read_only

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

ROOT = Path(__file__).resolve().parents[1]
ROOM = 420_000  # bytes left free: an empty office fits, the demo program does not


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "disk", "2m") as mount:
        yield mount


def test_new_demo_on_a_disk_that_fills_up_leaves_nothing(small_disk: Path) -> None:
    fill(small_disk, leave=ROOM)
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "new", str(small_disk / "demo.pmo"), "--demo"],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=120)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "the disk is full" in done.stderr, done.stderr
    assert "demo" in done.stderr and "as it was before the change" not in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler.bin"]


def data_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def warnings(window) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    return [b.text() for b in window.findChildren(QMessageBox) if b.objectName() == "warning"]


def test_the_windows_demo_on_a_full_disk_says_so_and_is_whole_next_time(qtbot, main_window, small_disk: Path,
                                                                          monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(small_disk / "data"))
    filler = fill(small_disk, leave=ROOM)
    main_window.open_demo()
    assert main_window.document is None
    texts = warnings(main_window)
    assert len(texts) == 1 and "the disk is full" in texts[0], texts
    folder = data_folder()
    assert folder.is_relative_to(small_disk) and list(folder.iterdir()) == []  # no half-made demo in it

    filler.unlink()  # room again: the demo is made whole, not an empty office kept from the first try
    main_window.open_demo()
    assert main_window.document is not None
    with main_window.document.store.session() as s:
        assert len(records.fetch_rows(s, REGISTERS["risks"])) == 10


def test_the_windows_demo_with_a_read_only_data_folder_says_so(qtbot, main_window, small_disk: Path,
                                                                monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(small_disk / "data"))
    remount_read_only(small_disk)
    main_window.open_demo()
    assert main_window.document is None
    texts = warnings(main_window)
    assert len(texts) == 1 and "read-only" in texts[0], texts
