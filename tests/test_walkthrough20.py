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
