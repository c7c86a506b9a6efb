"""A cell longer than any field holds (a pasted report, 40,000 characters in a CSV, which has no cell
limit) in a column the register keeps in its notes. The notes would exceed the field's own limit
(Excel's 32,767 characters, the one every edit is held to): the row is refused, saying why — never
stored over the limit (the office could then no longer be exported) and never stored cut. (The CSV reader cuts
such a cell past the limit as a workbook's cells are (fault65): what is left is still over it, and said.)"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from pmo_desktop.excel.errors import ImportRefused
from pmo_desktop.excel.export import export_workbook
from pmo_desktop.excel.import_plan import Action
from pmo_desktop.excel.importer import apply_import, plan_import
from pmo_desktop.models import records
from pmo_desktop.models.fields import CELL_TEXT_LIMIT
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store

RISKS = REGISTERS["risks"]


def register_csv(path: Path, description: str) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Title", "Owner", "Description"])  # risks keep a description in their notes
        writer.writerow(["R-1", "Supplier report pasted in", "Ann", description])
        writer.writerow(["R-2", "Data centre move late", "Bob", "Racks arrive in May"])
    return path


@pytest.fixture
def office(tmp_path: Path):
    store = Store.create(tmp_path / "office.pmo")
    yield store
    store.close()


def notes(store: Store) -> dict[str, str]:
    with store.session() as s:
        rows = records.fetch_rows(s, RISKS)
    code, kept = RISKS.field_names.index("code") + 2, RISKS.field_names.index("notes") + 2
    return {r[code]: r[kept] for r in rows}


def test_the_row_is_refused_and_nothing_is_written(office: Store, tmp_path: Path) -> None:
    source = register_csv(tmp_path / "risks.csv", "word " * 8_000)  # 40,000 characters
    plan = plan_import(office, source, register="risks")
    refused = [r.report for s in plan.sheets for r in s.rows if r.report.action == Action.ERROR]
    assert [r.row for r in refused] == [2]
    reason = refused[0].reason
    assert reason.startswith("Notes would be ") and f"more than it holds ({CELL_TEXT_LIMIT:,})" in reason, reason
    assert reason.startswith(f"Notes would be more than {CELL_TEXT_LIMIT:,} characters"), reason  # (cut on reading)
    with pytest.raises(ImportRefused):
        apply_import(office, plan)
    assert notes(office) == {}


def test_a_partial_import_leaves_it_out_and_the_office_still_exports(office: Store, tmp_path: Path) -> None:
    source = register_csv(tmp_path / "risks.csv", "word " * 8_000)
    result = apply_import(office, plan_import(office, source, register="risks"), partial=True)
    assert result.left_out == 1 and result.left_out_path is not None and result.left_out_path.exists()
    assert list(notes(office)) == ["R-2"]
    # The row left out, in a workbook whose cells hold at most 32,767 characters: the cut is said, not silent.
    sheet = openpyxl.load_workbook(result.left_out_path).worksheets[0]
    reason, description = sheet["A2"].value, sheet["E2"].value
    # the CSV's cell was cut past the limit on reading (fault65): what is known of its length is said (fault66)
    assert f"“Description” held more than {CELL_TEXT_LIMIT:,} characters, more than an Excel cell holds: " \
           f"cut to {CELL_TEXT_LIMIT:,} here, whole in “risks.csv”" in reason, reason
    assert description == ("word " * 8_000)[:CELL_TEXT_LIMIT]
    export_workbook(office, tmp_path / "office.xlsx")  # refused (a text too long for a cell) before the fix


def test_a_long_text_that_fits_is_kept_whole(office: Store, tmp_path: Path) -> None:
    text = "word " * 6_000  # 30,000 characters: with its label, still within the limit
    apply_import(office, plan_import(office, register_csv(tmp_path / "risks.csv", text), register="risks"))
    assert text.strip() in notes(office)["R-1"]
