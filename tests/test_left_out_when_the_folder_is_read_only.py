"""A partial import of a workbook whose folder cannot be written (a read-only share, a write-protected
stick: here a tmpfs remounted read-only): the rows left out go to the user's Documents folder and the
summary says where — before, they went nowhere and the summary did not say so. The workbook's medium
is left as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import openpyxl
import pytest
from tmpfs import mounted_tmpfs, remount_read_only

from pmo_desktop.models.demo import create_demo

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def read_only_stick(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "stick", "4m") as mount:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Risks"
        ws.append(["Title", "Probability", "Impact", "Status", "Raised"])
        for i in range(20):  # rows 3 and 7 raised on a day no calendar has: left out
            ws.append([f"Risk {i}", 2, 3, "Open", "2025-02-30" if i in (3, 7) else "2025-02-28"])
        wb.save(mount / "risks.xlsx")
        remount_read_only(mount)
        yield mount


def test_rows_left_out_go_to_documents_and_the_summary_says_where(tmp_path: Path, read_only_stick: Path) -> None:
    office = tmp_path / "office.pmo"
    create_demo(office).close()
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "import", str(office), str(read_only_stick / "risks.xlsx"),
                           "--register", "risks", "--partial"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    written = home / "Documents" / "risks - rows left out.xlsx"
    assert "2 rows with errors left out" in done.stdout
    assert f"they are in “{written}” (the workbook's folder cannot be written)" in done.stdout
    wb = openpyxl.load_workbook(written, read_only=True)
    rows = list(wb["Risks"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["Risk 3", "Risk 7"] and "2025-02-30" in str(rows[1][0])
    assert sorted(p.name for p in read_only_stick.iterdir()) == ["risks.xlsx"]
