"""Round note53: what a refused or ambiguous value typed into a choice cell says (walkthrough 40) — every choice of
the list, not the first six; the status bar's word beside the note, never the "Saved" of the cell before; letters
that begin several choices ("pr": Program and Project) named as such and held, never the first of them taken in
silence. Real key presses on the real window (the demo office)."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier
CATEGORIES = ("Strategic", "Interdependency", "Benefits", "Capacity", "Technical", "Commercial", "Financial",
              "Operational", "People", "Regulatory", "Supplier")


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def _shot(widget, name: str) -> None:
    from pathlib import Path

    folder = Path("/work/rounds/note53")
    if folder.is_dir():
        widget.grab().save(str(folder / f"{name}.png"))


def _risks(window, qtbot):
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    return view


def _on(view, row: int, name: str) -> None:
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of(name)))


def _refuse_environmental_after_a_save(window, view, qtbot, row: int):
    """A risk's title stored ("Saved"), then "Environmental" typed in its Category and Enter: held, refused (Tab
    now leaves such a cell as it was and goes on along the row, walk58b)."""
    _on(view, row, "title")
    press(qtbot, Qt.Key.Key_F2)
    type_as_a_person(qtbot, " again")
    press(qtbot, Qt.Key.Key_Tab)  # the title stored: "Saved"
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage(), timeout=3000)
    _on(view, row, "category")
    type_as_a_person(qtbot, "Environmental")
    editor = QApplication.focusWidget()
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert QApplication.focusWidget() is editor  # held


def test_a_refused_category_names_every_choice(demo_window, qtbot):
    """"Environmental" typed in a risk's Category was refused naming 6 of its 11 choices and "…" — the user could
    not see which there were. The note now names all 11."""
    window = demo_window
    view = _risks(window, qtbot)
    before = view.proxy.index(1, view.model.column_of("category")).data()
    _refuse_environmental_after_a_save(window, view, qtbot, 1)
    note = _note()
    assert "“Environmental” begins none of the Category choices" in note, note
    assert all(choice in note for choice in CATEGORIES), note
    assert "…" not in note
    _shot(window, "category-refused-every-choice")
    editor = QApplication.focusWidget()
    press(qtbot, Qt.Key.Key_F4)  # the way the note gives for a list too long to name whole opens it here too
    qtbot.waitUntil(lambda: editor.view().isVisible(), timeout=3000)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.view().isVisible(), timeout=3000)
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert view.proxy.index(1, view.model.column_of("category")).data() == before


def test_the_status_bar_beside_a_refused_choice_says_the_reason_not_saved(demo_window, qtbot):
    """Beside that note the status bar still said "Saved" — of the title stored a moment before, read as this cell's
    save. It now says the reason, as it does for a refused date or name; Esc takes the words away with the note."""
    window = demo_window
    view = _risks(window, qtbot)
    _refuse_environmental_after_a_save(window, view, qtbot, 1)
    said = window.statusBar().currentMessage()
    assert "Saved" not in said and "“Environmental” begins none of the Category choices" in said, said
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert "Environmental" not in window.statusBar().currentMessage()


def test_a_long_list_refused_says_how_to_see_every_choice():
    """A list too long for the note names what fits and how to see the rest — never a silent "…"."""
    from pmo_desktop.views.register_table.choice_editor import CHOICES_SAID_WHOLE, _choices_said

    many = [f"Workstream number {n}" for n in range(1, 21)]
    said = _choices_said(many)
    assert len(said) < CHOICES_SAID_WHOLE + 60 and "…" not in said
    assert said.startswith("Workstream number 1, ") and "more: Alt+Down or F4 lists them all" in said
    shown = said.split(" and ")[0].count(",") + 1
    assert f"and {len(many) - shown} more" in said
    assert _choices_said(list(CATEGORIES)) == ", ".join(CATEGORIES)


def test_letters_that_begin_several_choices_are_named_and_held_not_the_first_taken(demo_window, qtbot):
    """"pr" in a risk's Level kept "Project" in silence and Tab stored it — the user meant Program. Letters that
    begin several choices of any list are said to do so (as a level's "v" was): the cell shows them and stays open
    on Enter with the choices they could be and the letters that pick each; typed on, "prog" is Program."""
    window = demo_window
    view = _risks(window, qtbot)
    row = 2
    level = view.model.column_of("level")
    _on(view, row, "level")
    assert view.proxy.index(row, level).data() == "Project"
    steps = window.document.undo_stack.count()
    type_as_a_person(qtbot, "pr")
    editor = QApplication.focusWidget()
    assert editor.shown_text() == "pr"  # what was typed, not "Project"
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert QApplication.focusWidget() is editor  # held: neither stored
    note = _note()
    assert "“pr” begins Project and Program" in note and "“proj” or “prog”" in note, note
    assert window.document.undo_stack.count() == steps
    _shot(window, "level-pr-ambiguous")
    type_as_a_person(qtbot, "prog")  # the held letters replaced, as after any refusal
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.proxy.index(row, level).data() == "Program", timeout=3000)
    # Tab on such letters leaves the cell as it was and goes on along the row, saying so (walk 58): held, the cell
    # took every value typed after it.
    _on(view, row, "level")
    type_as_a_person(qtbot, "pr")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "Level left as “Program”: “pr” begins" in window.statusBar().currentMessage(), timeout=3000)
    assert view.proxy.index(row, level).data() == "Program" and view.table.currentIndex().column() != level
    # A prefix of one choice still completes: "sup" is Supplier, in one Tab.
    _on(view, row, "category")
    type_as_a_person(qtbot, "sup")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.proxy.index(row, view.model.column_of("category")).data() == "Supplier",
                    timeout=3000)
    # The same in another list: a risk's Status "o" is Open or Occurred.
    _on(view, row, "status")
    type_as_a_person(qtbot, "o")
    editor = QApplication.focusWidget()
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert QApplication.focusWidget() is editor and "“o” begins Open and Occurred" in _note(), _note()
    press(qtbot, Qt.Key.Key_Escape)
