"""Fault round 65: the office's financial year start (fiscal61) holding a value Program Details never writes — the
file edited by hand ("Apr", "april") or by a newer PMO Desktop ("13"), on SQLite and on PostgreSQL.

Program Details showed such a value as "(not set)", and Save of any other detail (the program's name corrected)
wrote "not set" over it, without a word; "april" and "Apr" were not read as April, so an import read no financial
quarter by them. Now a month's name is read whatever its case, its first three letters too, and a value naming no
month is shown as stored, said, and kept unless the user chooses a month."""

from __future__ import annotations

import pytest
from focused_keys import press
from PySide6.QtCore import Qt
from sqlalchemy import text

from pmo_desktop.models import financial_year
from pmo_desktop.models.store import Store
from pmo_desktop.views.document import Document
from pmo_desktop.views.program_dialog import ProgramDialog, read_program

CTRL = Qt.KeyboardModifier.ControlModifier


def _office_holding(store_url: str, value: str) -> Document:
    store = Store.open(store_url)
    with store.engine.begin() as conn:  # as a database tool writes it
        conn.execute(text("UPDATE program SET financial_year_start = :v"), {"v": value})
    return Document(store)


@pytest.mark.parametrize("value", ["13", "Q2"])
def test_a_value_naming_no_month_is_kept_when_other_details_are_saved(qtbot, store_url: str, value: str) -> None:
    document = _office_holding(store_url, value)
    try:
        dialog = ProgramDialog(document)
        qtbot.addWidget(dialog)
        dialog.show()
        chooser = dialog.editors["financial_year_start"]
        assert chooser.currentText() == value  # shown as stored, never as "(not set)"
        assert f"holds “{value}”" in dialog.message.text()
        name = dialog.editors["name"]
        name.setFocus()
        qtbot.waitUntil(name.hasFocus)
        press(qtbot, Qt.Key.Key_End)
        qtbot.keyClicks(name, " II")
        press(qtbot, Qt.Key.Key_Return, CTRL)  # Save
        qtbot.waitUntil(lambda: not dialog.isVisible())
        program = read_program(document)
        assert program["name"].endswith(" II")
        assert program["financial_year_start"] == value
    finally:
        document.close()


@pytest.mark.parametrize("value", ["april", " Apr "])
def test_a_months_name_typed_by_hand_is_read_as_that_month(store_url: str, value: str) -> None:
    document = _office_holding(store_url, value)
    try:
        assert document.office.read(financial_year.year_start) == 4
    finally:
        document.close()
