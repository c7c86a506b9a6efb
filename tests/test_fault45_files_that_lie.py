"""Fault round 45: office files that are not what they say, each refused untouched with what it is and what to do.

- An office cut short — a copy to a stick, a download or a sync that did not finish, a disk that filled up as it
  was copied — was "damaged and cannot be read (database disk image is malformed)": SQLite's words, no cause and
  nothing to do. Now: cut short, how much of it is there, copy it again or open a backup.
- An empty .pmo (a copy that never began) was "not a database at all"; now it says it is empty.
- A workbook renamed .pmo (or saved over the office by a spreadsheet program) was "not a database at all"; now it
  says it is a workbook, to import; the window says where (the hint it gave a file named .xlsx alone).
Every refusal leaves the file byte-for-byte as it was, with nothing beside it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from cli_runner import run_cli
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.models import errors, records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store


def listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "made" / "office.pmo"  # the original, elsewhere
    path.parent.mkdir()
    store = Store.create(path)
    with store.transaction() as s:
        records.create_records(s, REGISTERS["risks"], [{"title": f"Risk {i}", "notes": "n" * 300} for i in range(400)])
    store.close()
    return path


@pytest.mark.parametrize("kept", [0.9, 0.3])
def test_an_office_cut_short_says_so_and_what_to_do(tmp_path: Path, office: Path, kept: float) -> None:
    whole = office.read_bytes()
    cut = tmp_path / "office.pmo"
    cut.write_bytes(whole[:int(len(whole) * kept)])  # a copy that stopped part-way
    before = listing(tmp_path)
    assert list(before) == ["office.pmo"]
    with pytest.raises(errors.CorruptFile) as refused:
        Store.open(cut)
    said = str(refused.value)
    assert said.startswith("“office.pmo” is cut short: it holds ")
    assert f"of the {len(whole):,} it was written with" in said and "Copy it again" in said
    proc = run_cli("summary", cut, cwd=tmp_path)
    assert proc.returncode != 0 and "is cut short" in proc.stderr
    assert listing(tmp_path) == before


def test_an_empty_office_file_says_it_is_empty(tmp_path: Path) -> None:
    empty = tmp_path / "office.pmo"
    empty.write_bytes(b"")
    with pytest.raises(errors.NotAProgramOfficeFile, match=r"“office\.pmo” is empty \(0 bytes\)"):
        Store.open(empty)
    assert listing(tmp_path) == {"office.pmo": hashlib.sha256(b"").hexdigest()}


def test_a_workbook_named_as_an_office_says_it_is_a_workbook_to_import(qtbot, main_window, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Title", "Owner"])
    wb.active.append(["Supplier fails", "Ann"])
    renamed = tmp_path / "office.pmo"
    wb.save(renamed)
    before = listing(tmp_path)
    proc = run_cli("summary", renamed, cwd=tmp_path)
    assert proc.returncode != 0
    assert "it is a zip file, as an Excel workbook (.xlsx)" in proc.stderr and "imported into an office" in proc.stderr
    assert not main_window.open_path(str(renamed))
    shown = [b.text() for b in main_window.findChildren(QMessageBox) if b.isVisible()]
    assert any("Excel workbook" in t and "File ▸ Import from Excel" in t for t in shown), shown
    assert listing(tmp_path) == before
