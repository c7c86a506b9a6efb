"""Walkthrough 24: a newcomer's first hour on a fresh office at 1280×720, by the keyboard alone — what they
tripped on, each fixed, by real key presses on the real window."""

from focused_keys import press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_walkthrough20 import typed_along

CTRL = Qt.KeyboardModifier.ControlModifier


def visible_notes(window) -> list[str]:
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    return [note.text() for note in window.findChildren(RefusalNote) if note.isVisible()]


def test_a_key_typed_on_a_worked_out_cell_of_the_new_record_line_says_why_and_stays(empty_window, qtbot):
    """Down from the last risk's Inherent score lands on the ✱ line's score; "7" typed there (meant for the
    probability) said nothing and moved the keyboard to the line's title, where the next keys went — the "7"
    lost, a title begun the user never meant. A saved row's score keeps the keyboard and says why beside the
    cell; the line's does the same, and nothing is typed anywhere."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier late"])
    view = window.active_register_view()
    score = view.model.column_of("inherent_score")
    press(qtbot, Qt.Key.Key_Up)
    view.table.setCurrentIndex(view.proxy.index(0, score))
    press(qtbot, Qt.Key.Key_Down)
    line = view.new_line
    assert QApplication.focusWidget() is line and line.currentIndex().column() == score
    type_keys(qtbot, "7")
    assert QApplication.focusWidget() is line and line.currentIndex().column() == score
    assert line.state() != line.State.EditingState
    said = window.statusBar().currentMessage()
    assert said.startswith("Inherent score: ") and "cannot be edited" in said
    assert any(note.startswith("Inherent score: ") for note in visible_notes(window)), visible_notes(window)
    assert view.new_row_model.pending == {}
    press(qtbot, Qt.Key.Key_Left)  # on along the line to a column that takes it: the impact
    type_keys(qtbot, "4")
    assert QApplication.focusWidget() is not line  # its editor opened


def test_hiding_the_column_the_keyboard_is_in_moves_the_keyboard_to_the_next_shown(empty_window, qtbot):
    """Ctrl+Shift+L on a risk's Owner, Up to "Hide “Owner”" and Enter: the column went, but the keyboard stayed
    on its hidden cell — "Tom" typed next (meant for the column now beside it) went into the Owner no one could
    see, stored at Enter with nothing on screen to say so, and Enter moved sideways. The keyboard goes to the
    next column shown, on the same row, where what is typed is seen."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMenu

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_6, ["Helen Brooks", "Tom Okafor"])
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier late", "Permit refused"])
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_Up)
    owner = view.model.column_of("owner")
    view.table.setCurrentIndex(view.proxy.index(0, owner))
    view.new_line.setCurrentIndex(view.new_row_model.index(0, owner))
    press(qtbot, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    menu = next(m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible())
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Up)  # from Sort A to Z round to the last: Hide “Owner”
    assert menu.activeAction().text() == "Hide “Owner”"
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.isColumnHidden(owner))
    header = view.table.horizontalHeader()
    beside = header.logicalIndex(header.visualIndex(owner) + 1)
    assert QApplication.focusWidget() is view.table
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == (0, beside)
    assert view.new_line.currentIndex().column() == beside
    type_keys(qtbot, "Tom")
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(0)["owner"] in (None, "")


def test_ctrl_pgdown_to_the_action_log_puts_the_keyboard_on_its_lines(empty_window, qtbot):
    """RAID, Ctrl+PgDown along its tabs as along Excel's sheets: on Assumptions, Dependencies and Decisions the
    keyboard went into the table, but on the Action log it stayed on the tab bar — Down did nothing and the
    lines took more Tabs to reach. It goes to the log's first line, as into a register's table."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_7, ["Berth 4 stays free", "Crane rails are level"])
    for _ in range(3):
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    from pmo_desktop.views.raid.actions import ActionLog

    log = next(w for w in window.findChildren(ActionLog) if w.isVisible())
    assert QApplication.focusWidget() is log.tree
    assert log.tree.currentItem() is not None and "Berth 4 stays free" in log.tree.currentItem().text(2)
    press(qtbot, Qt.Key.Key_Down)
    assert "Crane rails are level" in log.tree.currentItem().text(2)


def test_shift_f10_opens_the_tables_menu_beside_the_cell_the_keyboard_is_on(empty_window, qtbot):
    """Shift+F10, the context menu's key where there is no Menu key (most laptops), did nothing on a register's
    table: the way to sort and filter from the keyboard was Ctrl+Shift+L alone, which a newcomer does not know.
    It opens the table's menu — Sort, Filter and Columns… among its commands, each with its shortcut — under
    the cell the keyboard is on, and Esc closes it with the keyboard back on that cell."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QMenu

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier late", "Permit refused"])
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_Up)
    cell = view.proxy.index(0, view.model.column_of("level"))
    view.table.setCurrentIndex(cell)
    seen: dict = {}

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen["texts"] = [a.text() for a in menu.actions()]
            seen["at"] = menu.geometry().topLeft()
            menu.close()

    QTimer.singleShot(200, look)
    press(qtbot, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "texts" in seen)
    assert "Sort, Filter and Columns…" in seen["texts"]
    rect = view.table.visualRect(cell)
    under = view.table.viewport().mapToGlobal(rect.bottomLeft())
    # under the cell (moved left only as far as the screen's edge makes it)
    assert abs(seen["at"].y() - under.y()) <= 2 and seen["at"].x() <= under.x() + 2, (seen["at"], under)
    assert QApplication.focusWidget() is view.table and view.table.currentIndex() == cell
    assert isinstance(seen["at"], QPoint)


