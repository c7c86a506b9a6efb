"""The stakeholders not rated yet (no power or no interest), listed beside the power/interest grid.

They were drawn as a band of points under the grid's interest axis, labelled "Not rated" among the power levels:
read as a sixth, lowest row of the grid (a power below "Very low"), with the quadrants' titles crowded over it
and, at 150 % on 1280×720, the grid's cells made shorter for it. A stakeholder with no rating has no place on
the grid, so the grid shows the rated alone and these wait in a list of their own, by name: Enter (or a double
click) selects the row in the table to type the ratings in; Ctrl+arrows, as on the grid, rate one from the middle
(3, 3) a level at a time, and it moves onto the grid; a name dragged onto the grid is rated where it is dropped."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole
MIME_TYPE = "application/x-pmo-stakeholder-id"
HINT = ("Enter selects its row in the table, to type power and interest; Ctrl+arrows, or a drag onto the grid, "
        "rates it there")
NAMES_PT = 12  # read from the back of a room, as the names on the grid are (14 pt there, shrinking with the cells)
# Ctrl+arrows on a name: (power, interest) steps from the middle of the grid, as on the grid itself
STEPS = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Left: (0, -1)}


class _Names(QListWidget):
    stepped = Signal(int, int, int)  # record id, power step, interest step

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("not_rated")
        self.setAccessibleName("Stakeholders not rated yet")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def mimeData(self, items) -> QMimeData:  # type: ignore[override]  # (PySide's signature: a list of items)
        data = QMimeData()
        if items:
            data.setData(MIME_TYPE, str(items[0].data(ID_ROLE)).encode())
            data.setText(items[0].text())
        return data

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if (item is not None and event.key() in STEPS
                and event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier):
            self.stepped.emit(item.data(ID_ROLE), *STEPS[Qt.Key(event.key())])
            return
        if (self.flow() == QListView.Flow.LeftToRight and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            # the names on one line under the grid: Down and Up go to the next and the one before, as in the column
            # beside it (Qt's list moves by rows, and that line has one)
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.setCurrentRow(min(max(self.currentRow() + step, 0), self.count() - 1))
            return
        super().keyPressEvent(event)


class NotRatedList(QWidget):
    """Its title with the count, the names, and how to rate one; hidden while every stakeholder is rated."""

    chosen = Signal(int)  # Enter or a double click: the stakeholder's row in the table
    stepped = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        self.names = _Names(self)
        self.names.setWordWrap(True)
        font = self.names.font()
        font.setPointSize(NAMES_PT)
        self.names.setFont(font)
        self.title.setFont(font)
        self.title.setBuddy(self.names)
        self.title.setToolTip(HINT)
        self.names.setToolTip(HINT)
        self.names.setAccessibleDescription(HINT)
        self.names.itemActivated.connect(lambda item: self.chosen.emit(item.data(ID_ROLE)))
        self.names.stepped.connect(self.stepped)
        self.box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.title)
        self.box.addWidget(self.names, 1)

    def fill(self, stakeholders: list[tuple[int, str, str]]) -> None:
        """(id, name, tooltip) of each stakeholder not rated yet, in the table's order."""
        row = max(self.names.currentRow(), 0)
        self.names.clear()
        for record_id, name, tip in stakeholders:
            item = QListWidgetItem(name, self.names)
            item.setData(ID_ROLE, record_id)
            item.setToolTip(tip)
        self.names.setCurrentRow(min(row, self.names.count() - 1))
        self.title.setText(f"<b>&Not rated yet ({len(stakeholders)})</b>")
        self.setVisible(bool(stakeholders))

    def set_beside(self, beside: bool, width: int) -> None:
        """Beside the grid: the title over a column of names, ``width`` wide. Under it: the title and the names
        on one line, side by side (scrolled along when they are more than the line holds), so that the grid keeps
        its height — at 150 % on 1280×720 it has 180 of Qt's pixels."""
        names = self.names
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if beside else QBoxLayout.Direction.LeftToRight)
        names.setFlow(QListView.Flow.TopToBottom if beside else QListView.Flow.LeftToRight)
        names.setWrapping(False)
        names.setSpacing(0 if beside else 4)
        if beside:
            self.setFixedWidth(width)
            names.setMinimumHeight(0)
            names.setMaximumHeight(16777215)
        else:
            self.setMinimumWidth(0)
            self.setMaximumWidth(16777215)
            # one line of names, no scroll bar under it (the arrows and the wheel scroll along; a bar took a third
            # of the line's height from a grid that had none to spare)
            row = names.sizeHintForRow(0) if names.count() else names.fontMetrics().height() + 4
            names.setFixedHeight(row + 2 * names.spacing() + 2 * names.frameWidth())
        names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if beside
                                           else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def shown_ids(self) -> list[int]:
        return [self.names.item(i).data(ID_ROLE) for i in range(self.names.count())]
