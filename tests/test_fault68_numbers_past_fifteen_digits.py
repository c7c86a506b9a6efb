"""Fault round 68: numbers at the edges of a float in every place a number is shown. A benefit's baseline of 1e308
(typed, or a column of a hand-edited office) read in the Benefits table and the board pack's PDF as 309 digits
grouped by thousands, "100,000,000,000,000,001,097,906,362,944,…" — 103 cells' worth, every digit after the 16th
none anyone typed; 123456789012345678 read "123,456,789,012,345,680"; -0.0 read "-0". An import kept a score of 1e308
in the notes as the same 309 digits. A number now shows the 15 significant digits a float (and a spreadsheet) keeps:
grouped with zeros after them up to 1e21, from there as a spreadsheet writes it ("1E+308"); -0 is 0."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from benefits_office import FASTER_CHECKOUT, benefits_office
from cli_runner import run_cli
from pypdf import PdfReader

from pmo_desktop.models import values
from pmo_desktop.models.store import Store


@pytest.mark.parametrize(("value", "shown"), [
    (1e308, "1E+308"), (-1e308, "-1E+308"), (1e21, "1E+21"), (123456789012345678.0, "123,456,789,012,346,000"),
    (999999999999999.0, "999,999,999,999,999"), (-0.0, "0"), (-0.001, "0"), (1e-308, "0"), (1234.5, "1,234.5")])
def test_a_number_shows_its_fifteen_digits(value: float, shown: str) -> None:
    assert values.number_text(value) == shown


def _office(tmp_path: Path) -> Path:
    return benefits_office(
        tmp_path, [FASTER_CHECKOUT, ["B-002", "Lower running cost", 100, "2026-01-01", 50, "2027-12-31", "Non-financial"]],
        "UPDATE benefit SET baseline_value = 1e308, target_value = -0.0 WHERE code = 'B-001'",
        "UPDATE benefit SET baseline_value = 123456789012345678 WHERE code = 'B-002'")


def test_the_table_and_the_pdf_show_fifteen_digits(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.benefits.page import BenefitsPage
    from pmo_desktop.views.document import Document

    office = _office(tmp_path)
    document = Document(Store.open(office))
    try:
        page = BenefitsPage(document, None)
        qtbot.addWidget(page)
        model = page.register_view.model
        shown = {model.index(r, 0).data(): (model.index(r, model.column_of("baseline_value")).data(),
                                            model.index(r, model.column_of("target_value")).data())
                 for r in range(model.rowCount())}
        assert shown == {"B-001": ("1E+308", "0"), "B-002": ("123,456,789,012,346,000", "50")}
    finally:
        document.close()
    run_cli("boardpack", office, tmp_path / "pack.pdf", "--no-snapshot", cwd=tmp_path, ok=True)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(tmp_path / "pack.pdf").pages)
    assert "1E+308" in text
    assert not re.search(r"\d{1,3}(,\d{3}){6,}", text)  # no run of 19 digits or more


def test_an_imported_score_of_1e308_is_kept_in_the_notes_as_written(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Incidents"
    for row in (["ID", "Title", "Severity score", "Owner"], ["INC-1", "Checkout down", 1e308, "Ann"],
                ["INC-2", "Slow search", 3, "Bob"]):
        ws.append(row)
    wb.save(tmp_path / "incidents.xlsx")
    office = tmp_path / "office.pmo"
    run_cli("new", office, cwd=tmp_path, ok=True)
    proc = run_cli("import", office, tmp_path / "incidents.xlsx", "--partial", "--create-missing", cwd=tmp_path, ok=True)
    assert not re.search(r"\d{20}", proc.stdout)
    store = Store.open(office)
    try:
        notes = store.engine.connect().exec_driver_sql("SELECT notes FROM risk WHERE code = 'INC-1'").scalar_one()
    finally:
        store.close()
    assert "Severity score: 1E+308" in notes and not re.search(r"\d{20}", notes)
