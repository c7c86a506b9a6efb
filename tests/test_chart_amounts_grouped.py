"""The benefit charts' amounts axis groups thousands ("10,000"), as the figures beside the chart do: a projector's
audience read the roll-up chart's "10000" beside "8,532" in the text above it as another kind of number."""
from __future__ import annotations

from pmo_desktop.views.benefits import chart_style


def test_the_amounts_axis_groups_thousands_and_keeps_decimals_and_small_numbers(qtbot):
    plot = chart_style.make_plot()
    qtbot.addWidget(plot)
    axis = plot.getPlotItem().getAxis("left")
    assert axis.tickStrings([0, 5000, 10000, 125000], 1, 5000) == ["0", "5,000", "10,000", "125,000"]
    assert axis.tickStrings([-2000, 0, 2000], 1, 2000) == ["-2,000", "0", "2,000"]
    assert axis.tickStrings([0.5, 1.0, 1.5], 1, 0.5) == ["0.5", "1.0", "1.5"]
    assert axis.tickStrings([1000.5, 1001.0], 1, 0.5) == ["1,000.5", "1,001.0"]
