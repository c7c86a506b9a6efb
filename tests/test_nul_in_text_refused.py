"""A NUL character (code 0) in a text: some programs' exports leave one in a cell (xlsx writes it as
``_x0000_``), a paste may carry one. PostgreSQL refuses it — a whole import of thousands of rows failed
as "a value does not fit in the database", no row named — and SQLite kept it, its text functions
stopping there (a search never found the words after it). Now refused on either, by the field's rule:
the row named, the field and where in it, so a partial import takes the other rows, and an edit says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]


def workbook(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))  # xlsxwriter writes a control character as Excel does: _x0000_
    ws = wb.add_worksheet("Risks")
    ws.write_row(0, 0, ["Title", "Probability", "Impact", "Status", "Cause", "Vendor ref"])
    ws.write_row(1, 0, ["Supplier \x00 insolvency", 2, 3, "Open", "market", "V-1"])
    ws.write_row(2, 0, ["Data loss", 2, 3, "Open", "because \x00 of backups", "V-2"])
    ws.write_row(3, 0, ["Key person", 2, 3, "Open", "one expert", "V\x003"])
    ws.write_row(4, 0, ["Clean row", 2, 3, "Open", "fine", "V-4"])
    wb.close()
    return path


def test_a_nul_in_a_cell_refuses_its_row_on_either_database(store, tmp_path: Path) -> None:
    plan = plan_import(store, workbook(tmp_path / "risks.xlsx"), register="risks")
    reasons = {r.report.row: r.report.reason for r in plan.sheets[0].rows}
    assert reasons[2].startswith("Title holds an invisible NUL character (code 0) after “Supplier”")
    assert reasons[3].startswith("Cause holds an invisible NUL character (code 0) after “because”")
    assert "NUL character" in reasons[4] and "“Vendor ref: V”" in reasons[4]  # the cell kept in the notes
    assert [r.report.action.name for r in plan.sheets[0].rows] == ["ERROR", "ERROR", "ERROR", "INSERT"]
    result = apply_import(store, plan, partial=True)
    assert result.inserted == 1 and result.left_out == 3
    with store.session() as s:
        stored = [(r.title, r.cause, r.notes) for r in s.query(RISKS.entity)]
    assert stored == [("Clean row", "fine", "Vendor ref: V-4")]


@pytest.mark.parametrize("field, value", [("title", "\x00Typed"), ("cause", "pasted \x00 text")])
def test_an_edit_with_a_nul_is_refused_naming_the_field(store, field: str, value: str) -> None:
    with store.transaction() as s:
        risk = records.create_record(s, RISKS, {"title": "Kept", "status": "Open"})
    with pytest.raises(ValidationError, match="holds an invisible NUL character") as refused:
        with store.transaction() as s:
            records.update_record(s, RISKS, risk.id, {field: value}, expected_version=risk.version)
    assert refused.value.field == field
    with store.session() as s:
        assert s.get(RISKS.entity, risk.id).title == "Kept"
