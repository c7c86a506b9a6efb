"""The command line's output read by a program that stops early (`pmo-desktop import … | head`): the
command still does all its work and reports success — before, the import was written and yet the
command said "Could not use the file: Broken pipe." and exited 1, so a user would run it again."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from processes import read_line

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pmo_desktop", *args], capture_output=True, text=True, cwd=ROOT,
                          env=ENV, **{"timeout": 120, **kwargs})


def test_an_import_piped_into_head_is_imported_and_says_nothing_wrong(tmp_path: Path) -> None:
    office, source = tmp_path / "office.pmo", tmp_path / "risks.csv"
    assert cli("new", str(office)).returncode == 0
    with open(source, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Title", "Owner"])
        writer.writerows([f"R-{i}", f"Risk number {i} of the programme", "Ann"] for i in range(5000))
    # More lines than a pipe holds (one per row): the reader takes the first and goes, as head does.
    run = subprocess.Popen([sys.executable, "-m", "pmo_desktop", "import", str(office), str(source),
                            "--register", "risks"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           cwd=ROOT, env=ENV)
    assert run.stdout is not None and run.stderr is not None
    assert read_line(run).startswith(b"risks row 2:")
    run.stdout.close()
    error = run.stderr.read().decode()
    assert run.wait(timeout=120) == 0 and error == "", error
    summary = json.loads(cli("summary", str(office), "--json").stdout)
    assert summary["risks"]["total"] == 5000
