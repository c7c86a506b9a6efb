"""Walkthrough 15: what walkthrough 14 left, and what a newcomer's walk found — real widgets, real key presses
(each key to the widget that has the focus)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def near(a: QColor, b: QColor, within: int = 16) -> bool:
    """Two colours alike to the eye (Fusion shades a selected cell a little off its palette colour)."""
    return all(abs(x - y) <= within for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def item_colour(view, index) -> QColor:
    """The fill an item is drawn with (a few pixels in from its top left corner, clear of its text)."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((rect.left() + 3) * ratio), int((rect.top() + 3) * ratio))


def test_the_page_you_are_on_is_strong_in_the_page_list_while_the_keyboard_is_in_the_page(empty_window, qtbot):
    """Ctrl+4 opens the risks with the keyboard in their table. The page list showed "Risks" in the pale
    selection of a view without the keyboard — on a projector, which page was this? The current page is
    drawn in the strong highlight wherever the keyboard is; a table without the keyboard stays pale."""
    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    nav = window.nav
    assert QApplication.focusWidget() is not nav and nav.currentItem().text() == "Risks"
    strong = QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert near(item_colour(nav, nav.currentIndex()), strong)
    row = nav.model().index(0, 0)  # the other pages are not highlighted
    assert not near(item_colour(nav, row), strong)


def test_the_heat_map_s_controls_sit_on_one_middle_line_not_topped(demo_window, qtbot):
    """The heat map's controls (the date, the choice of scores, "Open risks only", the count) flow as words do,
    each placed at the top of its line: the taller choice of scores left "As at:" and the count a few pixels
    above the middle of the line, a ragged bar. Each now sits in the middle of its line, as in a row of boxes."""
    window = demo_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.heat_map)
    qtbot.wait(100)
    heat = page.heat_map
    controls = (heat.as_at, heat.mode, heat.open_only, heat.total_label)
    centres = [widget.geometry().center().y() for widget in controls]
    assert max(centres) - min(centres) <= 1, centres
    assert len({widget.geometry().top() for widget in controls}) > 1  # of unlike heights: centred, not topped


def test_at_150_percent_the_trend_has_no_title_repeating_its_controls(demo_window, qtbot):
    """At 150 % on a 1280×720 screen (853×480 of Qt's pixels) the trend's title "Open risks by inherent rating"
    sat just under the "Inherent rating" control it repeats, and took a sixth of a short chart. A short chart
    is drawn without it; a chart of ordinary height keeps it, and it follows the control."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.trend)
    qtbot.wait(100)
    chart = page.trend
    title = chart.plot.getPlotItem().titleLabel
    assert not title.isVisible(), title.text
    chart.mode.setFocus()
    qtbot.keyClick(chart.mode, Qt.Key.Key_Down)  # residual: still none
    assert chart.mode.currentData() == "residual" and not title.isVisible()
    window.resize(1280, 720)
    qtbot.wait(100)
    assert title.isVisible() and title.text == "Open risks by residual rating"


def test_top_threats_rank_by_the_rating_a_threat_has_now_and_say_so(empty_window, qtbot):
    """Three threats typed in: one rated Critical before any response was weighed, one Low after its
    responses, one not scored. The overview (and the board pack) ranked by residual score alone, so the
    Critical threat came after the Low one, its rating not shown at all. Now a threat with no residual is
    ranked by its inherent rating, each says which rating it is, the unscored one is last, and the tile says
    how it is ordered."""
    from focused_keys import press, type_keys

    window = empty_window
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    view = window.active_register_view()
    for title in ("Key tester leaves", "Data migration slips", "POS supplier delivers late"):
        type_keys(qtbot, title)
        press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Up)
    table = view.table

    def rate(row: int, field: str, keys: str) -> None:
        table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(row, view.model.column_of(field))))
        type_keys(qtbot, keys)
        press(qtbot, Qt.Key.Key_Return)

    rate(1, "probability", "5")
    rate(1, "impact", "5")          # Critical, no residual yet
    rate(2, "probability", "2")
    rate(2, "impact", "2")
    rate(2, "residual_probability", "1")
    rate(2, "residual_impact", "1")  # Low after its responses
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    overview = window.stack.currentWidget()
    # The overview was built when the office opened: wait for the tiles rebuilt on showing it again.
    qtbot.waitUntil(lambda: "top_threats" in overview.tiles
                    and overview.tiles["top_threats"].title() == "Top threats (3)")
    text = overview.tiles["top_threats"].body.text()
    assert "highest rating first" in text
    lines = [line for line in text.split("<br>") if line.startswith("R-")]
    assert [line.split()[0] for line in lines] == ["R-002", "R-003", "R-001"], lines
    assert "(Critical, inherent)" in lines[0] and "(Low)" in lines[1] and "(unscored)" in lines[2]
    from pmo_desktop.excel.boardpack_data import read_board_pack

    pack = read_board_pack(window.document.office.store)  # the board pack ranks them alike
    assert [risk["code"] for risk in pack.top_risks] == ["R-002", "R-003", "R-001"]


def test_the_stakeholder_grid_s_legend_shrinks_to_leave_the_grid_its_height(demo_window, qtbot):
    """Beside the table at 150 % on a 1280×720 screen (853×480 of Qt's pixels) the grid's colour legend took
    two lines of 14 pt — a quarter of the grid's height — and the names in the small cells were cut. The
    legend's type now shrinks (to 10 pt at least) to take one line where it can, and less height where it
    cannot; on an ordinary screen it is as it was."""
    from PySide6.QtGui import QTextDocument

    from pmo_desktop.views.stakeholders import grid as grid_module

    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    grid = page.grid
    qtbot.wait(100)
    legend = grid.legend
    at_full = QTextDocument()
    at_full.setDefaultFont(grid_module._font(grid_module.LABEL_PT))
    at_full.setHtml("&nbsp;&nbsp; ".join(f'<span style="font-size:{grid_module.LABEL_PT + 6}pt">●</span>&nbsp;{text}'
                                         for text, _colour in grid.legend_entries()))  # as it was drawn
    at_full.setTextWidth(legend.contentsRect().width())
    assert legend.font().pointSize() < grid_module.LABEL_PT
    assert legend.height() <= at_full.size().height() - 10, (legend.height(), at_full.size().height())
    window.resize(1280, 720)
    qtbot.wait(100)
    assert legend.font().pointSize() == grid_module.LABEL_PT and legend.height() < 1.5 * QFontMetricsF(
        legend.font()).lineSpacing() + 20  # one line, as before
