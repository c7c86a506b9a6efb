"""Walk 61: what a newcomer tripped on (/work/rounds/walk61/findings.md), each driven with real key presses on the real
window at 1280×720: a risk's two-line action read whole where the keyboard is, F6 between the Status page's report and
its project's milestones."""

from __future__ import annotations

from focused_keys import cell_shown, keyboard_on_cell, press, type_as_a_person
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle
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


def test_a_two_line_action_is_read_whole_inside_the_keyboards_frame(demo_window, qtbot):
    """At 1280×720 a risk's action wraps onto two lines and its row was as tall as the lines alone: the frame round
    the cell the keyboard is on, drawn over the cell's edges, covered the top and bottom of its letters — selected,
    the action read cut through. The row leaves room for the frame, typed actions too."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # Risks
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, F6)  # the risk's actions, the keyboard on the first
    settle(qtbot, 100)
    actions = page.detail.actions_view
    table = actions.table
    assert _view_around(QApplication.focusWidget()) is actions
    # another action typed, long enough to wrap at this width
    actions.focus_new_line(actions.model.column_of("description"))
    type_as_a_person(qtbot, "Ask the supplier for a parent company guarantee before the contract is signed")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot, 200)
    column = actions.model.column_of("description")
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    width = table.columnWidth(column) - margin
    metrics = table.fontMetrics()
    wrapped = 0
    for row in range(actions.proxy.rowCount()):
        text = str(actions.proxy.index(row, column).data() or "")
        lines = metrics.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), text).height()
        if lines <= metrics.height():
            continue
        wrapped += 1
        table.setFocus()
        table.setCurrentIndex(actions.proxy.index(row, column))
        settle(qtbot, 50)
        height = table.rowHeight(row)
        frame = max(3, round(height / 10))  # the keyboard's frame: a tenth of the row, 3 px at least (frozen.py)
        assert height - 2 * frame >= lines, (row, text, height, frame, lines)
    assert wrapped >= 1  # the demo's action and the typed one wrap at 1280×720


def test_f6_goes_between_the_status_report_and_its_milestones(demo_window, qtbot):
    """F6 on the Status page's milestones said "the milestones has no table under its records" and did nothing; the
    report above them was reached by Shift+Tab after Shift+Tab. F6 in the milestones goes to the report's control
    last used (its first the first time), F6 or Shift+F6 there back to the milestones, each said; the caption names
    the key."""
    window = demo_window
    press(qtbot, Qt.Key.Key_8, CTRL)  # Status
    page = window.stack.currentWidget()
    milestones = page.project_milestones
    form = page.form
    milestones.table.setFocus()
    qtbot.waitUntil(milestones.table.hasFocus)
    press(qtbot, F6)
    settle(qtbot)
    assert form.isAncestorOf(QApplication.focusWidget()), QApplication.focusWidget()
    assert _said(window) == "In the report above: F6 goes to its milestones below."
    overall = form.rags["overall"]
    for _ in range(8):  # Tab on to the Overall rating
        if overall.hasFocus():
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert overall.hasFocus()
    press(qtbot, F6)
    settle(qtbot)
    assert milestones.table.hasFocus()
    assert "F6 back to the report" in _said(window)
    press(qtbot, F6)  # back on the rating it was on
    settle(qtbot)
    assert overall.hasFocus()
    press(qtbot, F6, SHIFT)
    settle(qtbot)
    assert milestones.table.hasFocus()
    press(qtbot, F6, SHIFT)
    settle(qtbot)
    assert overall.hasFocus()
    assert "F6 from the report above" in page.milestones_caption.text()


def test_up_and_down_leave_a_list_cell_typed_into_as_a_text_cells(demo_window, qtbot):
    """"2" typed in a risk's Probability and Down, as an Excel user goes on down a column: the closed list stepped to
    the next level and kept the keyboard, and the Enter after stored 3 — a score nobody typed. Up and Down store what
    was typed and go on to the cell above or below, as they do from a text cell and as Right does from this one;
    letters of no choice are passed by with their note, as Tab passes them. The open list (Alt+Down) still moves."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    keyboard_on_cell(qtbot, view, 0, "probability")
    type_as_a_person(qtbot, "2")
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 1
    assert cell_shown(view, 0, "probability") == "2"
    type_as_a_person(qtbot, "1")  # the next risk's, typed at once
    press(qtbot, Qt.Key.Key_Up)
    settle(qtbot)
    assert cell_shown(view, 1, "probability") == "1" and view.table.currentIndex().row() == 0
    keyboard_on_cell(qtbot, view, 2, "status")
    before = cell_shown(view, 2, "status")
    type_as_a_person(qtbot, "zz")  # begins no status: passed by, the cell as it was, the keyboard on
    press(qtbot, Qt.Key.Key_Down)
    settle(qtbot)
    assert cell_shown(view, 2, "status") == before and view.table.currentIndex().row() == 3
    assert "left as" in _said(window)
    for v in window.findChildren(type(view)):
        v.let_go_of_typing()


