"""Walkthrough 12: what the last walkthrough left — a newcomer who lives in Excel, driving real widgets with real
key presses and clicks (each key to the widget that has the focus)."""


from focused_keys import a_project_named_twice, press, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from pmo_desktop.models.registers import REGISTERS

CTRL = Qt.KeyboardModifier.ControlModifier
RISKS = REGISTERS["risks"]


def risk_cell(view, row: int, field: str):
    return view.proxy.mapFromSource(view.model.index(row, RISKS.field_names.index(field)))


def not_ours(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if "does not belong to this view" in r.message]


def test_typing_in_cells_logs_no_editor_that_does_not_belong_to_this_view(demo_window, qtbot, qtlog):
    """The table and its frozen columns (ID and title kept in view) share one delegate, so every cell stored
    (Enter, Tab, a click elsewhere, a drop-down, the ✱ line) made Qt log "commitData called with an editor that
    does not belong to this view" from the view that had not opened the editor — a log full of warnings that
    hid real ones. Each view now handles only its own editors; Enter still moves down, Tab along."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "title"))
    type_keys(qtbot, "Edited title")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(0)["title"] == "Edited title"
    assert table.currentIndex() == risk_cell(view, 1, "title")
    type_keys(qtbot, "Tabbed title")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(1)["title"] == "Tabbed title"
    assert table.currentIndex().column() == risk_cell(view, 1, "title").column() + 1
    table.setCurrentIndex(risk_cell(view, 2, "probability"))
    type_keys(qtbot, "4")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.currentIndex() == risk_cell(view, 3, "probability"))
    assert view.model.record(2)["probability"] == 4
    # scrolled sideways: the title is edited in the frozen columns laid over the table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.waitUntil(lambda: table.frozen is not None and table.frozen.active())
    table.setCurrentIndex(risk_cell(view, 3, "title"))
    type_keys(qtbot, "Frozen title")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(3)["title"] == "Frozen title"
    assert table.currentIndex() == risk_cell(view, 4, "title")
    view.focus_new_line(RISKS.field_names.index("title"))
    type_keys(qtbot, "Typed in the line")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None
    assert not_ours(qtlog) == []


def test_the_program_view_of_a_new_office_says_what_it_lists_and_how_to_fill_it(empty_window, qtbot):
    """The Program view of a new office was an empty table under "0 program risks … touching 0 projects":
    now it says what a program risk is and how one gets there; once a risk is made a program risk (its Level
    typed in the register), the table shows it and the sentence goes."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.program_view)
    program = page.program_view
    qtbot.waitUntil(program.empty.isVisible)
    assert not program.table.isVisible()
    assert "No program risks yet" in program.empty.text() and "Escalate" in program.empty.text()
    page.tabs.setCurrentWidget(page.register_tab)
    view = page.register_view
    view.focus_new_line(RISKS.field_names.index("title"))
    type_keys(qtbot, "Funding cut at the spending review")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.setFocus()
    view.table.setCurrentIndex(risk_cell(view, 0, "level"))
    type_keys(qtbot, "prog")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.record(0)["level"] == "Program")
    page.tabs.setCurrentWidget(page.program_view)
    qtbot.waitUntil(program.table.isVisible)
    assert not program.empty.isVisible() and program.table.rowCount() == 1


