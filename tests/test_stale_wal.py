"""A -wal beside an office that another file left is never replayed into it (models/stale_wal.py).

The case of the fault-injection run: PMO Desktop is killed with an office open (its -wal, holding
committed pages, stays beside it), the user copies an older copy of the office back over it from a
backup, and opens it. SQLite would replay the other generation's pages into the restored file: refused
as damaged ("Open a backup copy instead" — of the backup), or opened with two files' pages mixed. The
same for an office copied into a folder where an unrelated office left its -wal.

Every leftover here is real: a child process commits through the store and is killed with SIGKILL. The
honest case stays lossless: the -wal a crash of the file itself left is replayed, whether its last edit
was already in the .pmo (the usual) or only in the -wal (a reader held the checkpoint back)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from processes import read_line

from pmo_desktop.models import errors, records, stale_wal
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Opens the office, adds one project per name, says "committed", then waits to be killed. From
# "--hold" on, a reader keeps its snapshot open: no checkpoint can copy the edits after it into the .pmo,
# so they are in the -wal only — the instant between a commit and its checkpoint, held open.
CHILD = """
import sqlite3, sys, time
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
store = Store.open(sys.argv[1])
for name in sys.argv[2:]:
    if name == "--hold":  # another connection's (a window's, a program's), so the edits keep theirs
        reader = sqlite3.connect(sys.argv[1], isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM project").fetchall()
        continue
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": name})
print("committed", flush=True)
time.sleep(600)
"""


def killed_while_open(path: Path, *names: str) -> bytes:
    """The office at ``path`` after a process added ``names`` and was killed (SIGKILL) with it open:
    returns the -wal it left (its bytes)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), *names], cwd=path.parent,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = read_line(proc)
        assert line.strip() == "committed", line + (proc.stderr.read() if proc.stderr else "")
    finally:
        proc.kill()  # SIGKILL: no close, no checkpoint, no clean-up
        proc.communicate(timeout=60)
    wal = Path(f"{path}-wal")
    assert wal.exists() and wal.stat().st_size > 32, "the kill left no -wal to test with"
    return wal.read_bytes()


def office(path: Path, *names: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store.create(path)
    with store.transaction() as s:
        records.create_records(s, REGISTERS["projects"], [{"name": n} for n in names])
    store.close()
    return path


def project_names(store: Store) -> list[str]:
    with store.session() as s:
        return [r[3] for r in records.fetch_rows(s, REGISTERS["projects"])]


def integrity(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def set_aside_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-wal.not-this-file-*"))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


HOLD = pytest.mark.parametrize("hold", [False, True], ids=["edits-in-the-pmo", "edits-in-the-wal-only"])


# ------------------------------------------------------------------------------------ another file's -wal
@HOLD
def test_an_older_copy_restored_over_a_crashed_office_opens_as_that_copy(tmp_path: Path, hold: bool) -> None:
    path = office(tmp_path / "work" / "office.pmo", "Alpha", "Beta", "Gamma")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)  # yesterday's backup
    store = Store.open(path)  # and today's work, a few sessions' worth, before the crash
    with store.transaction() as s:
        records.create_records(s, REGISTERS["projects"], [{"name": f"Today {i}"} for i in range(40)])
    store.close()
    left = killed_while_open(path, *(["--hold"] if hold else []), "Delta", "Epsilon")
    shutil.copyfile(backup, path)  # "copy yesterday's file back", in place as cp does
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta", "Gamma"]  # the copy, as it was saved
        with store.transaction() as s:  # and it takes edits
            records.create_record(s, REGISTERS["projects"], {"name": "Zeta"})
        assert project_names(store) == ["Alpha", "Beta", "Gamma", "Zeta"]
        moved = set_aside_files(path.parent)
        assert len(moved) == 1 and sha(moved[0].read_bytes()) == sha(left)  # set aside, byte-for-byte
        assert store.open_note is not None and moved[0].name in store.open_note
        assert "moved aside" in store.open_note and "office.pmo-wal" in store.open_note
    finally:
        store.close()
    assert integrity(path) == "ok"
    assert sorted(p.name for p in path.parent.iterdir()) == ["office.pmo", moved[0].name]


def test_an_office_copied_beside_an_unrelated_offices_leftover_wal_opens_as_itself(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    path = office(folder / "office.pmo", *(f"Theirs {i}" for i in range(30)))
    left = killed_while_open(path, "Theirs 30")
    mine = office(tmp_path / "mine" / "office.pmo", "Mine 1", "Mine 2")
    shutil.copyfile(mine, path)
    store = Store.open(path)
    try:
        assert project_names(store) == ["Mine 1", "Mine 2"]
        assert store.open_note is not None and "moved aside" in store.open_note
    finally:
        store.close()
    assert integrity(path) == "ok"
    [moved] = set_aside_files(folder)
    assert sha(moved.read_bytes()) == sha(left)


def test_the_wal_is_told_apart_before_sqlite_reads_it(tmp_path: Path) -> None:
    """The verdict itself, on the same real leftovers: this file's crash, an older copy, an unrelated office."""
    path = office(tmp_path / "a" / "office.pmo", "One")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)
    store = Store.open(path)
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Two"})
    store.close()
    killed_while_open(path, "Three")
    assert stale_wal.verdict(path).verdict is stale_wal.Verdict.OURS
    crashed = tmp_path / "crashed"
    shutil.copytree(path.parent, crashed)
    shutil.copyfile(backup, crashed / "office.pmo")
    assert stale_wal.verdict(crashed / "office.pmo").verdict is stale_wal.Verdict.FOREIGN
    other = office(tmp_path / "b" / "office.pmo", "One")  # the same content, another file
    shutil.copyfile(other, crashed / "office.pmo")
    assert stale_wal.verdict(crashed / "office.pmo").verdict is stale_wal.Verdict.FOREIGN
    assert stale_wal.verdict(other).verdict is stale_wal.Verdict.NONE  # closed: no -wal at all


def test_a_copy_made_just_before_the_last_edit_opens_as_that_copy(tmp_path: Path) -> None:
    """The copy is the very state the -wal's one commit was made on: the counter and the stamp both say
    "next". The -shm the kill left says that commit had already been copied into the file, so the file
    the -wal belongs to holds it, and this one does not: another generation, set aside."""
    path = office(tmp_path / "office.pmo", "Alpha", "Beta")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)
    killed_while_open(path, "Wrong")  # the one edit the user wants undone; then the app hung and was killed
    shutil.copyfile(backup, path)
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta"] and store.open_note is not None
    finally:
        store.close()


