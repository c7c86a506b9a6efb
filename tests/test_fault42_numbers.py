"""Fault injection, round 42: numbers typed, edited and copied as people in other locales do, with real key presses
on a real register. A number either decimal mark reads as a different number ("2.500", "1,234") is read in the
user's locale, as dates follow its day-month order; a cell's editor and its copy hold every digit it keeps."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from register_views import shown_view

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView

PROJECTS = REGISTERS["projects"]


@pytest.fixture
def german_locale():
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(old)


def projects_view(qtbot, document, budgets: dict[str, float | None]) -> tuple[RegisterView, dict[str, int]]:
    with document.store.transaction() as s:
        ids = {name: records.create_record(s, PROJECTS, {"name": name, "budget": budget}).id
               for name, budget in budgets.items()}
    view = shown_view(qtbot, document, PROJECTS)
    return view, ids


def go_to_budget(view, record_id: int) -> None:
    """The budget cell of a project current and selected alone, as a click on it leaves it."""
    row = view.proxy.mapFromSource(view.model.index(view.model.row_of(record_id), 0)).row()
    view.table.setCurrentIndex(view.proxy.index(row, view.model.column_of("budget")))
    view.table.setFocus()


def budget_of(document, record_id: int) -> float | None:
    with document.store.session() as s:
        return s.get(PROJECTS.entity, record_id).budget


def type_budget(qtbot, view, record_id: int, keys: str) -> QLineEdit:
    """``keys`` typed over a project's budget, the first key opening the editor as in Excel, then Enter."""
    view.select_record(record_id, view.model.column_of("budget"))
    view.table.setFocus()
    qtbot.keyClicks(view.table, keys[0])
    editor = view.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, keys[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


@pytest.mark.parametrize("typed, meant", [("2.500", 2500.0), ("1,234", 1.234), ("1.000", 1000.0)])
def test_a_number_typed_in_german_is_read_as_a_german_writes_it(qtbot, document, german_locale, typed, meant):
    """In Germany "2.500" is two thousand five hundred and "1,234" one and a bit: typed into a budget they were
    read the English way, 2.5 and 1,234, and stored without a word."""
    view, ids = projects_view(qtbot, document, {"Tills": None})
    type_budget(qtbot, view, ids["Tills"], typed)
    qtbot.waitUntil(lambda: budget_of(document, ids["Tills"]) is not None)
    assert budget_of(document, ids["Tills"]) == pytest.approx(meant)


def test_f2_and_enter_on_a_number_keep_every_digit(qtbot, document):
    """An imported budget of 1234.5678 shows 1,234.57; F2 opened its editor on "1234.57" and Enter stored that —
    the budget changed by a look. The editor holds the whole number; Enter changes nothing."""
    view, ids = projects_view(qtbot, document, {"Tills": 1234.5678})
    view.select_record(ids["Tills"], view.model.column_of("budget"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    editor = view.table.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "1234.5678"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert budget_of(document, ids["Tills"]) == 1234.5678
    assert document.undo_stack.count() == 0  # nothing was changed, so nothing to undo


@pytest.mark.parametrize("locale_fixture, on_clipboard", [(None, "1234.5678"), ("german_locale", "1234,5678")])
def test_a_number_copied_and_pasted_back_is_the_same_number(qtbot, document, request, locale_fixture, on_clipboard):
    """Ctrl+C on a budget of 1234.5678 and Ctrl+V on another project's: the clipboard held "1,234.57" as shown,
    pasted as 1234.57 (and read by a German Excel as 1.23457). It holds the number as the user types one."""
    if locale_fixture:
        request.getfixturevalue(locale_fixture)
    view, ids = projects_view(qtbot, document, {"Tills": 1234.5678, "Harbour": None})
    go_to_budget(view, ids["Tills"])
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == on_clipboard + "\r\n"
    go_to_budget(view, ids["Harbour"])
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert budget_of(document, ids["Harbour"]) == 1234.5678
