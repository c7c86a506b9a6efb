"""Every chart with things to point at takes the keyboard as the heat map does (walkthrough 36: a workshop on a
projector, by keyboard): Tab reaches it, a cursor shows where it stands — a frame in the theme's accent, seen in
the picture —, the arrows move it that way on screen, what it stands on is named (status bar, a caption beside
it, the chart's accessible description), and Enter does what a click does. Real window, real key presses, the
demo office's real file."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

CTRL = Qt.KeyboardModifier.ControlModifier


def open_chart(window, qtbot, which: str):
    """The chart's page shown by its shortcut and its tab chosen; the chart widget that takes the keyboard."""
    page_key = {"heat": Qt.Key.Key_4, "trend": Qt.Key.Key_4, "grid": Qt.Key.Key_3, "map": Qt.Key.Key_5,
                "dependencies": Qt.Key.Key_7}[which]
    qtbot.keyClick(window, page_key, CTRL)
    page = window.stack.currentWidget()
    if which == "heat":
        page.tabs.setCurrentWidget(page.heat_map)
        chart = page.heat_map.plot
    elif which == "trend":
        page.tabs.setCurrentWidget(page.trend)
        chart = page.trend.plot
    elif which == "grid":
        chart = page.grid.plot
    elif which == "dependencies":
        page.tabs.setCurrentWidget(page.dependency_map)
        chart = page.dependency_map.view
    else:
        page.tabs.setCurrentWidget(page.map)
        chart = page.map.view
    qtbot.waitUntil(chart.isVisible)
    window.nav.setFocus(Qt.FocusReason.OtherFocusReason)  # not left on the chart by the tab's change
    qtbot.wait(50)
    return page, chart


def tab_into(qtbot, chart) -> None:
    """The keyboard on the stop before the chart, then a real Tab: the chart must be the next stop. The stops
    are the page's in reading order, as Tab walks a page (views/reading_order.py)."""
    from pmo_desktop.views.reading_order import reading_order

    page = chart.window().stack.currentWidget()
    order = reading_order(page)
    before = order[order.index(chart) - 1]
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chart)


def is_accent(c: QColor, accent: QColor) -> bool:
    return abs(c.red() - accent.red()) + abs(c.green() - accent.green()) + abs(c.blue() - accent.blue()) < 40


def accent_at(chart) -> tuple[int, float]:
    """How many of the chart's pixels are the theme's accent (the cursor's frame) outside any caption, and the
    mean x of them."""
    from pmo_desktop.views.theme import colours

    accent = QColor(colours().accent)
    picture = chart.grab().toImage()
    ratio = picture.width() / max(chart.width(), 1)
    skip = [QRect(label.geometry().topLeft() * ratio, label.geometry().size() * ratio)
            for label in chart.findChildren(QLabel) if label.isVisible()]
    xs = []
    for y in range(0, picture.height(), 2):
        for x in range(0, picture.width(), 2):
            if is_accent(QColor(picture.pixel(x, y)), accent) and not any(r.contains(x, y) for r in skip):
                xs.append(x)
    return len(xs), (sum(xs) / len(xs) if xs else -1.0)


@pytest.mark.parametrize("which, key", [("heat", Qt.Key.Key_Left), ("grid", Qt.Key.Key_Left),
                                        ("trend", Qt.Key.Key_Left), ("map", Qt.Key.Key_Right),
                                        ("dependencies", Qt.Key.Key_End)])
def test_a_chart_reached_by_tab_shows_a_cursor_the_arrows_move_and_names_what_it_stands_on(demo_window, qtbot,
                                                                                          which, key):
    window = demo_window
    _page, chart = open_chart(window, qtbot, which)
    without, _x = accent_at(chart)
    scrolled = (chart.horizontalScrollBar().value(), chart.verticalScrollBar().value()) if which == "dependencies" else None
    tab_into(qtbot, chart)
    qtbot.wait(50)
    shown, x = accent_at(chart)
    assert shown > without + 40, (which, without, shown)  # a frame a projector shows, not a dotted line
    named = chart.accessibleDescription()
    assert named and window.statusBar().currentMessage() == named
    captions = [label for label in chart.findChildren(QLabel) if label.isVisible() and label.text() == named]
    assert captions  # named beside the cursor too: presenting hides the status bar
    qtbot.keyClick(chart, key)
    qtbot.wait(50)
    moved, x_after = accent_at(chart)
    assert chart.accessibleDescription() and chart.accessibleDescription() != named
    assert window.statusBar().currentMessage() == chart.accessibleDescription()
    assert moved > without + 40
    assert (x_after < x - 5) if key == Qt.Key.Key_Left else (x_after > x + 5), (x, x_after)
    chart.clearFocus()
    if which == "dependencies":  # End scrolled the map (its words kept readable, it scrolls): back to the start
        chart.horizontalScrollBar().setValue(scrolled[0])
        chart.verticalScrollBar().setValue(scrolled[1])
    qtbot.wait(50)
    assert accent_at(chart)[0] <= without + 5  # the frame shows where the keyboard is, only there


