"""Every chart can go into a slide: right-click (or the Menu key) for Copy Chart, Save as PNG and Save as
SVG; Ctrl+Shift+C copies the chart that has the focus. Charts take the focus with Tab, so all of this
works without a mouse. The chart's scene is drawn again (QGraphicsView.render) at twice the screen's
pixels, or as vectors into an SVG: pyqtgraph 0.13's exporters rescale fonts unevenly, and its SVG
exporter cannot read the paths Qt 6.11 writes."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QImage, QKeySequence, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMenu

COPY_SHORTCUT = "Ctrl+Shift+C"
EXPORT_SCALE = 2  # PNGs at twice the screen size stay sharp on a slide


def chart_name(plot) -> str:
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else None
    title = item.titleLabel.text if item is not None and item.titleLabel.isVisible() else ""
    title = re.sub(r"<[^>]+>", "", title or "") or plot.accessibleName() or "chart"
    return re.sub(r"[^\w\- ]+", "", title).strip() or "chart"


def _size(plot) -> QSize:
    """A pyqtgraph chart as large as on screen; any other graphics view (the benefits map) whole."""
    if hasattr(plot, "getPlotItem"):
        return QSize(plot.width(), plot.height())
    return plot.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10).size().toSize()


def chart_image(plot, scale: int = EXPORT_SCALE) -> QImage:
    """The chart as it looks on screen, drawn again at ``scale`` times the pixels (sharp on a slide)."""
    size = _size(plot)
    image = QImage(size.width() * scale, size.height() * scale, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        _draw(plot, painter, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    return image


def _draw(plot, painter: QPainter, target: QRectF) -> None:
    """The chart's scene (title, axes, legend, data: all graphics items) drawn into ``target`` — without the
    keyboard's frame (``chart_cursor``), which is not part of the chart."""
    cursor = getattr(plot, "keyboard_cursor", None)
    if cursor is not None:
        with cursor.left_out():
            _draw_scene(plot, painter, target)
    else:
        _draw_scene(plot, painter, target)


def _draw_scene(plot, painter: QPainter, target: QRectF) -> None:
    if hasattr(plot, "getPlotItem"):
        plot.render(painter, target, plot.viewport().rect(), Qt.AspectRatioMode.KeepAspectRatio)
    else:
        source = plot.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10)
        plot.scene().render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)


def copy_chart(plot) -> None:
    QGuiApplication.clipboard().setImage(chart_image(plot))


def save_chart(plot, path: str) -> None:
    """PNG (twice the screen's pixels) or SVG (drawn as vectors), chosen by the file's suffix."""
    if path.lower().endswith(".svg"):
        size = _size(plot)
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setTitle(chart_name(plot))
        painter = QPainter(generator)
        try:
            _draw(plot, painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
    elif not chart_image(plot).save(path):  # PNG: callers give the .png suffix
        raise OSError(f"Could not write {path}")


def ask_save_chart(plot, kind: str) -> str | None:
    suffix = ".svg" if kind == "svg" else ".png"
    filters = "SVG drawing (*.svg)" if kind == "svg" else "PNG image (*.png)"
    from .keyboard_back import keyboard_kept

    with keyboard_kept(plot):
        path, _ = QFileDialog.getSaveFileName(plot.window(), "Save Chart", chart_name(plot) + suffix, filters)
    if not path:
        return None
    if not path.lower().endswith(suffix):
        path += suffix
    save_chart(plot, path)
    return path


class _MenuOnRightClick(QObject):
    def __init__(self, plot, menu_builder):
        super().__init__(plot)
        self.plot = plot
        self.menu_builder = menu_builder

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ContextMenu:
            menu = self.menu_builder()
            menu.popup(event.globalPos())
            self.plot.chart_menu = menu
            return True
        return False


class _ZoomFollower(QObject):
    """Presentation zoom for a pyqtgraph chart: the whole chart (text, lines, markers) drawn larger by
    the application's zoom factor, as the tables are. pyqtgraph lays the chart out in a scene the size
    of the widget; here the scene is the widget's size divided by the factor and the view scales it up."""

    def __init__(self, plot):
        super().__init__(plot)
        self.plot = plot
        from .zoom import zoom

        zoom().changed.connect(self.apply)
        plot.installEventFilter(self)
        self.apply()

    def _factor(self) -> float:
        from .zoom import zoom

        return zoom().factor

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and self._factor() != 1.0:
            size = event.size()
            self.plot.range = QRectF(0, 0, size.width() / self._factor(), size.height() / self._factor())
        return False

    def apply(self, *_args) -> None:
        from pyqtgraph.widgets.GraphicsView import GraphicsView

        factor = self._factor()
        plot = self.plot
        plot.autoPixelRange = factor == 1.0
        plot.range = QRectF(0, 0, plot.width() / factor, plot.height() / factor)
        GraphicsView.setRange(plot, plot.range, padding=0, disableAutoPixel=False)


def install_export(plot, name: str = "", follow_zoom: bool = True) -> None:
    """Give a pyqtgraph PlotWidget its export menu, shortcut and keyboard focus, and (``follow_zoom``)
    the presentation zoom."""
    if getattr(plot, "export_actions", None):
        return
    plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if name:
        plot.setAccessibleName(name)
    copy = QAction("Copy Chart", plot)
    copy.setShortcut(QKeySequence(COPY_SHORTCUT))
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    copy.triggered.connect(lambda: copy_chart(plot))
    png = QAction("Save Chart as PNG…", plot)
    png.triggered.connect(lambda: ask_save_chart(plot, "png"))
    svg = QAction("Save Chart as SVG…", plot)
    svg.triggered.connect(lambda: ask_save_chart(plot, "svg"))
    plot.export_actions = [copy, png, svg]
    for action in plot.export_actions:
        plot.addAction(action)

    def build() -> QMenu:
        menu = QMenu(plot)
        for action in plot.export_actions:
            menu.addAction(action)
        return menu

    plot.chart_menu_builder = build
    if follow_zoom and hasattr(plot, "getPlotItem"):
        plot.zoom_follower = _ZoomFollower(plot)
    watcher = _MenuOnRightClick(plot, build)
    plot.viewport().installEventFilter(watcher)
    plot.installEventFilter(watcher)  # the Menu key while the chart has the focus


def show_chart_menu(plot) -> QMenu:
    """The export menu, opened from code (tests) or the keyboard."""
    menu = plot.chart_menu_builder()
    menu.popup(plot.mapToGlobal(QPoint(plot.width() // 2, plot.height() // 2)))
    plot.chart_menu = menu
    return menu
