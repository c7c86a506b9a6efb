"""Walkthrough 14: what the last walkthrough left, and what a newcomer's walk through every page at 1280×720,
1920×1080 and 150 % found — real widgets, real key presses (each key to the widget that has the focus)."""

from file_dialogs import answer_file_dialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def cell_colour(view, index) -> QColor:
    """The fill a cell is drawn with (a few pixels in from its top left corner, clear of its text)."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((rect.left() + 3) * ratio), int((rect.top() + 3) * ratio))


def near(a: QColor, b: QColor, within: int = 16) -> bool:
    """Two colours alike to the eye (Fusion shades a selected cell a little off its palette colour)."""
    return all(abs(x - y) <= within for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def test_after_enter_on_the_new_row_line_only_the_line_is_drawn_where_the_keyboard_is(empty_window, qtbot):
    """A title typed in the ✱ line and Enter: the record is added and selected in the table, the keyboard stays
    in the line for the next one. Both were drawn in the same selection blue — which would typing go to? The
    table's selection is now drawn pale while the keyboard is in the line, and strong again once it is back."""
    from focused_keys import press, type_keys

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    type_keys(qtbot, "POS supplier delivers late")
    press(qtbot, Qt.Key.Key_Return)
    line, table = view.new_line, view.table
    assert QApplication.focusWidget() is line and view.model.rowCount() == 1
    strong = QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    in_line = cell_colour(line, line.currentIndex())
    in_table = cell_colour(table, table.currentIndex())
    assert near(in_line, strong)
    assert not near(in_table, strong) and in_table.lightness() > strong.lightness() + 40  # pale: not the keyboard's
    press(qtbot, Qt.Key.Key_Up)  # back in the table: its row strong, the line's cell no longer
    assert QApplication.focusWidget() is table
    assert near(cell_colour(table, table.currentIndex()), strong)
    assert not near(cell_colour(line, line.currentIndex()), strong)
    for _ in range(8):  # along the row: the table scrolls, its ID and title kept in view over it, drawn alike
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Escape)
    frozen = table.frozen
    assert frozen.isVisible() and QApplication.focusWidget() is table
    row = table.currentIndex().row()
    table.selectRow(row)
    title = table.model().index(row, view.model.column_of("title"))
    assert near(cell_colour(frozen, title), strong)


def test_a_number_off_the_scale_typed_in_a_level_cell_is_refused_beside_it_not_dropped(empty_window, qtbot):
    """"9" typed in a probability cell (a scale of 1 to 5) selected nothing and said nothing; Enter then kept
    the old value and moved on to the ✱ line, as if the 9 had been taken. Now the reason shows beside the cell,
    Enter keeps the editor open and says it again, the next key starts afresh ("4", not "94") and Esc puts the
    cell back as it was."""
    from focused_keys import press, type_keys

    from pmo_desktop.views.register_table.choice_editor import ChoiceCombo
    from pmo_desktop.views.register_table.refusal_note import RefusalNote

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    for title in ("POS supplier delivers late", "Data migration slips"):
        type_keys(qtbot, title)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Up)
    table = view.table
    column = view.model.column_of("probability")
    table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(1, column)))
    steps = window.document.undo_stack.count()

    def notes() -> list[str]:
        return [note.text() for note in window.findChildren(RefusalNote) if note.isVisible()]

    type_keys(qtbot, "9")
    editor = QApplication.focusWidget()
    assert isinstance(editor, ChoiceCombo)
    assert any("“9” is none of the Probability levels" in text and "1 to 5" in text for text in notes())
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)  # as long as a choice would take to be stored (``waitUntil`` below)
    assert QApplication.focusWidget() is editor and table.state() == table.State.EditingState  # held, not moved on
    assert any("“9”" in text for text in notes())
    assert window.document.undo_stack.count() == steps and view.model.record(1)["probability"] is None
    type_keys(qtbot, "4")  # at once: a fresh start, not "94"
    assert editor.currentText().startswith("4") and not notes()
    press(qtbot, Qt.Key.Key_Return)  # Qt stores a drop-down's choice after the key (a queued call)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert view.model.record(1)["probability"] == 4

    press(qtbot, Qt.Key.Key_Up)
    table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(1, column)))
    type_keys(qtbot, "7x")  # a word that begins no level is quoted whole, not its last letter
    assert any("“7x” is none of the Probability levels" in text for text in notes())
    press(qtbot, Qt.Key.Key_Escape)  # the cell as it was
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert view.model.record(1)["probability"] == 4 and not notes()


