"""Exporting or publishing over a workbook a spreadsheet program has open: LibreOffice's lock file
(``.~lock.NAME#``) or Excel's owner file (``~$NAME``) beside it. Replaced, the file stayed open there as
it was — the old one on screen, and a save there put it back over the export (on Windows the rename fails
and was called a lack of permission). Refused before anything is written, saying who has it open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.export_errors import ExportError
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.store import Store

ROOT = Path(__file__).resolve().parents[1]
OLD = b"last month's workbook"


def libreoffice_lock(out: Path, user: str = "Ann Smith") -> Path:
    lock = out.with_name(f".~lock.{out.name}#")
    lock.write_text(f"{user},laptop-7,ann,04.12.2026 09:12,file:///home/ann/.config/libreoffice/4;")
    return lock


def excel_owner_file(out: Path, user: str = "Bob Jones") -> Path:
    """As Excel writes it: the name's length in a byte, the name, padding, the name again in UTF-16."""
    owner = out.with_name(f"~${out.name}")
    name = user.encode("cp1252")
    owner.write_bytes(bytes([len(name)]) + name + b" " * (54 - len(name)) + user.encode("utf-16-le").ljust(108, b"\0"))
    return owner


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office.pmo"
    create_demo(path).close()
    return path


def folder_listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_export_from_the_command_line_over_a_workbook_open_in_libreoffice(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "registers.xlsx"
    out.parent.mkdir()
    out.write_bytes(OLD)
    libreoffice_lock(out)
    before = folder_listing(out.parent)
    done = subprocess.run([sys.executable, "-m", "pmo_desktop", "export", str(office), str(out)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "“registers.xlsx” is open in LibreOffice (by Ann Smith); close it there and try again" in done.stderr
    assert "delete “.~lock.registers.xlsx#”" in done.stderr
    assert out.read_bytes() == OLD and folder_listing(out.parent) == before


@pytest.mark.parametrize("name", ["board pack.xlsx", "board pack.pdf"])
def test_a_board_pack_from_the_window_over_one_open_in_excel(qtbot, office: Path, tmp_path: Path, name: str) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from pmo_desktop.views.document import Document
    from pmo_desktop.views.exchange.actions import export_board_pack

    out = tmp_path / name
    out.write_bytes(OLD)
    excel_owner_file(out)
    store = Store.open(office)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not export_board_pack(parent, Document(store), str(out))
    [box] = parent.findChildren(QMessageBox)
    assert f"“{name}” is open in Excel (by Bob Jones)" in box.text()
    assert out.read_bytes() == OLD
    with store.session() as s:  # a pack not written keeps no snapshot
        assert s.execute(text("SELECT count(*) FROM board_snapshot")).scalar() == 0
    store.close()


def test_the_lock_of_another_file_or_a_lock_gone_changes_nothing(office: Path, tmp_path: Path) -> None:
    """The control: another workbook's lock beside it is not this one's; once the lock is gone, it is written."""
    out = tmp_path / "registers.xlsx"
    out.write_bytes(OLD)
    libreoffice_lock(tmp_path / "other.xlsx")
    excel_owner_file(tmp_path / "registers.xlsm")
    store = Store.open(office)
    try:
        export_workbook(store, out)
        assert out.read_bytes()[:2] == b"PK"
        lock = libreoffice_lock(out, user="")
        with pytest.raises(ExportError, match=r"^“registers.xlsx” is open in LibreOffice \(by ann\);"):
            export_workbook(store, out)
        lock.unlink()
        export_workbook(store, out)
    finally:
        store.close()
