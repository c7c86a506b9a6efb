"""Themes and presentation mode: View ▸ Theme changes the palette and the charts follow at once (and it is
kept); F11 enters presentation mode and Esc leaves it, restoring everything; every page at 1280×720 and
1920×1080, light and dark, is drawn (not blank) — set PMO_SCREENSHOTS=/some/dir to keep the pictures."""

import os
import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication
from screens import screens, settle, slug

from pmo_desktop.models.demo import create_demo
from pmo_desktop.views.theme import DARK, HIGH_CONTRAST, LIGHT, SYSTEM, Colours, colours, high_contrast_class, theme
from pmo_desktop.views.zoom import zoom


@pytest.fixture(autouse=True)
def _back_to_system_theme_and_100():
    yield
    theme().set_choice(SYSTEM)
    zoom().reset()


@pytest.fixture
def window(main_window, qtbot, tmp_path):
    path = tmp_path / "demo.pmo"
    create_demo(path).close()
    assert main_window.open_path(str(path))
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    return main_window


def background_of(plot) -> QColor:
    return plot.backgroundBrush().color()


def brightest(icon) -> float:
    """The lightness of the brightest opaque pixel of an icon."""
    image = icon.pixmap(22, 22).toImage()
    return max((image.pixelColor(x, y).lightnessF() for x in range(image.width()) for y in range(image.height())
                if image.pixelColor(x, y).alpha() > 200), default=0.0)


def pixel(widget, x_fraction: float = 0.5, y_fraction: float = 0.5) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(int(image.width() * x_fraction), int(image.height() * y_fraction))


def test_the_theme_menu_changes_the_palette_and_the_charts_follow_at_once(window, qtbot):
    assert window.theme_actions[SYSTEM].isChecked()  # the default: follow the system
    assert QApplication.style().name().lower() == "fusion"
    risks = window.page("Risks")
    risks.tabs.setCurrentWidget(risks.heat_map)
    settle(qtbot)
    plot = risks.heat_map.plot
    window.set_theme(LIGHT)
    light_window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert background_of(plot) == QColor("#ffffff")
    light_axis = plot.getPlotItem().getAxis("left").textPen().color()

    window.theme_actions[DARK].trigger()
    dark_window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert dark_window.lightnessF() < 0.3 < light_window.lightnessF()
    assert QApplication.palette().color(QPalette.ColorRole.Text).lightnessF() > 0.8
    assert background_of(plot) == QColor(colours().background) and background_of(plot).lightnessF() < 0.2
    dark_axis = plot.getPlotItem().getAxis("left").textPen().color()
    assert dark_axis.lightnessF() > 0.8 > 0.3 > light_axis.lightnessF()
    # What is drawn follows too: the chart's middle is no longer white, and the title is light text.
    assert pixel(plot, 0.995, 0.01).lightnessF() < 0.3
    assert "color: #ffe6e6e6" in plot.getPlotItem().titleLabel.item.toHtml().lower() or \
        QColor(plot.getPlotItem().titleLabel.opts["color"]).lightnessF() > 0.8

    # The toolbar's drawn icons (where the icon theme has none) are light on the dark toolbar.
    if not QIcon.hasThemeIcon("zoom-in"):
        assert brightest(window.zoom_in_action.icon()) > 0.8
    if not QIcon.hasThemeIcon("edit-undo"):
        assert brightest(window.tool_undo.icon()) > 0.8
    window.theme_actions[HIGH_CONTRAST].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor("#000000")
    assert QApplication.palette().color(QPalette.ColorRole.Text) == QColor("#ffffff")
    assert background_of(plot) == QColor("#000000")
    # Text boxes keep a visible (white) frame on the black window.
    assert isinstance(QApplication.style(), high_contrast_class())
    search = window.page("Risks").register_view.search
    frame = search.grab().toImage()
    assert frame.pixelColor(0, frame.height() // 2).lightnessF() > 0.9
    window.theme_actions[DARK].trigger()
    assert not isinstance(QApplication.style(), high_contrast_class())
    assert QApplication.style().name().lower() == "fusion"
    window.theme_actions[HIGH_CONTRAST].trigger()

    # The choice is kept for the next window; the system choice follows the platform again.
    assert window.settings.value("view/theme") == HIGH_CONTRAST
    window.theme_actions[SYSTEM].trigger()
    assert theme().choice == SYSTEM and window.settings.value("view/theme") == SYSTEM


def test_a_new_window_starts_in_the_theme_last_chosen(qtbot, tmp_path):
    from pmo_desktop.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "theme.ini"), QSettings.Format.IniFormat)
    settings.setValue("view/theme", DARK)
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert theme().name == DARK and other.theme_actions[DARK].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.2
    settings.setValue("view/theme", "purple")  # an unknown value: the system's theme, no error
    third = MainWindow(settings)
    qtbot.addWidget(third)
    assert theme().choice == SYSTEM and third.theme_actions[SYSTEM].isChecked()


def test_every_chart_and_map_follows_a_theme_change(window, qtbot):
    stakeholders = window.page("Stakeholders")
    benefits = window.page("Benefits")
    benefits.tabs.setCurrentWidget(benefits.map)
    settle(qtbot)
    window.set_theme(DARK)
    settle(qtbot)
    dark = colours().background
    assert background_of(stakeholders.grid.plot) == QColor(dark)
    assert background_of(benefits.chart.plot) == QColor(dark)
    assert background_of(benefits.rollup.plot) == QColor(dark)
    assert benefits.map.view.backgroundBrush().color() == QColor(dark)
    # The grid's names are light text on a dark panel, not black on white.
    label = next(iter(stakeholders.grid._labels.values()))
    assert label.color.lightnessF() > 0.8 and label.fill.color().lightnessF() < 0.3
    # A map box: a dark fill of its colour under light text.
    node = next(iter(benefits.map.view.nodes.values()))
    assert node.brush().color().lightnessF() < 0.35 and node.text.defaultTextColor().lightnessF() > 0.8
    window.set_theme(LIGHT)
    settle(qtbot)
    assert benefits.map.view.backgroundBrush().color() == QColor("#ffffff")
    assert background_of(stakeholders.grid.plot) == QColor("#ffffff")


