"""File ▸ Program Details… gives the office's financial year start (fiscal61), by the keyboard alone: Alt+F, P, Tab to
"Financial year starts in", A for April, Ctrl+Enter saves it; Ctrl+Z takes it back in one step. Failed on main
5dd8d77 (the dialog had no such chooser)."""

from __future__ import annotations

from pathlib import Path

from focused_keys import press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from pmo_desktop.models import financial_year
from pmo_desktop.views.program_dialog import ProgramDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHOTS = Path("/work/rounds/fiscal61")


def test_the_financial_year_start_is_chosen_in_program_details_by_the_keyboard(demo_window, qtbot):
    window = demo_window
    assert window.document.office.read(financial_year.year_start) is None
    seen: dict[str, object] = {}

    def choose() -> None:  # runs in the dialog's own event loop (``exec``), as a person's keys would
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgramDialog):
            QTimer.singleShot(50, choose)
            return
        qtbot.waitUntil(lambda: dialog.editors["name"].hasFocus())
        chooser = dialog.editors["financial_year_start"]
        assert isinstance(chooser, QComboBox) and chooser.currentText() == "(not set)"
        for _ in range(12):  # Tab from the name, past the other boxes, to the chooser
            if QApplication.focusWidget() is chooser:
                break
            press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is chooser
        seen["name"] = chooser.accessibleName()
        press(qtbot, Qt.Key.Key_A)  # the first month starting with A
        seen["chosen"] = chooser.currentText()
        seen["help"] = chooser.accessibleDescription()
        if SHOTS.is_dir():
            dialog.grab().save(str(SHOTS / "program-details-financial-year.png"))
        press(qtbot, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves from any box

    QTimer.singleShot(50, choose)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_P)  # returns once the dialog is closed
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen["name"] == "Financial year starts in"
    assert seen["chosen"] == "April"
    assert "“FY25” is the financial year that ends in 2025" in str(seen["help"])
    assert window.document.office.read(financial_year.year_start) == 4
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Qt.Key.Key_Z, CTRL)  # one undo step
    qtbot.waitUntil(lambda: window.document.office.read(financial_year.year_start) is None)
