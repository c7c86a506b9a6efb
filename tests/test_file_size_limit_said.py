"""A file-size limit (``ulimit -f``, RLIMIT_FSIZE: set for an account on shared machines) met while the office
grows: SQLite reports the write refused (EFBIG) as a "disk I/O error", and the change was refused as "the disk
or network share reported an input/output error" — a user looked for a broken disk where the disk had room.
Now said as what it is, as a full disk is: the limit met, its size, and what to do; the file as it was."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import xlsxwriter

from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAID = "the file has reached the size limit set for your account"


def limited(args: list[str], limit: int, cwd: Path) -> subprocess.CompletedProcess:
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PMO_DEBUG", None)
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
                          preexec_fn=preexec)


EDITS = """
import sys
from pmo_desktop.models import records
from pmo_desktop.models.errors import StoreError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
store = Store.open(sys.argv[1])
try:
    for i in range(400):
        with store.transaction() as s:
            records.create_record(s, REGISTERS["risks"], {"title": f"Risk {i}", "status": "Open",
                                                          "cause": f"cause {i} " * 2000})
except StoreError as e:
    print(e)
store.close()
"""


def test_an_edit_past_the_file_size_limit_says_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    limit = path.stat().st_size + 300 * 1024
    done = limited(["-c", EDITS, str(path)], limit, tmp_path)
    assert done.returncode == 0, done.stderr
    said = done.stdout.strip()
    assert said.startswith(f"Your change was not saved: {SAID} (")
    assert "input/output" not in said and "The file is as it was before the change." in said
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_an_import_on_the_command_line_past_the_limit_says_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "office.pmo"
    Store.create(path).close()
    book = tmp_path / "risks.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Status", "Cause"])
    for row in range(1, 600):
        ws.write_row(row, 0, [f"Risk {row}", 2, 3, "Open", f"cause {row} " * 300])
    wb.close()
    limit = max(path.stat().st_size, book.stat().st_size) + 256 * 1024
    done = limited(["-m", "pmo_desktop", "import", str(path), str(book), "--register", "risks"], limit, tmp_path)
    assert done.returncode != 0
    assert SAID in done.stderr and "input/output" not in done.stderr, done.stderr
    con = sqlite3.connect(path)  # nothing half-imported
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM risk").fetchone()[0] == 0
    con.close()
