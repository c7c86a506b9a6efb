"""Keys as a keyboard sends them: each to whatever widget has the focus when it is pressed (the first key of
a cell opens its editor, the next ones go into it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

FOCUS_WITHIN_MS = 10_000  # a window given back the focus after a dialog closes, on a loaded machine


def focused(qtbot):
    """The widget a key goes to, once there is one: a key pressed just as a progress dialog closed found no widget
    focused yet on a loaded machine, and ``keyClick(None, …)`` ended the test process (walkthrough20 and 34, under
    load only). A person's key goes where the focus is once the window has it back."""
    if QApplication.focusWidget() is None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=FOCUS_WITHIN_MS)
    return QApplication.focusWidget()


def type_keys(qtbot, text: str) -> None:
    for ch in text:
        qtbot.keyClick(focused(qtbot), ch)


def type_as_a_person(qtbot, text: str) -> None:
    """Each key to the widget focused when it is pressed, the event loop run before each key as between a
    person's key presses: a widget a key replaced (``deleteLater``) is gone before the next key, as in the app.
    ``keyClicks`` sent the next keys to the replaced widget, which a nested event loop then deleted under them."""
    for ch in text:
        qtbot.wait(20)
        qtbot.keyClick(focused(qtbot), ch)
    qtbot.wait(20)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(qtbot), key, modifier)

def cell_shown(view, row: int, name: str):
    """What a register view's table shows in a row's cell of the field ``name``."""
    return view.proxy.index(row, view.model.column_of(name)).data()


def keyboard_on_cell(qtbot, view, row: int, name: str) -> None:
    """The keyboard on a cell as a user gets there: Ctrl+Home, then the arrows."""
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        press(qtbot, Qt.Key.Key_Down)
    header = view.table.horizontalHeader()
    while view.table.currentIndex().column() != view.model.column_of(name):
        before = header.visualIndex(view.table.currentIndex().column())
        press(qtbot, Qt.Key.Key_Right)
        assert header.visualIndex(view.table.currentIndex().column()) > before, name


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


def progress_dialog_shown():
    """The progress dialog on screen (a background job's), or None."""
    from PySide6.QtWidgets import QProgressDialog

    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    return shown[0] if shown else None


def job_until_stopped(seconds: float = 6.0):
    """A background job that runs ``seconds`` unless stopped: "stopped" or "done"."""
    import time

    def job(progress, cancelled):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if cancelled():
                return "stopped"
            time.sleep(0.02)
        return "done"

    return job

