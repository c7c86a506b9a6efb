"""Fault round 69 (stop-55 leftover): one wording for a number past any amount. The table and the board pack's PDF
write 1e308 as a spreadsheet does, "1E+308" (fault68); an import's notes and the command line wrote "1e+308", a
copied cell and a refusal's message "1e+308" too, and both workbooks (the export, the board pack's) wrote the
number under a format grouping thousands: its 309 digits, or "#####" in a column too narrow. Typed back as the
table shows it — "1E+308", or F2 and Enter on the cell — it was refused: "has more digits than a number keeps
exactly (15); it would be kept as 100,000,000,000,000,001,097,906,…", 309 digits of them. Now every place writes
"1E+308" (a workbook's cell in a spreadsheet's General format), and a number typed as the table shows it is kept."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from benefits_office import FASTER_CHECKOUT, LOWER_RUNNING_COST, benefits_office
from cli_runner import run_cli

from pmo_desktop.models import values
from pmo_desktop.models.errors import ValidationError, show_value
from pmo_desktop.models.registers.benefits import BENEFITS
from pmo_desktop.models.store import Store


def _office(tmp_path: Path) -> Path:
    return benefits_office(tmp_path, [FASTER_CHECKOUT, LOWER_RUNNING_COST],
                           "UPDATE benefit SET baseline_value = 1e308 WHERE code = 'B-001'")


@pytest.mark.parametrize("typed", ["1E+308", "1e308", values.plain_number_text(1e308)])
def test_a_number_typed_as_the_table_shows_it_is_kept(typed: str) -> None:
    assert values.parse_number(typed, "Baseline") == float(typed.replace(",", ""))


def test_a_number_of_more_digits_than_kept_is_still_refused_in_fifteen() -> None:
    with pytest.raises(ValidationError) as refused:
        values.parse_number("1" + "0" * 300 + "7", "Baseline")
    kept = str(refused.value).partition("kept as ")[2]
    assert kept.startswith("1E+301.") and not re.search(r"\d{20}", kept)
    with pytest.raises(ValidationError, match="kept as 12,345,678,901,234,568"):
        values.parse_number("12345678901234567", "Baseline")


def test_every_text_of_the_number_says_it_one_way() -> None:
    field = BENEFITS.field("baseline_value")
    assert {values.whole_text(1e308), field.display(1e308), show_value(1e308), values.number_text(1e308)} == {"1E+308"}
    assert field.display(1.5e-20) == "1.5E-20"
    with pytest.raises(ValidationError, match=r"the number 1E\+308, which is no date"):
        values.parse_date(1e308, "Due")


def test_f2_and_enter_on_the_cell_keep_it(qtbot, tmp_path: Path) -> None:
    from pmo_desktop.views.document import Document
    from pmo_desktop.views.register_table.table_model import RegisterTableModel

    office = _office(tmp_path)
    document = Document(Store.open(office))
    try:
        model = RegisterTableModel(document, BENEFITS)
        row = next(r for r in range(2) if model.index(r, 0).data() == "B-002")
        column = model.column_of("baseline_value")
        command = model.build_edit_command([(row, column, "1E+300")])
        assert command is not None and document.execute(command)
        assert model.index(row, column).data() == "1E+300"
    finally:
        document.close()


def test_both_workbooks_write_it_as_the_table_does(tmp_path: Path) -> None:
    office = _office(tmp_path)
    run_cli("export", office, tmp_path / "all.xlsx", cwd=tmp_path, ok=True)
    run_cli("boardpack", office, tmp_path / "pack.xlsx", "--no-snapshot", cwd=tmp_path, ok=True)
    for book in ("all.xlsx", "pack.xlsx"):
        cells = [c for ws in openpyxl.load_workbook(tmp_path / book) for r in ws.iter_rows() for c in r
                 if c.value == 1e308]
        assert cells and {c.number_format for c in cells} == {"General"}, book
    con = sqlite3.connect(office)
    assert con.execute("SELECT baseline_value FROM benefit WHERE code = 'B-001'").fetchone() == (1e308,)
    con.close()
