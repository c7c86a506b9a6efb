"""Walkthrough 39: a newcomer's first hour on the registers other than risks — the stakeholder map, the benefits
plan, the RAID logs and the dependency map, the dashboard — at 1280×720 and on a projector, and once by the
keyboard alone. What they tripped on, each fixed, by real key presses on the real window."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from focused_keys import press, type_as_a_person
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QTabBar

from pmo_desktop.views.exchange.actions import open_import_dialog
from pmo_desktop.views.page_list import PageList

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CORPUS = Path(__file__).parents[2] / "shared" / "excel-corpus"


def test_ctrl_tab_goes_from_a_risks_cause_on_to_its_event_effect_trigger_and_notes(demo_window, qtbot):
    """Ctrl+Tab out of the risk register, its ✱ line, into the selected risk's Cause — and the next Ctrl+Tab showed
    the Heat map, then the Trend, the Program view, the Issue log and the register again, round and round: the
    page's tabs took the key the text box left, so Event, Effect, Trigger and Notes were never reached and the
    keyboard never got out. Ctrl+Tab now goes on as Tab does; Ctrl+PgDown is the key for the page's tabs."""
    window = demo_window
    press(qtbot, Qt.Key.Key_4, CTRL)  # View ▸ Risks
    page = window.stack.currentWidget()
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the ✱ line
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    editors = page.detail.editors
    assert QApplication.focusWidget() is editors["cause"]
    for name in ("event", "effect", "trigger", "notes"):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
        assert QApplication.focusWidget() is editors[name], (name, QApplication.focusWidget())
        assert page.tabs.currentIndex() == 0  # still the register, not its heat map
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is editors["trigger"]


def test_ctrl_tab_leaves_a_benefits_profile_parts_for_the_chart_not_round_them(demo_window, qtbot):
    """On the Benefits page at 1280×720 the profile's parts are tabs; Ctrl+Tab from the register's ✱ line reached
    them and then only showed Measurements, Plan, Description, Method, Facts, Measurements … for ever: the chart
    beside it, the page list, every other control was out of reach by Ctrl+Tab. It now goes on into the part shown
    and out of the profile to the realization chart, as Tab does; Ctrl+PgDown moves the parts."""
    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # View ▸ Benefits
    page = window.stack.currentWidget()
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    assert page.profile.in_tabs
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the ✱ line
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is page.profile.tabs.tabBar()
    shown = page.profile.tabs.currentIndex()
    seen = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab, CTRL)
        seen.append(QApplication.focusWidget())
        assert page.profile.tabs.currentIndex() == shown  # the part stays
    assert any(w is page.chart or page.chart.isAncestorOf(w) for w in seen), seen
    assert any(isinstance(w, PageList) for w in seen), seen  # and on round the window


def test_ctrl_tab_from_the_raid_pages_rules_button_goes_on_into_the_page(demo_window, qtbot):
    """Ctrl+Tab from the assumptions' ✱ line went to the page list, then to the page's Rules… button at its top
    right — and from Rules… back to the page list, then to Rules… again: the window moved the keyboard by Qt's
    order of making the widgets, not through the page as it reads, as Tab does. From Rules… Ctrl+Tab now goes to
    the page's tabs, its search, its table."""
    window = demo_window
    press(qtbot, Qt.Key.Key_7, CTRL)  # View ▸ RAID
    page = window.stack.currentWidget()
    page.rules_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.rules_button.hasFocus)
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert isinstance(QApplication.focusWidget(), QTabBar), QApplication.focusWidget()
    assert page.isAncestorOf(QApplication.focusWidget())
    press(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert QApplication.focusWidget() is page.rules_button


def test_a_dependency_whose_criticality_is_cleared_is_drawn_dashed_on_the_map_not_as_a_low_one(demo_window, qtbot):
    """A dependency's criticality cleared with Del on the Dependencies tab ("Not assessed yet") and the map shown
    with Ctrl+PgDown: its line was drawn as thin and solid as a Low one — on a workshop's screen, judged minor —
    and the map's legend said nothing of widths at all. An unassessed dependency is now dashed, and the legend
    shows the three: thick High or critical, thin Low or medium, dashed not assessed yet."""
    window = demo_window
    press(qtbot, Qt.Key.Key_7, CTRL)  # View ▸ RAID
    page = window.stack.currentWidget()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the Dependencies tab
    view = window.active_register_view()
    assert view.register.name == "dependencies"
    qtbot.waitUntil(lambda: view.table.hasFocus())
    codes = [view.proxy.index(r, view.model.column_of("code")).data() for r in range(view.proxy.rowCount())]
    row = codes.index("D-003")
    criticality = view.model.column_of("criticality")
    assert view.proxy.index(row, criticality).data() == "Medium"
    view.table.setCurrentIndex(view.proxy.index(row, criticality))
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.proxy.index(row, criticality).data() in ("", None, "Not assessed yet"))
    while page.tabs.currentWidget() is not page.dependency_map:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: bool(page.dependency_map.view.lines))
    styles = {arrow.code: (line.pen().style(), line.pen().widthF())
              for arrow, line in page.dependency_map.view.lines.values()}
    assert styles["D-003"][0] == Qt.PenStyle.DashLine
    assert styles["D-006"] == (Qt.PenStyle.SolidLine, styles["D-003"][1])  # Medium: solid, as thin
    assert styles["D-001"][0] == Qt.PenStyle.SolidLine and styles["D-001"][1] > styles["D-006"][1]  # High: thick
    words = [item.toPlainText() for item in page.dependency_map.view.scene().items() if hasattr(item, "toPlainText")]
    assert "Criticality not assessed yet" in words and "High or critical" in words


