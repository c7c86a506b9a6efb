"""Walk 61b: the Excel keys and messages walk 61's newcomer still missed (/work/rounds/walk61/findings.md #6–#10),
each driven with real key presses on the real window at 1280×720: Ctrl+- / Ctrl++ on rows, Ctrl+; for today, Enter
on the import's progress dialog, the status line of a page left, "due" in Ctrl+K."""

from __future__ import annotations

from focused_keys import cell_shown, job_until_stopped, keyboard_on_cell, press, progress_dialog_shown, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from screens import settle

from pmo_desktop.models import clock
from pmo_desktop.models.values import day_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _said(window) -> str:
    return " ".join(window.statusBar().currentMessage().split())


def _question(qtbot) -> QMessageBox:  # the question a deletion asks
    boxes: list[QMessageBox] = []

    def shown() -> bool:
        boxes[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(boxes)

    qtbot.waitUntil(shown)
    return boxes[0]


def test_ctrl_minus_deletes_the_rows_and_ctrl_plus_inserts_one_as_in_excel(demo_window, qtbot):
    """Excel's Delete Row (Ctrl+-) and Insert Row (Ctrl++, Ctrl+Shift+= on the keyboard) zoomed out and in. In a table
    they are the Delete Rows and Add Row actions: Ctrl+- asks as Shift+Del does (a risk with actions), deletes, one undo
    step; Ctrl++ adds a row. The zoom stays on Ctrl+= and Excel's Ctrl+Alt+= / Ctrl+Alt+-."""
    from pmo_desktop.views.zoom import zoom

    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    rows = view.proxy.rowCount()
    first = cell_shown(view, 0, "title")
    percent = zoom().percent
    keyboard_on_cell(qtbot, view, 0, "title")
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    settle(qtbot)
    assert _said(window).startswith("Deleted R-001")  # as Shift+Del says it
    assert view.proxy.rowCount() == rows - 1 and first not in [cell_shown(view, r, "title") for r in range(rows - 1)]
    assert zoom().percent == percent
    press(qtbot, Qt.Key.Key_Z, CTRL)
    settle(qtbot)
    assert view.proxy.rowCount() == rows
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Equal, CTRL | SHIFT)  # Ctrl++ as a US keyboard sends it
    settle(qtbot)
    assert view.proxy.rowCount() == rows + 1 and zoom().percent == percent
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Plus, CTRL | Qt.KeyboardModifier.KeypadModifier)  # the keypad's +
    settle(qtbot)
    assert view.proxy.rowCount() == rows + 2 and zoom().percent == percent
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_Space, SHIFT)  # two whole rows, as Excel selects them
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Minus, CTRL)
    settle(qtbot)
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]:
        box.reject()  # asked as Shift+Del asks (what refers to them): not deleted
        settle(qtbot)
        assert view.proxy.rowCount() == rows + 2
        view.table.setFocus()
        press(qtbot, Qt.Key.Key_Delete, SHIFT)
        _question(qtbot).reject()
        break
    else:
        assert view.proxy.rowCount() == rows and _said(window).startswith("Deleted R-001, R-002")
    press(qtbot, Qt.Key.Key_Equal, CTRL | Qt.KeyboardModifier.AltModifier)  # Excel's zoom in
    assert zoom().percent > percent
    press(qtbot, Qt.Key.Key_Minus, CTRL | Qt.KeyboardModifier.AltModifier)  # and out
    assert zoom().percent == percent
    labels = " ".join(a.text() for a in window.edit_menu.actions())
    assert "Ctrl+-" in labels and "Ctrl++" in labels


def test_ctrl_semicolon_types_todays_date_in_a_date_cell(demo_window, qtbot):
    """Excel's Ctrl+; typed nothing. On a selected date cell it stores today (one undo step); in a date cell being
    typed it makes the text today's date, Enter storing it; in any other cell, and for Excel's Ctrl+Shift+; (the
    time), nothing is typed and the status line says why."""
    window = demo_window
    today = day_text(clock.today())
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    keyboard_on_cell(qtbot, view, 1, "proximity")
    press(qtbot, Qt.Key.Key_Semicolon, CTRL)
    settle(qtbot)
    assert cell_shown(view, 1, "proximity") == today
    keyboard_on_cell(qtbot, view, 2, "proximity")
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_Semicolon, CTRL)
    assert QApplication.focusWidget().text() == today  # still being typed
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert cell_shown(view, 2, "proximity") == today
    keyboard_on_cell(qtbot, view, 0, "title")
    title = cell_shown(view, 0, "title")
    press(qtbot, Qt.Key.Key_Semicolon, CTRL)
    assert cell_shown(view, 0, "title") == title
    assert "Ctrl+; types today's date into a date cell: Title is not one" in _said(window)
    type_as_a_person(qtbot, "New title")
    press(qtbot, Qt.Key.Key_Semicolon, CTRL)
    assert "Title is not one" in _said(window)
    press(qtbot, Qt.Key.Key_Colon, CTRL | SHIFT)
    assert "the registers keep days, not times" in _said(window)
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    assert cell_shown(view, 0, "title") == title
    keyboard_on_cell(qtbot, view, 3, "proximity")
    before = cell_shown(view, 3, "proximity")
    press(qtbot, Qt.Key.Key_Colon, CTRL | SHIFT)
    assert cell_shown(view, 3, "proximity") == before and "not times" in _said(window)


