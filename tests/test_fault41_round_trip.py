"""Fault round 41, the round trip of everything: export → import into a new office → export again gives the same
workbook cell for cell (values, their types and formats), for every register and sheet, with values spreadsheets
mangle in every text field and the office's own choice list.

Fault injected: an office's own words for a choice (risk categories an import added, “Weather” not yet used by a
risk) were not in its whole-office export: the new office knew only the words its risks used, and its next export's
dropdown (the hidden Lists sheet) lacked “Weather”, without a word. Now carried on the settings sheet and rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.importer import OWN_LIST_SETTING, apply_import, plan_workbook_import
from pmo_desktop.excel.stamp import STAMP_SHEET
from pmo_desktop.models import records
from pmo_desktop.models.demo import create_demo
from pmo_desktop.models.program import Setting
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

# Text a spreadsheet would take for a formula, a number, a date, a time, a truth value or an error, and text it
# keeps but may lose on the way: line breaks, tabs, emoji, Chinese, Arabic, an escape-like "_x0041_".
MANGLED = ["=1+1", "+44 20 7946 0000", "-5", "@SUM(A1)", '=HYPERLINK("http://x","click")', "007",
           "1234567890123456789", "1-2", "3/4", "TRUE", "NaN", "#N/A", "09:30", "1e5", "12%", "a\nb", "a\tb",
           "🚀 launch", "供应商延迟", "تأخير المورد", "_x0041_", "2026-12-05", "'lead"]
REGISTERS_WITH_TEXT = ("risks", "issues", "assumptions", "decisions", "stakeholders", "communications", "benefits",
                       "milestones", "objectives", "outcomes")


def _office(path: Path) -> Store:
    store = create_demo(path)
    with store.transaction() as s:
        s.merge(Setting(key=OWN_LIST_SETTING + "risks.category", value=json.dumps(["Data Quality", "Weather"])))
    with store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": "Dirty source data", "category": "Data Quality"})
        for name in REGISTERS_WITH_TEXT:
            reg = REGISTERS[name]
            texts = [f.name for f in reg.fields if type(f.kind).__name__ in ("TextKind", "LongTextKind")]
            for i, text in enumerate(MANGLED):
                records.create_record(s, reg, {f: text if j else f"{text} {i}" for j, f in enumerate(texts)})
    return store


def _cells(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = [tuple((c.value, c.data_type, c.number_format) for c in row) for row in ws.iter_rows()]
        if ws.title == STAMP_SHEET:  # which office wrote it, and when: the new office's own
            rows = rows[3:]
        out[ws.title] = rows
    return out


def test_export_import_export_gives_the_same_workbook_cell_for_cell(tmp_path: Path) -> None:
    store = _office(tmp_path / "office.pmo")
    fresh = Store.create(tmp_path / "fresh.pmo")
    try:
        first = export_workbook(store, tmp_path / "first.xlsx")
        plan = plan_workbook_import(fresh, first)
        assert plan.ok, plan.summary()
        apply_import(fresh, plan)
        second = export_workbook(fresh, tmp_path / "second.xlsx")
        a, b = _cells(first), _cells(second)
        assert list(a) == list(b)
        for title in a:
            assert a[title] == b[title], title
        lists = openpyxl.load_workbook(second)["Lists"]
        assert "Weather" in [c.value for row in lists.iter_rows() for c in row]  # the dropdown offers it still
        with fresh.session() as s:
            own = s.get(Setting, OWN_LIST_SETTING + "risks.category")
            assert own is not None and json.loads(own.value) == ["Data Quality", "Weather"]
    finally:
        fresh.close()
        store.close()