def test_a_hebrew_risk_title_wrapped_in_the_board_packs_narrow_cell_reads_its_lines_top_to_bottom(
        sqlite_store, tmp_path):
    """A risk titled in Hebrew, too long for the board pack's Title column: the PDF printed its last words on the
    first line and its first words under them — the title ordered for drawing as one line, and only then wrapped,
    so a right-to-left reader met the end of the sentence first. Its lines are now cut in the order typed, each
    then drawn right to left, flush right as Excel aligns such a cell."""
    from pypdf import PdfReader

    from pmo_desktop.excel.boardpack_pdf import write_board_pack_pdf
    from pmo_desktop.models import records
    from pmo_desktop.models.registers import REGISTERS

    words = "ספק הקופות החדשות מאחר במסירה ובבדיקות הקבלה של המערכת בכל החנויות".split()
    with sqlite_store.transaction() as s:
        records.create_record(s, REGISTERS["risks"], {"title": " ".join(words), "probability": 5, "impact": 5},
                              records.load_context(s))
    path = write_board_pack_pdf(sqlite_store, tmp_path / "pack.pdf", date(2026, 12, 6))
    lines = [line for page in PdfReader(path).pages for line in page.extract_text().splitlines()]

    def line_of(word: str) -> int:
        return next(i for i, line in enumerate(lines) if word in line.split())

    first, last = line_of(words[0]), line_of(words[-1])
    assert first < last, lines[first:last + 1]  # the title's start on its first line, its end on its last


def test_a_stakeholder_registers_preview_does_not_say_no_column_gives_the_attitudes_its_cells_give(
        empty_window, qtbot, tmp_path):
    """A colleague's stakeholder register whose "Position/Interest" cells say "For/High": the preview rightly read
    the attitude and the interest from them (28 Supporters, Opponents, a Critic …) — and then said "Left not
    assessed on the 29 new stakeholders, as no column of the workbook gives it: Attitude, …", the opposite of what
    the rows showed: would you trust it? It now says the engagement no column gives, and apart the one stakeholder
    whose cell gave no attitude ("Medium/Low")."""
    source = CORPUS / "CRMills97__Stakeholder_Register.xlsx"
    if not source.exists():
        pytest.skip("the shared corpus of real workbooks is not on this machine")
    window = empty_window
    workbook = tmp_path / "Stakeholder Register.xlsx"
    shutil.copy(source, workbook)
    dialog = open_import_dialog(window, window.document, str(workbook))
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isAncestorOf(QApplication.focusWidget()), timeout=30000)
    said = " ".join(QTextDocumentFragment.fromHtml(dialog.summary.text()).toPlainText().split())
    assert "29 to insert" in said
    assert ("Left not assessed on the 29 new stakeholders, as no column of the workbook gives it: Current "
            "engagement, Desired engagement.") in said, said
    assert ("Left not assessed on the 1 new stakeholder whose row gives none (the workbook gives it on the others): "
            "Attitude. Assess them in the office after.") in said, said
    press(qtbot, Qt.Key.Key_Return)  # Import
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    view = window.active_register_view()
    attitude = view.model.column_of("attitude")
    attitudes = [view.proxy.index(r, attitude).data() for r in range(view.proxy.rowCount())]
    assert len(attitudes) == 29 and attitudes.count("Not assessed yet") == 1 and attitudes.count("Supporter") > 20


