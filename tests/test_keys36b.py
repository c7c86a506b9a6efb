"""The last keyboard gaps (walkthrough 36b: a workshop run by keyboard on a projector, at 150 % on a small
laptop): the dependency map takes the keyboard as every other chart, a narrow table scrolled right still says
whose row it is, and a chart cursor's caption covers none of the chart's own labels. Real window, real key
presses, the demo office's real file."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_stakeholders_table_beside_the_grid_at_150_percent_keeps_the_id_in_view_when_scrolled_right(
        demo_window, qtbot):
    """At 150 % on 1280×720 (853×480 of Qt's pixels) the stakeholders' table beside the power/interest grid is
    175 px wide: too narrow for the ID and the name in half of it, so nothing was frozen — End took the
    keyboard to the last column and the rows read "Key concerns" and "…", no one could tell whose row it was.
    The ID stays in view (the name, which has no room, scrolls) and names the row the keyboard is on."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    view = window.active_register_view()
    table = view.table
    qtbot.waitUntil(table.isVisible)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_End)  # the row's last column: the table scrolls right
    qtbot.wait(50)
    assert table.horizontalScrollBar().value() > 0
    frozen = table.frozen
    id_column = view.model.column_of("code")
    assert frozen.isVisible() and frozen.columns == [id_column]
    row = table.currentIndex().row()
    y = table.rowViewportPosition(row) + table.rowHeight(row) // 2
    shown = frozen.indexAt(QPoint(frozen.columnViewportPosition(id_column) + 5, y))
    assert shown.column() == id_column and shown.row() == row
    assert shown.data() == view.model.record(row)["code"]
    assert frozen.width() <= table.viewport().width() // 2 + 2  # the other half left to the column edited
    window.resize(1920, 1080)  # room again for the name: both frozen
    qtbot.wait(50)
    qtbot.keyClick(table, Qt.Key.Key_End)
    qtbot.wait(50)
    if table.horizontalScrollBar().value() > 0:
        assert frozen.columns == frozen.leading
    assert QApplication.focusWidget() is table


def words_on(chart) -> list:
    """Where the chart's own words are on screen, in the chart's pixels: every text item of its scene (a
    stakeholder's name, a cell's count, a box's words, a legend), its axes with their numbers."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsWidget

    port = chart.viewport().geometry()
    kinds = (QGraphicsTextItem, QGraphicsSimpleTextItem, pg.AxisItem, pg.LabelItem, pg.LegendItem)
    rects = [chart.mapFromScene(item.mapRectToScene(item.rect()) if isinstance(item, QGraphicsWidget)
                                else item.sceneBoundingRect()).boundingRect().translated(port.topLeft())
             for item in chart.scene().items() if isinstance(item, kinds) and item.isVisible()]
    return [r for r in rects if not r.isEmpty() and r.intersects(port)]


def taken_by_words(chart) -> tuple[list, object]:
    """The chart's words a caption must not cover (not those inside the cursor's frame: its own), and the
    frame with the ring round it, which it must not cover either."""
    from pmo_desktop.views.chart_cursor import CAPTION_GAP, HALO_PX, MARK_PX
    from pmo_desktop.views.zoom import zoom

    cursor = chart.keyboard_cursor
    frame = cursor._screen_rect(cursor.spot()).translated(chart.viewport().geometry().topLeft())
    gap = round(CAPTION_GAP + (MARK_PX + HALO_PX) * zoom().factor)
    words = [r for r in words_on(chart) if not frame.adjusted(-2, -2, 2, 2).contains(r)]
    return words, frame.adjusted(-gap + 1, -gap + 1, gap - 1, gap - 1)


def room_for(chart, size) -> bool:
    """Whether a caption of ``size`` fits anywhere in the chart covering none of its words nor the frame
    (tried every 16 pixels)."""
    from PySide6.QtCore import QRect

    words, ring = taken_by_words(chart)
    inside = chart.viewport().geometry().adjusted(4, 4, -4, -4)
    for y in range(inside.top(), inside.bottom() - size.height() + 2, 16):
        for x in range(inside.left(), inside.right() - size.width() + 2, 16):
            r = QRect(x, y, size.width(), size.height())
            if not r.intersects(ring) and not any(r.intersects(t) for t in words):
                return True
    return False


@pytest.mark.parametrize("which", ["grid", "heat", "trend", "map", "dependencies"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_chart_cursors_caption_covers_none_of_the_charts_own_words_where_it_has_room(demo_window, qtbot,
                                                                                        which, size):
    """The caption naming what the cursor stands on went under its frame, whatever was there: on the power/
    interest grid it hid the next stakeholder's name, on the heat map the impact axis's numbers, on a map the box
    below. Walked by the arrows over what the keyboard reaches, it covers none of the chart's words nor the
    frame wherever the chart has room for it somewhere."""
    from test_chart_keyboard import open_chart, tab_into

    window = demo_window
    window.resize(*size)
    _page, chart = open_chart(window, qtbot, which)
    tab_into(qtbot, chart)
    seen, bad, roomy = set(), [], 0
    for key in (Qt.Key.Key_Home, *[Qt.Key.Key_Right] * 8, *[Qt.Key.Key_Down] * 6, *[Qt.Key.Key_Left] * 8,
                *[Qt.Key.Key_Up] * 6, Qt.Key.Key_End, *[Qt.Key.Key_Up] * 6):
        qtbot.keyClick(chart, key)
        name = chart.accessibleDescription()
        if name in seen:
            continue
        seen.add(name)
        caption = chart.keyboard_cursor.caption
        assert caption.isVisible()
        if not room_for(chart, caption.size()):
            continue
        roomy += 1
        words, ring = taken_by_words(chart)
        if caption.geometry().intersects(ring) or any(caption.geometry().intersects(r) for r in words):
            bad.append(name)
    assert roomy >= 3, (len(seen), roomy)
    assert not bad, bad
