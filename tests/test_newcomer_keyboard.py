"""A newcomer's first minutes, by keyboard alone, on a new empty office: the page keys put the keyboard
in the table, and a column of titles typed with Enter after each makes one record a title — never a
new title over the record just made."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

RISKS = REGISTERS["risks"]
C, S = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def typed(qtbot, text: str) -> None:
    """Each key to whatever has the keyboard when it is pressed, as a person's typing goes."""
    for ch in text:
        qtbot.keyClicks(QApplication.focusWidget(), ch)


def titles(window) -> list[str]:
    rows = window.document.office.read(lambda s: records.fetch_rows(s, RISKS, records.load_context(s)))
    return [r[2 + RISKS.field_names.index("title")] for r in rows]


def test_five_risks_typed_down_a_column_after_ctrl_shift_n(main_window, qtbot, tmp_path):
    window = main_window
    assert window.create_file(str(tmp_path / "fresh.pmo"))
    window.resize(1280, 720)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_4, C)  # Risks
    view = window.stack.currentWidget().register_view
    assert QApplication.focusWidget() is view.table  # the page key puts the keyboard in the table
    qtbot.keyClick(view.table, Qt.Key.Key_N, C | S)  # a new row, its title current
    wanted = ["Supplier late", "Data migration slips", "Staff resist tills", "Budget overrun", "Key developer leaves"]
    for n, title in enumerate(wanted, 1):
        typed(qtbot, title)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=n: len(titles(window)) == n and view.new_line.hasFocus())
    assert titles(window) == wanted
    # Ctrl+F from there searches; Esc comes back to the row found, a second Esc shows every row again; Ctrl+Z
    # takes the last risk away, Ctrl+Shift+Z brings it back.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, C)
    assert QApplication.focusWidget() is view.search
    typed(qtbot, "tills")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, C)
    qtbot.waitUntil(lambda: len(titles(window)) == 4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, C | S)
    qtbot.waitUntil(lambda: len(titles(window)) == 5)


def test_an_import_is_not_hidden_by_the_search_or_filter_set_before(main_window, qtbot, tmp_path):
    """A search typed before an import used to hide what came in ("4 of 75 rows"): the table's search
    and filters are cleared when the import writes to the register shown, and the status bar says so."""
    from pathlib import Path

    import pytest

    from pmo_desktop.views.exchange.actions import open_import_dialog

    workbook = Path("/work/shared/excel-corpus/CRMills97__Risk_Register.xlsx")
    if not workbook.exists():
        pytest.skip("the shared corpus of real workbooks is not on this machine")
    window = main_window
    assert window.create_file(str(tmp_path / "fresh.pmo"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_4, C)
    view = window.stack.currentWidget().register_view
    qtbot.keyClick(view.table, Qt.Key.Key_N, C | S)
    typed(qtbot, "Supplier late")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(titles(window)) == 1 and view.new_line.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, C)
    assert QApplication.focusWidget() is view.search
    typed(qtbot, "supplier late")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    dialog = open_import_dialog(window, window.document, str(workbook))
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    assert view.search.text() == "supplier late" and view.proxy.rowCount() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(titles(window)) > 1)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == len(titles(window)))
    assert view.search.text() == ""
    assert "cleared" in window.statusBar().currentMessage()
