"""The per-row import report as a table: row, what will happen, ID, what the row becomes, why."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...excel.import_plan import Action, ImportPlan, PlannedRow, RowReport
from ...excel.skipped_rows import what_it_holds
from ...models.fields import Context, Field, Kind
from ...models.registers import REGISTERS
from ...models.values import day_text
from ..theme import colours

COLOURS = {Action.INSERT: "#e8f5e9", Action.UPDATE: "#e3f2fd", Action.SKIP: "#f5f5f5", Action.ERROR: "#ffcdd2"}
HEADERS = ("Sheet", "Row", "Action", "ID", "Imported as", "Reason")
SHOWN_FIELDS = 4  # the record's name and the first values after it; the tooltip has them all


def imported_as(register: str, values: dict, ctx: Context | None = None,
                was: dict | None = None) -> tuple[str, str]:
    """(a line, every value) of what a planned row will store: "Vendor slips · Owner: Ann · Probability:
    4 – High" — a level with its name on the office's scale, so that "Likely" can be checked at a glance.
    ``was``: an update's stored values of the fields it changes, each then shown as the office has it and as it
    will be — "Owner: Frodo → Sam": a re-imported register said "Owner: Sam" and "changes Owner", and what
    the import writes over was not to be seen (a title's too, the record's name then its old and new one)."""
    reg = REGISTERS[register]
    name = reg.name_field
    was = was or {}

    def text(f: Field, value) -> str:
        if f.name in was and value in (None, "", []):
            return "(empty)"
        if ctx is not None and f.kind is Kind.SCALE:
            return f.kind.cell_tip(f, value, ctx) or f.display(value)
        if isinstance(value, date):  # "3 Dec 2026", as the table will show it ("2026-12-03" was Excel's text)
            return day_text(value.date() if isinstance(value, datetime) else value)
        if isinstance(value, float) and f.kind is Kind.FLOAT:  # "1,234,567", as the table will show it ("1.23457e+06")
            return f.kind.display(value)
        return f.display(value)

    def shown(f: Field) -> str:
        now = text(f, values[f.name])
        return f"{text(f, was[f.name])} → {now}" if f.name in was else now

    parts = [(f.label, shown(f)) for f in reg.fields
             if f.name in values and (values[f.name] not in (None, "", []) or f.name in was)
             and f is not name and not f.kind.is_key]
    head = [shown(name)] if name is not None and (values.get(name.name) or name.name in was) else []
    line = " · ".join(head + [f"{label}: {text}" for label, text in parts[:SHOWN_FIELDS]])
    every = "\n".join(head + [f"{label}: {text}" for label, text in parts])
    return line, every


def _changes_nothing(planned: PlannedRow) -> bool:
    """A row the office already holds as the workbook gives it: "unchanged", or skipped as the same."""
    return planned.changes_nothing or (planned.same and planned.report.action is Action.SKIP)


class ReportModel(QAbstractTableModel):
    def __init__(self, parent=None, context: Context | None = None):
        super().__init__(parent)
        self.context = context  # the office's scales: levels read "4 – High"
        self.reports: list[RowReport] = []
        self._rows: list[tuple[str, PlannedRow]] = []  # (register, planned row), in the order shown
        self._headers: dict[str, list[str]] = {}  # sheet → its header texts, naming a skipped row's cells

    def set_plan(self, plan: ImportPlan | None) -> None:
        rows = [(sheet.register, p) for sheet in (plan.sheets if plan is not None else ()) for p in sheet.rows]
        self.beginResetModel()
        # Errors first: they are what the user must act on. Then the plan's own order — the workbook's sheets as
        # they were read, each sheet's rows down it — not sheet names A to Z, which put "R1_Scope creep", a detail
        # sheet merging into the summary's record, above the summary "Risk Register" whose rows it joins. Rows that
        # give what the office already has come last: a colleague's three edits to the office's export were listed
        # among 137 rows "same as the office's", 30 screens of them before the first change (walk52).
        rows.sort(key=lambda r: 0 if r[1].report.action is Action.ERROR else 2 if _changes_nothing(r[1]) else 1)
        self._rows = rows
        self._headers = {sheet.sheet: sheet.headers for sheet in (plan.sheets if plan is not None else ())}
        self.reports = [p.report for _, p in rows]
        self.endResetModel()

    def _imported_as(self, row: int) -> tuple[str, str]:
        """Worked out for the rows on screen only: a preview may plan 100,000 rows. A skipped row: what it holds."""
        register, planned = self._rows[row]
        # A refused row too: its cells as the workbook has them — "error R2" beside "no project called …" said
        # nothing of which risk it was, and a row whose title is missing showed nothing at all (walk52).
        if planned.report.name and not planned.raw:  # a record the workbook no longer has: the office's, kept
            return planned.report.name, planned.report.name
        if planned.report.action in (Action.SKIP, Action.ERROR):
            return what_it_holds(self._headers.get(planned.report.sheet, []), planned)
        if planned.report.action not in (Action.INSERT, Action.UPDATE) or not planned.values:
            return "", ""
        return imported_as(register, planned.values, self.context, planned.was)

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
        # A row giving the record as the office holds it is written over with nothing: "unchanged", on a skip's
        # grey, so that the rows a re-import changes are the blue ones among many the same
        same = self._rows[index.row()][1].changes_nothing
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 4:
                return self._imported_as(index.row())[0]
            # no row number for a record the workbook no longer has (deleted by a colleague): "0" read as a row
            row = str(r.row) if r.row else ""
            return (r.sheet, row, self._rows[index.row()][1].verb, r.code, "", r.reason)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colours().tint(COLOURS[Action.SKIP if same else r.action])))
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 4:
                return self._imported_as(index.row())[1] or None
            return r.reason if index.column() == 5 else None
        return None
