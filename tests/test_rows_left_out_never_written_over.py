"""A "rows left out" workbook already beside the source is written over only when it holds the very cells
the import would write. One the user fixed rows in, one open in a spreadsheet program, one its owner made
read-only is kept as it was, and the rows go to ``NAME - rows left out (2).xlsx`` (then (3) …), the
summary saying so. Before, every partial import replaced it: the rows fixed there by hand, ready to import,
were gone without a word (and a LibreOffice with it open put its old copy back when saved)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.models.demo import create_demo

ROOT = Path(__file__).resolve().parents[1]
LEFT_OUT = "risks - rows left out.xlsx"
SECOND = "risks - rows left out (2).xlsx"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "office.pmo"
    create_demo(path).close()
    return path


@pytest.fixture
def folder(tmp_path: Path, demo: Path) -> Path:
    (tmp_path / "office.pmo").write_bytes(demo.read_bytes())
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact", "Status", "Raised"])
    ws.append(["Supplier slips", 2, 3, "Open", date(2026, 3, 1)])
    ws.append(["Data centre move late", 2, 3, "Open", "30/02/2026"])    # no 30 February: refused
    ws.append(["Budget cut", 9, 3, "Open", "31/02/2026"])                 # no level 9, no 31 February
    ws.append(["Key engineer leaves", 2, 3, "Open", date(2026, 3, 3)])  # most of "Raised" dates: a date column
    wb.save(tmp_path / "risks.xlsx")
    return tmp_path


def partial_import(folder: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "import", str(folder / "office.pmo"),
                           str(folder / "risks.xlsx"), "--partial"], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1]


def titles(path: Path) -> list[str]:
    return [row[1] for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(min_row=2, values_only=True)]


def fix_by_hand(path: Path) -> None:
    """What the user does in Excel: the refused date corrected, saved."""
    wb = openpyxl.load_workbook(path)
    assert wb.worksheets[0]["F1"].value == "Raised"
    wb.worksheets[0]["F2"] = date(2026, 3, 2)
    wb.save(path)


def left_out_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "rows left out" in p.name)


def test_the_rows_fixed_there_are_kept(folder: Path) -> None:
    partial_import(folder)
    fix_by_hand(folder / LEFT_OUT)
    fixed = digest(folder / LEFT_OUT)
    said = partial_import(folder)  # the source imported again (a colleague changed a row of it, say)
    assert digest(folder / LEFT_OUT) == fixed
    assert titles(folder / SECOND) == ["Data centre move late", "Budget cut"]
    assert f"they are in “{SECOND}” beside the workbook" in said
    assert f"; “{LEFT_OUT}” was kept as it was (it holds other rows, or is open or read-only)" in said
    fix_by_hand(folder / SECOND)  # fixed there too: the next goes to (3)
    partial_import(folder)
    assert left_out_files(folder) == sorted([LEFT_OUT, SECOND, SECOND.replace("(2)", "(3)")])


def test_the_same_rows_again_are_written_over_the_same_file(folder: Path) -> None:
    """Nothing the user did is in it: the import run again leaves one file, not a (2) each time."""
    partial_import(folder)
    said = partial_import(folder)
    assert left_out_files(folder) == [LEFT_OUT] and "kept" not in said


@pytest.mark.parametrize("how", ["open in LibreOffice", "open in Excel", "read-only"])
def test_one_open_in_a_spreadsheet_program_or_read_only_is_kept(folder: Path, how: str) -> None:
    partial_import(folder)
    first = folder / LEFT_OUT
    if how == "open in LibreOffice":
        (folder / f".~lock.{LEFT_OUT}#").write_text("Ann Smith,ann,laptop,05.12.2026 09:00,file:///home/ann;")
    elif how == "open in Excel":
        (folder / f"~${LEFT_OUT}").write_bytes(b"\x08Ann Smith" + b" " * 100)
    else:
        first.chmod(0o444)
    before = digest(first)
    partial_import(folder)
    assert digest(first) == before
    assert titles(folder / SECOND) == ["Data centre move late", "Budget cut"]
