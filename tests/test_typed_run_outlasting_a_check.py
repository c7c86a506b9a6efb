"""Letters typed into a value's dropdown while the choice of the first one is still being checked go on as one
run: the run's clock starts when a key was done with, not when it was pressed. Under load the check of "O"'s
choice (Open) outlasted the keyboard's interval and "c" began a run of its own — Closed, where the newcomer typed
"Occurred" (walkthrough20, failing under load only). Here the check is made slow on purpose, by a slot on the
dropdown's own signal, and the interval short."""
from __future__ import annotations

import time

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough20 import messy_workbook

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

SLOW_CHECK_S = 0.4


def test_a_word_typed_while_its_first_letters_choice_is_checked_is_one_run(empty_window, qtbot, tmp_path):
    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = empty_window
    dialog = open_import_dialog(window, window.document,
                                str(messy_workbook(tmp_path / "Riesgos.xlsx", status="En seguimiento")))
    combo = dialog.values_table.cellWidget(0, 1)
    combo.currentIndexChanged.connect(lambda *_: time.sleep(SLOW_CHECK_S))  # a machine busy with other work
    interval = QApplication.keyboardInputInterval()
    QApplication.setKeyboardInputInterval(int(SLOW_CHECK_S * 1000) // 2)
    try:
        combo.setFocus()
        qtbot.waitUntil(combo.hasFocus)
        type_keys(qtbot, "Occurred")
        assert dialog.values_table.cellWidget(0, 1).currentText() == "Occurred"
    finally:
        QApplication.setKeyboardInputInterval(interval)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    risks = REGISTERS["risks"]
    rows = window.document.office.read(lambda s: records.fetch_rows(s, risks, records.load_context(s)))
    status = {r[2 + risks.field_names.index("code")]: r[2 + risks.field_names.index("status")] for r in rows}
    assert status == {"PN-1": "Open", "PN-2": "Occurred"}
