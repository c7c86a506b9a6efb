"""Walk 60: what a newcomer tripped on in walk 59, each driven with real key presses on the real window (README;
/work/rounds/walk60/findings.md): a record's own table by one key, the board pack opened from where it was written,
a column found by a newcomer's word for it, a cell's note asked about when the office closes."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
F6 = Qt.Key.Key_F6


def _said(window) -> str:
    return " ".join(window.statusBar().currentMessage().split())


def _view_around(widget):
    from pmo_desktop.views.register_table.register_view import RegisterView

    while widget is not None and not isinstance(widget, RegisterView):
        widget = widget.parentWidget()
    return widget


def _focused_view():
    return _view_around(QApplication.focusWidget())


def test_f6_takes_the_keyboard_to_the_records_own_table_and_back(demo_window, qtbot):
    """A risk's response actions were seven Ctrl+Tab away (the ✱ line, five text boxes, the table) and the caption
    over them named no way there. F6 in the register takes the keyboard to the selected risk's actions, F6 there
    back to the risk; an issue's actions and a benefit's plan and measurements the same, from the one declaration of
    which register's rows belong to which. The caption and the Edit menu name the key."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot)
    risk = view.current_record_id()
    assert risk is not None
    press(qtbot, F6)
    settle(qtbot)
    actions = page.detail.actions_view
    assert _focused_view() is actions and actions.model.parent_id == risk
    assert "Response actions of R-" in _said(window) and "F6 back to the risk" in _said(window)
    press(qtbot, F6)  # back on the risk's row
    settle(qtbot)
    assert _focused_view() is view and view.current_record_id() == risk
    assert _said(window).startswith("Back on R-")
    caption_texts = [label.text() for label in page.detail.findChildren(type(page.detail.header))]
    assert any("F6" in text and "Response actions" in text for text in caption_texts), caption_texts
    menu = [a.text() for a in window.edit_menu.actions()]
    assert any(text.endswith("\tF6") for text in menu), menu

    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the issue log: the same key to an issue's actions
    for _ in range(page.tabs.count()):
        if page.tabs.currentWidget() is page.issue_tab:
            break
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    settle(qtbot)
    page.issue_view.table.setFocus()
    page.issue_view.table.setCurrentIndex(page.issue_view.proxy.index(0, 1))
    settle(qtbot)
    press(qtbot, F6)
    settle(qtbot)
    assert _focused_view() is page.issue_actions_view
    press(qtbot, F6, SHIFT)
    settle(qtbot)
    assert _focused_view() is page.issue_view

    press(qtbot, Qt.Key.Key_5, CTRL)  # Benefits: its plan, then its measurements, then back
    benefits = window.stack.currentWidget()
    qtbot.waitUntil(lambda: benefits.register_view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot)
    seen = []
    for _ in range(3):
        press(qtbot, F6)
        settle(qtbot)
        seen.append(_focused_view().register.name)
    assert seen == ["benefit_plan", "benefit_measurements", "benefits"], seen


