"""Crash 45: Tab out of a benefit's description killed the program (a segmentation fault) — some time after a
Tab on the Benefits page, the benefit profile was deleted under the page still showing it.

The cause: to find the next control, Tab asked each widget of the page for its focus proxy, a scroll area's
viewport too. PySide makes the widget ``focusProxy()`` returns a child of the one asked, for Python's purposes:
the profile's scroll area became a child of its own viewport, two Python objects holding only each other,
which Python's collector deleted — the scroll area with the profile in it — whenever it next ran. The next
edit of a benefit told a deleted profile; raised inside the description's focus-out, PySide died printing
the error. When the collector runs depends on what ran before (another test, another office opened, a
zoom): ``gc.collect()`` here makes it run at the moment that matters."""

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from shiboken6 import isValid

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.benefits.profile import BenefitProfile

BENEFITS = REGISTERS["benefits"]


def stored(window, rid):
    with window.document.store.session() as s:
        return records.record_values(s, BENEFITS, rid)


def test_a_benefits_description_edited_and_tabbed_out_of_after_the_collector_ran(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    view = page.register_view
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    rid = view.current_record_id()
    before = stored(window, rid)["description"] or ""
    qtbot.keyClick(view.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # out of the table
    qtbot.keyClick(view.new_line, Qt.Key.Key_Tab)  # Tab reads the page: the profile's tab bar
    gc.collect()
    assert isValid(page.profile) and page.findChildren(BenefitProfile) == [page.profile]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    description = page.profile.description
    assert QApplication.focusWidget() is description
    qtbot.keyClick(description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(description, " More.")
    gc.collect()
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not description
    assert (stored(window, rid)["description"] or "") == (before + " More.").strip()
    assert isValid(page.profile.plan_view) and page.profile.heading.text().startswith(stored(window, rid)["code"])


def scroll_areas(widget: QWidget) -> int:
    return len(widget.findChildren(QAbstractScrollArea))


def test_tab_through_every_page_and_round_the_window_leaves_every_scrolling_part_in_place(demo_window, qtbot):
    """Every page walked with Tab from the page list, past its last control and round the window: what scrolls
    (the pages' area, the overview's tiles, tables, charts, text boxes) is all still there once the collector
    has run — none counted by the Python object kept of it, which would keep it alive."""
    window = demo_window
    for row in range(window.nav.count()):
        window.nav.setFocus()
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        parts = scroll_areas(window)
        for _ in range(12):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        gc.collect()
        assert window.stack.currentWidget() is page and isValid(page), row
        assert scroll_areas(window) == parts, window.nav.item(row).text()
