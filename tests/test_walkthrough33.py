"""Walkthrough 33: a newcomer's first hour on a fresh office, keyboard only — what silently changed a value or a
record, and what left a key doing nothing. Real key presses on real widgets."""

from __future__ import annotations

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def test_what_is_typed_after_tab_on_a_refused_choice_is_never_taken_for_that_choice(empty_window, qtbot):
    """A risk typed along its row: "env" in Category (no such choice) was refused, and after Tab the Status "o"
    typed on started afresh in the category — Operational — which the next Tab stored and moved on, the rest of
    the row going into the columns after it (a benefit's next record typed so went into the cells of the one
    above). Walk58b: Tab leaves the refused cell as it was and the keyboard goes on, each value typed after it in its
    own column, never taken for the category; F2 back in the cell gives the letters back, and what is typed over
    them is stored. (Before: the refused cell kept the keyboard until it was put right.)
    Since round edit53 the text held is selected, as Excel's Retry leaves a refused entry, so what is typed next
    replaces it (before, it went on the text held, "envo", and the row's later values piled up in the one cell);
    after Enter the same ("9", Enter, "4")."""
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Crane delivery slips")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    type_keys(qtbot, "t")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "env")
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo) and "“env” begins none of the Category choices" in _note()
    press(qtbot, Qt.Key.Key_Tab)  # walk58b: refused, the cell left as it was, the keyboard on to Level
    settle(qtbot, 50)
    assert QApplication.focusWidget() is not editor
    assert view.table.currentIndex().column() == view.model.column_of("level")
    assert view.model.record(0)["category"] in (None, "")
    type_keys(qtbot, "prog")  # the next column's value, in the next column: never taken for the category
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["level"] == "Program")
    assert view.model.record(0)["category"] in (None, "")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("category")))
    press(qtbot, Qt.Key.Key_F2)  # the letters typed given back, held as before: typed over, they start afresh
    settle(qtbot, 50)
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo) and editor.shown_text() == "env"
    type_keys(qtbot, "sup")  # typed over: a choice, stored
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["category"] == "Supplier")
    assert view.model.record(0)["status"] == "Open"


def test_ctrl_and_an_arrow_select_the_cell_they_go_to_so_del_clears_that_one(demo_window, qtbot):
    """On a risk's Owner, Ctrl+Down moved the frame one row down (and the detail panel to that risk) while the
    selection stayed on the first risk: Del then cleared the owner of the risk left, not of the one framed.
    Ctrl+Down goes to the last row, as in Excel, and selects the cell it goes to; Ctrl+Home and Ctrl+Up alike;
    Del clears the cell framed, and only it."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    table = view.table
    owner = view.model.column_of("owner")
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, owner))
    last = view.proxy.rowCount() - 1
    before = [view.proxy.index(r, owner).data() for r in range(last + 1)]
    assert before[0] and before[last]

    def selected() -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes())

    press(qtbot, Qt.Key.Key_Down, CTRL)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (last, owner)
    assert selected() == [(last, owner)]
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not view.proxy.index(last, owner).data())
    assert view.proxy.index(0, owner).data() == before[0]  # the risk left keeps its owner
    press(qtbot, Qt.Key.Key_Up, CTRL)
    assert selected() == [(0, owner)] and table.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Home, CTRL)
    first = table.horizontalHeader().logicalIndex(0)
    assert selected() == [(0, first)] == [(table.currentIndex().row(), table.currentIndex().column())]


def test_a_dependency_typed_along_its_row_takes_its_outside_party_before_the_project_needing_it(empty_window,
                                                                                               qtbot):
    """A dependency typed as its columns run — what is needed, Tab, Tab past From project, "Harbour Authority"
    in From external party, Tab — was refused: "Name the project that needs it from Harbour Authority", the
    column after it; every key typed on went into the party's cell until Esc. A dependency whose ends are
    unknown is kept (the map draws it once they are named), and so is one with only its party."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    type_keys(qtbot, "Berth Dredging")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_register_view().model.rowCount() == 1)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    view = window.active_register_view()
    assert view.register.name == "dependencies"
    type_keys(qtbot, "Harbour authority approval")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Harbour Authority")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["external_party"] == "Harbour Authority")
    assert not _note()
    type_keys(qtbot, "Berth Dredging")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["to_project"] == "Berth Dredging")


