"""A workbook read while another program is still writing it (a copy from a share or an e-mail under
way): said to be still being written — wait and try again — not "damaged"; once it is finished the same
import reads it. The writer is a real child process writing the file in small pieces."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from processes import read_line

from pmo_desktop.excel.errors import WorkbookError
from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.store import Store

SLOW_COPY = """
import sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    step = max(1, len(data) // 60)
    for start in range(0, len(data), step):
        out.write(data[start:start + step])
        out.flush()
        if start == 0:
            print("started", flush=True)
        time.sleep(0.1)
"""


@pytest.fixture
def finished(tmp_path: Path) -> Path:
    path = tmp_path / "source.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact"])
    for i in range(400):
        ws.append([f"Risk {i} " + "w" * 80, 2, 3])
    wb.save(path)
    return path


def test_a_workbook_still_being_copied_is_said_to_be_so(tmp_path: Path, finished: Path) -> None:
    store = Store.create(tmp_path / "office.pmo")
    target = tmp_path / "arriving.xlsx"
    copy = subprocess.Popen([sys.executable, "-c", SLOW_COPY, str(finished), str(target)], stdout=subprocess.PIPE,
                            text=True)
    try:
        assert copy.stdout is not None and read_line(copy).strip() == "started"
        with pytest.raises(WorkbookError, match="still being written.*wait until it is finished") as refused:
            plan_import(store, target, "risks", "Risks", None)
        assert "damaged" not in str(refused.value)
        assert copy.wait(60) == 0
        plan = plan_import(store, target, "risks", "Risks", None)
        assert plan.ok and plan.valid_count == 400
    finally:
        copy.kill()
        store.close()


def test_a_truncated_workbook_nobody_writes_is_still_damaged(tmp_path: Path, finished: Path) -> None:
    store = Store.create(tmp_path / "office.pmo")
    cut = tmp_path / "cut.xlsx"
    data = finished.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    try:
        with pytest.raises(WorkbookError, match="is damaged or is not an Excel workbook"):
            plan_import(store, cut, "risks", "Risks", None)
    finally:
        store.close()
