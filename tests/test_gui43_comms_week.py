"""Walkthrough leftover (gui43): the communication plan's "This week" listed a communication overdue since last
month among the week's own, as if due this week. "This week" is what is due Monday to Sunday; what is overdue
from earlier weeks is still to do, so it is listed too — apart, first, under its own heading — and the line
above says both counts. Real key presses on the main window."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _due(text: str) -> date:
    """"Thu 5 Nov 2026" as the list writes a day."""
    from datetime import datetime

    return datetime.strptime(text.split(" ", 1)[1], "%d %b %Y").date()


def test_this_week_lists_the_weeks_communications_and_the_overdue_from_earlier_weeks_apart(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    for _ in range(2):  # Ctrl+PgDown to the third tab, the communication plan
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.comms)
    settle(qtbot)
    comms = page.comms
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    listing = comms.due_list
    headings = [listing.topLevelItem(i) for i in range(listing.topLevelItemCount())]
    assert [h.text(0).split(" (")[0] for h in headings] == ["Overdue from earlier weeks", "Due this week"]
    earlier = [headings[0].child(i) for i in range(headings[0].childCount())]
    week = [headings[1].child(i) for i in range(headings[1].childCount())]
    assert earlier and week
    assert all(_due(row.text(0)) < monday and row.text(4) == "Overdue" for row in earlier)  # last month's roadshow
    assert all(monday <= _due(row.text(0)) <= sunday for row in week)
    assert headings[0].text(0).endswith(f"({len(earlier)})") and headings[1].text(0).endswith(f"({len(week)})")
    label = " ".join(comms.week_label.text().split())
    assert label.endswith(f"· {len(week)} due · {len(earlier)} overdue from earlier weeks"), label

    # The keyboard reads the list as before: Down from the top goes past the heading to the first communication,
    # Enter shows it in the plan's table; a heading is neither selected nor opened.
    listing.setFocus()
    qtbot.waitUntil(listing.hasFocus)
    listing.setCurrentItem(headings[0])
    qtbot.keyClick(listing, Qt.Key.Key_Down)
    assert listing.currentItem() is earlier[0]
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    record = comms.view.model.record(comms.view.proxy.mapToSource(comms.view.table.currentIndex()).row())
    assert record["id"] == earlier[0].data(0, Qt.ItemDataRole.UserRole)

    # Next week (▶): no heading, the week's communications alone
    comms.show_week(1)
    assert all(listing.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) is not None
               for i in range(listing.topLevelItemCount()))
    assert "overdue" not in comms.week_label.text()
