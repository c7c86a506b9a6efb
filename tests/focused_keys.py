"""Keys as a keyboard sends them: each to whatever widget has the focus when it is pressed (the first key of
a cell opens its editor, the next ones go into it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def type_keys(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(QApplication.focusWidget(), ch)


def type_as_a_person(qtbot, text: str) -> None:
    """Each key to the widget focused when it is pressed, the event loop run before each key as between a
    person's key presses: a widget a key replaced (``deleteLater``) is gone before the next key, as in the app.
    ``keyClicks`` sent the next keys to the replaced widget, which a nested event loop then deleted under them."""
    for ch in text:
        qtbot.wait(20)
        qtbot.keyClick(QApplication.focusWidget(), ch)
    qtbot.wait(20)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def a_project_named_twice(qtbot, window):
    """Types "Alpha" and Enter twice on the Projects page's ✱ line, so the register refuses the second (a
    project of that name exists); returns the page's register view, its second "Alpha" held in the line."""
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.active_register_view()
    view.focus_new_line(view.model.column_of("name"))
    for _ in range(2):
        type_keys(qtbot, "Alpha")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(view.new_line.hasFocus)
    return view


def tab_named(qtbot, window, page_key, name: str):
    """Ctrl+<page_key>, then Ctrl+PgDown to the tab called ``name``; the page."""
    press(qtbot, page_key, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    for _ in range(page.tabs.count()):
        if page.tabs.tabText(page.tabs.currentIndex()) == name:
            break
        press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.tabText(page.tabs.currentIndex()) == name
    return page