def test_a_plan_typed_row_after_row_along_the_new_record_line_starts_each_row_at_its_date(empty_window, qtbot):
    """A benefit's planned trajectory typed as in Excel — a date, Tab, its value, Enter — for two rows: the
    first was added, but the keyboard stayed under its value, so the second date went into the Planned value
    column ("1/1/28" is not a number) and the row was never made. Enter after a run of Tabs along the ✱ line
    starts the next row where the run began, as it does in the table and in Excel."""
    from datetime import date

    from pmo_desktop.views.register_table.register_view import RegisterView

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_5, ["Faster turnaround"])
    profile = window.stack.currentWidget().profile
    profile.show_part(profile.plan_view)  # its tab, the profile in tabs at 1280×720
    plan = next(v for v in window.findChildren(RegisterView) if v.register.name == "benefit_plan" and v.isVisible())
    plan.table.setFocus()
    for when, value in (("1/7/2027", "26"), ("1/1/2028", "20")):
        type_keys(qtbot, when)
        press(qtbot, Qt.Key.Key_Tab)
        type_keys(qtbot, value)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is plan.new_line)
    rows = sorted((plan.model.record(r)["on"], plan.model.record(r)["value"]) for r in range(plan.model.rowCount()))
    assert rows == [(date(2027, 7, 1), 26.0), (date(2028, 1, 1), 20.0)]
    assert plan.new_line.currentIndex().column() == plan.model.column_of("on")


def test_a_benefits_chart_drawn_from_baseline_and_target_says_so_whole_at_1280x720(empty_window, qtbot):
    """A benefit given its baseline and target (dates too) by keyboard, no trajectory yet: the chart draws the plan
    from one to the other and its title said "B-001: no trajectory yet, plan drawn…" at 1280×720 — cut before
    the words saying what the line is. A shorter wording is shown whole where the long one does not fit."""
    from datetime import date

    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS

    window = empty_window
    with window.document.store.transaction() as s:
        records.create_record(s, REGISTERS["benefits"], {
            "title": "Faster turnaround", "measure": "Hours per ship", "unit": "h", "baseline_value": 30,
            "baseline_date": date(2027, 1, 1), "target_value": 20, "target_date": date(2028, 1, 1)})
    press(qtbot, Qt.Key.Key_5, CTRL)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.register_view.proxy.rowCount() == 1)
    page.register_view.table.setFocus()
    press(qtbot, Qt.Key.Key_Home, CTRL)
    qtbot.waitUntil(lambda: page.chart.series is not None)
    qtbot.wait(50)
    shown = page.chart.plot.getPlotItem().titleLabel.text
    assert "…" not in shown and "baseline → target" in shown, shown


def test_a_date_refused_as_before_another_names_both_dates_as_read(empty_window, qtbot):
    """"4" typed in a risk's Proximity (meant as the 4th) is read as an Excel day number, in January 1900, and
    "3 Apr" in December as this year's: each was refused with "Proximity cannot be before the date the risk was
    raised.", the rule but not the date read, so the newcomer could not see why. The note beside the cell names
    both dates and what to do."""
    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_4, ["Crane supplier late"])
    view = window.active_register_view()
    press(qtbot, Qt.Key.Key_Up)
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("raised_on")))
    type_keys(qtbot, "2026-06-01")  # a day already come: a raised date after today is refused (walkthrough 30)
    press(qtbot, Qt.Key.Key_Tab)  # on to Proximity
    type_keys(qtbot, "31 May 2026")
    press(qtbot, Qt.Key.Key_Return)  # (walk58b: Tab leaves a refused cell as it was and goes on; Enter holds it)
    notes = visible_notes(window)
    assert any("31 May 2026 is before 1 Jun 2026" in note and "Type a later date" in note for note in notes), notes
    assert view.model.record(0)["proximity"] is None
    press(qtbot, Qt.Key.Key_Escape)


def test_a_stakeholder_is_placed_on_the_grid_by_ctrl_and_the_arrows(empty_window, qtbot):
    """The power/interest grid re-rated a stakeholder by a drag only: the keyboard could reach a stakeholder
    (Tab, the arrows) but not move it — a newcomer without the mouse had to find the Power and Interest cells
    of the table. Ctrl+arrows move the one the keyboard is on a level at a time (one undo step each), the
    cursor's caption following it."""
    from test_chart_keyboard import tab_into

    window = empty_window
    typed_along(qtbot, window, Qt.Key.Key_3, ["Port Authority"])
    page = window.stack.currentWidget()
    view = page.register_view
    view.model.set_cells([(0, view.model.column_of("power"), "2"), (0, view.model.column_of("interest"), "2")])
    chart = page.grid.plot
    qtbot.waitUntil(lambda: bool(page.grid.positions))
    window.nav.setFocus(Qt.FocusReason.OtherFocusReason)
    tab_into(qtbot, chart)
    steps = window.document.undo_stack.count()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Up, Qt.Key.Key_Right):
        qtbot.keyClick(chart, key, CTRL)
    record = view.model.record(0)
    assert (record["power"], record["interest"]) == (4, 3)
    assert window.document.undo_stack.count() == steps + 3
    assert "power 4, interest 3" in chart.accessibleDescription() and chart.hasFocus()
    for _ in range(5):  # held at the grid's edge
        qtbot.keyClick(chart, Qt.Key.Key_Right, CTRL)
    assert view.model.record(0)["interest"] == 5
