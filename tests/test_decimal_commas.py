"""Numbers written the European way — a decimal comma (12,5), points grouping thousands (1.234.567,89) —
as a German or French CSV (semicolon-separated, Windows-1252) brings them, or as typed or pasted. Before,
every comma was dropped: 12,5 was stored as 125 and 10,25 as 1025 without a word, and 1.234.567,89 made
its row "text under the header", skipped. A comma that groups thousands (1,250) keeps its English reading;
a text no reading fits is refused, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.values import parse_number


@pytest.mark.parametrize("text,number", [
    ("12,5", 12.5), ("10,25", 10.25), ("-3,5", -3.5), ("0,75", 0.75), ("1,00", 1.0), ("12,5%", 0.125),
    ("1.234.567,89", 1234567.89), ("1.234,5", 1234.5), ("2.000.000,00", 2_000_000.0), ("1.234.567", 1234567.0),
    ("1,250", 1250.0), ("1,234,567.89", 1234567.89), ("+1,250.5", 1250.5), ("12.5", 12.5), ("€ 1.234,50", 1234.5),
])
def test_numbers_as_europe_and_england_write_them(text: str, number: float) -> None:
    assert parse_number(text, "Target") == pytest.approx(number)


@pytest.mark.parametrize("text", ["1,2,3", "12,5.3", "1.23,4.5"])
def test_numbers_no_reading_fits_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a number"):
        parse_number(text, "Target")


def test_a_german_csv_of_benefits_imports_its_values_as_written(tmp_path: Path) -> None:
    path = tmp_path / "Nutzen.csv"
    path.write_bytes("ID;Title;Owner;Baseline;Target\r\n"
                     "B-1;Umsatzsteigerung;Anne;1.234.567,89;2.000.000,00\r\n"
                     "B-2;Kosten senken;Anne;12,5;10,25\r\n".encode("cp1252"))
    store = Store.create(tmp_path / "office.pmo")
    try:
        apply_import(store, plan_import(store, path, register="benefits"))
        benefits = REGISTERS["benefits"]
        names = benefits.field_names
        with store.session() as s:
            rows = {r[names.index("code") + 2]: (r[names.index("baseline_value") + 2], r[names.index("target_value") + 2])
                    for r in records.fetch_rows(s, benefits)}
    finally:
        store.close()
    assert rows == {"B-1": (pytest.approx(1234567.89), pytest.approx(2_000_000.0)), "B-2": (12.5, 10.25)}