def test_a_new_stakeholder_s_name_is_whole_in_the_narrow_table_and_the_grid_s_not_rated_list(empty_window, qtbot):
    """A stakeholder typed along the ✱ line beside the grid (name, Tab, organisation, Enter). The table beside the
    grid is narrow: scrolled to the organisation, its frozen name column was narrowed to "Finance…" and stayed
    so back on the name; the ✱ line's hint read "Type he…". On the grid, the "Not rated" strip lay over the
    "Monitor" and "Keep informed" titles, and its one name was cut ("Finance di…") with the strip empty beside
    it; at 150 % the strip was thinner than its points. Now the keyboard back on the name shows it whole; and since
    walk 45 one not rated yet is not on the grid at all but in a list of its own (under the grid at 1280×720,
    clear of it and of the titles), its name whole there at any size."""
    from focused_keys import press, type_keys

    from pmo_desktop.views.register_table.new_row import PLACEHOLDER

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentIndex(0)
    view = window.active_register_view()
    type_keys(qtbot, "Finance director")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Retail Co")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.wait(50)
    table, line = view.table, view.new_line
    name = view.model.column_of("name")
    assert QApplication.focusWidget() is line and line.currentIndex().column() == name

    def shown_width(t) -> int:  # the name column as drawn: narrowed over the table while it is scrolled
        return t.frozen.columnWidth(name) if t.frozen.isVisible() else t.columnWidth(name)

    metrics = table.fontMetrics()
    assert shown_width(table) >= metrics.horizontalAdvance("Finance director") + 8
    assert shown_width(line) >= line.fontMetrics().horizontalAdvance(PLACEHOLDER) + 8  # the line's hint whole

    grid = page.grid
    grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them

    not_rated = grid.not_rated_list
    assert not_rated.isVisible() and not grid.positions  # on no row of the grid

    def below_the_grid() -> bool:
        plot = grid.plot.mapTo(grid, grid.plot.rect().bottomLeft()).y()
        return not_rated.mapTo(grid, not_rated.rect().topLeft()).y() >= plot

    assert below_the_grid()
    for title in ("Monitor", "Keep informed"):
        label = grid.quadrant_labels[title]
        assert label.isVisible() and grid.plot.sceneRect().contains(label.sceneBoundingRect()), title
    names = not_rated.names
    assert names.item(0).text() == "Finance director"
    assert names.visualItemRect(names.item(0)).width() >= names.fontMetrics().horizontalAdvance("Finance director")

    window.resize(853, 480)  # 150 % on a 1280×720 screen
    qtbot.wait(100)
    assert below_the_grid() and names.viewport().rect().contains(names.visualItemRect(names.item(0)))


