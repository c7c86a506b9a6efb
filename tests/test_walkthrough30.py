"""Walkthrough 30: walkthrough 29's leftovers, each decided — dates typed as people type them (dots in a month-first
locale, a day and month without a year, a raised date after today), Esc after Ctrl+F, two offices on the command
line, Ctrl+Y from the search box — then what a newcomer tripped on. Real key presses on real widgets."""

from datetime import date

import pytest
from cli_runner import run_cli
from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_date_entry import open_view, stored, type_into_cell
from test_walkthrough18b import keys_to

from pmo_desktop.models import clock

CTRL = Qt.KeyboardModifier.ControlModifier
DAY = date(2026, 12, 5)  # a Saturday in December: "4 March" is nine months gone, or three months ahead


@pytest.fixture
def on_a_december_day():
    with clock.frozen(DAY):
        yield DAY


def _risks_view(qtbot, document):
    """A risks table over one record of every register (test_date_entry's), its window active for the keys."""
    view, rid = open_view(qtbot, document, "risks")
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view, rid


def _note() -> str:
    """What the note beside the cell says (a refusal, a question), in one line."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return " ".join(" ".join(n.text().split()) for n in QApplication.allWidgets()
                    if isinstance(n, RefusalNote) and n.isVisible())


def test_a_date_typed_with_dots_in_a_us_locale_is_never_read_one_way_in_silence(qtbot, document, us_locale):
    """A European on an American laptop types a risk's proximity as at home, "3.4.27": it was read month first, 4
    March 2027, in silence — dots are how day-first countries write dates. Where it could be either it is refused,
    the note beside the cell naming both, the text kept to put right; where only one is a real date (13.4.27)
    that one is read; slashes follow the locale as before (3/4/27 is 4 March)."""
    view, rid = _risks_view(qtbot, document)
    view.select_record(rid, view.model.column_of("proximity"))
    view.table.setFocus()
    type_keys(qtbot, "3.4.27")
    press(qtbot, Qt.Key.Key_Return)
    assert view.table.state() == view.table.State.EditingState and QApplication.focusWidget().text() == "3.4.27"
    assert "could be 3 Apr 2027" in _note() and "or 4 Mar 2027" in _note(), _note()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "risks", rid, "proximity") is None
    type_into_cell(qtbot, view, rid, "proximity", "13.4.27")
    assert stored(document, "risks", rid, "proximity") == date(2027, 4, 13)
    type_into_cell(qtbot, view, rid, "proximity", "3/4/27")
    assert stored(document, "risks", rid, "proximity") == date(2027, 3, 4)


def test_a_day_and_month_without_a_year_take_the_year_the_field_looks_to(qtbot, document, on_a_december_day):
    """On 5 December, "4 March" typed as a risk's proximity was 4 Mar 2026, nine months gone — a proximity, a due
    date, a date to review by looks ahead: the next 4 March, 2027. A date raised looks back: the last 4 March,
    2026. A field that looks neither way (a project's end) takes this year's, as Excel does."""
    view, rid = _risks_view(qtbot, document)
    type_into_cell(qtbot, view, rid, "proximity", "4 March")
    assert stored(document, "risks", rid, "proximity") == date(2027, 3, 4)
    type_into_cell(qtbot, view, rid, "proximity", "3/12")  # a day and a month in figures, the UK's order: two
    assert stored(document, "risks", rid, "proximity") == date(2026, 12, 3)  # days missed, not next year (35b)
    type_into_cell(qtbot, view, rid, "raised_on", "4 March")
    assert stored(document, "risks", rid, "raised_on") == date(2026, 3, 4)
    assert view.proxy.index(view.table.currentIndex().row(), view.model.column_of("proximity")).data() == "3 Dec 2026"


def test_a_raised_date_after_today_is_refused_with_the_reason(qtbot, document, on_a_december_day):
    """A risk's Raised typed as 10 Jan 2027 on 5 Dec 2026 was taken in silence: a risk raised next month, an odd
    value the register then aged from. A day after today in a field of what has happened is refused, the reason
    beside the cell, the text kept; today and the past are taken."""
    view, rid = _risks_view(qtbot, document)
    before = stored(document, "risks", rid, "raised_on")
    view.select_record(rid, view.model.column_of("raised_on"))
    view.table.setFocus()
    type_keys(qtbot, "10 Jan 2027")
    press(qtbot, Qt.Key.Key_Return)
    assert view.table.state() == view.table.State.EditingState
    assert "10 Jan 2027 is after today (5 Dec 2026)" in _note(), _note()
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert stored(document, "risks", rid, "raised_on") == before
    type_into_cell(qtbot, view, rid, "raised_on", "today")
    assert stored(document, "risks", rid, "raised_on") == DAY


def test_esc_after_a_search_gives_the_grid_back_at_the_row_found_and_a_second_clears_it(demo_window, qtbot):
    """Ctrl+F, "supplier" typed, Esc: the search was cleared at once and the keyboard put on whatever row the table
    had — the row found lost. Esc now gives the grid back on the row found, the search kept; a second Esc, as in
    a filter box, clears it (the status bar says so): every row back, the keyboard still on that risk. Esc in an empty box gives the grid
    back too (it kept the keyboard)."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    every = view.proxy.rowCount()
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is view.search
    type_keys(qtbot, "supplier")
    qtbot.waitUntil(lambda: 0 < view.proxy.rowCount() < every)
    keys_to(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table
    assert view.search.text() == "supplier"
    assert window.statusBar().currentMessage() == "Showing the rows with “supplier”: Esc again shows every row."
    found = view.current_record_id()
    assert found is not None and "supplier" in view.model.record(view.model.row_of(found))["title"].lower()
    column = view.table.currentIndex().column()
    keys_to(qtbot, Qt.Key.Key_Escape)
    assert view.search.text() == "" and view.proxy.rowCount() == every
    assert QApplication.focusWidget() is view.table and view.current_record_id() == found
    assert view.table.currentIndex().column() == column and len(view.table.selectionModel().selectedIndexes()) == 1
    assert window.statusBar().currentMessage() == "Search cleared: every row shown."
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    keys_to(qtbot, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.table


def test_ctrl_y_in_the_search_box_redoes_and_says_what(empty_window, qtbot):
    """Two risks typed, Ctrl+Z, then Ctrl+F and Ctrl+Y: the box took the key for its own redo — nothing — and the
    status bar stayed on "Undone: …", the risk still gone. The box's own undo and redo act while it has typing
    to undo or redo; else the office's, and the status bar says what was redone — or that nothing is left to.
    """
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    for title in ("Quay risk", "Crane risk"):
        type_keys(qtbot, title)
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    keys_to(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is view.search
    keys_to(qtbot, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert window.statusBar().currentMessage() == "Redone: Add “Crane risk” to the risk register"
    keys_to(qtbot, Qt.Key.Key_Y, CTRL)  # nothing left to redo: said, not the last "Redone" left standing
    assert window.statusBar().currentMessage() == "Nothing to redo"
    keys_to(qtbot, Qt.Key.Key_Escape)  # the box empty: back to the table, where it is said alike
    assert QApplication.focusWidget() is view.table
    window.statusBar().clearMessage()
    keys_to(qtbot, Qt.Key.Key_Y, CTRL)
    assert window.statusBar().currentMessage() == "Nothing to redo"
    keys_to(qtbot, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, "quay")  # typed in the box: Ctrl+Z takes the typing back, the office untouched
    keys_to(qtbot, Qt.Key.Key_Z, CTRL)
    assert view.search.text() == "" and view.model.rowCount() == 2


def test_two_offices_on_the_command_line_are_refused_with_the_way_to_open_each(tmp_path):
    """`pmo-desktop a.pmo b.pmo` opened a.pmo and ignored b.pmo in silence. The window holds one office: refused
    before any window (exit 2), saying how to open each; --help says so."""
    proc = run_cli("a.pmo", "b.pmo", cwd=tmp_path)
    assert proc.returncode == 2
    assert "one office at a time" in proc.stderr and "“b.pmo”" in proc.stderr, proc.stderr
    assert "pmo-desktop b.pmo" in proc.stderr
    assert not list(tmp_path.iterdir())
    assert "two files are refused" in " ".join(run_cli("--help", cwd=tmp_path).stdout.split())
    proc = run_cli("--database", "sqlite:///b.pmo", "a.pmo", cwd=tmp_path)  # a database and a file: two offices
    assert proc.returncode == 2 and "one office at a time" in proc.stderr, proc.stderr
    from pmo_desktop.cli import gui_files

    assert gui_files(["-style", "fusion", "--database", "sqlite:///x.pmo", "a.pmo"]) == ["a.pmo"]


def test_ctrl_z_in_a_detail_box_after_tab_undoes_the_text_typed_in_the_box_before(demo_window, qtbot):
    """A risk's Effect typed in the detail panel and Tab to the next box, then Ctrl+Z: the empty box took the key
    for its own undo, nothing to undo, and the Effect stayed — the status bar on "Saved". The office's last edit
    is undone (the Effect back as it was), and Ctrl+Y puts it back, each said in the status bar."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    effect = next(w for w in page.findChildren(QWidget) if w.objectName() == "risk_effect")
    before = view.model.record(0)["effect"]
    effect.setFocus()
    qtbot.waitUntil(effect.hasFocus)
    keys_to(qtbot, Qt.Key.Key_End, CTRL)
    type_keys(qtbot, " Crane firm in administration.")
    keys_to(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: view.model.record(0)["effect"].endswith("Crane firm in administration."))
    assert QApplication.focusWidget() is not effect
    keys_to(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: view.model.record(0)["effect"] == before)
    assert window.statusBar().currentMessage().startswith("Undone: ")
    keys_to(qtbot, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: view.model.record(0)["effect"].endswith("Crane firm in administration."))
    assert window.statusBar().currentMessage().startswith("Redone: ")
