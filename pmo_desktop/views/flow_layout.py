"""A layout that places its items left to right and goes on to a new line when the width runs out, as
words wrap (Qt's flow layout example): a bar of filters fits a narrow window — a large scale, a small
screen — on two lines instead of making the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line, as wide as it needs."""
        m = self.contentsMargins()
        shown = [item.sizeHint() for item in self._items if not item.isEmpty()]
        width = sum(s.width() for s in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((s.height() for s in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as its widest item: the rest wraps."""
        m = self.contentsMargins()
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def height_with(self, width: int, extra: list[QSize]) -> int:
        """The height at this width were these sizes also laid out after the items."""
        m = self.contentsMargins()
        sizes = [item.sizeHint() for item in self._items if not item.isEmpty()] + extra
        x, y, line, right = 0, 0, 0, width - m.left() - m.right()
        for hint in sizes:
            if x + hint.width() > right and line > 0:
                x, y, line = 0, y + line + self.spacing(), 0
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line + m.top() + m.bottom()

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in lines (or only measure them); each item sits in the middle of its line's
        height, as a horizontal box puts it — topped, a label ("As at:") sat a few pixels above its combo."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize, int]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and lines[-1]:  # on to the next line
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint, x))
            x += hint.width() + self.spacing()
        y = area.y()
        for number, line in enumerate(lines):
            height = max((hint.height() for _item, hint, _x in line), default=0)
            if move:
                for item, hint, left in line:
                    item.setGeometry(QRect(QPoint(left, y + (height - hint.height()) // 2), hint))
            if number < len(lines) - 1:
                y += height + self.spacing()
            else:
                y += height
        return y - rect.y() + m.bottom()
