"""A named pipe (or a device) where the office or the workbook should be: refused at once with one line.
Before, opening it waited for someone to write into the pipe — the command, or the window, hung for
good. Run as commands with a time limit, so a hang fails the test instead of stopping the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)


@pytest.mark.parametrize("command", ["summary", "export"])
def test_an_office_that_is_a_pipe(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "office.pmo"
    os.mkfifo(pipe)
    done = cli(command, str(pipe), *([str(tmp_path / "out.xlsx")] if command == "export" else []))
    assert done.returncode == 1 and "is not a file (a pipe or a device)" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.pmo"]


def test_a_workbook_that_is_a_pipe(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    pipe = tmp_path / "risks.xlsx"
    os.mkfifo(pipe)
    done = cli("import", str(office), str(pipe), "--register", "risks")
    assert done.returncode == 1 and "is not a file (a pipe or a device)" in done.stderr, done.stderr
