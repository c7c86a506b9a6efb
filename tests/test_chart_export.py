"""Charts into slides, without a mouse: every chart takes the focus, Ctrl+Shift+C copies it, and its
context menu saves it as PNG or SVG (pyqtgraph's exporters)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from pmo_desktop.views.chart_export import save_chart, show_chart_menu


def charts(window):
    """Every chart of the demo office, page by page."""
    window.show_page(3)
    risks = window.pages[3]
    window.show_page(2)
    stakeholders = window.pages[2]
    window.show_page(4)
    benefits = window.pages[4]
    benefits.tabs.setCurrentWidget(benefits.map)  # the map draws itself when first shown
    return {"heat map": risks.heat_map.plot, "trend": risks.trend.plot, "grid": stakeholders.grid.plot,
            "realization": benefits.chart.plot, "benefits map": benefits.map.view}


def test_every_chart_copies_with_the_keyboard_and_saves_as_png_and_svg(main_window, qtbot, tmp_path):
    main_window.open_demo()
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    for name, plot in charts(main_window).items():
        page = plot.window()
        assert plot.focusPolicy() & Qt.FocusPolicy.TabFocus, name
        menu = show_chart_menu(plot)
        assert [a.text() for a in menu.actions()] == ["Copy Chart", "Save Chart as PNG…", "Save Chart as SVG…"]
        menu.close()
        for path in (tmp_path / f"{name}.png", tmp_path / f"{name}.svg"):
            save_chart(plot, str(path))
            assert path.stat().st_size > 1000, path
        assert (tmp_path / f"{name}.svg").read_text(encoding="utf-8").lstrip().startswith("<")
        assert page is main_window
    window = main_window
    window.show_page(3)
    risks = window.pages[3]
    risks.tabs.setCurrentWidget(risks.heat_map)
    QGuiApplication.clipboard().clear()
    risks.heat_map.plot.setFocus()
    qtbot.keyClick(risks.heat_map.plot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= risks.heat_map.plot.width()
