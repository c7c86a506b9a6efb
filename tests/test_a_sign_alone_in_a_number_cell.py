"""A number or scale cell holding only a currency or per-cent sign ("$", "%" — a template's unit left where the
amount was to go) ended the whole import with "Unexpected error (IndexError …)": the number reading took the empty
rest for a sign. Such a cell is a value the office cannot place, kept in the notes and said, as any other."""
from __future__ import annotations

import openpyxl
import pytest
from cli_runner import run_cli
from xlsx_factory import snapshot

from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.models.values import parse_number


@pytest.mark.parametrize("text", ["$", "%", "€", "+", "-", " $ "])
def test_a_sign_alone_is_no_number(text):
    with pytest.raises(ValidationError, match="Cost"):
        parse_number(text, "Cost")


def test_a_register_with_a_sign_alone_in_its_rating_and_cost_cells_imports_every_row(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Risks"
    sheet.append(["ID", "Risk", "Owner", "Probability", "Impact", "Cost impact"])
    sheet.append(["R1", "Supplier late", "Ann", "$", 3, "$"])
    sheet.append(["R2", "Key staff leave", "Bob", 2, "%", "%"])
    sheet.append(["R3", "Scope grows", "Cy", 4, 4, 1200])
    book.save(tmp_path / "risks.xlsx")
    run_cli("new", "office.pmo", cwd=tmp_path, ok=True)
    done = run_cli("import", "office.pmo", "risks.xlsx", cwd=tmp_path, ok=True)
    assert "Unexpected error" not in done.stderr
    assert "Probability “$” is none of its levels" in done.stderr + done.stdout
    store = Store.open(tmp_path / "office.pmo")
    try:
        names = ["id", "version", *(f.name for f in REGISTERS["risks"].fields)]
        risks = {r["code"]: r for r in (dict(zip(names, row)) for row in snapshot(store)["risks"])}
    finally:
        store.close()
    assert set(risks) == {"R1", "R2", "R3"}
    assert "$" in str(risks["R1"]["notes"]) and risks["R1"]["probability"] is None
