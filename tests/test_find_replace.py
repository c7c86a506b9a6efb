"""Edit ▸ Replace… (Ctrl+H) in a register, as Excel's Find and Replace (walkthrough 24): a newcomer pressed
Ctrl+H to rename "Supplier" to "Vendor" across their risks and nothing happened."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from test_walkthrough20 import typed_along
from test_walkthrough21 import stored

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def alt(qtbot, key) -> None:
    """Alt and a button's underlined letter: Qt clicks the button as if pressed (its click comes ~100 ms on)."""
    press(qtbot, key, ALT)
    qtbot.wait(250)


def risks_typed(window, qtbot, titles: list[str]):
    typed_along(qtbot, window, Qt.Key.Key_4, titles)
    view = window.active_register_view()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    return view


def set_column(view, field: str, values: list) -> None:
    column = view.model.column_of(field)
    assert view.model.set_cells([(r, column, v) for r, v in enumerate(values)])


def open_dialog(qtbot, view):
    """Ctrl+H pressed on the table: the dialog shown, the keyboard in its Find what box."""
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_H, CTRL)
    dialog = view.window().findChild(QDialog, "find-replace")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.find_edit.hasFocus())
    return dialog


def fill_in(qtbot, dialog, find: str, replace: str) -> None:
    """Find what typed, Tab, Replace with typed: by keys, as a user does."""
    dialog.find_edit.selectAll()
    type_keys(qtbot, find)
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.replace_edit.hasFocus()
    dialog.replace_edit.selectAll()
    type_keys(qtbot, replace)


def test_ctrl_h_opens_replace_and_replace_all_is_one_undo_step(empty_window, qtbot):
    """"Supplier" in three of four risks' titles, twice in one: Ctrl+H, "supplier" → "Vendor", Alt+A. Every
    occurrence replaced (the case of the text found not asked for), the status bar counts cells and risks, and
    one Ctrl+Z puts every cell back."""
    window = empty_window
    titles = ["Supplier late", "Crane supplier fails", "Permit refused", "Supplier and supplier's supplier"]
    view = risks_typed(window, qtbot, titles)
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "supplier", "Vendor")
    alt(qtbot, Qt.Key.Key_A)
    assert [r["title"] for r in stored(window, "risks")] == [
        "Vendor late", "Crane Vendor fails", "Permit refused", "Vendor and Vendor's Vendor"]
    assert dialog.message.text() == "Replaced 3 in 3 risks."
    assert window.statusBar().currentMessage() == "Replaced 3 in 3 risks."
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.isActiveWindow() and view.table.hasFocus())  # the keyboard back in the table
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [r["title"] for r in stored(window, "risks")] == titles


def test_a_choice_column_refuses_a_value_not_among_its_choices_and_the_rest_is_replaced(empty_window, qtbot):
    """"Supplier" is both a category (a choice) and in a title: replaced by "Vendor", the title changes and the
    category, which has no "Vendor", is left as it was and listed — never stored as an unknown choice."""
    window = empty_window
    view = risks_typed(window, qtbot, ["Supplier late", "Crane fails"])
    set_column(view, "category", ["Supplier", "Supplier"])
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "Supplier", "Vendor")
    alt(qtbot, Qt.Key.Key_A)
    risks = stored(window, "risks")
    assert [(r["title"], r["category"]) for r in risks] == [("Vendor late", "Supplier"), ("Crane fails", "Supplier")]
    assert dialog.message.text().startswith("Replaced 1 in 1 risk; 2 cells left as they were, refused")
    assert dialog.refusals.isVisible() and dialog.refusals.toPlainText().count("Category") == 2


def test_only_the_rows_a_filter_shows_are_replaced(empty_window, qtbot):
    """A search on (Ctrl+F "crane"): Replace All changes the rows shown alone, and the dialog says it is
    within the rows shown."""
    window = empty_window
    view = risks_typed(window, qtbot, ["Crane late", "Ferry late", "Crane broken"])
    view.focus_search()
    type_keys(qtbot, "crane")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 2)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    dialog = open_dialog(qtbot, view)
    assert "2 risks shown of 3" in dialog.scope_note.text()
    fill_in(qtbot, dialog, "late", "on time")
    alt(qtbot, Qt.Key.Key_A)
    assert [r["title"] for r in stored(window, "risks")] == ["Crane on time", "Ferry late", "Crane broken"]
    assert dialog.message.text() == "Replaced 1 in 1 risk."


