"""Walk 58b: a fast typist's row never piles into one cell — Tab past any value the register refuses leaves the cell
as it was and goes on along the row; the cell keeps what was typed in its note (a red corner) until it is edited or
Esc; a record typed on the ✱ line is named when added. Real key presses on the real window."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier
TAB = Qt.Key.Key_Tab


def _type_along(qtbot, *cells: str) -> None:
    """Each value typed and Tab after it, as a fast typist goes along a row (an empty value: Tab alone)."""
    for value in cells:
        if value:
            type_as_a_person(qtbot, value)
        press(qtbot, TAB)


def _said(window) -> str:
    return " ".join(window.statusBar().currentMessage().split())


def test_tab_past_every_kind_of_refused_cell_goes_on_along_the_row_each_value_in_its_column(empty_window, qtbot):
    """A risk typed along the ✱ line of a new office, a refused value in each kind of cell on the way: a project the
    office has not (a reference list), a project affected it has not (a list of names), an owner nobody is (a
    person), a Raised that is no date, a Proximity that is none either. Each held its cell open, and every key
    typed after it went into that one cell: the row's Probability and Impact ended as text in Project, nothing
    stored. Now each is left as it was, said in the status bar, and the keyboard goes on: 3 and 4 land in
    Probability and Impact."""
    window = empty_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    _type_along(qtbot, "Crane delivery slips", "t", "tec", "prog", "Harbour works")
    qtbot.waitUntil(lambda: "Project left empty" in _said(window), timeout=3000)
    _type_along(qtbot, "Quay wall")
    qtbot.waitUntil(lambda: "Projects affected left empty" in _said(window), timeout=3000)
    assert "“Quay wall”" in _said(window)
    _type_along(qtbot, "Open")  # Status's word one column off: no one's name (a name near no one's is added, walk59)
    qtbot.waitUntil(lambda: "Owner left empty" in _said(window), timeout=3000)
    assert "“Open” is not in the list" in _said(window)
    _type_along(qtbot, "32/13/2026")
    qtbot.waitUntil(lambda: _said(window).startswith("Raised left as"), timeout=3000)
    assert "“32/13/2026”" in _said(window)
    _type_along(qtbot, "soonish", "3")  # Proximity refused, then Probability
    type_as_a_person(qtbot, "4")  # Impact
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)

    def cell(name: str):
        return view.proxy.index(0, view.model.column_of(name)).data()

    assert view.proxy.rowCount() == 1
    assert (cell("title"), cell("category"), cell("level")) == ("Crane delivery slips", "Technical", "Program")
    assert (cell("probability"), cell("impact")) == ("3", "4"), (cell("probability"), cell("impact"))
    assert not cell("project") and not cell("related_projects") and not cell("owner") and not cell("proximity")
    delegate = view.table.itemDelegate()
    kept = {name: delegate.mark_of(view.proxy.index(0, view.model.column_of(name)))
            for name in ("project", "related_projects", "owner", "raised_on", "proximity")}
    assert {name: m[1] if m else None for name, m in kept.items()} == {
        "project": "Harbour works", "related_projects": "Quay wall", "owner": "Open", "raised_on": "32/13/2026",
        "proximity": "soonish"}, kept


def test_a_cell_passed_by_keeps_what_was_typed_past_the_next_saved_until_f2_or_esc(demo_window, qtbot):
    """After Tab past a refused date the status bar was the only word, and the next cell's "Saved" took it. The cell
    keeps a note of what was typed (its tooltip, a red corner) after the next cell is stored; F2 on it opens it with
    that text, selected, the reason beside it; Esc in it puts the cell back and the note is gone. Esc on a cell
    keeping a note (not being typed) lets the note go too."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    row, raised = 1, view.model.column_of("raised_on")
    before = view.proxy.index(row, raised).data()
    view.table.setCurrentIndex(view.proxy.index(row, raised))
    _type_along(qtbot, "32/13/2026", "2")  # Raised refused; Proximity? a date again — "2" is refused as well
    settle(qtbot)
    proximity = view.model.column_of("proximity")
    assert view.table.currentIndex().column() == view.model.column_of("probability")  # on along the row
    assert view.proxy.index(row, raised).data() == before
    delegate = view.table.itemDelegate()
    assert delegate.mark_of(view.proxy.index(row, raised)) is not None
    assert delegate.mark_of(view.proxy.index(row, proximity))[1] == "2"
    type_as_a_person(qtbot, "3")  # Probability, stored: "Saved"
    press(qtbot, TAB)
    qtbot.waitUntil(lambda: view.proxy.index(row, view.model.column_of("probability")).data() == "3", timeout=3000)
    assert delegate.mark_of(view.proxy.index(row, raised))[1] == "32/13/2026"  # kept past the "Saved"
    view.table.setCurrentIndex(view.proxy.index(row, raised))
    press(qtbot, Qt.Key.Key_F2)
    settle(qtbot)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "32/13/2026" and editor.selectedText() == "32/13/2026"
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert delegate.mark_of(view.proxy.index(row, raised)) is None
    assert view.proxy.index(row, raised).data() == before
    view.table.setCurrentIndex(view.proxy.index(row, proximity))
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert delegate.mark_of(view.proxy.index(row, proximity)) is None
    assert "“2” let go" in _said(window)


