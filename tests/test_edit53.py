"""Round edit53: typing in a register as a spreadsheet user types — a value the register refuses, the keys typed
after it, the ✱ line's Ctrl+End, a day and month typed without a year — nothing lost, nothing misplaced, nothing
silently changed. Real key presses on the real window (the demo office and a fresh one)."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _note() -> str:
    """What the note beside the cell says, in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def _held_text(editor) -> str:
    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo

    if isinstance(editor, ChoiceCombo):
        return editor.shown_text()
    return editor.currentText() if isinstance(editor, QComboBox) else editor.text()


def _shot(widget, name: str) -> None:
    from pathlib import Path

    folder = Path("/work/rounds/edit53")
    if folder.is_dir():
        widget.grab().save(str(folder / f"{name}.png"))


def test_typing_on_after_a_refused_cell_replaces_it_in_every_kind_of_cell(demo_window, qtbot):
    """A value the register refuses — a date that is none, a level off the scale, a name nobody has, a choice the
    list lacks, a number that is not one — is held in its cell with the reason beside it. A user typing on as in a
    spreadsheet (Tab, then what they meant) had those keys added to the refused text ("32/13/2026" became
    "32/13/20262026-02-01", "ZzyzxMarcus Lee"), nothing stored, the rest of the row piling up in the one cell. The
    refused text is now held selected, as Excel's Retry leaves it: what is typed next replaces it, and the next Tab
    stores it in that cell and goes on — the row's later cells untouched meanwhile."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    cases = [  # column, refused as typed, then typed on, and the cell as it then reads
        ("raised_on", "32/13/2026", "2026-02-03", "3 Feb 2026"),  # a date
        ("probability", "9", "2", "2"),  # a level, by its number
        ("category", "env", "sup", "Supplier"),  # a choice
        ("owner", "Zzyzx Qq", "Aisha Patel", "Aisha Patel"),  # a person
        ("title", "", "Crane slot lost", "Crane slot lost"),  # a required text
    ]
    row = 1
    for name, refused, meant, reads in cases:
        column = view.model.column_of(name)
        view.table.setFocus()
        view.table.setCurrentIndex(view.proxy.index(row, column))
        next_column = view.table.moveCursor(view.table.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier).column()
        next_before = view.proxy.index(row, next_column).data()
        if refused:
            type_as_a_person(qtbot, refused)
        else:  # the title emptied: F2, then every letter taken back
            press(qtbot, Qt.Key.Key_F2)
            line = QApplication.focusWidget()
            assert isinstance(line, QLineEdit)
            line.selectAll()
            press(qtbot, Qt.Key.Key_Backspace)
        editor = QApplication.focusWidget()
        press(qtbot, Qt.Key.Key_Tab)
        settle(qtbot)
        assert QApplication.focusWidget() is editor, name  # held
        assert _note(), name
        if name in ("raised_on", "category", "owner"):
            _shot(window, f"refused-{name}-held-selected")
        type_as_a_person(qtbot, meant)
        assert _held_text(editor).casefold().startswith(meant.casefold()), (name, _held_text(editor))  # replaced
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda name=name, column=column, reads=reads: view.proxy.index(row, column).data() == reads,
                        timeout=3000)
        assert view.proxy.index(row, next_column).data() == next_before, name  # the next cell as it was
        assert view.table.currentIndex().column() == next_column, name  # and the keyboard on it
        press(qtbot, Qt.Key.Key_Escape)
