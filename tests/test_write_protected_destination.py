"""Saving over a file its owner made read-only (last month's board pack, a signed-off copy of the office)
or into a read-only folder: refused with one message, the file byte-for-byte as it was, nothing left
beside it. A rename replaces a file whatever the file's own permission, and root may write anything, so
before this Save a Copy As replaced a write-protected file for every user, and the export and the board
pack did for an administrator (the tests run as root in CI)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmo_desktop.models import errors
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def protected(path: Path, content: bytes = b"signed off: keep") -> Path:
    path.write_bytes(content)
    path.chmod(0o444)
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    return path


def test_save_a_copy_over_a_write_protected_file(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    kept = protected(out / "signed off.pmo")
    before = digest(kept)
    store = Store.open(office)
    try:
        with pytest.raises(errors.ReadOnlyFile, match="the file is read-only"):
            store.save_copy(kept)
    finally:
        store.close()
    assert digest(kept) == before and [p.name for p in out.iterdir()] == ["signed off.pmo"]


@pytest.mark.parametrize("command,name", [("export", "office.xlsx"), ("boardpack", "pack.pdf"), ("boardpack", "pack.xlsx")])
def test_export_and_board_pack_over_a_write_protected_file(office: Path, tmp_path: Path, command: str,
                                                           name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    kept = protected(out / name)
    before = digest(kept)
    done = cli(command, str(office), str(kept), *(["--no-snapshot"] if command == "boardpack" else []))
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "read-only" in done.stderr, done.stderr
    assert digest(kept) == before and [p.name for p in out.iterdir()] == [name]


def test_export_into_a_read_only_folder(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        done = cli("export", str(office), str(out / "office.xlsx"))
        assert done.returncode == 1 and "read-only" in done.stderr, done.stderr
        assert list(out.iterdir()) == []
    finally:
        out.chmod(0o755)


def test_save_a_copy_from_the_window_over_a_write_protected_file(qtbot, main_window, office: Path,
                                                                 tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    kept = protected(tmp_path / "signed off.pmo")
    before = digest(kept)
    assert main_window.open_path(str(office))
    assert not main_window.save_copy_to(str(kept))
    texts = [b.text() for b in main_window.findChildren(QMessageBox) if b.objectName() == "warning"]
    assert len(texts) == 1 and "read-only" in texts[0], texts
    assert digest(kept) == before
