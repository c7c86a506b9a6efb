"""The per-row import report as a table: row, what will happen, ID, why."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...excel.import_plan import Action, RowReport
from ..theme import colours

COLOURS = {Action.INSERT: "#e8f5e9", Action.UPDATE: "#e3f2fd", Action.SKIP: "#f5f5f5", Action.ERROR: "#ffcdd2"}
HEADERS = ("Sheet", "Row", "Action", "ID", "Reason")


class ReportModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.reports: list[RowReport] = []

    def set_reports(self, reports: list[RowReport]) -> None:
        self.beginResetModel()
        # Errors first: they are what the user must act on.
        self.reports = sorted(reports, key=lambda r: (r.action != Action.ERROR, r.sheet, r.row))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.reports)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.reports[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.sheet, str(r.row), r.action.verb, r.code, r.reason)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colours().tint(COLOURS[r.action])))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return r.reason
        return None
