"""Walk 61: what a newcomer tripped on (/work/rounds/walk61/findings.md), each driven with real key presses on the real
window at 1280×720: a risk's two-line action read whole where the keyboard is, F6 between the Status page's report and
its project's milestones."""

from __future__ import annotations

from focused_keys import press, type_as_a_person
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QStyle
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