def test_enter_on_a_progress_dialog_never_stops_the_job_and_esc_asks_when_it_writes(demo_window, qtbot):
    """Enter on the import's progress dialog pressed its Cancel (the focus and the default were on it): a keyboard
    user's "go on" lost the import. Enter goes on, saying which key stops it; on a job that writes (an import's
    records) Esc asks first, Go On the default — Enter there keeps the job; Stop stops it. A job that writes nothing
    stops at Esc, as before."""
    from pmo_desktop.views.background import run_with_progress

    window = demo_window
    seen: dict[str, object] = {}

    def keys() -> None:
        dialog = progress_dialog_shown()
        assert dialog is not None
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Enter)
        qtbot.wait(100)
        seen["after enter"] = dialog.wasCanceled()
        seen["label"] = dialog.labelText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        seen["question"] = box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Go On, the default
        qtbot.wait(100)
        seen["after go on"] = dialog.wasCanceled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        next(b for b in box.buttons() if b.text() == "Stop").click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, keys)
    result = run_with_progress(window, "Importing risks.xlsx…", job_until_stopped(), at_once=True, writes=True)
    assert seen["after enter"] is False and "Esc or Cancel stops it" in str(seen["label"])
    assert "Stop “Importing risks.xlsx”?" in str(seen["question"])
    assert seen["after go on"] is False
    assert result == "stopped"


def test_enter_never_stops_a_job_esc_does(demo_window, qtbot):
    """A job that writes nothing (a workbook read for the preview): Enter goes on, Esc stops it at once, as before."""
    from PySide6.QtCore import QTimer

    from pmo_desktop.views.background import run_with_progress

    window = demo_window
    seen: dict[str, object] = {}

    def enter_then_esc() -> None:
        dialog = progress_dialog_shown()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        qtbot.wait(50)
        seen["plain enter"] = dialog.wasCanceled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(300, enter_then_esc)
    assert run_with_progress(window, "Reading risks.xlsx…", job_until_stopped(), at_once=True) == "stopped"
    assert seen["plain enter"] is False


def test_the_import_writes_through_a_dialog_that_asks_before_stopping():
    """The import's own run (``ImportDialog``'s runner) is one that writes: Esc there asks (the source says so)."""
    import inspect

    from pmo_desktop.views.exchange import import_dialog

    assert 'f"Importing {self.path.name}…", fn, writes=True' in inspect.getsource(import_dialog)


def test_a_line_about_the_page_left_goes_and_a_held_or_file_line_stays(demo_window, qtbot):
    """F6's "Response actions of R-00x …: F6 back to the risk" stood under the Status page after Ctrl+8. A page's line
    goes when another page comes up; a refused cell's "left as" line held to be read stays, as does a line about a
    file written; a line said as the new page comes up is that page's."""
    window = demo_window
    bar = window.statusBar()
    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_F6)
    settle(qtbot)
    assert "F6 back to the risk" in _said(window)
    press(qtbot, Qt.Key.Key_8, CTRL)  # Status
    settle(qtbot)
    assert "F6 back to the risk" not in _said(window)
    press(qtbot, Qt.Key.Key_4, CTRL)
    settle(qtbot)
    window.status_line.stays("Board pack written to /tmp/pack.pdf, on A4 paper: Ctrl+Shift+O opens it", 15_000)
    press(qtbot, Qt.Key.Key_8, CTRL)
    settle(qtbot)
    assert _said(window).startswith("Board pack written to")
    press(qtbot, Qt.Key.Key_4, CTRL)
    settle(qtbot)
    bar.showMessage("Raised left as “32/13/2026”: not a real date")
    window.status_line.hold()
    press(qtbot, Qt.Key.Key_8, CTRL)
    settle(qtbot)
    assert _said(window).startswith("Raised left as")


def test_due_in_ctrl_k_lists_a_risks_proximity_after_the_actions_due(demo_window, qtbot):
    """"due" found no risk column: a risk's date ahead is its Proximity, and only its actions have Due. Proximity
    declares "due" as a word the search finds it by (``Field.search_words``, never the import's): the list names the
    actions' Due first, the risk register's Proximity after it, and Enter on that line goes to the column."""
    from pmo_desktop.views.register_table.register_view import RegisterView

    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "quick_search_dialog", None) is not None
                    and window.quick_search_dialog.isVisible())
    dialog = window.quick_search_dialog
    type_as_a_person(qtbot, "due")

    def lines() -> list[str]:
        return [dialog.results.item(i).text() for i in range(dialog.results.count())]

    qtbot.waitUntil(lambda: any(line.startswith("Proximity column — the risk register") for line in lines()),
                    timeout=5000)
    found = [line for line in lines() if " column — " in line]
    assert found[0].startswith("Due column — a risk's response actions")
    for _ in range(len(found) + 2):
        item = dialog.results.currentItem()
        if item is not None and item.text().startswith("Proximity column"):
            break
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, 60)
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, RegisterView):
        widget = widget.parentWidget()
    assert widget is not None and widget.register.name == "risks"
    assert widget.table.currentIndex().column() == widget.model.column_of("proximity")
    assert _said(window) == "“due” is the Proximity column of the risk register."

