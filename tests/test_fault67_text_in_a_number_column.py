"""Fault round 67 (fix54b): text in a benefit's number column of an office edited by hand — ``UPDATE benefit SET
baseline_value = 'abc'``, which SQLite keeps as text in a REAL column. Read as a number it failed the Benefits
register with a TypeError in ``benefit_rules.planned_value``: the Benefits page and both board packs failed whole.
The text is no value to the plan, status and roll-up; the table and the packs show it as written, the packs
saying once under their listing which benefits hold text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    """An office of one financial and one other benefit, each baseline then set to the text 'abc' by hand."""
    office = benefits_office(tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST], "UPDATE benefit SET baseline_value = 'abc'")
    con = sqlite3.connect(office)
    assert con.execute("SELECT typeof(baseline_value) FROM benefit").fetchall() == [("text",), ("text",)]
    con.close()
    return office


def test_the_benefits_page_opens_and_shows_the_text_as_written(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.benefits.page import BenefitsPage
    from pmo_desktop.views.document import Document

    document = Document(Store.open(_office(tmp_path)))
    try:
        page = BenefitsPage(document, None)
        qtbot.addWidget(page)
        page.resize(1400, 900)
        page.show()
        qtbot.waitExposed(page)
        qtbot.wait(50)
        page.grab()
        model = page.register_view.model
        assert model.rowCount() == 2
        baselines = {model.index(r, model.column_of("baseline_value")).data() for r in range(2)}
        assert baselines == {"abc"}
        targets = {model.index(r, model.column_of("target_value")).data() for r in range(2)}
        assert targets == {"60", "50"}
    finally:
        document.close()


def test_both_board_packs_are_written_with_the_text_as_written(tmp_path: Path) -> None:
    office = _office(tmp_path)
    proc = run_cli("boardpack", office, tmp_path / "pack.pdf", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "Lower running cost" in text and "Faster checkout" in text
    assert "abc" in text
    said = "Not a number (2): B-001, B-002 — a baseline, target or measure holds text (the office edited by hand)"
    assert text.count(said) == 1
    proc = run_cli("boardpack", office, tmp_path / "pack.xlsx", cwd=tmp_path, ok=False)
    assert proc.returncode == 0, proc.stderr
    cells = [c.value for ws in openpyxl.load_workbook(tmp_path / "pack.xlsx") for row in ws.iter_rows() for c in row]
    assert "abc" in cells
    assert sum(isinstance(c, str) and c.startswith(said) for c in cells) == 1
