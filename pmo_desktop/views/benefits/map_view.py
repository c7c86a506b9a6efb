"""The benefits map drawn for a workshop: five columns of rounded boxes joined by arrows.

Large text on white, orphans in red with a warning marker, weaker gaps in amber, and a legend.
Clicking a box emits ``node_clicked(register, id)`` so the page can select that record.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...models.benefits_map import LAYER_TITLES, LAYERS, ORPHAN, WARNING, BenefitsMap, Key, load_map
from ..chart_cursor import ChartCursor, Spot
from ..chart_export import install_export
from ..document import Document
from ..lazy_refresh import RefreshWhenShown
from ..theme import colours

WATCHED = set(LAYERS) | {"people"}
BOX_W, GAP_X, GAP_Y, PAD = 240.0, 80.0, 20.0, 10.0
TOP = 110.0
FILL = {"projects": "#e3f2fd", "outputs": "#e8eaf6", "outcomes": "#e0f2f1", "benefits": "#f1f8e9", "objectives": "#fff8e1"}
EDGE = {"projects": "#1565c0", "outputs": "#3949ab", "outcomes": "#00796b", "benefits": "#558b2f", "objectives": "#ef6c00"}
# Colours for a white page; drawn through the theme (``fill_brush``, ``edge_colour``), which darkens or lightens them.
ORPHAN_COLOUR, WARNING_COLOUR, ORPHAN_FILL = "#c62828", "#b26a00", "#ffebee"


def fill_brush(pale: str) -> QBrush:
    return QBrush(QColor(colours().tint(pale)))


def edge_colour(colour: str) -> QColor:
    return QColor(colours().strong(colour))


def text_colour() -> QColor:
    return QColor(colours().text)


def _font(pt: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(pt)
    f.setBold(bold)
    return f


class NodeItem(QGraphicsPathItem):
    """One rounded box: code, label and (for flagged nodes) the reason in red or amber."""

    def __init__(self, key: Key, code: str, label: str, flag: str, reason: str):
        super().__init__()
        self.key = key
        self.flag = flag
        register = key[0]
        text = QGraphicsTextItem(self)
        text.setDefaultTextColor(text_colour())
        text.setFont(_font(14))
        text.setTextWidth(BOX_W - 2 * PAD)
        marker = ""
        if flag:
            colour = ORPHAN_COLOUR if flag == ORPHAN else WARNING_COLOUR
            marker = f"<br><span style='color:{edge_colour(colour).name()}; font-weight:bold'>⚠ {reason}</span>"
        code_html = f"<span style='color:{colours().muted}; font-size:12pt'>{code}</span><br>" if code else ""
        text.setHtml(f"{code_html}{_escape(label)}{marker}")
        text.setPos(PAD, PAD * 0.6)
        self.text = text
        height = text.boundingRect().height() + PAD * 1.2
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BOX_W, height), 12, 12)
        self.setPath(path)
        if flag == ORPHAN:
            self.setBrush(fill_brush(ORPHAN_FILL))
            self.setPen(QPen(edge_colour(ORPHAN_COLOUR), 4))
        elif flag == WARNING:
            self.setBrush(fill_brush(FILL[register]))
            self.setPen(QPen(edge_colour(WARNING_COLOUR), 3, Qt.PenStyle.DashLine))
        else:
            self.setBrush(fill_brush(FILL[register]))
            self.setPen(QPen(edge_colour(EDGE[register]), 2))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{code} {label}" + (f"\n⚠ {reason}" if flag else "") + "\nClick to open it in its register.")
        self.setZValue(2)

    @property
    def height(self) -> float:
        return self.path().boundingRect().height()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _arrow(start: QPointF, end: QPointF, direct: bool) -> QGraphicsPathItem:
    path = QPainterPath(start)
    dx = (end.x() - start.x()) * 0.5
    path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
    item = QGraphicsPathItem(path)
    arrow = QColor(colours().divider)
    pen = QPen(arrow, 2.2, Qt.PenStyle.DashLine if direct else Qt.PenStyle.SolidLine)
    item.setPen(pen)
    item.setZValue(1)
    head = QPolygonF([end, QPointF(end.x() - 12, end.y() - 6), QPointF(end.x() - 12, end.y() + 6)])
    head_item = QGraphicsPathItem(item)
    head_path = QPainterPath()
    head_path.addPolygon(head)
    head_path.closeSubpath()
    head_item.setPath(head_path)
    head_item.setBrush(QBrush(arrow))
    head_item.setPen(QPen(arrow, 1))
    return item


class MapCanvas(QGraphicsView):
    """A map drawn as boxes and arrows on the theme's background, smooth, dragged to scroll: the benefits
    and dependency maps. Their widgets redraw them when the theme changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QBrush(QColor(colours().background)))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class MapView(MapCanvas):
    node_clicked = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.nodes: dict[Key, NodeItem] = {}
        self.auto_fit = True
        # The keyboard: arrows go from box to box (Left and Right along the chain, Up and Down in a column),
        # Enter opens the box's record in its register as a click does.
        self.chart_cursor = ChartCursor(self, self.cursor_spots, lambda key: self.click_node(key))

    def cursor_spots(self) -> list[Spot]:
        """Every box, a column after the other from the projects, each column from the top."""
        from shiboken6 import isValid

        spots = []
        for key, node in self.nodes.items():
            if not isValid(node):
                return []
            text = " ".join(node.toolTip().split("\n")[:-1])  # its tooltip, without "Click to open…"
            layer = LAYER_TITLES[LAYERS.index(key[0])].rstrip("s")
            spots.append(Spot(key, node.sceneBoundingRect().adjusted(-3, -3, 3, 3),
                              f"{layer}: {text} — Enter opens it in its register"))
        return spots

    def _legend(self) -> None:
        """One row above the columns, so a screenshot or a projector shows the key with the map."""
        scene, x = self.scene(), 0.0
        entries = [("Linked", FILL["benefits"], QPen(edge_colour(EDGE["benefits"]), 2)),
                   ("⚠ Orphan: no enabling project, or enables no benefit", ORPHAN_FILL, QPen(edge_colour(ORPHAN_COLOUR), 4)),
                   ("⚠ Gap in the chain", FILL["outcomes"], QPen(edge_colour(WARNING_COLOUR), 3, Qt.PenStyle.DashLine))]
        for text, pale, pen in entries:
            label = QGraphicsTextItem(text)
            label.setFont(_font(14))
            label.setDefaultTextColor(text_colour())
            w, h = label.boundingRect().width() + 16, label.boundingRect().height() + 6
            path = QPainterPath()
            path.addRoundedRect(QRectF(0, 0, w, h), 10, 10)
            chip = QGraphicsPathItem(path)
            chip.setBrush(fill_brush(pale))
            chip.setPen(pen)
            chip.setPos(x, 0)
            scene.addItem(chip)
            label.setParentItem(chip)
            label.setPos(8, 3)
            x += w + 24
        arrow = _arrow(QPointF(x, 18), QPointF(x + 70, 18), True)
        scene.addItem(arrow)
        note = scene.addText("project linked straight to a benefit", _font(14))
        note.setDefaultTextColor(text_colour())
        note.setPos(x + 78, 2)

    def draw(self, graph: BenefitsMap) -> None:
        scene = self.scene()
        scene.clear()
        self.setBackgroundBrush(QBrush(QColor(colours().background)))
        self.nodes = {}
        self._legend()
        for col, (layer, title) in enumerate(zip(LAYERS, LAYER_TITLES)):
            x = col * (BOX_W + GAP_X)
            header = scene.addText(title, _font(17, bold=True))
            header.setDefaultTextColor(edge_colour(EDGE[layer]))
            header.setPos(x + (BOX_W - header.boundingRect().width()) / 2, 58)
            y = TOP
            for key in graph.columns[col]:
                node = graph.nodes[key]
                item = NodeItem(key, node.code, node.label, node.flag, node.reason)
                item.setPos(x, y)
                scene.addItem(item)
                self.nodes[key] = item
                y += item.height + GAP_Y
            if not graph.columns[col]:
                empty = scene.addText("(none yet)", _font(14))
                empty.setDefaultTextColor(QColor(colours().muted))
                empty.setPos(x + PAD, TOP)
        for edge in graph.edges:
            a, b = self.nodes.get(edge.source), self.nodes.get(edge.target)
            if a is None or b is None:
                continue
            start = a.pos() + QPointF(BOX_W, a.height / 2)
            end = b.pos() + QPointF(0, b.height / 2)
            scene.addItem(_arrow(start, end, edge.direct))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -10, 20, 20))
        self.chart_cursor.redraw()

    def fit(self) -> None:
        """Fit the map's width to the window (until the user zooms); it refits on resize."""
        self.auto_fit = True
        self.resetTransform()
        rect = self.scene().sceneRect()
        if rect.width() > self.viewport().width():
            # Fit the width, but keep the text readable; the rest scrolls.
            scale = max(0.6, self.viewport().width() / rect.width())
            self.scale(scale, scale)

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
        else:
            super().wheelEvent(event)

    def node_at(self, pos) -> NodeItem | None:
        item: QGraphicsItem | None = self.itemAt(pos)
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        return item

    def mousePressEvent(self, event) -> None:
        node = self.node_at(event.position().toPoint())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.click_node(node.key)
            event.accept()
            return
        super().mousePressEvent(event)

    def click_node(self, key: Key) -> None:
        self.node_clicked.emit(key[0], key[1])




