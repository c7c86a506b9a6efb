"""Walk 45 on a laptop (1280×720) and a projector (1920×1080): the start screen's recent offices, the benefit
charts' units and labels, the stakeholder map's stakeholders not rated yet, the engagement gap and the grid's
words at 150 %. Real widgets, real key presses."""

from __future__ import annotations

from pathlib import Path

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from screens import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _shown_offices(window) -> list[str]:
    recent = window.welcome.recent
    return [recent.item(i).text() for i in range(recent.count())] if recent.isVisible() else []


def test_the_start_screen_lists_the_offices_opened_before(main_window, qtbot, tmp_path: Path, demo_file_copy):
    """The start screen listed no office: one opened yesterday was looked for again in a chooser. Closed, the
    offices opened are listed there newest first, each by its name over its folder; Tab from the buttons reaches
    the list, Enter opens the one chosen; one whose file is gone is shown as missing, Enter does not open it,
    and Delete takes it off the list (and the settings) without touching any file."""
    window = main_window
    window.resize(1280, 720)
    (tmp_path / "Harbour").mkdir()
    older = demo_file_copy(tmp_path / "Harbour" / "harbour works.pmo")
    newer = demo_file_copy(tmp_path / "retail.pmo")
    gone = demo_file_copy(tmp_path / "gone.pmo")
    for path in (gone, older, newer):
        assert window.open_path(str(path))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL)  # File ▸ Close
    qtbot.waitUntil(lambda: window.document is None)
    gone.unlink()
    window.show_start()
    settle(qtbot)
    assert _shown_offices(window) == [f"retail.pmo\n{tmp_path}", f"harbour works.pmo\n{tmp_path / 'Harbour'}",
                                      f"gone.pmo   — missing: not found in its folder\n{tmp_path}"]
    recent = window.welcome.recent
    assert QApplication.focusWidget() is recent and recent.currentRow() == 0  # the newest, ready for Enter

    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # the missing one: not opened, said why
    settle(qtbot)
    assert window.document is None
    assert "no longer there" in window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Delete)  # off the list, and out of the settings
    settle(qtbot)
    assert window.recent_files() == [str(newer), str(older)]
    assert len(_shown_offices(window)) == 2

    next(b for b in window.welcome.findChildren(QPushButton) if b.text() == "Open…").setFocus()
    for _ in range(3):  # New…, Open the demo office, then the list
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is recent
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document.store.url_to_remember == str(older)
    assert window.recent_files() == [str(older), str(newer)]  # newest first again


def test_open_recent_names_each_office_with_its_folder_and_keeps_a_missing_one_shut(main_window, qtbot,
                                                                                    tmp_path: Path, demo_file_copy):
    """File ▸ Open Recent listed bare paths, and a missing file's entry tried to open it, failed and dropped it
    from the list. Each office is its name and folder, numbered for the keyboard; a missing one is marked, not
    opened, and "Remove Missing Offices from List" takes it away."""
    window = main_window
    here = demo_file_copy(tmp_path / "here.pmo")
    window.settings.setValue("recent_files", [str(tmp_path / "moved.pmo"), str(here)])
    window.recent_menu.aboutToShow.emit()
    actions = {a.text(): a for a in window.recent_menu.actions() if a.text()}
    assert list(actions)[:2] == [f"&1 moved.pmo — {tmp_path} (missing)", f"&2 here.pmo — {tmp_path}"]
    assert not actions[f"&1 moved.pmo — {tmp_path} (missing)"].isEnabled()
    actions["Re&move Missing Offices from List"].trigger()
    assert window.recent_files() == [str(here)]
    actions[f"&2 here.pmo — {tmp_path}"].trigger()
    qtbot.waitUntil(lambda: window.document is not None)


def test_today_is_whole_at_the_end_of_a_benefit_chart(qtbot):
    """A benefit whose window is over (or ends this month) has today at the chart's right end: "Today" was written
    to the right of its line and cut at the plot's edge ("To"). It stands left of the line there, whole."""
    from datetime import date

    from pmo_desktop.models.benefit_rollup import BenefitSeries
    from pmo_desktop.views.benefits.realization_chart import RealizationChart

    for today in (date(2027, 12, 20), date(2028, 3, 1)):
        chart = RealizationChart(today=lambda day=today: day)
        qtbot.addWidget(chart)
        chart.resize(600, 400)
        chart.show()
        qtbot.waitExposed(chart)
        chart.show_series(BenefitSeries(1, "B-001", "Faster tills", "Non-financial", "seconds", 0.0, date(2026, 1, 1),
                                        120.0, date(2027, 12, 31), date(2026, 1, 1), date(2027, 12, 31), False,
                                        plan=[(date(2026, 1, 1), 0.0), (date(2027, 12, 31), 120.0)]))
        settle(qtbot)
        plot_area = chart.plot.getPlotItem().getViewBox().sceneBoundingRect()
        label = chart.today_line.label.sceneBoundingRect()
        assert plot_area.left() <= label.left() and label.right() <= plot_area.right(), (today, label, plot_area)


