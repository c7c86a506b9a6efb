"""kill -9 in the middle of a large import (10,000 rows, the CLI with --partial) and of a board pack PDF.

Each run is a real child process killed with SIGKILL while it writes: for the import, once the office's
-wal starts to grow (the one transaction is under way), after a seeded random delay; for the PDF, once its
temporary file exists. Afterwards the office is exactly as before the import (or, when the kill came
after the commit, has every valid row: one transaction, never half), integrity_check is ok, the source
workbook is untouched, the "rows left out" workbook and the PDF are whole or absent (never half-written
under their names), last month's pack is kept, and the next run leaves no debris."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = 2027
ROWS, BAD_EVERY = 10_000, 997  # every 997th row was raised on a day no calendar has: 11 rows left out
# (an unknown status no longer refuses its row: it is imported as "Open", the word kept in its notes — classes65a)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    import openpyxl

    path = tmp_path_factory.mktemp("source") / "risks.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Risks")
    ws.append(["Title", "Probability", "Impact", "Owner", "Status", "Raised"])
    for i in range(ROWS):
        ws.append([f"Imported risk {i} " + "z" * 60, 2, 3, f"Owner {i % 50}", "Open",
                   "2025-02-30" if i % BAD_EVERY == 5 else "2025-01-01"])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "office.pmo"
    create_demo(path).close()
    return path


def dump(path: Path) -> list[str]:
    """Every table's rows, after an integrity check: what "exactly as before" compares."""
    store = Store.open(path)  # folds in what the killed process left in the -wal, as a user's next open
    store.close()
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return list(con.iterdump())
    finally:
        con.close()


def risk_count(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return con.execute("SELECT count(*) FROM risk").fetchone()[0]
    finally:
        con.close()


def start(args: list[str], cwd: Path, scratch: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    return subprocess.Popen([sys.executable, "-m", "pmo_desktop", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_when(proc: subprocess.Popen, started, delay: float, timeout: float = 60) -> bool:
    """SIGKILL ``proc`` ``delay`` seconds after ``started()`` first holds; False when it finished first."""
    end = time.monotonic() + timeout
    while not started():
        if proc.poll() is not None:
            return False
        assert time.monotonic() < end, "the child never reached the moment to kill it"
        time.sleep(0.002)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    return proc.returncode == -signal.SIGKILL


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".~", ".pmo-copy-")) or "-wal" in p.name
                  or "-shm" in p.name or "-journal" in p.name)


@pytest.mark.parametrize("trial", range(4))
def test_kill_during_a_10000_row_import(tmp_path: Path, workbook: Path, demo: Path, trial: int) -> None:
    rng = random.Random(SEED + trial)
    office = tmp_path / "office.pmo"
    shutil.copyfile(demo, office)
    source = tmp_path / "risks.xlsx"  # beside the office: the rows left out are written there too
    shutil.copyfile(workbook, source)
    source_digest = digest(source)
    before = dump(office)
    risks_before = risk_count(office)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    wal = Path(f"{office}-wal")
    proc = start(["import", "office.pmo", "risks.xlsx", "--register", "risks", "--partial"], tmp_path, scratch)
    # The -wal grows only once the import's one transaction writes (planning reads): kill from then on.
    killed = kill_when(proc, lambda: wal.exists() and wal.stat().st_size > 0,
                       0 if trial == 0 else rng.uniform(0, 0.5))
    assert digest(source) == source_digest
    left_out = tmp_path / "risks - rows left out.xlsx"
    if left_out.exists():  # written only after the commit, and then whole
        with zipfile.ZipFile(left_out) as z:
            assert z.testzip() is None
    after = dump(office)
    if after != before:  # the kill came after the commit: then every valid row is there, none missing
        assert risk_count(office) == risks_before + ROWS - len(range(5, ROWS, BAD_EVERY))
    else:
        assert risk_count(office) == risks_before
    if trial == 0:
        assert killed and after == before, "killed as the transaction began: nothing of it may be in the office"
    assert leftovers(tmp_path) == [], leftovers(tmp_path)  # the open above removed what the kill left
    assert not [p for p in scratch.iterdir()] or all(p.name.startswith("pmo-desktop-") for p in scratch.iterdir())


@pytest.mark.parametrize("trial", range(3))
def test_kill_during_a_board_pack_pdf(tmp_path: Path, demo: Path, trial: int) -> None:
    rng = random.Random(SEED * 3 + trial)
    office = tmp_path / "office.pmo"
    shutil.copyfile(demo, office)
    out = tmp_path / "out"
    out.mkdir()
    pack = out / "board.pdf"
    pack.write_bytes(b"%PDF-1.4 last month's pack\n%%EOF\n")
    last_month = digest(pack)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = start(["boardpack", "office.pmo", "out/board.pdf"], tmp_path, scratch)
    killed = kill_when(proc, lambda: any(p.name.startswith(".~") for p in out.iterdir()),
                       0 if trial == 0 else rng.uniform(0, 0.3))
    data = pack.read_bytes()
    if digest(pack) != last_month:  # replaced: then by a whole PDF, never a half-written one
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF") and len(data) > 1000
    if trial == 0:
        assert killed and digest(pack) == last_month
    dump(office)  # integrity
    # The next pack into that folder removes the killed one's temporary file and writes a whole one.
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "boardpack", "office.pmo", "out/board.pdf"],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["board.pdf"]
    assert pack.read_bytes().startswith(b"%PDF") and leftovers(tmp_path) == []