def boxes() -> list:
    from PySide6.QtWidgets import QMessageBox

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_refused_value_left_by_a_click_elsewhere_is_kept_in_its_cells_note_to_correct(demo_window, qtbot):
    """A date the register refuses, typed and the cell left by a click on the search box: the editor closed and
    what was typed was gone (only a note said so, for a few seconds). Then (walk 12) the editor stayed open beside
    a search box the user was typing in. Now (walk 59) the cell is passed by as Tab passes it: left as it was, what
    was typed kept in its note (a red corner), the reason in the status bar, the keys typed next where the user
    clicked; back on the cell F2 gives the text back to correct, and Enter stores it."""
    from datetime import date

    from PySide6.QtWidgets import QLineEdit

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    before = view.model.record(0)["proximity"]
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    type_keys(qtbot, "someday")
    assert isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.mouseClick(view.search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)
    assert boxes() == [] and table.state() != table.State.EditingState
    assert table.itemDelegate().mark_of(risk_cell(view, 0, "proximity"))[1] == "someday"  # what was typed is kept
    assert "date" in window.statusBar().currentMessage().lower()
    assert view.model.record(0)["proximity"] == before
    qtbot.keyClick(view.search, Qt.Key.Key_A)  # the next key goes where the user clicked
    assert view.search.text() == "a"
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    press(qtbot, Qt.Key.Key_F2)  # back in the cell: the text given back, selected, to correct
    qtbot.wait(30)  # as between a person's keys
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "someday"
    type_keys(qtbot, "15 Mar 2031")
    press(qtbot, Qt.Key.Key_Return)
    assert view.model.record(0)["proximity"] == date(2031, 3, 15) and boxes() == []


def test_a_refused_value_left_by_a_click_on_another_cell_is_passed_by_and_the_cell_clicked_is_current(demo_window,
                                                                                                       qtbot):
    """A click on another cell of the table after a refused value: the refused cell was made current again with
    its editor open (walk 12), and the click never reached the cell aimed at. As Tab now passes a refused cell by
    (walk 58b), so does the click (walk 59): the cell clicked is current, the refused one left as it was with what
    was typed in its note; F2 there gives it back, and Esc keeps the cell as it was."""
    from PySide6.QtWidgets import QLineEdit

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    before = view.model.record(0)["proximity"]
    refused = risk_cell(view, 0, "proximity")
    table.setFocus()
    table.setCurrentIndex(refused)
    type_keys(qtbot, "someday")
    other = risk_cell(view, 3, "title")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(other).center())
    qtbot.waitUntil(lambda: table.currentIndex() == other)
    assert boxes() == [] and table.state() != table.State.EditingState
    assert table.itemDelegate().mark_of(refused)[1] == "someday"
    table.setCurrentIndex(refused)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.wait(30)  # as between a person's keys
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "someday"
    type_keys(qtbot, "soon")  # over the text, held selected as Excel's Retry (edit53)
    assert editor.text() == "soon"
    press(qtbot, Qt.Key.Key_Escape)
    assert view.model.record(0)["proximity"] == before and QApplication.focusWidget() is table


def test_a_click_on_another_rows_cell_after_typing_a_date_selects_the_cell_clicked(demo_window, qtbot):
    """A date typed into a cell, then a click on a cell of another row: the date was stored, but the cell
    below the one clicked became current (Qt closes the editor left with the same hint as Enter, and the
    table took it for Enter and moved down), so what was typed next went into the wrong record."""
    from datetime import date

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.stack.currentWidget().register_view
    table = view.table
    table.setFocus()
    table.setCurrentIndex(risk_cell(view, 0, "proximity"))
    type_keys(qtbot, "1 Jan 2030")
    clicked = risk_cell(view, 3, "title")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(clicked).center())
    qtbot.wait(20)
    assert view.model.record(0)["proximity"] == date(2030, 1, 1)
    assert table.currentIndex() == clicked and boxes() == []
    table.setCurrentIndex(risk_cell(view, 1, "probability"))  # a drop-down alike
    type_keys(qtbot, "2")
    clicked = risk_cell(view, 5, "title")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(clicked).center())
    qtbot.wait(20)
    assert view.model.record(1)["probability"] == 2
    assert table.currentIndex() == clicked and boxes() == []


