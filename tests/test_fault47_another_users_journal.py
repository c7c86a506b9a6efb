"""Fault round 47: an office in a shared folder (the sticky bit set: anyone may write there, only a file's owner may
remove it — /tmp, a team's drop folder on a server) left half-written with its -journal by another user's program
that stopped while saving it (the sqlite3 shell, DB Browser, a script, killed), then opened by a colleague.

SQLite undid the unfinished change into the file and then could not remove the journal, which is not the
colleague's: the office was said "could not be opened: the disk or network share reported an input/output error" —
the disk blamed, nothing to do — and the journal, still hot, was played back again by the next one to open it. Now
nothing is written: the colleague is told whose file is in the way and what to do, the office and its journal as
they were. Its owner then opens it as before (tests/test_hot_journal.py). A real second user (``setpriv``), real
files; the tests run as root in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest
from test_hot_journal import NAMES, listing, names, office_with_hot_journal

from pmo_desktop.models.store import Store

COLLEAGUE = 65534  # nobody


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may write, with the sticky bit, where the colleague can reach it (a test's tmp_path lies
    under a folder only its owner may enter)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("running as a second user needs root and setpriv (the CI runs the tests as root)")
    folder = Path(tempfile.mkdtemp(prefix="pmo-fault47-"))
    folder.chmod(0o1777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_colleague(*args: str) -> subprocess.CompletedProcess[str]:
    here = os.getcwd()
    env = {**os.environ, "PYTHONPATH": here, "HOME": tempfile.gettempdir(), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(["setpriv", f"--reuid={COLLEAGUE}", f"--regid={COLLEAGUE}", "--clear-groups",
                           sys.executable, "-m", "pmo_desktop", *args],
                          capture_output=True, text=True, env=env, cwd=here, timeout=120)


def test_another_users_unfinished_change_is_left_to_them_and_said_whose(shared_folder: Path) -> None:
    path = office_with_hot_journal(shared_folder)
    for made in shared_folder.iterdir():
        made.chmod(0o666)  # the colleague may write the office itself: a team's shared file
    before = listing(shared_folder)
    can_reach = as_colleague("--version")
    if can_reach.returncode != 0:
        pytest.skip(f"the second user cannot run the program from here: {can_reach.stderr.strip()[:200]}")
    done = as_colleague("summary", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    said = done.stderr.strip()
    assert "input/output" not in said
    assert "“office.pmo-journal”" in said and "root" in said, said
    assert "Ask root to open the office once" in said and "copy both files" in said, said
    assert listing(shared_folder) == before  # nothing written: the office and its journal as they were
    store = Store.open(path)  # its owner opens it as at its last commit
    try:
        assert names(store) == NAMES
    finally:
        store.close()
    assert not Path(f"{path}-journal").exists()
