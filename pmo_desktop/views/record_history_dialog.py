"""Edit ▸ Record History… (Ctrl+Shift+H): the changes the file keeps of the record the keyboard is on, newest
first — when, by whom, what (added, changed, deleted) and each field moved from what to what (models/record_history).
"By" is the name the change was saved under (models/who): "—" for a change saved before the file kept it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..models import records, who
from ..models.fields import Register
from ..models.record_history import Step, history_of
from ..models.values import moment_text
from .document import Document
from .screen_fit import resize_within_screen

COLUMNS = ("When", "By", "Change", "Field", "Before", "After")
BY = COLUMNS.index("By")


class RecordHistoryDialog(QDialog):
    def __init__(self, document: Document, register: Register, record_id: int, name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"History of {name}")
        self.steps: list[Step] = document.office.read(
            lambda s: history_of(s, register, record_id, records.load_context(s)))
        heading = QLabel(f"<b>{name}</b> — {register.title}: every change the file keeps, newest first, and who "
                         "made it.", self)
        heading.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(f"History of {name}")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        lines = [(moment_text(step.when) if i == 0 else "", who.shown(step.by) if i == 0 else "",
                  step.what if i == 0 else "", *field)
                 for step in self.steps for i, field in enumerate(step.fields or (("", "", ""),))]
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate(line):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        if not lines:
            heading.setText(f"<b>{name}</b> — the file keeps no change of it.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 900, 560)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if lines:
            self.table.setCurrentCell(0, COLUMNS.index("Field"))

    def showEvent(self, event) -> None:
        """Rows as high as their text once the columns have their widths (a long note wraps in After)."""
        super().showEvent(event)
        self.table.resizeRowsToContents()
