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