def test_pale_fills_turn_dark_and_strong_lines_turn_light_in_dark_themes():
    from pmo_desktop.views.theme import COLOURS

    light, dark, hc = (COLOURS[n] for n in (LIGHT, DARK, HIGH_CONTRAST))
    assert isinstance(dark, Colours)
    assert light.tint("#fde4e1") == "#fde4e1" and light.strong("#1565c0") == "#1565c0"
    for c in (dark, hc):
        for pale in ("#fde4e1", "#fff4d6", "#e3f0fd", "#eef0f1", "#ffcc80"):
            assert QColor(c.tint(pale)).lightnessF() < 0.4  # light text reads on it
        for strong in ("#1565c0", "#c62828", "#616161"):
            assert QColor(c.strong(strong)).lightnessF() >= 0.6  # readable on the dark background
    assert QColor(dark.tint("#fde4e1")).hue() in range(0, 20)  # still reddish


def test_presentation_mode_by_keyboard_and_esc_restores_everything(window, qtbot):
    window.show_page(1)  # Projects
    view = window.pages[1].register_view
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    size = view.table.font().pointSizeF()
    row = view.table.verticalHeader().defaultSectionSize()
    assert window.nav.isVisible() and window.toolbar.isVisible() and window.statusBar().isVisible()
    saved_zoom = window.settings.value("view/zoom")

    qtbot.keyClick(view.table, Qt.Key.Key_F11)
    assert window.presentation.active and window.presentation_action.isChecked()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    assert not window.nav.isVisible() and not window.toolbar.isVisible() and not window.statusBar().isVisible()
    assert window.menuBar().isVisible()
    # 150 % on a projector-sized screen, 125 % on a narrow one (the offscreen screen is 800 pixels wide)
    grown = 1.5 if window.screen().geometry().width() >= 1200 else 1.25
    assert view.table.font().pointSizeF() == pytest.approx(size * grown)
    assert view.table.verticalHeader().defaultSectionSize() > row
    assert window.settings.value("view/zoom") == saved_zoom  # presenting saves no zoom
    # Pages still change by keyboard while presenting.
    qtbot.keyClick(view.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page("Risks")
    risks = window.page("Risks")
    risks.register_view.table.setFocus()
    qtbot.waitUntil(risks.register_view.table.hasFocus)

    qtbot.keyClick(risks.register_view.table, Qt.Key.Key_Escape)
    assert not window.presentation.active and not window.presentation_action.isChecked()
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)
    assert window.nav.isVisible() and window.toolbar.isVisible() and window.statusBar().isVisible()
    assert zoom().percent == 100 and view.table.font().pointSizeF() == size
    assert window.settings.value("view/zoom") in (saved_zoom, 100, "100")

    # F11 again toggles it on and off; closing while presenting keeps the normal geometry.
    qtbot.keyClick(risks.register_view.table, Qt.Key.Key_F11)
    assert window.presentation.active
    qtbot.keyClick(risks.register_view.table, Qt.Key.Key_F11)
    assert not window.presentation.active
    qtbot.keyClick(risks.register_view.table, Qt.Key.Key_F11)
    window.close()
    assert not window.presentation.active
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_esc_in_an_open_editor_cancels_the_edit_and_stays_presenting(window, qtbot):
    window.show_page(1)
    view = window.pages[1].register_view
    view.table.setFocus()
    window.presentation.enter()
    view.table.setCurrentIndex(view.proxy.index(0, 2))
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.table.state() == view.table.State.EditingState)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.presentation.active  # the first Esc closed the editor
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert not window.presentation.active


def _varied(image: QImage) -> int:
    """How many different colours a grid of samples over the picture finds (a blank one finds 1)."""
    seen = set()
    for i in range(48):
        for j in range(48):
            seen.add(image.pixel(int(image.width() * (i + 0.5) / 48), int(image.height() * (j + 0.5) / 48)))
    return len(seen)


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_every_page_light_and_dark_is_drawn(window, qtbot, tmp_path, width, height):
    keep = os.environ.get("PMO_SCREENSHOTS")
    window.showNormal()
    window.resize(width, height)
    settle(qtbot, 60)
    shots = []
    for name in (LIGHT, DARK):
        window.set_theme(name)
        for screen in screens(window, qtbot):
            image = window.grab().toImage()
            assert (image.width(), image.height()) == (width, height)
            path = tmp_path / f"{width}x{height}-{name}-{slug(screen)}.png"
            assert image.save(str(path))
            shots.append(path)
            assert _varied(image) >= 12, f"{screen} ({name}, {width}×{height}) looks blank"
            # The page itself is in the theme: its background is dark in dark mode, light in light mode.
            page = window.stack.currentWidget()
            back = page.palette().color(QPalette.ColorRole.Window)
            assert (back.lightnessF() < 0.3) == (name == DARK), screen
    assert len(shots) >= 2 * 15
    if keep:
        os.makedirs(keep, exist_ok=True)
        for path in shots:
            shutil.copy(path, os.path.join(keep, path.name))