def test_enter_on_a_stakeholder_of_the_grid_selects_its_row_and_the_arrows_go_on(demo_window, qtbot):
    window = demo_window
    page, chart = open_chart(window, qtbot, "grid")
    tab_into(qtbot, chart)
    for _ in range(2):
        qtbot.keyClick(chart, Qt.Key.Key_Down)
    code = chart.accessibleDescription().split()[0]
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    view = page.register_view
    row = view.model.row_of(view.current_record_id())
    assert view.model.record(row)["code"] == code
    assert chart.hasFocus()  # the table is beside the grid: the next stakeholder is one arrow away
    qtbot.keyClick(chart, Qt.Key.Key_Up)
    assert chart.accessibleDescription().split()[0] != code


def test_enter_on_a_box_of_the_benefits_map_opens_its_record_with_the_keyboard_on_its_row(demo_window, qtbot):
    window = demo_window
    page, chart = open_chart(window, qtbot, "map")
    tab_into(qtbot, chart)
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # the first output
    code = chart.accessibleDescription().split(": ", 1)[1].split()[0]
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    view = page.chain_views["outputs"]
    qtbot.waitUntil(lambda: view.table.hasFocus())
    row = view.model.row_of(view.current_record_id())
    assert view.model.record(row)["code"] == code


def test_enter_on_an_empty_heat_map_cell_says_so_and_leaves_the_register_as_it_was(demo_window, qtbot):
    """Enter on a cell holding no risk filtered the register to 0 rows ("P1 × I1 (inherent)"), the Register tab
    shown empty: a presenter lost the list for nothing. The cursor stays on the map, the register keeps its rows,
    and the status bar (and the cursor's caption) says there are none there."""
    window = demo_window
    page, chart = open_chart(window, qtbot, "heat")
    heat = page.heat_map
    rows = page.register_view.proxy.rowCount()
    tab_into(qtbot, chart)
    n = heat.levels
    empty = next((p, i) for p in range(1, n + 1) for i in range(1, n + 1) if (p, i) not in heat.cells)
    p, i = heat.cell_cursor
    for _ in range(abs(empty[0] - p)):
        qtbot.keyClick(chart, Qt.Key.Key_Up if empty[0] > p else Qt.Key.Key_Down)
    for _ in range(abs(empty[1] - i)):
        qtbot.keyClick(chart, Qt.Key.Key_Right if empty[1] > i else Qt.Key.Key_Left)
    assert heat.cell_cursor == empty
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert page.tabs.currentWidget() is heat and chart.hasFocus()
    assert page.register_view.proxy.rowCount() == rows
    assert page.register_view.filter_chip.isHidden() or not page.register_view.filter_chip.text()
    assert "No risks" in window.statusBar().currentMessage()


def test_a_chart_copied_while_the_keyboard_is_on_it_is_the_chart_without_the_cursor(demo_window, qtbot):
    """Ctrl+Shift+C on the heat map reached by Tab (the presenter's way to a slide) copied the keyboard's frame
    with it, round a cell the slide then seemed to single out."""
    from pmo_desktop.views.theme import colours

    window = demo_window
    _page, chart = open_chart(window, qtbot, "heat")
    tab_into(qtbot, chart)
    assert accent_at(chart)[0] > 40
    qtbot.keyClick(chart, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    image = QApplication.clipboard().image()
    assert not image.isNull()
    assert not any(is_accent(QColor(image.pixel(x, y)), QColor(colours().accent))
                   for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))
    assert accent_at(chart)[0] > 40  # still on screen, where the keyboard is


def test_enter_on_the_dependency_maps_line_opens_its_dependency_and_on_a_box_its_project(demo_window, qtbot):
    """The RAID page's dependency map took no keyboard: Tab reached it and the arrows scrolled it, nothing said
    which dependency was which. The cursor goes from box to line to box; Enter on a line selects its dependency
    on the Dependencies tab (as the list of those in trouble does), on a project's box the project's row."""
    window = demo_window
    page, chart = open_chart(window, qtbot, "dependencies")
    tab_into(qtbot, chart)
    for _ in range(6):  # along the chain until a line: "D-00n title — status …"
        if chart.accessibleDescription().startswith("D-"):
            break
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    code = chart.accessibleDescription().split()[0]
    assert code.startswith("D-")
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    view = page.views["dependencies"]
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is not page.dependency_map)
    row = view.model.row_of(view.current_record_id())
    assert view.model.record(row)["code"] == code
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)  # back to the map's tab, as a presenter goes back
    page.tabs.setCurrentWidget(page.dependency_map)
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    for _ in range(12):  # on to a project's box
        if chart.accessibleDescription().startswith("Project "):
            break
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    project = chart.accessibleDescription().split()[1]
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(window.active_register_view(), "register", None) is not None
                    and window.active_register_view().register.name == "projects")
    projects = window.active_register_view()
    row = projects.model.row_of(projects.current_record_id())
    assert projects.model.record(row)["code"] == project


def test_a_click_on_a_line_of_the_dependency_map_opens_its_dependency(demo_window, qtbot):
    """Its page said "Clicking a box or a line opens the record", and a click only began a drag. A click on a
    line selects its dependency on the Dependencies tab, as Enter on it does."""
    window = demo_window
    page, chart = open_chart(window, qtbot, "dependencies")
    line = chart.arrows[0]
    code = line.toolTip().split()[0]  # "D-001 Real-time stock API — At risk, …"
    at = chart.mapFromScene(line.path().pointAtPercent(0.5))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=at)
    view = page.views["dependencies"]
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is not page.dependency_map)
    row = view.model.row_of(view.current_record_id())
    assert view.model.record(row)["code"] == code