def test_a_benefit_passed_by_on_a_missing_objective_and_a_number_that_is_none(demo_window, qtbot):
    """A benefit's Strategic objectives "there is no objective called …" held the cell, and the benefit's measure,
    unit and baseline typed on went into it. Now the row goes on: the objective and a Baseline "lots" are left as
    they were, the Unit and Target typed after them stored in their own columns."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # View ▸ Benefits
    view = window.active_register_view()
    assert view.register.name == "benefits"
    qtbot.waitUntil(lambda: view.table.isVisible())
    view.table.setFocus()
    row = 0
    objectives = view.model.column_of("objectives")
    before = view.proxy.index(row, objectives).data()
    view.table.setCurrentIndex(view.proxy.index(row, objectives))
    _type_along(qtbot, "Moonshot growth")
    qtbot.waitUntil(lambda: "Strategic objectives left" in _said(window), timeout=3000)
    assert "Moonshot growth" in _said(window)
    assert view.proxy.index(row, objectives).data() == before
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of("baseline_value")))
    _type_along(qtbot, "lots", "")  # Baseline refused, Baseline date left alone
    type_as_a_person(qtbot, "77")  # Target
    press(qtbot, TAB)
    qtbot.waitUntil(lambda: view.proxy.index(row, view.model.column_of("target_value")).data() not in (None, "")
                    and "77" in view.proxy.index(row, view.model.column_of("target_value")).data(), timeout=3000)
    assert view.table.itemDelegate().mark_of(view.proxy.index(row, view.model.column_of("baseline_value")))[1] == "lots"


def test_a_record_typed_on_the_new_row_line_is_named_when_added(empty_window, qtbot):
    """A title typed on the ✱ line and Enter said "Saved", where a paste says "2 decisions added": it says "Added
    RISK-… “title”" now."""
    window = empty_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("title"))
    qtbot.waitUntil(view.new_line.hasFocus)
    type_as_a_person(qtbot, "Crane delivery slips")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1, timeout=5000)
    code = view.proxy.index(0, view.model.column_of("code")).data()
    assert code and _said(window) == f"Added {code} “Crane delivery slips”.", _said(window)


def test_shift_tab_past_a_refused_cell_goes_back_along_the_row(demo_window, qtbot):
    """Shift+Tab on a refused value alike: the cell left as it was, the keyboard on the cell before it, what was typed
    kept in the cell's note."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    row, proximity = 2, view.model.column_of("proximity")
    before = view.proxy.index(row, proximity).data()
    view.table.setCurrentIndex(view.proxy.index(row, proximity))
    type_as_a_person(qtbot, "soonish")
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot)
    assert view.table.currentIndex().column() == view.model.column_of("raised_on")
    assert view.proxy.index(row, proximity).data() == before
    assert view.table.itemDelegate().mark_of(view.proxy.index(row, proximity))[1] == "soonish"
    assert _said(window).startswith("Proximity left ")
