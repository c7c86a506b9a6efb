"""A full disk, for real: a 2 MiB tmpfs mounted for the test (the tests run as root in CI) and filled
up. Every write path says "the disk is full" in one message, leaves the destination as it was and
leaves no temporary file behind."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from tmpfs import mounted_tmpfs

from pmo_desktop.models import errors, records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB file system of its own, or a skip saying why one cannot be made here."""
    with mounted_tmpfs(tmp_path / "disk", "2m") as mount:
        yield mount


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk of ``folder`` up, leaving about ``leave`` bytes free."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
        if free > leave:
            try:
                os.write(fd, b"\0" * (free - leave))
            except OSError:
                pass
        if leave == 0:
            try:
                while True:
                    os.write(fd, b"\0" * 512)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    return path


def test_save_a_copy_onto_a_full_disk(tiny_disk: Path, demo_file: Path) -> None:
    dest = tiny_disk / "copy.pmo"
    dest.write_bytes(b"the copy of last week")
    fill(tiny_disk, leave=16 * 1024)
    store = Store.open(demo_file)
    try:
        with pytest.raises(errors.StoreError) as failed:
            store.save_copy(dest)
    finally:
        store.close()
    message = str(failed.value)
    assert "the disk is full" in message and "damaged" not in message
    assert dest.read_bytes() == b"the copy of last week"
    assert listing(tiny_disk) == {"copy.pmo", "filler.bin"}  # no .pmo-copy-…, no -journal


def test_save_a_copy_from_the_window_onto_a_full_disk(qtbot, main_window, tiny_disk: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    assert main_window.open_path(str(create_demo(tmp_path / "office.pmo").path))
    fill(tiny_disk, leave=8 * 1024)
    assert main_window.save_copy_to(str(tiny_disk / "copy.pmo")) is False
    boxes = [b for b in main_window.findChildren(QMessageBox) if b.objectName() == "warning"]
    assert len(boxes) == 1 and "the disk is full" in boxes[0].text()
    assert listing(tiny_disk) == {"filler.bin"}
    main_window.close_file()


@pytest.mark.parametrize("command", ["export", "boardpack"])
def test_cli_writes_one_line_and_leaves_the_old_workbook(tiny_disk: Path, demo_file: Path, tmp_path: Path,
                                                        command: str) -> None:
    out = tiny_disk / "out.xlsx"
    out.write_bytes(b"last month's workbook")
    fill(tiny_disk, leave=4 * 1024)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", command, str(demo_file), str(out)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr  # exactly one line: no ZipFile.__del__ traceback
    assert "the disk is full" in done.stderr
    assert out.read_bytes() == b"last month's workbook"
    assert listing(tiny_disk) == {"out.xlsx", "filler.bin"}  # no .~out.….xlsx
    assert list(scratch.iterdir()) == []  # openpyxl's scratch folder went with the process


def test_an_edit_on_a_full_disk_is_refused_and_nothing_is_lost(tiny_disk: Path) -> None:
    path = tiny_disk / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Kept"})
    filler = fill(tiny_disk)
    with pytest.raises(errors.StoreError) as failed:
        with store.transaction() as s:
            for i in range(300):
                records.create_record(s, REGISTERS["projects"], {"name": f"Project {i} " + "x" * 150})
    assert "the disk is full" in str(failed.value)
    filler.unlink()  # space again: the same window goes on working
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "After"})
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [r[0] for r in con.execute("SELECT name FROM project ORDER BY id")] == ["Kept", "After"]
    con.close()


def test_create_on_a_full_disk_leaves_nothing(tiny_disk: Path) -> None:
    fill(tiny_disk)
    with pytest.raises(errors.StoreError, match="the disk is full"):
        Store.create(tiny_disk / "new.pmo")
    assert listing(tiny_disk) == {"filler.bin"}


def test_open_on_a_full_disk_is_not_called_damaged(tiny_disk: Path, demo_file: Path) -> None:
    """A copy (rollback journal) must become WAL when opened, which needs room for the -wal file."""
    store = Store.open(demo_file)
    path = store.save_copy(tiny_disk / "office.pmo")
    store.close()
    fill(tiny_disk)
    before = digest(path)
    with pytest.raises(errors.StoreError) as failed:
        Store.open(path)
    assert "the disk is full" in str(failed.value) and "damaged" not in str(failed.value)
    assert digest(path) == before
    assert listing(tiny_disk) == {"office.pmo", "filler.bin"}