def test_enter_on_a_project_of_the_dependency_map_puts_the_keyboard_on_its_row_not_in_the_search_box(
        demo_window, qtbot):
    """The dependency map by the keyboard: Ctrl+PgDown to it, the arrows to the box of "P-02 Point of sale
    replacement", Enter — and the Projects page showed P-02 selected, with the keyboard in its search box: Down did
    nothing, the next keys typed a search (the map, hidden with its page, had let Qt hand the keyboard to the next
    control it found). The keyboard is now on the project's row, as from the benefits map."""
    window = demo_window
    press(qtbot, Qt.Key.Key_7, CTRL)  # View ▸ RAID
    page = window.stack.currentWidget()
    while page.tabs.currentWidget() is not page.dependency_map:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(lambda: page.dependency_map.view.hasFocus())
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Right)
        if window.statusBar().currentMessage().startswith("Project P-02"):
            break
    assert window.statusBar().currentMessage().startswith("Project P-02"), window.statusBar().currentMessage()
    press(qtbot, Qt.Key.Key_Return)
    projects = window.active_register_view()
    qtbot.waitUntil(lambda: projects is not None and projects.register.name == "projects")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is projects.table)
    row = projects.table.currentIndex().row()
    assert projects.proxy.index(row, projects.model.column_of("code")).data() == "P-02"
    press(qtbot, Qt.Key.Key_Down)  # the table's keys work at once
    assert projects.table.currentIndex().row() == row + 1


def test_a_measurement_dated_12_3_in_december_is_last_march_not_next(demo_window, qtbot):
    """A benefit's latest actual typed on its Measurements ✱ line in December: "12/3", Tab, 7.5, Enter. The day
    without its year was read as the nearer 12 March — next year's — and the realization chart drew an actual
    value not yet measured, three months ahead of today. A measurement records what was measured: the last such
    day up to today, and a day to come is refused as typed, with the reason."""
    from pmo_desktop.models import clock
    from pmo_desktop.models.values import DATE_PAST, day_text, year_left_out

    window = demo_window
    press(qtbot, Qt.Key.Key_5, CTRL)  # View ▸ Benefits
    page = window.stack.currentWidget()
    view = window.active_register_view()
    qtbot.waitUntil(lambda: view.table.hasFocus())
    view.table.setCurrentIndex(view.proxy.index(0, view.model.column_of("title")))
    measurements = page.profile.measurements_view
    before = measurements.proxy.rowCount()
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the ✱ line
    press(qtbot, Qt.Key.Key_Tab, CTRL)  # the profile's parts, Measurements shown
    press(qtbot, Qt.Key.Key_Tab)  # into its table
    assert QApplication.focusWidget() is measurements.table
    press(qtbot, Qt.Key.Key_End, CTRL)
    press(qtbot, Qt.Key.Key_Down)  # its ✱ line
    press(qtbot, Qt.Key.Key_Home)
    type_as_a_person(qtbot, "12/3")
    press(qtbot, Qt.Key.Key_Tab)
    type_as_a_person(qtbot, "7.5")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measurements.proxy.rowCount() == before + 1)
    today = clock.today()
    meant = year_left_out(3, 12, today, DATE_PAST)
    on = measurements.model.column_of("on")
    days = [measurements.proxy.index(r, on).data() for r in range(measurements.proxy.rowCount())]
    assert day_text(meant) in days, days
    assert meant <= today


def test_what_a_late_dependency_threatens_is_listed_whole_at_1280_by_720(demo_window, qtbot):
    """Under the dependency map, each late or at-risk dependency lists the projects, outputs and benefits it
    threatens. At 1280×720 the long lines were cut — "Outputs: OP-02 Point of sale replacement release 2, …,
    OP-04 Point of sale replacement release…", the rest unread, though the list said it wrapped: its rows were one
    line high. A line too long for the list now wraps onto as many lines as it needs."""
    window = demo_window
    press(qtbot, Qt.Key.Key_7, CTRL)  # View ▸ RAID
    page = window.stack.currentWidget()
    while page.tabs.currentWidget() is not page.dependency_map:
        press(qtbot, Qt.Key.Key_PageDown, CTRL)
    tree = page.dependency_map.trouble
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    qtbot.wait(100)
    lines = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]
    metrics = tree.fontMetrics()
    room = tree.columnWidth(0) - tree.indentation()
    long = [item for item in lines if metrics.horizontalAdvance(item.text(0)) > room]
    assert long, "the demo's lines all fit: nothing to see"
    for item in long:
        assert tree.visualItemRect(item).height() >= 2 * metrics.lineSpacing(), item.text(0)
