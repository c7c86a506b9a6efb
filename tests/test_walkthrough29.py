"""Walkthrough 29: a new user's walk through the window by keyboard, at 1280×720 and 1920×1080 — walkthrough 28's
leftovers first (the Benefits page's measurements, the import dialog's Tab order, What Changed's dates), then what
a newcomer tripped on. Real key presses on the real window."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough18b import keys_to

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_benefits_measurements_are_in_view_with_every_column_whole(demo_window, qtbot, size):
    """A benefit's measurements reviewed on the Benefits page: at 1280×720 they sat below the fold of the profile
    (its four boxes two high in 280 pixels), at 1920×1080 their ✱ line did, and their Source was cut at its
    declared width, the Note off the right edge. Where the boxes do not fit whole, the profile puts each part in
    a tab of its own, the measurements first, and their columns take the table's width: each whole where it
    fits, the texts sharing the rest; Tab reaches the tabs and the table."""
    window = demo_window
    window.resize(*size)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    view = page.register_view
    qtbot.waitUntil(lambda: view.table.hasFocus())
    keys_to(qtbot, Qt.Key.Key_Home, CTRL)
    meas = page.profile.measurements_view
    qtbot.waitUntil(lambda: meas.model.rowCount() == 3)
    qtbot.wait(50)
    table = meas.table
    header = table.horizontalHeader()
    rows = table.visibleRegion().boundingRect().height() - header.height()
    assert rows >= 3 * table.verticalHeader().defaultSectionSize(), "the measurements below the fold"
    pane = page.profile.parentWidget()  # the profile's scroll area's viewport: what of it is on screen
    line = QRect(meas.new_line.mapTo(pane, QPoint(0, 0)), meas.new_line.size())
    assert pane.rect().contains(line), "its ✱ line below the fold"
    shown = [c for c in range(meas.model.columnCount()) if not table.isColumnHidden(c)]
    for c in shown:
        label = str(meas.proxy.headerData(c, Qt.Orientation.Horizontal))
        assert table.columnViewportPosition(c) + table.columnWidth(c) <= table.viewport().width(), label
        assert table.columnWidth(c) >= max(header.fontMetrics().horizontalAdvance(x) for x in label.split("\n")), label
        whole = " ".join(label.split())
        assert whole in str(meas.proxy.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    source = meas.model.column_of("source")
    assert table.columnWidth(source) >= table.fontMetrics().horizontalAdvance("Monthly MI pack")
    # By keyboard: out of the benefits' table to its ✱ line, on to the profile's tabs and into the measurements.
    keys_to(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is view.new_line
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.profile.tabs.tabBar()
    keys_to(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is table
