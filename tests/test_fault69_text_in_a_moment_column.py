"""Fault round 69 (stop-55 leftover): text in the moments a record keeps of itself — ``UPDATE benefit SET
created_at = 'yesterday', updated_at = 'soon'`` on an office edited by hand, or written by another program. SQLite
keeps any text in a DATETIME column. The day columns read such text as no day (fault68, ``models/text_dates.py``)
but the moments did not: a board pack froze the office's state for its snapshot and failed whole, "Unexpected
error (ValueError: Invalid isoformat string: 'yesterday')". The moment is now read as none, the state kept as read
(a past state's moments may be empty), and the text stays in the file as written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli
from pypdf import PdfReader
from sqlalchemy import text

from pmo_desktop.models.registers.benefits import BENEFITS
from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    return benefits_office(tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST],
                           "UPDATE benefit SET created_at = 'yesterday', updated_at = 'soon' WHERE code = 'B-001'")


def _held(office: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(office)
    try:
        return con.execute("SELECT code, title, created_at FROM benefit ORDER BY code").fetchall()
    finally:
        con.close()


def test_both_board_packs_and_the_changes_since_are_written(tmp_path: Path) -> None:
    office = _office(tmp_path)
    proc = run_cli("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    text_of_pdf = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(tmp_path / "pack.pdf").pages)
    assert "Faster checkout" in text_of_pdf
    # the second pack reads the first's snapshot back (a past state holding no moment for B-001)
    proc = run_cli("boardpack", office, tmp_path / "pack.xlsx", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    cells = [c.value for ws in openpyxl.load_workbook(tmp_path / "pack.xlsx") for row in ws.iter_rows() for c in row]
    assert "Faster checkout" in cells
    proc = run_cli("changes", office, cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    assert "Faster checkout" not in proc.stdout  # nothing changed: the same record before and after
    assert _held(office)[0] == ("B-001", "Faster checkout", "yesterday")


def test_the_record_is_shown_and_edited_with_its_moment_kept(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.table_model import RegisterTableModel

    office = _office(tmp_path)
    document = Document(Store.open(office))
    try:
        model = RegisterTableModel(document, BENEFITS)
        assert model.rowCount() == 2
        row = next(r for r in range(2) if model.index(r, model.column_of("code")).data() == "B-001")
        command = model.build_edit_command([(row, model.column_of("title"), "Faster checkout at the tills")])
        assert command is not None and document.execute(command)
        assert document.office.read(lambda s: s.execute(
            text("SELECT title FROM benefit WHERE code = 'B-001'")).scalar_one()) == "Faster checkout at the tills"
        document.undo_stack.undo()
    finally:
        document.close()
    assert _held(office)[0] == ("B-001", "Faster checkout", "yesterday")
