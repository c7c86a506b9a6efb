"""Walkthrough 16: what walkthrough 15 left, and what a newcomer's walk found — real widgets, real key presses,
real dialogs (driven by timers, so a dialog that does not come up fails the test instead of hanging it)."""

from PySide6.QtCore import Qt

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
