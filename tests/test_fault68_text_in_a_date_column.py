"""Fault round 68: text in a day column of an office edited by hand — ``UPDATE benefit SET target_date = 'soon'``,
which SQLite keeps as text in a DATE column. SQLAlchemy's reading of the column (``date.fromisoformat``) raised
on the first row: the Benefits page and both board packs failed whole ("Invalid isoformat string: 'soon'"). The
text is read as no day; it stays in the file as written (``models/text_dates.py``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    """An office of two benefits, the target date of each then set to the text 'soon' by hand."""
    office = benefits_office(tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST])
    _held(office, "UPDATE benefit SET target_date = 'soon'")
    return office


def _held(office: Path, sql: str = "") -> list[tuple[object, ...]]:
    con = sqlite3.connect(office)
    try:
        with con:
            if sql:
                con.execute(sql)
            return con.execute("SELECT code, target_date FROM benefit ORDER BY code").fetchall()
    finally:
        con.close()


def test_the_benefits_page_opens_with_the_day_empty(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.benefits.page import BenefitsPage
    from pmo_desktop.views.document import Document

    office = _office(tmp_path)
    document = Document(Store.open(office))
    try:
        page = BenefitsPage(document, None)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        page.grab()
        model = page.register_view.model
        assert model.rowCount() == 2
        assert {model.index(r, model.column_of("target_date")).data() for r in range(2)} == {""}
        assert {model.index(r, model.column_of("baseline_date")).data() for r in range(2)} == {"1 Jan 2026"}
    finally:
        document.close()
    assert _held(office) == [("B-001", "soon"), ("B-002", "soon")]


def test_both_board_packs_are_written(tmp_path: Path) -> None:
    office = _office(tmp_path)
    proc = run_cli("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "Lower running cost" in text and "Faster checkout" in text
    proc = run_cli("boardpack", office, tmp_path / "pack.xlsx", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    cells = [c.value for ws in openpyxl.load_workbook(tmp_path / "pack.xlsx") for row in ws.iter_rows() for c in row]
    assert "Faster checkout" in cells
    assert _held(office) == [("B-001", "soon"), ("B-002", "soon")]