def test_match_case_and_whole_cell(empty_window, qtbot):
    """Match case (Alt+C) leaves "supplier" alone when "Supplier" is asked; entire cell contents (Alt+O)
    replaces a cell that is exactly the text, not one that contains it."""
    window = empty_window
    view = risks_typed(window, qtbot, ["Supplier", "supplier", "Supplier late"])
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "Supplier", "Vendor")
    alt(qtbot, Qt.Key.Key_C)
    assert dialog.match_case.isChecked()
    alt(qtbot, Qt.Key.Key_O)
    assert dialog.whole_cell.isChecked()
    alt(qtbot, Qt.Key.Key_A)
    assert [r["title"] for r in stored(window, "risks")] == ["Vendor", "supplier", "Supplier late"]
    alt(qtbot, Qt.Key.Key_C)  # case no longer matched: the lower-case one too, still whole cells only
    alt(qtbot, Qt.Key.Key_A)
    assert [r["title"] for r in stored(window, "risks")] == ["Vendor", "Vendor", "Supplier late"]
    dialog.find_edit.setFocus()
    dialog.find_edit.selectAll()
    type_keys(qtbot, "xyz")
    alt(qtbot, Qt.Key.Key_A)
    assert dialog.message.text() == "No cell holds “xyz”."


def test_the_id_column_and_worked_out_columns_are_never_changed(empty_window, qtbot):
    """"R-001" is the first risk's ID and in the second's title: all columns replaced, the title changes, the
    ID stays; within the ID column alone, nothing is replaced and the dialog says no cell holds it."""
    window = empty_window
    view = risks_typed(window, qtbot, ["Crane late", "Same as R-001"])
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "R-001", "R-009")
    alt(qtbot, Qt.Key.Key_A)
    risks = stored(window, "risks")
    assert [(r["code"], r["title"]) for r in risks] == [("R-001", "Crane late"), ("R-002", "Same as R-009")]
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.isActiveWindow() and view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("code")))
    dialog = open_dialog(qtbot, view)
    press(qtbot, Qt.Key.Key_H, ALT)  # Within: this column (ID)
    assert dialog.within.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.within.currentText() == "This column (ID)"
    dialog.find_edit.setFocus()
    dialog.find_edit.selectAll()
    type_keys(qtbot, "R-00")
    alt(qtbot, Qt.Key.Key_A)
    assert [r["code"] for r in stored(window, "risks")] == ["R-001", "R-002"]
    assert dialog.message.text() == "No cell holds “R-00”."


def test_enter_finds_the_next_cell_round_the_end(empty_window, qtbot):
    """Enter in Find what is Find Next: the keyboard goes to each cell holding the text in turn, and back to the
    first after the last; Replace (Alt+R) changes the current one and goes on."""
    window = empty_window
    view = risks_typed(window, qtbot, ["Crane late", "Ferry", "Late permit"])
    title = view.model.column_of("title")
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "late", "slow")
    dialog.find_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == (2, title)
    press(qtbot, Qt.Key.Key_Return)
    assert view.table.currentIndex().row() == 0
    alt(qtbot, Qt.Key.Key_R)
    assert [r["title"] for r in stored(window, "risks")] == ["Crane slow", "Ferry", "Late permit"]
    assert view.table.currentIndex().row() == 2
    assert QApplication.activeModalWidget() is None


def test_a_name_the_office_lacks_is_told_as_typing_it_is(empty_window, qtbot):
    """A project renamed in its risks' cells to one the office has not ("Harbour" → "Dock"): refused for that
    cell as typing "Dock Wall" is, the title beside it replaced; an owner's name replaced by a new one adds
    the person, as typing a new name does, and the dialog says so."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_2, ["Harbour Wall"])
    typed_along(qtbot, window, Qt.Key.Key_6, ["Helen Brooks"])
    view = risks_typed(window, qtbot, ["Harbour crane late"])
    set_column(view, "project", ["Harbour Wall"])
    set_column(view, "owner", ["Helen Brooks"])
    dialog = open_dialog(qtbot, view)
    fill_in(qtbot, dialog, "Harbour", "Dock")
    alt(qtbot, Qt.Key.Key_A)
    risk = stored(window, "risks")[0]
    assert (risk["title"], risk["project"]) == ("Dock crane late", "Harbour Wall")
    assert "Project: there is no project called “Dock Wall”." in dialog.refusals.toPlainText()
    dialog.find_edit.setFocus()
    fill_in(qtbot, dialog, "Brooks", "Brookes")
    alt(qtbot, Qt.Key.Key_A)
    assert stored(window, "risks")[0]["owner"] == "Helen Brookes"
    assert dialog.message.text() == "Replaced 1 in 1 risk; 1 new person added to People: “Helen Brookes”."
