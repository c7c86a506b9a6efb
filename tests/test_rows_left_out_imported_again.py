"""The rows-left-out workbook is made to be fixed and imported again: its first column says why each row
was left out. Imported again, that column was kept in each record's notes ("Why it was left out: Status:
“Zzz” is not one of …") — a reason that no longer held, written into the register unasked. It is now
recognised and not imported, and the preview says why."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]


def test_the_reason_column_is_not_kept_when_the_fixed_rows_come_back(store, tmp_path: Path) -> None:
    source = tmp_path / "risks.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Risks"
    ws.append(["Title", "Probability", "Impact", "Status", "Raised", "Supplier"])
    ws.append(["Good", 2, 3, "Open", "2025-02-27", "Acme"])
    ws.append(["Bad date", 2, 3, "Open", "2025-02-30", "Bolt Ltd"])  # a day no calendar has: left out
    ws.append(["Also good", 2, 3, "Closed", "2025-02-28", "Cogs plc"])
    wb.save(source)
    first = apply_import(store, plan_import(store, source, register="risks"), partial=True)
    assert first.inserted == 2 and first.left_out == 1 and first.left_out_path is not None

    fixed = openpyxl.load_workbook(first.left_out_path)  # the user fixes the row beside its reason
    sheet = fixed.active
    header = [c.value for c in sheet[1]]
    assert header[0] == "Why it was left out"
    assert "2025-02-30" in str(sheet.cell(2, 1).value)
    sheet.cell(2, header.index("Raised") + 1).value = "2025-02-28"
    fixed.save(first.left_out_path)

    plan = plan_import(store, first.left_out_path, register="risks")
    said = plan.sheets[0].ignored[0]
    assert said == "“Why it was left out” is why an earlier import left the row out, so it is not imported."
    again = apply_import(store, plan)
    assert again.inserted == 1
    with store.session() as s:
        notes = {r.title: r.notes for r in s.query(RISKS.entity)}
    assert notes == {"Good": "Supplier: Acme", "Bad date": "Supplier: Bolt Ltd", "Also good": "Supplier: Cogs plc"}
