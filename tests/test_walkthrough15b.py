"""Walkthrough 15 (second part): walk14's leftovers at 150 % — real widgets, real key presses."""

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_at_150_percent_the_grid_s_names_are_read_not_cut_or_drawn_over_each_other(demo_window, qtbot):
    """At 150 % on a 1280×720 screen the power/interest grid beside the table is about 390 of Qt's pixels wide.
    Its power axis kept "5 Very high" and 150 pixels of them, the cells were left so narrow that the demo's
    names were cut ("Heler Broo…"), and two-line names in rows one above the other were drawn over each other
    ("Linda Osei" under "Union representatives"). Where interest's levels are numbers the power axis's are too,
    as narrow as they need; a name with no neighbour above or under it keeps its two lines, whole; one with a
    neighbour there takes one line."""
    window = demo_window
    window.resize(853, 480)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.stack.currentWidget()
    page.tabs.setCurrentWidget(page.grid)
    qtbot.wait(100)
    grid = page.grid
    grid.plot.grab()  # drawn: pyqtgraph places its text items as it paints them
    item = grid.plot.getPlotItem()
    left = item.getAxis("left")
    assert [text for _y, text in left._tickLevels[0]] == ["5", "4", "3", "2", "1"]
    assert left.width() < 80, left.width()
    by_name = {p.name: grid._labels[p.id] for p in grid.points}
    assert by_name["Helen Brooks"].textItem.toPlainText().replace("\n", " ") == "Helen Brooks"
    assert by_name["Raj Mehta"].textItem.toPlainText().replace("\n", " ") == "Raj Mehta"
    labels = list(by_name.values())
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            overlap = a.sceneBoundingRect().intersected(b.sceneBoundingRect())
            assert overlap.height() <= 2 or overlap.width() <= 2, (a.textItem.toPlainText(), b.textItem.toPlainText())

    window.resize(1280, 720)  # an ordinary screen: the levels' words, as they were
    qtbot.wait(100)
    assert [text for _y, text in left._tickLevels[0]][0] == "5 Very high"
    assert left.width() == 150