def test_alt_enter_is_a_new_line_in_a_long_text_never_the_next_records_cell(demo_window, qtbot):
    """Alt+Enter, Excel's new line in a cell, was taken for Enter: the risk's Cause stored at its first line, the
    keyboard a row down, and the second line typed became the next risk's Cause. In a long text it is a new line, the
    cell still open; in a cell of one line nothing is typed, the cell stays open and the status line says why."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    next_cause = cell_shown(view, 1, "cause")
    keyboard_on_cell(qtbot, view, 0, "cause")
    type_as_a_person(qtbot, "Supplier in administration")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    type_as_a_person(qtbot, "Parent company guarantee lapsed")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert cell_shown(view, 0, "cause") == "Supplier in administration\nParent company guarantee lapsed"
    assert cell_shown(view, 1, "cause") == next_cause
    keyboard_on_cell(qtbot, view, 0, "title")
    title = cell_shown(view, 0, "title")
    press(qtbot, Qt.Key.Key_F2)
    type_as_a_person(qtbot, " (vendor)")
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    settle(qtbot)
    assert isinstance(QApplication.focusWidget(), QLineEdit) and view.table.currentIndex().row() == 0  # still open
    assert "Title holds one line" in _said(window)
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    assert cell_shown(view, 0, "title") == f"{title} (vendor)"


def test_ctrl_s_says_every_change_is_saved_and_what_is_not(demo_window, qtbot):
    """Ctrl+S, an Excel user's reflex after typing a risk, did nothing and said nothing: had it been kept? File ▸ Save
    (Ctrl+S) says each change is saved as it is made, and names what is not saved: a cell still being typed, what was
    typed and refused, kept in a cell's red corner."""
    window = demo_window
    assert any(a.text() == "Sa&ve" for a in window.file_menu.actions())  # Alt+F, S stays Board Snapshots
    press(qtbot, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert _said(window) == "Every change is saved in “demo.pmo” as it is made: there is nothing left to save."
    keyboard_on_cell(qtbot, view, 0, "title")
    type_as_a_person(qtbot, "Card supplier may fail")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert _said(window).startswith("“Card supplier may fail” is not stored yet: Enter or Tab stores it")
    press(qtbot, Qt.Key.Key_Escape)
    keyboard_on_cell(qtbot, view, 1, "raised_on")
    type_as_a_person(qtbot, "32/13/2026")
    press(qtbot, Qt.Key.Key_Tab)  # passed by: kept in its red corner only
    press(qtbot, Qt.Key.Key_Escape)
    settle(qtbot)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert "Not saved: “32/13/2026” in Raised of R-002" in _said(window), _said(window)
    cause = window.stack.currentWidget().detail.editors["cause"]  # the panel's box, stored as the keyboard leaves it
    cause.setFocus()  # as a click puts the keyboard there
    qtbot.waitUntil(cause.hasFocus)
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_as_a_person(qtbot, " Supplier in administration.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    settle(qtbot)
    assert cause.hasFocus()  # the keyboard stays where it was typing
    row = view.table.currentIndex().row()
    assert str(cell_shown(view, row, "cause")).endswith("Supplier in administration."), cell_shown(view, row, "cause")
    assert "Not saved: “32/13/2026”" in _said(window)
    for v in window.findChildren(type(view)):
        v.let_go_of_typing()