def test_on_a_small_screen_the_page_list_gives_its_room_to_the_page(demo_window, qtbot):
    """At 150 % on a 1280×720 screen (853×480 of Qt's pixels) the page list kept its large type and wide
    margins: 190 of the 853 pixels, and every chart and table beside it scrolled. On a narrow window it takes
    the ordinary type and no more room than its longest title; on a wide one it is as before. Every title
    is whole either way, and the pages still change by keyboard."""
    window = demo_window
    nav = window.nav
    window.resize(1280, 720)
    qtbot.wait(20)
    wide = nav.width()
    large = nav.font().pointSizeF()
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()
    window.resize(853, 480)
    qtbot.waitUntil(lambda: nav.width() < wide)
    assert nav.width() <= 0.17 * window.width()
    assert nav.font().pointSizeF() < large
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()  # "Program overview" whole
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert nav.currentRow() == 4
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: nav.width() == wide)
    assert nav.font().pointSizeF() == large
    window.resize(1280, 200)  # a short wide window: the list's own scroll bar shows
    qtbot.waitUntil(nav.verticalScrollBar().isVisible)
    # Under X11 the scroll bar's first layout came after the window's: its width (14) was taken for the window's
    nav.verticalScrollBar().resize(nav.verticalScrollBar().width(), nav.verticalScrollBar().height() - 10)
    assert nav.font().pointSizeF() == large and nav.width() == wide


def test_at_150_percent_on_a_1280_by_720_screen_no_page_scrolls_sideways(demo_window, qtbot):
    """At 150 % a 1280×720 screen holds 853×480 of Qt's pixels. The stakeholder grid, the risk heat map and
    the benefits map asked for more width than the page had (the heat map's band legend on one line, 702 px;
    the benefits map's title; the grid's chart beside a detail heading that did not wrap), so the page
    scrolled sideways and cut the chart at its right edge. Every page and tab now fits the width (a page
    still taller than the screen scrolls down only)."""
    from PySide6.QtWidgets import QTabWidget

    from pmo_desktop.views.page_area import PageArea
    from pmo_desktop.views.pages import PAGES

    window = demo_window
    window.resize(853, 480)
    area = window.findChild(PageArea)
    wide = []
    for row, (title, _spec) in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        tabs = [t for t in page.findChildren(QTabWidget) if t.window() is window][:1]
        for i in range(tabs[0].count() if tabs else 1):
            if tabs:
                tabs[0].setCurrentIndex(i)
            qtbot.wait(10)
            if area.horizontalScrollBar().isVisible():
                wide.append((title, tabs[0].tabText(i) if tabs else "", window.stack.minimumSizeHint().width()))
    assert wide == []


def test_at_150_percent_the_risk_trend_fits_its_page_and_reads(demo_window, qtbot):
    """At 853×480 (150 % on 1280×720) the trend asked for a 520×400 chart, so its page scrolled both ways.
    It now fits the page; at that size its month labels keep apart (fewer of them), and its legend stays
    above the highest count (the headroom is measured in pixels, the legend on two rows if need be)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFontMetrics

    from pmo_desktop.views.page_area import PageArea

    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    chart = page.trend
    area = window.findChild(PageArea)
    qtbot.wait(100)
    assert not area.verticalScrollBar().isVisible() and not area.horizontalScrollBar().isVisible()
    item = chart.plot.getPlotItem()
    view = item.getViewBox()
    axis = item.getAxis("bottom")
    metrics = QFontMetrics(axis.style["tickFont"])
    ticks = [(view.mapViewToScene(QPointF(x, 0)).x(), metrics.horizontalAdvance(text))
             for x, text in axis._tickLevels[0] if text]
    assert len(ticks) >= 2
    for (x1, w1), (x2, w2) in zip(ticks, ticks[1:]):
        assert x2 - x1 >= (w1 + w2) / 2, (x1, x2)  # no two month labels print over each other
    legend = chart.legend.sceneBoundingRect()
    assert legend.right() <= view.sceneBoundingRect().right() + 1
    for data in item.listDataItems():
        xs, ys = data.getData()
        for x, y in zip(xs, ys):
            assert not legend.contains(view.mapViewToScene(QPointF(x, y))), (x, y)


def test_at_150_percent_the_heat_maps_wrapped_legend_is_under_the_map_not_over_it(demo_window, qtbot):
    """The band legend wraps onto two lines at 853×480; the page that scrolls is sized to its minimum, which
    counted the legend on one line, so the legend was laid over the map's "Impact" title."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.heat_map)
    heat = page.heat_map
    qtbot.wait(100)
    legend = heat.legend
    assert legend.height() >= legend.heightForWidth(legend.width())  # its lines whole
    # under the map, or (walkthrough 13: the tab too short for both one above the other) beside it — not over it
    assert not legend.geometry().intersects(heat.plot.geometry())


