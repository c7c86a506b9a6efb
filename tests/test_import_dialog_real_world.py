"""The import preview with real registers: take the valid rows, translate the values it could not place."""

from __future__ import annotations

import openpyxl
from real_world_factory import write_xlsx

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.exchange.import_dialog import ImportDialog

RISKS = REGISTERS["risks"]


def titles(store) -> dict[str, dict]:
    with store.session() as s:
        return {r["title"]: r for r in (dict(zip(["id", "version", *RISKS.field_names], row))
                                        for row in records.fetch_rows(s, RISKS))}


def test_import_the_valid_rows_is_one_undo_step_and_leaves_the_others_beside_the_workbook(qtbot, document, tmp_path):
    path = write_xlsx(tmp_path / "log.xlsx", {"Risks": [
        ["Risk", "Impact", "Date raised"], ["Fine", 3, "2025-01-02"], ["Broken", 2, "2025-02-30"], ["Also fine", 4, None]]})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.partial_button.isEnabled() and dialog.partial_button.text().replace("&", "") == "Import the 2 valid rows, leave 1"
    dialog.partial_button.click()
    assert sorted(titles(document.store)) == ["Also fine", "Fine"]
    assert document.undo_stack.count() == 1
    left = openpyxl.load_workbook(dialog.left_out_path).active
    assert [c.value for c in left[2]][:2] == [next(r for r in dialog.plan.errors).reason, "Broken"]
    document.undo_stack.undo()
    assert titles(document.store) == {}


def test_no_valid_row_offers_no_partial_import(qtbot, document, tmp_path):
    """Every row in error (an issue log whose columns name no title, its sheet and register chosen by
    hand): the preview does not offer to "Import the 0 valid rows"."""
    path = write_xlsx(tmp_path / "Issue_Log.xlsx", {"Issues": [
        ["Issue ID", "Column Name", "Issue Type", "Resolved?"], [1, "age", "Missing values", "Yes"],
        [2, "email", "Duplicates", "No"]]})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData("Issues"))
    dialog.register_combo.setCurrentIndex(dialog.register_combo.findData("issues"))
    assert dialog.plan is not None and len(dialog.plan.errors) == 2 and not dialog.import_button.isEnabled()
    assert dialog.partial_button.isHidden() and "valid rows" not in dialog.summary.text()


def test_a_value_translated_in_the_dropdown_places_the_row(qtbot, document, tmp_path):
    path = write_xlsx(tmp_path / "v.xlsx", {"Risks": [["Risk", "Status"], ["One", "Parked"], ["Two", "Open"]]})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    assert dialog.values_table.rowCount() == 1
    assert "“Parked”" in dialog.values_table.cellWidget(0, 0).text()
    combo = dialog.values_table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("Closed"))
    assert dialog.plan.ok and dialog.import_button.isEnabled()
    dialog.do_import()
    assert titles(document.store)["One"]["status"] == "Closed"


def test_a_title_taken_from_an_unnamed_column_is_said_once_for_the_sheet(qtbot, document, tmp_path):
    """A gap tracker under a risk caption with no Title column: its "Parameters" name the risks. The preview
    says so once, under its summary — not on every row of the table beside it."""
    rows = [[None, "Platform Security Risk Analysis"], [],
            ["S. No.", "Parameters", "Desired Parameters", "Current Status", "Action Owner", "Remarks"],
            [1, "Governance and awareness to be enhanced", "1. Organisation chart", "Open", "Ann Lee", None],
            [2, "Absence of a complete asset inventory", "1. Complete inventory", "Open", "Tom Berg", None],
            [3, "Network security controls to be enhanced", "1. Network diagram", "Closed", "Ann Lee", "Done"]]
    path = write_xlsx(tmp_path / "Security.xlsx", {"Cyber Security": rows})
    dialog = ImportDialog(document, path)
    qtbot.addWidget(dialog)
    assert dialog.plan is not None and dialog.plan.valid_count == 3
    assert dialog.summary.text().count("Title from “Parameters”") == 1
    assert not any("Title from" in r.reason for r in dialog.plan.reports)
    dialog.import_button.click()
    assert sorted(titles(document.store)) == ["Absence of a complete asset inventory",
                                              "Governance and awareness to be enhanced",
                                              "Network security controls to be enhanced"]
