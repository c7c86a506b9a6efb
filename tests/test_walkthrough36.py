"""Walkthrough 36: a newcomer's first week — a program office brought in from Excel. A fresh office, a colleague's
registers imported through the preview by the keyboard alone, the same workbook imported again after two cells
were edited in it; what they tripped on, each fixed, by real key presses on the real window."""

import shutil
from pathlib import Path

import pytest
from file_dialogs import answer_file_dialog
from focused_keys import press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.exchange.import_dialog import ImportDialog

CTRL = Qt.KeyboardModifier.ControlModifier
CORPUS = Path(__file__).parents[2] / "shared" / "excel-corpus"


def import_dialog_by_keys(window, qtbot, workbook: Path) -> ImportDialog:
    """Ctrl+I, the workbook's path typed into the chooser and Enter: the preview that opens."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    answer_file_dialog(qtbot, str(workbook))
    press(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=30_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible())
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def shown_rows(dialog: ImportDialog) -> dict[str, tuple[str, str]]:
    """Each row of the preview by its ID: (its action, what it becomes), as the table shows them."""
    model = dialog.report_view.model()
    return {model.index(r, 3).data(): (model.index(r, 2).data(), model.index(r, 4).data())
            for r in range(model.rowCount())}


def test_a_register_imported_again_with_two_cells_edited_says_two_updates_and_what_each_writes_over(
        empty_window, qtbot, tmp_path):
    """A colleague's risk register (70 risks) imported into a fresh office, then the same workbook again after two
    cells were edited in it: a risk's title and another's owner. The preview said "0 to insert, 70 to update", every
    row "will update" in the same blue — as if all 70 records were to be written over — and the two changed rows said
    only "changes Title" and "Owner: Sam", the office's values they replace nowhere. It now says "2 to update, 68
    unchanged", the 68 rows "unchanged" in a skip's grey, and each changed row shows the office's value and the
    workbook's: "Owner: Frodo → Sam"."""
    import openpyxl

    source = CORPUS / "CRMills97__Risk_Register.xlsx"
    if not source.exists():
        pytest.skip("the shared corpus of real workbooks is not on this machine")
    window = empty_window
    workbook = tmp_path / "from Jo" / "Risk Register.xlsx"
    workbook.parent.mkdir()
    shutil.copy(source, workbook)
    first = import_dialog_by_keys(window, qtbot, workbook)
    assert first.summary.text().startswith("<span style='color:#1b5e20'>70 to insert, 0 to update")
    press(qtbot, Qt.Key.Key_Return)  # Enter imports
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=30_000)
    qtbot.waitUntil(lambda: window.isAncestorOf(QApplication.focusWidget()))  # the keyboard back in the window
    qtbot.waitUntil(lambda: window.active_register_view() is not None
                    and window.active_register_view().proxy.rowCount() == 70)  # the risks that came in, shown

    book = openpyxl.load_workbook(workbook)
    sheet = book.active
    assert (sheet["A6"].value, sheet["B6"].value, sheet["A7"].value, sheet["D7"].value) == \
        ("R3", "Scope creep occurs", "R4", "Frodo")
    sheet["B6"] = "Scope creep occurs in phase 2"
    sheet["D7"] = "Sam"
    book.save(workbook)

    again = import_dialog_by_keys(window, qtbot, workbook)
    summary = again.summary.text()
    assert "0 to insert, 2 to update, 68 unchanged, 0 skipped." in summary, summary
    rows = shown_rows(again)
    assert rows["R3"] == ("will update", "Scope creep occurs → Scope creep occurs in phase 2")
    assert rows["R4"] == ("will update", "Owner: Frodo → Sam")
    assert {action for code, (action, _) in rows.items() if code not in ("R3", "R4")} == {"unchanged"}
    model = again.report_view.model()
    tint = {model.index(r, 2).data(): model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole).color().name()
            for r in range(model.rowCount())}
    assert tint["unchanged"] != tint["will update"]  # the two changed rows stand out among the 68
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
