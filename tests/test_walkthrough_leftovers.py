"""Leftovers of the last GUI walkthrough, each driven with real key presses on the demo office at 1280×720:
an edited row a value filter no longer passes stays in view with a hint; a record put back by undo or redo
goes to its sorted place; the action log and due-this-week lists follow the zoom; status periods read
"Nov 2026" (typed any usual way); Space ticks a value in the column filter menu; the ✱ line and the
frozen title line up at the far right."""

import re

import pytest
from file_dialogs import answer_file_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.zoom import zoom

SR = REGISTERS["status_reports"]


@pytest.fixture(autouse=True)
def _zoom_back_to_100():
    yield
    zoom().reset()


def stored(window, reg, rid):
    with window.document.store.session() as s:
        return records.record_values(s, reg, rid)


def type_into(qtbot, table, index, text):
    """Select a cell, type over it as a user does and press Enter."""
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, text[0])  # the first key opens the cell's editor, which takes the others
    qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


# ------------------------------------------------------------------------------------ status periods
def test_status_periods_read_as_months_and_are_typed_any_usual_way(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    view = page.view_for("status_reports")
    column = SR.field_names.index("period")
    shown = {view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())}
    assert shown == {"Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"}
    # the value filter lists them as shown, in date order
    assert view.distinct_values(column) == ["Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"]

    with window.document.store.session() as s:
        rid = records.find_id_by_code(s, SR, "SR-017")
    for typed, label, text in (("2026-07", "2026-07", "Jul 2026"), ("june 2026", "2026-06", "Jun 2026"),
                               ("q3 2026", "2026-Q3", "Q3 2026"), ("05/2026", "2026-05", "May 2026"),
                               ("Week 46 2026", "2026-W46", "W46 2026"), ("Nov 2026", "2026-11", "Nov 2026")):
        index = view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), column))
        type_into(qtbot, view.table, index, typed)
        qtbot.waitUntil(lambda label=label: stored(window, SR, rid)["period"] == label)
        assert view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), column)).data() == text
    errors = []
    window.document.error.connect(errors.append)
    index = view.proxy.mapFromSource(view.model.index(view.model.row_of(rid), column))
    type_into(qtbot, view.table, index, "sometime")
    qtbot.waitUntil(lambda: bool(errors))
    assert "is not a month" in errors[0] and stored(window, SR, rid)["period"] == "2026-11"  # refused, said

    # the report form and the dashboard read it the same way
    form = page.form
    form.project_combo.setCurrentText("Inventory management")
    assert [form.period_combo.itemText(i) for i in range(form.period_combo.count())] == \
        ["Nov 2026", "Oct 2026", "Sep 2026", "Aug 2026"]
    assert "Compared with Oct 2026" in form.info.text()


# ------------------------------------------------------------------------------------ an edited row stays
RISKS = REGISTERS["risks"]


def open_header_menu(qtbot, view):
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    menu = view.header_menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def go_to_item(qtbot, menu, text):
    """Down the menu with the arrow key to the item of that text."""
    for _ in range(len(menu.actions()) + 2):
        if menu.activeAction() is not None and menu.activeAction().text() == text:
            return menu.activeAction()
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    raise AssertionError(f"no item {text!r} in {[a.text() for a in menu.actions()]}")


