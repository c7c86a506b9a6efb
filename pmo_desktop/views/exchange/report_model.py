"""The per-row import report as a table: row, what will happen, ID, what the row becomes, why."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...excel.import_plan import Action, ImportPlan, PlannedRow, RowReport
from ...models.registers import REGISTERS
from ..theme import colours

COLOURS = {Action.INSERT: "#e8f5e9", Action.UPDATE: "#e3f2fd", Action.SKIP: "#f5f5f5", Action.ERROR: "#ffcdd2"}
HEADERS = ("Sheet", "Row", "Action", "ID", "Imported as", "Reason")
SHOWN_FIELDS = 4  # the record's name and the first values after it; the tooltip has them all


def imported_as(register: str, values: dict) -> tuple[str, str]:
    """(a line, every value) of what a planned row will store: "Vendor slips · Owner: Ann · Probability: 4"."""
    reg = REGISTERS[register]
    name = reg.name_field
    parts = [(f.label, f.display(values[f.name])) for f in reg.fields
             if f.name in values and values[f.name] not in (None, "", []) and f is not name and not f.kind.is_key]
    head = [name.display(values[name.name])] if name is not None and values.get(name.name) else []
    line = " · ".join(head + [f"{label}: {text}" for label, text in parts[:SHOWN_FIELDS]])
    every = "\n".join(head + [f"{label}: {text}" for label, text in parts])
    return line, every


class ReportModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.reports: list[RowReport] = []
        self._values: list[tuple[str, str]] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        rows: list[tuple[RowReport, tuple[str, str]]] = []
        for sheet in plan.sheets if plan is not None else ():
            rows.extend((p.report, self._imported_as(sheet.register, p)) for p in sheet.rows)
        self.beginResetModel()
        # Errors first: they are what the user must act on.
        rows.sort(key=lambda r: (r[0].action != Action.ERROR, r[0].sheet, r[0].row))
        self.reports = [r for r, _ in rows]
        self._values = [v for _, v in rows]
        self.endResetModel()

    @staticmethod
    def _imported_as(register: str, row: PlannedRow) -> tuple[str, str]:
        if row.report.action not in (Action.INSERT, Action.UPDATE) or not row.values:
            return "", ""
        return imported_as(register, row.values)

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
        line, every = self._values[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.sheet, str(r.row), r.action.verb, r.code, line, r.reason)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colours().tint(COLOURS[r.action])))
        if role == Qt.ItemDataRole.ToolTipRole:
            return {4: every, 5: r.reason}.get(index.column()) or None
        return None
