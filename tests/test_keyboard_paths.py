"""Every control of the Risks page can be reached from the keyboard alone: Tab through forms, Ctrl+Tab
out of tables (where Tab moves between cells, as in Excel)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication


def walk_focus(qtbot, start, steps=80) -> list:
    """Press Tab (Ctrl+Tab inside a table) from ``start``; every widget the focus visits, in order."""
    start.setFocus()
    seen = [start]
    for _ in range(steps):
        widget = QApplication.focusWidget()
        in_table = isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation()
        qtbot.keyClick(widget, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier if in_table
                       else Qt.KeyboardModifier.NoModifier)
        seen.append(QApplication.focusWidget())
    return seen


def test_the_risk_page_is_reachable_without_a_mouse(main_window, qtbot):
    main_window.open_demo()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.show_page(3)
    page = main_window.pages[3]
    view = page.register_view
    first_project_risk = next(r for r in range(view.model.rowCount()) if view.model.record(r)["level"] == "Project")
    view.select_record(view.model.record_id(first_project_risk))
    assert page.escalate_button.isEnabled()
    seen = walk_focus(qtbot, view.table)
    for name, widget in [("escalate", page.escalate_button), ("scale", page.scale_button),
                         ("actions table", page.detail.actions_view.table), ("cause", page.detail.editors["cause"]),
                         ("new-row line", view.new_line), *(("filter " + k, c) for k, c in page.filters.combos.items())]:
        assert widget in seen, f"{name} cannot be reached with Tab / Ctrl+Tab"


def test_heat_map_cells_are_chosen_with_arrows_and_enter(main_window, qtbot):
    main_window.open_demo()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.show_page(3)
    page = main_window.pages[3]
    page.tabs.setCurrentWidget(page.heat_map)
    heat = page.heat_map
    heat.plot.setFocus()
    assert heat.cell_cursor is not None and heat.chart_cursor.marks
    start = heat.cell_cursor
    fullest = max(heat.cells.values(), key=lambda c: c.count)
    assert start == (fullest.probability, fullest.impact)
    qtbot.keyClick(heat.plot, Qt.Key.Key_Left)
    assert heat.cell_cursor == (start[0], max(1, start[1] - 1))
    qtbot.keyClick(heat.plot, Qt.Key.Key_Right)
    qtbot.keyClick(heat.plot, Qt.Key.Key_Return)
    assert page.tabs.currentWidget() is page.register_tab  # the register, filtered to that cell
    assert page.register_view.proxy.rowCount() == fullest.count


def test_the_risk_detail_shows_owner_status_and_scores(main_window, qtbot):
    main_window.open_demo()
    main_window.show_page(3)
    page = main_window.pages[3]
    view = page.register_view
    risk = view.model.record(0)
    view.select_record(risk["id"])
    text = page.detail.summary.text()
    assert risk["owner"] in text and risk["status"] in text
    assert f"{risk['inherent_score']} {risk['inherent_rating']}" in text
    view.table.setCurrentIndex(view.proxy.index(-1, -1))
    page.detail.show_risk(None)
    assert page.detail.summary.text() == ""