def test_the_engagement_assessment_of_a_new_office_says_what_it_shows_and_how_to_fill_it(empty_window, qtbot):
    """The Engagement assessment tab of a new office was a row of headers over nothing: now it says what the
    matrix shows and where to add stakeholders; the first stakeholder typed in the table brings the matrix."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    matrix = page.matrix
    page.tabs.setCurrentWidget(matrix)
    qtbot.waitUntil(matrix.empty.isVisible)
    assert not matrix.table.isVisible() and not matrix.key.isVisible()
    assert "No stakeholders yet" in matrix.empty.text() and "Import" in matrix.empty.text()
    view = page.register_view
    view.focus_new_line(view.model.column_of("name"))
    type_keys(qtbot, "Finance director")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(matrix.table.isVisible)
    assert not matrix.empty.isVisible() and matrix.model.rowCount() == 1


def test_a_record_the_new_row_line_cannot_add_is_told_once(empty_window, qtbot):
    """A second project of the same name typed in the ✱ line and Enter: the line tried to add the record three
    times (at Enter, and again on a timer for each value that completed it), so three notes lay one over the
    other — and on a busy machine the later ones were made after the next key, which should have taken them
    away, so a note stayed over the line after the corrected record was added."""
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    view = a_project_named_twice(qtbot, window)
    qtbot.wait(50)
    notes = [n for n in view.findChildren(RefusalNote) if n.isVisible()]
    assert len(notes) == 1 and "already a project named" in notes[0].text()
    assert view.new_row_model.pending == {"name": "Alpha"}  # kept in the line, to correct
    type_keys(qtbot, "Beta")  # the next key takes the note away; corrected, Enter adds the project
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.wait(50)
    assert not [n for n in view.findChildren(RefusalNote) if n.isVisible()]


def test_every_add_line_hint_fits_its_column(empty_window, qtbot):
    """The ✱ line's "Type here to add a row" stands in its first column; where that column is narrow (a status
    report's Period, a benefit plan's date) it was cut to "Type her…". Every register table of every page and
    tab: the hint shown fits the column it stands in."""
    from PySide6.QtGui import QFontMetrics

    from pmo_desktop.views.pages import PAGES
    from pmo_desktop.views.register_table.register_view import RegisterView

    window = empty_window
    cut = []
    for row, _spec in enumerate(PAGES):
        window.nav.setCurrentRow(row)
        page = window.stack.currentWidget()
        tabs = [t for t in page.findChildren(QTabWidget) if t.window() is window]
        for tab in tabs:
            for i in range(tab.count()):
                tab.setCurrentIndex(i)
        qtbot.wait(10)
        for view in page.findChildren(RegisterView):
            model, line = view.new_row_model, view.new_line
            index = model.index(0, model.first_column)
            hint = index.data()
            font = index.data(Qt.ItemDataRole.FontRole) or line.font()
            room = line.columnWidth(model.first_column) - 2 * line.style().pixelMetric(
                line.style().PixelMetric.PM_FocusFrameHMargin) - 4
            if hint and QFontMetrics(font).horizontalAdvance(hint) > room:
                cut.append((view.register.name, hint, room))
    assert cut == []