def test_a_benefit_chart_names_its_measure_and_unit_beside_its_numbers(demo_window, qtbot):
    """The benefit chart's y axis was a fixed 112 pixels wide, for five-digit numbers: beside a 0–100 scale its
    unit ("%") stood a thumb's width from the numbers, alone, and read as no unit at all. Chosen by the keyboard
    (Ctrl+5, Down to B-005), the chart's axis says what is measured and in what ("Survey score (%)"), and the
    axis is as wide as its numbers and that label's line."""
    from PySide6.QtGui import QFontMetricsF

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    settle(qtbot)
    view = window.active_register_view()
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Down)
    settle(qtbot, 100)
    chart = window.stack.currentWidget().chart
    assert chart.series is not None and chart.series.code == "B-005"
    axis = chart.plot.getPlotItem().getAxis("left")
    assert axis.labelText in ("Survey score (%)", "%")
    low, high = chart.plot.getPlotItem().getViewBox().viewRange()[1]
    metrics = QFontMetricsF(axis.style["tickFont"])
    widest = max(metrics.horizontalAdvance(text) for spacing, values in axis.tickValues(low, high, axis.height())
                 for text in axis.tickStrings(values, axis.scale, spacing))
    label_line = axis.label.boundingRect().height()
    assert axis.width() - widest <= label_line + 20, (axis.width(), widest, label_line)


def test_stakeholders_not_rated_yet_wait_in_a_list_beside_the_grid_not_on_it(empty_window, qtbot):
    """Not rated yet, a stakeholder was drawn under the grid's interest axis, "Not rated" written among the power
    levels as if a sixth, lowest one. It is on no row of the grid now but in a list of its own (Alt+N reaches it);
    Enter there selects its row in the table, and Ctrl+Up rates it from the middle (power 4, interest 3) onto the
    grid, the keyboard going with it."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentIndex(0)
    for name in ("Finance director", "Works council"):
        type_keys(qtbot, name)
        press(qtbot, Qt.Key.Key_Return)
        settle(qtbot)
    grid = page.grid
    settle(qtbot)
    assert not grid.positions and grid.not_rated_list.isVisible()
    left = grid.plot.getPlotItem().getAxis("left")
    assert all(text != "Not rated" for ticks in left._tickLevels or [] for _y, text in ticks)
    names = grid.not_rated_list.names
    assert [names.item(i).text() for i in range(names.count())] == ["Finance director", "Works council"]

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # the list's title's letter
    assert QApplication.focusWidget() is names
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # its row in the table, to type its ratings
    view = page.register_view
    assert view.model.record(view.proxy.mapToSource(view.table.currentIndex()).row())["name"] == "Works council"

    names.setFocus()
    press(qtbot, Qt.Key.Key_Up, CTRL)
    settle(qtbot)
    (rid,) = grid.positions
    assert grid.point(rid).name == "Works council" and (grid.point(rid).power, grid.point(rid).interest) == (4, 3)
    assert QApplication.focusWidget() is grid.plot and grid.chart_cursor.key == rid
    assert [names.item(i).text() for i in range(names.count())] == ["Finance director"]


def test_the_grid_s_levels_keep_their_words_at_150_percent(demo_window, qtbot):
    """At 150 % on a 1280×720 screen (853×480 of Qt's pixels) the grid's levels are numbers, its cells too narrow
    for "3 Medium": the words were gone from both axes. The interest axis's title says the scale there — "Interest:
    1 very low … 5 very high" — whole within the grid's width."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentIndex(0)
    window.resize(853, 480)
    settle(qtbot, 150)
    grid = page.grid
    bottom = grid.plot.getPlotItem().getAxis("bottom")
    assert "1 very low … 5 very high" in bottom.labelText, bottom.labelText
    grid.plot.grab()
    shown = grid.plot.mapFromScene(bottom.label.sceneBoundingRect()).boundingRect()
    assert 0 <= shown.left() and shown.right() <= grid.plot.width(), (shown, grid.plot.rect())


def test_a_name_dragged_from_the_not_rated_list_onto_the_grid_is_rated_where_dropped(empty_window, qtbot):
    """The mouse's way in, as the band under the grid had it: the name dragged from the list and dropped on a cell
    (power 4, interest 2) is rated there, one undo step; dropped under the grid, it stays unrated."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentIndex(0)
    type_keys(qtbot, "Works council")
    press(qtbot, Qt.Key.Key_Return)
    settle(qtbot)
    grid = page.grid
    names = grid.not_rated_list.names
    viewport = grid.plot.viewport()

    def drop_at(power: float, interest: float) -> None:
        data = names.mimeData([names.item(0)])
        at = QPointF(grid.plot.mapFromScene(grid.view_to_scene(interest, power)))
        buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QApplication.sendEvent(viewport, QDragEnterEvent(at.toPoint(), Qt.DropAction.MoveAction, data, buttons, keys))
        QApplication.sendEvent(viewport, QDropEvent(at, Qt.DropAction.MoveAction, data, buttons, keys, QEvent.Type.Drop))
        settle(qtbot)

    drop_at(0.1, 2.0)  # under the grid: nothing
    assert not grid.positions and names.count() == 1
    drop_at(4.1, 1.9)
    (rid,) = grid.positions
    assert (grid.point(rid).power, grid.point(rid).interest) == (4, 2) and not grid.not_rated_list.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # one undo step: not rated again, back in the list
    settle(qtbot)
    assert not grid.positions and names.count() == 1
