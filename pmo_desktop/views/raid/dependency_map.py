"""The dependency map: projects (and outside parties) as boxes, from who delivers on the left to who needs
it on the right, dependencies as arrows coloured by status; beside it, each late or at-risk dependency
with the projects, outputs and benefits it threatens downstream. Clicking a box or a line opens the record; the
keyboard goes from box to line to box as on every chart (``ChartCursor``), Enter opening what a click does."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsTextItem,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...models import clock
from ...models.dependency_map import (
    STATUS_COLOURS,
    Arrow,
    DependencyMap,
    Node,
    Threat,
    load_dependency_map,
    threatened,
)
from ...models.registers.raid import DEPENDENCIES
from ...models.values import day_text
from ..benefits.map_view import MapCanvas, _escape, _font, edge_colour, fill_brush, text_colour
from ..chart_cursor import ChartCursor, Spot
from ..chart_export import install_export
from ..document import Document
from ..lazy_refresh import RefreshWhenShown
from ..shown_message import tell
from ..theme import colours
from ..wrapped_lines import WrappedRows
from ..zoom import follow_zoom

BOX_W, GAP_X, GAP_Y, PAD, TOP = 210.0, 80.0, 28.0, 10.0, 90.0
LEGEND_ROW_2 = 34.0  # the criticality legend's row, under the statuses' and above the boxes (TOP)
BOX_PT = 14.0  # the boxes' text as drawn at a scale of 1
# The least size the boxes' text is shown at when the map is shrunk to fit — nor smaller than the window's own
# text: on a projector at 150 % the map fitted whole to a short pane came down to half its size, the boxes' words
# 7 pt under a 13 pt list; shrunk no further, the rest scrolls (dragged, or by the arrow keys' cursor).
READABLE_PT = 10.0
LINE_SPOT = 30.0  # the cursor's frame on a line: a square round its middle (its whole curve's box hid the map)
PROJECT_FILL, PROJECT_EDGE = "#e3f2fd", "#1565c0"
OUTSIDE_FILL, OUTSIDE_EDGE = "#f5f5f5", "#616161"


class Box(QGraphicsPathItem):
    def __init__(self, key: Node, code: str, label: str):
        super().__init__()
        self.key = key
        text = QGraphicsTextItem(self)
        text.setDefaultTextColor(text_colour())
        text.setFont(_font(BOX_PT))
        text.setTextWidth(BOX_W - 2 * PAD)
        outside = key[0] == "external"
        head = "<i>outside the program</i><br>" if outside else f"<b>{_escape(code)}</b><br>"
        text.setHtml(head + _escape(label))
        text.setPos(PAD, PAD / 2)
        self.text = text  # held, or the label is collected and the box drawn empty
        self.setToolTip(f"{code} {label}".strip())
        self.height = text.boundingRect().height() + PAD
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BOX_W, self.height), 12, 12)
        self.setPath(path)
        self.setBrush(fill_brush(OUTSIDE_FILL if outside else PROJECT_FILL))
        self.setPen(QPen(edge_colour(OUTSIDE_EDGE if outside else PROJECT_EDGE), 2,
                         Qt.PenStyle.DashLine if outside else Qt.PenStyle.SolidLine))
        self.setZValue(2)


def line_width_and_style(criticality: str) -> tuple[float, Qt.PenStyle]:
    """How a dependency's line shows its criticality, as the legend says: thick for High or Critical, thin for
    Low or Medium, thin and dashed while nobody has assessed it — drawn as a Low one, an unassessed dependency
    read as judged minor on the map (walk39)."""
    if not criticality:
        return 3.0, Qt.PenStyle.DashLine
    return (5.0 if criticality in ("High", "Critical") else 3.0), Qt.PenStyle.SolidLine


def _arrow(start: QPointF, end: QPointF, colour: QColor, width: float, bend: float,
           style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QGraphicsPathItem:
    path = QPainterPath(start)
    dx = (end.x() - start.x()) * 0.5
    path.cubicTo(QPointF(start.x() + dx, start.y() + bend), QPointF(end.x() - dx, end.y() + bend), end)
    item = QGraphicsPathItem(path)
    item.setPen(QPen(colour, width, style))
    item.setZValue(1)
    head = QPainterPath()
    head.addPolygon(QPolygonF([end, QPointF(end.x() - 14, end.y() - 7), QPointF(end.x() - 14, end.y() + 7)]))
    head.closeSubpath()
    tip = QGraphicsPathItem(head, item)
    tip.setBrush(QBrush(colour))
    tip.setPen(QPen(colour, 1))
    return item


class DependencyMapView(MapCanvas):
    """``go_to(register, id)`` when a box or a line is clicked, or Enter pressed on it: a project in its
    register, a dependency on the Dependencies tab."""

    go_to = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.boxes: dict[Node, Box] = {}
        self.arrows: list[QGraphicsPathItem] = []
        self.lines: dict[int, tuple[Arrow, QGraphicsPathItem]] = {}  # dependency id → its line
        self.labels: dict[Node, str] = {}
        self.chart_cursor = ChartCursor(self, self.cursor_spots, self.open_spot)

    def cursor_spots(self) -> list[Spot]:
        """The boxes and the lines between them in reading order: left to right as the chain goes (a line
        between the columns it joins), each column from the top — Home the first party, End the last."""
        from shiboken6 import isValid

        spots = []
        for key, box in self.boxes.items():
            if not isValid(box):
                return []
            outside = key[0] == "external"
            what = (f"Outside the program: {box.toolTip()}" if outside
                    else f"Project {box.toolTip()} — Enter opens it in Projects")
            spots.append(Spot(("box", key), box.sceneBoundingRect().adjusted(-3, -3, 3, 3), what))
        for did, (arrow, line) in self.lines.items():
            if not isValid(line):
                return []
            middle = line.path().pointAtPercent(0.5)
            half = LINE_SPOT / 2
            spots.append(Spot(("line", did), QRectF(middle.x() - half, middle.y() - half, LINE_SPOT, LINE_SPOT),
                              f"{line.toolTip()}: {self.labels.get(arrow.source, '')} → "
                              f"{self.labels.get(arrow.target, '')} — Enter opens it on the Dependencies tab"))
        return sorted(spots, key=lambda spot: (round(spot.rect.center().x()), spot.rect.center().y()))

    def open_spot(self, key: tuple[str, Node | int]) -> None:
        _kind, what = key
        if isinstance(what, int):  # a line: its dependency
            self.go_to.emit("dependencies", what)
        elif what[0] == "external":
            tell(self, f"{self.labels.get(what, '')} is outside the program: it has no record of its own")
        else:
            self.go_to.emit("projects", int(what[1]))

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and item.parentItem() is not None and not isinstance(item, Box):
            item = item.parentItem()  # a box's text, a line's head
        key: tuple[str, Node | int] | None = None
        if isinstance(item, Box):
            key = ("box", item.key)
        else:
            key = next((("line", did) for did, (_a, line) in self.lines.items() if line is item), None)
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.open_spot(key)
            event.accept()
            return
        super().mousePressEvent(event)

    def _legend(self) -> None:
        scene, x = self.scene(), 0.0
        for status, colour in STATUS_COLOURS.items():
            scene.addItem(_arrow(QPointF(x, 16), QPointF(x + 46, 16), edge_colour(colour), 4, 0))
            label = scene.addText(status, _font(13))
            label.setDefaultTextColor(text_colour())
            label.setPos(x + 50, 2)
            x += 70 + label.boundingRect().width()
        # The lines' widths and dashes, on a second row: the map drew criticality without saying so.
        x, ink = 0.0, text_colour()  # no status's colour: the width and dash alone
        for criticality, words in (("High", "High or critical"), ("Low", "Low or medium"),
                                   ("", f"Criticality {DEPENDENCIES.field('criticality').unset.lower()}")):
            width, style = line_width_and_style(criticality)
            scene.addItem(_arrow(QPointF(x, LEGEND_ROW_2 + 14), QPointF(x + 46, LEGEND_ROW_2 + 14), ink, width, 0,
                                 style))
            label = scene.addText(words, _font(13))
            label.setDefaultTextColor(text_colour())
            label.setPos(x + 50, LEGEND_ROW_2)
            x += 70 + label.boundingRect().width()

    def draw(self, graph: DependencyMap) -> None:
        scene = self.scene()
        scene.clear()
        self.setBackgroundBrush(QBrush(QColor(colours().background)))
        self.boxes = {}
        self.arrows = []
        self.lines = {}
        self.labels = graph.labels
        self._legend()
        for col, nodes in enumerate(graph.columns):
            y = TOP
            for key in nodes:
                box = Box(key, graph.codes[key], graph.labels[key])
                box.setPos(col * (BOX_W + GAP_X), y)
                scene.addItem(box)
                self.boxes[key] = box
                y += box.height + GAP_Y
        if not graph.arrows:
            empty = scene.addText("No dependencies yet: add them on the Dependencies tab.", _font(15))
            empty.setDefaultTextColor(QColor(colours().muted))
            empty.setPos(0, TOP)
        seen: dict[tuple[Node, Node], int] = {}
        for a in graph.arrows:
            start_box, end_box = self.boxes[a.source], self.boxes[a.target]
            n = seen.get((a.source, a.target), 0)
            seen[(a.source, a.target)] = n + 1
            start = start_box.pos() + QPointF(BOX_W, start_box.height / 2)
            end = end_box.pos() + QPointF(0, end_box.height / 2)
            if end.x() <= start.x():  # a cycle: go back along the bottom of the boxes
                start = start_box.pos() + QPointF(BOX_W / 2, start_box.height)
                end = end_box.pos() + QPointF(BOX_W / 2, end_box.height)
            colour = edge_colour(STATUS_COLOURS.get(a.status, "#78909c"))
            width, style = line_width_and_style(a.criticality)
            criticality = a.criticality or f"criticality {DEPENDENCIES.field('criticality').unset.lower()}"
            item = _arrow(start, end, colour, width, 14.0 * n, style)
            item.setToolTip(f"{a.code} {a.title} — {a.status}, {criticality}"
                            + (f", needed by {day_text(a.needed_by)}" if a.needed_by else ""))
            scene.addItem(item)
            self.arrows.append(item)
            self.lines[a.id] = (a, item)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -10, 20, 20))
        self.chart_cursor.redraw()

    def fit(self) -> None:
        self.resetTransform()
        rect = self.scene().sceneRect()
        if rect.width() > self.viewport().width() or rect.height() > self.viewport().height():
            scale = max(min(1.0, max(READABLE_PT, self.font().pointSizeF()) / BOX_PT),
                        min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height()))
            self.scale(scale, scale)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class DependencyMapWidget(RefreshWhenShown, QWidget):
    """The map and the list of dependencies in trouble; ``open_dependency(id)`` on a double-click."""

    open_dependency = Signal(int)
    go_to = Signal(str, int)  # a box or a line of the map clicked, or Enter on it: (register, id)

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self.graph: DependencyMap | None = None
        self.threats: dict[int, Threat] = {}
        self.view = DependencyMapView(self)
        self.view.go_to.connect(self.go_to)
        install_export(self.view, "Dependency map")
        self.trouble = QTreeWidget(self)
        self.trouble.setAccessibleName("Late or at-risk dependencies and what they threaten")
        self.trouble.setHeaderLabels(["Late or at risk — what it threatens downstream"])
        self.trouble.setItemDelegate(WrappedRows(self.trouble))  # its long lines wrapped whole, not cut
        self.trouble.itemActivated.connect(self._activated)
        # The tables' text size at every zoom level, as the action log beside it (``zoom.follow_zoom``, the rule for
        # a list beside the tables and charts): in the desktop's small type it could not be read on a projector.
        follow_zoom(self.trouble)
        self.summary = QLabel(self)
        self.summary.setFont(_font(13))
        # The map above, the list below: the map is wide and short (a column per step of the chain), the list's
        # lines are long; side by side at 1280 px the map shrank to unreadable text and still did not fit.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.trouble)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])  # the map gets three fifths, whatever the list's length
        self.trouble.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.watch_registers(document, ("dependencies", "projects", "outputs", "outcomes", "benefits"))
        self.redraw_on_theme_change()

    def refresh(self) -> None:
        self._stale = False
        today = clock.today()
        office = self.document.office
        self.graph = office.read(load_dependency_map, today)
        trouble = self.graph.in_trouble()
        self.threats = {a.id: office.read(threatened, a.id) for a in trouble}
        self.view.draw(self.graph)
        self.view.fit()
        self.trouble.clear()
        for a in trouble:
            t = self.threats[a.id]
            top = QTreeWidgetItem([f"{a.code} {a.title} — {a.status}"])
            top.setData(0, Qt.ItemDataRole.UserRole, a.id)
            top.setForeground(0, QBrush(edge_colour(STATUS_COLOURS[a.status])))
            for label, names in (("Projects", t.projects), ("Outputs", t.outputs), ("Benefits", t.benefits)):
                child = QTreeWidgetItem([f"{label}: {', '.join(names) if names else '(none)'}"])
                child.setToolTip(0, child.text(0))
                top.addChild(child)
            self.trouble.addTopLevelItem(top)
            top.setExpanded(True)
        n = len(trouble)
        unplaced = self.graph.unplaced
        self.summary.setText(f"{len(self.graph.arrows)} dependencies on the map"
                             + (f" ({unplaced} more name no project yet)" if unplaced else "") + "; "
                             + (f"<span style='color:{edge_colour('#c62828').name()}'><b>{n} late or at risk</b></span>" if n
                                else "none late or at risk"))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        top = item.parent() or item
        did = top.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(did, int):
            self.open_dependency.emit(did)