def test_clear_filters_by_keyboard_gives_the_keyboard_to_the_rows_shown(demo_window, qtbot):
    """A search finding no risk, Tab to Clear filters and Space: every row came back, but the keyboard went on to
    the Clear filters button over the empty table — hidden once the rows showed — and the arrows, typing and Del
    did nothing, with nothing on screen holding the keyboard. Cleared, the keyboard is on the table."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, "zzzz")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.clear_filters_button
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.proxy.rowCount() > 0)
    settle(qtbot)
    focus = QApplication.focusWidget()
    assert focus is view.table and focus.isVisible(), focus
    press(qtbot, Qt.Key.Key_Down)
    assert view.table.currentIndex().isValid()


def test_enter_in_a_columns_filter_menu_never_unticks_what_is_ticked(demo_window, qtbot):
    """Ctrl+Shift+L on a risk's column, Down to "(Select All)" — ticked, every row shown — and Enter, as Excel's
    OK: it unticked it and closed, and the register showed "No rows match" (0 of 10 rows). Enter on a ticked item
    closes the menu and leaves the rows as they were; on an unticked one it still ticks it."""
    from PySide6.QtWidgets import QMenu

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    rows = view.proxy.rowCount()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("owner")))
    press(qtbot, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    while menu.activeAction() is None or menu.activeAction().text() != "(Select All)":
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction().isChecked()
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    settle(qtbot)
    assert view.proxy.rowCount() == rows


def test_impact_areas_typed_with_commas_are_each_taken(empty_window, qtbot):
    """"Time, Cost" typed into a risk's Impact areas, as a list is written, was refused: "“Time, Cost” is not one
    of Time, Cost, Scope, Quality, Benefits" — the two named among the choices it was not one of. Commas part the
    choices as semicolons do; a part no choice names is refused by itself."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "Crane delivery slips")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    table = view.table
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, view.model.column_of("impact_areas")))
    type_keys(qtbot, "Time, Cost")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(0)["impact_areas"] == "Time; Cost")
    assert not _note()
    press(qtbot, Qt.Key.Key_Up)
    type_keys(qtbot, "Scope, Safety")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "“Safety” is not one of" in _note())
    assert view.model.record(0)["impact_areas"] == "Time; Cost"


def test_a_number_columns_filter_lists_its_values_in_number_order(demo_window, qtbot):
    """The Inherent score's filter menu (Ctrl+Shift+L) listed 10, 12, 16, 20, 6, 8, 9 — text order, where
    Excel's list goes 6, 8, 9, 10 … The values are listed in number order; dates stay in date order."""
    from PySide6.QtWidgets import QMenu

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.table.setFocus()

    def listed(field: str) -> list[str]:
        view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of(field)))
        press(qtbot, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        texts = [a.text() for a in menu.actions()]
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        values = texts[texts.index("(Select All)") + 1:]
        return [t for t in values[:values.index("")] if t != "(blank)"] if "" in values else values

    scores = listed("inherent_score")
    assert len(scores) > 3 and [float(s) for s in scores] == sorted(float(s) for s in scores), scores
    from pmo_desktop.models.values import shown_day

    days = listed("proximity")
    assert [shown_day(d) for d in days] == sorted(shown_day(d) for d in days)


def test_an_office_reopened_shows_the_page_and_tab_it_was_closed_on(empty_window, qtbot):
    """Closed on the RAID page's Dependencies (Ctrl+W) and reopened (File ▸ Open Recent), the office showed the
    Program overview: the register typed into a moment before was keys away, where Excel reopens a workbook on
    its sheet. It shows that page and tab again, the page list on it; another office keeps its own."""
    window = empty_window
    path = window.document.store.url_to_remember
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.active_register_view().register.name == "dependencies"
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: window.document is None)
    assert window.open_path(path)
    settle(qtbot)
    assert window.nav.currentItem().text() == "RAID"
    assert window.active_register_view().register.name == "dependencies"


def test_a_cells_edit_undone_from_another_page_says_whose_it_was(demo_window, qtbot):
    """A risk's owner typed, then Ctrl+Z on the Program overview: the status bar said "Undone: Edit Owner" —
    which risk's, nothing on screen said. The step names the record, by its ID and title."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("owner")))
    record = view.model.record(view.proxy.mapToSource(view.proxy.index(0, 0)).row())
    type_keys(qtbot, "Tom Walker")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.undo_stack.canUndo())
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    said = window.statusBar().currentMessage()
    assert said == f"Undone: Edit Owner of {record['code']} “{record['title']}”", said
