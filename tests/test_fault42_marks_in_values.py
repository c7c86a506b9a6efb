"""Fault injection, round 42: dates and numbers as Windows writes them in a right-to-left language (Hebrew,
Arabic) — wrapped in invisible direction marks — and negative numbers with the typographic minus sign Word, Numbers
and web pages write, pasted with a real Ctrl+V. Each is read as the date or number it shows; before, each was
refused with a message quoting what looked like a good date or number."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from test_date_entry import open_view, stored


def paste_on(qtbot, view, record_id: int, field: str, text: str) -> None:
    with qtbot.waitActive(view):
        view.activateWindow()
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(record_id), 0)).row()
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of(field)))
    view.table.setFocus()
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("text", ["\u200f15/03/2027\u200f", "\u200e15/03/2027\r\n", "\u200f15 Mar 2027\u200e"])
def test_a_date_in_direction_marks_is_read_as_the_date_it_shows(qtbot, document, text):
    from datetime import date

    view, rid = open_view(qtbot, document, "projects")
    messages: list[str] = []
    document.error.connect(messages.append)
    paste_on(qtbot, view, rid, "start_date", text)
    assert messages == []
    assert stored(document, "projects", rid, "start_date") == date(2027, 3, 15)


@pytest.mark.parametrize("text, number", [("\u22121,250.5", -1250.5), ("\u200e2,500\u200e", 2500.0),
                                          ("\u2212 12%", -0.12)])
def test_a_number_with_a_typographic_minus_or_direction_marks_is_read(qtbot, document, text, number):
    view, rid = open_view(qtbot, document, "benefits")
    messages: list[str] = []
    document.error.connect(messages.append)
    paste_on(qtbot, view, rid, "baseline_value", text)
    assert messages == []
    assert stored(document, "benefits", rid, "baseline_value") == pytest.approx(number)
