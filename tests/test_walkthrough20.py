"""Walkthrough 20: a newcomer's tour of a fresh office and the demo, by real key presses on the real window —
what they tripped on, each fixed."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough18b import keys_to

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def typed_along(qtbot, window, page_key, lines: list[str]) -> None:
    """On the page of Ctrl+``page_key``, each line typed into the table's ✱ line and Enter."""
    qtbot.keyClick(window, page_key, CTRL)
    qtbot.waitUntil(lambda: window.active_register_view() is not None)
    for line in lines:
        type_keys(qtbot, line)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)


def test_a_name_picked_from_the_list_of_people_after_the_question_raises_nothing(empty_window, qtbot):
    """A new office at 1280×720: a risk typed along its row, "He" in Owner and Tab — the question beside the
    cell ("Did you mean Helen Brooks?") and the list of names under it — then Down and Tab to take Helen Brooks:
    the note beside the cell was placed again after its editor had gone, an exception in Qt's event loop
    (printed on a terminal; a test's failure). The name is taken and nothing is raised."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_2, ["Harbour Wall"])
    typed_along(qtbot, window, Qt.Key.Key_6, ["Helen Brooks", "Tom Okafor"])
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Quay contractor goes bust")
    press(qtbot, Qt.Key.Key_Tab)
    for text in ("t", "Com", "proj", "Harb", ""):
        type_keys(qtbot, text)
        press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "He")
    press(qtbot, Qt.Key.Key_Tab)  # asks: "He" is not in the list of people. Did you mean Helen Brooks?
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    keys_to(qtbot, Qt.Key.Key_Down)  # as the platform sends keys: to the list open under the cell
    keys_to(qtbot, Qt.Key.Key_Tab)
    qtbot.wait(100)
    rows = window.document.office.read(lambda s: records.fetch_rows(s, RISKS, records.load_context(s)))
    assert rows[0][2 + RISKS.field_names.index("owner")] == "Helen Brooks"
    assert view.table.currentIndex().column() == view.model.column_of("raised_on")


def test_a_refusal_beside_a_narrow_tables_cell_is_not_covered_by_its_frozen_columns(empty_window, qtbot):
    """The stakeholders' table beside their grid at 1280×720, scrolled to "Program stakeholder": "5" typed there
    and Tab — the reason beside the cell read "of the Program (Yes, No). Enter, or Esc to as.", its first words
    under the frozen ID and name drawn over the table. Every point of the note is the note's."""
    from PySide6.QtCore import QPoint

    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Port authority board")
    press(qtbot, Qt.Key.Key_Tab)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("program_level")))
    type_keys(qtbot, "5")
    press(qtbot, Qt.Key.Key_Tab)
    notes = []
    qtbot.waitUntil(lambda: bool(notes.extend(n for n in view.findChildren(RefusalNote) if n.isVisible()) or notes))
    note = notes[0]
    assert "Program stakeholder" in note.text()
    qtbot.wait(50)
    assert view.table.frozen.isVisible()  # the ID and name are frozen over the table's left side
    box = note.rect()
    for x in (4, box.width() // 4, box.width() // 2, box.width() - 5):
        at = note.mapTo(window, QPoint(x, box.height() // 2))
        shown = window.childAt(at)
        assert shown is note or note.isAncestorOf(shown), (x, type(shown).__name__)