def test_a_refused_file_leaves_the_other_files_wal_where_it_was(tmp_path: Path) -> None:
    """A refusal touches nothing: a newer office copied beside a leftover -wal is refused as newer (read
    alone, without the -wal), and the -wal is not moved."""
    path = office(tmp_path / "office.pmo", "Alpha")
    left = killed_while_open(path, "Beta")
    newer = office(tmp_path / "newer" / "office.pmo", "Gamma")
    con = sqlite3.connect(newer)
    con.execute("UPDATE pmo_meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    shutil.copyfile(newer, path)
    before = {p.name: sha(p.read_bytes()) for p in tmp_path.iterdir() if p.is_file()}
    with pytest.raises(errors.NewerFileVersion):
        Store.open(path)
    assert {p.name: sha(p.read_bytes()) for p in tmp_path.iterdir() if p.is_file()} == before
    assert sha(Path(f"{path}-wal").read_bytes()) == sha(left)


# ------------------------------------------------------------------------------------ its own -wal
@pytest.mark.parametrize("edits", [("Beta", "Gamma"), ("--hold", "Beta", "Gamma"), ("Beta", "--hold", "Gamma")],
                         ids=["edits-in-the-pmo", "edits-in-the-wal-only", "last-edit-in-the-wal-only"])
def test_the_wal_a_crash_of_the_office_itself_left_is_replayed(tmp_path: Path, edits: tuple[str, ...]) -> None:
    """The common case, which must stay lossless: killed with the office open, reopened as it is. The last
    case is the one SQLite's change counter gets wrong: the connection that made the edit before writes
    the same count again, so the file and the -wal's commit carry one count."""
    path = office(tmp_path / "office.pmo", "Alpha")
    killed_while_open(path, *edits)
    if "--hold" in edits:  # the edits after it are in the -wal only: without replaying it they would be lost
        con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        held = [r[0] for r in con.execute("SELECT name FROM project ORDER BY id")]
        con.close()
        assert held == ["Alpha", *edits[:edits.index("--hold")]]
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta", "Gamma"]
        assert store.open_note is None
        with store.transaction() as s:
            records.create_record(s, REGISTERS["projects"], {"name": "Delta"})
    finally:
        store.close()
    assert integrity(path) == "ok" and set_aside_files(tmp_path) == []
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta", "Gamma", "Delta"]
    finally:
        store.close()


def torn_checkpoint(path: Path, pages: int) -> int:
    """Do to ``path`` what a checkpoint killed part-way does: copy into the file the newest committed copy
    of the -wal's first ``pages`` pages, in page order as SQLite's checkpoint writes them, and leave the
    -wal and -shm as the kill left them (the -shm's count of frames copied is set only once all are).
    Returns how many distinct pages the -wal's commits hold."""
    wal = Path(f"{path}-wal").read_bytes()
    page_size = struct.unpack(">I", wal[8:12])[0]
    salts = wal[16:24]
    newest: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    offset = 32
    while offset + 24 + page_size <= len(wal) and wal[offset + 8:offset + 16] == salts:
        pgno, size_after = struct.unpack(">II", wal[offset:offset + 8])
        pending[pgno] = wal[offset + 24:offset + 24 + page_size]
        if size_after:  # a commit: its pages count
            newest.update(pending)
            pending = {}
        offset += 24 + page_size
    with open(path, "r+b") as fh:
        for pgno in sorted(newest)[:pages]:
            fh.seek((pgno - 1) * page_size)
            fh.write(newest[pgno])
    return len(newest)


def a_torn_copy_alone_is_refused(alone: Path) -> None:
    """A copy of the torn .pmo alone opens only when it is whole (as the office before or after a commit);
    one torn between the two is refused as damaged, and left as it was, with nothing beside it."""
    before = sha(alone.read_bytes())
    if integrity(alone) == "ok":
        store = Store.open(alone)
        try:
            assert project_names(store) in (["Alpha", "Beta"], ["Alpha", "Beta", "Gamma", "Delta"])
        finally:
            store.close()
        return
    with pytest.raises(errors.CorruptFile, match="is damaged .*open the original once"):
        Store.open(alone)
    assert sha(alone.read_bytes()) == before and [p.name for p in alone.parent.iterdir()] == ["office.pmo"]


def test_a_kill_inside_the_checkpoint_is_replayed_whole(tmp_path: Path) -> None:
    """The instant tests/test_fault_injection.py's edit bursts hit now and then: the kill lands while the
    checkpoint is copying the last commits into the .pmo, which is then part the old office and part the
    new (a plain copy of it alone may fail SQLite's integrity check). The -wal beside it still holds the
    whole commits, and it must be told as this file's and replayed: the office opens whole, every edit
    in — wherever the checkpoint stopped, from before its first page to before its last."""
    crashed = office(tmp_path / "crash" / "office.pmo", "Alpha")
    killed_while_open(crashed, "Beta", "--hold", "Gamma", "Delta")
    pages = torn_checkpoint(crashed, 0)
    integrity_of_the_torn_file = set()
    for copied in range(pages):
        folder = tmp_path / f"copied-{copied}"
        shutil.copytree(crashed.parent, folder)
        path = folder / "office.pmo"
        torn_checkpoint(path, copied)
        integrity_of_the_torn_file.add(integrity(path) == "ok")
        alone = tmp_path / f"alone-{copied}" / "office.pmo"  # what a file manager copies: the .pmo alone
        alone.parent.mkdir()
        shutil.copyfile(path, alone)
        a_torn_copy_alone_is_refused(alone)
        assert stale_wal.verdict(path).verdict is stale_wal.Verdict.OURS, copied
        store = Store.open(path)
        try:
            assert project_names(store) == ["Alpha", "Beta", "Gamma", "Delta"], copied
            assert store.open_note is None
        finally:
            store.close()
        assert integrity(path) == "ok" and sorted(p.name for p in folder.iterdir()) == ["office.pmo"], copied
    assert pages >= 3 and False in integrity_of_the_torn_file  # some stops did tear the file alone


def test_crash_after_crash_each_wal_is_its_own(tmp_path: Path) -> None:
    """Killed, reopened (replayed), killed again before any checkpoint, reopened: nothing lost."""
    path = office(tmp_path / "office.pmo", "Alpha")
    killed_while_open(path, "Beta")
    killed_while_open(path, "--hold", "Gamma")
    killed_while_open(path, "--hold", "Delta")
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta", "Gamma", "Delta"] and store.open_note is None
    finally:
        store.close()


# ------------------------------------------------------------------------------------ read only, refused
def test_a_read_only_folder_shows_the_copy_and_leaves_the_wal_where_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    path = office(folder / "office.pmo", "Alpha", "Beta")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)
    killed_while_open(path, "Gamma")  # the crashed session before the one whose -wal is left
    left = killed_while_open(path, "--hold", "Delta")
    shutil.copyfile(backup, path)
    before = {p.name: sha(p.read_bytes()) for p in folder.iterdir()}
    folder.chmod(0o555)
    try:
        store = Store.open(path)
        try:
            assert store.read_only and project_names(store) == ["Alpha", "Beta"]
            assert store.open_note is not None and "not applied" in store.open_note
            assert "its folder is read-only" in store.open_note
        finally:
            store.close()
        assert {p.name: sha(p.read_bytes()) for p in folder.iterdir()} == before  # nothing written, nothing made
        assert sha(Path(f"{path}-wal").read_bytes()) == sha(left)
    finally:
        folder.chmod(0o755)


