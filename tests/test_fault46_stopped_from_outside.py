"""Fault round 46: the window stopped from outside — SIGTERM (``kill``, a service manager, the session ending),
SIGHUP (the terminal it was started from closed) — with a value typed in an open cell, with the import dialog's
preview open, and in the middle of an import of 10,000 risks.

Before, the process ended where it stood (Python leaves those signals to the system): the value typed was lost
(leaving the cell, or closing the window, stores it), and the office's -wal and -shm were left beside it. Now the
window closes as the user's close does: the value is stored, an import under way is let finish (its one
transaction: all the rows, never some), a preview open is closed as Esc closes it (nothing imported), the office is
closed whole, nothing beside it, and the program ends with 0. The program runs as its own process from its real
entry (tests/window_process.py); the signal is a real one.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from processes import read_line

from pmo_desktop.models.demo import create_demo

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def start(office: Path, mode: str, given: str) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "window_process.py"), str(office), mode, given],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=office.parent)


def stop(proc: subprocess.Popen, number: int) -> tuple[int, str]:
    proc.send_signal(number)
    try:
        _out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the window did not end after the signal")
    return proc.returncode, err


def rows(office: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(office)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def beside(office: Path) -> list[str]:
    return sorted(p.name for p in office.parent.iterdir() if p.name != office.name and p.name.startswith(office.name))


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_value_typed_in_an_open_cell_is_stored_when_the_window_is_stopped(tmp_path, number):
    office = tmp_path / "Harbour.pmo"
    create_demo(office).close()
    proc = start(office, "type", "Quay crane arrives late")
    assert read_line(proc).strip() == "typed"
    code, err = stop(proc, number)
    assert code == 0, err
    assert rows(office, "SELECT title FROM risk ORDER BY id LIMIT 1") == [("Quay crane arrives late",)]
    assert beside(office) == []  # no -wal, no -shm: the office closed whole
    assert rows(office, "PRAGMA integrity_check") == [("ok",)]


def risks_workbook(path: Path, n: int) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Risks")
    ws.append(["Title", "Probability", "Impact", "Status"])
    for i in range(n):
        ws.append([f"Imported risk {i}", 1 + i % 5, 1 + (i // 5) % 5, "Open"])
    wb.save(path)
    return path


def test_an_import_under_way_is_let_finish_then_the_window_closes(tmp_path):
    office = tmp_path / "Harbour.pmo"
    create_demo(office).close()
    before = rows(office, "SELECT count(*) FROM risk")[0][0]
    book = risks_workbook(tmp_path / "risks.xlsx", 10_000)
    proc = start(office, "import", str(book))
    assert read_line(proc).strip() == "importing"
    code, err = stop(proc, signal.SIGTERM)
    assert code == 0, err
    assert rows(office, "SELECT count(*) FROM risk")[0][0] == before + 10_000  # all of them, never some
    assert beside(office) == []
    assert rows(office, "PRAGMA integrity_check") == [("ok",)]


def test_a_preview_open_is_closed_as_esc_closes_it_and_nothing_is_imported(tmp_path):
    office = tmp_path / "Harbour.pmo"
    create_demo(office).close()
    before = rows(office, "SELECT count(*) FROM risk")[0][0]
    book = risks_workbook(tmp_path / "risks.xlsx", 20)
    proc = start(office, "preview", str(book))
    assert read_line(proc).strip() == "preview"
    code, err = stop(proc, signal.SIGTERM)
    assert code == 0, err
    assert rows(office, "SELECT count(*) FROM risk")[0][0] == before
    assert beside(office) == []