def back_to(qtbot, window, widget):
    """The keyboard back in the window after a menu: the offscreen platform leaves a closed menu the
    active window, where a desktop gives the activation back to the window the menu came from."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    assert QApplication.focusWidget() is widget


@pytest.fixture(params=["in memory", "windowed"])
def table_kind(request, monkeypatch):
    """The risks table as a small register has it (rows in memory) and as one of 50,000+ records has it
    (windowed: ids in memory, rows read in pages, sorted and filtered in the database): the same to the user."""
    if request.param == "windowed":
        from pmo_desktop.views.register_table import windowed

        monkeypatch.setattr(windowed, "WINDOWED_FROM", 1)
        monkeypatch.setattr(windowed, "PAGE", 4)  # several pages even for a few rows
        monkeypatch.setattr(windowed, "CACHE_PAGES", 2)
        monkeypatch.setattr(windowed, "SEARCH_PAUSE_MS", 0)
    return request.param


def risks_view(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    return page.register_view


def test_a_row_edited_out_of_the_filter_stays_in_view_with_a_hint_until_reapplied(demo_window, qtbot, table_kind):
    window = demo_window
    view = risks_view(qtbot, window)
    status = RISKS.field_names.index("status")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, status))
    statuses = {view.proxy.index(r, status).data() for r in range(view.proxy.rowCount())}
    assert "Open" in statuses and len(statuses) > 1
    # Only the open risks: every other status unticked in the column's menu (Space unticks, Esc closes it; Enter
    # on a ticked item closes it as Excel's OK does, leaving it ticked — walkthrough 33).
    for other in sorted(statuses - {"Open"}):
        menu = open_header_menu(qtbot, view)
        go_to_item(qtbot, menu, other)
        qtbot.keyClick(menu, Qt.Key.Key_Space)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda menu=menu: not menu.isVisible())
    shown = view.proxy.rowCount()
    assert {view.proxy.index(r, status).data() for r in range(shown)} == {"Open"}

    # The second open risk closed, typed: it stays where it is, marked, and the bar says why.
    index = view.proxy.index(1, status)
    rid = view.model.record_id(view.proxy.mapToSource(index).row())
    view.table.setCurrentIndex(index)
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    qtbot.keyClicks(combo, "Closed")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window, RISKS, rid)["status"] == "Closed")
    assert view.proxy.rowCount() == shown
    assert view.proxy.index(1, status).data() == "Closed"  # still there, showing what was typed
    assert view.proxy.index(1, status).data(Qt.ItemDataRole.FontRole).italic()
    assert "no longer matches" in view.proxy.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "✎" in view.proxy.headerData(1, Qt.Orientation.Vertical)
    assert view.reapply_button.isVisible() and "1 edited row no longer matches" in view.reapply_button.text()
    assert not view.proxy.index(0, status).data(Qt.ItemDataRole.FontRole)  # the others are as they were

    # Sorted Z to A by title from the keyboard: the edited row stays, marked, at its place in the new order.
    back_to(qtbot, window, view.table)
    view.table.setCurrentIndex(view.proxy.index(0, RISKS.field_names.index("title")))
    menu = open_header_menu(qtbot, view)
    go_to_item(qtbot, menu, "Sort Z to A")
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    back_to(qtbot, window, view.table)
    assert view.proxy.rowCount() == shown
    titles = shown_titles(view)
    assert titles == sorted(titles, key=str.lower, reverse=True)
    row = next(r for r in range(shown) if view.model.record_id(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) == rid)
    assert view.proxy.index(row, status).data(Qt.ItemDataRole.FontRole).italic() and "✎" in view.proxy.headerData(row, Qt.Orientation.Vertical)

    # Reapply (Ctrl+Alt+L, as Excel's): the closed risk goes, and so does the hint.
    back_to(qtbot, window, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert view.proxy.rowCount() == shown - 1 and not view.reapply_button.isVisible()
    assert rid not in {view.model.record_id(view.proxy.mapToSource(view.proxy.index(r, 0)).row())
                       for r in range(view.proxy.rowCount())}


# ------------------------------------------------------------------------------------ undo / redo in a sorted table
def shown_titles(view) -> list[str]:
    title = RISKS.field_names.index("title")
    return [view.proxy.index(r, title).data() for r in range(view.proxy.rowCount())]


def test_a_record_put_back_by_undo_or_redo_is_in_its_sorted_place(demo_window, qtbot, table_kind):
    from pmo_desktop.models.delete_impact import delete_impact

    window = demo_window
    view = risks_view(qtbot, window)
    title = RISKS.field_names.index("title")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, title))
    menu = open_header_menu(qtbot, view)
    go_to_item(qtbot, menu, "Sort Z to A")
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    back_to(qtbot, window, view.table)
    sorted_titles = shown_titles(view)
    assert sorted_titles == sorted(sorted_titles, key=str.lower, reverse=True)

    # A risk in the middle that nothing refers to, deleted with Shift+Del, back with Ctrl+Z, gone with
    # Ctrl+Shift+Z and back again: each time in its place.
    row = next(r for r in range(2, view.proxy.rowCount())
               if not window.document.office.read(delete_impact, RISKS, [view.model.record_id(
                   view.proxy.mapToSource(view.proxy.index(r, 0)).row())]).needs_asking)
    gone = sorted_titles[row]
    view.table.setCurrentIndex(view.proxy.index(row, title))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert gone not in shown_titles(view)
    undo, redo = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.table, Qt.Key.Key_Z, undo)
    assert shown_titles(view) == sorted_titles
    qtbot.keyClick(view.table, Qt.Key.Key_Z, redo)
    assert gone not in shown_titles(view)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, undo)
    assert shown_titles(view) == sorted_titles

    # A risk typed in the ✱ line goes to its sorted place; undone, then redone: there again.
    view.focus_new_line(title)
    line = view.new_line
    qtbot.keyClick(line, "M")
    qtbot.keyClicks(QApplication.focusWidget(), "iddle of the alphabet")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(shown_titles(view)) == len(sorted_titles) + 1)
    with_new = sorted(sorted_titles + ["Middle of the alphabet"], key=str.lower, reverse=True)
    assert shown_titles(view) == with_new
    back_to(qtbot, window, view.table)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, undo)
    assert shown_titles(view) == sorted_titles
    qtbot.keyClick(view.table, Qt.Key.Key_Z, redo)
    assert shown_titles(view) == with_new
    current = view.table.currentIndex()
    assert current.isValid()


# ------------------------------------------------------------------------------------ Space in the filter menu
def test_space_ticks_and_unticks_values_in_the_column_menu_which_stays_open(demo_window, qtbot):
    window = demo_window
    view = risks_view(qtbot, window)
    status = RISKS.field_names.index("status")
    total = view.proxy.rowCount()
    statuses = sorted({view.proxy.index(r, status).data() for r in range(total)})
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, status))
    menu = open_header_menu(qtbot, view)
    other = next(text for text in statuses if text != "Open")
    first = go_to_item(qtbot, menu, "Open")
    qtbot.keyClick(menu, Qt.Key.Key_Space)  # unticked: the open risks go, the menu stays for the next
    assert menu.isVisible() and not first.isChecked()
    assert "Open" not in {view.proxy.index(r, status).data() for r in range(view.proxy.rowCount())}
    assert view.proxy.rowCount() < total
    show_all = next(a for a in menu.actions() if a.text() == "Show all")
    assert show_all.isEnabled()
    qtbot.keyClick(menu, Qt.Key.Key_Space)  # ticked again
    assert menu.isVisible() and first.isChecked() and view.proxy.rowCount() == total
    assert not show_all.isEnabled()
    second = go_to_item(qtbot, menu, other)
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    qtbot.keyClick(menu, Qt.Key.Key_Down)  # on to the next, still open
    assert menu.isVisible() and not second.isChecked()
    assert other not in {view.proxy.index(r, status).data() for r in range(view.proxy.rowCount())}
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert view.proxy.column_filter(status) is not None  # what was ticked stays


# ------------------------------------------------------------------------------------ lists follow the zoom
def test_the_action_log_and_due_this_week_follow_the_zoom_like_the_tables(demo_window, qtbot):
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    raid = window.stack.currentWidget()
    raid.tabs.setCurrentWidget(raid.action_log)
    log = raid.action_log.tree
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    stakeholders = window.stack.currentWidget()
    stakeholders.tabs.setCurrentWidget(stakeholders.comms)
    due = stakeholders.comms.due_list
    table = stakeholders.comms.view.table
    assert log.topLevelItemCount() > 0 and due.topLevelItemCount() > 0
    for widget in (log, due):
        assert widget.font().pointSizeF() == table.font().pointSizeF()
    row = due.visualItemRect(due.topLevelItem(0)).height()
    width = due.columnWidth(0)

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl++ adds a row (walk61b)
    assert zoom().percent == 125
    for widget in (log, due):
        assert widget.font().pointSizeF() == pytest.approx(table.font().pointSizeF())
        assert widget.header().font().pointSizeF() == pytest.approx(table.font().pointSizeF())
    assert due.visualItemRect(due.topLevelItem(0)).height() > row
    assert due.columnWidth(0) > width  # "Thu 3 Dec 2026" still whole
    qtbot.keyClick(table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert log.font().pointSizeF() == table.font().pointSizeF()


# ------------------------------------------------------------------------------------ the ✱ line and the frozen title
def test_the_new_row_line_and_a_narrowed_frozen_title_line_up_however_far_the_table_scrolls(demo_window, qtbot):
    from PySide6.QtCore import QPoint

    window = demo_window
    view = risks_view(qtbot, window)
    table, line = view.table, view.new_line
    assert table.verticalScrollBar().isVisible()  # the case that was off: the table has a scroll bar, the line none

    def x_in_view(widget, column):
        return widget.viewport().mapTo(view, QPoint(widget.columnViewportPosition(column), 0)).x()

    shown = view._visible_columns()
    table.setFocus()
    table.setCurrentIndex(view.proxy.index(0, shown[2]))
    qtbot.keyClick(table, Qt.Key.Key_End)  # to the last column, as a user goes there
    bar = table.horizontalScrollBar()
    for value in (bar.value(), bar.maximum()):  # and the scroll bar dragged to its end
        bar.setValue(value)
        qtbot.wait(10)
        assert bar.value() == value  # the table scrolls to its very end
        assert line.horizontalScrollBar().value() == value
        assert line.viewport().width() == table.viewport().width()
        for column in shown[-4:]:
            assert x_in_view(line, column) == x_in_view(table, column)
        for frozen in (view.frozen, line.frozen):  # the frozen ID and title over both, one above the other
            assert frozen.isVisible()
        assert view.frozen.mapTo(view, QPoint(0, 0)).x() == line.frozen.mapTo(view, QPoint(0, 0)).x()
        assert view.frozen.width() == line.frozen.width()

    # A title widened past half the table is narrowed in the frozen block; scrolled a little, the rest of
    # the table's own title column is never left showing beside it as a blank strip.
    title = RISKS.field_names.index("title")
    table.horizontalHeader().resizeSection(title, table.viewport().width())
    for value in (1, 40, table.viewport().width() // 3, bar.maximum()):
        bar.setValue(value)
        qtbot.wait(10)
        frozen = view.frozen
        title_end = table.viewport().mapTo(view, QPoint(table.columnViewportPosition(title) + table.columnWidth(title), 0)).x()
        frozen_end = frozen.mapTo(view, QPoint(frozen.viewport().width(), 0)).x()
        assert frozen.isVisible() and frozen_end >= title_end, value
        assert frozen.columnWidth(title) <= table.columnWidth(title)
        line_frozen = line.frozen
        assert line_frozen.mapTo(view, QPoint(line_frozen.viewport().width(), 0)).x() == frozen_end
    assert frozen.frozen_width() <= table.viewport().width() // 2 + 1  # at the far right: narrowed to half
    assert frozen.columnWidth(title) < table.columnWidth(title)


def test_on_a_projector_the_action_log_keeps_room_for_the_action(demo_window, qtbot):
    from pmo_desktop.views.raid.actions import COLUMNS

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    raid = window.stack.currentWidget()
    raid.tabs.setCurrentWidget(raid.action_log)
    log = raid.action_log.tree
    for _ in range(3):
        qtbot.keyClick(log, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 150
    qtbot.wait(10)
    action = log.columnWidth(COLUMNS.index("Action"))
    assert action >= log.columnWidth(COLUMNS.index("Source"))  # the action, not where it comes from, gets the room
    assert action >= 12 * log.fontMetrics().averageCharWidth()
    assert not log.horizontalScrollBar().isVisible()  # every column in view, none off the right edge
    cut = log.topLevelItem(0)
    assert cut.toolTip(COLUMNS.index("Source")) == cut.text(COLUMNS.index("Source"))  # a cut text whole on hover


# ------------------------------------------------------------------------------------ walkthrough: benefits plan
BENEFITS = REGISTERS["benefits"]


def test_tab_moves_through_a_benefits_profile_as_a_form_and_never_types_into_it(demo_window, qtbot):
    """Keyboard only: Tab from the ✱ line into the description, a few words typed, Tab on — the description saved
    as typed, no tab character put in it (Tab used to stay in the box, typing tabs that were saved when the box
    was left). At 1280×720 the profile's parts are in tabs (walkthrough 29): Tab reaches their tab bar, Right
    twice the Description."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    view = page.register_view
    assert QApplication.focusWidget() is view.table
    view.table.setCurrentIndex(view.proxy.index(0, 1))
    rid = view.current_record_id()
    before = stored(window, BENEFITS, rid)["description"] or ""
    qtbot.keyClick(view.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # out of the table
    assert QApplication.focusWidget() is view.new_line
    qtbot.keyClick(view.new_line, Qt.Key.Key_Tab)
    assert page.profile.in_tabs and QApplication.focusWidget() is page.profile.tabs.tabBar()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    description = page.profile.description
    assert QApplication.focusWidget() is description
    qtbot.keyClick(description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(description, " More.")
    qtbot.keyClick(description, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not description
    qtbot.waitUntil(lambda: (stored(window, BENEFITS, rid)["description"] or "") == (before + " More.").strip())
    assert "\t" not in stored(window, BENEFITS, rid)["description"]
    assert "\t" not in (stored(window, BENEFITS, rid)["measurement_method"] or "")


def test_the_roll_up_chart_title_is_whole_once_its_tab_is_shown(demo_window, qtbot):
    """The chart is made before its tab has a width: its title was cut to "Finan…" for good."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    chart = page.rollup
    page.tabs.setCurrentWidget(chart)
    qtbot.waitUntil(lambda: chart.plot.width() > 600)
    qtbot.wait(10)
    assert chart.plot.getPlotItem().titleLabel.text == "Financial benefits: planned vs realized"


# ------------------------------------------------------------------------------------ walkthrough: board pack
def test_the_board_pack_is_offered_in_documents_then_where_the_last_one_went(demo_window, qtbot, tmp_path):
    """Keyboard only: Ctrl+Shift+E, a name typed, Enter. The first time the dialog offers the user's
    Documents (or home) folder — not the folder the app happened to be started from; the next time the
    folder the last pack went to."""
    import os

    from PySide6.QtCore import QStandardPaths

    window = demo_window
    first = tmp_path / "packs" / "December board.pdf"
    first.parent.mkdir()
    first_answer = answer_file_dialog(qtbot, str(first))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(first.exists, timeout=30_000)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = documents if os.path.isdir(documents) else os.path.expanduser("~")
    offered = first_answer.offered[0]
    assert os.path.dirname(offered) == os.path.realpath(expected) != os.getcwd()
    assert os.path.basename(offered) == "demo board pack.pdf"
    assert "Board pack written" in window.statusBar().currentMessage()

    window.activateWindow()  # the offscreen platform leaves the closed progress dialog active
    qtbot.waitUntil(window.isActiveWindow)
    second_answer = answer_file_dialog(qtbot, "January board")  # a name alone: in the folder offered, as a PDF
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil((first.parent / "January board.pdf").exists, timeout=30_000)
    assert os.path.dirname(second_answer.offered[0]) == str(first.parent)


def test_a_large_tables_period_filter_and_sort_in_the_database_read_periods_as_shown(sqlite_demo_store):
    """A windowed table filters in SQL by the texts its menu shows ("Nov 2026"): the stored label is
    looked for ("2026-11")."""
    from pmo_desktop.models import windows

    with sqlite_demo_store.session() as s:
        ctx = records.load_context(s)
        ids = windows.fetch_ids(s, SR, windows.Window(column_filters={"period": frozenset({"Nov 2026", "Aug 2026"})}), ctx)
        periods = {records.record_values(s, SR, rid)["period"] for rid in ids}
        ordered = windows.fetch_ids(s, SR, windows.Window(sort_field="period", descending=True), ctx)
        first = records.record_values(s, SR, ordered[0])["period"]
    assert periods == {"2026-11", "2026-08"} and len(ids) == 9  # five projects in Nov, four in Aug
    assert first == "2026-11"


# ------------------------------------------------------------------------------------ the drop-downs say it
def test_a_status_filter_ticked_in_the_header_menu_shows_in_the_status_drop_down(demo_window, qtbot):
    """Unticking values of the Status column's header menu filters the table; the Status drop-down above it
    says so ("Open", or "2 chosen") instead of "All", the heat map counts the same risks, and Clear filters
    brings the drop-down back to All."""
    window = demo_window
    view = risks_view(qtbot, window)
    page = window.stack.currentWidget()
    combo = page.filters.combos["statuses"]
    status = RISKS.field_names.index("status")
    statuses = sorted({view.proxy.index(r, status).data() for r in range(view.proxy.rowCount())})
    assert len(statuses) >= 3 and combo.currentText() == "All"
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, status))
    menu = open_header_menu(qtbot, view)
    for text in statuses[1:]:  # leave only the first status ticked
        go_to_item(qtbot, menu, text)
        qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert combo.currentText() == statuses[0]
    assert page.heat_map.filter.statuses == frozenset({statuses[0]})
    go_to_item(qtbot, menu, statuses[1])
    qtbot.keyClick(menu, Qt.Key.Key_Space)  # two ticked
    assert combo.currentText() == "2 chosen"
    assert page.heat_map.filter.statuses == frozenset(statuses[:2])
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    shown = view.proxy.rowCount()
    combo.setCurrentIndex(combo.findText("2 chosen"))  # chosen again from the drop-down: the same filter
    assert view.proxy.rowCount() == shown
    qtbot.mouseClick(view.clear_filters_button, Qt.MouseButton.LeftButton)
    assert combo.currentText() == "All" and page.heat_map.filter.statuses is None
    assert combo.findText("2 chosen") < 0


def test_long_texts_of_a_risk_and_a_status_report_follow_the_zoom_like_the_tables(demo_window, qtbot):
    """Ctrl++ on a projector enlarges what is written in a risk's cause, event, effect … and a status
    report's commentary and asks, as it does the tables."""
    window = demo_window
    view = risks_view(qtbot, window)
    detail = window.stack.currentWidget().detail
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    form = window.stack.currentWidget().form
    editors = list(detail.editors.values()) + list(form.editors.values())
    assert len(editors) >= 6
    table = view.table
    table.setFocus()
    for _ in range(2):  # Ctrl+=: Ctrl++ in a table is Excel's Insert Row (walk61b)
        qtbot.keyClick(table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 125
    for editor in editors:
        assert editor.font().pointSizeF() == pytest.approx(table.font().pointSizeF()), editor.accessibleName()


# ------------------------------------------------------------------------------------ walkthrough 9
def test_on_a_projector_the_action_logs_due_column_is_as_wide_as_a_date(demo_window, qtbot):
    """At 150 % the Due column held "3 Nov 2026  (30 d overdue)": the widest column, the action cut to
    two words. The date alone in Due, the days overdue in a column of their own."""
    from pmo_desktop.views.raid.actions import COLUMNS

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    raid = window.stack.currentWidget()
    raid.tabs.setCurrentWidget(raid.action_log)
    log = raid.action_log.tree
    log.setFocus()
    for _ in range(3):
        qtbot.keyClick(log, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 150
    qtbot.wait(10)
    due = COLUMNS.index("Due")
    widest_date = log.fontMetrics().horizontalAdvance("30 Nov 2026")
    assert log.columnWidth(due) <= widest_date + 4 * log.fontMetrics().averageCharWidth()
    assert log.columnWidth(COLUMNS.index("Action")) >= 1.5 * log.columnWidth(due)  # the action has the room
    assert not log.horizontalScrollBar().isVisible()
    late = COLUMNS.index("Overdue")
    overdue = next(log.topLevelItem(r) for r in range(log.topLevelItemCount()) if log.topLevelItem(r).text(late))
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", overdue.text(due))  # "3 Nov 2026", nothing after it
    assert re.fullmatch(r"\d+ days?", overdue.text(late))  # "30 days": still said, in its own column
    assert f"{overdue.text(late)} overdue" in overdue.toolTip(due)


def test_at_150_percent_every_page_fits_a_1280_pixel_screen(demo_window, qtbot):
    """Bold at 150 %, the communication plan's "This week: Mon 30 Nov – Sun 6 Dec 2026 · 3 due" was one
    line wider than its room: the window grew to 1,300 pixels, its right edge off a 1,280-pixel projector,
    on that page and every page after it."""
    window = demo_window
    window.nav.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.nav, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 150
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7,
                Qt.Key.Key_8):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        page = window.stack.currentWidget()
        tabs = getattr(page, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            qtbot.wait(5)
            where = (window.nav.currentItem().text(), tabs.tabText(tab) if tabs is not None else "")
            assert window.minimumSizeHint().width() <= 1280, where
            assert window.width() == 1280, where
    comms = window.page("Stakeholders").comms
    label = comms.week_label
    assert "This week" in label.text()
    assert label.minimumSizeHint().width() < 0.4 * 1280  # it wraps: it never sets the window's width
