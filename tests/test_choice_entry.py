"""Dropdown cells typed into like Excel's lists: by prefix of what is typed, never cycling; and people
typed into a cell are only added when the user confirms it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from pmo_desktop.models import records
from pmo_desktop.models.program import Person
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView
from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

RISKS = REGISTERS["risks"]


@pytest.fixture
def view(qtbot, document):
    with document.store.transaction() as s:
        records.create_record(s, REGISTERS["people"], {"name": "Helen Brooks"}, document.context)
        records.create_record(s, REGISTERS["people"], {"name": "Sam Patel"}, document.context)
        records.create_record(s, REGISTERS["projects"], {"name": "Tills"}, document.context)
        rid = records.create_record(s, RISKS, {"title": "Supplier late", "project": "Tills"}, document.context).id
    v = RegisterView(document, RISKS)
    qtbot.addWidget(v)
    v.resize(1280, 500)
    v.show()
    qtbot.waitExposed(v)
    v.rid = rid
    return v


def stored(document, field):
    with document.store.session() as s:
        row = records.fetch_rows(s, RISKS, document.context)[0]
    return row[2 + RISKS.field_names.index(field)]


def people(document):
    with document.store.session() as s:
        return sorted(s.scalars(select(Person.name)))


def type_in(qtbot, view, field, keys, enter=True):
    view.select_record(view.rid, view.model.column_of(field))
    view.table.setFocus()
    qtbot.keyClick(view.table, keys[0])  # the first key opens the dropdown and counts as typed
    editor = view.table.focusWidget()
    if keys[1:]:
        qtbot.keyClicks(editor, keys[1:])
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    return editor


def test_typing_the_first_letter_of_the_current_choice_and_another_keeps_it(qtbot, view, document):
    """"P" begins Project and Program: neither is taken (round note53) — Enter keeps the cell open and names
    them; Esc leaves the cell as it was."""
    assert stored(document, "level") == "Project"
    editor = type_in(qtbot, view, "level", "P", enter=False)
    assert isinstance(editor, ChoiceCombo) and editor.currentText() == "Project" and editor.shown_text() == "P"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert view.table.state() == view.table.State.EditingState
    assert "begins Project and Program" in editor.unmatched_reason()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "level") == "Project"
    assert document.undo_stack.count() == 0


def test_typing_more_letters_selects_by_prefix(qtbot, view, document):
    type_in(qtbot, view, "level", "Prog")
    assert stored(document, "level") == "Program"
    type_in(qtbot, view, "category", "Su")
    assert stored(document, "category") == "Supplier"
    type_in(qtbot, view, "category", "op")
    assert stored(document, "category") == "Operational"
    type_in(qtbot, view, "category", "St")  # from another item: the one starting with St ("S" is two: note53)
    assert stored(document, "category") == "Strategic"


def test_scale_cells_take_the_number_or_the_level_name(qtbot, view, document):
    type_in(qtbot, view, "probability", "4")
    assert stored(document, "probability") == 4
    names = RISKS.field("probability").scale_names(document.context)
    type_in(qtbot, view, "probability", names[1][:3])
    assert stored(document, "probability") == 2


def test_typing_in_the_open_list_selects_by_prefix(qtbot, view, document):
    view.select_record(view.rid, view.model.column_of("category"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens the list
    editor = view.table.focusWidget()
    assert isinstance(editor, ChoiceCombo)
    qtbot.waitUntil(lambda: editor.view().isVisible())
    qtbot.keyClicks(editor.view(), "Su")
    assert editor.view().currentIndex().data() == "Supplier"
    qtbot.keyClick(editor.view(), Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "category") == "Supplier"


def new_name_note(editor):
    """The note beside a person cell that asks before a typed name becomes a new person (walkthrough 10:
    a question box took the keys typed next)."""
    from pmo_desktop.views.register_table.refusal_note import note_for

    note = note_for(editor)
    assert note.isVisible()
    assert not any(w.objectName() == "confirm-new-name" and w.isVisible() for w in QApplication.topLevelWidgets())
    return note


def test_a_partial_name_never_creates_a_person_without_asking(qtbot, view, document):
    # Letters that end mid-word: asked about ("Helen", a whole first name, is Helen Brooks — test_walkthrough43.py)
    editor = type_in(qtbot, view, "owner", "Hel", enter=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    note = new_name_note(editor)
    assert "“Hel”" in note.text() and "Did you mean Helen Brooks" in note.text()
    assert view.table.state() == view.table.State.EditingState  # the editor stays, with what was typed
    assert stored(document, "owner") is None and people(document) == ["Helen Brooks", "Sam Patel"]
    # the name held selected, as a refused value is (typing replaces it): End, and the user finishes the name
    assert editor.lineEdit().selectedText() == "Hel"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, "en Brooks")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "owner") == "Helen Brooks"
    assert people(document) == ["Helen Brooks", "Sam Patel"]
    assert document.undo_stack.count() == 1


def test_a_new_person_is_added_only_when_confirmed(qtbot, view, document):
    editor = type_in(qtbot, view, "owner", "Ravi Shah", enter=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    new_name_note(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # not now
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "owner") is None and people(document) == ["Helen Brooks", "Sam Patel"]

    editor = type_in(qtbot, view, "owner", "Ravi Shah", enter=False)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    new_name_note(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the same key again: add them
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "owner") == "Ravi Shah"
    assert people(document) == ["Helen Brooks", "Ravi Shah", "Sam Patel"]


def test_a_listed_name_typed_in_another_case_is_that_person(qtbot, view, document):
    type_in(qtbot, view, "owner", "sam patel")
    assert stored(document, "owner") == "Sam Patel"
    assert not any(w.objectName() == "confirm-new-name" and w.isVisible() for w in QApplication.topLevelWidgets())
    with document.store.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 2


def test_typing_over_a_filled_person_cell_replaces_the_name_as_in_excel(qtbot, view, document):
    type_in(qtbot, view, "owner", "helen brooks")
    assert stored(document, "owner") == "Helen Brooks"
    # Typing on a cell that holds a name starts a new name, as in Excel: not "Helen BrooksSam Patel".
    editor = type_in(qtbot, view, "owner", "Sam", enter=False)
    assert editor.currentText() == "Sam"
    qtbot.keyClicks(editor, " Patel")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "owner") == "Sam Patel"
    assert not any(w.objectName() == "confirm-new-name" and w.isVisible() for w in QApplication.topLevelWidgets())
    assert people(document) == ["Helen Brooks", "Sam Patel"]


def test_a_level_is_typed_by_its_number_its_word_or_the_word_s_initials(qtbot, view, document):
    """"V" used to pick "1 – Very low" — the opposite end of the scale from the "Very high" meant: letters
    that begin several levels' words pick neither (the cell keeps its value, a tip says what to type on),
    "Very h" or the initials "VH" pick Very high, a digit the number, a letter of one level its word."""
    from PySide6.QtWidgets import QToolTip

    names = RISKS.field("impact").scale_names(document.context)
    assert names[0] == "Very low" and names[-1] == "Very high"  # the default five levels
    type_in(qtbot, view, "impact", "3")
    assert stored(document, "impact") == 3
    steps = document.undo_stack.count()
    editor = type_in(qtbot, view, "impact", "V", enter=False)
    assert isinstance(editor, ChoiceCombo) and editor.currentText().endswith("Medium")  # neither end picked
    assert QToolTip.isVisible() and "Very low and Very high" in QToolTip.text() and "VH" in QToolTip.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # held open, as any letters that begin several choices (note53)
    assert view.table.state() == view.table.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "impact") == 3 and document.undo_stack.count() == steps  # nothing changed
    type_in(qtbot, view, "impact", "Very h")
    assert stored(document, "impact") == 5
    type_in(qtbot, view, "impact", "vl")
    assert stored(document, "impact") == 1
    type_in(qtbot, view, "impact", "VH")
    assert stored(document, "impact") == 5
    type_in(qtbot, view, "impact", "h")
    assert stored(document, "impact") == 4
    type_in(qtbot, view, "impact", "l")
    assert stored(document, "impact") == 2
    # The open list (Alt+Down) reads typing the same way.
    view.select_record(view.rid, view.model.column_of("impact"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    editor = view.table.focusWidget()
    qtbot.waitUntil(lambda: editor.view().isVisible())
    qtbot.keyClicks(editor.view(), "v")
    assert editor.view().currentIndex().data().endswith(" Low")  # stays on Low, not Very low
    qtbot.keyClicks(editor.view(), "h")
    assert editor.view().currentIndex().data() == "5 – Very high"