# ------------------------------------------------------------------------------------ what a user is told
def restored_over_a_crash(tmp_path: Path) -> Path:
    path = office(tmp_path / "office.pmo", "Alpha", "Beta")
    backup = tmp_path / "backup.pmo"
    shutil.copyfile(path, backup)
    killed_while_open(path, "Gamma")
    killed_while_open(path, "--hold", "Delta")
    shutil.copyfile(backup, path)
    backup.unlink()
    return path


def test_the_command_line_says_so_and_goes_on_with_the_copy(tmp_path: Path) -> None:
    path = restored_over_a_crash(tmp_path)
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "summary", str(path), "--json"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    [moved] = set_aside_files(tmp_path)
    assert done.stderr.strip() == (
        f"pmo-desktop: “office.pmo” was opened as it was last saved. A “office.pmo-wal” beside it was left by "
        f"another file of that name (an older or newer copy, or another office), not by this one: applying it "
        f"would have mixed the two. It was moved aside, unchanged, to “{moved.name}”.")
    assert json.loads(done.stdout)["projects"]["total"] == 2  # the copy's two, not the crashed file's four
    store = Store.open(path)
    try:
        assert project_names(store) == ["Alpha", "Beta"] and store.open_note is None  # told once
    finally:
        store.close()


def test_the_window_says_so_when_it_opens_the_copy(qtbot, main_window, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = restored_over_a_crash(tmp_path)
    assert main_window.open_path(str(path))
    boxes = [b for b in main_window.findChildren(QMessageBox) if b.objectName() == "warning"]
    qtbot.waitUntil(lambda: any(b.isVisible() for b in boxes))
    [box] = boxes
    [moved] = set_aside_files(tmp_path)
    assert box.windowTitle() == "Opened as last saved"
    assert "“office.pmo” was opened as it was last saved" in box.text() and moved.name in box.text()
    assert project_names(main_window.document.store) == ["Alpha", "Beta"]
    box.button(QMessageBox.StandardButton.Ok).click()
    main_window.close_file()


def test_a_live_wal_is_seen_as_held_by_its_process(tmp_path: Path) -> None:
    """Before a -wal is set aside, a process that has the file open is looked for (its lock on the -shm):
    its -wal is its own and is never moved."""
    path = office(tmp_path / "office.pmo", "Alpha")
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), "Beta"], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert read_line(proc).strip() == "committed"
        assert stale_wal.in_use_elsewhere(path)
    finally:
        proc.kill()
        proc.communicate(timeout=60)
    assert not stale_wal.in_use_elsewhere(path)  # killed: its locks went with it


def test_a_new_office_made_where_a_deleted_office_left_its_wal(tmp_path: Path) -> None:
    """The crashed office was deleted in a file manager that hides its -wal; `new` makes one of that name."""
    path = office(tmp_path / "office.pmo", *(f"Old {i}" for i in range(20)))
    left = killed_while_open(path, "Old 20")
    path.unlink()
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "new", str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    [moved] = set_aside_files(tmp_path)
    assert "moved aside" in done.stderr and moved.name in done.stderr
    assert sha(moved.read_bytes()) == sha(left)
    store = Store.open(path)
    try:
        assert project_names(store) == [] and store.open_note is None
    finally:
        store.close()
    assert integrity(path) == "ok"
