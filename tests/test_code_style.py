"""A new record's ID follows the IDs the office already holds (walk38): a risk register imported with R1 … R12 gave
the next risk typed on the ✱ line "R-001", the office's numbering beside the user's; a stakeholder list numbered
1 … 15 gave "S-001". The register's own style stays wherever any ID is written so."""

from __future__ import annotations

import openpyxl
import pytest

from pmo_desktop.excel.importer import apply_import, plan_workbook_import
from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


@pytest.mark.parametrize(("codes", "following"), [
    (["R1", "R2", "R12"], "R13"),
    (["001", "002", "015"], "016"),
    (["7", "8", "9"], "10"),
    (["RSK-0041", "RSK-0042"], "RSK-0043"),
    (["R-005", "R7", "R8"], "R-006"),  # one written the register's way: its way
    (["ABC-7"], "R-001"),  # one odd ID sets no style
    ([], "R-001"),
    (["Supplier delay", "Scope"], "R-001"),  # IDs that are no numbers
])
def test_the_next_id_follows_the_ids_given(codes, following):
    style = records.code_style(codes, RISKS)
    assert style.code(style.highest + 1) == following


def _store(tmp_path):
    return Store.create(tmp_path / "office.pmo")


def test_a_risk_added_after_risks_numbered_r1_to_r3_is_r4_and_a_batch_goes_on(tmp_path):
    store = _store(tmp_path)
    with store.transaction() as s:
        records.create_records(s, RISKS, [{"code": f"R{n}", "title": f"Risk {n}"} for n in (1, 2, 3)])
    with store.transaction() as s:
        added = records.create_record(s, RISKS, {"title": "Typed on the new line"})
        assert added.code == "R4"
        records.create_records(s, RISKS, [{"title": "Pasted one"}, {"title": "Pasted two"}])
    with store.session() as s:
        assert sorted(records.stored_codes(s, RISKS)) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    store.close()


def test_an_imported_row_without_an_id_goes_on_from_the_sheets_ids(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risk register"
    sheet.append(["Risk ID", "Risk title", "Owner", "Probability", "Impact"])
    sheet.append(["R1", "Supplier delay", "Ann", "High", "Medium"])
    sheet.append(["R2", "Scope creep", "Raj", "Low", "High"])
    sheet.append([None, "Key engineer leaves", "Ann", "Medium", "High"])
    path = tmp_path / "risks.xlsx"
    book.save(path)
    store = _store(tmp_path)
    plan = plan_workbook_import(store, path)
    assert plan.ok, plan.summary()
    apply_import(store, plan)
    with store.session() as s:
        assert sorted(records.stored_codes(s, RISKS)) == ["r1", "r2", "r3"]
    store.close()