class _Viewer(QObject):
    """Stands for the computer's PDF viewer and spreadsheet program: the file URLs the window asks to open
    (``QDesktopServices.setUrlHandler``), none launched."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.asked.append(url.toLocalFile())


def test_the_board_pack_and_the_export_are_opened_from_where_they_are_said_written(demo_window, qtbot, tmp_path):
    """"Board pack written to /…/pack.pdf" stood 15 seconds in the status bar and nothing opened it: a newcomer asked
    to look at the pack had to find the file. Written, a note over the pages names it with Open It and Open Its
    Folder, the status line names Ctrl+Shift+O (File ▸ Open the Last Board Pack), which opens it from anywhere, later
    too; the export (Ctrl+E) the same, with File ▸ Open the Last Export."""
    from file_dialogs import answer_file_dialog

    window = demo_window
    viewer = _Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "open_url")
    try:
        press(qtbot, Qt.Key.Key_O, CTRL | SHIFT)  # nothing written yet: said, nothing opened
        assert "No board pack written from this computer yet" in _said(window) and viewer.asked == []
        pack = tmp_path / "December board.pdf"
        answer_file_dialog(qtbot, str(pack))
        press(qtbot, Qt.Key.Key_E, CTRL | SHIFT)
        qtbot.waitUntil(pack.exists, timeout=60_000)
        qtbot.waitUntil(lambda: "Board pack written" in _said(window), timeout=10_000)
        assert "Ctrl+Shift+O opens it" in _said(window)
        note = window._written_note
        assert note is not None and note.isVisible() and "December board.pdf" in note.label.text()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        press(qtbot, Qt.Key.Key_O, CTRL | SHIFT)
        qtbot.waitUntil(lambda: viewer.asked == [str(pack)], timeout=5000)

        workbook = tmp_path / "registers.xlsx"
        answer_file_dialog(qtbot, str(workbook))
        press(qtbot, Qt.Key.Key_E, CTRL)
        qtbot.waitUntil(workbook.exists, timeout=60_000)
        qtbot.waitUntil(lambda: "Exported to" in _said(window), timeout=10_000)
        assert "registers.xlsx" in note.label.text()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        note.open_button.setFocus()  # a keyboard user's Tab to it: Space presses it
        press(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: viewer.asked[-1:] == [str(workbook)], timeout=5000)
        assert window.open_last_written("board_pack") and viewer.asked[-1] == str(pack)  # the pack still the last
    finally:
        QDesktopServices.unsetUrlHandler("file")


def _find_column(qtbot, window, word: str) -> None:
    """Ctrl+K, the word typed, Enter on the first line found."""
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "quick_search_dialog", None) is not None
                    and window.quick_search_dialog.isVisible())
    dialog = window.quick_search_dialog
    type_as_a_person(qtbot, word)
    # The search runs on a short timer after the last key: under load the list may still show an earlier prefix's
    # records ("l" finds "delivers late"), so wait for the word's own first line rather than any line.
    qtbot.waitUntil(lambda: dialog.results.count() > 0 and " column — " in dialog.results.item(0).text(), timeout=5000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    settle(qtbot, 60)


def test_a_newcomers_word_for_a_column_finds_the_column(demo_window, qtbot):
    """"likelihood" is Probability, "influence" is Power, and a risk has no due date (its Proximity; its actions have
    Due): Ctrl+K found records only, and a newcomer's word was no column's. The search knows every word the import
    reads a colleague's header by, in any language of its words files: Enter on the column's line shows it, the
    keyboard on it, and the status line says what the word is."""
    window = demo_window
    _find_column(qtbot, window, "likelihood")
    view = _focused_view()
    assert view is not None and view.register.name == "risks"
    assert view.table.currentIndex().column() == view.model.column_of("probability")
    assert _said(window) == "“likelihood” is the Probability column of the risk register."

    _find_column(qtbot, window, "influence")
    view = _focused_view()
    assert view.register.name == "stakeholders" and view.table.currentIndex().column() == view.model.column_of("power")
    assert "“influence” is the Power column" in _said(window)

    _find_column(qtbot, window, "Wahrscheinlichkeit")  # a colleague's German header word: the same column
    assert _focused_view().register.name == "risks"

    _find_column(qtbot, window, "due")  # a risk's response actions: the actions under the risk the table is on
    view = _focused_view()
    assert view.register.name == "risk_actions" and view.model.parent_id is not None
    column = view.table.currentIndex().column() if view.table.hasFocus() else view.new_line.currentIndex().column()
    assert column == view.model.column_of("due")
    assert _said(window).startswith("“due” is the Due column of a risk's response actions (those of R-"), _said(window)


def _answer_by_keys(qtbot, keys, asked: list[str]) -> None:
    """The "Not saved" question about to open (its own event loop) answered by a key, as a person does."""
    from PySide6.QtCore import QTimer

    def look() -> None:
        box = next((b for b in QApplication.topLevelWidgets()
                    if isinstance(b, QMessageBox) and b.isVisible() and b.windowTitle() == "Not saved"), None)
        focus = QApplication.focusWidget()
        if box is None or focus is None or not box.isAncestorOf(focus):  # the keys go to it once it has them
            QTimer.singleShot(20, look)
            return
        asked.append(box.text())
        for key in keys:
            qtbot.keyClick(QApplication.focusWidget(), key)

    QTimer.singleShot(0, look)


def test_a_cells_note_is_read_after_ctrl_pgdown_and_asked_about_when_the_office_closes(demo_window, qtbot):
    """A refused date passed by keeps what was typed in the cell's red corner. Left by Ctrl+PgDown, the heat map's
    own line replaced "Raised left as …" at once; and the office closed (Ctrl+W) forgot the note without a word. The
    line stays to be read before the map's comes; closing asks — Go Back to It (Enter) puts the keyboard on the cell,
    Close Without It (Tab, Space) closes."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    raised = view.model.column_of("raised_on")
    view.table.setCurrentIndex(view.proxy.index(1, raised))
    settle(qtbot)
    type_as_a_person(qtbot, "32/13/2026")
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # to the heat map, the date refused and passed by
    settle(qtbot, 400)
    assert page.tabs.currentWidget() is page.heat_map
    assert _said(window).startswith("Raised left as"), _said(window)
    qtbot.waitUntil(lambda: _said(window).startswith("Probability"), timeout=8000)  # the map's line, once read
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    settle(qtbot)
    assert view.table.itemDelegate().mark_of(view.proxy.index(1, raised))[1] == "32/13/2026"

    press(qtbot, Qt.Key.Key_3, CTRL)  # another page: the note is still the office's to ask about
    asked: list[str] = []
    _answer_by_keys(qtbot, [Qt.Key.Key_Return], asked)
    press(qtbot, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "“32/13/2026” in Raised of R-" in asked[0] and "red corner" in asked[0], asked
    settle(qtbot)
    assert window.document is not None and window.stack.currentWidget() is page
    assert QApplication.focusWidget() is view.table and view.table.currentIndex() == view.proxy.index(1, raised)
    _answer_by_keys(qtbot, [Qt.Key.Key_Tab, Qt.Key.Key_Space], asked)
    press(qtbot, Qt.Key.Key_W, CTRL)
    qtbot.waitUntil(lambda: window.document is None, timeout=5000)
