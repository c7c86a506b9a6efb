"""Fault round 47: a workbook imported while a spreadsheet program has it open — Excel's owner file ("~$Risks.xlsx")
or LibreOffice's lock file (".~lock.Risks.xlsx#") beside it — with rows typed there and not saved yet.

The import read the file as last saved, as it must, and said nothing: the preview, the import and the command line
planned the rows saved, the rows just typed in the open window left out without a word, the user sure they were in.
Now the preview and the command line say the workbook is open there, by whom, and that what is read is the workbook
as last saved: save it there first, then check again. Nothing else changes: the rows saved are planned and imported
as before, the workbook and its lock file untouched. (The lock file itself given to import is refused:
test_fault40_files_that_lie.py; an export over an open workbook: test_export_over_a_locked_workbook.py.)"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from xlsx_factory import save, snapshot

from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models.store import Store


def workbook(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["ID", "Title", "Probability", "Impact"])
    ws.append(["R-101", "Supplier late", 3, 4])
    ws.append(["R-102", "Key person leaves", 2, 5])
    return save(wb, folder / "Risks.xlsx")


def excel_owner_file(book: Path, user: str) -> Path:
    """What Excel writes beside a workbook it opens: a byte giving the length of the user's name, the name."""
    owner = book.with_name(f"~${book.name}")
    owner.write_bytes(bytes([len(user)]) + user.encode("cp1252") + b"\0" * (54 - len(user)))
    return owner


def libreoffice_lock_file(book: Path, user: str) -> Path:
    lock = book.with_name(f".~lock.{book.name}#")
    lock.write_text(f"{user},laptop-7,{user.split()[0].lower()},05.12.2026 23:10,file:///C:/Users/x/AppData;")
    return lock


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("program, make, user", [("Excel", excel_owner_file, "Ann Lee"),
                                                 ("LibreOffice", libreoffice_lock_file, "Bo Chen")])
def test_the_preview_says_it_is_open_there_and_reads_it_as_last_saved(store, tmp_path: Path, program, make,
                                                                     user) -> None:
    book = workbook(tmp_path)
    lock = make(book, user)
    before, files = snapshot(store), digests(tmp_path)
    plan = plan_import(store, book, register="risks")
    said = [s for s in plan.not_read if "is open in" in s]
    assert said == [f"“Risks.xlsx” is open in {program} (by {user}) — what is read is the workbook as last saved "
                    f"there; save it in {program} first to bring in what was typed since, then check again."]
    assert plan.count("insert") == 2  # the rows saved are planned as before
    assert snapshot(store) == before and digests(tmp_path) == files
    lock.unlink()  # closed there: nothing more to say
    assert plan_import(store, book, register="risks").not_read == []


def test_the_command_line_says_it_too_and_imports_the_rows_saved(tmp_path: Path) -> None:
    office = tmp_path / "office.pmo"
    Store.create(office).close()
    folder = tmp_path / "in"  # the office apart: only the workbook and its owner file are compared
    folder.mkdir()
    book = workbook(folder)
    excel_owner_file(book, "Ann Lee")
    files = digests(book.parent)
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "import", str(office), str(book), "--register", "risks"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert ("pmo-desktop: “Risks.xlsx” is open in Excel (by Ann Lee) — what is read is the workbook as last saved "
            "there") in done.stderr
    assert "Imported 2 new" in done.stdout
    assert digests(book.parent) == files
