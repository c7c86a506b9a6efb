"""What a newcomer and a presenter use: zoom with the keyboard (kept between sessions), a toolbar with
icons, F1 help, guidance in empty registers, header tooltips that explain, the column chooser and the
header menu from the keyboard, and Ctrl+Tab out of a table."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from pmo_desktop.models import records
from pmo_desktop.models.registers import REGISTERS
from pmo_desktop.views.register_table import RegisterView
from pmo_desktop.views.zoom import BASE_POINT_SIZE, zoom

PROJECTS = REGISTERS["projects"]


@pytest.fixture(autouse=True)
def _zoom_back_to_100():
    yield
    zoom().reset()


@pytest.fixture
def window(main_window, qtbot, tmp_path):
    main_window.create_file(str(tmp_path / "office.pmo"))
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.show_page(1)  # Projects
    return main_window


def projects_view(window) -> RegisterView:
    return window.pages[1].register_view


def test_ctrl_equal_alt_minus_zero_zoom_the_tables_and_the_level_is_kept(window, qtbot, tmp_path):
    view = projects_view(window)
    view.table.setFocus()
    size, row = view.table.font().pointSizeF(), view.table.verticalHeader().defaultSectionSize()
    assert size == BASE_POINT_SIZE > 9
    width = view.table.columnWidth(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    # Ctrl++ is Excel's Insert Row in a table (walk61b): Excel's own zoom key, Ctrl+Alt+=, the second step
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert zoom().percent == 125
    assert view.table.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.25)
    assert view.table.verticalHeader().defaultSectionSize() > row
    assert view.table.columnWidth(1) == pytest.approx(width * 1.25, abs=2)
    assert view.new_line.columnWidth(1) == view.table.columnWidth(1)  # the new-row line follows
    assert window.settings.value("view/zoom") in (125, "125")

    # Ctrl+- is Excel's Delete Row in a table (walk61b): zoom out is Excel's Ctrl+Alt+-
    qtbot.keyClick(view.table, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert zoom().percent == 110
    qtbot.keyClick(view.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 100 and view.table.font().pointSizeF() == size

    # A new window starts at the zoom level the last session ended with.
    zoom().set_percent(150)
    from pmo_desktop.views.main_window import MainWindow

    zoom().set_percent(100)
    settings = QSettings(str(tmp_path / "zoom.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/zoom", 150)
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert zoom().percent == 150


def test_toolbar_has_icons_and_its_buttons_work(window, qtbot):
    bar = window.toolbar
    texts = [a.text().replace("&", "") for a in bar.actions() if not a.isSeparator()]
    for wanted in ("Add", "Delete", "Undo", "Redo", "Import", "Export", "Board pack", "Zoom In", "Zoom Out"):
        assert wanted in texts
    assert all(not a.icon().isNull() for a in bar.actions() if not a.isSeparator())
    view = projects_view(window)
    assert not window.tool_undo.isEnabled()
    window.tool_add.trigger()
    assert view.model.rowCount() == 1
    assert window.tool_undo.isEnabled() and "Add" in window.tool_undo.toolTip()
    window.tool_undo.trigger()
    assert view.model.rowCount() == 0
    window.tool_redo.trigger()
    assert view.model.rowCount() == 1


def test_f1_opens_the_help_shipped_with_the_app(window, qtbot):
    qtbot.keyClick(projects_view(window).table, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    assert "Dates" in text and "Ctrl+Shift+L" in text and "15 Mar 2027" in text


def test_an_empty_register_shows_guidance_and_an_add_button(window, qtbot):
    view = projects_view(window)
    empty = view.empty_state
    assert empty.isVisible() and "No rows in the projects yet" in empty.message.text()
    qtbot.mouseClick(empty.add_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 1 and not empty.isVisible()
    view.search.setText("no such project")
    assert empty.isVisible() and empty.clear_button.isVisible() and not empty.add_button.isVisible()
    qtbot.mouseClick(empty.clear_button, Qt.MouseButton.LeftButton)
    assert not empty.isVisible() and view.search.text() == ""


def test_header_tooltips_explain_the_column(qtbot, document):
    view = RegisterView(document, REGISTERS["risks"])
    qtbot.addWidget(view)

    def tip(field):
        return view.proxy.headerData(view.model.column_of(field), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    assert "Alt+Down" in tip("raised_on") and "31 Mar 2026" in tip("raised_on")
    assert "Project, Program" in tip("level")
    assert "Very low" in tip("probability")
    assert "person" in tip("owner") and "confirm" in tip("owner")
    assert "Calculated" in tip("inherent_score")
    assert "Required" in tip("title")
    header = view.proxy.headerData(view.model.column_of("kind"), Qt.Orientation.Horizontal)
    assert header == "Threat /\nopportunity"  # long headers wrap instead of being cut


def open_menu(qtbot, view) -> QMenu:
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    menu = view.header_menu
    qtbot.waitUntil(menu.isVisible)
    return menu


def test_the_header_menu_sorts_and_filters_from_the_keyboard(window, qtbot):
    view = projects_view(window)
    with window.document.store.transaction() as s:
        for name in ("Tills", "Stock", "Loyalty"):
            records.create_record(s, PROJECTS, {"name": name}, window.document.context)
    window.document.notify("projects", None)
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, PROJECTS.field_names.index("name")))
    menu = open_menu(qtbot, view)
    assert menu.activeAction().text() == "Sort A to Z"
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    names = [view.proxy.index(r, PROJECTS.field_names.index("name")).data() for r in range(3)]
    assert names == ["Loyalty", "Stock", "Tills"]


def test_the_column_chooser_hides_columns_and_remembers(window, qtbot):
    view = projects_view(window)
    budget = PROJECTS.field_names.index("budget")
    view.table.setFocus()
    menu = open_menu(qtbot, view)
    chooser = next(a.menu() for a in menu.actions() if a.menu() is not None)
    action = next(a for a in chooser.actions() if a.text() == "Budget")
    assert action.isChecked()
    action.trigger()
    menu.close()
    assert view.table.isColumnHidden(budget) and view.new_line.isColumnHidden(budget)
    again = RegisterView(window.document, PROJECTS)  # the next time the register is shown
    qtbot.addWidget(again)
    assert again.table.isColumnHidden(budget)
    view.show_all_columns()
    assert not view.table.isColumnHidden(budget)
    assert not RegisterView(window.document, PROJECTS).table.isColumnHidden(budget)


def test_ctrl_tab_leaves_the_table(window, qtbot):
    window.show_page(3)  # Risks: quick filters and buttons around the table
    view = window.pages[3].register_view
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is not view.table
    assert QApplication.focusWidget() is not None


def test_column_order_and_widths_are_a_saved_view_per_register(qtbot, document):
    view = RegisterView(document, PROJECTS)
    qtbot.addWidget(view)
    header = view.table.horizontalHeader()
    budget, name = PROJECTS.field_names.index("budget"), PROJECTS.field_names.index("name")
    header.moveSection(header.visualIndex(budget), 1)     # Budget right after the ID, as a user drags it
    header.resizeSection(name, 333)
    qtbot.waitUntil(lambda: not view._layout_timer.isActive())
    assert view.new_line.horizontalHeader().visualIndex(budget) == 1  # the new-row line follows
    again = RegisterView(document, PROJECTS)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().visualIndex(budget) == 1
    assert again.table.columnWidth(name) == 333
    assert again._visible_columns()[1] == budget  # paste and copy follow what is seen
    again.reset_columns()
    assert again.table.horizontalHeader().visualIndex(budget) == budget and again.table.columnWidth(name) != 333
    fresh = RegisterView(document, PROJECTS)
    qtbot.addWidget(fresh)
    assert fresh.table.horizontalHeader().visualIndex(budget) == budget


def test_zoom_draws_the_charts_larger_too(window, qtbot):
    window.show_page(3)
    heat = window.pages[3].heat_map.plot
    window.pages[3].tabs.setCurrentWidget(window.pages[3].heat_map)
    qtbot.wait(10)
    assert heat.transform().m11() == pytest.approx(1.0)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 125
    assert heat.transform().m11() == pytest.approx(1.25, abs=0.02)  # text, lines and cells 25 % larger
    heat.resize(heat.width() + 40, heat.height())
    qtbot.wait(10)
    assert heat.transform().m11() == pytest.approx(1.25, abs=0.02)  # and it stays so when resized
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert heat.transform().m11() == pytest.approx(1.0)


def test_zoom_makes_the_overview_tiles_larger_too(window, qtbot):
    """Ctrl+= on the Program overview: its tiles' text (project chips, counts) grows with the tables'."""
    window.show_page(0)
    page = window.pages[0]
    qtbot.wait(10)

    def points(widget) -> float:
        widget.ensurePolished()  # the size is a rule of the page's style sheet, applied when polished
        return widget.font().pointSizeF()

    tile = next(iter(page.tiles.values()))
    before, title = points(tile.body), points(page.title)
    page.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert zoom().percent == 125
    assert points(next(iter(page.tiles.values())).body) == pytest.approx(before * 1.25, abs=0.1)
    assert points(page.title) == pytest.approx(title * 1.25, abs=0.1)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert points(next(iter(page.tiles.values())).body) == pytest.approx(before, abs=0.1)


@pytest.mark.parametrize("height", [230, 300, 600])
def test_the_empty_register_guidance_is_never_cut_off_in_a_short_table(qtbot, document, height):
    """A short table (a sub-table, a zoomed projector screen): the guidance shows whole lines that fit —
    the long hint only where there is room for it — and the Add button, never text cut through."""
    view = RegisterView(document, REGISTERS["projects"])
    qtbot.addWidget(view)
    view.resize(900, height)
    view.show()
    qtbot.waitExposed(view)
    zoom().set_percent(150)
    empty = view.empty_state
    qtbot.waitUntil(empty.isVisible)
    QApplication.processEvents()
    message = empty.message
    assert "No rows in the projects yet" in message.text()
    assert message.height() >= message.heightForWidth(message.width()), view.table.viewport().height()  # every line whole
    assert empty.add_button.geometry().top() >= message.geometry().bottom()  # the button below, not over it
    assert empty.add_button.geometry().bottom() <= view.table.viewport().height()
    if height == 230:
        assert "paste rows" not in message.text()  # no room for the hint: the heading and the button
    if height == 600:
        assert "paste rows" in message.text()
