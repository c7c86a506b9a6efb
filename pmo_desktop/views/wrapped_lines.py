"""Labels that wrap keep the height of all their lines, and so do a tree's rows (``WrappedRows``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView


def keep_wrapped_lines(labels: Iterable[QLabel]) -> None:
    """Each wrapping label asks for the height of all its lines at its width. A layout's minimum counts one line
    of a wrapping label, so where a panel is short (presenting on a small screen, a register below its table at
    1280×720) the splitter or the text boxes beside took the rest and the label's lines were cut through — a risk's
    summary on two lines at 125 %, a new stakeholder's "not rated yet · attitude not assessed yet · …". With this
    the panel asks for what it shows and the table above gives it (or the page scrolls). Call it when the panel
    is resized and when a label's text changes."""
    for label in labels:
        width = label.width() if label.isVisible() else 0
        need = label.heightForWidth(width) if width > 0 else -1
        if need > 0 and label.minimumHeight() != need:
            label.setMinimumHeight(need)
            # The label grows in place at once; its layout moves what is below it now, not at a next layout that
            # did not come (the stakeholder panel's summary lay under its text boxes until a resize).
            holder = label.parentWidget()
            layout = holder.layout() if holder is not None else None
            if layout is not None:
                layout.activate()


class WrappedRows(QStyledItemDelegate):
    """A tree's rows as tall as their wrapped text at the column's width. ``setWordWrap(True)`` alone left each row
    one line high — Qt asks a row's size with no width to wrap in — so the dependency map's list of what a late
    dependency threatens cut its long lines ("Outputs: OP-02 …, OP-04 Point of sale replacement release…") at
    1280×720, the outputs and benefits after it unread (walk39). The rows are laid out again when the column's width
    changes."""

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.header().sectionResized.connect(lambda *_: tree.scheduleDelayedItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margin = 2 * (self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        width = self.tree.columnWidth(index.column()) - margin - (
            depth * self.tree.indentation() if index.column() == 0 else 0)
        text = str(index.data() or "")
        if width <= 0 or not text:
            return hint
        lines = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 4))