def test_at_150_percent_the_heat_map_s_rows_are_tall_enough_to_read_and_its_levels_whole(demo_window, qtbot):
    """At 150 % on a 1280×720 screen the heat map's rows were 17 of Qt's pixels high: the date on a line of its
    own, a title repeating the controls just above it ("Inherent", "Open risks only"), and the impact levels on
    three lines each, "3 Me…" cut. Now the controls share a line (the count goes under the legend beside the
    map), the title is left out there, and the levels take two lines in smaller type, whole."""
    from pmo_desktop.views.page_area import PageArea

    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.heat_map)
    qtbot.wait(100)
    heat = page.heat_map
    item = heat.plot.getPlotItem()
    assert not window.findChild(PageArea).verticalScrollBar().isVisible()
    rows = item.getViewBox().height() / heat.levels
    assert rows >= 30, rows
    assert item.geometry().width() <= heat.plot.width() + 1  # the map drawn whole, its fifth column too
    assert not item.titleLabel.isVisible() or not item.titleLabel.text
    labels = [text for _k, text in item.getAxis("bottom")._tickLevels[0]]
    assert not any("…" in text for text in labels) and max(text.count("\n") for text in labels) <= 1, labels
    assert heat.total_label.isVisible() and heat.total_label.text() == "8 risks scored"
    assert not heat.total_label.geometry().intersects(heat.legend.labels[-1].geometry())

    window.resize(1280, 720)  # an ordinary screen: the title and the levels on one line, as they were
    qtbot.wait(100)
    assert item.titleLabel.isVisible() and "Inherent risk" in item.titleLabel.text
    assert [text for _k, text in item.getAxis("bottom")._tickLevels[0]][2] == "3 Medium"


def test_the_trend_s_points_are_dots_wider_than_their_lines_not_rings(demo_window, qtbot):
    """The bands' lines are nested (each wider than the one drawn over it), so Critical's was 11 px — through
    points of 12 px, whose pale rim read as a white ring on the line. Each band's points are now clearly wider
    than its own line, and points sharing a count still stand apart."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    qtbot.wait(100)
    chart = page.trend
    items = chart.plot.getPlotItem().listDataItems()
    assert [item.name() for item in items][0] == "Critical"
    for item in items:
        line = item.opts["pen"].widthF()
        assert item.opts["symbolSize"] >= line + 5, (item.name(), line, item.opts["symbolSize"])
    assert chart.spread_px() >= max(item.opts["symbolSize"] for item in items)


def test_after_an_import_the_keyboard_is_in_the_window_and_ctrl_e_exports_at_once(demo_window, qtbot, tmp_path):
    """Enter imports a colleague's workbook and the dialog closes. Where no window manager hands the activation
    back (a bare X server, the offscreen platform) no window was active and nothing had the keyboard: Ctrl+E,
    the next thing a user does to send the result on, went nowhere. The window is active again with the
    keyboard in the table the rows came into, and Ctrl+E asks where to export at once."""
    import openpyxl

    from pmo_desktop.views.exchange.actions import open_import_dialog

    window = demo_window
    book = tmp_path / "colleague.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Risks"
    sheet.append(["Risk", "Owner", "Likelihood", "Impact", "Status"])
    sheet.append(["Quay wall cracks", "Bea Ortiz", "Likely", 4, "Open"])
    sheet.append(["Crane breaks down", "Bea Ortiz", "Unlikely", 3, "Open"])
    workbook.save(book)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    rows = view.model.rowCount()
    dialog = open_import_dialog(window, window.document, str(book))
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter imports
    qtbot.waitUntil(lambda: not dialog.isVisible() and view.model.rowCount() == rows + 2)
    qtbot.wait(50)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is view.table
    out = tmp_path / "registers.xlsx"
    seen = answer_file_dialog(qtbot, str(out)).titles
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(out.exists, timeout=20000)
    assert seen == ["Export to Excel"]
    assert "Quay wall cracks" in [c.value for c in openpyxl.load_workbook(out)["Risk register"]["B"]]


def test_after_an_export_the_keyboard_is_back_in_the_window_for_the_next_shortcut(demo_window, qtbot, tmp_path):
    """The export's progress dialog closed and (with no window manager to hand the activation back) left no
    window active and nothing with the keyboard: the board pack's Ctrl+Shift+E, next, went nowhere. The
    keyboard is back where it was, and the next shortcut works."""
    from pmo_desktop.views.exchange.actions import export_registers

    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    assert QApplication.focusWidget() is view.table
    out = tmp_path / "registers.xlsx"
    assert export_registers(window, window.document, str(out))  # what Ctrl+E runs once a file is chosen
    qtbot.wait(50)
    assert out.exists()
    assert QApplication.activeWindow() is window and QApplication.focusWidget() is view.table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is view.search