@pytest.mark.parametrize("how", ["in this process", "from the command line"])
def test_open_on_a_full_disk_of_an_office_closed_in_wal_mode(tiny_disk: Path, how: str) -> None:
    """Fault12: the usual office — one PMO Desktop closed, in WAL mode with no -wal or -shm beside it —
    on a disk since filled up. Opening needs room for the -shm: before, that failed as "Could not reach
    the database (memory): disk I/O error" (a server's words, for a file), leaving a -wal and a -shm."""
    path = tiny_disk / "office.pmo"
    store = Store.create(path)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
    store.close()
    assert listing(tiny_disk) == {"office.pmo"}
    fill(tiny_disk)
    before = digest(path)
    if how == "in this process":
        with pytest.raises(errors.StoreError) as failed:
            Store.open(path)
        said = str(failed.value)
    else:
        proc = subprocess.run([sys.executable, "-m", "pmo_desktop", "summary", str(path)], capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
        assert proc.returncode == 1
        said = proc.stderr
    assert "“office.pmo” could not be opened: the disk is full" in said, said
    assert "memory" not in said and "reach" not in said
    assert digest(path) == before and listing(tiny_disk) == {"office.pmo", "filler.bin"}


def test_new_and_open_from_the_window_on_a_full_disk(qtbot, main_window, tiny_disk: Path, demo_file: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    store = Store.open(demo_file)
    copy = store.save_copy(tiny_disk / "office.pmo")  # a copy: opening it must create its -wal
    store.close()
    fill(tiny_disk)
    before = digest(copy)
    assert main_window.create_file(str(tiny_disk / "new.pmo")) is False
    assert main_window.open_path(str(copy)) is False
    texts = [b.text() for b in main_window.findChildren(QMessageBox) if b.objectName() == "warning"]
    assert len(texts) == 2 and all("the disk is full" in t for t in texts), texts
    assert digest(copy) == before and listing(tiny_disk) == {"office.pmo", "filler.bin"}


def test_export_and_board_pack_from_the_window_onto_a_full_disk(qtbot, tiny_disk: Path, demo_file: Path) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.actions import export_board_pack, export_registers

    store = Store.open(demo_file)
    document = Document(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tiny_disk / "registers.xlsx"
    out.write_bytes(b"last month's")
    fill(tiny_disk, leave=4 * 1024)
    assert not export_registers(parent, document, str(out))
    assert not export_board_pack(parent, document, str(out))
    texts = [b.text() for b in parent.findChildren(QMessageBox)]
    assert len(texts) == 2 and all("the disk is full" in t for t in texts), texts
    assert out.read_bytes() == b"last month's" and listing(tiny_disk) == {"registers.xlsx", "filler.bin"}
    store.close()


@pytest.fixture
def office_on_a_small_disk(tmp_path: Path) -> Iterator[Path]:
    """The demo office and 1,500 risks of text that does not compress, on a 4 MiB disk of its own: its
    board snapshot (the registers' rows, zlib-compressed) needs far more than the few KiB an open needs."""
    with mounted_tmpfs(tmp_path / "disk", "4m") as mount:
        path = mount / "office.pmo"
        store = create_demo(path)
        with store.transaction() as s:
            records.create_records(s, REGISTERS["risks"], [{"title": f"Risk {i} {os.urandom(60).hex()}"}
                                                           for i in range(1500)])
        store.close()
        yield path


def snapshots_kept(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return con.execute("SELECT count(*) FROM board_snapshot").fetchone()[0]
    finally:
        con.close()


def test_a_board_pack_written_whose_snapshot_the_full_disk_refused_says_so(office_on_a_small_disk: Path,
                                                                         tmp_path: Path) -> None:
    """The pack goes elsewhere and is written, over last month's; the office's disk has room to open it
    but not for the snapshot. It said "Your change was not saved … as it was" — read as the pack not
    written, while last month's pack had been replaced."""
    pack = tmp_path / "board.pdf"
    pack.write_bytes(b"last month's pack")
    fill(office_on_a_small_disk.parent, leave=64 * 1024)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "boardpack", str(office_on_a_small_disk), str(pack)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert f"The board pack was written to “{pack}”" in done.stderr
    assert "board snapshot could not be kept in “office.pmo”: the disk is full" in done.stderr
    assert pack.read_bytes().startswith(b"%PDF")
    assert snapshots_kept(office_on_a_small_disk) == 0


def test_the_window_says_the_pack_was_written_and_its_snapshot_not_kept(qtbot, office_on_a_small_disk: Path,
                                                                       tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.actions import export_board_pack

    store = Store.open(office_on_a_small_disk)
    document = Document(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    fill(office_on_a_small_disk.parent)  # open already: not a byte left for the snapshot
    for name in ("board.pdf", "board.xlsx"):
        assert not export_board_pack(parent, document, str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 1000
    boxes = parent.findChildren(QMessageBox)
    assert len(boxes) == 2
    for box, name in zip(boxes, ("board.pdf", "board.xlsx")):
        assert box.windowTitle().endswith("The board snapshot was not kept"), box.windowTitle()
        assert f"The board pack was written to “{tmp_path / name}”" in box.text()
        assert "the disk is full" in box.text()
    store.close()
    assert snapshots_kept(office_on_a_small_disk) == 0
