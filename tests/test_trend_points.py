"""The risk trend chart reads on a projector: bands with the same count at a period are drawn side by
side, not one hidden under another, and a period end right before today has no point of its own to
print over today's; the values drawn stay the counts (the spread is a few pixels)."""

import os
from itertools import combinations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from pmo_desktop.models.demo import create_demo


@pytest.fixture
def window(main_window, qtbot, tmp_path):
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert main_window.open_path(str(path))
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


def settle(qtbot):
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(20)


def markers(chart):
    """Every point drawn: (series, period, centre in pixels of the chart)."""
    view = chart.plot.getPlotItem().getViewBox()
    out = []
    for s, item in enumerate(chart.plot.getPlotItem().listDataItems()):
        for j, spot in enumerate(item.scatter.points()):
            if spot.isVisible():
                scene = view.mapViewToScene(QPointF(spot.pos().x(), spot.pos().y()))
                pixel = chart.plot.mapFromScene(scene)
                out.append((s, j, pixel.x(), pixel.y()))
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("period", [0, 1])
def test_no_point_of_the_trend_is_drawn_over_another(window, qtbot, size, period):
    window.resize(*size)
    page = window.page("Risks")
    page.tabs.setCurrentWidget(page.trend)
    chart = page.trend
    chart.period.setCurrentIndex(period)
    settle(qtbot)
    drawn = markers(chart)
    counts = [[p.counts.get(b, 0) for p in chart.points] for b in [i.name() for i in chart.plot.getPlotItem().listDataItems()]]
    assert any(a[j] == b[j] for a, b in combinations(counts, 2) for j in range(len(a)))  # the demo shares counts
    least = 0.75 * getattr(chart, "symbol_size", 12)
    for (s1, j1, x1, y1), (s2, j2, x2, y2) in combinations(drawn, 2):
        assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= least, (s1, j1, s2, j2)
    for item, ys in zip(chart.plot.getPlotItem().listDataItems(), counts):  # still each period's count
        assert [round(y) for y in item.getData()[1]] == ys
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"trend-{'month' if period == 0 else 'week'}-{size[0]}x{size[1]}.png"))


def test_spreading_and_hiding_rules():
    from pmo_desktop.views.risks.trend_chart import points_shown, side_by_side

    assert side_by_side([[2, 0], [2, 1], [5, 0]], 1.0) == [[0.5, 0.5], [-0.5, 0.0], [0.0, -0.5]]
    day = 86400.0
    assert points_shown([0, 31 * day, 61 * day, 64 * day]) == [True, True, False, True]
    assert points_shown([0, 31 * day, 61 * day]) == [True, True, True]
