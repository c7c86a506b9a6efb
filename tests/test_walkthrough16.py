"""Walkthrough 16: what walkthrough 15 left, and what a newcomer's walk found — real widgets, real key presses,
real dialogs (driven by timers, so a dialog that does not come up fails the test instead of hanging it)."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def drawn_points(axis) -> float:
    return (axis.style["tickFont"]).pointSizeF()


def test_at_150_percent_the_heat_map_s_two_axes_are_labelled_in_one_type_size(demo_window, qtbot):
    """At 150 % on a 1280×720 screen (853×480 of Qt's pixels) the impact labels shrank to 10 pt to fit their
    cells while the probability labels beside them stayed 14 pt: two sizes on one chart read as a mistake. Both
    axes now share one size, the largest at which the impact labels fit; the probability axis, narrower in it,
    gives its width to the cells. On an ordinary screen both stay 14 pt."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.heat_map)
    qtbot.wait(100)
    item = page.heat_map.plot.getPlotItem()
    bottom, left = item.getAxis("bottom"), item.getAxis("left")
    assert drawn_points(bottom) < 14
    assert drawn_points(left) == drawn_points(bottom)
    names = page.heat_map.scale.level_names
    for k, text in bottom._tickLevels[0]:  # every impact level whole: wrapped, never cut
        assert "…" not in text and text.split() == [str(k), *names[k - 1].split()], text

    window.resize(1280, 720)
    qtbot.wait(100)
    assert drawn_points(bottom) == drawn_points(left) == 14


def label_rects(grid) -> dict[str, QRectF]:
    grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them
    return {p.name: grid._labels[p.id].sceneBoundingRect() for p in grid.points}


def assert_clear(grid, rects: dict[str, QRectF]) -> None:
    """No label over another, over another stakeholder's point, or past the grid's edges."""
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            overlap = rects[a].intersected(rects[b])
            assert overlap.height() <= 2 or overlap.width() <= 2, (a, b)
    view = grid.view.sceneBoundingRect()
    for p in grid.points:
        rect = rects[p.name].adjusted(4, 4, -4, -4)  # (the text item's margins)
        assert view.contains(rect), p.name
        for other in grid.points:
            if other.id != p.id:
                assert not rect.contains(grid.scene_pos_of(other.id)), (p.name, other.name)


def test_at_150_percent_the_grid_s_names_are_drawn_whole_where_the_grid_has_room(demo_window, qtbot):
    """Beside the table at 150 % on 1280×720 the power/interest grid's cells are about 65 pixels wide and each
    name was kept to its cell: "Payme…", "Mark…", "Data protect…" on a projector, the whole name only in a
    tooltip nobody in the room can see. A name its cell cuts is now drawn whole where the grid is free — on one
    line right or left of its point, else on two or three lines — never over another name or point. At
    1280×720 every one of the demo's names is whole (it cut "Store manage…")."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.grid)
    qtbot.wait(100)
    grid = page.grid
    rects = label_rects(grid)
    text = {p.name: grid._labels[p.id].textItem.toPlainText().replace("\n", " ") for p in grid.points}
    for name in ("Payments provider", "Marketing team", "Data protection officer", "Helen Brooks", "Raj Mehta"):
        assert text[name] == name
    assert_clear(grid, rects)

    window.resize(1280, 720)
    qtbot.wait(100)
    rects = label_rects(grid)
    assert all(grid._labels[p.id].textItem.toPlainText().replace("\n", " ") == p.name for p in grid.points)
    assert_clear(grid, rects)
    QApplication.processEvents()