class BenefitsMapWidget(RefreshWhenShown, QWidget):
    """The map with a legend and zoom buttons; redraws when the chain's registers change."""

    node_clicked = Signal(str, int)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.graph: BenefitsMap | None = None
        self.view = MapView(self)
        install_export(self.view, "Benefits map")
        self.view.node_clicked.connect(self.node_clicked)
        legend = QHBoxLayout()
        title = QLabel("Benefits map — click a box to open it in its register")
        title.setFont(_font(15, bold=True))
        title.setWordWrap(True)  # on two lines in a narrow window (150 % on 1280×720), not wider than the page
        legend.addWidget(title, 1)
        for text, slot in (("−", lambda: self.view.zoom(1 / 1.2)), ("+", lambda: self.view.zoom(1.2)), ("Fit", self.view.fit)):
            button = QPushButton(text, self)
            button.setFont(_font(13))
            button.setFixedWidth(48)
            button.clicked.connect(slot)
            legend.addWidget(button)
        self.summary = QLabel(self)
        self.summary.setFont(_font(13))
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.watch_registers(document, WATCHED)
        self.redraw_on_theme_change()

    def refresh(self) -> None:
        self._stale = False
        self.graph = self.document.office.read(load_map)
        self.view.draw(self.graph)
        self.view.fit()
        orphans = self.graph.orphans
        if orphans:
            names = ", ".join(f"{n.code} {n.label}" for n in orphans[:6]) + (" …" if len(orphans) > 6 else "")
            self.summary.setText(f"<span style='color:{edge_colour(ORPHAN_COLOUR).name()}'><b>⚠ {len(orphans)} orphan"
                                 f"{'s' if len(orphans) != 1 else ''}:</b> {_escape(names)}</span>")
        else:
            self.summary.setText("Every benefit has an enabling project and every project enables a benefit.")
