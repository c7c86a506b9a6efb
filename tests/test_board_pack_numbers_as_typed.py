"""The board pack prints a benefit's numbers as the window shows them (walkthrough 28): a baseline typed 95 and a
target typed 0 printed "95.0" and "0.0", and a value the window shows as 1,250.75 printed "1,250.8" — on paper
the board read numbers nobody typed. The workbook pack's cells keep the number and show it the same way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from pmo_desktop.excel.boardpack import write_board_pack
from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.values import number_format, number_text

TODAY = date(2026, 12, 5)


def _benefits(store) -> None:
    with store.transaction() as s:
        for title, baseline, target in (("Faster checkout", "95", "0"), ("Lost sales cut", "1250.75", "1 000 000")):
            records.create_record(s, REGISTERS["benefits"], {
                "title": title, "measure": "Minutes", "baseline_value": baseline, "baseline_date": "1/1/2026",
                "target_value": target, "target_date": "1/12/2027"})


def test_the_pdf_prints_each_number_as_typed(store, tmp_path: Path) -> None:
    _benefits(store)
    path = write_board_pack_pdf(store, tmp_path / "pack.pdf", TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    benefits = text[text.index("Faster checkout"):]
    assert "95.0" not in benefits and "0.0" not in benefits.split("Lost sales")[0]
    assert "1,250.75" in benefits and "1,000,000" in benefits


def test_the_workbook_shows_each_number_as_typed(store, tmp_path: Path) -> None:
    _benefits(store)
    path = write_board_pack(store, tmp_path / "pack.xlsx", TODAY)
    shown = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, float | int) and cell.value in (95, 0, 1250.75, 1_000_000):
                    shown.setdefault(cell.value, set()).add(cell.number_format)
    assert shown[95] == {"#,##0"} and shown[1250.75] == {"#,##0.00"} and shown[1_000_000] == {"#,##0"}


def test_a_number_reads_alike_in_the_window_and_on_paper() -> None:
    assert [number_text(x) for x in (95.0, 0.0, 76.2419, 1250.5, -3.0)] == ["95", "0", "76.24", "1,250.5", "-3"]
    assert [number_format(x) for x in (95.0, 76.2419, 1250.5)] == ["#,##0", "#,##0.00", "#,##0.0"]
