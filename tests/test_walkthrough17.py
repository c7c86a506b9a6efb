"""Walkthrough 17: presenting the risk register on a small screen (F11: full screen, here 800 × 800, at 125 %) —
real window, real key presses."""

import time

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def present_the_risks(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.presentation.active)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.detail.risk_id is not None)
    wait_until_laid_out(qtbot, page)
    return page


def wait_until_laid_out(qtbot, page) -> None:
    """Until the page's widgets have kept their places for 150 ms: presenting zooms the type, and the layouts
    answer in several passes of the event loop — more of them, later, on a loaded machine (a fixed 150 ms wait
    read the detail pane half laid out now and then)."""
    def places() -> list[QRect]:
        return [QRect(w.mapTo(page, w.rect().topLeft()), w.size()) for w in page.findChildren(QWidget)
                if w.isVisible()]

    last: list = [None, time.monotonic()]  # the places last read, and since when they are so

    def still() -> bool:
        now = places()
        if now != last[0]:
            last[:] = [now, time.monotonic()]
        return time.monotonic() - last[1] >= 0.15

    qtbot.waitUntil(still, timeout=10_000)


def rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def test_presenting_the_risk_detail_shows_every_box_whole_and_the_action_wrapped_in_view(demo_window, qtbot):
    """On an 800-pixel screen the detail pane had what was left under the table: its text boxes two lines of
    125 % text high, the lower row running onto the tab's frame, and the response action ran past the
    table's right edge, cut mid-word ("Agree mitigation plan for: pos sup"). Now each box shows three lines
    and ends inside the pane, no caption under a box, and the action wraps inside what the table shows."""
    window = demo_window
    page = present_the_risks(window, qtbot)
    detail = page.detail
    assert window.size().width() < 1200  # the small screen the brief is about (125 %)
    pane = detail.rect()
    for name, editor in detail.editors.items():
        box = rect_in(editor, detail)
        assert pane.contains(box), (name, box, pane)
        assert box.bottom() < pane.bottom() - 1, name  # above the tab's frame, not on it
        assert editor.height() >= 3 * editor.fontMetrics().lineSpacing(), name
        caption = next(label for label in detail.findChildren(QLabel) if label.buddy() is editor)
        assert not rect_in(caption, detail).intersects(box), name
        for other in detail.editors.values():
            if other is not editor:
                assert not rect_in(caption, detail).intersects(rect_in(other, detail)), (name, other.objectName())

    table = detail.actions_view.table
    column = detail.actions_view.model.column_of("description")
    header = table.horizontalHeader()
    assert header.sectionPosition(column) + header.sectionSize(column) <= table.viewport().width()
    text = table.model().index(0, column).data()
    assert text.startswith("Agree mitigation plan")
    assert table.rowHeight(0) >= 2 * table.fontMetrics().lineSpacing()  # wrapped, not cut

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)


def test_presenting_the_risks_grows_the_filters_and_buttons_with_the_tables(demo_window, qtbot):
    """Presenting, the tables were at 125 % while the quick filters' captions and lists, the search box and
    the page's buttons stayed at 100 %: small words over big rows. One zoom now for the whole page, and
    leaving (Esc) gives every one its own size back."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    qtbot.wait(50)

    def words():
        return ([w for w in page.filters.findChildren(QLabel)] + page.filters.findChildren(QComboBox)
                + [page.register_view.search, page.escalate_button, page.scale_button]
                + [b for b in page.detail.findChildren(QPushButton)] + [page.detail.header])

    before = {id(w): w.font().pointSizeF() for w in words()}
    table_before = page.register_view.table.font().pointSizeF()
    present_the_risks(window, qtbot)
    factor = page.register_view.table.font().pointSizeF() / table_before
    assert factor == 1.25
    for w in words():
        assert abs(w.font().pointSizeF() - before[id(w)] * factor) < 0.05, (type(w).__name__, w.objectName())
    assert page.detail.header.font().pointSizeF() > page.filters.findChildren(QLabel)[0].font().pointSizeF()

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.presentation.active)
    for w in words():
        assert abs(w.font().pointSizeF() - before[id(w)]) < 0.05, type(w).__name__
