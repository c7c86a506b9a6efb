"""Walkthrough 21: a newcomer who lives in Excel tours a fresh office and the demo by real key presses on the
real window — what they tripped on, each fixed."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from test_walkthrough20 import typed_along

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier


def stored(window, register: str) -> list[dict]:
    reg = REGISTERS[register]
    rows = window.document.office.read(lambda s: records.fetch_rows(s, reg, records.load_context(s)))
    return [dict(zip(reg.field_names, row[2:])) for row in rows]


def test_f2_adds_to_a_cells_text_as_in_excel_not_over_it(empty_window, qtbot):
    """F2 on "Crane supplier late" and " again" typed: the title became "again" — Qt opened the editor with the
    whole text selected, where Excel's F2 puts the caret after the last letter. The words typed go on the end:
    on a plain cell, on the frozen title while the table is scrolled sideways, and on a long text far right."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier late"])
    view = window.active_register_view()
    view.table.setFocus()
    for field, before, added in (("title", "Crane supplier late", " again"), ("notes", "", "Call the yard"),
                                 ("notes", "Call the yard", " on Monday"), ("title", "Crane supplier late again", "!")):
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of(field)))
        press(qtbot, Qt.Key.Key_F2)
        type_keys(qtbot, added)
        press(qtbot, Qt.Key.Key_Return)
        assert stored(window, "risks")[0][field] == before + added
    assert view.table.horizontalScrollBar().value() > 0  # the last title was edited in the frozen columns
