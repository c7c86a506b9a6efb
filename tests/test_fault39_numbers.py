"""Fault round 39: numbers at a spreadsheet's edges. A number typed or imported as text with more whole digits
than a number keeps (Excel keeps 15) was kept with its last digits changed, without a word; "0,250", which no
one writes for two hundred and fifty (no thousands start with 0), was read as 250 — in a German or French
desktop's decimal comma it is a quarter."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmo_desktop.excel.importer import plan_import
from pmo_desktop.models import records
from pmo_desktop.models.errors import ValidationError
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.values import DECIMAL_COMMA, decimal_mark, parse_number

DECISIONS = REGISTERS["decisions"]


@pytest.mark.parametrize("typed,kept", [("0,250", 0.25), ("0.250", 0.25), ("0,750", 0.75), ("00,125", 0.125)])
def test_a_decimal_with_a_zero_before_its_mark_is_read_as_a_decimal(store, typed: str, kept: float) -> None:
    with store.transaction() as s:
        rec = records.create_record(s, DECISIONS, {"title": "Scope", "cost_impact": typed})
    with store.session() as s:
        assert records.record_values(s, DECISIONS, rec.id)["cost_impact"] == kept
    assert parse_number(typed, "Cost", DECIMAL_COMMA) == kept  # a decimal-comma column reads it the same
    assert decimal_mark(typed) == ("," if "," in typed else ".")


@pytest.mark.parametrize("typed", ["12345678901234567", "1,234,567,890,123,456,789", "9007199254740993"])
def test_a_number_with_more_digits_than_a_number_keeps_is_refused_not_changed(store, typed: str) -> None:
    with pytest.raises(ValidationError) as refused, store.transaction() as s:
        records.create_record(s, DECISIONS, {"title": "Scope", "cost_impact": typed})
    said = str(refused.value)
    assert said.startswith(f"Cost impact: “{typed}” has more digits than a number keeps exactly (15); it would be "
                           "kept as ")
    assert "keep it in a text column if it is an ID" in said


def test_an_import_says_so_and_keeps_ids_and_phone_numbers_as_written(store, tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("ID;Decision;Cost impact\n"
                    "0012345;Zeros kept;0,250\n"
                    "D-2;Too long;12345678901234567\n"
                    "12345678901234567890;Long ID;1500\n", encoding="utf-8")
    plan = plan_import(store, path, register="decisions")
    rows = {r.report.row: r for sheet in plan.sheets for r in sheet.rows}
    assert rows[2].values["code"] == "0012345" and rows[2].values["cost_impact"] == 0.25
    assert rows[3].report.action.name == "ERROR"
    assert "“12345678901234567” has more digits than a number keeps exactly (15)" in rows[3].report.reason
    assert rows[4].values["code"] == "12345678901234567890" and rows[4].values["cost_impact"] == 1500
