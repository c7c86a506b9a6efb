"""One full user path in the main window: add a risk with the keyboard, score it, escalate it,
and find it in the program view and in its heat map cell."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.models.store import Store
from pmo_desktop.views.main_window import MainWindow


def test_add_score_escalate_and_see_it_everywhere(qtbot, tmp_path):
    path = tmp_path / "office.pmo"
    store = Store.create(path, program_name="Test program")
    with store.transaction() as s:
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"})
    store.close()

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(str(path))
    page = window.page("Risks")
    view = page.register_view
    table = view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)

    # Add a row with the keyboard and type its title.
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.model.rowCount() == 1
    assert view.model.fields[table.currentIndex().column()].name == "title"
    title = "Supplier cannot deliver tills"
    qtbot.keyClicks(table, title[0])          # typing on a cell opens its editor, as in a spreadsheet
    editor = QApplication.focusWidget()       # the rest of the keys go where the focus now is
    assert editor is not table, type(editor)
    qtbot.keyClicks(editor, title[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Qt commits on the next turn
    record = view.model.record(0)
    assert record["title"] == "Supplier cannot deliver tills" and record["code"] == "R-001"

    def choose(field: str, text: str) -> None:
        """Move to the cell, open its editor with F2, pick the entry, commit with Enter."""
        table.setCurrentIndex(view.proxy.index(0, view.model.column_of(field)))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findText(text))
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    choose("level", "Project")
    choose("project", "Tills")
    choose("probability", "4 – High")
    choose("impact", "3 – Medium")
    record = view.model.record(0)
    assert (record["level"], record["project"], record["probability"], record["impact"]) == ("Project", "Tills", 4, 3)
    assert (record["inherent_score"], record["inherent_rating"]) == (12, "High")
    assert page.heat_map.count(4, 3) == 1

    # Escalate it (the reason dialog is the page's; here the reason is given directly).
    view.select_record(record["id"])
    assert page.escalate_button.isEnabled()
    assert page.escalate_current("The supplier also serves the training rollout")
    assert view.model.record(0)["level"] == "Program"
    program = page.program_view
    row = program.row_of(record["id"])
    assert row is not None
    assert program.table.item(row, 0).text() == "R-001"
    assert program.table.item(row, 6).text() == "Tills" and program.table.item(row, 7).text() == "Tills"

    # Its heat map cell, filtered to program risks, holds it, and clicking it shows just that row.
    page.filters.choose("levels", "Program")
    assert page.heat_map.count(4, 3) == 1
    page.heat_map.click_cell(4, 3)
    assert view.proxy.rowCount() == 1 and page.tabs.currentWidget() is page.register_tab

    # Ctrl+Z in the window undoes the escalation.
    window.document.undo_stack.undo()
    assert view.model.record(0)["level"] == "Project" and program.row_of(record["id"]) is None
    window.close_file()
