"""The heat map's axes name every level, the end ones too ("5 Very high"), however narrow the chart and
at projector zoom: pyqtgraph dropped a tick label that ran past the end of its axis."""

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPicture
from PySide6.QtWidgets import QApplication

from pmo_desktop.views.zoom import zoom


@pytest.fixture(autouse=True)
def _zoom_back_to_100():
    yield
    zoom().reset()


@pytest.fixture
def window(demo_window):
    return demo_window


def drawn(axis) -> list[str]:
    """The tick labels the axis draws (what pyqtgraph keeps after dropping those that do not fit)."""
    picture = QPicture()
    painter = QPainter(picture)
    painter.setFont(axis.style["tickFont"])
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _rect, _flags, text in specs[2]]


def settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


@pytest.mark.parametrize("width", [None, 520])
@pytest.mark.parametrize("zoom_steps", [0, 4])
def test_every_level_is_labelled_on_both_axes(window, qtbot, width, zoom_steps):
    page = window.page("Risks")
    page.tabs.setCurrentWidget(page.heat_map)
    plot = page.heat_map.plot
    if width:
        plot.setMaximumWidth(width)  # as narrow as the chart goes
    for _ in range(zoom_steps):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    names = page.heat_map.scale.level_names
    item = plot.getPlotItem()
    bottom, left = drawn(item.getAxis("bottom")), drawn(item.getAxis("left"))
    assert len(bottom) == len(names) and len(left) == len(names)
    for k, (b, lft) in enumerate(zip(bottom, left), 1):
        assert b.split()[0] == str(k) and lft.split()[-1] == str(k)  # each level's number, in order
        assert lft == f"{names[k - 1]} {k}"
        assert b.replace("\n", " ") == f"{k} {names[k - 1]}" or "…" in b  # wrapped, or cut short
    assert "5 Very high" in item.getAxis("bottom").toolTip()  # the full names, for a cut-short one
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"heatmap-w{width or 'full'}-z{zoom().percent}.png"))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_screenshot_of_the_heat_map(window, qtbot, size):
    window.resize(*size)
    page = window.page("Risks")
    page.tabs.setCurrentWidget(page.heat_map)
    settle(qtbot)
    assert len(drawn(page.heat_map.plot.getPlotItem().getAxis("bottom"))) == len(page.heat_map.scale.level_names)
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"heatmap-{size[0]}x{size[1]}.png"))


def test_the_counts_fit_their_cells_at_projector_zoom(window, qtbot):
    page = window.page("Risks")
    page.tabs.setCurrentWidget(page.heat_map)
    for _ in range(4):  # 175 % on a 1280×720 screen: short cells
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    chart = page.heat_map
    view = chart.plot.getPlotItem().getViewBox()
    cell_height = view.height() / len(chart.scale.level_names)
    assert chart.count_items
    for text in chart.count_items.values():
        assert QFontMetricsF(text.textItem.font()).height() <= cell_height  # in the scene's units, as the cell
    folder = os.environ.get("PMO_SCREENSHOTS")
    if folder:
        window.grab().save(os.path.join(folder, "heatmap-counts-z175.png"))
